"""XBRL 2.1 rules on items, contexts and units that XML Schema cannot express.

Codes are Arelle's where the rule is the same (``xbrl.<section>:<name>``);
what XBRL 2.1 allows but a careful filer avoids (duplicate or unused contexts
and units, text without a language) is a warning under a ``kcxbrl:`` code.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from kcxbrl.findings import Finding, error, warning
from kcxbrl.xbrl import ns
from kcxbrl.validation.rules.contexts import DURATION, FOREVER, INSTANT, Context, Unit
from kcxbrl.validation.rules.report import Fact, Report

_DECIMALS = re.compile(r"^\s*(INF|-?[0-9]+)\s*$")
_PRECISION = re.compile(r"^\s*(INF|[0-9]+)\s*$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def check(report: Report, *, utr: bool = True) -> Iterator[Finding]:
    """``utr``: also check units against the Units Registry (per-share and pure items)."""
    yield from _undefined(report)
    for fact in report.facts:
        yield from _item(report, fact, utr)
    for context in report.contexts.values():
        yield from _context(report, context)
    for unit in report.units.values():
        yield from _unit(report, unit)
    yield from _tuple_attributes(report)
    yield from _requires_element(report)
    yield from _duplicate_contexts(report)
    yield from _duplicate_units(report)
    yield from _unused(report)


def _where(report: Report, fact: Fact) -> dict[str, object]:
    return {"file": report.file, "line": fact.line, "element": fact.label}


def _undefined(report: Report) -> Iterator[Finding]:
    """Facts whose element the DTS does not declare (Arelle: xbrl:schemaImportMissing)."""
    for fact in report.facts:
        if fact.concept is None:
            yield error(
                "xbrl:schemaImportMissing",
                f"fact {fact.name} has no concept definition in the DTS",
                ref="XBRL 2.1 section 4.6",
                **_where(report, fact),
            )
        elif not (fact.concept.is_item or fact.concept.is_tuple):
            yield error(
                "xbrl.4.6:notItemOrTuple",
                f"fact {fact.name} is neither an item nor a tuple (substitution group "
                f"{fact.concept.substitution_group})",
                ref="XBRL 2.1 section 4.6",
                **_where(report, fact),
            )


def _item(report: Report, fact: Fact, utr: bool = True) -> Iterator[Finding]:
    concept = fact.concept
    if concept is None or not concept.is_item:
        return
    where = _where(report, fact)
    if concept.abstract:
        yield error(
            "xmlSchema:abstractElement",
            f"fact {fact.name} reports abstract concept {fact.name}; abstract concepts cannot appear in an instance",
            ref="XBRL 2.1 section 5.1.1 (abstract attribute); XML Schema 1.0 3.3.4",
            **where,
        )
    context = report.contexts.get(fact.context_ref or "")
    if context is None:
        yield error(
            "xbrl.4.6.1:itemContextRef",
            f"item {fact.label} refers to context {fact.context_ref!r}, which does not exist",
            ref="XBRL 2.1 section 4.6.1",
            **where,
        )
    else:
        yield from _period_type(report, fact, context)
    if concept.is_numeric:
        unit = report.units.get(fact.unit_ref or "")
        if unit is None:
            yield error(
                "xbrl.4.6.2:numericUnit",
                f"numeric item {fact.label} context {fact.context_ref} refers to unit {fact.unit_ref!r}, which does not exist",
                ref="XBRL 2.1 section 4.6.2",
                **where,
            )
        else:
            yield from _unit_for_type(report, fact, unit, utr)
    elif fact.unit_ref is not None:
        yield error(
            "xbrl.4.6.2:nonNumericUnit",
            f"non-numeric item {fact.label} has unitRef {fact.unit_ref!r}; only numeric items have units",
            ref="XBRL 2.1 section 4.6.2",
            **where,
        )
    yield from _precision_decimals(report, fact)
    if concept.is_text and not fact.nil and not fact.lang:
        yield warning(
            "kcxbrl:factLangMissing",
            f"text item {fact.label} has no xml:lang on it or on an ancestor; state the language of text facts",
            ref="XBRL 2.1 section 4.6 (xml:lang); XML 1.0 section 2.12",
            **where,
        )


def _period_type(report: Report, fact: Fact, context: Context) -> Iterator[Finding]:
    """XBRL 2.1 section 4.7.2: the context period must match the concept's periodType."""
    period_type = fact.concept.period_type if fact.concept else None
    kind = context.period.kind
    if (period_type == INSTANT and kind != INSTANT) or (period_type == DURATION and kind not in (DURATION, FOREVER)):
        yield error(
            "xbrl.4.7.2:contextPeriodType",
            f"item {fact.label} has periodType {period_type} but context {context.id} has a {kind or 'malformed'} period",
            ref="XBRL 2.1 section 4.7.2",
            **_where(report, fact),
        )


def _precision_decimals(report: Report, fact: Fact) -> Iterator[Finding]:
    """XBRL 2.1 section 4.6.3: decimals xor precision on non-nil numeric items, neither elsewhere."""
    concept = fact.concept
    assert concept is not None
    has_p = fact.precision is not None
    has_d = fact.decimals is not None
    where = _where(report, fact)
    if has_p and not _PRECISION.match(fact.precision or ""):
        yield error("xbrl.4.6.4:precision", f"item {fact.label} precision {fact.precision!r} is not valid",
                    ref="XBRL 2.1 section 4.6.4", **where)
    if has_d and not _DECIMALS.match(fact.decimals or ""):
        yield error("xbrl.4.6.5:decimals", f"item {fact.label} decimals {fact.decimals!r} is not valid",
                    ref="XBRL 2.1 section 4.6.5", **where)
    if has_p and has_d:
        yield error("xbrl.4.6.3:bothPrecisionAndDecimals",
                    f"item {fact.label} has both precision and decimals; use one of them",
                    ref="XBRL 2.1 section 4.6.3", **where)
    if fact.nil:
        if has_p or has_d:
            yield error("xbrl.4.6.3:nilPrecisionDecimals",
                        f"nil item {fact.label} has {'precision' if has_p else 'decimals'}; nil items have neither",
                        ref="XBRL 2.1 section 4.6.3", **where)
    elif concept.is_fraction:
        if has_p or has_d:
            yield error("xbrl.4.6.3:fractionPrecisionDecimals",
                        f"fraction item {fact.label} has precision or decimals; fractions have neither",
                        ref="XBRL 2.1 section 4.6.3", **where)
    elif concept.is_numeric:
        if not has_p and not has_d:
            yield error("xbrl.4.6.3:missingPrecisionDecimals",
                        f"numeric item {fact.label} context {fact.context_ref} has neither decimals nor precision",
                        ref="XBRL 2.1 section 4.6.3", **where)
    elif has_p or has_d:
        yield error("xbrl.4.6.3:extraneousPrecisionDecimals",
                    f"non-numeric item {fact.label} has {'precision' if has_p else 'decimals'}",
                    ref="XBRL 2.1 section 4.6.3", **where)


def _unit_for_type(report: Report, fact: Fact, unit: Unit, utr: bool = True) -> Iterator[Finding]:
    """XBRL 2.1 section 4.8.2 (monetary, shares) and the Units Registry (per-share, pure)."""
    concept = fact.concept
    assert concept is not None
    where = _where(report, fact)
    single = len(unit.numerator) == 1 and not unit.denominator
    if concept.is_monetary:
        if not single:
            yield error("xbrl.4.8.2:monetaryFactUnit-notSingleMeasure",
                        f"monetary item {fact.label} uses unit {unit.id} ({unit}); it must be a single currency measure",
                        ref="XBRL 2.1 section 4.8.2", **where)
        elif not _is_currency(unit.numerator[0]):
            yield error("xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure",
                        f"monetary item {fact.label} uses unit {unit.id} ({unit}); it must be an ISO 4217 currency",
                        ref="XBRL 2.1 section 4.8.2", **where)
    elif concept.is_shares:
        if not single:
            yield error("xbrl.4.8.2:sharesFactUnit-notSingleMeasure",
                        f"shares item {fact.label} uses unit {unit.id} ({unit}); it must be xbrli:shares alone",
                        ref="XBRL 2.1 section 4.8.2", **where)
        elif unit.numerator[0] != ns.SHARES_MEASURE:
            yield error("xbrl.4.8.2:sharesFactUnit-notSharesMeasure",
                        f"shares item {fact.label} uses unit {unit.id} ({unit}); it must be xbrli:shares",
                        ref="XBRL 2.1 section 4.8.2", **where)
    elif not utr:
        return
    elif concept.is_per_share:
        if not (len(unit.numerator) == 1 and _is_currency(unit.numerator[0])
                and unit.denominator == (ns.SHARES_MEASURE,)):
            yield error("utre:error-NumericFactUtrInvalid",
                        f"per-share item {fact.label} uses unit {unit.id} ({unit}); the Units Registry "
                        "allows a currency divided by xbrli:shares",
                        ref="Units Registry 1.0 section 4 (perShareItemType)", **where)
    elif concept.is_pure:
        if unit.numerator != (ns.PURE_MEASURE,) or unit.denominator:
            yield error("utre:error-NumericFactUtrInvalid",
                        f"pure item {fact.label} uses unit {unit.id} ({unit}); the Units Registry allows xbrli:pure",
                        ref="Units Registry 1.0 section 4 (pureItemType)", **where)


def _is_currency(measure: str) -> bool:
    namespace, local = ns.split_clark(measure)
    return namespace == ns.ISO4217 and local in iso4217_codes()


@lru_cache(maxsize=1)
def iso4217_codes() -> frozenset[str]:
    """The ISO 4217 codes, current and withdrawn, from iso4217.toml beside this module."""
    data = tomllib.loads((Path(__file__).with_name("iso4217.toml")).read_text(encoding="utf-8"))
    return frozenset(code for key in ("current", "withdrawn") for code in data[key].split() if _CURRENCY.match(code))


def _context(report: Report, context: Context) -> Iterator[Finding]:
    where = {"file": report.file, "line": context.line, "element": context.id}
    period = context.period
    if period.error is not None:
        yield error("xbrl.4.7.2:contextDateError", f"context {context.id} period cannot be read: {period.error}",
                    ref="XBRL 2.1 section 4.7.2", **where)
    elif period.kind == DURATION and period.start is not None and period.end is not None and period.end <= period.start:
        yield error("xbrl.4.7.2:periodStartBeforeEnd",
                    f"context {context.id} ends before it starts; startDate must be earlier than endDate",
                    ref="XBRL 2.1 section 4.7.2", **where)
    for name, elt, section in (("segment", context.segment, "4.7.3.2"), ("scenario", context.scenario, "4.7.4")):
        if elt is None:
            continue
        children = [c for c in elt if isinstance(c.tag, str)]
        if not children:
            yield error(f"xbrl.{section}:{name}Empty", f"context {context.id} has an empty {name}",
                        ref=f"XBRL 2.1 section {section}", file=report.file, line=elt.sourceline, element=context.id)
            continue
        for desc in elt.iterdescendants():
            if not isinstance(desc.tag, str):
                continue
            if desc.tag.startswith("{" + ns.XBRLI + "}"):
                yield error(f"xbrl.{section}:{name}XbrliElement",
                            f"context {context.id} {name} holds {desc.prefix}:{desc.tag.rpartition('}')[2]}; "
                            f"elements of the xbrli namespace are not allowed there",
                            ref=f"XBRL 2.1 section {section}", file=report.file, line=desc.sourceline, element=context.id)
            else:
                concept = report.dts.concepts.get(desc.tag)
                if concept is not None and (concept.is_item or concept.is_tuple):
                    yield error(f"xbrl.{section}:{name}ItemOrTuple",
                                f"context {context.id} {name} holds item or tuple {desc.tag.rpartition('}')[2]}",
                                ref=f"XBRL 2.1 section {section}", file=report.file, line=desc.sourceline,
                                element=context.id)


def _unit(report: Report, unit: Unit) -> Iterator[Finding]:
    where = {"file": report.file, "line": unit.line, "element": unit.id}
    for measure in unit.numerator + unit.denominator:
        namespace, local = ns.split_clark(measure)
        if namespace == ns.XBRLI and measure not in (ns.PURE_MEASURE, ns.SHARES_MEASURE):
            yield error("xbrl.4.8.2:measureElement", f"unit {unit.id} has measure xbrli:{local}; only xbrli:pure "
                        "and xbrli:shares come from the xbrli namespace", ref="XBRL 2.1 section 4.8.2", **where)
    for measure in set(unit.numerator) & set(unit.denominator):
        yield error("xbrl.4.8.4:measureBothNumDenom",
                    f"unit {unit.id} has measure {ns.local_name(measure)} in both numerator and denominator",
                    ref="XBRL 2.1 section 4.8.4", **where)


_XBRL_NAMESPACES = ("{" + ns.XBRLI + "}", "{" + ns.LINK + "}", "{" + ns.XLINK + "}", "{" + ns.XL + "}")


def _tuple_attributes(report: Report) -> Iterator[Finding]:
    """XBRL 2.1 section 4.9: a tuple carries no attribute of an XBRL namespace."""
    tuples = {f.tag for f in report.facts if f.concept is not None and f.concept.is_tuple}
    if not tuples:
        return
    for elt in report.root.iter(*tuples):
        for attr in elt.attrib:
            if attr.startswith(_XBRL_NAMESPACES):
                name = ns.local_name(elt.tag)
                yield error("xbrl.4.9:tupleAttribute",
                            f"tuple {name} carries the attribute {ns.local_name(attr)} of an XBRL namespace",
                            ref="XBRL 2.1 section 4.9", file=report.file, line=elt.sourceline,
                            element=elt.get("id") or name)


def _requires_element(report: Report) -> Iterator[Finding]:
    """XBRL 2.1 section 5.2.6.2.4: a fact of the source concept needs a fact of the target concept."""
    rels = report.dts.base_sets(ns.REQUIRES_ELEMENT)
    if not rels:
        return
    present = {f.tag for f in report.facts}
    for rel in rels:
        if rel.source in present and rel.target not in present:
            first = next(f for f in report.facts if f.tag == rel.source)
            yield error("xbrl.5.2.6.2.4:requiresElement",
                        f"{first.name} is reported, which requires a fact of {ns.local_name(rel.target)}; there is none",
                        ref="XBRL 2.1 section 5.2.6.2.4", **_where(report, first))


def _duplicate_contexts(report: Report) -> Iterator[Finding]:
    first: dict[tuple[object, ...], Context] = {}
    for context in report.contexts.values():
        if context.period.error is not None:
            continue
        seen = first.setdefault(context.key, context)
        if seen is not context:
            yield warning("kcxbrl:duplicateContext",
                          f"context {context.id} is s-equal to context {seen.id} (line {seen.line}); keep one",
                          ref="XBRL 2.1 section 4.10 (s-equal contexts)",
                          file=report.file, line=context.line, element=context.id)


def _duplicate_units(report: Report) -> Iterator[Finding]:
    first: dict[tuple[tuple[str, ...], tuple[str, ...]], Unit] = {}
    for unit in report.units.values():
        seen = first.setdefault(unit.key, unit)
        if seen is not unit:
            yield warning("kcxbrl:duplicateUnit",
                          f"unit {unit.id} is s-equal to unit {seen.id} (line {seen.line}); keep one",
                          ref="XBRL 2.1 section 4.10 (s-equal units)",
                          file=report.file, line=unit.line, element=unit.id)


def _unused(report: Report) -> Iterator[Finding]:
    used_contexts = {f.context_ref for f in report.facts}
    used_units = {f.unit_ref for f in report.facts}
    for context in report.contexts.values():
        if context.id not in used_contexts:
            yield warning("kcxbrl:unusedContext", f"context {context.id} is not used by any fact; remove it",
                          ref="XBRL 2.1 section 4.7", file=report.file, line=context.line, element=context.id)
    for unit in report.units.values():
        if unit.id not in used_units:
            yield warning("kcxbrl:unusedUnit", f"unit {unit.id} is not used by any fact; remove it",
                          ref="XBRL 2.1 section 4.8", file=report.file, line=unit.line, element=unit.id)
