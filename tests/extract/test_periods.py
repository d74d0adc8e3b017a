"""Calendar arithmetic of reporting periods (kcxbrl.extract.periods), shared by cover, monthly, headers, prose."""

from __future__ import annotations

import calendar
from datetime import date

import pytest

from kcxbrl.extract.headers import resolve_layout
from kcxbrl.extract.periods import (
    _days, add_months, half, latest, month_end, month_period, months_ended, previous_quarter, quarter, year_before,
)
from kcxbrl.xbrl.model import Period, Row, Table


def test_months_and_quarters() -> None:
    assert month_period(2, 2024) == Period(date(2024, 2, 1), date(2024, 2, 29))
    assert quarter(2025, 4) == Period(date(2025, 10, 1), date(2025, 12, 31))
    assert half(2025, 1) == Period(date(2025, 1, 1), date(2025, 6, 30))
    assert previous_quarter(quarter(2026, 1)) == quarter(2025, 4)
    assert year_before(half(2025, 1)) == half(2024, 1)
    assert latest(quarter, 4, date(2026, 3, 31)) == quarter(2025, 4)


def test_the_days_of_a_month_are_the_calendars() -> None:
    assert all(_days(y, m) == calendar.monthrange(y, m)[1] for y in range(1896, 2105) for m in range(1, 13))
    assert month_end(2024, 2) == date(2024, 2, 29) and month_end(2100, 2) == date(2100, 2, 28)
    with pytest.raises(calendar.IllegalMonthError):
        month_end(2025, 13)


@pytest.mark.parametrize("end, months, start", [
    (date(2025, 6, 30), 6, date(2025, 1, 1)),
    (date(2025, 2, 28), 12, date(2024, 3, 1)),  # a month's last day stays its last day
    (date(2025, 5, 30), 3, date(2025, 3, 1)),
])
def test_months_ended(end: date, months: int, start: date) -> None:
    assert months_ended(end, months) == Period(start, end)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)


def test_headers_read_months_ended_the_same_way() -> None:
    table = Table(1, (Row(1, ("", "Three Months Ended May 30, 2025")), Row(2, ("Revenues", "1,000"))))
    layout, _ = resolve_layout(table, "t.txt")
    assert layout.value_columns[0].period == months_ended(date(2025, 5, 30), 3)
