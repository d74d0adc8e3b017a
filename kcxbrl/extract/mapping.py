"""Table rows → concepts, with us-gaap signs, periods and scale.

A row label is matched against the printed labels of the table's role, the
concepts' labels and the synonym list, all normalized.  Rows without values
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

from kcxbrl.findings import Finding, error, info, warning
from kcxbrl.xbrl.model import Column, ColumnKind, Draft, Layout, Member, Number, Period, Provenance, Row
from kcxbrl.extract.tables import PlacedTable
from kcxbrl.xbrl.taxonomy import Concept, LabelIndex, Node, Taxonomy, normalize_label
from kcxbrl.text.values import as_ratio, parse_number, scaled

log = logging.getLogger(__name__)

ROW_SHAPE_MISMATCH = "kcxbrl:rowShapeMismatch"


@dataclass(frozen=True)
class CellResult:
    """What became of one printed number (kept for the coverage report)."""

    line: int
    column: int
    text: str
    outcome: str  # "fact", "skipped", "unmapped"
    detail: str


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
    drafts: tuple[Draft, ...]
    findings: tuple[Finding, ...]
    cells: tuple[CellResult, ...]
    unmatched: tuple[UnmatchedRow, ...] = ()


@dataclass(frozen=True)
class Trace:
    """What a conversion read, kept so the coverage report need not redo it."""

    loose: tuple[Draft, ...]  # cover and monthly-return drafts, placed by line
    consumed: frozenset[int]  # tables read as monthly-return forms
    tables: tuple[tuple[PlacedTable, TableResult | None], ...]  # None: no role, not mapped


# --------------------------------------------------------------------------
# Choosing among nodes printed with the same words
# --------------------------------------------------------------------------


def _under(node: Node, section: Node | None) -> bool:
    return section is not None and any(node is n for n in section.walk()[1:])


@dataclass(frozen=True)
class Pick:
    """The node a label names, or the candidates no section decides between."""

    node: Node | None
    ambiguous: tuple[Node, ...] = ()
    loose: bool = False  # found only through the loose key


def _distinct(nodes: tuple[Node, ...]) -> list[Node]:
    """Nodes that would give different facts (the same concept printed twice
    at one place of a tree gives the same fact)."""
    seen: dict[tuple[object, ...], Node] = {}
    for node in nodes:
        seen.setdefault((node.concept, node.flags & {"start", "end"}, node.members, node.negated), node)
    return list(seen.values())


def choose(
    index: LabelIndex, text: str, section: Node | None, taxonomy: Taxonomy, *, values: bool
) -> Pick:
    """The node a row label names.  A row with values never names an abstract
    heading; a heading prefers one.  Among several candidates the current
    section decides; when it cannot, the row is ambiguous (never a first pick)."""
    found, loose = index.find(text)
    abstract = [n for n in found if taxonomy.concepts[n.concept].abstract]
    if values:
        found = tuple(n for n in found if n not in abstract)
    elif abstract:
        found = tuple(abstract)
    candidates = _distinct(found)
    if not candidates:
        return Pick(None)
    if len(candidates) == 1:
        return Pick(candidates[0], loose=loose)
    inside = [n for n in candidates if _under(n, section)]
    if len(inside) == 1:
        return Pick(inside[0], loose=loose)
    return Pick(None, tuple(inside or candidates), loose)


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


def _repair(row: Row, label_index: int) -> tuple[str, list[str], bool]:
    """Label and cells after the label; shifts a label printed one cell right."""
    cells = list(row.cells)
    label = cells[label_index].strip() if len(cells) > label_index else ""
    rest = cells[label_index + 1 :]
    if not label and rest and rest[0].strip() and parse_number(rest[0]) is None:
        return rest[0].strip(), rest[1:], True
    return label, rest, False


def _name_row(
    index: LabelIndex, label: str, pending: str | None, section: Node | None, taxonomy: Taxonomy
) -> tuple[Pick, str, Node | None]:
    """The node a row with values names, the label that named it, and the section.

    Tried in turn: the label joined to a heading-less line above it (a label
    wrapped onto two rows), the label, and the part after "Heading:".
    """
    tried = ([f"{pending} {label}"] if pending else []) + [label]
    head_text, colon, tail = label.partition(":")
    if colon and tail.strip():
        tried.append(tail)
    first_ambiguous: Pick | None = None
    for text in tried:
        if text is tail and colon:
            head = choose(index, head_text, section, taxonomy, values=False).node
            section = head or section
        pick = choose(index, text, section, taxonomy, values=True)
        if pick.node is not None:
            return pick, text.strip(), section
        first_ambiguous = first_ambiguous or (pick if pick.ambiguous else None)
    return first_ambiguous or Pick(None), label, section


def _pair(rest: list[str], shifted: bool, layout: Layout) -> tuple[list[tuple[Column, str]], str | None]:
    """Each cell after the label with its column, or why the cells cannot be
    paired with columns without a guess.

    A row printed one cell to the right pairs only when its cells fill every
    column: with fewer, the values may sit where they are printed or one
    column to the left.  A row with its label in place pairs cell by cell; a
    shorter one pairs only when it ends in an empty cell (what it lost at its
    end was empty).  A value under no header means the row has another shape
    than the header.
    """
    columns = layout.columns
    named = [c for c in columns if c.header.strip()] if layout.header_rows else list(columns)
    if shifted:
        if len(rest) != len(named):
            return [], (f"its label sits in a value column and {len(rest)} cell(s) follow it "
                        f"for {len(named)} column(s), so no value's column is known")
        return list(zip(named, rest)), None
    pairs = []
    for column in columns:
        offset = column.index - layout.label_index - 1
        pairs.append((column, rest[offset] if 0 <= offset < len(rest) else ""))
    printed = sum(1 for t in rest if t.strip())
    if any(text.strip() and column not in named for column, text in pairs):
        return [], f"it prints {printed} cell(s) where the header names {len(named)} column(s), so no value's column is known"
    if len(rest) < len(named) and rest and rest[-1].strip():
        # a row that stops at a value, short of the header: a value may have been
        # lost anywhere in it, so its cells may sit one column off
        return [], (f"it prints {len(rest)} cell(s) for the header's {len(named)} column(s) and "
                    f"nothing marks which is missing, so no value's column is known")
    return pairs, None


def _unplaced_cells(row: Row, numbers: list[tuple[Column, str, Number]], why: str) -> list[CellResult]:
    return [CellResult(row.line, c.index, t, "unmapped", why) for c, t, _ in numbers]


def map_table(placed: PlacedTable, taxonomy: Taxonomy, source: str) -> TableResult:
    """Map every number of one financial table (whose role is known)."""
    role = placed.role
    layout = placed.layout
    table = placed.table
    drafts: list[Draft] = []
    findings: list[Finding] = []
    cells: list[CellResult] = []
    unmatched: list[UnmatchedRow] = []
    index = taxonomy.label_index(role.id) if role else LabelIndex({}, {})
    blanks = [n for n in role.nodes if n.blank] if role else []
    column_concepts = dict(role.columns) if role else {}
    section: Node | None = None
    named: list[Node] = []  # nodes rows of this table already named
    previous: Node | None = None
    pending: str | None = None

    for row in table.rows[layout.header_rows :]:
        label, rest, shifted = _repair(row, layout.label_index)
        pairs, problem = _pair(rest, shifted, layout)
        if problem is not None and _unplaced(row, layout.label_index, label, table.index, problem, source, findings, cells):
            continue
        if shifted and pairs:
            # a label printed in the first value cell, its cells filling every column
            findings.append(warning(
                "kcxbrl:malformedRow",
                f"row '{label}' of table {table.index} has its label in a value column; "
                f"its {sum(1 for _, t in pairs if t.strip())} value(s) are read from the first column on",
                file=source, line=row.line,
            ))
        numbers = []
        for column, text in pairs:
            if column.kind is ColumnKind.VALUE:
                numbers.append((column, text))
            elif text.strip() and parse_number(text) is not None:
                reason = "note reference" if column.kind is ColumnKind.NOTE else "percentage change column"
                cells.append(CellResult(row.line, column.index, text.strip(), "skipped", reason))
        parsed = [(c, t.strip(), parse_number(t)) for c, t in numbers if t.strip()]
        parsed_numbers = [(c, t, n) for c, t, n in parsed if n is not None]
        for c, t, n in parsed:
            if n is None:
                findings.append(warning(
                    "kcxbrl:cellNotNumber",
                    f"cell '{t}' of row '{label}' (table {table.index}, column '{c.header}') is not a number",
                    file=source, line=row.line,
                ))
        if not parsed_numbers:
            if not label:
                continue
            head = choose(index, label, section, taxonomy, values=False).node
            if head is not None:
                section, pending, previous = head, None, head
            else:  # perhaps the first half of a label wrapped onto two rows
                pending = f"{pending} {label}" if pending else label
            continue

        pick, label, section = _name_row(index, label, pending, section, taxonomy)
        pending = None
        if pick.loose and any(pick.node is n for n in named):
            # a row only like one printed above it in the same table is another item
            pick = Pick(None)
        if pick.node is not None:
            named.append(pick.node)
        node = pick.node
        if node is None and not label and blanks:
            node = blanks.pop(0)  # unlabelled totals match the role's blank rows in order
        if pick.ambiguous:
            names = ", ".join(sorted({n.concept for n in pick.ambiguous}))
            findings.append(warning(
                "kcxbrl:ambiguousRow",
                f"row '{label}' of table {table.index} may name any of {names} and no heading above it "
                f"decides; its {len(parsed_numbers)} value(s) are not written",
                file=source, line=row.line,
            ))
            cells += _unplaced_cells(row, parsed_numbers, f"row '{label}' is ambiguous")
            continue
        if node is None:
            where = f"role {role.id}" if role else "no known statement or note"
            findings.append(warning(
                "kcxbrl:unmappedRow",
                f"row '{label or '(no label)'}' of table {table.index} matches no concept ({where}); "
                f"its {len(parsed_numbers)} value(s) need a concept (an extension concept, unless --no-extend)",
                file=source, line=row.line,
            ))
            cells += _unplaced_cells(row, parsed_numbers, f"row '{label}'")
            if role is not None and label:
                natural = section.natural if section is not None else role.root.natural
                unmatched.append(UnmatchedRow(
                    label, row.line, table.index, role.id, natural, tuple(parsed_numbers), previous,
                ))
            continue
        if pick.loose:
            findings.append(info(
                "kcxbrl:rowMatchedLoosely",
                f"row '{label}' of table {table.index} is read as {node.concept} ('{node.printed}')",
                file=source, line=row.line,
            ))

        previous = node

        if node.children and not taxonomy.concepts[node.concept].abstract:
            section = node
        for column, text, number in parsed_numbers:
            concept = taxonomy.concepts[node.concept]
            if column_concepts:
                name = column_concepts.get(normalize_label(column.header))
                if name is None:
                    findings.append(warning(
                        "kcxbrl:unmappedColumn",
                        f"column '{column.header}' of table {table.index} names no concept of role {role.id}",
                        file=source, line=row.line,
                    ))
                    cells.append(CellResult(row.line, column.index, text, "unmapped", f"column '{column.header}'"))
                    continue
                concept = taxonomy.concepts[name]
            result = _draft(concept, node, column, number, row, label, table.index, source, taxonomy.prefix)
            if isinstance(result, Draft):
                drafts.append(result)
                cells.append(CellResult(row.line, column.index, text, "fact", concept.name))
            else:
                findings.append(error(
                    "kcxbrl:cellNotConverted",
                    f"row '{label}' column '{column.header}' ({text}): {result}",
                    file=source, line=row.line,
                ))
                cells.append(CellResult(row.line, column.index, text, "unmapped", result))
    return TableResult(tuple(drafts), tuple(findings), tuple(cells), tuple(unmatched))


def _unplaced(
    row: Row, label_index: int, label: str, table: int, problem: str, source: str,
    findings: list[Finding], cells: list[CellResult],
) -> bool:
    """Report every number of a row that cannot be paired with columns; False
    when it prints none (a heading printed out of place reads as a heading)."""
    printed = [(i, t.strip()) for i, t in enumerate(row.cells) if i > label_index and parse_number(t) is not None]
    if not printed:
        return False
    findings.append(warning(
        ROW_SHAPE_MISMATCH,
        f"row '{label or '(no label)'}' of table {table}: {problem}; its {len(printed)} number(s) "
        f"({', '.join(t for _, t in printed)}) are left unplaced",
        file=source, line=row.line,
    ))
    cells.extend(CellResult(row.line, i, t, "unmapped", f"row '{label}' does not fit the columns: {problem}")
                 for i, t in printed)
    return True


def _draft(
    concept: Concept,
    node: Node,
    column: Column,
    number: Number,
    row: Row,
    label: str,
    table: int,
    source: str,
    prefix: str,
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
    return Draft(
        concept=concept.name,
        period=period,
        value=amount,
        decimals=decimals,
        source=Provenance(source, row.line, table, label or node.printed, column.header),
        currency=currency,
        members=tuple(Member(f"{prefix}:{axis}", f"{prefix}:{member}") for axis, member in node.members),
    )
