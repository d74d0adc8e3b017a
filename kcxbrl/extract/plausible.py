"""Plausibility checks: readings that parse but that a filing cannot mean.

A 6-K reports on its own month and the periods before it: a column dated
five years after the cover's month is a typo or a damaged file, not a
forecast.  A currency that a single table states and nothing else in the
filing does is more likely a wrong caption than a second currency.  A results
announcement whose balance sheet, income statement or cash flow statement is
missing, or a file whose last sentence stops in the middle, has been cut
short.  Each is a warning naming file and line; the facts stay as read.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from kcxbrl.extract.cover import cover_month
from kcxbrl.findings import Finding, warning
from kcxbrl.extract.kinds import FilingKinds, Kind
from kcxbrl.xbrl.model import Document, Fact, Instance, Period, Table, TextLine
from kcxbrl.resources import taxonomy_dir
from kcxbrl.text.currencies import currencies
from kcxbrl.text.screen import Lines, Screen, screen
from kcxbrl.extract.tables import PlacedTable

PERIOD_AFTER = "kcxbrl:periodAfterReport"
PERIOD_LONG_BEFORE = "kcxbrl:periodLongBeforeReport"
CURRENCY_ONCE = "kcxbrl:currencyStatedOnce"
STATEMENT_MISSING = "kcxbrl:statementMissing"
TRUNCATED = "kcxbrl:truncatedText"

# How far back a 6-K's figures may reach: comparative years of a five-year summary.
_PAST_YEARS = 10
# A last line that stops after a word or a comma, in a sentence of some length.
_OPEN_END = re.compile(r"[A-Za-z,;(\-–—]$")
_MIN_WORDS = 8
# A table's caption: the few short lines right above it (a paragraph is prose, not a caption).
_CAPTION_LINES = 3
_CAPTION_LENGTH = 150


def plausibility(
    document: Document, kinds: FilingKinds, instance: Instance, placed: Sequence[PlacedTable]
) -> list[Finding]:
    """Every plausibility finding of one filing."""
    found = _periods(document, instance)
    found += _currencies(document, instance, placed)
    found += _statements(document, kinds, placed)
    found += _truncated(document)
    return found


def _periods(document: Document, instance: Instance) -> list[Finding]:
    cover = cover_month(document.text_lines)
    if cover is None:
        return []
    month, cover_line = cover
    found = []
    for period, fact in _first_fact_by_period(instance.facts).items():
        where = _where(fact, document.path)
        shown = _shown(period)
        if period.end > month.end:
            found.append(warning(
                PERIOD_AFTER,
                f"facts of {shown} ({fact.concept} first) end after the month this filing reports on "
                f"(line {cover_line}: {month.end:%B %Y}); check the column's date",
                **where))
        elif period.end.year < month.end.year - _PAST_YEARS:
            found.append(warning(
                PERIOD_LONG_BEFORE,
                f"facts of {shown} ({fact.concept} first) end more than {_PAST_YEARS} years before "
                f"the month this filing reports on (line {cover_line}: {month.end:%B %Y}); check the column's date",
                **where))
    return found


def _first_fact_by_period(facts: Iterable[Fact]) -> dict[Period, Fact]:
    by_context: dict[int, Fact] = {}  # facts share few contexts: a period is hashed once for each
    for fact in facts:
        by_context.setdefault(id(fact.context), fact)
    first: dict[Period, Fact] = {}
    for fact in by_context.values():
        first.setdefault(fact.context.period, fact)
    return first


def _shown(period: Period) -> str:
    return f"{period.end}" if period.start is None else f"{period.start} to {period.end}"


def _where(fact: Fact, path: str) -> dict[str, object]:
    if fact.sources:
        return {"file": fact.sources[0].file, "line": fact.sources[0].line}
    return {"file": path}


def _currencies(document: Document, instance: Instance, placed: Sequence[PlacedTable]) -> list[Finding]:
    """A currency of facts that only one place in the filing states."""
    units = {id(f.unit): f.unit for f in instance.facts if f.unit is not None}  # few, shared by the facts
    used = {m.split(":", 1)[1] for unit in units.values() for m in unit.numerator if m.startswith("iso4217:")}
    if len(used) < 2:
        return []  # a filing in one currency has no twin to be mistaken for
    owner, captions = _place_of_lines(placed)
    stating = Stating(*_texts(document))
    found = []
    for code in sorted(used):
        # one table, and only its caption or header says so, while the filing's other currencies
        # are stated elsewhere: a relabelled twin, not a row's own currency or a two-currency table
        table, first = _caption_only(stating.lines(code), owner, captions)
        if table is None or table <= 0:
            continue
        if any(owner.get(n, -n) != table for other in sorted(used - {code}) for n in stating.lines(other)):
            found.append(warning(
                CURRENCY_ONCE,
                f"{code} is stated by the caption of one table only and nowhere else in the filing, beside "
                f"{', '.join(sorted(used - {code}))}; check the table's currency caption",
                file=document.path, line=first))
    return found


def _caption_only(lines: Iterator[int], owner: dict[int, int], captions: set[int]) -> tuple[int | None, int]:
    """The place (table index; minus the line outside tables) of every line, when they share
    one and are all captions or header rows; and the first line.  Stops at the first that is not."""
    first = next(lines, None)
    if first is None or first not in captions:
        return None, 0
    place = owner.get(first, -first)
    for n in lines:
        if n not in captions or owner.get(n, -n) != place:
            return None, first
    return place, first


class Stating:
    """The lines that state each currency (its pattern finds them), found as they
    are asked for.  A line is searched only where the screen of the currency's
    patterns admits it (:mod:`kcxbrl.text.screen`): most lines are never looked at
    one by one."""

    def __init__(self, numbers: list[int], texts: list[str]) -> None:
        self.numbers, self.texts = numbers, texts
        self.joined = Lines(texts)  # joined once, for every currency asked for

    def lines(self, code: str) -> Iterator[int]:
        """The numbers of the lines whose text a pattern of ``code`` matches, in order."""
        patterns = [p for p, c in currencies().words() if c == code]
        if not patterns:
            return
        passed = _screen_of(code).passing(self.joined)
        for index, text in enumerate(self.texts):
            if passed[index] and any(p.search(text) for p in patterns):
                yield self.numbers[index]


@lru_cache(maxsize=64)
def _screen_of(code: str) -> Screen:
    return screen(p for p, c in currencies().words() if c == code)


def _texts(document: Document) -> tuple[list[int], list[str]]:
    """Every line's text as read (markup taken off), and the line numbers."""
    numbers: list[int] = []
    texts: list[str] = []
    for block in document.blocks:
        if isinstance(block, Table):
            for row in block.rows:
                numbers.append(row.line)
                texts.append(" ".join(row.cells))
        elif isinstance(block, TextLine):
            numbers.append(block.line)
            texts.append(block.text)
    return numbers, texts


def _place_of_lines(placed: Sequence[PlacedTable]) -> tuple[dict[int, int], set[int]]:
    """Line number -> table index, for the rows of each table and the caption lines
    above it; and the lines of captions and header rows."""
    owner: dict[int, int] = {}
    captions: set[int] = set()
    for item in placed:
        for number, row in enumerate(item.table.rows):
            owner[row.line] = item.table.index
            if number < item.layout.header_rows:
                captions.add(row.line)
        for line in item.above:
            owner.setdefault(line.line, item.table.index)
        for line in item.above[-_CAPTION_LINES:]:
            if len(line.text) <= _CAPTION_LENGTH:
                captions.add(line.line)
    return owner, captions


@dataclass(frozen=True)
class _Expected:
    """What each kind of filing always carries (taxonomy/mapping/plausible.toml)."""

    results_roles: tuple[str, ...]
    monthly_sections: tuple[tuple[str, re.Pattern[str]], ...]


@lru_cache(maxsize=1)
def _expected() -> _Expected:
    data = tomllib.loads((taxonomy_dir() / "mapping" / "plausible.toml").read_text(encoding="utf-8"))
    sections = tuple((s["name"], re.compile(s["pattern"], re.IGNORECASE)) for s in data["monthly_return"]["sections"])
    return _Expected(tuple(data["results"]["roles"]), sections)


def _statements(document: Document, kinds: FilingKinds, placed: Sequence[PlacedTable]) -> list[Finding]:
    """A part the filing's kind always carries and this filing lacks."""
    expected = _expected()
    last = len(document.lines) or None
    missing: list[str] = []
    if kinds.holds(Kind.RESULTS):
        present = {p.role.id for p in placed if p.role is not None}
        missing += [f"no table of role {role}" for role in expected.results_roles if role not in present]
    if kinds.holds(Kind.MONTHLY_RETURN):
        texts = [line.text for line in document.text_lines]
        missing += [f"no part '{name}' of the monthly return" for name, pattern in expected.monthly_sections
                    if not any(pattern.match(text) for text in texts)]
    return [
        warning(STATEMENT_MISSING, f"the filing's exhibits promise it but {what} is in it; "
                "the document may be cut short (its facts are missing)", file=document.path, line=last)
        for what in missing
    ]


def _truncated(document: Document) -> list[Finding]:
    """The file's last block is a sentence that stops in the middle."""
    if not document.blocks:
        return []
    last = document.blocks[-1]
    if isinstance(last, Table) or not isinstance(last, TextLine) or last.heading:
        return []
    text = last.text.rstrip()
    if len(text.split()) < _MIN_WORDS or not _OPEN_END.search(text):
        return []
    return [warning(TRUNCATED, f"the file ends in the middle of a sentence ('…{text[-40:]}'); "
                    "it may be cut short", file=document.path, line=last.line)]

