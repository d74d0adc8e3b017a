"""Source-level cross-checks of a conversion, naming the filing lines.

What an XBRL validator cannot see because it has no source: each US$
convenience figure is the RMB figure divided by the stated rate; total
assets equal total liabilities and equity; the
closing cash balance is the opening balance plus the period's change; a
printed total agrees with its printed parts within Calculations 1.1 rounding,
and the summations that do make the filing's own calculation linkbase.
(A figure printed twice with two values is already an error of the
assembler.)  Disagreements are warnings: they describe the filing, which
kcxbrl never corrects.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from kcxbrl.extract.concepts import TRANSLATION_RATE, declared_by
from kcxbrl.xbrl import calc11
from kcxbrl.xbrl.extension import FilingCalculation
from kcxbrl.findings import Finding, warning
from kcxbrl.xbrl.model import Fact, Instance, Period
from kcxbrl.xbrl.taxonomy import Calculation, Role, Taxonomy
from kcxbrl.text.currencies import currencies

_concept = declared_by(__name__)
_ASSETS = _concept("Assets")
_LIABILITIES_AND_EQUITY = _concept("LiabilitiesAndEquity")
_CASH = _concept("CashCashEquivalentsAndRestrictedCash")
_CASH_CHANGE = _concept("CashPeriodIncreaseDecrease")


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
        if f.concept == TRANSLATION_RATE and isinstance(f.value, Decimal)
    }


def check_translation(instance: Instance) -> list[Finding]:
    """US$ = RMB / rate (convenience = reporting / rate), for every monetary fact printed in both."""
    rates = _rates(instance)
    if len(rates) != 1:
        return []  # no stated rate, or several: nothing to check against
    rate = next(iter(rates.values()))
    money = currencies()
    reported: dict[tuple[str, str], Fact] = {}
    translated: list[Fact] = []
    for f in instance.facts:
        unit = f.unit.id if f.unit else None
        if unit == money.reporting:
            reported[(f.concept, f.context.id)] = f
        if unit == money.convenience and isinstance(f.value, Decimal):
            translated.append(f)
    out = []
    for fact in translated:
        base = reported.get((fact.concept, fact.context.id))
        if base is None or not isinstance(base.value, Decimal):
            continue
        expected = base.value / rate
        tolerance = TRANSLATION_UNITS * Decimal(1).scaleb(-(fact.decimals or 0))
        if abs(fact.value - expected) > tolerance:
            out.append(warning(
                "kcxbrl:translationMismatch",
                f"{fact.concept} {fact.context.id}: {money.sign(money.convenience)} {_text(fact.value)} "
                f"({_where(fact)}) is not {money.sign(money.reporting)} {_text(base.value)} ({_where(base)}) "
                f"/ {rate} = {_text(expected.quantize(Decimal(1)))} "
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
    assets = _by(instance, _ASSETS)
    equity_side = _by(instance, _LIABILITIES_AND_EQUITY)
    for key, total in assets.items():
        other = equity_side.get(key)
        if other is not None and other.value != total.value:
            out.append(warning(
                "kcxbrl:balanceSheetIdentity",
                f"total assets {_text(total.value)} ({_where(total)}) differ from total liabilities and equity "
                f"{_text(other.value)} ({_where(other)}) at {key[0].end}",
                file=instance.source, line=total.sources[0].line if total.sources else None,
            ))
    cash = _by(instance, _CASH)
    change = _by(instance, _CASH_CHANGE)
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


def _interval(fact: Fact) -> calc11.Interval:
    return calc11.interval(fact.value, fact.decimals or 0)  # type: ignore[arg-type]


@dataclass(frozen=True)
class PrintedRow:
    """A row of a known table whose label named no base concept, where it is printed.

    ``concept`` is its extension concept (``kcx:Name``), or None when it was
    left out (``convert --no-extend``)."""

    label: str
    line: int
    table: int
    role: str
    parent: str | None  # presentation parent concept
    first: bool  # printed first under its heading
    concept: str | None = None
    balance: str | None = None


def _index(instance: Instance) -> dict[str, dict[tuple[str, str], Fact]]:
    """concept → (context id, unit id) → fact; of duplicates, the most precise."""
    out: dict[str, dict[tuple[str, str], Fact]] = {}
    for f in instance.facts:
        if f.unit is None or not isinstance(f.value, Decimal) or f.decimals is None:
            continue
        bucket = out.setdefault(f.concept, {})
        key = (f.context.id, f.unit.id)
        if key not in bucket or (bucket[key].decimals or 0) < f.decimals:
            bucket[key] = f
    return out


def _lines(facts: dict[tuple[str, str], Fact] | None, table: int) -> list[int]:
    return [s.line for f in (facts or {}).values() for s in f.sources if s.table == table]


def _parent(role: Role, concept: str) -> str | None:
    for node in role.nodes:
        if node.concept == concept and not node.members:
            return node.ancestors[-1] if node.ancestors else None
    return None


def _span(calc: Calculation, role: Role, row: PrintedRow, index: dict[str, dict[tuple[str, str], Fact]]) -> int | None:
    """How many lines the calculation spans in the row's table, when the row is
    printed among its parts (between the first part and the total, or first
    under the heading of the first part); None when it is not."""
    totals = _lines(index.get(calc.total), row.table)
    firsts = [(line, name) for name, _ in calc.parts for line in _lines(index.get(name), row.table)]
    if not totals or not firsts:
        return None
    first_line, first_name = min(firsts)
    low, high = min(first_line, *totals), max(max(firsts)[0], *totals)
    if low < row.line < high:
        return high - low
    heading = _parent(role, first_name)
    if row.first and row.line < first_line < min(totals) and heading is not None and heading == row.parent:
        return high - row.line
    return None


def _joins(
    rows: Sequence[PrintedRow], taxonomy: Taxonomy, index: dict[str, dict[tuple[str, str], Fact]]
) -> dict[tuple[str, int], list[PrintedRow]]:
    """(role id, calculation number) → the rows printed among its parts (innermost calculation)."""
    out: dict[tuple[str, int], list[PrintedRow]] = {}
    for row in rows:
        role = taxonomy.role(row.role)
        spans = [(span, n) for n, calc in enumerate(role.calculations)
                 if (span := _span(calc, role, row, index)) is not None]
        if spans:
            out.setdefault((row.role, min(spans)[1]), []).append(row)
    return out


def _weight(total: str, row: PrintedRow, taxonomy: Taxonomy) -> int | None:
    """XBRL 2.1 5.1.1.2: the weight's sign follows the two balances."""
    balance = taxonomy.concepts[total].balance
    if row.concept is None or balance is None or row.balance is None:
        return None
    return 1 if balance == row.balance else -1


def _miss(
    instance: Instance, total: Fact, present: list[tuple[Fact, int]], context: str, unit: str, left_out: list[PrintedRow]
) -> Finding:
    computed = sum((w * f.value for f, w in present), Decimal(0))  # type: ignore[misc]
    missing = "".join(
        f"; row '{r.label}' ({instance.source}:{r.line}) printed among its parts is left out (--no-extend)"
        for r in left_out
    )
    return warning(
        "kcxbrl:filingCalcInconsistency",
        f"{total.concept} {context} {unit}: the filing prints {_text(total.value)} ({_where(total)}) "
        f"but its parts add up to {_text(computed)} "
        f"({', '.join(f'{f.concept} {_where(f)}' for f, _ in present)}); "
        f"outside Calculations 1.1 rounding, values kept as printed{missing}; "
        f"the summation is left out of the filing's calculation linkbase",
        file=instance.source, line=total.sources[0].line if total.sources else None,
        ref="Calculations 1.1",
    )


def _consistent(total: Fact, present: list[tuple[Fact, int]], intervals: dict[int, calc11.Interval] | None = None) -> bool:
    """Calculations 1.1: the total's interval meets the sum of the parts' intervals
    (``intervals`` keeps each fact's, by id(): a fact is part of several summations)."""
    if intervals is None:
        intervals = {}
    spans = []
    for fact in (total, *(f for f, _ in present)):
        span = intervals.get(id(fact))
        if span is None:
            span = intervals[id(fact)] = _interval(fact)
        spans.append(span)
    return calc11.consistent(spans[0], [(span, w) for span, (_, w) in zip(spans[1:], present)])


def filing_calculations(
    instance: Instance, taxonomy: Taxonomy, rows: Sequence[PrintedRow] = ()
) -> tuple[list[FilingCalculation], list[Finding]]:
    """The summations of the base taxonomy the filing's printed figures bear
    out, with its new rows joined where they are printed, and a warning for
    each printed total that is not the sum of its printed parts.

    Each value stands for the interval its decimals allow; a total is
    consistent when its interval meets the sum of its parts' intervals, in
    every context and unit where it is printed with at least one part.  A
    new row joins the innermost summation it is printed among, with the
    weight its balance gives.  A summation that misses anywhere is left out
    of the filing's calculations (an XBRL processor would otherwise report
    the filing's own arithmetic as an error of the instance); no value is
    changed.  Only parts printed with the total somewhere are kept."""
    index = _index(instance)
    joins = _joins(rows, taxonomy, index)
    calcs: list[FilingCalculation] = []
    out: list[Finding] = []
    intervals: dict[int, calc11.Interval] = {}
    for role in taxonomy.roles:
        for n, calc in enumerate(role.calculations):
            uri = role.uri + (f".{calc.network}" if calc.network else "")
            joined = joins.get((role.id, n), [])
            parts = list(calc.parts)
            for row in joined:
                weight = _weight(calc.total, row, taxonomy)
                if weight is not None:
                    parts.append((row.concept, weight))  # type: ignore[arg-type]
            left_out = [r for r in joined if r.concept is None]
            used: set[str] = set()
            misses: list[Finding] = []
            for (context, unit), total in sorted((index.get(calc.total) or {}).items()):
                present = [(index[name][(context, unit)], w) for name, w in parts
                           if (context, unit) in index.get(name, {})]
                if not present:
                    continue
                used.update(f.concept for f, _ in present)
                if not _consistent(total, present, intervals):
                    misses.append(_miss(instance, total, present, context, unit, left_out))
            out += misses
            if used and not misses:
                calcs.append(FilingCalculation(uri, calc.total, tuple((p, w) for p, w in parts if p in used)))
    return calcs, out


def cross_check(instance: Instance, taxonomy: Taxonomy) -> list[Finding]:
    """The checks that need no calculation: translation and the two identities."""
    return check_translation(instance) + check_identities(instance)
