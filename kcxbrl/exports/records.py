"""Fact records: each fact as one flat description, for programs and people.

A record says what a fact is (concept, its standard label, the us-gaap or
dei concept it corresponds to, the statement or note that presents it),
what it says (value, decimals, unit), when (period), for what (entity,
dimensions) and where it was printed (sources).  Records are built from a
conversion (:func:`from_instance`) or read back from an XBRL instance or an
xBRL-JSON file (:mod:`kcxbrl.exports.reading`); the same fact gives the same record
either way, its sources aside (an instance does not keep them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Mapping

from kcxbrl.xbrl.jinja import xml_decimal
from kcxbrl.xbrl.model import Fact, Instance, Provenance
from kcxbrl.xbrl.render import fact_ids
from kcxbrl.xbrl import ns
from kcxbrl.xbrl.taxonomy import Role, Taxonomy, default_taxonomy

if TYPE_CHECKING:
    from kcxbrl.conversion import Conversion

US_GAAP_PREFIX = "us-gaap"
DEI_PREFIX = "dei"
# Roles that repeat the figures of the statements (highlights, key figures of
# the text): a fact is grouped under the statement proper when it has one.
SUMMARY_ROLES = frozenset({"FinancialHighlights", "KeyFiguresFromText"})
# Concept types shown as percentages.
PERCENT_TYPES = frozenset({"pure", "percent"})


@dataclass(frozen=True, order=True)
class Source:
    """Where a fact was printed: file, line, table (index and title), row label, column header."""

    file: str
    line: int
    table: int | None = None
    table_title: str | None = None
    row: str | None = None
    column: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "table": self.table, "table_title": self.table_title,
                "row": self.row, "column": self.column}


@dataclass(frozen=True)
class Statement:
    """The statement or note a fact is grouped under, with its place among them."""

    name: str
    order: int


@dataclass(frozen=True)
class Described:
    """What the taxonomy says of a concept, for a record."""

    label: str | None = None
    us_gaap: str | None = None
    dei: str | None = None
    percent: bool = False


@dataclass(frozen=True)
class FactRecord:
    """One fact.  ``value`` is the fact's lexical value: a plain decimal in
    full units for numbers (``"9558619000"``, ``"-0.54"``, ``"0.172"``), the
    text for text facts, None for a nil fact.  ``period_end`` is the last day
    of a duration or the day of an instant, as in the instance."""

    id: str
    concept: str  # QName, e.g. kc:Revenues
    value: str | None
    numeric: bool
    decimals: int | str | None  # "INF" as printed in a file
    unit: str | None  # OIM form: iso4217:CNY, iso4217:CNY/xbrli:shares, xbrli:pure
    period_start: date | None
    period_end: date
    instant: bool
    entity: str
    entity_scheme: str
    dimensions: tuple[tuple[str, str], ...] = ()  # (axis QName, member QName or typed value), sorted
    lang: str | None = None
    described: Described = Described()
    statement: Statement | None = None
    sources: tuple[Source, ...] = ()

    @property
    def label(self) -> str | None:
        return self.described.label

    @property
    def us_gaap(self) -> str | None:
        return self.described.us_gaap

    @property
    def dei(self) -> str | None:
        return self.described.dei

    @property
    def number(self) -> Decimal | None:
        """The value as a Decimal for a numeric fact."""
        return Decimal(self.value) if self.numeric and self.value is not None else None

    def as_dict(self) -> dict[str, object]:
        """The record as JSON-ready data: dates as ISO strings, ``value`` a
        string (see the class), ``decimals`` an integer (or "INF")."""
        return {
            "id": self.id,
            "concept": self.concept,
            "label": self.label,
            "us_gaap": self.us_gaap,
            "dei": self.dei,
            "statement": self.statement.name if self.statement else None,
            "value": self.value,
            "decimals": self.decimals,
            "unit": self.unit,
            "period_start": self.period_start.isoformat() if self.period_start else None,
            "period_end": self.period_end.isoformat(),
            "period_instant": self.period_end.isoformat() if self.instant else None,
            "entity": self.entity,
            "entity_scheme": self.entity_scheme,
            "dimensions": dict(self.dimensions),
            "lang": self.lang,
            "sources": [s.as_dict() for s in self.sources],
        }


RECORD_KEYS = (
    "id", "concept", "label", "us_gaap", "dei", "statement", "value", "decimals", "unit",
    "period_start", "period_end", "period_instant", "entity", "entity_scheme", "dimensions", "lang", "sources",
)


def sort_key(record: FactRecord) -> tuple[object, ...]:
    """A stable order: statement, concept, period, dimensions, unit, language."""
    statement = record.statement
    return (
        statement.order if statement else 1 << 30, statement.name if statement else "",
        record.concept, record.period_end, record.period_start or record.period_end,
        record.dimensions, record.unit or "", record.lang or "",
    )


# --------------------------------------------------------------------------
# What the taxonomy says
# --------------------------------------------------------------------------


def describe(concept: str, taxonomy: Taxonomy) -> Described:
    """Label, us-gaap / dei equivalent of a concept of the taxonomy (base or extension)."""
    found = taxonomy.concepts.get(concept)
    if found is None:
        return Described()
    return Described(
        label=found.label,
        us_gaap=f"{US_GAAP_PREFIX}:{found.usgaap}" if found.usgaap else None,
        dei=f"{DEI_PREFIX}:{found.dei}" if found.dei else None,
        percent=found.type in PERCENT_TYPES,
    )


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def _role_axes(role: Role) -> set[str]:
    axes = {_local(axis) for node in role.nodes for axis, _ in node.members}
    if role.hypercube:
        axes |= {a.name for a in role.hypercube.axes}
    return axes


def role_statement(role: Role) -> Statement:
    return Statement(role.definition, role.order)


class Presenting:
    """The roles that present each concept, in the taxonomy's order: one walk
    of the taxonomy for all the facts of an instance."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.roles: dict[str, list[Role]] = {}  # every role presenting the concept
        self.plain: dict[str, list[Role]] = {}  # the roles presenting it without members
        self.axes = {role.id: _role_axes(role) for role in taxonomy.roles}
        for role in taxonomy.roles:
            for node in role.nodes:
                for found in (self.roles, self.plain) if not node.members else (self.roles,):
                    listed = found.setdefault(node.concept, [])
                    if not listed or listed[-1] is not role:
                        listed.append(role)


def statement_of(
    concept: str, axes: frozenset[str], taxonomy: Taxonomy, presenting: Presenting | None = None
) -> Statement | None:
    """The role that presents a base concept with these axes (local names):
    dimensional roles for dimensional facts, statements before summaries,
    then the taxonomy's order."""
    presenting = presenting or Presenting(taxonomy)
    candidates = presenting.roles.get(concept, [])
    if axes:
        fitting = [r for r in candidates if axes <= presenting.axes[r.id]]
        candidates = fitting or candidates
    else:
        candidates = presenting.plain.get(concept) or candidates
    if not candidates:
        return None
    best = min(candidates, key=lambda r: (r.id in SUMMARY_ROLES, r.order))
    return role_statement(best)


def statement_of_role_uri(uri: str, taxonomy: Taxonomy) -> Statement | None:
    if uri.startswith(ns.KC_ROLE_BASE):
        role_id = uri[len(ns.KC_ROLE_BASE):]
        for role in taxonomy.roles:
            if role.id == role_id:
                return role_statement(role)
    return None


# --------------------------------------------------------------------------
# From a conversion
# --------------------------------------------------------------------------


def oim_unit_text(numerator: tuple[str, ...], denominator: tuple[str, ...]) -> str:
    text = "*".join(numerator)
    return text + "/" + "*".join(denominator) if denominator else text


def from_instance(
    instance: Instance,
    taxonomy: Taxonomy,
    *,
    tables: Mapping[int, tuple[Role | None, str | None]] | None = None,
) -> list[FactRecord]:
    """The records of an instance's facts, in its order.  ``tables`` gives each
    table index its role and title (from the conversion's trace): an extension
    concept is grouped under the role of the table it was printed in."""
    tables = tables or {}
    presenting = Presenting(taxonomy)
    return [_record(fact, fid, taxonomy, tables, presenting) for fact, fid in zip(instance.facts, fact_ids(instance))]


def from_conversion(conversion: Conversion) -> list[FactRecord]:
    """The records of a conversion, with the roles and titles of the tables its facts come from."""
    tables: dict[int, tuple[Role | None, str | None]] = {}
    if conversion.trace is not None:
        for placed, _ in conversion.trace.tables:
            lines = tuple(t.text for t in placed.above)
            tables[placed.table.index] = (placed.role, table_title(lines, placed.role))
    return from_instance(conversion.instance, conversion.taxonomy or default_taxonomy(), tables=tables)


def _record(fact: Fact, fid: str, taxonomy: Taxonomy, tables: Mapping[int, tuple[Role | None, str | None]],
            presenting: Presenting) -> FactRecord:
    period = fact.context.period
    axes = frozenset(_local(m.dimension) for m in fact.context.members)
    if ":" in fact.concept:  # an extension concept: placed where it is printed
        roles = [tables.get(s.table, (None, None))[0] for s in fact.sources if s.table is not None]
        placed = sorted((r for r in roles if r is not None), key=lambda r: r.order)
        statement = role_statement(placed[0]) if placed else None
    else:
        statement = statement_of(fact.concept, axes, taxonomy, presenting)
    return FactRecord(
        id=fid,
        concept=taxonomy.qname(fact.concept),
        value=xml_decimal(fact.value) if isinstance(fact.value, Decimal) else str(fact.value),
        numeric=fact.unit is not None,
        decimals=fact.decimals if fact.unit is not None else None,
        unit=oim_unit_text(fact.unit.numerator, fact.unit.denominator) if fact.unit else None,
        period_start=period.start,
        period_end=period.end,
        instant=period.is_instant,
        entity=fact.context.entity.identifier,
        entity_scheme=fact.context.entity.scheme,
        dimensions=tuple(sorted((m.dimension, m.value) for m in fact.context.members)),
        lang=fact.lang,
        described=describe(fact.concept, taxonomy),
        statement=statement,
        sources=tuple(_source(s, tables) for s in fact.sources),
    )


def _source(where: Provenance, tables: Mapping[int, tuple[Role | None, str | None]]) -> Source:
    title = tables.get(where.table, (None, None))[1] if where.table is not None else None
    return Source(where.file, where.line, where.table, title, where.row, where.column)


_SPACES = re.compile(r"\s+")


def table_title(lines: tuple[str, ...], role: Role | None) -> str | None:
    """A table's title: the last line above it that names its role, else the
    last line above it (the text between the previous table and this one)."""
    texts = [_SPACES.sub(" ", t).strip() for t in lines if t.strip()]
    if role is not None:
        for text in reversed(texts):
            if any(p.search(text) for p in role.match):
                return text
    return texts[-1] if texts else None
