"""Calculations 1.1 (round-to-nearest) arithmetic: value ranges and the summation test.

A value reported with decimals ``d`` stands for any value that rounds to it
at ``d`` decimal places: the closed interval of half a unit in the last
place on either side (``None`` decimals: exact).  Duplicate facts narrow it
to the meet of their ranges.  A summation is consistent when the range of
its total meets the weighted sum of the ranges of its contributing items.

The one implementation of these rules: the validator applies it to the facts
of an XML instance (:mod:`kcxbrl.validation.rules.calc`), the conversion to
the figures a filing prints (:mod:`kcxbrl.extract.crosscheck`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal, InvalidOperation, Overflow
from typing import Iterable

# Interval arithmetic in a context that takes any exponent an attribute can
# state (decimals="-999999999"): bounds stay finite, the rules never stop.
WIDE = Context(prec=60, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[InvalidOperation])


@dataclass(frozen=True)
class Interval:
    """A closed interval of possible values."""

    low: Decimal
    high: Decimal

    def __add__(self, other: Interval) -> Interval:
        return Interval(WIDE.add(self.low, other.low), WIDE.add(self.high, other.high))

    def scaled(self, weight: Decimal) -> Interval:
        a, b = WIDE.multiply(self.low, weight), WIDE.multiply(self.high, weight)
        return Interval(min(a, b), max(a, b))

    def meet(self, other: Interval) -> Interval | None:
        low, high = max(self.low, other.low), min(self.high, other.high)
        return Interval(low, high) if low <= high else None

    def __str__(self) -> str:
        if self.low == self.high:
            return f"{_plain(self.low)}"
        return f"[{_plain(self.low)}, {_plain(self.high)}]"


ZERO = Interval(Decimal(0), Decimal(0))


def interval(value: Decimal, decimals: int | None) -> Interval:
    """The values that round to ``value`` at ``decimals`` places."""
    if decimals is None:
        return Interval(value, value)
    half = WIDE.scaleb(Decimal(5), -decimals - 1)
    return Interval(WIDE.subtract(value, half), WIDE.add(value, half))


def agreed_range(values: Iterable[tuple[Decimal, int | None]]) -> Interval | None:
    """The range duplicate values (with their decimals) allow together; None when they
    disagree: two with equal decimals and different values, or ranges that do not meet."""
    span: Interval | None = None
    by_decimals: dict[int | None, Decimal] = {}
    for value, decimals in values:
        if decimals in by_decimals and by_decimals[decimals] != value:
            return None
        by_decimals[decimals] = value
        own = interval(value, decimals)
        span = own if span is None else span.meet(own)
        if span is None:
            return None
    return span


def weighted_sum(parts: Iterable[tuple[Interval, Decimal | int]]) -> Interval:
    """The range of ``sum(weight x part)``."""
    low, high = ZERO.low, ZERO.high
    for span, weight in parts:  # total + span.scaled(weight), without an interval made for each
        w = Decimal(weight)
        a, b = WIDE.multiply(span.low, w), WIDE.multiply(span.high, w)
        low = WIDE.add(low, b if b < a else a)  # min(a, b), max(a, b): the first of equals
        high = WIDE.add(high, b if b > a else a)
    return Interval(low, high)


def consistent(total: Interval, parts: Iterable[tuple[Interval, Decimal | int]]) -> bool:
    """Whether a summation is consistent: its total's range meets the weighted sum of its parts'."""
    return total.meet(weighted_sum(parts)) is not None


def excess_digits(value: Decimal, decimals: int | None) -> Decimal | None:
    """The non-zero part of ``value`` beyond ``decimals`` places, or None if there is none."""
    if decimals is None or not value.is_finite():
        return None
    if value.as_tuple().exponent >= -decimals:  # type: ignore[operator]
        return None  # no digit beyond the decimals
    try:
        step = WIDE.scaleb(Decimal(1), -decimals)
        rest = WIDE.remainder(value.copy_abs(), step)
    except (InvalidOperation, Overflow):
        return None
    return rest if rest != 0 else None


def _plain(value: Decimal) -> str:
    if abs(value.adjusted()) > 40:
        return str(value)  # scientific: a plain form would be as long as the exponent
    return format(WIDE.normalize(value), "f")
