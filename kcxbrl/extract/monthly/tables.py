"""The tables of a monthly return: sections I and II (balances), part III (items), totals.

Columns are found by their header texts, never by position (the forms shift
columns between filings).  A row with more or fewer cells than its header
(a value could sit under the wrong column) is reported and not read.
"""

from __future__ import annotations

import re

from kcxbrl.extract.monthly.cells import (
    NOT_APPLICABLE, Place, Span, cells, column, currency, has_number, not_a_number, one_number, spans, words,
)
from kcxbrl.extract.monthly.form import Column, Form, Section
from kcxbrl.extract.monthly.items import APPROVAL_ROW, ItemRows
from kcxbrl.extract.monthly.reader import Reader
from kcxbrl.text.values import parse_number
from kcxbrl.xbrl.model import Row, Table

_PREAMBLE = re.compile(r"^(?:\d+\.\s*class of shares|stock code)", re.I)
_BALANCE_ROWS = (
    (re.compile(r"^balance at close of preceding month", re.I), "open"),
    (re.compile(r"^increase\s*/\s*decrease", re.I), "change"),
    (re.compile(r"^balance at close of the month", re.I), "close"),
)


def read_table(reader: Reader, table: Table, section: str) -> None:
    """Every row of one table of the return, in the section printed above it."""
    rows = list(table.rows)
    while rows and _PREAMBLE.match(rows[0].label.strip()):
        rows.pop(0)
    if not rows:
        return
    spec = reader.form.sections.get(section)
    place = None
    if spec is not None and _is_header(rows[0], spec, reader.form):
        header = rows.pop(0)
        place = Place(table, tuple(spans(header, table.width)), len(header.cells), section, spec)
    items = ItemRows()
    at = 0
    while at < len(rows):
        row = rows[at]
        at += 1
        if _grand_total(reader, table, row):
            continue
        unread = [row]
        if place is not None and place.spec.rows == "balances":
            if _balance_row(reader, place, row):
                continue
        elif place is not None:
            more = []  # rows that print only further movements of the item above
            while at < len(rows) and not APPROVAL_ROW.match(row.label.strip()) and _continues(place, rows[at]):
                more.append(rows[at])
                at += 1
            if items.row(reader, place, row, more):
                continue
            unread += more
        for other in unread:
            if has_number(other):
                reader.warn("kcxbrl:monthlyRowUnread", f"table {table.index} row '{other.label}' of the monthly "
                            f"return ({'section ' + section if section else 'no section'}) is not read", other.line)


def _continues(place: Place, row: Row) -> bool:
    """A row printing something under the movement header and nothing anywhere else."""
    if APPROVAL_ROW.match(row.label.strip()):
        return False
    moving = False
    for span in place.spans:
        found = place.column(span)
        if not cells(row, span):
            continue
        if found is None or found.read != "movement":
            return False
        moving = True
    return moving and not any(c.strip() for c in row.cells[place.cells:])


def _is_header(row: Row, spec: Section, the_form: Form) -> bool:
    if has_number(row) or any(g.pattern.search(row.label) for g in the_form.grand_totals):
        return False
    return any(c.strip() and column(spec, c.strip()) is not None for c in row.cells)


def _grand_total(reader: Reader, table: Table, row: Row) -> bool:
    for grand in reader.form.grand_totals:
        if not grand.pattern.search(row.label):
            continue
        printed = [(c.strip(), parse_number(c)) for c in row.cells[1:] if c.strip()]
        found = [n for _, n in printed if n is not None]
        unread = [t for t, n in printed if (n is None and re.search(r"\d", t)) or NOT_APPLICABLE.match(t)]
        for text in unread:
            not_a_number(reader, text, row.label, table, "total", row.line)
        if len(found) > 1:
            reader.warn("kcxbrl:monthlyCellAmbiguous", f"row '{row.label}' prints {len(found)} numbers; "
                        "none is read", row.line)
        elif found:
            reader.number(grand.concept, "month", found[0], row.line, table=table.index, row=row.label)
        return True
    return False


def _balance_row(reader: Reader, place: Place, row: Row) -> bool:
    """A row of section I or II: the balance before, the movement, the balance after."""
    label = row.label.strip()
    kind = next((k for pattern, k in _BALANCE_ROWS if pattern.match(label)), None)
    if kind is None:
        return False
    if not place.shape_ok(reader, row):
        return True
    described: list[tuple[int, str]] = []
    for span in place.spans:
        row_for_numbers = row
        if kind == "change" and place.spec.description:
            found = [(i, t) for i, t in cells(row, span) if words(t) and not reader.form.currency(t)]
            described += found
            taken = {i for i, _ in found}
            row_for_numbers = Row(row.line, tuple("" if i in taken else c for i, c in enumerate(row.cells)))
        _balance_cell(reader, place, row, row_for_numbers, span, kind)
    if described and place.spec.description:
        reader.text(place.spec.description, " ".join(t for _, t in sorted(described)), row.line,
                    table=place.table.index)
    return True


def _balance_cell(reader: Reader, place: Place, row: Row, row_for_numbers: Row, span: Span, kind: str) -> None:
    """The figure of a balance row under one header; ``row_for_numbers`` has its words blanked."""
    label = row.label.strip()
    found_column: Column | None = place.column(span)
    if found_column is None:
        if any(not reader.form.currency(t) for _, t in cells(row_for_numbers, span)):
            reader.warn("kcxbrl:monthlyColumnUnknown", f"column '{span.header}' of table {place.table.index} "
                        "is not known; its value is not read", row.line)
        return
    found = one_number(reader, place, row_for_numbers, span, label, f"row '{label}'")
    if found is None:
        return
    at, number = found
    concept = found_column.movement if kind == "change" else found_column.balance
    if concept is None:
        reader.warn("kcxbrl:monthlyRowUnread", f"'{span.header}' has no movement concept", row.line)
        return
    code = currency(row, at, reader) if found_column.read == "amount" else None
    if found_column.read == "amount" and code is None:
        reader.warn("kcxbrl:monthlyNoCurrency", f"no currency printed for '{span.header}'", row.line)
        return
    reader.number(concept, kind, number, row.line, currency=code, table=place.table.index,
                  row=label, column=span.header)
