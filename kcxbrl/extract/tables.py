"""Place each table of a filing: the lines above it, its scale and its role.

A table's role (statement or note) comes from the few lines printed just
above it: a title such as "UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS"
or an intro sentence.  A table with no text between it and the previous one
continues the previous table's role (a statement split by a page break).

A caption's scale ("in thousands", "RMB'000") reaches the tables of the
section it is printed in: until the next caption stating a scale, or the next
heading or title that opens a section of the same or a higher level.  A
numbered note heading ("3. REVENUES") opens a section inside the notes, so
the scale stated once under "NOTES TO THE ... FINANCIAL STATEMENTS" reaches
every note, while a scale stated inside one note ends with that note.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from kcxbrl.findings import Finding, info, warning
from kcxbrl.extract.headers import PERIOD_UNKNOWN, resolve_layout, scale_from_text
from kcxbrl.xbrl.model import Column, ColumnKind, Document, Layout, Period, Table, TextLine
from kcxbrl.xbrl.taxonomy import Role, Taxonomy
from kcxbrl.text.screen import Screen, screen, screen_of
from kcxbrl.text.values import find_dates, parse_number

log = logging.getLogger(__name__)

# How many lines above a table may name its role.
_TITLE_REACH = 4

SCALE_UNKNOWN = "kcxbrl:scaleUnknown"

# "1. CORPORATE INFORMATION", "(3) Revenues", "Note 4 Accounts receivable": a section inside the notes
_NUMBERED = re.compile(r"^(?:\d{1,2}\.|\(\d{1,2}\)|note\s+\d{1,2}[.:]?)\s+\S", re.IGNORECASE)
_TITLE_WORDS = 16
# rows of share counts and per-share amounts print no scaled amounts
_SHARES = re.compile(r"\b(?:shares?|ADSs?)\b(?!-)|\bper\s+(?:share|ADS)\b", re.IGNORECASE)


@dataclass(frozen=True)
class PlacedTable:
    table: Table
    layout: Layout
    above: tuple[TextLine, ...]  # text lines between the previous table and this one
    role: Role | None
    scale: int  # the scale a caption in reach states (0 when none does)
    scale_line: int | None = None  # the line of that caption


def _match_role(lines: tuple[TextLine, ...], titles: _Titles) -> Role | None:
    for line in reversed(lines[-_TITLE_REACH:]):
        role = titles.role(line.text)
        if role is not None:
            return role
    return None


class _Titles:
    """The role a text names: the first of the taxonomy's roles one of whose
    patterns matches it.  Each distinct text is read once per filing, and a
    pattern is searched only in a text that prints the words it must print."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        # every pattern in the roles' order, with the role it names
        self.tests = [(screen_of(p).admits, p.search, role) for role in taxonomy.roles for p in role.match]
        self.any = _screen_all(tuple(p for role in taxonomy.roles for p in role.match))  # most texts pass none
        self.seen: dict[str, Role | None] = {}

    def role(self, text: str) -> Role | None:
        if text in self.seen:
            return self.seen[text]
        found = None
        if self.any.admits(text):
            found = next((role for admits, search, role in self.tests if admits(text) and search(text)), None)
        self.seen[text] = found
        return found


@lru_cache(maxsize=8)
def _screen_all(patterns: tuple[re.Pattern[str], ...]) -> Screen:
    return screen(patterns)


# A table whose title names no role takes the role most of its rows name:
# at least this many rows, and at least this share of its labelled rows.
_MIN_ROWS = 3
_MIN_SHARE = 0.5


def _role_from_rows(table: Table, layout: Layout, taxonomy: Taxonomy) -> Role | None:
    """The one role whose labels name most of the table's rows, if one stands out."""
    labelled = [
        row.label for row in table.rows[layout.header_rows :]
        if row.label.strip() and any(parse_number(c) is not None for c in row.cells[1:])
    ]
    keys = {label: taxonomy.exact_key(label) for label in labelled}
    scores: list[tuple[int, float, Role]] = []
    for role in taxonomy.roles:
        if not role.match or role.columns:
            continue  # roles placed by their own readers, or read column-wise
        items, naming = taxonomy.items(role.id)
        named = sum(1 for label in labelled if keys[label] in naming)
        # how much of the role the table fills: a summary table names few rows of a
        # statement but every row of a highlights role
        scores.append((named, named / max(items, 1), role))
    scores.sort(key=lambda s: (-s[0], -s[1]))
    if not scores or scores[0][0] < max(_MIN_ROWS, _MIN_SHARE * len(labelled)):
        return None
    if len(scores) > 1 and scores[1][:2] == scores[0][:2]:
        return None  # two roles name the rows equally well: no guess
    return scores[0][2]


def place_tables(document: Document, taxonomy: Taxonomy) -> tuple[list[PlacedTable], list[Finding]]:
    """Resolve header, scale and role of every table, in document order."""
    placed: list[PlacedTable] = []
    findings: list[Finding] = []
    above: list[TextLine] = []
    titles = _Titles(taxonomy)
    sections = _Sections()
    previous_role: Role | None = None
    for block in document.blocks:
        if isinstance(block, TextLine):
            above.append(block)
            sections.read(block, titles)
            continue
        lines = tuple(above)
        role = _match_role(lines, titles)
        if role is None and not lines:
            role = previous_role
        scale, scale_line = sections.scale()
        layout, layout_findings = resolve_layout(block, document.path, scale)
        if role is None:
            role = _role_from_rows(block, layout, taxonomy)
            if role is not None:
                layout_findings.append(info(
                    "kcxbrl:roleFromRows",
                    f"table {block.index} has no title kcxbrl knows; its rows are those of {role.definition}",
                    file=document.path, line=block.line,
                ))
        if role is not None:
            layout, dated = _date_from_text(layout, lines, document.path)
            if dated is not None:
                layout_findings = [f for f in layout_findings if f.code != PERIOD_UNKNOWN]
                layout_findings.append(dated)
            if scale_line is None:
                layout_findings.extend(_scale_unknown(block, layout, document.path))
        findings.extend(layout_findings)
        placed.append(PlacedTable(block, layout, lines, role, scale, scale_line))
        previous_role = role
        above = []
    return placed, findings


class _Sections:
    """The open sections of a document while it is read, each with the scale
    a caption printed in it states (level 0 is the document itself)."""

    def __init__(self) -> None:
        # (level, scale stated, its line, whether a table has been read since)
        self.open: list[tuple[int, int | None, int | None, bool]] = [(0, None, None, False)]

    def read(self, line: TextLine, titles: _Titles) -> None:
        level, names_role = _section_level(line, titles)
        if level is not None:
            keeps = level == 1 and not names_role  # a plain heading may sit between a caption and its table
            while self.open[-1][0] >= level and not (keeps and self._waiting()):
                self.open.pop()
            self.open.append((level, None, None, False))
        stated = scale_from_text(line.text)
        if stated is not None:
            self.open[-1] = (self.open[-1][0], stated, line.line, False)

    def _waiting(self) -> bool:
        """A caption no table has followed yet: a heading naming no statement
        ("(Unaudited)", the company's name) printed before the table does
        not end it."""
        _, scale, _, reached = self.open[-1]
        return scale is not None and not reached

    def scale(self) -> tuple[int, int | None]:
        """The scale in reach and the line that states it; the caption has now reached a table."""
        for i in range(len(self.open) - 1, -1, -1):
            level, scale, line, _ = self.open[i]
            if scale is not None:
                self.open[i] = (level, scale, line, True)
                return scale, line
        return 0, None


def _section_level(line: TextLine, titles: _Titles) -> tuple[int | None, bool]:
    """1 for a heading or a statement's title, 2 for a numbered note, None for
    prose; and, for a level-1 line, whether it names a statement or note."""
    text = line.text.strip()
    # (a split stopped after the words a title may have: a paragraph is not split to its end)
    title = not text.endswith((".", ":", ";", ",")) and len(text.split(None, _TITLE_WORDS)) <= _TITLE_WORDS
    if (line.heading or title) and _NUMBERED.match(text):
        return 2, False
    names_role = title and titles.role(text) is not None
    if line.heading or names_role:
        return 1, names_role
    return None, False


def _scale_unknown(table: Table, layout: Layout, source: str) -> list[Finding]:
    """A table of whole currency amounts whose header and captions state no
    scale is read in full units; say so, for the amounts may be thousands."""
    unscaled = [c for c in layout.value_columns if _amount_column(c) and scale_from_text(c.header) is None]
    rows = table.rows[layout.header_rows :]
    amounts = [
        row.line
        for row in rows
        if not _SHARES.search(row.label)
        for c in unscaled
        if c.index < len(row.cells) and _whole_amount(row.cells[c.index])
    ]
    if not amounts:
        return []
    return [warning(
        SCALE_UNKNOWN,
        f"table {table.index}: no caption in reach and no column header states the scale of its "
        f"amounts (first at line {amounts[0]}); they are read as full units",
        file=source, line=table.line,
    )]


def _amount_column(column: Column) -> bool:
    return column.currency is not None and not column.percent


def _whole_amount(cell: str) -> bool:
    number = parse_number(cell)
    return number is not None and not number.nil and not number.percent and number.decimals == 0


def describe_scale(placed: PlacedTable) -> str:
    """The scale each value column's amounts were read with, and where it was stated."""
    parts: dict[str, list[str]] = {}
    for column in placed.layout.value_columns:
        if column.percent:
            what = "percentages (no scale)"
        elif column.currency is None:
            what = "counts and ratios (no currency, no scale)"
        elif scale_from_text(column.header) is not None:
            what = f"amounts {_times(column.scale)} (scale from the column header)"
        elif placed.scale_line is not None:
            what = f"amounts {_times(column.scale)} (scale from line {placed.scale_line})"
        else:
            what = "amounts in full units (no scale stated in reach)"
        parts.setdefault(what, []).append(str(column.index))
    return "; ".join(f"{what} in column{'s' if len(cols) > 1 else ''} {', '.join(cols)}" for what, cols in parts.items())


def _times(scale: int) -> str:
    return f"x{10 ** scale}" if scale else "in full units"


def _date_from_text(
    layout: Layout, lines: tuple[TextLine, ...], source: str
) -> tuple[Layout, Finding | None]:
    """A table whose header names no date (the employee table) is as at the
    date of the sentence introducing it ("as of December 31, 2025")."""
    undated = [c for c in layout.columns if c.kind is ColumnKind.VALUE and c.period is None]
    if not undated or len(undated) != len(layout.value_columns):
        return layout, None
    for line in reversed(lines[-_TITLE_REACH:]):
        dates = find_dates(line.text)
        if dates:
            day = dates[-1]
            columns = tuple(
                replace(c, period=Period.instant(day)) if c in undated else c for c in layout.columns
            )
            return replace(layout, columns=columns), info(
                "kcxbrl:periodFromText",
                f"the table below takes its date {day.isoformat()} from the sentence above it",
                file=source, line=line.line,
            )
    return layout, None
