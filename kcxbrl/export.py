"""Facts for other tools: xBRL-JSON (OIM 1.0) and a flat CSV with provenance.

Built from the Instance model, never by re-reading XML; fact ids are the
ids of the rendered instance, so the three files cross-reference.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from kcxbrl.jinja import xml_decimal
from kcxbrl.model import Fact, Instance, Period, Unit
from kcxbrl.render import fact_id
from kcxbrl.taxonomy import Taxonomy

XBRL_JSON = "https://xbrl.org/2021/xbrl-json"
_NAMESPACES = {
    "xbrl": "https://xbrl.org/2021",
    "xbrli": "http://www.xbrl.org/2003/instance",
    "iso4217": "http://www.xbrl.org/2003/iso4217",
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


def to_xbrl_json(instance: Instance, taxonomy: Taxonomy) -> str:
    entity_prefix = "cik" if instance.entity.scheme == "http://www.sec.gov/CIK" else "scheme"
    namespaces = dict(_NAMESPACES)
    namespaces[taxonomy.prefix] = taxonomy.namespace
    namespaces.update(dict(instance.extra_namespaces))
    namespaces[entity_prefix] = instance.entity.scheme
    facts: dict[str, object] = {}
    for position, fact in enumerate(instance.facts):
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
        facts[fact_id(position)] = entry
    document = {
        "documentInfo": {
            "documentType": XBRL_JSON,
            "namespaces": dict(sorted(namespaces.items())),
            "taxonomy": [instance.schema_ref],
        },
        "facts": facts,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


CSV_COLUMNS = (
    "id", "concept", "value", "decimals", "unit", "period_start", "period_end",
    "dimensions", "lang", "sources",
)


def to_csv(instance: Instance, taxonomy: Taxonomy) -> str:
    """One row per fact; ``sources`` lists every place the figure was printed."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for position, fact in enumerate(instance.facts):
        period = fact.context.period
        writer.writerow((
            fact_id(position),
            taxonomy.qname(fact.concept),
            _value(fact),
            "" if fact.decimals is None else fact.decimals,
            oim_unit(fact.unit) if fact.unit else "",
            period.start.isoformat() if period.start else "",
            period.end.isoformat(),
            ";".join(f"{m.dimension}={m.value}" for m in fact.context.members),
            fact.lang or "",
            ";".join(f"{s.file}:{s.line}" for s in fact.sources),
        ))
    return out.getvalue()


def write_exports(instance: Instance, taxonomy: Taxonomy, stem: Path) -> tuple[Path, Path]:
    """Write ``<stem>.json`` (xBRL-JSON) and ``<stem>.csv`` beside the instance."""
    json_path = stem.with_name(stem.name + ".json")
    csv_path = stem.with_name(stem.name + ".csv")
    json_path.write_text(to_xbrl_json(instance, taxonomy), encoding="utf-8")
    csv_path.write_text(to_csv(instance, taxonomy), encoding="utf-8")
    return json_path, csv_path
