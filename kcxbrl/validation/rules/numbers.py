"""Numbers as XBRL reads them: accuracy from decimals or precision, value ranges.

A fact reported with decimals ``d`` stands for any value that rounds to it
at ``d`` decimal places: the closed interval of half a unit in the last place
on either side (Calculations 1.1, round-to-nearest).  ``None`` accuracy means
exact (``INF``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal, InvalidOperation, Overflow

from kcxbrl.validation.rules.report import Fact

# Interval arithmetic in a context that takes any exponent an attribute can
# state (decimals="-999999999"): bounds stay finite, the rules never stop.
WIDE = Context(prec=60, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[InvalidOperation])
UNKNOWN = object()  # precision="0": nothing is known about the value's accuracy


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


def accuracy(fact: Fact) -> int | None | object:
    """Decimals of a numeric fact (inferred from precision when needed); None if exact."""
    if fact.decimals is not None:
        text = fact.decimals.strip()
        if text == "INF":
            return None
        try:
            return int(text)
        except ValueError:
            return UNKNOWN
    if fact.precision is not None:
        text = fact.precision.strip()
        if text == "INF":
            return None
        try:
            precision = int(text)
        except ValueError:
            return UNKNOWN
        value = fact.number
        if precision == 0 or value is None:
            return UNKNOWN
        if value == 0:
            return None
        # XBRL 2.1 4.6.6: decimals = precision - int(floor(log10(|v|))) - 1
        return precision - value.copy_abs().adjusted() - 1
    return UNKNOWN


def interval(value: Decimal, decimals: int | None) -> Interval:
    if decimals is None:
        return Interval(value, value)
    half = WIDE.scaleb(Decimal(5), -decimals - 1)
    return Interval(WIDE.subtract(value, half), WIDE.add(value, half))


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
