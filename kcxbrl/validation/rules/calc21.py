"""Calculations as XBRL 2.1 section 5.2.5.2 defines them (``--calc xbrl21``).

A summation-item relationship binds a summation item S and the contributing
items that have the contributing concept, a context c-equal and a unit
u-equal to S's, and are S's siblings or nested anywhere in tuples below S's
parent (the binding does not ask for parent equality).  A binding is
checked only when

* S is not nil and has no duplicate (XBRL 2.1 section 4.10: same name,
  parent, s-equal context and unit; a nil fact counts as a duplicate),
* no contributing item has a duplicate,
* at least one contributing item is not nil (nil items contribute nothing).

Each contributing value is rounded to its own decimals (inferred from
precision, XBRL 2.1 section 4.6.6), multiplied by its weight and summed; the
sum, rounded to S's decimals, must equal S rounded the same way.  Rounding is
half to even.  ``precision="0"`` says nothing about the value, so a binding
with such an item is inconsistent.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_EVEN, Decimal, Overflow, localcontext
from typing import Iterator

from kcxbrl.findings import Finding, error
from kcxbrl.validation.rules import numbers
from kcxbrl.xbrl import ns
from kcxbrl.validation.rules.report import Fact, Report

INCONSISTENT = "xbrl.5.2.5.2:calcInconsistency"
_REF = "XBRL 2.1 section 5.2.5.2 (summation-item)"
# Sums are exact up to this many digits; beyond, a difference that small
# cannot be told from rounding anyway.
_SUM_DIGITS = 200


def check(report: Report) -> Iterator[Finding]:
    rels = report.dts.base_sets(ns.SUMMATION_ITEM)
    if not rels:
        return
    index = _Index(report)
    by_sum: dict[tuple[str, str], list[tuple[str, Decimal]]] = defaultdict(list)
    for rel in rels:
        weight = rel.weight if rel.weight is not None else Decimal(1)
        by_sum[(rel.link_role, rel.source)].append((rel.target, weight))
    for (link_role, total), items in sorted(by_sum.items()):
        for fact in index.sums.get(total, ()):
            yield from _check_one(report, index, fact, link_role, items)


class _Index:
    """Numeric items by concept and binding key; facts with duplicates."""

    def __init__(self, report: Report) -> None:
        self.sums: dict[str, list[Fact]] = defaultdict(list)
        self.items: dict[tuple[str, int, object], list[Fact]] = defaultdict(list)
        self.duplicated: set[int] = set()
        self.key_of: dict[int, object] = {}
        groups: dict[tuple[object, ...], list[Fact]] = defaultdict(list)
        parents = {f.index: f.parent for f in report.facts}
        for fact in report.facts:
            concept = fact.concept
            if concept is None or not concept.is_item or not concept.is_numeric:
                continue
            context = report.contexts.get(fact.context_ref or "")
            unit = report.units.get(fact.unit_ref or "")
            if context is None or unit is None:
                continue
            key = (context.key, unit.key)
            self.key_of[fact.index] = key
            groups[(fact.tag, fact.parent, key)].append(fact)
            if not fact.nil:
                self.sums[fact.tag].append(fact)
                # an item binds with summations at its parent's level and every level above
                ancestor = fact.parent
                while True:
                    self.items[(fact.tag, ancestor, key)].append(fact)
                    if ancestor < 0:
                        break
                    ancestor = parents.get(ancestor, -1)
        for facts in groups.values():
            if len(facts) > 1:
                self.duplicated.update(f.index for f in facts)


def _check_one(report: Report, index: _Index, total: Fact, link_role: str,
               items: list[tuple[str, Decimal]]) -> Iterator[Finding]:
    if total.index in index.duplicated:
        return
    key = index.key_of[total.index]
    contributions: list[tuple[Fact, Decimal]] = []
    for concept, weight in items:
        for fact in index.items.get((concept, total.parent, key), ()):
            if fact.index in index.duplicated:
                return
            contributions.append((fact, weight))
    if not contributions:
        return
    reported = _rounded(total, total.number)
    computed_rounded = _rounded(total, _weighted_sum(contributions))
    if reported is not None and computed_rounded is not None and computed_rounded == reported:
        return
    yield error(
        INCONSISTENT,
        f"calculation inconsistent from {ns.local_name(total.tag)} in link role {link_role}: reported "
        f"{total.text.strip()} ({_show(reported)} after rounding) but contributing items "
        + ", ".join(f"{f.label}={f.text.strip()}" + (f"×{w}" if w != 1 else "") for f, w in contributions)
        + f" sum to {_show(computed_rounded)}; context {total.context_ref} unit {total.unit_ref}",
        file=report.file, line=total.line, element=total.label, ref=_REF,
    )


def _weighted_sum(contributions: list[tuple[Fact, Decimal]]) -> Decimal | None:
    """The sum of rounded, weighted contributions; None when one of them is unknown."""
    with localcontext() as ctx:
        ctx.prec = _SUM_DIGITS
        ctx.Emax, ctx.Emin = MAX_EMAX, MIN_EMIN
        ctx.traps[Overflow] = False  # a sum too large becomes infinite, then unknown
        total = Decimal(0)
        for fact, weight in contributions:
            value = _rounded(fact, fact.number)
            if value is None:
                return None
            total += value * weight
    return total if total.is_finite() else None


def _rounded(fact: Fact, value: Decimal | None) -> Decimal | None:
    """``value`` rounded half to even at the fact's decimals; None when unknown."""
    if value is None or not value.is_finite():
        return None
    decimals = numbers.accuracy(fact)
    if decimals is numbers.UNKNOWN:
        return None
    if decimals is None:
        return value
    assert isinstance(decimals, int)
    return round_to(value, decimals)


def round_to(value: Decimal, decimals: int) -> Decimal:
    """``value`` rounded half to even at ``decimals`` places, for any size of either."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if decimals >= -exponent:
        return value  # no digit beyond the decimals: nothing to round
    if value.adjusted() < -decimals - 1:
        return Decimal(0)  # smaller than half a unit in the last kept place
    # the result has at most one digit more than the value: a bounded context suffices
    with localcontext() as ctx:
        ctx.prec = len(value.as_tuple().digits) + 2
        ctx.Emax, ctx.Emin = MAX_EMAX, MIN_EMIN
        return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)


def _show(value: Decimal | None) -> str:
    if value is None:
        return "unknown"
    if not value.is_finite() or abs(value.adjusted()) > 40:
        return str(value)  # scientific: a plain form would be as long as the exponent
    with localcontext() as ctx:
        ctx.prec = max(28, len(value.as_tuple().digits))
        return format(value.normalize(), "f")
