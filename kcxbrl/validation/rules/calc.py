"""Calculations: the taxonomy's summation-item arcs and the facts they bind.

Taxonomy checks (XBRL 2.1 sections 5.1.1.2 and 5.2.5.2; Calculations 1.1
on summation-item relationships): a weight must agree with the balances of the two concepts,
must not be zero, and both ends must be decimal items; a base set must not
repeat a relationship.

Fact checks follow Calculations 1.1 in round-to-nearest mode, as Arelle's
``--calc c11r`` does.  Within one extended link role, a summation binds the
facts of the total and of each contributing item that share a parent and
have s-equal contexts and units.  Each fact stands for the closed range of
values that round to it; duplicates narrow it to the meet of their ranges.
The calculation is consistent when the range of the total meets the
weighted sum of the contributing ranges.  A binding with inconsistent
duplicates is left unchecked (the duplicate itself is reported by
:mod:`kcxbrl.validation.rules.duplicates`); one with a fact whose value has non-zero
digits beyond its decimals is left unchecked and reported, as Arelle does,
as ``calc11e:excessDigits``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator, Sequence

from kcxbrl.validation.dts import Dts, Relationship
from kcxbrl.findings import Finding, error
from kcxbrl.validation.rules import numbers
from kcxbrl.xbrl import calc11, ns
from kcxbrl.xbrl.calc11 import Interval
from kcxbrl.validation.rules.report import Fact, Report

INCONSISTENT = "calc11e:inconsistentCalculationUsingRounding"
EXCESS_DIGITS = "calc11e:excessDigits"
_CALC_REF = "Calculations 1.1 section 5.2 (round-to-nearest)"


# --------------------------------------------------------------------------
# Taxonomy
# --------------------------------------------------------------------------


def check_taxonomy(dts: Dts, *, mode: str = "c11r") -> Iterator[Finding]:
    """Summation-item relationships; the Calculations 1.1 rules only in ``c11r`` mode."""
    c11 = mode == "c11r"
    seen: dict[tuple[str, str, str, str], Relationship] = {}
    arcroles = (ns.SUMMATION_ITEM, ns.CALC11_SUMMATION_ITEM) if c11 else (ns.SUMMATION_ITEM,)
    for rel in dts.base_sets(*arcroles):
        source = dts.concepts.get(rel.source)
        target = dts.concepts.get(rel.target)
        if source is None or target is None:
            continue
        where = {"file": rel.file, "line": rel.line, "element": ns.local_name(rel.source)}
        names = f"from {ns.local_name(rel.source)} to {ns.local_name(rel.target)} in link role {rel.link_role}"
        weight = rel.weight
        if weight is not None and weight == 0:
            yield error("xbrl.5.2.5.2.1:zeroWeight", f"calculation weight is zero {names}",
                        ref="XBRL 2.1 section 5.2.5.2.1", **where)
        if weight is not None and source.balance and target.balance:
            same = source.balance == target.balance
            if (same and weight < 0) or (not same and weight > 0):
                sign = "Negative" if weight < 0 else "Positive"
                yield error(
                    f"xbrl.5.1.1.2:balanceCalcWeightIllegal{sign}",
                    f"calculation weight {weight} {names} contradicts their balances "
                    f"({source.balance}, {target.balance}); "
                    + ("equal balances need a positive weight" if same else "opposite balances need a negative weight"),
                    ref="XBRL 2.1 section 5.1.1.2 (table 6)",
                    **where,
                )
        if not source.is_numeric or not target.is_numeric:
            yield error("xbrl.5.2.5.2:nonNumericCalc", f"calculation between non-numeric concepts {names}",
                        ref="XBRL 2.1 section 5.2.5.2", **where)
        elif c11 and (not source.is_decimal or not target.is_decimal):
            yield error("calc11e:nonDecimalItemNode", f"calculation ends must be decimal items {names}",
                        ref="Calculations 1.1 (summation-item relationships)", **where)
        key = (rel.arcrole, rel.link_role, rel.source, rel.target)
        if c11 and key in seen:
            yield error("calc11e:duplicateCalculationRelationships",
                        f"the summation-item relationship {names} is defined twice (first at line {seen[key].line})",
                        ref="Calculations 1.1 (summation-item relationships)", **where)
        seen.setdefault(key, rel)


# --------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Bound:
    """The facts of one concept under one binding key, reduced to a range."""

    facts: tuple[Fact, ...]
    span: Interval | None  # None: nil facts only, or left unchecked
    blocked: bool


class _Bindings:
    """Numeric items by concept and binding key (the duplicate key: parent, s-equal context
    and unit), each set reduced to the range it allows when first asked for."""

    def __init__(self, report: Report) -> None:
        self.by_concept: dict[str, dict[tuple[object, ...], tuple[Fact, ...]]] = defaultdict(dict)
        for key, facts in report.duplicate_groups.items():
            concept = facts[0].concept
            if concept is not None and concept.is_numeric:
                self.by_concept[facts[0].tag][key[1:]] = facts
        self._reduced: dict[tuple[str, tuple[object, ...]], _Bound] = {}

    def bound(self, concept: str, key: tuple[object, ...]) -> _Bound | None:
        facts = self.by_concept.get(concept, {}).get(key)
        if not facts:
            return None
        if (concept, key) not in self._reduced:
            self._reduced[(concept, key)] = _reduce(facts)
        return self._reduced[(concept, key)]


def check(report: Report) -> Iterator[Finding]:
    rels = report.dts.base_sets(ns.SUMMATION_ITEM, ns.CALC11_SUMMATION_ITEM)
    if not rels:
        return
    bindings = _Bindings(report)
    if not bindings.by_concept:
        return
    # summation → contributing items with weights, per link role
    trees: dict[tuple[str, str], list[Relationship]] = defaultdict(list)
    for rel in rels:
        trees[(rel.link_role, rel.source)].append(rel)
    reported_excess: set[int] = set()
    for (link_role, total), items in sorted(trees.items(), key=lambda kv: kv[0]):
        for key, sum_facts in bindings.by_concept.get(total, {}).items():
            yield from _summation(report, bindings, link_role, total, items, key, sum_facts, reported_excess)


def _summation(report: Report, bindings: _Bindings, link_role: str, total: str, items: list[Relationship],
               key: tuple[object, ...], sum_facts: tuple[Fact, ...], reported_excess: set[int]) -> Iterator[Finding]:
    """One summation under one binding key: consistent, inconsistent, or left unchecked."""
    parts = [(rel, bindings.bound(rel.target, key)) for rel in items]
    present = [(rel, b) for rel, b in parts if b is not None]
    if not present:
        return
    total_bound = bindings.bound(total, key)
    assert total_bound is not None
    involved = [total_bound] + [b for _, b in present]
    excess = [f for b in involved for f in b.facts if _has_excess(f)]
    if excess:
        fresh = [f for f in excess if f.index not in reported_excess]
        if fresh:
            reported_excess.update(f.index for f in fresh)
            yield error(
                EXCESS_DIGITS,
                f"calculation from {ns.local_name(total)} in link role {link_role} not checked: "
                + ", ".join(f"{f.label} value {f.text.strip()} has non-zero digits beyond decimals {f.decimals}"
                            for f in fresh),
                file=report.file, line=fresh[0].line, element=fresh[0].label, ref=_CALC_REF,
            )
        return
    if any(b.blocked for b in involved) or total_bound.span is None:
        return
    computed = calc11.weighted_sum((b.span, rel.weight if rel.weight is not None else Decimal(1))
                                   for rel, b in present if b.span is not None)
    if total_bound.span.meet(computed) is None:
        fact = sum_facts[0]
        missing = [ns.local_name(rel.target) for rel, b in parts if b is None]
        yield error(
            INCONSISTENT,
            f"calculation inconsistent from {ns.local_name(total)} in link role {link_role}: "
            f"reported {fact.text.strip()} (range {total_bound.span}) but contributing items sum to "
            f"{computed}; context {fact.context_ref} unit {fact.unit_ref}"
            + (f"; not reported: {', '.join(missing)}" if missing else ""),
            file=report.file, line=fact.line, element=fact.label, ref=_CALC_REF,
        )


def _reduce(facts: Sequence[Fact]) -> _Bound:
    """The range a set of duplicate facts allows (Calculations 1.1, duplicate facts)."""
    if all(f.nil for f in facts):
        return _Bound(tuple(facts), None, False)
    if any(f.nil for f in facts):
        return _Bound(tuple(facts), None, True)
    values = [(f.number, numbers.accuracy(f)) for f in facts]
    if any(value is None or decimals is numbers.UNKNOWN for value, decimals in values):
        return _Bound(tuple(facts), None, True)
    span = calc11.agreed_range(values)  # type: ignore[arg-type]
    return _Bound(tuple(facts), span, span is None)


def _has_excess(fact: Fact) -> bool:
    value = fact.number
    decimals = numbers.accuracy(fact)
    if value is None or decimals is None or decimals is numbers.UNKNOWN:
        return False
    return calc11.excess_digits(value, decimals) is not None  # type: ignore[arg-type]
