"""Monthly returns (samples 000 and 001): every printed number is a fact."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from case_runs import sample_run
from converted import dimensional, sample
from kcxbrl.cli import main
from kcxbrl.pipeline import convert_document
from kcxbrl.text.read import read_text
from paths import DATA

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
def test_clean_conversion(prefix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No error or warning: the return alone converts with exit code 0 even under --strict."""
    assert main(["convert", str(sample(prefix)), "--out", str(tmp_path), "--strict"]) == 0
    summary = capsys.readouterr().out.strip()
    assert summary.startswith(f"{sample(prefix)}: 46 facts, 12 contexts, 3 units; findings: 0 errors, 0 warnings;")
    assert (tmp_path / f"{sample(prefix).stem}.xbrl").is_file()


def test_total_capital_line_is_the_same_fact() -> None:
    conversion = sample_run("000").conversion
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
    conversion = sample_run("001").conversion
    assert not any(f.code == "kcxbrl:unmappedTable" for f in conversion.findings)


# --------------------------------------------------------------------------
# Never silent: shifted rows, unreadable cells, broken sums of the movements
# --------------------------------------------------------------------------

MOVEMENTS = DATA / "next" / "monthly_movements.txt"


def _convert(text: str, name: str):  # type: ignore[no-untyped-def]
    conversion = convert_document(read_text(text, name))
    warnings = [f for f in conversion.findings if f.level.value == "warning"]
    return conversion, warnings


def _replace(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


SCHEME_ROW = "1).\t2013 Share Option Scheme\t14,572,606\tOthers\t-85,575\t14,487,031\t\t\t13,924,889\t"


def test_shifted_scheme_row_is_reported_and_not_read() -> None:
    text = sample("000").read_text(encoding="utf-8")
    # one cell too many after the name: every value would sit one column to the right
    shifted = _replace(text, SCHEME_ROW, SCHEME_ROW.replace("Scheme\t", "Scheme\t\t", 1))
    conversion, warnings = _convert(shifted, "shifted.txt")
    shape = [f for f in warnings if f.code == "kcxbrl:rowShapeMismatch"]
    assert [(f.file, f.line) for f in shape] == [("shifted.txt", 92)]
    assert "11 cells, its header 10" in shape[0].message
    options = [f for f in conversion.instance.facts
               if f.context.members and f.context.members[0].value == OPTIONS]
    assert options == []  # not the opening balance as the movement, nor anything else of the row
    assert not any(f.concept == "ShareOptionsMovement" for f in conversion.instance.facts)
    # the other rows still come through
    closing = [f for f in conversion.instance.facts
               if f.concept == "SharesIssuableUnderScheme" and f.context.members[0].value == PLAN]
    assert [f.value for f in closing] == [Decimal("195478928")]


def test_shifted_balance_rows_are_reported_and_not_read() -> None:
    text = sample("000").read_text(encoding="utf-8")
    shifted = _replace(text, "Balance at close of the month\t4,531,784,801\t0\t4,531,784,801\t\t\t",
                       "Balance at close of the month\t\t4,531,784,801\t0\t4,531,784,801\t\t\t")
    shifted = _replace(shifted, "Balance at close of preceding month\t40,000,000,000\tUSD\t0.001\tUSD\t\t40,000,000",
                       "Balance at close of preceding month\t40,000,000,000\tUSD\t0.001\tUSD\t40,000,000")
    conversion, warnings = _convert(shifted, "shifted.txt")
    assert sorted(f.line for f in warnings if f.code == "kcxbrl:rowShapeMismatch") == [70, 83]
    at = {(f.concept, f.context.period.end.isoformat()) for f in conversion.instance.facts}
    for concept in ("IssuedSharesExcludingTreasury", "TreasuryShares", "IssuedSharesTotal"):
        assert (concept, "2025-12-31") not in at and (concept, "2025-11-30") in at
    for concept in ("AuthorisedShares", "ParValuePerShare"):
        assert (concept, "2025-11-30") not in at and (concept, "2025-12-31") in at


@pytest.mark.parametrize(("old", "new", "line", "concept"), [
    ("Balance at close of preceding month\t4,531,784,801\t0\t", "Balance at close of preceding month\t4,531,784,801\tn/a\t",
     81, "TreasuryShares"),
    ("\t\t\t13,924,889\t", "\t\t\t1,2,3\t", 92, "SharesIssuableUnderScheme"),
    ("\t0\t\t11,329,833", "\t0\t\t(12", 110, "SharesIssuableUnderScheme"),
    ("Others\t-85,575", "Others\t(12", 92, "ShareOptionsMovement"),
])
def test_unreadable_cell_is_a_finding_and_no_fact(old: str, new: str, line: int, concept: str) -> None:
    text = sample("000").read_text(encoding="utf-8")
    conversion, warnings = _convert(_replace(text, old, new), "cells.txt")
    unread = [f for f in warnings if f.code == "kcxbrl:cellNotNumber"]
    assert [(f.file, f.line) for f in unread] == [("cells.txt", line)]
    printed = new.strip("\t").split("\t")[-1] if concept != "ShareOptionsMovement" else "(12"
    assert f"'{printed}'" in unread[0].message
    before = {(f.concept, f.context.id) for f in sample_run("000").conversion.instance.facts}
    after = {(f.concept, f.context.id) for f in conversion.instance.facts}
    lost = before - after
    assert len(lost) == 1 and next(iter(lost))[0] == concept
    assert after <= before


def test_movements_break_their_sums() -> None:
    text = MOVEMENTS.read_text(encoding="utf-8")
    broken = _replace(text, "Increase / decrease (-) in treasury shares: _____ 3,500,000 Ordinary shares (EE2)",
                      "Increase / decrease (-) in treasury shares: _____ 3,400,000 Ordinary shares (EE2)")
    broken = _replace(broken, "Decrease in treasury shares: _____ 800,000 Ordinary shares (DD2)",
                      "Decrease in treasury shares: _____ 700,000 Ordinary shares (DD2)")
    broken = _replace(broken, "(i.e. Total of AA2 to EE2):\t2,700,000", "(i.e. Total of AA2 to EE2):\t2,600,000")
    broken = _replace(broken, "Balance at close of the month\t4,529,284,801\t2,700,000\t4,531,984,801",
                      "Balance at close of the month\t4,529,284,801\t2,700,001\t4,531,984,801")
    _, warnings = _convert(broken, "broken.txt")
    found = {(f.code, f.line) for f in warnings}
    assert ("kcxbrl:monthlyCodeTotal", 137) in found  # EE2 is not the sum of the (E2) cells
    assert ("kcxbrl:monthlyCodeTotal", 117) in found  # DD2 is not the (D2) cell
    assert ("kcxbrl:monthlyGrandTotal", 144) in found  # AA2..EE2 is not the treasury movement
    assert ("kcxbrl:monthlyRollForward", 83) in found  # 0 + 2,700,000 is not 2,700,001
    assert ("kcxbrl:monthlyIssuedTotal", 83) in found
    ee2 = next(f.message for f in warnings if f.line == 137)
    assert "3400000" in ee2 and "3500000" in ee2 and "130, 131, 132, 133, 137" in ee2


def test_movements_of_the_fixture_add_up() -> None:
    _, warnings = _convert(MOVEMENTS.read_text(encoding="utf-8"), "movements.txt")
    assert warnings == []


def test_movement_in_words_and_unread_remark() -> None:
    text = MOVEMENTS.read_text(encoding="utf-8")
    worded = _replace(text, "Increase / decrease (-)\t-2,500,000\t2,700,000\t200,000\t\t\t",
                      "Increase / decrease (-)\t-2,500,000\t2,700,000\t200,000\tRepurchases, exercise of options\t\t")
    worded = _replace(worded, "was US$0.12 per share.", "was 0.12 dollars for each share.")
    conversion, warnings = _convert(worded, "worded.txt")
    described = [f.value for f in conversion.instance.facts if f.concept == "IssuedSharesMovementDescription"]
    assert described == ["Repurchases, exercise of options"]
    moved = {f.concept: f.value for f in conversion.instance.facts if f.concept.endswith("IncreaseDecrease")
             and not f.context.members}
    assert moved["IssuedSharesTotalIncreaseDecrease"] == Decimal("200000")
    assert [(f.code, f.line) for f in warnings] == [("kcxbrl:monthlyRemarkUnread", 105)]
    assert not any(f.concept == "WeightedAverageExercisePriceOfOptionsExercised" for f in conversion.instance.facts)


def test_form_data_is_checked_against_the_taxonomy(tmp_path: Path) -> None:
    from kcxbrl.errors import TaxonomyError
    from kcxbrl.extract.monthly import form, load_form
    from kcxbrl.resources import taxonomy_dir
    from kcxbrl.xbrl.taxonomy import default_taxonomy

    assert form().codes["EE2"] == "TreasurySharesIncreaseDecreaseOtherMovements"
    source = (taxonomy_dir() / "mapping" / "monthly.toml").read_text(encoding="utf-8")
    for old, new, complaint in [
        ('EE1 = "IssuedSharesIncreaseDecreaseOtherMovements"', 'EE1 = "IssuedSharesIncreaseDecreaseOther"',
         "unknown concept or setting 'IssuedSharesIncreaseDecreaseOther'"),
        ('concept = "ShareOptionsOutstanding", period = "open"', 'concept = "ShareOptionsMovement", period = "open"',
         "ShareOptionsMovement is duration, used as instant"),
        ('concept = "OtherMovementPricePerShare"', 'concept = "OtherMovementType"',
         "OtherMovementType is of type string, used for monetary/perShare"),
    ]:
        path = tmp_path / "monthly.toml"
        path.write_text(_replace(source, old, new), encoding="utf-8")
        with pytest.raises(TaxonomyError, match=re.escape(complaint)):
            load_form(path, default_taxonomy())


def test_amount_paid_is_shares_times_price() -> None:
    text = MOVEMENTS.read_text(encoding="utf-8")
    broken = _replace(text, "HKD\t3.05\tHKD\t4,575,000.00", "HKD\t3.05\tHKD\t4,600,000.00")
    conversion, warnings = _convert(broken, "paid.txt")
    assert [(f.code, f.line) for f in warnings] == [("kcxbrl:monthlyAmountPaid", 131)]
    assert "4600000.00" in warnings[0].message and "1500000 shares x 3.05" in warnings[0].message
    # within the rounding of a price printed to the cent: 1,000,000 x 3.015 is still 3.02 printed
    rounded = _replace(text, "HKD\t3.02\tHKD\t3,020,000.00", "HKD\t3.02\tHKD\t3,015,000.00")
    _, warnings = _convert(rounded, "rounded.txt")
    assert warnings == []


FIXTURE_OPTIONS = ("1).\t2013 Share Option Scheme\t14,487,031\tExercised - new shares involved\t-1,200,000\t"
                   "13,287,031\t1,200,000\t\t12,724,889\t")
LAPSED_CLOSING = "13,237,031"  # 14,487,031 - 1,200,000 exercised - 50,000 lapsed


def _options(conversion) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {f.concept: f.value for f in conversion.instance.facts
            if f.context.members and f.context.members[0].value == OPTIONS
            and f.context.period.start is not None}


@pytest.mark.parametrize("layout", ["row below", "one cell"])
def test_several_movements_of_a_scheme_by_kind(layout: str) -> None:
    text = MOVEMENTS.read_text(encoding="utf-8")
    row = FIXTURE_OPTIONS.replace("13,287,031", LAPSED_CLOSING)
    if layout == "row below":
        row += "\n\t\t\tLapsed\t-50,000\t\t\t\t\t"
    else:
        row = row.replace("Exercised - new shares involved\t-1,200,000",
                          "Exercised - new shares involved -1,200,000 Lapsed -50,000\t")
    conversion, warnings = _convert(_replace(text, FIXTURE_OPTIONS, row), "kinds.txt")
    assert warnings == []  # the roll-forward adds up the two movements
    moved = _options(conversion)
    assert moved["ShareOptionsExercised"] == Decimal("-1200000")
    assert moved["ShareOptionsLapsed"] == Decimal("-50000")
    assert moved["ShareOptionsMovementDescription"] == "Exercised - new shares involved; Lapsed"
    assert "ShareOptionsMovement" not in moved


def test_movement_of_no_known_kind_is_reported() -> None:
    text = MOVEMENTS.read_text(encoding="utf-8")
    row = FIXTURE_OPTIONS.replace("13,287,031", LAPSED_CLOSING) + "\n\t\t\tOthers\t-50,000\t\t\t\t\t"
    conversion, warnings = _convert(_replace(text, FIXTURE_OPTIONS, row), "kinds.txt")
    unread = [(f.code, f.line) for f in warnings if f.code == "kcxbrl:monthlyMovementUnread"]
    assert unread == [("kcxbrl:monthlyMovementUnread", 93)]
    # the exercise is read; the closing balance then does not add up, and says so
    assert _options(conversion)["ShareOptionsExercised"] == Decimal("-1200000")
    assert any(f.code == "kcxbrl:monthlyRollForward" and "2013 Share Option Scheme" in f.message for f in warnings)


def test_glued_movement_with_digits_in_its_words_is_not_guessed() -> None:
    text = sample("001").read_text(encoding="utf-8")
    glued = _replace(text, "Exercised - new shares involved -2,370,720", "Exercised - new shares involved -2,370,720 x (12")
    conversion, warnings = _convert(glued, "glued.txt")
    assert [(f.code, f.line) for f in warnings if f.code == "kcxbrl:cellNotNumber"] == [("kcxbrl:cellNotNumber", 108)]
    assert not any(f.concept == "ShareOptionsMovement" for f in conversion.instance.facts)


def test_movement_row_below_a_shifted_row_is_reported_too() -> None:
    text = MOVEMENTS.read_text(encoding="utf-8")
    row = FIXTURE_OPTIONS.replace("Scheme\t", "Scheme\t\t", 1) + "\n\t\t\tLapsed\t-50,000\t\t\t\t\t"
    conversion, warnings = _convert(_replace(text, FIXTURE_OPTIONS, row), "kinds.txt")
    assert {(f.code, f.line) for f in warnings} >= {("kcxbrl:rowShapeMismatch", 92), ("kcxbrl:monthlyRowUnread", 93)}
    assert not any(f.context.members and f.context.members[0].value == OPTIONS for f in conversion.instance.facts)
