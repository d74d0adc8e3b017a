"""Calculations 1.1 arithmetic (kcxbrl.xbrl.calc11): ranges, duplicates, summations."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kcxbrl.xbrl.calc11 import Interval, agreed_range, consistent, excess_digits, interval, weighted_sum

D = Decimal


def test_interval_is_half_a_unit_in_the_last_place() -> None:
    assert interval(D(1234000), -3) == Interval(D(1233500), D(1234500))
    assert interval(D("12.34"), 2) == Interval(D("12.335"), D("12.345"))
    assert interval(D(7), None) == Interval(D(7), D(7))  # INF: exact


def test_interval_takes_any_exponent() -> None:
    wide = interval(D(1), -999999999)
    assert wide.low < 0 < wide.high and wide.low.is_finite() and wide.high.is_finite()


def test_weighted_sum_flips_a_negative_weight() -> None:
    total = weighted_sum([(Interval(D(10), D(12)), 1), (Interval(D(3), D(4)), -1)])
    assert total == Interval(D(6), D(9))  # [10 - 4, 12 - 3]


@pytest.mark.parametrize(("reported", "expected"), [(D(1576000), True), (D(1577000), False)])
def test_consistent_when_the_total_meets_the_sum(reported: Decimal, expected: bool) -> None:
    parts = [(interval(D(7785000), -3), 1), (interval(D(6210000), -3), D(-1))]
    assert consistent(interval(reported, -3), parts) is expected


def test_agreed_range_is_the_meet_of_duplicates() -> None:
    assert agreed_range([(D(1500), -2), (D(1480), 0)]) == Interval(D("1479.5"), D("1480.5"))
    assert agreed_range([(D(1500), -2), (D(1400), 0)]) is None  # the ranges do not meet
    assert agreed_range([(D(1500), 0), (D(1501), 0)]) is None  # equal decimals, different values
    assert agreed_range([(D(5), None), (D(5), None)]) == Interval(D(5), D(5))


def test_excess_digits_beyond_decimals() -> None:
    assert excess_digits(D("12.345"), 2) == D("0.005")
    assert excess_digits(D("12.300"), 2) is None  # only zeros beyond
    assert excess_digits(D(1234567), -3) == D(567)
    assert excess_digits(D(5), None) is None


def test_interval_prints_as_a_value_or_a_range() -> None:
    assert str(Interval(D("1E+3"), D("1E+3"))) == "1000"
    assert str(interval(D(1577000), -3)) == "[1576500, 1577500]"


def test_weighted_sum_of_nothing_and_of_scaled_parts() -> None:
    assert weighted_sum([]) == Interval(D(0), D(0))
    parts = [(Interval(D("1.5"), D("2.5")), 2), (Interval(D(-1), D(1)), -3), (Interval(D(4), D(4)), D("0.5"))]
    assert weighted_sum(parts) == Interval(D(2), D(10))  # [3 - 3 + 2, 5 + 3 + 2]
