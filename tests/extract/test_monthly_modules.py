"""The modules of kcxbrl.extract.monthly, one at a time, on the return of sample 000 (December 2025)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from converted import sample
from kcxbrl.extract.monthly import MonthlyResult, monthly_facts
from kcxbrl.extract.monthly.cells import Span, cells, currency, spans
from kcxbrl.extract.monthly.checks import check
from kcxbrl.extract.monthly.form import CodeTotal, Column, GrandTotal, Line, RollForward, form
from kcxbrl.extract.monthly.reader import Reader
from kcxbrl.text.read import read_filing
from kcxbrl.text.values import parse_number
from kcxbrl.xbrl.model import Member, Period, Row

DECEMBER = Period(date(2025, 12, 1), date(2025, 12, 31))
NOVEMBER_CLOSE = Period(None, date(2025, 11, 30))
DECEMBER_CLOSE = Period(None, date(2025, 12, 31))
SCHEME = (Member("kc:ShareSchemeAxis", "2013 Share Option Scheme", typed=True),)


@lru_cache(maxsize=1)
def december() -> MonthlyResult:
    return monthly_facts(read_filing(sample("000")))


def test_records_of_the_form_share_one_shape() -> None:
    total = CodeTotal.of({"code": "AA1", "section": "A", "parts": ["SharesIssuedUnderScheme"]})
    assert total == CodeTotal("AA1", "A", ("SharesIssuedUnderScheme",))
    assert list(total.needs()) == [("SharesIssuedUnderScheme", "duration", ("shares",))]
    rolled = RollForward.of({"balance": "TreasuryShares", "movement": "TreasurySharesIncreaseDecrease"})
    assert list(rolled.needs()) == [("TreasuryShares", "instant", None),
                                    ("TreasurySharesIncreaseDecrease", "duration", None)]
    grand = GrandTotal.of({"pattern": "total of AA1 to EE1", "concept": "A", "movement": "B", "balance": "C"})
    assert grand.pattern.search("Total of aa1 to ee1") and [p for _, p, _ in grand.needs()] == [
        "duration", "duration", "instant"]
    column = Column.of({"header": "par value", "read": "amount", "balance": "ParValuePerShare"})
    assert list(column.needs()) == [("ParValuePerShare", "instant", ("monetary", "perShare"))]
    assert list(Column.of({"header": "x", "read": "colour"}).settings()) == ["read 'colour', period 'month'"]


def test_the_bundled_form() -> None:
    data = form()
    assert data.codes["AA1"] == "SharesIssuedUnderOptionSchemes"
    assert [c.read for c in data.sections["A"].columns][:3] == ["name", "number", "movement"]
    remark: Line = data.remarks[0]
    found = remark.pattern.search("The weighted average exercise price of the options exercised during "
                                  "the month was HK$5.83 per share")
    assert found is not None and (data.currency(found["cur"]), found["value"]) == ("HKD", "5.83")


def test_cells_under_a_header_span_to_the_next() -> None:
    header = Row(70, ("", "Number", "", "Par value", "", "Capital"))
    assert spans(header, 7) == [Span(1, 2, "Number"), Span(3, 4, "Par value"), Span(5, 6, "Capital")]
    row = Row(71, ("Balance", "40,000,000,000", "", "USD", "0.001", "USD", "40,000,000"))
    assert cells(row, Span(3, 4, "Par value")) == [(3, "USD"), (4, "0.001")]
    reader = Reader("000.txt", DECEMBER, form())
    assert currency(row, 4, reader) == "USD"


def test_facts_of_the_december_return() -> None:
    result = december()
    got = {(d.concept, d.period, d.members): d for d in result.drafts}
    capital = got[("AuthorisedShareCapital", NOVEMBER_CLOSE, ())]
    assert (capital.value, capital.currency, capital.decimals, capital.source.line) == (
        Decimal("40000000"), "USD", 0, 70)
    assert got[("ParValuePerShare", DECEMBER_CLOSE, ())].value == Decimal("0.001")
    assert got[("IssuedSharesTotal", DECEMBER_CLOSE, ())].value == Decimal("4531784801")
    assert got[("ShareOptionsOutstanding", NOVEMBER_CLOSE, SCHEME)].value == Decimal("14572606")
    assert got[("ShareOptionsMovement", DECEMBER, SCHEME)].value == Decimal("-85575")
    assert got[("ShareOptionsMovementDescription", DECEMBER, SCHEME)].value == "Others"
    assert got[("ShareSchemeApprovalDate", DECEMBER, SCHEME)].value == "2013-02-27"
    funds = got[("FundsRaisedFromOptionExercises", DECEMBER, ())]
    assert (funds.value, funds.currency, funds.source.line) == (Decimal("6351.41"), "USD", 99)
    assert got[("MonthlyReturnStatus", DECEMBER, ())].value == "New Submission"
    assert result.consumed == frozenset({2, 3, 4, 5, 6}) and result.findings == ()


def test_checks_report_a_total_that_does_not_add_up() -> None:
    reader = Reader("000.txt", DECEMBER, form())
    for concept, value in (("IssuedSharesExcludingTreasury", "100"), ("TreasuryShares", "5"),
                           ("IssuedSharesTotal", "104")):
        reader.number(concept, "close", parse_number(value), 83)  # type: ignore[arg-type]
    check(reader)
    assert [(f.code, f.line, f.message) for f in reader.findings] == [
        ("kcxbrl:monthlyIssuedTotal", 83,
         "total issued shares 104 at 2025-12-31 is not 100 + 5 treasury shares (lines 83)")]
