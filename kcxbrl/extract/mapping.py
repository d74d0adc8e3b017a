"""Table rows → concepts, with us-gaap signs, periods and scale.

A row label is matched against the printed labels of the table's role, the
concepts' labels and the synonym list, all normalized (:mod:`kcxbrl.extract.naming`).
Every number of the table gets a record (:mod:`kcxbrl.extract.cells`): a
fact links the draft it became, anything else says why.  Rows without values
are headings: they move the current section, which decides between two
concepts printed with the same words ("Prepayments and other assets" under
current or non-current assets).  The sign follows the presentation node: a
node whose balance differs from the balance printed as positive around it
(an expense on the income statement) is printed negated, so its value is
the printed amount with the sign flipped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal

from kcxbrl.extract.cells import FACT, SKIPPED, UNMAPPED, CellResult
from kcxbrl.findings import Finding, error, info, warning
from kcxbrl.xbrl.model import Column, ColumnKind, Draft, Layout, Member, Number, Period, Provenance, Row
from kcxbrl.extract.naming import Pick, choose, name_row
from kcxbrl.extract.tables import PlacedTable
from kcxbrl.xbrl.taxonomy import Concept, LabelIndex, Node, Taxonomy, normalize_label
from kcxbrl.text.values import as_ratio, parse_number, scaled

log = logging.getLogger(__name__)

ROW_SHAPE_MISMATCH = "kcxbrl:rowShapeMismatch"


@dataclass(frozen=True)
class UnmatchedRow:
    """A row whose label names no concept, with what an extension needs."""

    label: str
    line: int
    table: int
    role: str
    natural: str | None
    values: tuple[tuple[Column, str, Number], ...]
    previous: Node | None = None  # the node printed just above it in its table (heading or row)


@dataclass(frozen=True)
class TableResult:
    """What mapping one table gave; each fact cell links the draft it became."""

    drafts: tuple[Draft, ...]
    findings: tuple[Finding, ...]
    cells: tuple[CellResult, ...]
    unmatched: tuple[UnmatchedRow, ...] = ()


# --------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------


def _fact_value(
    concept: Concept, number: Number, column: Column
) -> tuple[Decimal, int] | str:
    """Value in full units and decimals, or a reason it cannot be a fact."""
    if concept.type == "monetary":
        if number.percent or column.percent:
            return "a percentage where an amount is expected"
        return scaled(number, column.scale)
    if concept.type in ("pure", "percent"):
        if number.percent or column.percent:
            return as_ratio(number)
        return number.value, number.decimals
    if concept.type in ("shares", "perShare", "integer", "decimal"):
        return number.value, number.decimals
    return f"a {concept.type} concept takes no number"


def _period(concept: Concept, node: Node, column: Column) -> Period | str:
    period = column.period
    if period is None:
        return f"column '{column.header}' has no period"
    if concept.period == "instant":
        if period.is_instant:
            return period
        return period.opening() if "start" in node.flags else period.closing()
    if period.is_instant:
        return f"duration concept {concept.name} under an instant column '{column.header}'"
    return period


# --------------------------------------------------------------------------
# Rows
# --------------------------------------------------------------------------


def _repair(row: Row) -> tuple[str, list[str], bool]:
    """Label and cells after the label; shifts a label printed one cell right."""
    cells = list(row.cells)
    label = cells[0].strip() if cells else ""
    rest = cells[1:]
    if not label and rest and rest[0].strip() and parse_number(rest[0]) is None:
        return rest[0].strip(), rest[1:], True
    return label, rest, False


_Paired = tuple[Column, str, int]  # a column, the text printed under it, and that cell's index in the row


class _Shape:
    """A table's columns as rows are paired with them (worked out once per table)."""

    def __init__(self, layout: Layout) -> None:
        self.columns = layout.columns
        self.headed = bool(layout.header_rows)
        self.named = [c for c in self.columns if c.header.strip()] if self.headed else list(self.columns)
        # the positions after the label of columns under no header
        self.unnamed = [c.index - 1 for c in self.columns if not c.header.strip()] if self.headed else []


def _pair(rest: list[str], shifted: bool, shape: _Shape) -> tuple[list[_Paired], str | None]:
    """Each cell after the label with its column, or why the cells cannot be
    paired with columns without a guess.

    A row printed one cell to the right pairs only when its cells fill every
    column: with fewer, the values may sit where they are printed or one
    column to the left.  A row with its label in place pairs cell by cell; a
    shorter one pairs only when it ends in an empty cell (what it lost at its
    end was empty).  A value under no header means the row has another shape
    than the header.
    """
    named = shape.named
    if shifted:
        if len(rest) != len(named):
            return [], (f"its label sits in a value column and {len(rest)} cell(s) follow it "
                        f"for {len(named)} column(s), so no value's column is known")
        return [(column, text, at) for at, (column, text) in enumerate(zip(named, rest), 2)], None
    width = len(rest)
    pairs = [(c, rest[c.index - 1] if 0 < c.index <= width else "", c.index) for c in shape.columns]
    if any(at < width and rest[at].strip() for at in shape.unnamed):
        printed = sum(1 for t in rest if t.strip())
        return [], f"it prints {printed} cell(s) where the header names {len(named)} column(s), so no value's column is known"
    if len(rest) < len(named) and rest and rest[-1].strip():
        # a row that stops at a value, short of the header: a value may have been
        # lost anywhere in it, so its cells may sit one column off
        return [], (f"it prints {len(rest)} cell(s) for the header's {len(named)} column(s) and "
                    f"nothing marks which is missing, so no value's column is known")
    return pairs, None


_Value = tuple[Column, int, str, Number]  # a number printed in a value column: column, cell index, text, number


def map_table(placed: PlacedTable, taxonomy: Taxonomy, source: str) -> TableResult:
    """Map every number of one financial table (whose role is known)."""
    mapper = _Mapper(placed, taxonomy, source)
    for row in placed.table.rows[placed.layout.header_rows :]:
        mapper.row(row)
    return TableResult(tuple(mapper.drafts), tuple(mapper.findings), tuple(mapper.cells), tuple(mapper.unmatched))


class _Mapper:
    """Maps one table's rows in printed order, keeping the section they sit in."""

    def __init__(self, placed: PlacedTable, taxonomy: Taxonomy, source: str) -> None:
        role = self.role = placed.role
        self.table, self.layout, self.taxonomy, self.source = placed.table, placed.layout, taxonomy, source
        self.shape = _Shape(placed.layout)
        self.index = taxonomy.label_index(role.id) if role else LabelIndex({}, {})
        self.blanks = list(role.blanks) if role else []
        self.column_concepts = dict(role.columns) if role else {}
        self.section: Node | None = None
        self.named: list[Node] = []  # nodes rows of this table already named
        self.previous: Node | None = None  # the node printed just above (heading or row)
        self.pending: str | None = None  # words that may begin a label wrapped onto the next row
        self.drafts: list[Draft] = []
        self.findings: list[Finding] = []
        self.cells: list[CellResult] = []
        self.unmatched: list[UnmatchedRow] = []

    def _warn(self, code: str, message: str, row: Row) -> None:
        self.findings.append(warning(code, message, file=self.source, line=row.line))

    def row(self, row: Row) -> None:
        label, rest, shifted = _repair(row)
        pairs, problem = _pair(rest, shifted, self.shape)
        if problem is not None and self._unplaced(row, label, problem):
            return
        if shifted and pairs:
            # a label printed in the first value cell, its cells filling every column
            self._warn("kcxbrl:malformedRow",
                       f"row '{label}' of table {self.table.index} has its label in a value column; "
                       f"its {sum(1 for _, t, _ in pairs if t.strip())} value(s) are read from the first column on",
                       row)
        values = self._values(row, label, pairs)
        if not values:
            self._heading(label)
            return
        node, label = self._node(row, label, values)
        if node is not None:
            self._facts(row, label, node, values)

    def _values(self, row: Row, label: str, pairs: list[_Paired]) -> list[_Value]:
        """The numbers of the value columns; a number in a note or change column
        is recorded as skipped, a value cell that is no number is a finding."""
        values: list[_Value] = []
        for column, text, at in pairs:
            printed = text.strip()
            if not printed:
                continue
            number = parse_number(text)
            if column.kind is not ColumnKind.VALUE:
                if number is not None:
                    reason = "note reference" if column.kind is ColumnKind.NOTE else "percentage change column"
                    self.cells.append(CellResult(row.line, at, printed, SKIPPED, reason))
            elif number is None:
                self._warn("kcxbrl:cellNotNumber",
                           f"cell '{printed}' of row '{label}' (table {self.table.index}, column "
                           f"'{column.header}') is not a number", row)
            else:
                values.append((column, at, printed, number))
        return values

    def _heading(self, label: str) -> None:
        """A row without values: a heading opens a section, other words may be
        the first half of a label wrapped onto two rows."""
        if not label:
            return
        head = choose(self.index, label, self.section, self.taxonomy, values=False).node
        if head is not None:
            self.section, self.pending, self.previous = head, None, head
        else:
            self.pending = f"{self.pending} {label}" if self.pending else label

    def _node(self, row: Row, label: str, values: list[_Value]) -> tuple[Node | None, str]:
        """The node a row with values names (None when it names none or several,
        its numbers recorded), and the label that named it."""
        pick, label, self.section = name_row(self.index, label, self.pending, self.section, self.taxonomy)
        self.pending = None
        if pick.loose and any(pick.node is n for n in self.named):
            # a row only like one printed above it in the same table is another item
            pick = Pick(None)
        if pick.node is not None:
            self.named.append(pick.node)
        node = pick.node
        if node is None and not label and self.blanks:
            node = self.blanks.pop(0)  # unlabelled totals match the role's blank rows in order
        if pick.ambiguous:
            names = ", ".join(sorted({n.concept for n in pick.ambiguous}))
            self._warn("kcxbrl:ambiguousRow",
                       f"row '{label}' of table {self.table.index} may name any of {names} and no heading "
                       f"above it decides; its {len(values)} value(s) are not written", row)
            self._left(row, values, f"row '{label}' is ambiguous")
            return None, label
        if node is None:
            self._unmatched(row, label, values)
            return None, label
        if pick.loose:
            self.findings.append(info(
                "kcxbrl:rowMatchedLoosely",
                f"row '{label}' of table {self.table.index} is read as {node.concept} ('{node.printed}')",
                file=self.source, line=row.line,
            ))
        self.previous = node
        if node.children and not self.taxonomy.concepts[node.concept].abstract:
            self.section = node
        return node, label

    def _left(self, row: Row, values: list[_Value], why: str) -> None:
        self.cells.extend(CellResult(row.line, at, text, UNMAPPED, why) for _, at, text, _ in values)

    def _unmatched(self, row: Row, label: str, values: list[_Value]) -> None:
        """A row naming no concept: reported, and kept for an extension concept."""
        role = self.role
        where = f"role {role.id}" if role else "no known statement or note"
        self._warn("kcxbrl:unmappedRow",
                   f"row '{label or '(no label)'}' of table {self.table.index} matches no concept ({where}); "
                   f"its {len(values)} value(s) need a concept (an extension concept, unless --no-extend)", row)
        self._left(row, values, f"row '{label}'")
        if role is not None and label:
            natural = self.section.natural if self.section is not None else role.root.natural
            printed = tuple((column, text, number) for column, _, text, number in values)
            self.unmatched.append(UnmatchedRow(label, row.line, self.table.index, role.id, natural, printed,
                                               self.previous))

    def _facts(self, row: Row, label: str, node: Node, values: list[_Value]) -> None:
        """A draft for each value of a row naming ``node``, linked from its cell."""
        concepts, index, line = self.taxonomy.concepts, self.table.index, row.line
        row_concept = concepts[node.concept]
        members = (tuple(Member(f"{self.taxonomy.prefix}:{axis}", f"{self.taxonomy.prefix}:{member}")
                         for axis, member in node.members) if node.members else ())
        for column, at, text, number in values:
            concept = row_concept
            if self.column_concepts:
                name = self.column_concepts.get(normalize_label(column.header))
                if name is None:
                    role = self.role.id if self.role else ""
                    self._warn("kcxbrl:unmappedColumn",
                               f"column '{column.header}' of table {index} names no concept of role {role}",
                               row)
                    self.cells.append(CellResult(line, at, text, UNMAPPED, f"column '{column.header}'"))
                    continue
                concept = concepts[name]
            made = _draft(concept, node, column, number, members,
                          Provenance(self.source, line, index, label or node.printed, column.header))
            if isinstance(made, str):
                self.findings.append(error(
                    "kcxbrl:cellNotConverted", f"row '{label}' column '{column.header}' ({text}): {made}",
                    file=self.source, line=line,
                ))
                self.cells.append(CellResult(line, at, text, UNMAPPED, made))
                continue
            self.drafts.append(made)
            self.cells.append(CellResult(line, at, text, FACT, concept.name, made))

    def _unplaced(self, row: Row, label: str, problem: str) -> bool:
        """Report every number of a row that cannot be paired with columns; False
        when it prints none (a heading printed out of place reads as a heading)."""
        printed = [(i, t.strip()) for i, t in enumerate(row.cells) if i > 0 and parse_number(t) is not None]
        if not printed:
            return False
        self._warn(ROW_SHAPE_MISMATCH,
                   f"row '{label or '(no label)'}' of table {self.table.index}: {problem}; its {len(printed)} "
                   f"number(s) ({', '.join(t for _, t in printed)}) are left unplaced", row)
        self.cells.extend(CellResult(row.line, i, t, UNMAPPED, f"row '{label}' does not fit the columns: {problem}")
                          for i, t in printed)
        return True


def unplaced_numbers(placed_table: PlacedTable, source: str) -> tuple[list[CellResult], list[Finding]]:
    """Numbers of a table no role claims: each is reported, none is dropped silently."""
    table, layout = placed_table.table, placed_table.layout
    cells = []
    for row in table.rows[layout.header_rows :]:
        for index, text in enumerate(row.cells[1:], 1):
            if text.strip() and parse_number(text) is not None:
                cells.append(CellResult(row.line, index, text.strip(), UNMAPPED, "table of no known statement or note"))
    findings = []
    if cells:
        findings.append(warning(
            "kcxbrl:unmappedTable",
            f"table {table.index} ({len(cells)} numbers) belongs to no statement or note kcxbrl knows; "
            f"first row '{table.rows[min(layout.header_rows, len(table.rows) - 1)].label}'",
            file=source, line=table.line,
        ))
    return cells, findings


def _draft(
    concept: Concept, node: Node, column: Column, number: Number, members: tuple[Member, ...], where: Provenance
) -> Draft | str:
    value = _fact_value(concept, number, column)
    if isinstance(value, str):
        return value
    period = _period(concept, node, column)
    if isinstance(period, str):
        return period
    amount, decimals = value
    if node.negated:
        amount = -amount
    currency = None
    if concept.type in ("monetary", "perShare"):
        if column.currency is None:
            return f"column '{column.header}' states no currency"
        currency = column.currency
    # (positional: a dataclass takes keywords at twice the cost, and every table fact is one)
    return Draft(concept.name, period, amount, decimals, where, currency, members)
