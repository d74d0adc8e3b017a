"""Facts for other tools: xBRL-JSON and xBRL-CSV (OIM 1.0), and a flat CSV with provenance.

Built from the Instance model and its records (:mod:`kcxbrl.exports.records`), never
by re-reading XML; fact ids are the ids of the rendered instance, derived
from each fact's identity, so the files cross-reference and a fact keeps its
id across versions.  Every export names the us-gaap or dei concept a fact
corresponds to where there is one (``us_gaap``, ``dei``), beside its own.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from decimal import Decimal
from typing import Sequence

from kcxbrl.exports import jsontext
from kcxbrl.xbrl.jinja import xml_decimal
from kcxbrl.xbrl.model import Fact, Instance, Period, Unit
from kcxbrl.exports.records import FactRecord, sort_key
from kcxbrl.xbrl.render import fact_ids
from kcxbrl.xbrl.taxonomy import Taxonomy
from kcxbrl.xbrl import ns

_NAMESPACES = {
    "xbrl": ns.OIM,
    "xbrli": ns.XBRLI,
    "iso4217": ns.ISO4217,
}


def oim_period(period: Period) -> str:
    """OIM periods are date-times: a date's end is the next day's midnight."""
    end = (period.end + timedelta(days=1)).isoformat() + "T00:00:00"
    if period.start is None:
        return end
    return f"{period.start.isoformat()}T00:00:00/{end}"


def oim_unit(unit: Unit) -> str:
    text = "*".join(unit.numerator)
    if unit.denominator:
        text += "/" + "*".join(unit.denominator)
    return text


def _value(fact: Fact) -> str:
    return xml_decimal(fact.value) if isinstance(fact.value, Decimal) else str(fact.value)


# The us-gaap / dei concept a fact corresponds to: an extension property of
# each fact, named as the schema's attributes (kcm:usGaapConcept, kcm:deiConcept).
_EQUIVALENT_NAMESPACES = {"kcm": ns.KC_META, "us-gaap": ns.US_GAAP, "dei": ns.DEI}


def _equivalents(fact: Fact, taxonomy: Taxonomy) -> dict[str, str]:
    concept = taxonomy.concepts.get(fact.concept)
    found = {}
    if concept is not None and concept.usgaap:
        found["kcm:usGaapConcept"] = f"us-gaap:{concept.usgaap}"
    if concept is not None and concept.dei:
        found["kcm:deiConcept"] = f"dei:{concept.dei}"
    return found


def to_xbrl_json(instance: Instance, taxonomy: Taxonomy) -> str:
    entity_prefix = _entity_prefix(instance.entity.scheme)
    namespaces = dict(_NAMESPACES)
    namespaces[taxonomy.prefix] = taxonomy.namespace
    namespaces.update(dict(instance.extra_namespaces))
    namespaces[entity_prefix] = instance.entity.scheme
    namespaces.update(_EQUIVALENT_NAMESPACES)
    facts: dict[str, object] = {}
    for fid, fact in zip(fact_ids(instance), instance.facts):
        dimensions: dict[str, str] = {
            "concept": taxonomy.qname(fact.concept),
            "entity": f"{entity_prefix}:{fact.context.entity.identifier}",
            "period": oim_period(fact.context.period),
        }
        if fact.unit is not None and oim_unit(fact.unit) != "xbrli:pure":
            dimensions["unit"] = oim_unit(fact.unit)  # OIM: a pure unit is no unit dimension
        if fact.lang:
            dimensions["language"] = fact.lang
        for member in fact.context.members:
            dimensions[member.dimension] = member.value
        entry: dict[str, object] = {"value": _value(fact), "dimensions": dimensions}
        if fact.unit is not None and fact.decimals is not None:
            entry["decimals"] = fact.decimals
        entry.update(_equivalents(fact, taxonomy))
        facts[fid] = entry
    document = {
        "documentInfo": {
            "documentType": ns.XBRL_JSON,
            "namespaces": dict(sorted(namespaces.items())),
            "taxonomy": [instance.schema_ref],
        },
        "facts": facts,
    }
    return jsontext.dumps(document) + "\n"


# The CSV: fixed columns, then one column per dimension axis (its QName), sorted.
CSV_COLUMNS = (
    "id", "entity", "concept", "label", "us_gaap", "dei", "statement", "value", "decimals", "unit",
    "period_start", "period_end", "lang", "table", "table_title", "row_label", "column_header", "sources",
)


def _axes(records: Sequence[FactRecord]) -> list[str]:
    return sorted({axis for r in records for axis, _ in r.dimensions})


def to_csv(records: Sequence[FactRecord]) -> str:
    """One row per fact, in a stable order (statement, concept, period,
    dimensions); the place the figure was first printed (table, its title,
    row label, column header) and every place it was printed (``sources``,
    ``file:line`` joined by ``;``); one column per dimension axis."""
    axes = _axes(records)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow((*CSV_COLUMNS, *axes))
    for record in sorted(records, key=sort_key):
        first = record.sources[0] if record.sources else None
        members = dict(record.dimensions)
        writer.writerow((
            record.id,
            f"{_entity_prefix(record.entity_scheme)}:{record.entity}",
            record.concept,
            record.label or "",
            record.us_gaap or "",
            record.dei or "",
            record.statement.name if record.statement else "",
            "" if record.value is None else record.value,
            "" if record.decimals is None else record.decimals,
            record.unit or "",
            record.period_start.isoformat() if record.period_start else "",
            record.period_end.isoformat(),
            record.lang or "",
            "" if first is None or first.table is None else first.table,
            (first.table_title or "") if first else "",
            (first.row or "") if first else "",
            (first.column or "") if first else "",
            ";".join(f"{s.file}:{s.line}" for s in record.sources),
            *(members.get(axis, "") for axis in axes),
        ))
    return out.getvalue()


def _entity_prefix(scheme: str) -> str:
    return "cik" if scheme == ns.SEC_CIK else "scheme"


# --------------------------------------------------------------------------
# xBRL-CSV (OIM 1.0 CSV): metadata.json and one table of facts
# --------------------------------------------------------------------------

XBRL_CSV_METADATA = "metadata.json"
XBRL_CSV_TABLE = "facts.csv"
# Columns that describe the fact for people; comment columns are not read as facts.
_COMMENT_COLUMNS = ("label", "us_gaap", "dei", "statement", "sources")


def _csv_cell(text: str | None) -> str:
    """xBRL-CSV 1.0 special values: an empty cell is no value, '#' opens a special value."""
    if text is None:
        return "#nil"
    if text == "":
        return "#empty"
    return "#" + text if text.startswith("#") else text


def _axis_column(axis: str) -> str:
    return "dim_" + re.sub(r"[^A-Za-z0-9_.-]", "_", axis)


def to_xbrl_csv(records: Sequence[FactRecord], instance: Instance, taxonomy: Taxonomy, schema_href: str) -> dict[str, str]:
    """The xBRL-CSV report: ``metadata.json`` (``schema_href`` is the
    instance's schema as seen from it) and ``facts.csv``, one row per fact."""
    axes = _axes(records)
    scheme = instance.entity.scheme
    namespaces = dict(_NAMESPACES)
    namespaces[taxonomy.prefix] = taxonomy.namespace
    namespaces.update(dict(instance.extra_namespaces))
    namespaces[_entity_prefix(scheme)] = scheme
    dimensions: dict[str, str] = {
        "concept": "$concept", "entity": f"{_entity_prefix(scheme)}:{instance.entity.identifier}",
        "period": "$period", "unit": "$unit", "language": "$lang",
    }
    dimensions.update((axis, "$" + _axis_column(axis)) for axis in axes)
    columns: dict[str, dict[str, object]] = {
        "id": {}, "concept": {}, "period": {}, "unit": {}, "decimals": {}, "lang": {},
        **{_axis_column(axis): {} for axis in axes},
        "value": {"dimensions": dimensions, "decimals": "$decimals"},
        **{name: {"comment": True} for name in _COMMENT_COLUMNS},
    }
    metadata = {
        "documentInfo": {
            "documentType": ns.XBRL_CSV,
            "namespaces": dict(sorted(namespaces.items())),
            "taxonomy": [schema_href],
        },
        "tableTemplates": {"facts": {"rowIdColumn": "id", "columns": columns}},
        "tables": {"facts": {"url": XBRL_CSV_TABLE, "template": "facts"}},
    }
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(columns))
    for record in sorted(records, key=sort_key):
        members = dict(record.dimensions)
        pure = record.unit == "xbrli:pure"  # OIM: a pure unit is no unit dimension
        writer.writerow((
            record.id, record.concept, _record_period(record), "" if pure or not record.unit else record.unit,
            "" if record.decimals is None else record.decimals, record.lang or "",
            *(_csv_cell(members[a]) if a in members else "" for a in axes),
            _csv_cell(record.value),
            record.label or "", record.us_gaap or "", record.dei or "",
            record.statement.name if record.statement else "",
            ";".join(f"{s.file}:{s.line}" for s in record.sources),
        ))
    return {
        XBRL_CSV_METADATA: jsontext.dumps(metadata) + "\n",
        XBRL_CSV_TABLE: out.getvalue(),
    }


def _record_period(record: FactRecord) -> str:
    return oim_period(Period(record.period_start, record.period_end))
