"""A conversion as an Inline XBRL 1.1 document people can read.

The page shows the filing's tables as printed (rows in printed order, one
column per period and currency that holds facts) under the statement or
note they belong to, sections in the taxonomy's order.  Every fact of the
instance is tagged exactly once, where it was first printed: a number as
``ix:nonFraction`` (``scale`` as printed, ``format`` from the Transformation
Registry 4, ``sign="-"`` for a negative fact), a text as ``ix:nonNumeric``.
A figure printed again elsewhere is shown there as a link to its tag.  Facts
that no printed table holds (the cover, figures from sentences) are listed
under their section.  The displayed text of a number is computed from the
fact's value, never copied from the filing, so what an Inline XBRL processor
reads back is the instance's value exactly.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Iterable

from kcxbrl.findings import Finding, Level, ordered
from kcxbrl.xbrl.jinja import render
from kcxbrl.xbrl.model import Column, Fact, Instance, Provenance, Row
from kcxbrl.xbrl.render import comment_text, fact_ids, instance_views
from kcxbrl.extract.tables import PlacedTable
from kcxbrl.xbrl.taxonomy import Role, Taxonomy
from kcxbrl.text.values import parse_number

if TYPE_CHECKING:
    from kcxbrl.conversion import Conversion

NUM_DOT_DECIMAL = "ixt:num-dot-decimal"
FIXED_ZERO = "ixt:fixed-zero"
_SCALE_WORDS = {3: "thousands", 6: "millions", 9: "billions"}


@dataclass(frozen=True)
class Tag:
    """One fact as an ix element: what the template writes."""

    element: str  # "nonFraction" or "nonNumeric"
    id: str
    name: str
    context: str
    text: str  # the element's content, as displayed
    unit: str | None = None
    decimals: str | None = None
    scale: int | None = None
    format: str | None = None
    negative: bool = False
    lang: str | None = None


@dataclass(frozen=True)
class Shown:
    """One displayed value: tagged here, or a link to where it is tagged."""

    text: str
    title: str
    tag: Tag | None = None
    link: str | None = None
    parens: bool = False  # printed negative: shown in parentheses
    suffix: str = ""  # "%" after a percentage
    numeric: bool = True


@dataclass(frozen=True)
class RowView:
    label: str
    cells: tuple[Shown | None, ...]
    kind: str  # "row", "heading" or "total"


@dataclass(frozen=True)
class TableView:
    caption: str
    columns: tuple[str, ...]
    rows: tuple[RowView, ...]


@dataclass(frozen=True)
class FactRow:
    label: str
    period: str
    dimensions: str
    shown: Shown
    unit: str


@dataclass(frozen=True)
class Section:
    """A heading of the page: one statement or note, its tables and its listed facts."""

    id: str
    title: str
    tables: tuple[TableView, ...]
    facts: tuple[FactRow, ...]


@dataclass
class _Section:
    """A section while the page is built."""

    key: tuple[int, str]
    id: str
    title: str
    tables: list[TableView] = field(default_factory=list)
    facts: list[FactRow] = field(default_factory=list)

    def done(self) -> Section:
        return Section(self.id, self.title, tuple(self.tables), tuple(self.facts))


# --------------------------------------------------------------------------
# Numbers as displayed
# --------------------------------------------------------------------------


def displayed_digits(magnitude: Decimal, decimals: int | None, scale: int) -> str:
    """``magnitude / 10**scale`` with thousands separators and every digit it has:
    at least the places ``decimals`` implies, more where the value has them."""
    shifted = magnitude.scaleb(-scale)
    places = max(0, decimals + scale) if decimals is not None else 0
    exponent = shifted.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < 0:
        places = max(places, -exponent)
    return f"{shifted:,.{places}f}"


def _scale(fact: Fact, column: Column | None, percent: bool) -> int:
    if percent:
        return -2
    if fact.decimals is None or fact.decimals >= 0:
        return 0  # share counts, per-share amounts: printed in full even under a thousands caption
    if column is not None and 0 < column.scale <= -fact.decimals:
        return column.scale
    return min(9, -3 * (fact.decimals // 3))  # RMB1,496.8 million: 1,496.8 in millions


def _numeric(fact: Fact, fid: str, title: str, column: Column | None, printed: str | None,
             percent_type: bool) -> Shown:
    assert isinstance(fact.value, Decimal) and fact.unit is not None
    number = parse_number(printed) if printed else None
    percent = bool((column is not None and column.percent) or (number is not None and number.percent))
    if column is None and printed is None:
        percent = percent_type
    scale = _scale(fact, column, percent)
    if number is not None and not number.nil and abs(number.value).scaleb(scale) != abs(fact.value):
        number = None  # the cell prints something else (a repaired row): show the fact alone
    nil = number is not None and number.nil and fact.value == 0
    tag = Tag(
        element="nonFraction", id=fid, name=_qname(fact), context=fact.context.id,
        text="–" if nil else displayed_digits(abs(fact.value), fact.decimals, scale),
        unit=fact.unit.id, decimals=str(fact.decimals), scale=scale,
        format=FIXED_ZERO if nil else NUM_DOT_DECIMAL, negative=fact.value < 0,
    )
    parens = number.value < 0 if number is not None else fact.value < 0
    suffix = "%" if percent and not (column is not None and column.percent) else ""
    return Shown(tag.text, title, tag=tag, parens=parens, suffix=suffix)


def _text(fact: Fact, fid: str, title: str) -> Shown:
    tag = Tag(element="nonNumeric", id=fid, name=_qname(fact), context=fact.context.id,
              text=str(fact.value), lang=fact.lang)
    return Shown(tag.text, title, tag=tag, numeric=False)


def _qname(fact: Fact) -> str:
    return fact.concept if ":" in fact.concept else f"kc:{fact.concept}"


def _repeat(tagged: Shown, fid: str, title: str) -> Shown:
    return Shown(tagged.text, title, link=fid, parens=tagged.parens, suffix=tagged.suffix, numeric=tagged.numeric)


# --------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cell:
    fact: int
    source: Provenance


class _Page:
    """Builds the sections: every fact tagged once, the rest linked to it."""

    def __init__(self, conversion: Conversion, taxonomy: Taxonomy) -> None:
        self.conversion = conversion
        self.taxonomy = taxonomy
        self.facts = conversion.instance.facts
        self.ids = fact_ids(conversion.instance)  # the instance's own fact ids
        self.tagged: dict[int, Shown] = {}
        self.sections: dict[str, _Section] = {}
        self.concept_role: dict[str, Role] = {}
        for role in taxonomy.roles:
            for node in role.nodes:
                self.concept_role.setdefault(node.concept, role)
        self.totals = {(role.id, n.concept) for role in taxonomy.roles for n in role.nodes if "total" in n.flags}

    def build(self) -> list[Section]:
        by_table: dict[int, list[_Cell]] = defaultdict(list)
        for index, fact in enumerate(self.facts):
            for source in fact.sources:
                if source.table is not None:
                    by_table[source.table].append(_Cell(index, source))
        traced = self.conversion.trace.tables if self.conversion.trace is not None else ()
        for placed, _result in traced:
            cells = by_table.get(placed.table.index)
            if cells:
                role = placed.role or self._role_of(c.fact for c in cells)
                self._section(role).tables.append(self._table(placed, cells, role))
        for index, fact in enumerate(self.facts):
            if index not in self.tagged:  # printed in no table, or its cell shows another fact
                self._section(self.concept_role.get(_local(fact.concept))).facts.append(self._fact_row(index))
        return [s.done() for s in sorted(self.sections.values(), key=lambda s: s.key)]

    def _role_of(self, facts: Iterable[int]) -> Role | None:
        roles = [self.concept_role.get(_local(self.facts[i].concept)) for i in facts]
        known = [r for r in roles if r is not None]
        return min(known, key=lambda r: (r.order, r.id)) if known else None

    def _section(self, role: Role | None) -> _Section:
        key = role.id if role is not None else "OtherFacts"
        if key not in self.sections:
            title = role.definition if role is not None else "Other facts"
            order = (role.order, role.id) if role is not None else (1_000_000, key)
            self.sections[key] = _Section(order, f"s-{key}", title)
        return self.sections[key]

    def _title(self, index: int, source: Provenance | None) -> str:
        fact = self.facts[index]
        where = f"{source.file}:{source.line}" if source is not None else self.conversion.source
        return f"{where} · {_qname(fact)} · {fact.context.id}" + (f" · {fact.unit.id}" if fact.unit else "")

    def _show(self, index: int, source: Provenance | None, column: Column | None, printed: str | None) -> Shown:
        """The fact at its first printed place gets the tag, later places a link."""
        fact, fid = self.facts[index], self.ids[index]
        title = self._title(index, source)
        if index in self.tagged:
            return _repeat(self.tagged[index], fid, title + f" · tagged at {fid}")
        concept = self.taxonomy.concepts.get(_local(fact.concept))
        if fact.is_numeric:
            shown = _numeric(fact, fid, title, column, printed, concept is not None and concept.type == "percent")
        else:
            shown = _text(fact, fid, title)
        if fact.sources and source != fact.sources[0]:  # tagged where it was first printed
            return _repeat(shown, fid, title + f" · tagged at {fid}")
        self.tagged[index] = shown
        return shown

    def _table(self, placed: PlacedTable, cells: list[_Cell], role: Role | None) -> TableView:
        table, layout = placed.table, placed.layout
        by_header = {c.header: c for c in layout.value_columns if c.header}
        order: dict[str, tuple[int, int]] = {}
        for n, cell in enumerate(cells):
            header = cell.source.column or ""
            if header not in order:
                known = by_header.get(header)
                order[header] = (known.index, n) if known is not None else (10_000, n)
        headers = sorted(order, key=lambda h: order[h])
        at: dict[tuple[int, str], list[_Cell]] = defaultdict(list)
        for cell in cells:
            at[(cell.source.line, cell.source.column or "")].append(cell)
        lines = [c.source.line for c in cells]
        start = min(lines)
        if layout.value_columns and len(table.rows) > layout.header_rows:
            start = min(start, table.rows[layout.header_rows].line)
        rows = []
        for row in table.rows:
            if not start <= row.line <= max(lines):
                continue
            view = self._row(row, headers, at, by_header, role)
            if view is not None:
                rows.append(view)
        caption = f"{self.conversion.source}, table {table.index}, line {table.line}"
        if placed.scale in _SCALE_WORDS:
            caption += f"; amounts in {_SCALE_WORDS[placed.scale]}"
        return TableView(caption, tuple(headers), tuple(rows))

    def _row(self, row: Row, headers: list[str], at: dict[tuple[int, str], list[_Cell]],
             by_header: dict[str, Column], role: Role | None) -> RowView | None:
        label = row.label.strip()
        shown: list[Shown | None] = []
        concepts = []
        for header in headers:
            column = by_header.get(header)
            printed = row.cells[column.index] if column is not None and column.index < len(row.cells) else None
            here = at.get((row.line, header), [])
            if here:
                label = label or (here[0].source.row or "")
                first = here[0]  # a second fact of the same cell is listed below the tables
                concepts.append(_local(self.facts[first.fact].concept))
                shown.append(self._show(first.fact, first.source, column, printed))
            elif printed and printed.strip():
                shown.append(Shown(printed.strip(), f"{self.conversion.source}:{row.line} · not a fact",
                                   numeric=parse_number(printed) is not None))
            else:
                shown.append(None)
        if not label and not any(shown):
            return None
        if not any(shown):
            kind = "heading"
        elif label.lower().startswith("total") or (role is not None and any((role.id, c) in self.totals for c in concepts)):
            kind = "total"
        else:
            kind = "row"
        return RowView(label, tuple(shown), kind)

    def _fact_row(self, index: int) -> FactRow:
        fact = self.facts[index]
        source = fact.sources[0] if fact.sources else None
        shown = self._show(index, source, None, None)
        concept = self.taxonomy.concepts.get(_local(fact.concept))
        label = concept.label if concept is not None else (source.row if source and source.row else fact.concept)
        return FactRow(label, _period(fact), self._members(fact), shown, self._unit(fact, shown))

    def _members(self, fact: Fact) -> str:
        names = []
        for member in fact.context.members:
            concept = None if member.typed else self.taxonomy.concepts.get(_local(member.value))
            names.append(concept.label if concept is not None else member.value)
        return "; ".join(names)

    def _unit(self, fact: Fact, shown: Shown) -> str:
        if fact.unit is None:
            return ""
        measures = "/".join(m.split(":")[-1] for m in fact.unit.numerator)
        if fact.unit.denominator:
            measures += " per " + "/".join(m.split(":")[-1].removesuffix("s") for m in fact.unit.denominator)
        scale = shown.tag.scale if shown.tag is not None else 0
        if measures == "pure":
            return "%" if scale == -2 else ""
        return measures + (f", {_SCALE_WORDS[scale]}" if scale in _SCALE_WORDS else "")


def _local(concept: str) -> str:
    return concept.split(":", 1)[1] if concept.startswith("kc:") else concept


def _period(fact: Fact) -> str:
    period = fact.context.period
    if period.start is None:
        return f"at {period.end.isoformat()}"
    if period.start == period.end:
        return f"on {period.end.isoformat()}"
    return f"{period.start.isoformat()} to {period.end.isoformat()}"


def _cover_value(instance: Instance, concept: str) -> str | None:
    for fact in instance.facts:
        if fact.concept == concept and not fact.context.members and fact.lang in (None, "en"):
            return str(fact.value)
    return None


def _finding_view(finding: Finding) -> dict[str, object]:
    where = (finding.file or "-") + (f":{finding.line}" if finding.line is not None else "")
    return {"where": where, "level": finding.level.value, "code": finding.code, "message": finding.message}


def render_inline(conversion: Conversion, taxonomy: Taxonomy) -> str:
    """The Inline XBRL 1.1 document of one conversion, as XHTML text."""
    instance = conversion.instance
    sections = _Page(conversion, taxonomy).build()
    findings = ordered(conversion.findings)
    counts = {level.value: sum(1 for f in findings if f.level is level) for level in Level}
    name = _cover_value(instance, "EntityRegistrantName") or instance.entity.identifier
    subtitle = [v for v in (_cover_value(instance, "DocumentType"),) if v]
    period_end = _cover_value(instance, "DocumentPeriodEndDate")
    if period_end:
        subtitle.append(f"period ended {period_end}")
    return render(
        "ixbrl/page.html.j2",
        source=comment_text(conversion.source),
        title=f"{name} — {conversion.source}",
        name=name,
        subtitle=" · ".join(subtitle),
        sections=sections,
        counts={
            "facts": len(instance.facts), "contexts": len(instance.contexts), "units": len(instance.units),
            "tables": sum(len(s.tables) for s in sections), **counts,
        },
        findings=[_finding_view(f) for f in findings],
        **instance_views(instance, taxonomy),
    )
