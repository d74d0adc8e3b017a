"""Rows of part III of the monthly return: one share scheme or other movement per row.

A scheme's figures carry the typed ``ShareSchemeAxis`` whose value is the
scheme's printed name; each other movement of part III (E) carries the typed
``OtherMovementAxis`` whose value is its printed number.  A scheme may print
several movements, in one cell or in rows below it; each is then written by
its kind (granted, exercised, ...), as the form prints no sum of them.
"""

from __future__ import annotations

import re

from kcxbrl.extract.concepts import declared_by
from kcxbrl.extract.monthly.cells import (
    NOT_APPLICABLE, Place, Span, cells, currency, not_a_number, one_number, words,
)
from kcxbrl.extract.monthly.form import Column
from kcxbrl.extract.monthly.reader import Reader
from kcxbrl.text.values import parse_number
from kcxbrl.xbrl.model import Member, Number, Row
from kcxbrl.xbrl.taxonomy import PREFIX

APPROVAL_ROW = re.compile(r"^general meeting approval date(?: \(if applicable\))?\s*(.*)$", re.I)
_APPROVAL = declared_by(__name__)("ShareSchemeApprovalDate")
_ORDINAL = re.compile(r"^(\d+)\)\.?\s*")
# words then a signed number, repeated: `Exercised - new shares involved -2,370,720 Lapsed -5,000`
_WORDS_AND_NUMBER = re.compile(r"\s*(?P<text>[^\d]*?[A-Za-z)])?\s*(?P<num>[-−–]?\d[\d,]*(?:\.\d+)?)(?=\s|$)")

_Entry = tuple[str, "Number | None", Row]  # a movement's words, its figure, the row printing it


class ItemRows:
    """Rows of part III: one scheme or movement per row, approval date rows after a scheme."""

    def __init__(self) -> None:
        self.last: tuple[Member, ...] | None = None
        self.count = 0

    def row(self, reader: Reader, place: Place, row: Row, more: list[Row]) -> bool:
        """Read one item row (and the rows continuing its movements); False if it is none."""
        approval = APPROVAL_ROW.match(row.label.strip())
        if approval:
            text = approval[1] or " ".join(c for c in row.cells[1:] if c.strip())
            if self.last is not None and text.strip():
                reader.day(_APPROVAL, text, row.line, members=self.last, table=place.table.index)
            return self.last is not None or not text.strip()
        self.last = None
        if not place.shape_ok(reader, row):
            for other in more:
                reader.warn("kcxbrl:monthlyRowUnread", f"row '{other.label.strip()}' continues row {row.line}, "
                            "which is not read; it is not read either", other.line)
            return True
        named = self._name(place, row)
        if named is None:
            return False
        name, key = named
        spec = place.spec
        members = (Member(f"{PREFIX}:{spec.axis}", key, typed=True),) if spec.axis else ()
        reader.sections[members] = place.section
        self.last = members
        if spec.name:
            reader.text(spec.name, name, row.line, members=members, table=place.table.index)
        for span in place.spans:
            column = place.column(span)
            if column is None:
                if any(not reader.form.currency(t) for _, t in cells(row, span)):
                    reader.warn("kcxbrl:monthlyColumnUnknown", f"column '{span.header}' of table "
                                f"{place.table.index} is not known; its value is not read", row.line)
            elif column.read == "movement":
                _movement(reader, place, [row, *more], span, column, members, name)
            elif column.read != "name":
                _cell(reader, place, row, span, column, members, name)
        return True

    def _name(self, place: Place, row: Row) -> tuple[str, str] | None:
        """The item's printed name and its member's value; None when the row names no item."""
        name_span = next((s for s in place.spans if (c := place.column(s)) is not None and c.read == "name"), None)
        if name_span is None:
            return None
        printed_cells = cells(row, name_span)
        if any(parse_number(t) is not None for _, t in printed_cells):
            return None  # a number where the name belongs: not a row of this form
        printed = " ".join(t for _, t in printed_cells).strip()
        ordinal = _ORDINAL.match(printed)
        name = _ORDINAL.sub("", printed).strip()
        if not name:
            return None
        self.count += 1
        key = name if place.spec.member == "name" else (ordinal[1] if ordinal else str(self.count))
        return name, key


def _cell(reader: Reader, place: Place, row: Row, span: Span, column: Column,
          members: tuple[Member, ...], name: str) -> None:
    printed = cells(row, span)
    assert column.concept is not None
    if column.read == "date":
        if printed:
            reader.day(column.concept, " ".join(t for _, t in printed), row.line, members=members,
                       table=place.table.index)
        return
    found = one_number(reader, place, row, span, name, f"'{name}'")
    if found is None:
        return
    at, number = found
    code = None
    if column.read == "amount":
        code = currency(row, at, reader)
        if code is None:
            reader.warn("kcxbrl:monthlyNoCurrency", f"no currency printed for '{span.header}' of '{name}'",
                        row.line)
            return
    reader.number(column.concept, column.period, number, row.line, currency=code, members=members,
                  table=place.table.index, row=name, column=span.header)


def _movement(reader: Reader, place: Place, rows: list[Row], span: Span, column: Column,
              members: tuple[Member, ...], name: str) -> None:
    """`Others | -85,575` in two cells, `Exercised - ... -2,370,720` in one, more rows of the same.

    One movement is the column's concept with its words as description; several are each
    written by their kind (granted, exercised, ...), as the form prints no sum of them.
    """
    entries: list[_Entry] = []
    for row in rows:
        if row is not rows[0] and not place.shape_ok(reader, row):
            continue
        for _, text in cells(row, span):
            for printed, number in _movement_cell(reader, place, row, span, text, name):
                if not printed and number is not None and entries and entries[-1][1] is None:
                    entries[-1] = (entries[-1][0], number, row)  # the number after its words
                else:
                    entries.append((printed, number, row))
    counted = [(w, n, r) for w, n, r in entries if n is not None]
    texts = [w for w, _, _ in entries if w]
    assert column.concept is not None
    if len(counted) == 1:
        _, number, row = counted[0]
        reader.number(column.concept, column.period, number, row.line, members=members,  # type: ignore[arg-type]
                      table=place.table.index, row=name, column=span.header)
    elif counted:
        _movements_by_kind(reader, place, span, column, members, name, counted)
    if texts and column.text:
        reader.text(column.text, (" " if len(counted) < 2 else "; ").join(texts), rows[0].line,
                    members=members, table=place.table.index)


def _movement_cell(reader: Reader, place: Place, row: Row, span: Span, text: str,
                   name: str) -> list[tuple[str, Number | None]]:
    """A movement cell as (words, number) pairs; a cell that reads as neither is reported."""
    number = None if NOT_APPLICABLE.match(text) else parse_number(text)
    if number is not None:
        return [("", number)]
    if words(text):
        return [(text, None)]
    pairs: list[tuple[str, Number | None]] = []
    end = 0
    for match in _WORDS_AND_NUMBER.finditer(text):
        inner = parse_number(match["num"])
        printed = (match["text"] or "").strip()
        if match.start() != end or inner is None or not re.search(r"[A-Za-z]", printed):
            break  # every figure follows the words naming it
        pairs.append((printed, inner))
        end = match.end()
    if pairs and text[end:].strip() == "":
        return pairs
    not_a_number(reader, text, name, place.table, span.header, row.line)
    return []


def _movements_by_kind(reader: Reader, place: Place, span: Span, column: Column,
                       members: tuple[Member, ...], name: str, counted: list[_Entry]) -> None:
    kinds = [_kind(column, printed) for printed, _, _ in counted]
    for (printed, number, row), kind in zip(counted, kinds):
        assert number is not None
        if kind is None or kinds.count(kind) > 1:
            shown = f"{printed} {number.text}".strip()
            reader.warn("kcxbrl:monthlyMovementUnread", f"'{name}' prints {len(counted)} movements; '{shown}' "
                        "names no kind of its own (granted, exercised, cancelled, lapsed); it is not read", row.line)
            continue
        reader.number(kind, column.period, number, row.line, members=members, table=place.table.index,
                      row=name, column=span.header)


def _kind(column: Column, printed: str) -> str | None:
    found = {concept for pattern, concept in column.kinds if pattern.search(printed)}
    return found.pop() if len(found) == 1 else None
