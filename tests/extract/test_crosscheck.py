"""Source-level cross-checks name the filing lines when the filing disagrees
with itself; the five samples pass them."""

from __future__ import annotations

import pytest

from kcxbrl.pipeline import convert_document
from kcxbrl.text.read import read_filing, read_text

from converted import sample

CODES = {"kcxbrl:translationMismatch", "kcxbrl:balanceSheetIdentity", "kcxbrl:cashFlowIdentity"}


def _convert_with(prefix: str, old: str, new: str) -> tuple[list, int]:
    path = sample(prefix)
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if old in line)
    lines[index] = lines[index].replace(old, new)
    conversion = convert_document(read_text("\n".join(lines), path.name))
    return [f for f in conversion.findings if f.code in CODES], index + 1


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_samples_pass(prefix: str) -> None:
    findings = convert_document(read_filing(sample(prefix))).findings
    assert [f for f in findings if f.code in CODES] == []


def test_us_dollar_figure_that_is_not_the_translation() -> None:
    # 002 balance sheet: Goodwill 4,605,724 RMB is US$658,610 at 6.9931; print 658,710
    found, line = _convert_with("002", "Goodwill\t\t4,605,724\t4,605,724\t658,610", "Goodwill\t\t4,605,724\t4,605,724\t658,710")
    assert [(f.code, f.line) for f in found] == [("kcxbrl:translationMismatch", line)]
    assert "Goodwill" in found[0].message and f":{line}" in found[0].message


def test_balance_sheet_that_does_not_balance() -> None:
    # 003: total liabilities and equity at Mar 31, 2026, RMB, raised by 1,000 thousand
    found, line = _convert_with("003", "<b>28,456,254</b>\t<b>4,125,290</b>", "<b>28,457,254</b>\t<b>4,125,290</b>")
    codes = sorted(f.code for f in found)
    assert "kcxbrl:balanceSheetIdentity" in codes
    assert any(f":{line}" in f.message for f in found if f.code == "kcxbrl:balanceSheetIdentity")


def test_cash_that_does_not_roll_forward() -> None:
    # 004: closing cash of H1 2024 printed 10 thousand too high
    found, line = _convert_with("004", "<u>2,096,404</u>", "<u>2,096,414</u>")
    assert [f.code for f in found] == ["kcxbrl:cashFlowIdentity"]
    assert f":{line}" in found[0].message


def test_total_that_is_not_the_sum_of_its_parts_is_reported_and_kept() -> None:
    # 003, Mar 31, 2026 US$: revenues 289,403 + 102,556 = 391,959; print the total as 391,969
    path = sample("003")
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if "<b>391,959</b>" in line)
    lines[index] = lines[index].replace("<b>391,959</b>", "<b>391,969</b>")
    conversion = convert_document(read_text("\n".join(lines), path.name))
    calc = [f for f in conversion.findings if f.code == "kcxbrl:filingCalcInconsistency"]
    assert [f.line for f in calc if f.message.startswith("Revenues Q1-2026 USD")] == [index + 1]
    revenue = [f for f in conversion.instance.facts
               if f.concept == "Revenues" and f.context.id == "Q1-2026" and f.unit.id == "USD"]
    assert [str(f.value) for f in revenue] == ["391969000"]  # kept as printed


def test_a_difference_within_rounding_is_no_finding() -> None:
    # 002 US$ total operating expenses 325,509 printed as 325,510: within Calculations 1.1 rounding
    found, _ = _convert_with("002", "(325,509)", "(325,510)")
    conversion_codes = {f.code for f in found}
    assert conversion_codes == set()
    path = sample("002")
    text = path.read_text(encoding="utf-8").replace("(325,509)", "(325,510)", 1)
    findings = convert_document(read_text(text, path.name)).findings
    assert [f for f in findings if f.code == "kcxbrl:filingCalcInconsistency"] == []
