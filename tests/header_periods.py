"""Named periods and a layout summary shared by the column-header tests."""

from __future__ import annotations

from datetime import date

from kcxbrl.xbrl.model import ColumnKind, Layout, Period

FY2024 = Period(date(2024, 1, 1), date(2024, 12, 31))
FY2025 = Period(date(2025, 1, 1), date(2025, 12, 31))
H1_2024 = Period(date(2024, 1, 1), date(2024, 6, 30))
H1_2025 = Period(date(2025, 1, 1), date(2025, 6, 30))
Q1_2025 = Period(date(2025, 1, 1), date(2025, 3, 31))
Q4_2025 = Period(date(2025, 10, 1), date(2025, 12, 31))
Q1_2026 = Period(date(2026, 1, 1), date(2026, 3, 31))


def summary(layout: Layout) -> list[tuple[ColumnKind, Period | None, str | None, int, bool]]:
    """(kind, period, currency, scale, percent) of each column."""
    return [(c.kind, c.period, c.currency, c.scale, c.percent) for c in layout.columns]
