"""The domain model shared by every stage: frozen records, Decimal values.

Each class stands for one XBRL 2.1 notion (section numbers in the docstrings)
or for one thing read from a filing.  Nothing here is mutated after it is
built; stages hand new objects to the next.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from functools import cached_property

from kcxbrl.findings import Finding

# --------------------------------------------------------------------------
# What the reader gives: lines of text and tables, with original line numbers
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class TextLine:
    """One line of prose or a heading, markup removed."""

    line: int
    text: str
    heading: bool = False


@dataclass(frozen=True)
class Row:
    """One table row: cell texts with markup removed, and the line it came from."""

    line: int
    cells: tuple[str, ...]

    @property
    def label(self) -> str:
        return self.cells[0] if self.cells else ""


@dataclass(frozen=True)
class Table:
    """A run of table rows (tab-separated or Markdown pipe rows)."""

    index: int
    rows: tuple[Row, ...]

    @property
    def line(self) -> int:
        return self.rows[0].line

    @property
    def width(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


Block = TextLine | Table


@dataclass(frozen=True)
class Document:
    """A filing as read: its blocks in order and its raw lines (1-based)."""

    path: str
    blocks: tuple[Block, ...]
    lines: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()  # what the reader saw in the text itself

    # worked out once: every stage walks them
    @cached_property
    def tables(self) -> tuple[Table, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Table))

    @cached_property
    def text_lines(self) -> tuple[TextLine, ...]:
        return tuple(b for b in self.blocks if isinstance(b, TextLine))


# --------------------------------------------------------------------------
# Periods, columns, printed numbers
# --------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Period:
    """xbrli:period (XBRL 2.1 4.7.2): an instant when start is None.

    Dates follow the spec's reading of a date without a time: an instant
    ``end`` is the end of that day, a duration runs from the start of
    ``start`` to the end of ``end``.
    """

    start: date | None
    end: date

    @property
    def is_instant(self) -> bool:
        return self.start is None

    @classmethod
    def instant(cls, day: date) -> Period:
        return cls(None, day)

    def opening(self) -> Period:
        """The instant just before a duration starts (an opening balance)."""
        if self.start is None:
            return self
        return Period(None, self.start - timedelta(days=1))

    def closing(self) -> Period:
        return Period(None, self.end)


def calendar_span(start: date, end: date) -> tuple[str, int, int] | None:
    """A duration of whole calendar months as (kind, year, number): ("FY", 2025, 1),
    ("H", 2025, 1), ("Q", 2025, 4) or ("M", 2025, 11); None for any other span."""
    if start.day != 1 or (end + timedelta(days=1)).day != 1:
        return None
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months == 12 and start.month == 1:
        return "FY", start.year, 1
    if months == 6 and start.month in (1, 7):
        return "H", start.year, 1 if start.month == 1 else 2
    if months == 3 and start.month in (1, 4, 7, 10):
        return "Q", start.year, (start.month + 2) // 3
    if months == 1:
        return "M", start.year, start.month
    return None


@dataclass(frozen=True)
class Number:
    """A number as printed in a cell or sentence.

    ``value`` carries the printed sign (parentheses make it negative) and no
    scale; ``decimals`` is the count of digits printed after the point.
    """

    value: Decimal
    decimals: int
    percent: bool = False
    nil: bool = False
    text: str = ""


class ColumnKind(str, Enum):
    VALUE = "value"
    NOTE = "note"
    CHANGE = "change"


@dataclass(frozen=True)
class Column:
    """What a table column's header says about its cells."""

    index: int
    kind: ColumnKind
    header: str
    period: Period | None = None
    currency: str | None = None  # ISO 4217 code
    scale: int = 0  # printed amounts are value x 10**scale
    percent: bool = False  # header says "(%)" or "%"


@dataclass(frozen=True)
class Layout:
    """A table's header rows resolved into columns."""

    header_rows: int
    columns: tuple[Column, ...]  # one per cell after the row label (the first cell)

    @property
    def value_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.kind is ColumnKind.VALUE)


# --------------------------------------------------------------------------
# The instance: entity, contexts, units, facts
# --------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Entity:
    """xbrli:entity/xbrli:identifier (XBRL 2.1 4.7.3)."""

    scheme: str
    identifier: str


@dataclass(frozen=True, order=True)
class Member:
    """One dimension value in a context segment (XBRL Dimensions 1.0).

    Explicit members hold a member QName; typed members hold the text of
    the typed-domain element.
    """

    dimension: str
    value: str
    typed: bool = False


@dataclass(frozen=True, order=True)
class Context:
    """xbrli:context (XBRL 2.1 4.7)."""

    id: str
    entity: Entity
    period: Period
    members: tuple[Member, ...] = ()


@dataclass(frozen=True, order=True)
class Unit:
    """xbrli:unit (XBRL 2.1 4.8): a measure or a divide."""

    id: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...] = ()


@dataclass(frozen=True, order=True)
class Provenance:
    """Where a fact was printed: file, line, table, row label, column header."""

    file: str
    line: int
    table: int | None = None
    row: str | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        if self.table is not None:
            where += f" table {self.table}"
        if self.row:
            where += f" row '{self.row}'"
        if self.column:
            where += f" column '{self.column}'"
        return where


@dataclass(frozen=True)
class Fact:
    """An item fact (XBRL 2.1 4.6): numeric when ``unit`` is set.

    ``value`` is a Decimal in full units for numeric facts and a string for
    text facts (dates as ISO strings).  ``decimals`` is None for text facts.
    """

    concept: str
    context: Context
    value: Decimal | str
    unit: Unit | None = None
    decimals: int | None = None
    lang: str | None = None
    sources: tuple[Provenance, ...] = ()

    @property
    def is_numeric(self) -> bool:
        return self.unit is not None

    @classmethod
    def made(
        cls, concept: str, context: Context, value: Decimal | str, unit: Unit | None, decimals: int | None,
        lang: str | None, sources: tuple[Provenance, ...],
    ) -> Fact:
        """``Fact(...)`` with every field given, at a third of the cost: a frozen
        dataclass sets its fields one by one through ``object.__setattr__``; this
        fills the new fact's fields at once (assembling makes one for every fact)."""
        fact = object.__new__(cls)
        object.__setattr__(fact, "__dict__", {
            "concept": concept, "context": context, "value": value, "unit": unit,
            "decimals": decimals, "lang": lang, "sources": sources,
        })
        return fact


@dataclass(frozen=True)
class Instance:
    """Everything one instance document holds, ready to render."""

    source: str
    schema_ref: str
    entity: Entity
    contexts: tuple[Context, ...]
    units: tuple[Unit, ...]
    facts: tuple[Fact, ...]
    extra_namespaces: tuple[tuple[str, str], ...] = field(default=())


@dataclass(frozen=True)
class Draft:
    """A fact mapped to a concept, before contexts and units are assembled.

    ``currency`` is the ISO code of a monetary or per-share value; the
    assembler turns concept type + currency into the unit.
    """

    concept: str
    period: Period
    value: Decimal | str
    decimals: int | None
    source: Provenance
    currency: str | None = None
    members: tuple[Member, ...] = ()
    lang: str | None = None
