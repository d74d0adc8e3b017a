"""Place each table of a filing: the lines above it, its scale and its role.

A table's role (statement or note) comes from the few lines printed just
above it: a title such as "UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS"
or an intro sentence.  A table with no text between it and the previous one
continues the previous table's role (a statement split by a page break).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from dataclasses import replace

from kcxbrl.findings import Finding, info
from kcxbrl.headers import PERIOD_UNKNOWN, resolve_layout, scale_from_text
from kcxbrl.model import ColumnKind, Document, Layout, Period, Table, TextLine
from kcxbrl.taxonomy import Role, Taxonomy
from kcxbrl.labels import exact_key
from kcxbrl.values import find_dates, parse_number

log = logging.getLogger(__name__)

# How many lines above a table may name its role.
_TITLE_REACH = 4


@dataclass(frozen=True)
class PlacedTable:
    table: Table
    layout: Layout
    above: tuple[TextLine, ...]  # text lines between the previous table and this one
    role: Role | None
    scale: int


def _match_role(lines: tuple[TextLine, ...], taxonomy: Taxonomy) -> Role | None:
    for line in reversed(lines[-_TITLE_REACH:]):
        for role in taxonomy.roles:
            if any(p.search(line.text) for p in role.match):
                return role
    return None


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
    scores: list[tuple[int, float, Role]] = []
    for role in taxonomy.roles:
        if not role.match or role.columns:
            continue  # roles placed by their own readers, or read column-wise
        index = taxonomy.label_index(role.id)
        named = [
            label for label in labelled
            if any(not taxonomy.concepts[n.concept].abstract for n in index.exact.get(exact_key(label), ()))
        ]
        items = sum(1 for n in role.nodes if not taxonomy.concepts[n.concept].abstract)
        # how much of the role the table fills: a summary table names few rows of a
        # statement but every row of a highlights role
        scores.append((len(named), len(named) / max(items, 1), role))
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
    scale = 0
    previous_role: Role | None = None
    for block in document.blocks:
        if isinstance(block, TextLine):
            above.append(block)
            stated = scale_from_text(block.text)
            if stated is not None:
                scale = stated
            continue
        lines = tuple(above)
        role = _match_role(lines, taxonomy)
        if role is None and not lines:
            role = previous_role
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
        findings.extend(layout_findings)
        placed.append(PlacedTable(block, layout, lines, role, scale))
        previous_role = role
        above = []
    return placed, findings


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
