"""Monthly returns (samples 000 and 001): every printed number is a fact."""

from __future__ import annotations

from decimal import Decimal

import pytest

from converted import converted, sample
from kcxbrl.convert import convert_document
from kcxbrl.read import read_filing, read_text
from test_cover import dimensional

SCHEME = "kc:ShareSchemeAxis"
OPTIONS = "2013 Share Option Scheme"
AWARD = "2013 Share Award Scheme"
PLAN = "2021 Share Incentive Plan"


def expected(prefix: str) -> list[tuple[str, str | None, str, str | None, str, str, str | None]]:
    """(concept, start, end, scheme, value, unit, decimals)."""
    if prefix == "000":
        y, prev, issued = "2025", "2025-11-30", "4531784801"
        opening, movement, closing, issuable = "14572606", "-85575", "14487031", "13924889"
        funds, award, plan = "6351.41", "11329833", "195478928"
    else:
        y, prev, issued = "2024", "2024-11-30", "3805284801"
        opening, movement, closing, issuable = "22788979", "-2370720", "20418259", "18715592"
        funds, award, plan = "175955.06", "17351974", "127178416"
    start, end = f"{y}-12-01", f"{y}-12-31"
    rows = []
    for at in (prev, end):
        rows += [
            ("AuthorisedShares", None, at, None, "40000000000", "shares", "0"),
            ("ParValuePerShare", None, at, None, "0.001", "USDPerShare", "3"),
            ("AuthorisedShareCapital", None, at, None, "40000000", "USD", "0"),
            ("IssuedSharesExcludingTreasury", None, at, None, issued, "shares", "0"),
            ("TreasuryShares", None, at, None, "0", "shares", "0"),
            ("IssuedSharesTotal", None, at, None, issued, "shares", "0"),
        ]
    rows += [
        ("ShareOptionsOutstanding", None, prev, OPTIONS, opening, "shares", "0"),
        ("ShareOptionsMovement", start, end, OPTIONS, movement, "shares", "0"),
        ("ShareOptionsOutstanding", None, end, OPTIONS, closing, "shares", "0"),
        ("SharesIssuableUnderScheme", None, end, OPTIONS, issuable, "shares", "0"),
        ("FundsRaisedFromOptionExercises", start, end, None, funds, "USD", "2"),
        ("SharesIssuedUnderScheme", start, end, AWARD, "0", "shares", "0"),
        ("SharesIssuableUnderScheme", None, end, AWARD, award, "shares", "0"),
        ("SharesIssuedUnderScheme", start, end, PLAN, "0", "shares", "0"),
        ("SharesIssuableUnderScheme", None, end, PLAN, plan, "shares", "0"),
        ("SharesIssuedUnderOtherArrangements", start, end, None, "0", "shares", "0"),
        ("IssuedSharesIncreaseDecreaseAllMovements", start, end, None, "0", "shares", "0"),
    ]
    return rows


def numeric(prefix: str) -> list[tuple[str, str | None, str, str | None, str, str, str | None]]:
    out = []
    for concept, start, end, members, value, unit in dimensional(prefix):
        if unit is None or not end.startswith(("2024", "2025")) or concept.startswith("Exhibit"):
            continue
        out.append((concept, start, end, members.get(SCHEME), value, unit, None))
    return out


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_every_number_of_the_form(prefix: str) -> None:
    rows = expected(prefix)
    got = numeric(prefix)
    strip = [r[:6] for r in got]
    for row in rows:
        assert row[:6] in strip, row
    # nothing beyond what the form prints (blank cells are no facts)
    assert sorted(strip) == sorted(r[:6] for r in rows)


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_decimals(prefix: str) -> None:
    from converted import facts

    by_concept = {(k[0], k[2]): f.decimals for k, f in facts(prefix).items()}
    assert by_concept[("ParValuePerShare", "USDPerShare")] == "3"
    assert by_concept[("FundsRaisedFromOptionExercises", "USD")] == "2"
    assert by_concept[("AuthorisedShares", "shares")] == "0"


@pytest.mark.parametrize(("prefix", "description", "dates"), [
    ("000", "Others", {OPTIONS: "2013-02-27", AWARD: "2013-02-22", PLAN: "2021-11-15"}),
    ("001", "Exercised - new shares involved", {OPTIONS: "2013-02-27", AWARD: "2013-02-22", PLAN: "2021-11-15"}),
])
def test_texts_and_dates(prefix: str, description: str, dates: dict[str, str]) -> None:
    found = dimensional(prefix)
    movement = [v for c, _, _, m, v, _ in found if c == "ShareOptionsMovementDescription"]
    assert movement == [description]
    approval = {m[SCHEME]: v for c, _, _, m, v, _ in found if c == "ShareSchemeApprovalDate"}
    assert approval == dates
    text = {c: v for c, s, e, m, v, _ in found if not m and c.startswith("MonthlyReturn")}
    assert text["MonthlyReturnStatus"] == "New Submission"
    assert text["MonthlyReturnSubmitterName"] == "Zou Tao"
    assert text["MonthlyReturnSubmitterTitle"].startswith("Executive Director, Vice Chairman")
    assert text["MonthlyReturnDateSubmitted"] == ("2026-01-07" if prefix == "000" else "2025-01-07")


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_clean_conversion(prefix: str) -> None:
    conversion = convert_document(read_filing(sample(prefix)))
    bad = [str(f) for f in conversion.findings if f.level.value in ("error", "warning")]
    assert bad == []
    _, code = converted()
    assert code in (0, 1)  # other samples may carry errors of their own


def test_total_capital_line_is_the_same_fact() -> None:
    conversion = convert_document(read_filing(sample("000")))
    capital = [f for f in conversion.instance.facts
               if f.concept == "AuthorisedShareCapital" and f.context.period.end.isoformat() == "2025-12-31"]
    assert len(capital) == 1
    assert sorted(s.line for s in capital[0].sources) == [72, 74]


def test_consistency_break_names_the_lines() -> None:
    text = sample("000").read_text(encoding="utf-8")
    broken = text.replace("Balance at close of the month\t4,531,784,801\t0\t4,531,784,801",
                          "Balance at close of the month\t4,531,784,802\t0\t4,531,784,801")
    broken = broken.replace("14,487,031", "14,487,000")
    assert broken != text
    conversion = convert_document(read_text(broken, "broken.txt"))
    warnings = {(f.code, f.line): f.message for f in conversion.findings if f.level.value == "warning"}
    roll = [m for (c, line), m in warnings.items() if c == "kcxbrl:monthlyRollForward"]
    assert any("IssuedSharesExcludingTreasury" in m and "lines 81, 83" in m for m in roll)
    assert any("2013 Share Option Scheme" in m and "92" in m for m in roll)
    assert any(c == "kcxbrl:monthlyIssuedTotal" and line == 83 for c, line in warnings)
    # nothing corrected: the printed value is the fact
    values = {(f.concept, f.context.id): f.value for f in conversion.instance.facts}
    assert values[("IssuedSharesExcludingTreasury", "AsOf2025-12-31")] == Decimal("4531784802")


def test_unknown_scheme_comes_through_and_unread_rows_warn() -> None:
    text = sample("000").read_text(encoding="utf-8")
    added = text.replace(
        "2).\t2021 Share Incentive Plan\t\t15 November 2021\t0\t\t195,478,928",
        "2).\t2021 Share Incentive Plan\t\t15 November 2021\t0\t\t195,478,928\n"
        "3).\t2026 Share Incentive Plan\t\t30 June 2026\t0\t\t1,000\n"
        "Something unexpected\t12\t\t\t\t\t",
    )
    conversion = convert_document(read_text(added, "added.txt"))
    new = [f for f in conversion.instance.facts
           if f.context.members and f.context.members[0].value == "2026 Share Incentive Plan"]
    assert {f.concept for f in new} == {"ShareSchemeApprovalDate", "SharesIssuedUnderScheme", "SharesIssuableUnderScheme"}
    assert new[0].context.id.endswith("_2026ShareIncentivePlan")
    unread = [f for f in conversion.findings if f.code == "kcxbrl:monthlyRowUnread"]
    assert unread and unread[0].line == 113


def test_monthly_tables_are_not_reported_unmapped() -> None:
    conversion = convert_document(read_filing(sample("001")))
    assert not any(f.code == "kcxbrl:unmappedTable" for f in conversion.findings)
