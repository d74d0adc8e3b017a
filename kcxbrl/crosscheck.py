"""Source-level cross-checks of a conversion, naming the filing lines.

What an XBRL validator cannot see because it has no source: each US$
convenience figure is the RMB figure divided by the stated rate; total
assets equal total liabilities and equity; the
closing cash balance is the opening balance plus the period's change; a
printed total agrees with its printed parts within Calculations 1.1 rounding.
(A figure printed twice with two values is already an error of the
assembler.)  Disagreements are warnings: they describe the filing, which
kcxbrl never corrects.
"""

from __future__ import annotations

from decimal import Decimal

from kcxbrl.findings import Finding, warning
from kcxbrl.model import Fact, Instance, Period
from kcxbrl.taxonomy import Taxonomy


def _where(fact: Fact) -> str:
    return ", ".join(f"{s.file}:{s.line}" for s in fact.sources)


def _half_unit(fact: Fact) -> Decimal:
    return Decimal(5).scaleb(-(fact.decimals or 0) - 1)


# The samples' US$ columns differ from RMB / rate by up to 2.5 units of the
# last printed digit (totals are sums of translated lines, and some lines are
# off by one or two units); 3 units accepts that and still catches a figure
# from the wrong column or with a slipped digit.
TRANSLATION_UNITS = 3


def _text(value: Decimal) -> str:
    return format(value, "f")


def _rates(instance: Instance) -> dict[object, Decimal]:
    return {
        f.context.period.end: Decimal(f.value)
        for f in instance.facts
        if f.concept == "ConvenienceTranslationRate" and isinstance(f.value, Decimal)
    }


def check_translation(instance: Instance) -> list[Finding]:
    """US$ = RMB / rate, for every monetary fact printed in both currencies."""
    rates = _rates(instance)
    if len(rates) != 1:
        return []  # no stated rate, or several: nothing to check against
    rate = next(iter(rates.values()))
    cny = {(f.concept, f.context.id): f for f in instance.facts if f.unit and f.unit.id == "CNY"}
    out = []
    for fact in instance.facts:
        if not (fact.unit and fact.unit.id == "USD" and isinstance(fact.value, Decimal)):
            continue
        base = cny.get((fact.concept, fact.context.id))
        if base is None or not isinstance(base.value, Decimal):
            continue
        expected = base.value / rate
        tolerance = TRANSLATION_UNITS * Decimal(1).scaleb(-(fact.decimals or 0))
        if abs(fact.value - expected) > tolerance:
            out.append(warning(
                "kcxbrl:translationMismatch",
                f"{fact.concept} {fact.context.id}: US$ {_text(fact.value)} ({_where(fact)}) is not "
                f"RMB {_text(base.value)} ({_where(base)}) / {rate} = {_text(expected.quantize(Decimal(1)))} "
                f"within {TRANSLATION_UNITS} units of the last printed digit",
                file=instance.source, line=fact.sources[0].line if fact.sources else None,
            ))
    return out


def _by(instance: Instance, concept: str) -> dict[tuple[Period, str], Fact]:
    return {
        (f.context.period, f.unit.id): f
        for f in instance.facts
        if f.concept == concept and not f.context.members and f.unit and isinstance(f.value, Decimal)
    }


def check_identities(instance: Instance) -> list[Finding]:
    out = []
    assets = _by(instance, "Assets")
    equity_side = _by(instance, "LiabilitiesAndEquity")
    for key, total in assets.items():
        other = equity_side.get(key)
        if other is not None and other.value != total.value:
            out.append(warning(
                "kcxbrl:balanceSheetIdentity",
                f"total assets {_text(total.value)} ({_where(total)}) differ from total liabilities and equity "
                f"{_text(other.value)} ({_where(other)}) at {key[0].end}",
                file=instance.source, line=total.sources[0].line if total.sources else None,
            ))
    cash = _by(instance, "CashCashEquivalentsAndRestrictedCash")
    change = _by(instance, "CashPeriodIncreaseDecrease")
    for (period, unit), delta in change.items():
        opening = cash.get((period.opening(), unit))
        closing = cash.get((period.closing(), unit))
        if opening is None or closing is None:
            continue
        tolerance = _half_unit(opening) + _half_unit(delta) + _half_unit(closing)
        if abs(opening.value + delta.value - closing.value) > tolerance:
            out.append(warning(
                "kcxbrl:cashFlowIdentity",
                f"opening cash {_text(opening.value)} ({_where(opening)}) + change {_text(delta.value)} "
                f"({_where(delta)}) is not closing cash {_text(closing.value)} ({_where(closing)}) "
                f"for {period.start}..{period.end} {unit}",
                file=instance.source, line=closing.sources[0].line if closing.sources else None,
            ))
    return out


def _interval(fact: Fact) -> tuple[Decimal, Decimal]:
    half = _half_unit(fact)
    return fact.value - half, fact.value + half  # type: ignore[operator]


def check_calculations(instance: Instance, taxonomy: Taxonomy) -> list[Finding]:
    """Printed totals against their printed parts, Calculations 1.1 style:
    each value stands for the interval its decimals allow; a total is
    consistent when its interval meets the sum of its parts' intervals.
    A miss is the filing's own inconsistency; no value is changed."""
    facts = {
        (f.concept, f.context.id, f.unit.id): f
        for f in instance.facts
        if f.unit is not None and isinstance(f.value, Decimal) and f.decimals is not None
    }
    out = []
    for role in taxonomy.roles:
        for calc in role.calculations:
            for (concept, context, unit), total in facts.items():
                if concept != calc.total:
                    continue
                parts = [(facts.get((name, context, unit)), weight) for name, weight in calc.parts]
                present = [(f, w) for f, w in parts if f is not None]
                if not present:
                    continue
                low = sum((w * (_interval(f)[0] if w > 0 else _interval(f)[1]) for f, w in present), Decimal(0))
                high = sum((w * (_interval(f)[1] if w > 0 else _interval(f)[0]) for f, w in present), Decimal(0))
                t_low, t_high = _interval(total)
                if t_high < low or t_low > high:
                    computed = sum((w * f.value for f, w in present), Decimal(0))  # type: ignore[misc]
                    out.append(warning(
                        "kcxbrl:filingCalcInconsistency",
                        f"{concept} {context} {unit}: the filing prints {_text(total.value)} ({_where(total)}) "
                        f"but its parts add up to {_text(computed)} "
                        f"({', '.join(f'{f.concept} {_where(f)}' for f, _ in present)}); "
                        f"outside Calculations 1.1 rounding, values kept as printed",
                        file=instance.source, line=total.sources[0].line if total.sources else None,
                        ref="Calculations 1.1",
                    ))
    return out


def cross_check(instance: Instance, taxonomy: Taxonomy) -> list[Finding]:
    return check_translation(instance) + check_identities(instance) + check_calculations(instance, taxonomy)
