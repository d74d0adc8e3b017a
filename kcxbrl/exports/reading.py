"""Read the facts of an XBRL instance or an xBRL-JSON file, kcxbrl's or anyone's, as records.

Labels and the statement that presents a fact come from the file's own
taxonomy where it can be read offline (``kcxbrl.validation.dts``); the base concepts
of kcxbrl's taxonomy are described as a conversion describes them, so a
file reads back into the records its conversion gave (sources aside).
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

from lxml import etree

from kcxbrl.errors import InputError
from kcxbrl.exports.records import (
    Described, FactRecord, Presenting, Statement, describe, oim_unit_text, statement_of, statement_of_role_uri,
)
from kcxbrl.xbrl import ns
from kcxbrl.xbrl.ns import clark
from kcxbrl.validation.safexml import parse_file
from kcxbrl.xbrl.taxonomy import Taxonomy, default_taxonomy

if TYPE_CHECKING:
    from kcxbrl.validation.dts import Dts

_CORE = frozenset({"concept", "entity", "period", "unit", "language", "noteId"})
_PERCENT_TYPES = frozenset({ns.PURE_ITEM_TYPE, clark(ns.DTR_NUMERIC, "percentItemType"),
                            clark(ns.DTR_TYPES_2020, "percentItemType"),
                            clark(ns.DTR_TYPES_2022, "percentItemType")})
_ROLE_ORDER = re.compile(r"^\s*(\d+)\s*-\s*(.*)$")
_NOT_FACTS = (f"{{{ns.XBRLI}}}", f"{{{ns.LINK}}}")


@dataclass(frozen=True)
class _Concepts:
    """Describes the concepts of one file: kcxbrl's taxonomy for its own
    namespace, the file's DTS (when it could be read) for the others."""

    taxonomy: Taxonomy
    dts: Dts | None
    described: bool = True  # False: no labels or statements (a comparison needs neither)

    def describe(self, namespace: str, local: str) -> Described:
        if not self.described:
            return Described()
        if namespace == self.taxonomy.namespace:
            return describe(local, self.taxonomy)
        concept = self.dts.concepts.get(clark(namespace, local)) if self.dts is not None else None
        if concept is None:
            return Described()
        return Described(label=self.dts.label(clark(namespace, local)),
                         percent=concept.base_type in _PERCENT_TYPES or any(t in _PERCENT_TYPES for t in concept.type_chain))

    @cached_property
    def _presenting(self) -> Presenting:
        return Presenting(self.taxonomy)

    def statement(self, namespace: str, local: str, axes: frozenset[str]) -> Statement | None:
        if not self.described:
            return None
        if namespace == self.taxonomy.namespace:
            return statement_of(local, axes, self.taxonomy, self._presenting)
        if self.dts is None:
            return None
        name = clark(namespace, local)
        found: list[Statement] = []
        for rel in self.dts.base_sets(ns.PARENT_CHILD):
            if rel.target == name or rel.source == name:
                found.append(statement_of_role_uri(rel.link_role, self.taxonomy) or self._role_type(rel.link_role))
        return min(found, key=lambda s: (s.order, s.name)) if found else None

    def _role_type(self, uri: str) -> Statement:
        role = self.dts.role_types.get(uri)
        text = (role.definition if role is not None else None) or uri.rsplit("/", 1)[-1]
        numbered = _ROLE_ORDER.match(text)
        return Statement(numbered[2], int(numbered[1])) if numbered else Statement(text, 1 << 20)


def read_records(path: Path, taxonomy: Taxonomy | None = None, *, described: bool = True) -> list[FactRecord]:
    """The facts of an XBRL instance (.xbrl/.xml), an xBRL-JSON file or the
    metadata file of an xBRL-CSV report (.json); with ``described`` False,
    without labels and statements (what comparing two files needs is faster)."""
    taxonomy = taxonomy or default_taxonomy()
    if path.suffix.lower() == ".json":
        document = _read_json(path)
        if document["documentInfo"].get("documentType") == ns.XBRL_CSV:
            return _csv_records(path, document, taxonomy, described)
        return _json_records(path, document, taxonomy, described)
    return _xml_records(path, taxonomy, described)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not readable as JSON: {exc}") from exc
    info = document.get("documentInfo") if isinstance(document, dict) else None
    if not isinstance(info, dict) or info.get("documentType") not in (ns.XBRL_JSON, ns.XBRL_CSV):
        raise InputError(f"{path}: neither xBRL-JSON nor xBRL-CSV metadata (documentInfo.documentType "
                         f"{ns.XBRL_JSON} or {ns.XBRL_CSV})")
    return document


# --- XBRL instances ----------------------------------------------------------


def _xml_records(path: Path, taxonomy: Taxonomy, described: bool = True) -> list[FactRecord]:
    from kcxbrl.validation import dts

    parsed = parse_file(path)
    if parsed.root is None or parsed.root.tag != clark(ns.XBRLI, "xbrl"):
        raise InputError(f"{path}: not a readable XBRL instance")
    root = parsed.root
    concepts = _Concepts(taxonomy, dts.discover(path, root), described)
    # contexts and units are read once each, not once per fact that refers to them
    contexts = {c.get("id"): _XmlContext.of(c) for c in root.iter(clark(ns.XBRLI, "context"))}
    units = {u.get("id"): _xml_unit(u) for u in root.iter(clark(ns.XBRLI, "unit"))}
    first = {}  # the prefix _prefixed gives each namespace in the root's scope
    for prefix, uri in root.nsmap.items():
        if prefix:
            first.setdefault(uri, prefix)
    records = []
    for position, element in enumerate(e for e in root if isinstance(e.tag, str) and not e.tag.startswith(_NOT_FACTS)):
        context = contexts.get(element.get("contextRef"))
        if context is None:
            continue  # a tuple or a fact without its context: not a fact a record can describe
        qname = etree.QName(element)
        unit_ref = element.get("unitRef")
        nil = element.get(ns.XSI_NIL) in ("true", "1")
        prefix = element.prefix  # a fact written with the root's prefix needs no look at its own scope
        concept = f"{prefix}:{qname.localname}" if prefix and first.get(qname.namespace) == prefix \
            else _prefixed(element, qname.namespace, qname.localname)
        records.append(FactRecord(
            id=element.get("id") or f"#{position + 1}",
            concept=concept,
            value=None if nil else "".join(element.itertext()).strip() if unit_ref else "".join(element.itertext()),
            numeric=unit_ref is not None,
            decimals=_decimals(element.get("decimals")),
            unit=units.get(unit_ref) if unit_ref else None,
            period_start=context.start, period_end=context.end, instant=context.instant,
            entity=context.entity, entity_scheme=context.scheme,
            dimensions=context.dimensions,
            lang=element.get(ns.XML_LANG),
            described=concepts.describe(qname.namespace or "", qname.localname),
            statement=concepts.statement(qname.namespace or "", qname.localname, context.axes),
        ))
    return records


@dataclass(frozen=True)
class _XmlContext:
    """What a fact record takes from its context."""

    start: date | None
    end: date
    instant: bool
    entity: str
    scheme: str
    dimensions: tuple[tuple[str, str], ...]
    axes: frozenset[str]

    @classmethod
    def of(cls, context: etree._Element) -> _XmlContext:
        identifier = context.find(f"{{{ns.XBRLI}}}entity/{{{ns.XBRLI}}}identifier")
        entity = ("", "") if identifier is None else ((identifier.text or "").strip(), identifier.get("scheme", ""))
        dims = _xml_dimensions(context)
        return cls(*_xml_period(context), *entity, dims, _axes(dims))


def _prefixed(element: etree._Element, namespace: str | None, local: str) -> str:
    prefix = next((p for p, uri in element.nsmap.items() if uri == namespace and p), None)
    return f"{prefix}:{local}" if prefix else local


def _qname_text(element: etree._Element, text: str) -> str:
    """A QName as written, with the prefix the element's scope gives its namespace."""
    prefix, _, local = text.strip().rpartition(":")
    namespace = element.nsmap.get(prefix or None)
    return _prefixed(element, namespace, local) if namespace else text.strip()


def _xml_period(context: etree._Element) -> tuple[date | None, date, bool]:
    period = context.find(f"{{{ns.XBRLI}}}period")
    instant = period.findtext(f"{{{ns.XBRLI}}}instant") if period is not None else None
    if instant is not None:
        return None, _day(instant), True
    start = period.findtext(f"{{{ns.XBRLI}}}startDate") if period is not None else None
    end = period.findtext(f"{{{ns.XBRLI}}}endDate") if period is not None else None
    if start is None or end is None:
        raise InputError(f"context {context.get('id')}: a period kcxbrl cannot read (forever?)")
    return _day(start), _day(end), False


def _day(text: str) -> date:
    text = text.strip()
    if "T" in text:  # a date-time: midnight is the end of the day before
        moment = datetime.fromisoformat(text)
        return moment.date() - timedelta(days=1) if moment.time() == datetime.min.time() else moment.date()
    return date.fromisoformat(text[:10])


def _xml_unit(unit: etree._Element | None) -> str | None:
    if unit is None:
        return None
    numerator = unit.find(f".//{{{ns.XBRLI}}}unitNumerator")
    denominator = unit.find(f".//{{{ns.XBRLI}}}unitDenominator")
    top = numerator if numerator is not None else unit

    def measures(parent: etree._Element) -> tuple[str, ...]:
        return tuple(sorted(_qname_text(m, m.text or "") for m in parent.iter(f"{{{ns.XBRLI}}}measure")))

    return oim_unit_text(measures(top), measures(denominator) if denominator is not None else ())


def _xml_dimensions(context: etree._Element) -> tuple[tuple[str, str], ...]:
    members = []
    for member in context.iter(f"{{{ns.XBRLDI}}}explicitMember", f"{{{ns.XBRLDI}}}typedMember"):
        axis = _qname_text(member, member.get("dimension") or "")
        if member.tag.endswith("}explicitMember"):
            members.append((axis, _qname_text(member, member.text or "")))
        else:
            members.append((axis, "".join(member.itertext())))
    return tuple(sorted(members))


def _axes(dims: tuple[tuple[str, str], ...]) -> frozenset[str]:
    return frozenset(axis.rsplit(":", 1)[-1] for axis, _ in dims)


def _decimals(text: object) -> int | str | None:
    if text is None:
        return None
    if isinstance(text, int):
        return text
    text = str(text).strip()
    return text if text == "INF" else int(text)


# --- xBRL-JSON ---------------------------------------------------------------


def _json_records(path: Path, document: dict[str, Any], taxonomy: Taxonomy, described: bool = True) -> list[FactRecord]:
    info = document["documentInfo"]
    if not isinstance(document.get("facts"), dict):
        raise InputError(f"{path}: an xBRL-JSON document without a facts object")
    namespaces: Mapping[str, str] = info.get("namespaces") or {}
    concepts = _Concepts(taxonomy, _json_dts(path, info.get("taxonomy") or []), described)
    return [_json_record(fid, fact, namespaces, concepts, path) for fid, fact in document["facts"].items()]


def _json_dts(path: Path, entries: list[str]) -> Dts | None:
    """The taxonomy the document names, where it can be read offline."""
    from kcxbrl.validation import dts

    local: list[Path | str] = []
    for entry in entries:
        if re.match(r"^[a-z]+://", entry):
            if dts.url_to_path(entry) is not None:
                local.append(entry)
        elif (path.parent / entry).is_file():
            local.append((path.parent / entry).resolve())
    return dts.load(local) if local else None


def _json_record(fid: str, fact: object, namespaces: Mapping[str, str], concepts: _Concepts, path: Path) -> FactRecord:
    if not isinstance(fact, dict) or not isinstance(fact.get("dimensions"), dict):
        raise InputError(f"{path}: fact {fid} has no dimensions object")
    dims: dict[str, object] = fact["dimensions"]
    concept = str(dims.get("concept", ""))
    prefix, _, local = concept.rpartition(":")
    namespace = namespaces.get(prefix, "")
    entity = str(dims.get("entity", ""))
    scheme_prefix, _, identifier = entity.rpartition(":")
    start, end, instant = _json_period(dims.get("period"), fid, path)
    described = concepts.describe(namespace, local)
    unit = dims.get("unit")
    numeric = unit is not None or "decimals" in fact or _dts_numeric(concepts, namespace, local)
    taxonomy_dims = tuple(sorted((k, str(v)) for k, v in dims.items() if k not in _CORE))
    value = fact.get("value")
    return FactRecord(
        id=fid,
        concept=concept,
        value=None if value is None else str(value),
        numeric=numeric,
        decimals=_decimals(fact.get("decimals")),
        unit=str(unit) if unit is not None else ("xbrli:pure" if numeric else None),
        period_start=start, period_end=end, instant=instant,
        entity=identifier,
        entity_scheme=namespaces.get(scheme_prefix, scheme_prefix),
        dimensions=taxonomy_dims,
        lang=str(dims["language"]) if "language" in dims else None,
        described=described,
        statement=concepts.statement(namespace, local, _axes(taxonomy_dims)),
    )


def _dts_numeric(concepts: _Concepts, namespace: str, local: str) -> bool:
    if namespace == concepts.taxonomy.namespace:
        found = concepts.taxonomy.concepts.get(local)
        return bool(found and found.numeric)
    concept = concepts.dts.concepts.get(clark(namespace, local)) if concepts.dts is not None else None
    return bool(concept and concept.is_numeric)


def _json_period(text: object, fid: str, path: Path) -> tuple[date | None, date, bool]:
    if not isinstance(text, str):
        raise InputError(f"{path}: fact {fid} has no period kcxbrl can read")
    if "/" in text:
        start, end = text.split("/", 1)
        return datetime.fromisoformat(start).date() if "T" in start else date.fromisoformat(start), _day(end), False
    return None, _day(text), True


# --- xBRL-CSV ----------------------------------------------------------------


def _csv_records(path: Path, document: dict[str, Any], taxonomy: Taxonomy, described: bool = True) -> list[FactRecord]:
    """The facts of an xBRL-CSV report: each table's fact columns, their
    dimensions from the template, the column and the row's cells (``$name``)."""
    info = document["documentInfo"]
    templates = document.get("tableTemplates") or {}
    tables = document.get("tables") or {}
    if not isinstance(templates, dict) or not isinstance(tables, dict):
        raise InputError(f"{path}: xBRL-CSV metadata without tableTemplates or tables objects")
    namespaces = info.get("namespaces") or {}
    concepts = _Concepts(taxonomy, _json_dts(path, info.get("taxonomy") or []), described)
    records = []
    for table_id, table in tables.items():
        template = templates.get(table.get("template", table_id))
        if not isinstance(template, dict):
            raise InputError(f"{path}: table {table_id} names no table template")
        records += _csv_table(path, table_id, path.parent / table["url"], template, namespaces, concepts)
    return records


def _csv_table(path: Path, table_id: str, table_path: Path, template: dict[str, Any],
               namespaces: Mapping[str, str], concepts: _Concepts) -> list[FactRecord]:
    try:
        with table_path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{table_path}: the xBRL-CSV table cannot be read: {exc}") from exc
    if not rows:
        return []
    header, columns = rows[0], template.get("columns") or {}
    row_id_column = template.get("rowIdColumn")
    shared = template.get("dimensions") or {}
    # per fact column, once: its dimensions (those not taken from the row resolved now) and decimals
    fact_columns = [(name, {**shared, **column["dimensions"]}, column.get("decimals", template.get("decimals")))
                    for name, column in columns.items() if "dimensions" in column]
    fact_columns = [(name, {k: (v, _csv_cell(v)) for k, v in dims.items()}, decimals)
                    for name, dims, decimals in fact_columns]
    single = len(fact_columns) == 1
    records = []
    for number, row in enumerate(rows[1:], 2):
        cells = dict(zip(header, row))
        row_id = cells.get(row_id_column) if row_id_column else None
        for name, dims, decimals_spec in fact_columns:
            if cells.get(name, "") == "":
                continue  # no fact in this row
            resolved = {k: _csv_cell(_csv_ref(v, cells)) if isinstance(v, str) and v.startswith("$") else fixed
                        for k, (v, fixed) in dims.items()}
            resolved = {k: v for k, v in resolved.items() if v is not _ABSENT}
            decimals = _csv_cell(_csv_ref(decimals_spec, cells))
            fact: dict[str, Any] = {"value": _csv_cell(cells[name]), "dimensions": resolved}
            if decimals not in (None, _ABSENT):
                fact["decimals"] = decimals
            fid = row_id if row_id and single else f"{table_id}.r_{row_id or number - 1}.{name}"
            records.append(_json_record(fid, fact, namespaces, concepts, table_path))
    return records


_ABSENT = object()


def _csv_ref(value: object, cells: Mapping[str, str]) -> object:
    if isinstance(value, str) and value.startswith("$"):
        return cells.get(value[1:], "")
    return value


def _csv_cell(value: object) -> object:
    """xBRL-CSV special values: an empty cell is absent, #nil, #empty, ## for a leading #."""
    if not isinstance(value, str):
        return value
    if value == "" or value == "#none":
        return _ABSENT
    if value == "#nil":
        return None
    if value == "#empty":
        return ""
    return value[1:] if value.startswith("##") else value
