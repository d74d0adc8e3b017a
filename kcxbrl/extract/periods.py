"""Calendar arithmetic of reporting periods.

In: a day, a month, a count of months.  Out: the ``Period`` a filing means by
"for the month of March 2026", "three months ended March 31, 2026", "the
fourth quarter of 2025", "the same period a year earlier".  A month's last
day stays its last day when moved by whole months (the half year ended
June 30 began on January 1).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Callable

from kcxbrl.xbrl.model import Period


def _days(year: int, month: int) -> int:
    """The days of a month (``calendar.monthrange`` works out its first weekday too)."""
    if not 1 <= month <= 12:
        raise calendar.IllegalMonthError(month)
    return 29 if month == 2 and calendar.isleap(year) else calendar.mdays[month]


def month_end(year: int, month: int) -> date:
    return date(year, month, _days(year, month))


def add_months(day: date, months: int) -> date:
    """The same day so many months on; a month's last day stays its last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if day.day == _days(day.year, day.month):
        return month_end(year, month)
    return date(year, month, min(day.day, _days(year, month)))


def month_period(month: int, year: int) -> Period:
    """One calendar month: "For the month of March 2026" is 2026-03-01/2026-03-31."""
    return Period(date(year, month, 1), month_end(year, month))


def months_ended(end: date, months: int) -> Period:
    return Period(add_months(end, -months) + timedelta(days=1), end)


def quarter(year: int, number: int) -> Period:
    return Period(date(year, 3 * number - 2, 1), month_end(year, 3 * number))


def half(year: int, number: int) -> Period:
    return Period(date(year, 6 * number - 5, 1), month_end(year, 6 * number))


def year_before(period: Period, years: int = 1) -> Period:
    end = add_months(period.end, -12 * years)
    return Period(None if period.start is None else add_months(period.start, -12 * years), end)


def previous_quarter(period: Period) -> Period:
    """The three months before the last three months of a period."""
    return months_ended(add_months(period.end, -3), 3)


def latest(make: Callable[[int, int], Period], number: int, until: date) -> Period:
    """The latest quarter (or half) of that number that ends by a day."""
    this_year = make(until.year, number)
    return this_year if this_year.end <= until else make(until.year - 1, number)
