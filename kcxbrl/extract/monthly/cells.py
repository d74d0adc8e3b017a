"""Cells of the monthly return's tables: which header a cell sits under, what it prints.

A header spans the cells up to the next header, so a value printed one cell
to the right is still read under it.  A blank cell is no fact; a printed 0
is a fact of zero; a cell that is not a number is reported, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kcxbrl.extract.monthly.form import Column, Section
from kcxbrl.extract.monthly.reader import Reader
from kcxbrl.text.values import parse_number
from kcxbrl.xbrl.model import Number, Row, Table

NOT_APPLICABLE = re.compile(r"^(?:n/?a|not applicable)$", re.I)


@dataclass(frozen=True)
class Span:
    start: int
    end: int  # inclusive
    header: str


def spans(header: Row, width: int) -> list[Span]:
    marks = [(i, c.strip()) for i, c in enumerate(header.cells) if c.strip()]
    out = []
    for n, (i, text) in enumerate(marks):
        end = marks[n + 1][0] - 1 if n + 1 < len(marks) else width - 1
        out.append(Span(i, end, text))
    return out


def cells(row: Row, span: Span) -> list[tuple[int, str]]:
    """The printed cells of a row under one header, with their indexes."""
    return [(i, row.cells[i].strip()) for i in range(span.start, min(span.end, len(row.cells) - 1) + 1)
            if row.cells[i].strip()]


def currency(row: Row, index: int, reader: Reader) -> str | None:
    """The currency printed nearest to the left of a value cell."""
    for i in range(index - 1, -1, -1):
        found = reader.form.currency(row.cells[i]) if row.cells[i].strip() else None
        if found:
            return found
    return None


def has_number(row: Row) -> bool:
    return any(parse_number(c) is not None and c.strip() for c in row.cells[1:])


def column(section: Section, header: str) -> Column | None:
    return next((c for c in section.columns if c.header.search(header)), None)


def words(text: str) -> bool:
    """Words describing a movement: no digit, and not a 'not applicable'."""
    return not re.search(r"\d", text) and not NOT_APPLICABLE.match(text)


@dataclass(frozen=True)
class Place:
    """One table's header as read: where each column sits and how many cells a row has."""

    table: Table
    spans: tuple[Span, ...]
    cells: int
    section: str
    spec: Section

    def column(self, span: Span) -> Column | None:
        return column(self.spec, span.header)

    def shape_ok(self, reader: Reader, row: Row) -> bool:
        """A row that has more or fewer cells than its header may hold values under the wrong column."""
        if len(row.cells) == self.cells or not any(c.strip() for c in row.cells[1:]):
            return True
        reader.warn("kcxbrl:rowShapeMismatch", f"row '{row.label.strip()}' of table {self.table.index} "
                    f"(section {self.section}) has {len(row.cells)} cells, its header {self.cells}; "
                    "no value of the row is read", row.line)
        return False


def not_a_number(reader: Reader, text: str, label: str, table: Table, header: str, line: int) -> None:
    reader.warn("kcxbrl:cellNotNumber", f"cell '{text}' of row '{label.strip()}' (table {table.index}, "
                f"column '{header}') is not a number; no fact is written", line)


def numbers(reader: Reader, place: Place, row: Row, span: Span, label: str) -> list[tuple[int, Number]]:
    """The numbers under one header; currency codes are skipped, any other text is reported."""
    out = []
    for i, text in cells(row, span):
        if reader.form.currency(text):
            continue
        number = None if NOT_APPLICABLE.match(text) else parse_number(text)
        if number is None:
            not_a_number(reader, text, label, place.table, span.header, row.line)
            continue
        out.append((i, number))
    return out


def one_number(reader: Reader, place: Place, row: Row, span: Span, label: str, who: str) -> tuple[int, Number] | None:
    """The one number under a header and its cell; several are reported (``who`` prints them) and none is read."""
    found = numbers(reader, place, row, span, label)
    if len(found) > 1:
        reader.warn("kcxbrl:monthlyCellAmbiguous", f"{who} prints {len(found)} numbers under "
                    f"'{span.header}'; none is read", row.line)
    return found[0] if len(found) == 1 else None
