"""Check an xBRL-JSON export (and an xBRL-CSV report) against the XML instance written beside it.

Both are made from the same model, by different code; this reads the two
files back and compares them fact by fact (fact ids are shared): concept,
period, unit, dimensions and value.  It reads the XML instance on its own,
without the DTS: ``kcxbrl validate`` has checked that already.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from lxml import etree

from kcxbrl.findings import Finding, error
from kcxbrl.xbrl import ns
from kcxbrl.xbrl.ns import clark
from kcxbrl.validation.safexml import parse_file

if TYPE_CHECKING:
    from kcxbrl.exports.records import FactRecord

EXPORT_SYNTAX = "kcxbrl:exportSyntax"
EXPORT_DOCUMENT_TYPE = "kcxbrl:exportDocumentType"
EXPORT_FACT_COUNT = "kcxbrl:exportFactCount"
EXPORT_FACT_MISMATCH = "kcxbrl:exportFactMismatch"

_CORE = frozenset({"concept", "entity", "period", "unit", "language", "noteId"})
_PURE_UNIT = ((clark(ns.XBRLI, "pure"),), ())
_MISMATCHES_SHOWN = 10  # one finding each; the rest are counted in one more

_CONTEXT = clark(ns.XBRLI, "context")
_UNIT = clark(ns.XBRLI, "unit")
_INSTANT = clark(ns.XBRLI, "instant")
_START = clark(ns.XBRLI, "startDate")
_END = clark(ns.XBRLI, "endDate")
_MEASURE = clark(ns.XBRLI, "measure")
_NUMERATOR = clark(ns.XBRLI, "unitNumerator")
_DENOMINATOR = clark(ns.XBRLI, "unitDenominator")
_EXPLICIT = clark(ns.XBRLDI, "explicitMember")
_TYPED = clark(ns.XBRLDI, "typedMember")
_NOT_FACTS = (f"{{{ns.XBRLI}}}", f"{{{ns.LINK}}}")

Period = tuple[datetime | None, datetime]
UnitKey = tuple[tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True)
class _Fact:
    """One fact as both files can say it; names in Clark notation."""

    concept: str
    period: Period | None
    unit: UnitKey | None
    dimensions: tuple[tuple[str, str], ...]
    value: str
    numeric: bool = False

    def differences(self, other: _Fact | None) -> list[str]:
        if other is None:
            return ["form (not a fact object with dimensions)"]
        names = ("concept", "period", "unit", "dimensions")
        found = [n for n in names if getattr(self, n) != getattr(other, n)]
        if not _same_value(self.value, other.value, numeric=self.numeric):
            found.append("value")
        return found


def check_xbrl_json(json_path: Path, instance_path: Path) -> list[Finding]:
    """Findings (errors) where the xBRL-JSON file does not agree with the instance."""
    where = str(json_path)
    try:
        document = json.loads(json_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [error(EXPORT_SYNTAX, f"the xBRL-JSON export cannot be read as JSON: {exc}", file=where)]
    info = document.get("documentInfo") if isinstance(document, dict) else None
    facts = document.get("facts") if isinstance(document, dict) else None
    if not isinstance(info, dict) or not isinstance(facts, dict):
        return [error(EXPORT_SYNTAX, "the xBRL-JSON export has no documentInfo or facts object", file=where,
                      ref="xBRL-JSON 1.0 section 2")]
    if info.get("documentType") != ns.XBRL_JSON:
        return [error(EXPORT_DOCUMENT_TYPE, f"documentInfo.documentType is {info.get('documentType')!r}, "
                      f"not {ns.XBRL_JSON!r}", file=where, ref="xBRL-JSON 1.0 section 2.1")]
    parsed = parse_file(instance_path)
    if parsed.root is None:
        return [error(EXPORT_SYNTAX, f"the instance {instance_path.name} the export describes cannot be read",
                      file=where)]
    expected = _instance_facts(parsed.root)
    namespaces = info.get("namespaces") if isinstance(info.get("namespaces"), dict) else {}
    found = {key: _json_fact(value, namespaces) for key, value in facts.items()}
    findings = []
    if len(found) != len(expected):
        findings.append(error(EXPORT_FACT_COUNT, f"the export has {len(found)} facts, "
                              f"the instance {instance_path.name} {len(expected)}", file=where))
    mismatches = []
    for fact_id, fact in expected.items():
        if fact_id not in found:
            mismatches.append(f"fact {fact_id} of the instance is missing")
        else:
            wrong = fact.differences(found[fact_id])
            if wrong:
                mismatches.append(f"fact {fact_id} differs from the instance in its {', '.join(wrong)}")
    findings += [error(EXPORT_FACT_MISMATCH, text, file=where) for text in mismatches[:_MISMATCHES_SHOWN]]
    if len(mismatches) > _MISMATCHES_SHOWN:
        findings.append(error(EXPORT_FACT_MISMATCH, f"and {len(mismatches) - _MISMATCHES_SHOWN} more facts "
                              "differ from the instance", file=where))
    return findings


# --- the XML instance -------------------------------------------------------


def _instance_facts(root: etree._Element) -> dict[str, _Fact]:
    # each context read once: its period and dimensions
    contexts = {c.get("id"): (_xml_period(c), _xml_dimensions(c)) for c in root.iter(_CONTEXT)}
    units = {u.get("id"): _xml_unit(u) for u in root.iter(_UNIT)}
    facts = {}
    for position, element in enumerate(e for e in root if isinstance(e.tag, str) and not e.tag.startswith(_NOT_FACTS)):
        period, dimensions = contexts.get(element.get("contextRef"), (None, ()))
        unit_ref = element.get("unitRef")
        unit = units.get(unit_ref) if unit_ref else None
        facts[element.get("id") or f"#{position}"] = _Fact(
            concept=element.tag,
            period=period,
            unit=None if unit == _PURE_UNIT else unit,  # OIM: a pure unit is no unit dimension
            dimensions=dimensions,
            value="".join(element.itertext()),
            numeric=unit_ref is not None,
        )
    return facts


def _xml_period(context: etree._Element) -> Period | None:
    """As OIM reads it: a date-only end or instant is midnight at the day's end."""
    try:
        instant = context.findtext(f".//{_INSTANT}")
        if instant is not None:
            return None, _day_end(instant)
        start, end = context.findtext(f".//{_START}"), context.findtext(f".//{_END}")
        if start is None or end is None:
            return None
        return datetime.fromisoformat(start.strip()), _day_end(end)
    except ValueError:
        return None


def _day_end(text: str) -> datetime:
    text = text.strip()
    if "T" in text:
        return datetime.fromisoformat(text)
    return datetime.combine(date.fromisoformat(text) + timedelta(days=1), datetime.min.time())


def _xml_unit(unit: etree._Element) -> UnitKey:
    numerator = unit.find(f".//{_NUMERATOR}")
    denominator = unit.find(f".//{_DENOMINATOR}")
    top = numerator if numerator is not None else unit
    return (
        tuple(sorted(_xml_qname(m, m.text or "") for m in top.iter(_MEASURE))),
        tuple(sorted(_xml_qname(m, m.text or "") for m in denominator.iter(_MEASURE))) if denominator is not None else (),
    )


def _xml_dimensions(context: etree._Element) -> tuple[tuple[str, str], ...]:
    members = []
    for member in context.iter(_EXPLICIT, _TYPED):
        dimension = _xml_qname(member, member.get("dimension") or "")
        if member.tag == _EXPLICIT:
            members.append((dimension, _xml_qname(member, member.text or "")))
        else:
            members.append((dimension, "".join(member.itertext())))
    return tuple(sorted(members))


def _xml_qname(element: etree._Element, text: str) -> str:
    prefix, _, local = text.strip().rpartition(":")
    return clark(element.nsmap.get(prefix or None, ""), local)


# --- the xBRL-JSON export -----------------------------------------------------


def _json_fact(entry: object, namespaces: Mapping[str, str]) -> _Fact | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("dimensions"), dict):
        return None
    dims = entry["dimensions"]
    explicit_values = {k: v for k, v in dims.items() if k not in _CORE and isinstance(v, str)}
    return _Fact(
        concept=_json_qname(dims.get("concept"), namespaces),
        period=_json_period(dims.get("period")),
        unit=_json_unit(dims.get("unit"), namespaces),
        dimensions=tuple(sorted(
            (_json_qname(k, namespaces), _json_member(v, namespaces)) for k, v in explicit_values.items()
        )),
        value=str(entry.get("value")),
    )


def _json_qname(text: object, namespaces: Mapping[str, str]) -> str:
    if not isinstance(text, str) or ":" not in text:
        return f"?{text}"
    prefix, local = text.split(":", 1)
    return clark(namespaces.get(prefix, f"?{prefix}"), local)


def _json_member(text: str, namespaces: Mapping[str, str]) -> str:
    """An explicit member is a QName; a typed member's value is its text."""
    prefix = text.split(":", 1)[0] if ":" in text else None
    return _json_qname(text, namespaces) if prefix in namespaces else text


def _json_period(text: object) -> Period | None:
    if not isinstance(text, str):
        return None
    try:
        if "/" in text:
            start, end = text.split("/", 1)
            return datetime.fromisoformat(start), datetime.fromisoformat(end)
        return None, datetime.fromisoformat(text)
    except ValueError:
        return None


def _json_unit(text: object, namespaces: Mapping[str, str]) -> UnitKey | None:
    if not isinstance(text, str):
        return None
    numerator, _, denominator = text.partition("/")
    unit = (
        tuple(sorted(_json_qname(m, namespaces) for m in numerator.split("*"))),
        tuple(sorted(_json_qname(m, namespaces) for m in denominator.split("*"))) if denominator else (),
    )
    return None if unit == _PURE_UNIT else unit


def _same_value(xml: str, exported: str, *, numeric: bool) -> bool:
    if not numeric:
        return xml == exported
    try:
        return Decimal(xml.strip()) == Decimal(exported)
    except InvalidOperation:
        return xml.strip() == exported


# --- exports read back as records (xBRL-CSV) ----------------------------------


def check_records(export_path: Path, instance_path: Path) -> list[Finding]:
    """Findings (errors) where an export that :mod:`kcxbrl.exports.reading` reads
    (the metadata file of an xBRL-CSV report) does not hold the facts of the
    instance: the same ids with the same concept, period, unit, dimensions,
    language, value and decimals."""
    from kcxbrl.errors import KcxbrlError
    from kcxbrl.exports.reading import read_records

    where = str(export_path)
    try:
        found = {r.id: _record_key(r) for r in read_records(export_path, described=False)}
        expected = {r.id: _record_key(r) for r in read_records(instance_path, described=False)}
    except KcxbrlError as exc:
        return [error(EXPORT_SYNTAX, f"the export cannot be read back: {exc}", file=where)]
    findings = []
    if len(found) != len(expected):
        findings.append(error(EXPORT_FACT_COUNT, f"the export has {len(found)} facts, "
                              f"the instance {instance_path.name} {len(expected)}", file=where))
    wrong = [fid for fid, key in expected.items() if found.get(fid) != key]
    findings += [error(EXPORT_FACT_MISMATCH, f"fact {fid} of the instance is missing or differs in the export",
                       file=where) for fid in wrong[:_MISMATCHES_SHOWN]]
    if len(wrong) > _MISMATCHES_SHOWN:
        findings.append(error(EXPORT_FACT_MISMATCH, f"and {len(wrong) - _MISMATCHES_SHOWN} more facts "
                              "differ from the instance", file=where))
    return findings


def _record_key(record: FactRecord) -> tuple[object, ...]:
    value: object = record.value
    if record.numeric and record.value is not None:
        try:
            value = Decimal(record.value)
        except InvalidOperation:
            pass
    return (record.concept, record.period_start, record.period_end, record.instant,
            record.unit, record.dimensions, record.lang, value, record.decimals)
