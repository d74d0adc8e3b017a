"""A small instance built from the model for the direct tests of rendering
and exports: five facts in three contexts (a duration, an instant and a typed
dimension): a monetary amount, a per-share amount, a ratio, an instant and a
text fact."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kcxbrl.xbrl.model import Context, Entity, Fact, Instance, Member, Period, Unit

ENTITY = Entity("http://www.sec.gov/CIK", "0001795589")
FY2025 = Context("FY2025", ENTITY, Period(date(2025, 1, 1), date(2025, 12, 31)))
END_2025 = Context("AsOf2025-12-31", ENTITY, Period(None, date(2025, 12, 31)))
EXHIBIT = Context("M2026-03_X", ENTITY, Period(date(2026, 3, 1), date(2026, 3, 31)),
                  (Member("kc:ExhibitNumberAxis", "99.1", typed=True),))
CNY = Unit("CNY", ("iso4217:CNY",))
PER_SHARE = Unit("CNYPerShare", ("iso4217:CNY",), ("xbrli:shares",))
PURE = Unit("pure", ("xbrli:pure",))

REVENUES = Fact("Revenues", FY2025, Decimal("9558619000"), CNY, -3)
EPS = Fact("EarningsPerShareBasicAndDiluted", FY2025, Decimal("-0.230"), PER_SHARE, 2)
MARGIN = Fact("GrossMargin", FY2025, Decimal("0.157"), PURE, 3)
CASH = Fact("CashAndCashEquivalents", END_2025, Decimal("6018043000.00"), CNY, -3)
EXHIBIT_TEXT = Fact("ExhibitDescription", EXHIBIT, "Press release & results", lang="en")
INSTANCE = Instance("filing--1.txt", "filing-ext.xsd", ENTITY, (FY2025, END_2025, EXHIBIT), (CNY, PER_SHARE, PURE),
                    (REVENUES, EPS, MARGIN, CASH, EXHIBIT_TEXT))
