"""Drafts → an Instance: contexts, units, and one fact per printed figure.

The same fact printed twice (a statement repeated in one filing, a figure
repeated in a highlights table or in prose at lower precision) becomes one
fact carrying every place it was printed.  Two different values for one
fact are an error finding naming both lines (XBRL 2.1 4.10: an inconsistent
duplicate); the first printed value is kept.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from kcxbrl.findings import Finding, error
from kcxbrl.xbrl.model import Context, Draft, Entity, Fact, Instance, Member, Period, Provenance, Unit, calendar_span
from kcxbrl.xbrl.names import camel, unique
from kcxbrl.xbrl.taxonomy import Taxonomy

ISO4217 = "iso4217"


def _duration_name(start: date, end: date) -> str | None:
    span = calendar_span(start, end)
    if span is None:
        return None
    kind, year, number = span
    if kind == "FY":
        return f"FY{year}"
    if kind == "M":
        return f"M{year}-{number:02d}"
    return f"{kind}{number}-{year}"


def period_name(period: Period) -> str:
    if period.start is None:
        return f"AsOf{period.end.isoformat()}"
    return _duration_name(period.start, period.end) or f"From{period.start.isoformat()}To{period.end.isoformat()}"


def _member_name(member: Member) -> str:
    if member.typed:
        # free text: its words run together, dots of numbers kept ("99.1"), an NCName part
        return camel(re.findall(r"[A-Za-z0-9]+(?:\.[0-9]+)*", member.value))[:40] or "Typed"
    local = member.value.split(":")[-1]
    return re.sub(r"[^A-Za-z0-9]+", "", local)[:40] or "Typed"


def context_id(period: Period, members: tuple[Member, ...]) -> str:
    name = period_name(period)
    for member in members:
        name += "_" + _member_name(member)
    return name


@lru_cache(maxsize=256)  # few types and currencies; asked for every draft
def unit_for(concept_type: str, currency: str | None) -> Unit | None:
    if concept_type == "monetary" and currency:
        return Unit(currency, (f"{ISO4217}:{currency}",))
    if concept_type == "perShare" and currency:
        return Unit(f"{currency}PerShare", (f"{ISO4217}:{currency}",), ("xbrli:shares",))
    if concept_type == "rate" and currency and "/" in currency:
        # an exchange rate: so many units of one currency per unit of another
        num, den = currency.split("/")
        return Unit(f"{num}Per{den}", (f"{ISO4217}:{num}",), (f"{ISO4217}:{den}",))
    if concept_type == "shares":
        return Unit("shares", ("xbrli:shares",))
    if concept_type in ("pure", "percent", "decimal", "integer"):
        return Unit("pure", ("xbrli:pure",))
    return None


def _rounded(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _agree(a: Draft, b: Draft) -> bool:
    """Equal values, or equal once the more precise is rounded to the other."""
    if a.value == b.value:
        return True
    if not isinstance(a.value, Decimal) or not isinstance(b.value, Decimal):
        return False
    if a.decimals is None or b.decimals is None:
        return False
    low = min(a.decimals, b.decimals)
    return _rounded(a.value, low) == _rounded(b.value, low)


_ContextKey = tuple[object, ...]  # (start, end, members): a period's fields, hashed without calling Python


def assemble(
    drafts: list[Draft],
    entity: Entity,
    taxonomy: Taxonomy,
    source: str,
    schema_ref: str,
) -> tuple[Instance, list[Finding]]:
    instance, findings, _ = assemble_traced(drafts, entity, taxonomy, source, schema_ref)
    return instance, findings


# draft's id() → (the draft, the fact it became part of)
FactsOfDrafts = dict[int, tuple[Draft, Fact]]


def assemble_traced(
    drafts: list[Draft],
    entity: Entity,
    taxonomy: Taxonomy,
    source: str,
    schema_ref: str,
) -> tuple[Instance, list[Finding], FactsOfDrafts]:
    """:func:`assemble`, and the fact each draft became part of (for the coverage report)."""
    findings: list[Finding] = []
    contexts, groups, units = _grouped(drafts, entity, taxonomy)
    facts = []
    facts_of: FactsOfDrafts = {}
    for key, (group, unit, numeric) in groups.items():
        fact = _fact(group, contexts[key[1]], unit, numeric, taxonomy, source, findings)  # type: ignore[index]
        facts.append(fact)
        for draft in group:
            facts_of[id(draft)] = (draft, fact)
    ordered_contexts = sorted(contexts.values(), key=lambda c: (c.period.end, c.period.start or c.period.end, c.members, c.id))
    instance = Instance(
        source=source,
        schema_ref=schema_ref,
        entity=entity,
        contexts=tuple(ordered_contexts),
        units=tuple(sorted(units.values(), key=lambda u: u.id)),
        facts=tuple(facts),
    )
    return instance, findings, facts_of


# The drafts of one fact in printed order, the unit of the first and whether its concept is numeric.
_Group = tuple[list[Draft], "Unit | None", bool]


def _grouped(
    drafts: list[Draft], entity: Entity, taxonomy: Taxonomy
) -> tuple[dict[_ContextKey, Context], dict[tuple[object, ...], _Group], dict[str, Unit]]:
    """The contexts of the drafts, the drafts of each fact, and the units."""
    contexts: dict[_ContextKey, Context] = {}
    used_ids: set[str] = set()
    groups: dict[tuple[object, ...], _Group] = {}
    units: dict[str, Unit] = {}
    kinds: dict[tuple[str, str | None], tuple[Unit | None, bool]] = {}  # (concept, currency) → (unit, numeric)
    for draft in drafts:
        kind = kinds.get((draft.concept, draft.currency))
        if kind is None:  # drafts share few concepts and currencies
            concept = taxonomy.concept(draft.concept)
            unit = unit_for(concept.type, draft.currency) if concept.numeric else None
            kind = kinds[(draft.concept, draft.currency)] = (unit, concept.numeric)
            if unit is not None:
                units[unit.id] = unit
        period, members = draft.period, draft.members
        if members:
            members = tuple(sorted(members))
        key_ctx = (period.start, period.end, members)
        if key_ctx not in contexts:
            cid = unique(context_id(period, members), used_ids, separator="_")
            contexts[key_ctx] = Context(cid, entity, period, members)
        unit = kind[0]
        key = (draft.concept, key_ctx, unit.id if unit else "", draft.lang)
        group = groups.get(key)
        if group is None:
            groups[key] = ([draft], unit, kind[1])
        else:
            group[0].append(draft)
    return contexts, groups, units


def _fact(
    group: list[Draft], context: Context, unit: Unit | None, numeric: bool, taxonomy: Taxonomy, source: str,
    findings: list[Finding],
) -> Fact:
    """One fact of the drafts printing it: the first value, more precise if a later one agrees
    (``unit`` and ``numeric``: the first's unit, whether the concept is numeric)."""
    kept = group[0]
    if len(group) == 1:  # most facts are printed once
        return Fact.made(kept.concept, context, kept.value, unit, kept.decimals if numeric else None, kept.lang,
                         (kept.source,))
    sources = [kept.source]
    for other in group[1:]:
        if _agree(kept, other):
            if (other.decimals or 0) > (kept.decimals or 0) and isinstance(other.value, Decimal):
                kept = replace(other, source=kept.source)
                concept = taxonomy.concept(kept.concept)
                unit = unit_for(concept.type, kept.currency) if numeric else None
            sources.append(other.source)
            continue
        findings.append(error(
            "kcxbrl:inconsistentDuplicate",
            f"{kept.concept} for {period_name(kept.period)} is printed as {kept.value} "
            f"at {kept.source} and as {other.value} at {other.source}; the first is kept",
            file=source, line=other.source.line,
            ref="XBRL 2.1 4.10",
        ))
    decimals = kept.decimals if numeric else None
    return Fact.made(kept.concept, context, kept.value, unit, decimals, kept.lang, _in_order(sources))


def _in_order(sources: list[Provenance]) -> tuple[Provenance, ...]:
    """``tuple(sorted(set(sources)))``, by the tuples of their fields (what a Provenance's
    equality and order compare) without a Python call for every hash and comparison."""
    if len(sources) == 1:
        return (sources[0],)
    unique: dict[tuple[object, ...], Provenance] = {}
    for source in sources:
        unique.setdefault((source.file, source.line, source.table, source.row, source.column), source)
    return tuple(unique[key] for key in sorted(unique))  # type: ignore[type-var]
