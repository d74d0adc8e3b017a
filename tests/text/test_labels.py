"""Row labels and statement titles worded as another release would word them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kcxbrl.pipeline import convert_document
from kcxbrl.text.labels import exact_key, loose_key
from kcxbrl.extract.naming import choose
from kcxbrl.text.read import read_text
from kcxbrl.xbrl.taxonomy import default_taxonomy

# (printed in a sample, printed by another release): same exact key
SAME_EXACT = [
    ("Foreign exchange (loss) gain", "Foreign exchange gains/(losses)"),
    ("Foreign exchange gain (loss)", "Foreign exchange (losses) gains"),
    ("Other (expense) income, net", "Other income/(expense), net"),
    ("Other (expense) income, net", "Net other income (expense)"),
    ("Income tax (expense) benefit", "Income tax benefit/(expense)"),
    ("Net cash (used in) generated from operating activities", "Net cash provided by (used in) operating activities"),
    ("Net cash used in investing activities", "Net cash generated from investing activities"),
    ("Total revenues", "Revenues, total"),
    ("Total non-current assets", "Non-current assets, total"),
    ("Selling and marketing expenses", "Selling and marketing expense"),
    ("Less: net loss attributable to non-controlling interests", "Net loss attributable to non-controlling interests"),
    ("Net loss", "Net loss(1)"),
    ("Net loss", "Net loss*"),
    ("Adjusted net loss (Non-GAAP Financial Measure)", "Adjusted net loss"),
    ("Net loss attributable to Kingsoft Cloud Holdings Limited", "Net loss attributable to ordinary shareholders"),
    ("Cash, cash equivalents and restricted cash at end of period", "Cash, cash equivalents and restricted cash at the end of the year"),
]


@pytest.mark.parametrize("printed, reworded", SAME_EXACT)
def test_reworded_label_has_the_same_exact_key(printed: str, reworded: str) -> None:
    assert exact_key(printed) == exact_key(reworded)


# profit-side twins meet their loss-side labels only through the loose key
TWINS = [
    ("Operating loss", "Operating income"),
    ("Net loss", "Net income"),
    ("Loss before income taxes", "Income before income taxes"),
    ("Net loss margin", "Net profit margin"),
]


@pytest.mark.parametrize("loss_side, profit_side", TWINS)
def test_profit_side_twin_meets_through_the_loose_key(loss_side: str, profit_side: str) -> None:
    assert exact_key(loss_side) != exact_key(profit_side)
    assert loose_key(loss_side) == loose_key(profit_side)


def test_interest_income_and_expense_stay_apart() -> None:
    assert loose_key("Interest income") != loose_key("Interest expense")


@pytest.mark.parametrize(
    "role, printed, concept",
    [
        ("StatementOfComprehensiveLoss", "Income (loss) from operations", "OperatingIncomeLoss"),
        ("StatementOfComprehensiveLoss", "Operating profit", "OperatingIncomeLoss"),
        ("StatementOfComprehensiveLoss", "Income (loss) before income tax", "IncomeLossBeforeIncomeTaxes"),
        ("StatementOfComprehensiveLoss", "Net income (loss)", "ProfitLoss"),
        ("StatementOfComprehensiveLoss", "Net income attributable to ordinary shareholders", "NetIncomeLoss"),
        ("StatementOfComprehensiveLoss", "Revenues from public cloud services", "RevenuePublicCloudServices"),
        ("StatementOfComprehensiveLoss", "Total cost of revenues", "CostOfRevenue"),
        ("BalanceSheet", "Current assets, total", "AssetsCurrent"),
        ("BalanceSheet", "Retained earnings", "AccumulatedDeficit"),
        ("BalanceSheet", "Total liabilities and shareholders' equity", "LiabilitiesAndEquity"),
        ("CashFlowStatement", "Net cash provided by operating activities", "NetCashFromOperatingActivities"),
        ("NonGaapReconciliation", "Non-GAAP EBITDA", "AdjustedEbitda"),
        ("NonGaapReconciliation", "Adjusted net income (loss)", "AdjustedNetIncomeLoss"),
    ],
)
def test_reworded_label_names_its_concept(role: str, printed: str, concept: str) -> None:
    taxonomy = default_taxonomy()
    pick = choose(taxonomy.label_index(role), printed, None, taxonomy, values=True)
    assert pick.node is not None and pick.node.concept == concept
    assert not pick.ambiguous


def test_two_candidates_and_no_section_is_ambiguous() -> None:
    taxonomy = default_taxonomy()
    pick = choose(taxonomy.label_index("NonGaapReconciliation"), "Share-based compensation expenses", None, taxonomy, values=True)
    assert pick.node is None
    assert {n.concept for n in pick.ambiguous} == {
        "NetLossAdjustmentShareBasedCompensation", "OperatingLossAdjustmentShareBasedCompensation",
    }


# A reconciliation whose first row names nothing kcxbrl knows: the adjustment
# rows below it could belong to the net loss or the operating loss block.
_AMBIGUOUS = """\
RECONCILIATION OF GAAP AND NON-GAAP RESULTS
(All amounts in thousands)

\tThree Months Ended\t
\tMar 31, 2025\tMar 31, 2026
\tRMB\tRMB
Result from core business\t(234,201)\t(166,108)
– Share-based compensation expenses\t134,611\t62,571
– Amortization of intangible assets\t43,781\t43,720
Adjusted operating (loss) profit (Non-GAAP Financial Measure)\t(55,809)\t(59,817)
"""


def test_ambiguous_row_is_a_finding_and_no_fact() -> None:
    conversion = convert_document(read_text(_AMBIGUOUS, "recon.txt"))
    found = [f for f in conversion.findings if f.code == "kcxbrl:ambiguousRow"]
    assert len(found) == 1
    assert (found[0].file, found[0].line) == ("recon.txt", 8)
    assert "NetLossAdjustmentShareBasedCompensation" in found[0].message
    concepts = {f.concept for f in conversion.instance.facts}
    assert "NetLossAdjustmentShareBasedCompensation" not in concepts
    assert "OperatingLossAdjustmentShareBasedCompensation" not in concepts
    # the rows that only one concept fits still come through
    amortization = [f for f in conversion.instance.facts if f.concept == "OperatingLossAdjustmentAmortization"]
    assert sorted(f.value for f in amortization) == [Decimal("43720000"), Decimal("43781000")]


_BALANCE_SHEET_ROWS = """\
\tDec 31, 2025\tMar 31, 2026
\tRMB\tRMB
Cash and cash equivalents\t6,018,043\t4,903,797
Restricted cash\t99,194\t46,897
Accounts receivable, net\t1,740,472\t2,066,757
Goodwill\t4,605,724\t4,605,724
Short-term borrowings\t3,348,279\t3,590,727
"""


@pytest.mark.parametrize(
    "title, role",
    [
        ("CONDENSED CONSOLIDATED STATEMENTS OF FINANCIAL POSITION\n(All amounts in thousands)", "BalanceSheet"),
        ("Consolidated Balance Sheet (Unaudited)\nRMB'000", "BalanceSheet"),
        ("(All amounts in thousands)", "BalanceSheet"),  # the title says little: the rows decide
    ],
)
def test_balance_sheet_found_by_title_or_rows(title: str, role: str) -> None:
    text = f"{title}\n\n{_BALANCE_SHEET_ROWS}"
    conversion = convert_document(read_text(text, "bs.txt"))
    cash = [f for f in conversion.instance.facts if f.concept == "CashAndCashEquivalents"]
    assert sorted(f.value for f in cash) == [Decimal("4903797000"), Decimal("6018043000")]
    assert all(f.decimals == -3 for f in cash)
    assert not [f for f in conversion.findings if f.code == "kcxbrl:unmappedTable"]
    assert {f.sources[0].line for f in cash} == {title.count("\n") + 5}


def test_unknown_title_and_unknown_rows_is_a_warning_naming_the_line() -> None:
    text = (
        "SEGMENT KPIs\n(in thousands)\n\n"
        "\tDec 31, 2025\tMar 31, 2026\n"
        "\tRMB\tRMB\n"
        "Premium customers\t1,234\t1,300\n"
        "Customer retention\t95\t96\n"
        "Average spending\t3,456\t3,789\n"
    )
    conversion = convert_document(read_text(text, "kpi.txt"))
    found = [f for f in conversion.findings if f.code == "kcxbrl:unmappedTable"]
    assert len(found) == 1
    assert (found[0].file, found[0].line, found[0].level.value) == ("kpi.txt", 4, "warning")
    assert "6 numbers" in found[0].message
