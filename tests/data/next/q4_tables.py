"""The text of the fixture q4_2025_release: the cover and the prose
(q4_prose.py), then the balance sheet, the statements of comprehensive income
(loss), the non-GAAP reconciliations, the margins and the cash flows, each
row written from the figures in q4_figures.py (see make_q4.py)."""
from __future__ import annotations

from typing import Callable

from fixture_text import heading_row, table_row
from q4_figures import BS, COLS, EPS, RMB_COLS, SHARES, eps_usd, margin
from q4_prose import COVER, TAIL_PROSE, prose

HEAD7 = [
    "\t<b>Three Months Ended</b>\t\t\t\t<b>Year Ended</b>\t\t",
    "\t<b>Dec 31, 2024</b>\t<b>Sep 30, 2025</b>\t<b>Dec 31, 2025</b>\t<b>Dec 31, 2025</b>\t<b>Dec 31, 2024</b>\t<b>Dec 31, 2025</b>\t<b>Dec 31, 2025</b>",
    "\t<b>RMB</b>\t<b>RMB</b>\t<b>RMB</b>\t<b>US\\$</b>\t<b>RMB</b>\t<b>RMB</b>\t<b>US\\$</b>",
]
HEAD5 = [
    "\tThree Months Ended\t\t\tYear Ended\t",
    "\tDec 31, 2024\tSep 30, 2025\tDec 31, 2025\tDec 31, 2024\tDec 31, 2025",
]
RECONCILIATION = "RECONCILIATION OF GAAP AND NON-GAAP RESULTS"
BREAK = ["", "---", ""]  # a page break between tables

# Rows of the seven-column tables: (concept, label, sign as printed, style); style
# "head" is a bold line naming what follows, "note" a plain one, "total" a bold row.
ADJUSTMENTS = (None, "Adjustments:", 1, "note")
NORMALIZED = (None, "Excluding gain on disposal of property and equipment, normalized", 1, "note")
IS_ROWS = [
    (None, "Revenues:", 1, "head"),
    ("RevenuePublicCloudServices", "Revenues from public cloud services", 1, ""),
    ("RevenueEnterpriseCloudServices", "Revenues from enterprise cloud services", 1, ""),
    ("RevenueOtherServices", "Other revenues", 1, ""),
    ("Revenues", "Total revenues", 1, "total"),
    ("CostOfRevenue", "Total cost of revenues", -1, ""),
    ("GrossProfit", "Gross profit", 1, "total"),
    (None, "Operating expenses:", 1, "head"),
    ("SellingAndMarketingExpense", "Selling and marketing expenses", -1, ""),
    ("GeneralAndAdministrativeExpense", "General and administrative expenses", -1, ""),
    ("?Provision_for_credit_losses", "Provision for credit losses", -1, ""),
    ("ResearchAndDevelopmentExpense", "Research and development expenses", -1, ""),
    ("ImpairmentOfLongLivedAssets", "Impairment of long-lived assets", -1, ""),
    ("OperatingExpenses", "Total operating expenses", -1, "total"),
    ("OperatingIncomeLoss", "Income (loss) from operations", 1, "total"),
    ("InterestIncome", "Interest income", 1, ""),
    ("InterestExpense", "Interest expense", -1, ""),
    ("ForeignExchangeGainLoss", "Foreign exchange (losses) gains", 1, ""),
    ("OtherGainLossNet", "Other gain (loss), net", 1, ""),
    ("OtherIncomeExpenseNet", "Other income (expense), net", 1, ""),
    ("IncomeLossBeforeIncomeTaxes", "Income (loss) before income taxes", 1, "total"),
    ("IncomeTaxExpenseBenefit", "Income tax (expense) benefit", -1, ""),
    ("ProfitLoss", "Net income (loss)", 1, "total"),
    ("NetIncomeLossAttributableToNoncontrollingInterest", "Less: net loss attributable to non-controlling interests", 1, ""),
    ("NetIncomeLoss", "Net income (loss) attributable to ordinary shareholders", 1, "total"),
]
COMPREHENSIVE_ROWS = [
    (None, "Other comprehensive income (loss), net of tax of nil:", 1, "head"),
    ("ForeignCurrencyTranslationAdjustment", "Foreign currency translation adjustments", 1, ""),
    ("ComprehensiveIncomeIncludingNoncontrollingInterest", "Comprehensive income (loss)", 1, "total"),
    ("ComprehensiveIncomeAttributableToNoncontrollingInterest", "Less: Comprehensive loss attributable to non-controlling interests", 1, ""),
    ("ComprehensiveIncomeAttributableToParent", "Comprehensive income (loss) attributable to Kingsoft Cloud Holdings Limited shareholders", 1, "total"),
]
RECONCILIATIONS = [
    [("GrossProfit", "Gross profit", 1, "total"), ADJUSTMENTS,
     ("GrossProfitAdjustmentShareBasedCompensation", "– Share-based compensation expenses (allocated in cost of revenues)", 1, ""),
     ("AdjustedGrossProfit", "Adjusted gross profit (Non-GAAP Financial Measure)", 1, "")],
    [("ProfitLoss", "Net income (loss)", 1, "total"), ADJUSTMENTS,
     ("NetLossAdjustmentShareBasedCompensation", "– Share-based compensation expenses", 1, ""),
     ("NetLossAdjustmentForeignExchange", "– Foreign exchange (gain) loss", 1, ""),
     ("NetLossAdjustmentImpairment", "– Impairment of long-lived assets", 1, ""),
     ("AdjustedNetIncomeLoss", "Adjusted net income (loss) (Non-GAAP Financial Measure)", 1, ""), ADJUSTMENTS,
     ("EbitdaAdjustmentInterestIncome", "– Interest income", 1, ""),
     ("EbitdaAdjustmentInterestExpense", "– Interest expense", 1, ""),
     ("EbitdaAdjustmentIncomeTax", "– Income tax expense (benefit)", 1, ""),
     ("EbitdaAdjustmentDepreciationAndAmortization", "– Depreciation and amortization", 1, ""),
     ("AdjustedEbitda", "Adjusted EBITDA (Non-GAAP Financial Measure)", 1, ""),
     ("EbitdaAdjustmentGainOnDisposal", "– Gain on disposal of property and equipment", 1, ""), NORMALIZED,
     ("NormalizedAdjustedEbitda", "Adjusted EBITDA", 1, "")],
    [("OperatingIncomeLoss", "Operating income (loss)", 1, "total"), ADJUSTMENTS,
     ("OperatingLossAdjustmentShareBasedCompensation", "– Share-based compensation expenses", 1, ""),
     ("OperatingLossAdjustmentImpairment", "– Impairment of long-lived assets", 1, ""),
     ("OperatingLossAdjustmentAmortization", "– Amortization of intangible assets", 1, ""),
     ("AdjustedOperatingIncomeLoss", "Adjusted operating income (loss) (Non-GAAP Financial Measure)", 1, ""),
     ("OperatingLossAdjustmentGainOnDisposal", "– Gain on disposal of property and equipment", 1, ""), NORMALIZED,
     ("NormalizedAdjustedOperatingIncomeLoss", "Adjusted operating income (loss)", 1, "")],
]
MARGIN_ROWS = [
    ("GrossMargin", "Gross margin"),
    ("AdjustedGrossMargin", "Adjusted gross margin (Non-GAAP Financial Measure)"),
    ("NetLossMargin", "Net income (loss) margin"),
    ("AdjustedNetLossMargin", "Adjusted net income (loss) margin (Non-GAAP Financial Measure)"),
    ("AdjustedEbitdaMargin", "Adjusted EBITDA margin (Non-GAAP Financial Measure)"),
    ("NormalizedAdjustedEbitdaMargin", "Normalized Adjusted EBITDA margin"),
    ("AdjustedOperatingMargin", "Adjusted operating income (loss) margin (Non-GAAP Financial Measure)"),
    ("NormalizedAdjustedOperatingMargin", "Normalized Adjusted operating income (loss) margin"),
]
CF_ROWS = [
    ("NetCashFromOperatingActivities", "Net cash generated from operating activities", 1, "total"),
    ("NetCashFromInvestingActivities", "Net cash used in investing activities", 1, "total"),
    ("NetCashFromFinancingActivities", "Net cash generated from (used in) financing activities", 1, "total"),
    ("EffectOfExchangeRateOnCash", "Effect of exchange rate changes on cash, cash equivalents and restricted cash", 1, ""),
    ("CashPeriodIncreaseDecrease", "Net increase (decrease) in cash, cash equivalents and restricted cash", 1, ""),
    ("CashBegin", "Cash, cash equivalents and restricted cash at beginning of period", 1, ""),
    ("CashEnd", "Cash, cash equivalents and restricted cash at end of period", 1, "total"),
]


def num(v: int | None) -> str:
    """A figure as printed: thousands separators, a loss in parentheses, nil as '-'."""
    if v is None:
        return "-"
    s = f"{abs(v):,}"
    return f"({s})" if v < 0 else s


def title(name: str, scale: str) -> list[str]:
    return ["**KINGSOFT CLOUD HOLDINGS LIMITED**  ", f"**{name}**  ", f"({scale})", ""]


def rows(values: Callable[[str], list], spec: list[tuple], width: int) -> list[str]:
    """The lines of ``spec`` rows; ``values(concept)`` gives a row's figures."""
    out = []
    for concept, label, sign, style in spec:
        if style in ("head", "note"):
            out.append(heading_row(label, width, bold_label=style == "head"))
        else:
            figures = [num(None if v is None else sign * v) for v in values(concept)]
            out.append(table_row(label, figures, bold_row=style == "total"))
    return out


def balance_sheet() -> list[str]:
    out = title("UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS", "All amounts in thousands")
    out += ["\tDec 31, 2024\tDec 31, 2025\tDec 31, 2025", "\tRMB\tRMB\tUS\\$"]
    spec = [(concept, label, -1 if style == "neg" else 1, "" if style == "neg" else style)
            for concept, label, _, _, _, style in BS]
    figures = {concept: (a, b, u) for concept, _, a, b, u, _ in BS}
    return out + rows(figures.get, spec, 3) + [""]


def income_statement(d) -> list[str]:
    seven = lambda k: [d[k][col] for col in COLS]  # noqa: E731
    out = title("UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF COMPREHENSIVE INCOME (LOSS)",
                "All amounts in thousands, except for share and per share data") + HEAD7
    out += rows(seven, IS_ROWS, 7)
    out.append(heading_row("Net income (loss) per share:", 7))
    eps = [EPS["q4_24"], EPS["q3_25"], EPS["q4_25"], eps_usd(d), EPS["fy24"], EPS["fy25"], EPS["fy25u"]]
    out.append(table_row("Basic and diluted", (f"({v[1:]})" if v.startswith("-") else v for v in eps)))
    out.append(heading_row("Shares used in the net income (loss) per share computation:", 7))
    shares = [SHARES[col] for col in ("q4_24", "q3_25", "q4_25", "q4_25", "fy24", "fy25", "fy25")]
    out.append(table_row("Basic and diluted", (f"{v:,}" for v in shares)))
    return out + rows(seven, COMPREHENSIVE_ROWS, 7) + [""]


def reconciliations(d) -> list[str]:
    seven = lambda k: [d[k][col] for col in COLS]  # noqa: E731
    scale = "All amounts in thousands, except for percentage"
    out: list[str] = []
    for spec, after in zip(RECONCILIATIONS, (BREAK, [""], [""])):
        out += title(RECONCILIATION, scale) + HEAD7 + rows(seven, spec, 7) + after
    out += title(RECONCILIATION, scale) + HEAD5
    for name, label in MARGIN_ROWS:
        out.append(table_row(label, (f"{margin(d, name, col)}%" for col in RMB_COLS)))
    return out + BREAK


def cash_flows(d) -> list[str]:
    seven = lambda k: [d[k][col] for col in COLS]  # noqa: E731
    out = title("UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS", "All amounts in thousands") + HEAD7
    return out + rows(seven, CF_ROWS, 7) + [""]


def text(d) -> str:
    """The whole release."""
    parts = [COVER, prose(d), TAIL_PROSE, "---\n", *balance_sheet(), *income_statement(d), *reconciliations(d),
             *cash_flows(d)]
    return "\n".join(parts) + "\n"
