"""What became of every number printed in a filing's tables.

A *number* of a table is a cell whose whole text is a number (a nil dash
included: it becomes a fact of zero), and each date or number printed inside
a cell of text ("Mar 31, 2025", "1).", "2013 Share Option Scheme").  Each one
gets an outcome:

* ``fact``: the first printing of a fact (concept, context, unit named);
* ``duplicate``: a fact first printed elsewhere (the line is named);
* ``skipped``: a number that is no fact by design, with the reason;
* ``unexplained``: none of the above applies.

Outcomes come from the mapping's cell records (kept in the conversion's
trace), each fact cell linking the draft it became, and, for cover and
monthly-return facts, from the facts' provenance (line and value).  The report is plain
text, one line per number, the same for the same input.
"""

from __future__ import annotations

import re
from collections import Counter
from operator import attrgetter
from dataclasses import dataclass
from decimal import Decimal
from typing import Mapping, NamedTuple

from kcxbrl.conversion import Conversion
from kcxbrl.xbrl.assemble import unit_for
from kcxbrl.xbrl.jinja import xml_decimal
from kcxbrl.extract.cells import FACT, SKIPPED, CellResult
from kcxbrl.extract.mapping import TableResult
from kcxbrl.xbrl.model import Draft, Fact, Instance, Row
from kcxbrl.extract.prose import TEXT_COLUMN
from kcxbrl.extract.tables import PlacedTable, describe_scale
from kcxbrl.xbrl.taxonomy import Taxonomy
from kcxbrl.text.memo import text_cache
from kcxbrl.text.values import MONTHS, parse_date, parse_number

DUPLICATE = "duplicate"
UNEXPLAINED = "unexplained"
OUTCOMES = (FACT, DUPLICATE, SKIPPED, UNEXPLAINED)

_MONTH_WORD = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DATE = re.compile(
    rf"\b(?:{_MONTH_WORD}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH_WORD},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})(?!\d)",
    re.I,
)
_PARTIAL_DATE = re.compile(rf"\b{_MONTH_WORD}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH_WORD}", re.I)
# a number inside text: not glued to a letter on either side ("AA1", "RMB'000" stay out)
_INNER = re.compile(r"(?<![\w.,'’])[-−–]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w'’]|,\d)")
_DIGITS, _YEAR_DIGITS = re.compile(r"\d"), re.compile(r"\d{4}")  # what numbers and dates print; dates print 4
_ROW_NUMBER = re.compile(r"^\(?\d{1,2}\)\.?")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_SECTION_NUMBER = re.compile(r"^\d{1,2}\.\s")
_STOCK_CODE = re.compile(r"^stock code", re.I)


@dataclass(frozen=True)
class CoveredNumber:
    """One number printed in a table and what became of it."""

    line: int
    table: int
    column: int
    text: str
    outcome: str
    detail: str


@dataclass(frozen=True)
class Coverage:
    """Every number of one filing's tables, in printed order."""

    source: str
    numbers: tuple[CoveredNumber, ...]
    from_text: tuple[str, ...] = ()  # facts taken from sentences, one line each
    not_from_text: tuple[str, ...] = ()  # figures of sentences that became no fact, with the reason
    scales: tuple[tuple[int, int, str], ...] = ()  # (table, its line, the scale its columns were read with)

    def count(self, outcome: str) -> int:
        return sum(1 for n in self.numbers if n.outcome == outcome)

    def summary(self) -> str:
        return (
            f"numbers: {len(self.numbers)} in tables, "
            f"{self.count(FACT) + self.count(DUPLICATE)} facts/duplicates, "
            f"{self.count(SKIPPED)} skipped, {self.count(UNEXPLAINED)} unexplained"
        )

    def report(self) -> str:
        tally = Counter(map(attrgetter("outcome"), self.numbers))
        counts = ", ".join(f"{o} {tally[o]}" for o in OUTCOMES)
        lines = [f"# {self.source}: {len(self.numbers)} numbers in tables; {counts}"]
        scales = {table: (line, text) for table, line, text in self.scales}
        for n in self.numbers:
            if n.table in scales:  # before the table's first number
                line, text = scales.pop(n.table)
                lines.append(f"# {self.source}:{line} table {n.table}: {text}")
            outcome = "UNEXPLAINED" if n.outcome == UNEXPLAINED else n.outcome
            lines.append(f"{self.source}:{n.line} table {n.table} cell {n.column} '{n.text}': {outcome} {n.detail}")
        lines.append(f"# {self.source}: {len(self.from_text)} figures taken from the text")
        lines.extend(self.from_text)
        lines.append(f"# {self.source}: {len(self.not_from_text)} figures of the text not taken")
        lines.extend(self.not_from_text)
        return "\n".join(lines) + "\n"


class _Token(NamedTuple):  # one for every number of every cell: a tuple is made at a third of the cost
    text: str
    value: Decimal | None
    day: str | None  # ISO date of a printed date
    whole: bool  # the token is the whole cell


@text_cache()
def tokens(cell: str) -> tuple[_Token, ...]:
    """The numbers a cell prints: the cell itself, or dates and numbers inside its text."""
    text = cell.strip()
    if not text:
        return ()
    number = parse_number(text)
    if number is not None:
        return (_Token(text, number.value, None, True),)
    if _DIGITS.search(text) is None:  # most cells of words: no date, no number
        return ()
    out: list[tuple[int, _Token]] = []
    taken: list[range] = []
    for match in _DATE.finditer(text) if _YEAR_DIGITS.search(text) else ():
        day = parse_date(match[0])
        out.append((match.start(), _Token(match[0], None, day.isoformat() if day else None, False)))
        taken.append(range(match.start(), match.end()))
    for match in _INNER.finditer(text):
        if any(match.start() in span for span in taken):
            continue
        inner = parse_number(match[0])
        out.append((match.start(), _Token(match[0], inner.value if inner else None, None, False)))
    return tuple(t for _, t in sorted(out, key=lambda p: p[0]))


# A fact's identity as plain values (a period's dates, not the Period), hashed without calling Python.


def _key(draft: Draft, taxonomy: Taxonomy, units: dict[tuple[str, str | None], str] | None = None) -> tuple[object, ...]:
    """The identity of the fact a draft is part of; ``units`` keeps the unit id of each
    (concept, currency) already asked for."""
    unit = units.get((draft.concept, draft.currency)) if units is not None else None
    if unit is None:
        concept = taxonomy.concept(draft.concept)
        made = unit_for(concept.type, draft.currency) if concept.numeric else None
        unit = made.id if made else ""
        if units is not None:
            units[(draft.concept, draft.currency)] = unit
    period, members = draft.period, draft.members
    if members:
        members = tuple(sorted(members))
    return (draft.concept, period.start, period.end, members, unit, draft.lang)


def _fact_key(fact: Fact) -> tuple[object, ...]:
    period = fact.context.period
    return (fact.concept, period.start, period.end, fact.context.members, fact.unit.id if fact.unit else "", fact.lang)


class _Walk:
    """Assigns outcomes while the tables are walked in printed order."""

    def __init__(self, instance: Instance, taxonomy: Taxonomy,
                 facts_of: Mapping[int, tuple[Draft, Fact]] | None = None) -> None:
        self.taxonomy, self.instance = taxonomy, instance
        self.facts_of = facts_of or {}  # as assembled: a draft's fact without working out its identity
        self._facts: dict[tuple[object, ...], Fact] | None = None  # by identity, made when first needed
        self.units: dict[tuple[str, str | None], str] = {}  # (concept, currency) → unit id
        # by the id() of a fact: what the report calls it, the first line printing it, the line it was first met
        self.state: dict[int, list] = {}  # type: ignore[type-arg]
        self.prefix = taxonomy.prefix
        self.text_facts: dict[str, list[Fact]] = {}
        self.extension_facts: dict[int, list[Fact]] = {}  # of extension concepts, by the line they came from
        for fact in instance.facts:
            if ":" in fact.concept:
                for source in fact.sources:
                    self.extension_facts.setdefault(source.line, []).append(fact)
            if isinstance(fact.value, str) and fact.sources:
                self.text_facts.setdefault(fact.value, []).append(fact)

    def fact_of(self, draft: Draft) -> Fact | None:
        """The instance's fact of a draft the trace does not know: the fact of its identity."""
        if self._facts is None:
            self._facts = {_fact_key(f): f for f in self.instance.facts}
        return self._facts.get(_key(draft, self.taxonomy, self.units))

    def text_printed_before(self, text: str, line: int) -> str | None:
        """A text fact of this value printed above (a form repeating its stock code)."""
        for fact in self.text_facts.get(text, ()):
            first = fact.sources[0].line
            if first < line:
                return f"{self.prefix}:{fact.concept} context {fact.context.id} (first printed at line {first})"
        return None

    def of_extension(self, line: int) -> tuple[str, str] | None:
        """The next extension fact printed on this line, in column order."""
        waiting = self.extension_facts.get(line)
        if not waiting:
            return None
        fact = waiting.pop(0)
        unit = f" unit {fact.unit.id}" if fact.unit else ""
        return FACT, f"{fact.concept} context {fact.context.id}{unit} (extension concept)"

    def of_draft(self, draft: Draft, line: int) -> tuple[str, str]:
        assembled = self.facts_of.get(id(draft))  # as assembled, most often
        fact = assembled[1] if assembled is not None and assembled[0] is draft else self.fact_of(draft)
        if fact is None:
            return UNEXPLAINED, f"{self.prefix}:{draft.concept} was mapped but is in no fact"
        state = self.state.get(id(fact))
        if state is None:
            unit = f" unit {fact.unit.id}" if fact.unit else ""
            what = f"{self.prefix}:{fact.concept} context {fact.context.id}{unit}"
            sources = fact.sources
            first = sources[0].line if len(sources) == 1 else min(s.line for s in sources)
            state = self.state[id(fact)] = [what, first, None]
        what, first, seen = state
        if seen is None:
            state[2] = line
            if first < line:
                return DUPLICATE, f"{what} (first printed at line {first})"
            return FACT, what
        # printed twice on one line counts once
        return DUPLICATE, f"{what} (first printed at line {min(first, seen)})"


def _loose_match(token: _Token, cell: str, drafts: list[Draft], used: set[int]) -> Draft | None:
    """A cover or monthly-return draft printed on this line that holds this number."""
    for draft in drafts:
        if id(draft) in used:
            continue
        value = draft.value
        hit = False
        if isinstance(value, Decimal) and token.value is not None:
            hit = value == token.value or value == abs(token.value)
        elif isinstance(value, str):
            hit = value == cell.strip() or (token.day is not None and value == token.day)
            # an exhibit's number is the typed member of its description
            hit = hit or any(m.typed and m.value == token.text for m in draft.members)
        if hit:
            used.add(id(draft))
            return draft
    return None


def _member_name(token: _Token, drafts: list[Draft]) -> str | None:
    for draft in drafts:
        for member in draft.members:
            if member.typed and re.search(rf"(?<![\d.,]){re.escape(token.text)}(?![\d])", member.value):
                return member.value
    return None


def _skip_reason(token: _Token, cell: str, index: int, row: Row, header: bool) -> str | None:
    if header:
        if token.day or _YEAR.match(token.text) or _PARTIAL_DATE.search(cell):
            return "year or date in a header"
        return "number in a column header"
    text = cell.strip()
    if re.search(rf"\(note\s+{re.escape(token.text)}\)", text, re.I):
        return "note reference in a form field"
    if index == 0 and not token.whole:  # the row label
        if _ROW_NUMBER.match(text) and text.startswith(token.text):
            return "row number"
        if _SECTION_NUMBER.match(text) and text.startswith(token.text):
            return "section number of a form field label"
        return f"number inside the row label '{text}'"
    if _STOCK_CODE.match(row.label.strip()) and token.whole:
        return "form field: stock code (one HkexStockCode fact per filing)"
    return None


def cover(conversion: Conversion, taxonomy: Taxonomy) -> Coverage:
    """Outcome of every number of every table of one converted filing,
    from what the conversion read (its trace), without reading it again."""
    trace = conversion.trace
    assert trace is not None, "a conversion made by convert_document carries its trace"
    walk = _Walk(conversion.instance, taxonomy, trace.facts_of)
    by_line: dict[int, list[Draft]] = {}
    for draft in trace.loose:
        by_line.setdefault(draft.source.line, []).append(draft)
    used: set[int] = set()
    numbers: list[CoveredNumber] = []
    for table, result in trace.tables:
        numbers += _walk_table(table, _records(result), by_line, used, walk, trace.consumed)
    scales = tuple((t.table.index, t.table.line, describe_scale(t)) for t, result in trace.tables if result is not None)
    return Coverage(conversion.source, tuple(numbers), _from_text(conversion.instance, taxonomy),
                    _not_from_text(conversion.source, conversion.cells), scales)


def _not_from_text(source: str, cells: tuple[CellResult, ...]) -> tuple[str, ...]:
    """Each figure of a sentence that names a concept but became no fact, and why."""
    return tuple(
        f"{source}:{c.line} text '{c.text}': {SKIPPED} {c.detail}"
        for c in sorted(cells, key=attrgetter("line"))
        if c.column == TEXT_COLUMN and c.outcome == SKIPPED
    )


def _from_text(instance: Instance, taxonomy: Taxonomy) -> tuple[str, ...]:
    """Each prose source of a numeric fact: the sentence's line and the fact."""
    out: list[tuple[int, str]] = []
    for fact in instance.facts:
        if fact.unit is None:
            continue
        for source in fact.sources:
            if source.table is None and source.column == "text":
                unit = f" unit {fact.unit.id}"
                out.append((source.line or 0,
                            f"{source.file}:{source.line} text: fact {taxonomy.prefix}:{fact.concept} "
                            f"context {fact.context.id}{unit} value {xml_decimal(fact.value)} ('{source.row}')"))
    # by line as a number, from the record: a file name may itself hold a ':'
    return tuple(text for _, text in sorted(set(out)))


def _records(result: TableResult | None) -> dict[tuple[int, int], CellResult]:
    """The mapping's record of each number of a table, by line and cell index."""
    if result is None:
        return {}
    return {(c.line, c.column): c for c in result.cells}


def _walk_table(
    placed: PlacedTable,
    cells: dict[tuple[int, int], CellResult],
    by_line: dict[int, list[Draft]],
    used: set[int],
    walk: _Walk,
    consumed: frozenset[int],
) -> list[CoveredNumber]:
    table = placed.table
    header_rows = 0 if table.index in consumed else placed.layout.header_rows
    out: list[CoveredNumber] = []
    for position, row in enumerate(table.rows):
        header = position < header_rows
        line = row.line
        loose = by_line.get(line)
        here = [d for d in loose if d.source.table in (None, table.index)] if loose else []
        for index, cell in enumerate(row.cells):
            for token in tokens(cell):
                record = cells.get((line, index)) if not header and token.whole else None
                if record is not None and record.draft is not None:  # most numbers: a fact's cell
                    outcome, detail = walk.of_draft(record.draft, line)
                else:
                    outcome, detail = _outcome(token, cell, index, row, header, record, here, used, walk)
                out.append(_covered(line, table.index, index, token.text, outcome, detail))
    return out


def _covered(line: int, table: int, column: int, text: str, outcome: str, detail: str) -> CoveredNumber:
    """``CoveredNumber(...)`` at a third of the cost (as :meth:`Fact.made`): one for every number."""
    number = object.__new__(CoveredNumber)
    object.__setattr__(number, "__dict__", {
        "line": line, "table": table, "column": column, "text": text, "outcome": outcome, "detail": detail})
    return number


def _outcome(
    token: _Token,
    cell: str,
    index: int,
    row: Row,
    header: bool,
    record: CellResult | None,
    here: list[Draft],
    used: set[int],
    walk: _Walk,
) -> tuple[str, str]:
    """What became of a number that is no fact's cell (``record``: the mapping's record of
    it, when it has one; one of a fact is decided by the caller)."""
    if record is not None:
        if record.outcome == SKIPPED:
            return SKIPPED, record.detail
        extended = walk.of_extension(row.line)
        if extended is not None:
            return extended
        return UNEXPLAINED, f"not converted: {record.detail}"
    draft = _loose_match(token, cell, here, used) if not header else None
    if draft is not None:
        return walk.of_draft(draft, row.line)
    if not header and token.whole:
        repeated = walk.text_printed_before(cell.strip(), row.line)
        if repeated is not None:
            return DUPLICATE, repeated
    member = _member_name(token, here) if not header and not token.whole else None
    if member is not None:
        return SKIPPED, f"part of the name '{member}' (a typed dimension member)"
    reason = _skip_reason(token, cell, index, row, header)
    if reason is not None:
        return SKIPPED, reason
    words = next((d for d in here if isinstance(d.value, str) and cell.strip() and cell.strip() in d.value), None)
    if words is not None:
        return SKIPPED, f"words of the text fact {walk.prefix}:{words.concept}"
    if not token.whole:
        return SKIPPED, "date or number inside the words of a text cell"
    return UNEXPLAINED, "no fact and no reason"
