"""Source of the fixture q4_2025_release.txt and its golden facts.

A fourth-quarter and full-year 2025 press release that Kingsoft Cloud has not
published in this form: the text and q4_2025_release.expected.csv are both
written from the numbers below, so the two cannot disagree.

Where the figures exist in the samples they are taken from there: the fourth
quarter of 2025 is the "Dec 31, 2025" column of samples/003, the years 2024 and
2025 are the annual columns of samples/002 (its US$ column included). The
fourth quarter of 2024 and the third quarter of 2025 are invented, plausible
and internally consistent; the third quarter of 2025 is deliberately a
profitable quarter (it does not reconcile with the half year of samples/004).
One operating expense row the samples do not have, "Provision for credit
losses", is carved out of general and administrative expenses so that every
printed total stays the samples' total.

US$ figures are RMB / 6.9931 (the convenience rate of samples/002) rounded to
thousands; a printed US$ total is the sum of its printed US$ parts.

Run:  python tests/data/next/make_q4.py   (rewrites both files, checks the
arithmetic and stops with an error if a total does not add up).
"""
from __future__ import annotations

import csv
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
RATE = Decimal("6.9931")

# column key -> (period of a duration, period start - 1 day, period end, unit)
COLS = ["q4_24", "q3_25", "q4_25", "q4_25u", "fy24", "fy25", "fy25u"]
RMB_COLS = ["q4_24", "q3_25", "q4_25", "fy24", "fy25"]
USD_OF = {"q4_25u": "q4_25", "fy25u": "fy25"}
PERIOD = {
    "q4_24": ("2024-10-01", "2024-12-31", "2024-09-30"),
    "q3_25": ("2025-07-01", "2025-09-30", "2025-06-30"),
    "q4_25": ("2025-10-01", "2025-12-31", "2025-09-30"),
    "q4_25u": ("2025-10-01", "2025-12-31", "2025-09-30"),
    "fy24": ("2024-01-01", "2024-12-31", "2023-12-31"),
    "fy25": ("2025-01-01", "2025-12-31", "2024-12-31"),
    "fy25u": ("2025-01-01", "2025-12-31", "2024-12-31"),
}
NIL = None  # printed as "-"


def row(q4_24, q3_25, q4_25, fy24, fy25, fy25u=None):
    return {"q4_24": q4_24, "q3_25": q3_25, "q4_25": q4_25, "fy24": fy24, "fy25": fy25, "fy25u_printed": fy25u}


# ---------------------------------------------------------------- income statement
# RMB thousands, us-gaap signs (expenses positive).  fy25u = samples/002's US$ column.
IS = {
    "RevenuePublicCloudServices": row(1429433, 1811247, 1902378, 5007251, 6633492, 948577),
    "RevenueEnterpriseCloudServices": row(796153, 800693, 859009, 2777777, 2925127, 418287),
    "RevenueOtherServices": row(NIL, NIL, NIL, 152, NIL, NIL),
    "Revenues": row(2225586, 2611940, 2761387, 7785180, 9558619, 1366864),
    "CostOfRevenue": row(1858102, 2091385, 2296037, 6444254, 8055211, 1151880),
    "GrossProfit": row(367484, 520555, 465350, 1340926, 1503408, 214984),
    "SellingAndMarketingExpense": row(118640, 121086, 122914, 479369, 551406, 78850),
    # samples' G&A less the new row below
    "GeneralAndAdministrativeExpense": row(190212, 168947, 218685 - 24317, 834854 - 96880, 914615 - 70514),
    "?Provision for credit losses": row(35120, 9318, 24317, 96880, 70514),
    "ResearchAndDevelopmentExpense": row(208417, 186533, 190201, 845989, 810300, 115871),
    "ImpairmentOfLongLivedAssets": row(919724, NIL, NIL, 919724, NIL, NIL),
    "OperatingExpenses": row(1472113, 485884, 531800, 3079936, 2276321, 325509),
    "OperatingIncomeLoss": row(-1104629, 34671, -66450, -1739010, -772913, -110525),
    "InterestIncome": row(6812, 28410, 39039, 27008, 80859, 11563),
    "InterestExpense": row(63940, 131806, 153415, 229705, 498048, 71220),
    "ForeignExchangeGainLoss": row(-12309, 21544, 10265, -19531, 60147, 8601),
    "OtherGainLossNet": row(-4377, 3016, -5822, -12946, -8984, -1285),
    "OtherIncomeExpenseNet": row(3125, 152318, 74, -6382, 191044, 27319),
    "IncomeLossBeforeIncomeTaxes": row(-1175318, 108153, -176309, -1980566, -947895, -135547),
    "IncomeTaxExpenseBenefit": row(-9865, 14782, -13437, -1524, -4203, -601),
    "ProfitLoss": row(-1165453, 93371, -162872, -1979042, -943692, -134946),
    "NetIncomeLossAttributableToNoncontrollingInterest": row(-3204, -1045, -2632, -12362, -7441, -1064),
    "NetIncomeLoss": row(-1162249, 94416, -160240, -1966680, -936251, -133882),
    "ForeignCurrencyTranslationAdjustment": row(15410, -12640, -70987, 11536, -126272, -18057),
    "ComprehensiveIncomeIncludingNoncontrollingInterest": row(-1150043, 80731, -233859, -1967506, -1069964, -153003),
    "ComprehensiveIncomeAttributableToNoncontrollingInterest": row(-3218, -1052, -2388, -12384, -7220, -1032),
    "ComprehensiveIncomeAttributableToParent": row(-1146825, 81783, -231471, -1955122, -1062744, -151971),
}
EPS = {"q4_24": "-0.32", "q3_25": "0.02", "q4_25": "-0.04", "fy24": "-0.54", "fy25": "-0.23", "fy25u": "-0.03"}
SHARES = {"q4_24": 3680512337, "q3_25": 3951268412, "q4_25": 4544291397, "fy24": 3658088876, "fy25": 4107065011}

# ---------------------------------------------------------------- non-GAAP
NG = {
    "GrossProfitAdjustmentShareBasedCompensation": row(3912, 6101, 5526, 16868, 38275, 5473),
    "AdjustedGrossProfit": row(371396, 526656, 470876, 1357794, 1541683, 220457),
    "NetLossAdjustmentShareBasedCompensation": row(41287, 60434, 78505, 214441, 446909, 63907),
    "NetLossAdjustmentForeignExchange": row(12309, -21544, -10265, 19531, -60147, -8601),
    "NetLossAdjustmentImpairment": row(919724, NIL, NIL, 919724, NIL, NIL),
    "AdjustedNetIncomeLoss": row(-192133, 132261, -94632, -825346, -556930, -79640),
    "EbitdaAdjustmentInterestIncome": row(-6812, -28410, -39039, -27008, -80859, -11563),
    "EbitdaAdjustmentInterestExpense": row(63940, 131806, 153415, 229705, 498048, 71220),
    "EbitdaAdjustmentIncomeTax": row(-9865, 14782, -13437, -1524, -4203, -601),
    "EbitdaAdjustmentDepreciationAndAmortization": row(325410, 591230, 778941, 1263090, 2480364, 354687),
    "AdjustedEbitda": row(180540, 841669, 785248, 638917, 2336420, 334103),
    "EbitdaAdjustmentGainOnDisposal": row(-18954, -11763, -72662, -44625, -102243, -14621),
    "NormalizedAdjustedEbitda": row(161586, 829906, 712586, 594292, 2234177, 319482),
    "OperatingLossAdjustmentShareBasedCompensation": row(41287, 60434, 78505, 214441, 446909, 63907),
    "OperatingLossAdjustmentImpairment": row(919724, NIL, NIL, 919724, NIL, NIL),
    "OperatingLossAdjustmentAmortization": row(43402, 43655, 42531, 173496, 173765, 24848),
    "AdjustedOperatingIncomeLoss": row(-100216, 138760, 54586, -431349, -152239, -21770),
    "OperatingLossAdjustmentGainOnDisposal": row(-18954, -11763, -72662, -44625, -102243, -14621),
    "NormalizedAdjustedOperatingIncomeLoss": row(-119170, 126997, -18076, -475974, -254482, -36391),
}
# margins printed in the samples, to check the computed ones against
PRINTED_MARGINS = {
    "q4_25": {"GrossMargin": "16.9", "AdjustedGrossMargin": "17.1", "NetLossMargin": "-5.9", "AdjustedNetLossMargin": "-3.4",
              "AdjustedEbitdaMargin": "28.4", "NormalizedAdjustedEbitdaMargin": "25.8", "AdjustedOperatingMargin": "2.0",
              "NormalizedAdjustedOperatingMargin": "-0.7"},
    "fy24": {"GrossMargin": "17.2", "AdjustedGrossMargin": "17.4", "NetLossMargin": "-25.4", "AdjustedNetLossMargin": "-10.6",
             "AdjustedEbitdaMargin": "8.2", "NormalizedAdjustedEbitdaMargin": "7.6", "AdjustedOperatingMargin": "-5.5",
             "NormalizedAdjustedOperatingMargin": "-6.1"},
    "fy25": {"GrossMargin": "15.7", "AdjustedGrossMargin": "16.1", "NetLossMargin": "-9.9", "AdjustedNetLossMargin": "-5.8",
             "AdjustedEbitdaMargin": "24.4", "NormalizedAdjustedEbitdaMargin": "23.4", "AdjustedOperatingMargin": "-1.6",
             "NormalizedAdjustedOperatingMargin": "-2.7"},
}
MARGIN_OF = {
    "GrossMargin": "GrossProfit", "AdjustedGrossMargin": "AdjustedGrossProfit", "NetLossMargin": "ProfitLoss",
    "AdjustedNetLossMargin": "AdjustedNetIncomeLoss", "AdjustedEbitdaMargin": "AdjustedEbitda",
    "NormalizedAdjustedEbitdaMargin": "NormalizedAdjustedEbitda", "AdjustedOperatingMargin": "AdjustedOperatingIncomeLoss",
    "NormalizedAdjustedOperatingMargin": "NormalizedAdjustedOperatingIncomeLoss",
}

# ---------------------------------------------------------------- cash flows
# The third quarter of 2025 is what remains of the year after the half year
# (samples/004) and the fourth quarter (samples/003).
CF = {
    "NetCashFromOperatingActivities": row(512306, 1716658, 1042626, 628419, 3801028, 543540),
    "NetCashFromInvestingActivities": row(-1046218, -2723833, -427671, -3620445, -4529729, -647743),
    "NetCashFromFinancingActivities": row(960114, -433810, 1514234, 3255418, 4182983, 598159),
    "EffectOfExchangeRateOnCash": row(-14745, -25890, -62205, -22772, -67146, -9601),
    "CashPeriodIncreaseDecrease": row(411457, -1466875, 2066984, 240620, 3387136, 484355),
    "CashBegin": row(2318644, 5517128, 4050253, 2489481, 2730101, 390399),
    "CashEnd": row(2730101, 4050253, 6117237, 2730101, 6117237, 874754),
}

# ---------------------------------------------------------------- balance sheet (samples/002)
BS = [  # concept, label, 2024-12-31, 2025-12-31, US$ 2025-12-31, style
    (None, "ASSETS", None, None, None, "head"),
    (None, "Current assets:", None, None, None, "head"),
    ("CashAndCashEquivalents", "Cash and cash equivalents", 2648764, 6018043, 860569, ""),
    ("RestrictedCashCurrent", "Restricted cash", 81337, 99194, 14185, ""),
    ("AccountsReceivableNetCurrent", "Accounts receivable, net", 1468663, 1740472, 248884, ""),
    ("ShortTermInvestments", "Short-term investments", 90422, NIL, NIL, ""),
    ("PrepaymentsAndOtherAssetsCurrent", "Prepayments and other assets", 2233074, 2592314, 370695, ""),
    ("DueFromRelatedPartiesCurrent", "Amounts due from related parties", 318526, 573396, 81995, ""),
    ("AssetsCurrent", "Total current assets", 6840786, 11023419, 1576328, "total"),
    (None, "Non-current assets:", None, None, None, "head"),
    ("PropertyAndEquipmentNet", "Property and equipment, net", 4630052, 10094870, 1443547, ""),
    ("IntangibleAssetsNet", "Intangible assets, net", 694880, 532769, 76185, ""),
    ("Goodwill", "Goodwill", 4605724, 4605724, 658610, ""),
    ("PrepaymentsAndOtherAssetsNoncurrent", "Prepayments and other assets", 449983, 139836, 19996, ""),
    ("EquityInvestments", "Equity investments", 234182, 234166, 33485, ""),
    ("OperatingLeaseRightOfUseAssets", "Operating lease right-of-use assets", 137047, 98405, 14072, ""),
    ("AssetsNoncurrent", "Total non-current assets", 10751868, 15705770, 2245895, "total"),
    ("Assets", "Total assets", 17592654, 26729189, 3822223, "total"),
    (None, "LIABILITIES, NON-CONTROLLING INTERESTS AND SHAREHOLDERS' EQUITY", None, None, None, "head"),
    (None, "Current liabilities:", None, None, None, "head"),
    ("AccountsPayableCurrent", "Accounts payable", 1877004, 2014453, 288063, ""),
    ("AccruedExpensesAndOtherCurrentLiabilities", "Accrued expenses and other current liabilities", 3341990, 3222429, 460801, ""),
    ("ShortTermBorrowings", "Short-term borrowings", 2225765, 3348279, 478798, ""),
    ("IncomeTaxPayable", "Income tax payable", 69219, 73310, 10483, ""),
    ("DueToRelatedPartiesCurrent", "Amounts due to related parties", 1584199, 721932, 103235, ""),
    ("OperatingLeaseLiabilitiesCurrent", "Current operating lease liabilities", 61258, 40941, 5854, ""),
    ("LiabilitiesCurrent", "Total current liabilities", 9159435, 9421344, 1347234, "total"),
    (None, "Non-current liabilities:", None, None, None, "head"),
    ("LongTermBorrowings", "Long-term borrowings", 1660584, 3023538, 432360, ""),
    ("DueToRelatedPartiesNoncurrent", "Amounts due to related parties", 309612, 2212325, 316358, ""),
    ("DeferredTaxLiabilities", "Deferred tax liabilities", 101677, 61914, 8854, ""),
    ("OtherLiabilitiesNoncurrent", "Other liabilities", 790271, 2645895, 378359, ""),
    ("OperatingLeaseLiabilitiesNoncurrent", "Non-current operating lease liabilities", 65755, 51139, 7313, ""),
    ("LiabilitiesNoncurrent", "Total non-current liabilities", 2927899, 7994811, 1143244, "total"),
    ("Liabilities", "Total liabilities", 12087334, 17416155, 2490478, "total"),
    (None, "Shareholders' equity:", None, None, None, "head"),
    ("OrdinarySharesValue", "Ordinary shares", 25689, 30888, 4417, ""),
    ("TreasurySharesValue", "Treasury shares", 105478, 31068, 4443, "neg"),  # printed in parentheses, debit
    ("AdditionalPaidInCapital", "Additional paid-in capital", 18940885, 24073006, 3442394, ""),
    ("StatutoryReserves", "Statutory reserves funds", 32001, 51661, 7387, ""),
    ("AccumulatedDeficit", "Accumulated deficit", -14291957, -15247868, -2180416, ""),
    ("AccumulatedOtherComprehensiveIncome", "Accumulated other comprehensive income", 566900, 440407, 62977, ""),
    ("ShareholdersEquity", "Total Kingsoft Cloud Holdings Limited shareholders' equity", 5168040, 9317026, 1332316, "total"),
    ("NoncontrollingInterests", "Non-controlling interests", 337280, -3992, -571, ""),
    ("TotalEquity", "Total equity", 5505320, 9313034, 1331745, "total"),
    ("LiabilitiesAndEquity", "Total liabilities, non-controlling interests and shareholders' equity", 17592654, 26729189, 3822223, "total"),
]
BS_CALC = [
    ("AssetsCurrent", "CashAndCashEquivalents RestrictedCashCurrent AccountsReceivableNetCurrent ShortTermInvestments PrepaymentsAndOtherAssetsCurrent DueFromRelatedPartiesCurrent"),
    ("AssetsNoncurrent", "PropertyAndEquipmentNet IntangibleAssetsNet Goodwill PrepaymentsAndOtherAssetsNoncurrent EquityInvestments OperatingLeaseRightOfUseAssets"),
    ("Assets", "AssetsCurrent AssetsNoncurrent"),
    ("LiabilitiesCurrent", "AccountsPayableCurrent AccruedExpensesAndOtherCurrentLiabilities ShortTermBorrowings IncomeTaxPayable DueToRelatedPartiesCurrent OperatingLeaseLiabilitiesCurrent"),
    ("LiabilitiesNoncurrent", "LongTermBorrowings DueToRelatedPartiesNoncurrent DeferredTaxLiabilities OtherLiabilitiesNoncurrent OperatingLeaseLiabilitiesNoncurrent"),
    ("Liabilities", "LiabilitiesCurrent LiabilitiesNoncurrent"),
    ("ShareholdersEquity", "OrdinarySharesValue -TreasurySharesValue AdditionalPaidInCapital StatutoryReserves AccumulatedDeficit AccumulatedOtherComprehensiveIncome"),
    ("TotalEquity", "ShareholdersEquity NoncontrollingInterests"),
    ("LiabilitiesAndEquity", "Liabilities TotalEquity"),
]

# Sums that every column must satisfy (total, "part -part ...").
CALC = [
    ("Revenues", "RevenuePublicCloudServices RevenueEnterpriseCloudServices RevenueOtherServices"),
    ("GrossProfit", "Revenues -CostOfRevenue"),
    ("OperatingExpenses", "SellingAndMarketingExpense GeneralAndAdministrativeExpense ?Provision_for_credit_losses ResearchAndDevelopmentExpense ImpairmentOfLongLivedAssets"),
    ("OperatingIncomeLoss", "GrossProfit -OperatingExpenses"),
    ("IncomeLossBeforeIncomeTaxes", "OperatingIncomeLoss InterestIncome -InterestExpense ForeignExchangeGainLoss OtherGainLossNet OtherIncomeExpenseNet"),
    ("ProfitLoss", "IncomeLossBeforeIncomeTaxes -IncomeTaxExpenseBenefit"),
    ("ProfitLoss", "NetIncomeLoss NetIncomeLossAttributableToNoncontrollingInterest"),
    ("ComprehensiveIncomeIncludingNoncontrollingInterest", "ProfitLoss ForeignCurrencyTranslationAdjustment"),
    ("ComprehensiveIncomeIncludingNoncontrollingInterest", "ComprehensiveIncomeAttributableToParent ComprehensiveIncomeAttributableToNoncontrollingInterest"),
    ("AdjustedGrossProfit", "GrossProfit GrossProfitAdjustmentShareBasedCompensation"),
    ("AdjustedNetIncomeLoss", "ProfitLoss NetLossAdjustmentShareBasedCompensation NetLossAdjustmentForeignExchange NetLossAdjustmentImpairment"),
    ("AdjustedEbitda", "AdjustedNetIncomeLoss EbitdaAdjustmentInterestIncome EbitdaAdjustmentInterestExpense EbitdaAdjustmentIncomeTax EbitdaAdjustmentDepreciationAndAmortization"),
    ("NormalizedAdjustedEbitda", "AdjustedEbitda EbitdaAdjustmentGainOnDisposal"),
    ("AdjustedOperatingIncomeLoss", "OperatingIncomeLoss OperatingLossAdjustmentShareBasedCompensation OperatingLossAdjustmentImpairment OperatingLossAdjustmentAmortization"),
    ("NormalizedAdjustedOperatingIncomeLoss", "AdjustedOperatingIncomeLoss OperatingLossAdjustmentGainOnDisposal"),
    ("CashPeriodIncreaseDecrease", "NetCashFromOperatingActivities NetCashFromInvestingActivities NetCashFromFinancingActivities EffectOfExchangeRateOnCash"),
    ("CashEnd", "CashBegin CashPeriodIncreaseDecrease"),
]
# Non-GAAP adjustments that must equal a statement line (adjustment, line, sign).
LINKS = [
    ("NetLossAdjustmentForeignExchange", "ForeignExchangeGainLoss", -1),
    ("NetLossAdjustmentImpairment", "ImpairmentOfLongLivedAssets", 1),
    ("OperatingLossAdjustmentImpairment", "ImpairmentOfLongLivedAssets", 1),
    ("EbitdaAdjustmentInterestIncome", "InterestIncome", -1),
    ("EbitdaAdjustmentInterestExpense", "InterestExpense", 1),
    ("EbitdaAdjustmentIncomeTax", "IncomeTaxExpenseBenefit", 1),
    ("OperatingLossAdjustmentShareBasedCompensation", "NetLossAdjustmentShareBasedCompensation", 1),
    ("OperatingLossAdjustmentGainOnDisposal", "EbitdaAdjustmentGainOnDisposal", 1),
]

# Figures stated only in the prose (RMB thousands; printed in millions with one decimal).
COST_PARTS = {  # fourth quarter 2025 (sums to cost of revenues) and 2024
    "CostOfRevenueIdc": (905412, 768930),
    "CostOfRevenueDepreciationAndAmortization": (771208, 287614),
    "CostOfRevenueSolutionDevelopmentAndServices": (556903, 612448),
    "CostOfRevenueFulfillment": (11259, 143887),
    "CostOfRevenueOther": (51255, 45223),
}
CAPEX = (4994300, 4124700)  # full year 2025 / 2024, in RMB thousands (one decimal of millions)
CAPEX_USD_2025 = 714200
SHARES_OUT = 4489826305
ADS_OUT = SHARES_OUT // 15


# ======================================================================= arithmetic
def q(x: Decimal, exp: str = "1") -> Decimal:
    return x.quantize(Decimal(exp), rounding=ROUND_HALF_UP)


def build_values() -> dict[str, dict[str, int | None]]:
    """concept -> column -> value in thousands (None = nil)."""
    data: dict[str, dict[str, int | None]] = {}
    for table in (IS, NG, CF):
        for concept, r in table.items():
            key = concept.replace(" ", "_")
            data[key] = {c: r[c] for c in RMB_COLS}
            data[key]["fy25u_printed"] = r["fy25u_printed"]
    # US$ columns: parts converted at the rate, totals summed from printed parts
    totals = {t for t, _ in CALC}
    for key, vals in data.items():
        for ucol, rcol in USD_OF.items():
            v = vals[rcol]
            vals[ucol] = None if v is None else int(q(Decimal(v) / RATE))
        if vals["fy25u_printed"] is not None:  # samples/002 printed it
            vals["fy25u"] = vals["fy25u_printed"]
    for ucol in USD_OF:
        for _ in range(3):
            for total, parts in CALC:
                if total == "CashEnd":
                    continue
                if total == "ProfitLoss" and "NetIncomeLoss" in parts:
                    continue
                if total == "ComprehensiveIncomeIncludingNoncontrollingInterest" and "Parent" in parts:
                    continue
                data[total][ucol] = _sum(data, parts, ucol)
        # attributable to parent: the remainder, so both attributions add up
        data["NetIncomeLoss"][ucol] = data["ProfitLoss"][ucol] - data["NetIncomeLossAttributableToNoncontrollingInterest"][ucol]
        data["ComprehensiveIncomeAttributableToParent"][ucol] = (
            data["ComprehensiveIncomeIncludingNoncontrollingInterest"][ucol]
            - data["ComprehensiveIncomeAttributableToNoncontrollingInterest"][ucol])
        # cash at the end of the year is one figure; the beginning is what it implies
        # (samples/002's 874,754: the balance sheet's US$ cash plus restricted cash)
        data["CashEnd"][ucol] = data["CashEnd"]["fy25u_printed"]
        data["CashBegin"][ucol] = data["CashEnd"][ucol] - data["CashPeriodIncreaseDecrease"][ucol]
    for key, vals in data.items():
        printed = vals.pop("fy25u_printed")
        if key == "CashBegin":
            assert vals["fy25u"] == printed, (key, vals["fy25u"], printed)
        elif printed is not None:
            assert vals["fy25u"] == printed, (key, vals["fy25u"], printed)
    # the carved-out row keeps samples/002's US$ G&A total of 130,788
    assert data["GeneralAndAdministrativeExpense"]["fy25u"] + data["?Provision_for_credit_losses"]["fy25u"] == 130788
    return data


def _sum(data, parts: str, col: str) -> int:
    total = 0
    for p in parts.split():
        sign = -1 if p.startswith("-") else 1
        total += sign * (data[p.lstrip("-")][col] or 0)
    return total


def check(data) -> None:
    bad = []
    for col in COLS:
        for total, parts in CALC:
            got = _sum(data, parts, col)
            if (data[total][col] or 0) != got:
                bad.append(f"{col}: {total} {data[total][col]} != {got} ({parts})")
        for adj, line, sign in LINKS:
            if (data[adj][col] or 0) != sign * (data[line][col] or 0):
                bad.append(f"{col}: {adj} != {sign} * {line}")
    bs = {c: (a, b, u) for c, _, a, b, u, _ in BS if c}
    for i in range(3):
        for total, parts in BS_CALC:
            got = sum((-1 if p.startswith("-") else 1) * (bs[p.lstrip("-")][i] or 0) for p in parts.split())
            if bs[total][i] != got:
                bad.append(f"BS col {i}: {total} {bs[total][i]} != {got}")
    cash = {0: bs["CashAndCashEquivalents"], 1: bs["RestrictedCashCurrent"]}
    assert cash[0][0] + cash[1][0] == data["CashEnd"]["fy24"]
    assert cash[0][1] + cash[1][1] == data["CashEnd"]["fy25"]
    assert cash[0][2] + cash[1][2] == data["CashEnd"]["fy25u"]
    assert data["CashEnd"]["q4_25u"] == data["CashEnd"]["fy25u"]
    assert data["CashBegin"]["q4_25"] == data["CashEnd"]["q3_25"]
    assert data["CashEnd"]["q4_24"] == data["CashBegin"]["fy25"] == data["CashEnd"]["fy24"]
    assert sum(v[0] for v in COST_PARTS.values()) == data["CostOfRevenue"]["q4_25"]
    for col, eps in EPS.items():
        if col in SHARES:
            got = q(Decimal(data["NetIncomeLoss"][col]) * 1000 / SHARES[col], "0.01")
            if got != Decimal(eps):
                bad.append(f"EPS {col}: {eps} vs {got}")
    for col, margins in PRINTED_MARGINS.items():
        for m, printed in margins.items():
            if margin(data, m, col) != Decimal(printed):
                bad.append(f"margin {m} {col}: {margin(data, m, col)} vs printed {printed}")
    for col in USD_OF:
        for key, vals in data.items():
            direct = None if vals[USD_OF[col]] is None else q(Decimal(vals[USD_OF[col]]) / RATE)
            if direct is not None and abs(direct - vals[col]) > 3:
                bad.append(f"{col} {key}: {vals[col]} far from {direct}")
    if bad:
        raise SystemExit("arithmetic does not hold:\n" + "\n".join(bad))


def margin(data, m: str, col: str) -> Decimal:
    return q(Decimal(data[MARGIN_OF[m]][col]) * 100 / Decimal(data["Revenues"][col]), "0.1")


def eps_usd(data) -> str:
    v = Decimal(data["NetIncomeLoss"]["q4_25u"]) * 1000 / SHARES["q4_25"]
    return str(q(v, "0.01"))


# ======================================================================= text
def num(v: int | None, neg_parens: bool = True) -> str:
    if v is None:
        return "-"
    s = f"{abs(v):,}"
    return f"({s})" if v < 0 and neg_parens else s


def mil(v: int) -> str:
    """RMB thousands -> '2,761.4' (millions, one decimal)."""
    return f"{q(Decimal(abs(v)) / 1000, '0.1'):,}"


def rmb(v: int) -> str:
    return f"RMB{mil(v)} million"


# RMB figure -> the US$ figure printed for it in a table (a US$ total is the sum
# of its US$ parts, so it can differ from RMB / rate by a unit or two)
USD_PRINTED: dict[int, int] = {}


def usd(v: int) -> str:
    u = USD_PRINTED.get(v, int(q(Decimal(v) / RATE)))
    return f"US\\${mil(u)} million"


def both(v: int) -> str:
    return f"{rmb(v)} ({usd(v)})"


def pct_change(new: int, old: int) -> str:
    return f"{q((Decimal(new) - Decimal(old)) * 100 / abs(Decimal(old)), '0.1')}%"


def b(s: str, bold: bool) -> str:
    return f"<b>{s}</b>" if bold and s else s


HEAD7 = [
    "\t<b>Three Months Ended</b>\t\t\t\t<b>Year Ended</b>\t\t",
    "\t<b>Dec 31, 2024</b>\t<b>Sep 30, 2025</b>\t<b>Dec 31, 2025</b>\t<b>Dec 31, 2025</b>\t<b>Dec 31, 2024</b>\t<b>Dec 31, 2025</b>\t<b>Dec 31, 2025</b>",
    "\t<b>RMB</b>\t<b>RMB</b>\t<b>RMB</b>\t<b>US\\$</b>\t<b>RMB</b>\t<b>RMB</b>\t<b>US\\$</b>",
]
HEAD5 = [
    "\tThree Months Ended\t\t\tYear Ended\t",
    "\tDec 31, 2024\tSep 30, 2025\tDec 31, 2025\tDec 31, 2024\tDec 31, 2025",
]


def title(name: str, scale: str) -> list[str]:
    return ["**KINGSOFT CLOUD HOLDINGS LIMITED**  ", f"**{name}**  ", f"({scale})", ""]


def line7(label: str, vals: list, bold: bool = False, sign: int = 1, fmt=num) -> str:
    cells = [b(fmt(None if v is None else sign * v) if fmt is num else fmt(v), bold) for v in vals]
    return "\t".join([b(label, bold)] + cells)


def text(data) -> tuple[str, list[tuple]]:
    """The release text and the facts it states (concept, column or period, unit, value, decimals)."""
    d = data
    c = lambda k: [d[k][col] for col in COLS]  # noqa: E731
    out: list[str] = []
    w = out.append
    # ---- cover
    w(COVER)
    # ---- release prose
    R, Q3, Q4p, FY, FYp = "q4_25", "q3_25", "q4_24", "fy25", "fy24"
    g = lambda k, col: d[k][col]  # noqa: E731
    gm = {col: margin(d, "GrossMargin", col) for col in RMB_COLS}
    agm = {col: margin(d, "AdjustedGrossMargin", col) for col in RMB_COLS}
    em = {col: margin(d, "AdjustedEbitdaMargin", col) for col in RMB_COLS}
    prose = f"""**Kingsoft Cloud Announces Unaudited Fourth Quarter and Fiscal Year 2025 Financial Results**

Kingsoft Cloud Holdings Limited (“Kingsoft Cloud” or the “Company”) (NASDAQ: KC and HKEX: 3896), a leading cloud service provider in China, today announced its unaudited financial results for the fourth quarter and the fiscal year ended December 31, 2025.

Mr. Tao Zou, Chairman of the Board and Chief Executive Officer of Kingsoft Cloud, commented: “2025 was the year in which AI became the main engine of our growth. We kept investing in computing power for our ecosystem and enterprise customers, and we closed the year with our highest quarterly revenue so far.”

Ms. Yi Li, Chief Financial Officer of Kingsoft Cloud, added, “For the full year 2025, our total revenues reached {rmb(g('Revenues', FY))}, an increase of {pct_change(g('Revenues', FY), g('Revenues', FYp))} year-over-year, and our adjusted EBITDA margin was {em[FY]}%, compared with {em[FYp]}% for the full year 2024.”

**Fourth Quarter 2025 Financial Results**

**Total Revenues** reached {both(g('Revenues', R))}<sup>1</sup> in the fourth quarter of 2025, increased by {pct_change(g('Revenues', R), g('Revenues', Q4p))} year-over-year from {rmb(g('Revenues', Q4p))} in the fourth quarter of 2024, and increased by {pct_change(g('Revenues', R), g('Revenues', Q3))} quarter-over-quarter from {rmb(g('Revenues', Q3))} last quarter.

Revenues from public cloud services were {both(g('RevenuePublicCloudServices', R))} in the fourth quarter of 2025, compared with {rmb(g('RevenuePublicCloudServices', Q4p))} in the fourth quarter of 2024 and {rmb(g('RevenuePublicCloudServices', Q3))} last quarter.

Revenues from enterprise cloud services were {both(g('RevenueEnterpriseCloudServices', R))} in the fourth quarter of 2025, compared with {rmb(g('RevenueEnterpriseCloudServices', Q4p))} in the fourth quarter of 2024 and {rmb(g('RevenueEnterpriseCloudServices', Q3))} last quarter.

<sup>1</sup> This announcement contains translations of certain Renminbi (RMB) amounts into U.S. dollars (US\\$) at a specified rate solely for the convenience of the reader. Unless otherwise noted, the translation of RMB into US\\$ has been made at RMB6.9931 to US\\$1.00, the noon buying rate in effect on December 31, 2025 as certified for customs purposes by the Federal Reserve Bank of New York.

---

**Cost of revenues** was {both(g('CostOfRevenue', R))} in the fourth quarter of 2025, compared with {rmb(g('CostOfRevenue', Q4p))} in the fourth quarter of 2024. IDC costs were {both(COST_PARTS['CostOfRevenueIdc'][0])} this quarter, compared with {rmb(COST_PARTS['CostOfRevenueIdc'][1])} in the fourth quarter of 2024. Depreciation and amortization costs were {both(COST_PARTS['CostOfRevenueDepreciationAndAmortization'][0])} this quarter, compared with {rmb(COST_PARTS['CostOfRevenueDepreciationAndAmortization'][1])} in the fourth quarter of 2024, mainly due to the depreciation of servers acquired for the AI business. Solution development and services costs were {both(COST_PARTS['CostOfRevenueSolutionDevelopmentAndServices'][0])} this quarter, compared with {rmb(COST_PARTS['CostOfRevenueSolutionDevelopmentAndServices'][1])} in the fourth quarter of 2024. Fulfillment costs were {both(COST_PARTS['CostOfRevenueFulfillment'][0])} this quarter, compared with {rmb(COST_PARTS['CostOfRevenueFulfillment'][1])} in the fourth quarter of 2024. Other costs were {both(COST_PARTS['CostOfRevenueOther'][0])} this quarter, compared with {rmb(COST_PARTS['CostOfRevenueOther'][1])} in the fourth quarter of 2024.

**Gross profit** was {both(g('GrossProfit', R))} in the fourth quarter of 2025, compared with {rmb(g('GrossProfit', Q4p))} in the fourth quarter of 2024 and {rmb(g('GrossProfit', Q3))} last quarter. **Gross margin** was {gm[R]}% in the fourth quarter of 2025, compared with {gm[Q4p]}% in the fourth quarter of 2024 and {gm[Q3]}% last quarter. **Non-GAAP gross profit**<sup>2</sup> was {both(g('AdjustedGrossProfit', R))}, compared with {rmb(g('AdjustedGrossProfit', Q4p))} in the fourth quarter of 2024. **Non-GAAP gross margin**<sup>2</sup> was {agm[R]}%, compared with {agm[Q4p]}% in the fourth quarter of 2024.

**Total operating expenses** were {both(g('OperatingExpenses', R))} in the fourth quarter of 2025, compared with {rmb(g('OperatingExpenses', Q4p))} in the fourth quarter of 2024, which included an impairment of long-lived assets of {rmb(g('ImpairmentOfLongLivedAssets', Q4p))}, and {rmb(g('OperatingExpenses', Q3))} last quarter. Among which:

**Selling and marketing expenses** were {both(g('SellingAndMarketingExpense', R))}, compared with {rmb(g('SellingAndMarketingExpense', Q4p))} in the fourth quarter of 2024 and {rmb(g('SellingAndMarketingExpense', Q3))} last quarter.

**General and administrative expenses** were {both(g('GeneralAndAdministrativeExpense', R))}, compared with {rmb(g('GeneralAndAdministrativeExpense', Q4p))} in the fourth quarter of 2024 and {rmb(g('GeneralAndAdministrativeExpense', Q3))} last quarter. From this quarter on, the provision for credit losses is presented as a separate line; it was {both(g('?Provision_for_credit_losses', R))} in the fourth quarter of 2025, compared with {rmb(g('?Provision_for_credit_losses', Q4p))} in the fourth quarter of 2024.

**Research and development expenses** were {both(g('ResearchAndDevelopmentExpense', R))}, compared with {rmb(g('ResearchAndDevelopmentExpense', Q4p))} in the fourth quarter of 2024 and {rmb(g('ResearchAndDevelopmentExpense', Q3))} last quarter.

**Operating loss** was {both(g('OperatingIncomeLoss', R))} in the fourth quarter of 2025, compared with an operating loss of {rmb(g('OperatingIncomeLoss', Q4p))} in the fourth quarter of 2024 and an operating income of {rmb(g('OperatingIncomeLoss', Q3))} last quarter. **Non-GAAP operating profit**<sup>3</sup> was {both(g('AdjustedOperatingIncomeLoss', R))}, compared with a non-GAAP operating loss of {rmb(g('AdjustedOperatingIncomeLoss', Q4p))} in the fourth quarter of 2024 and a non-GAAP operating profit of {rmb(g('AdjustedOperatingIncomeLoss', Q3))} last quarter.

<sup>2</sup> Non-GAAP gross profit is defined as gross profit excluding share-based compensation expenses allocated in the cost of revenues, and we define Non-GAAP gross margin as Non-GAAP gross profit as a percentage of revenues. See “Use of Non-GAAP Financial Measures” set forth at the end of this press release.

<sup>3</sup> Non-GAAP operating income (loss) is defined as operating income (loss) excluding share-based compensation expenses, impairment of long-lived assets and amortization of intangible assets, and we define Non-GAAP operating income (loss) margin as Non-GAAP operating income (loss) as a percentage of revenues.

---

**Net loss** was {both(g('ProfitLoss', R))} in the fourth quarter of 2025, compared with {rmb(g('ProfitLoss', Q4p))} in the fourth quarter of 2024 and a net income of {rmb(g('ProfitLoss', Q3))} last quarter. **Non-GAAP net loss**<sup>4</sup> was {both(g('AdjustedNetIncomeLoss', R))}, compared with {rmb(g('AdjustedNetIncomeLoss', Q4p))} in the fourth quarter of 2024 and a non-GAAP net income of {rmb(g('AdjustedNetIncomeLoss', Q3))} last quarter.

**Non-GAAP EBITDA**<sup>5</sup> was {both(g('AdjustedEbitda', R))} in the fourth quarter of 2025, compared with {rmb(g('AdjustedEbitda', Q4p))} in the fourth quarter of 2024 and {rmb(g('AdjustedEbitda', Q3))} last quarter. **Non-GAAP EBITDA margin** was {em[R]}%, compared with {em[Q4p]}% in the fourth quarter of 2024 and {em[Q3]}% last quarter.

**Basic and diluted net loss per share** was RMB{abs(Decimal(EPS[R]))} (US\\${abs(Decimal(eps_usd(d)))}) in the fourth quarter of 2025, compared with RMB{abs(Decimal(EPS[Q4p]))} in the fourth quarter of 2024.

**Fiscal Year 2025 Financial Results**

**Total Revenues** for the full year 2025 were {both(g('Revenues', FY))}, an increase of {pct_change(g('Revenues', FY), g('Revenues', FYp))} from {rmb(g('Revenues', FYp))} for the full year 2024. Revenues from public cloud services were {both(g('RevenuePublicCloudServices', FY))} for the full year 2025, compared with {rmb(g('RevenuePublicCloudServices', FYp))} for the full year 2024. Revenues from enterprise cloud services were {both(g('RevenueEnterpriseCloudServices', FY))} for the full year 2025, compared with {rmb(g('RevenueEnterpriseCloudServices', FYp))} for the full year 2024.

**Gross profit** for the full year 2025 was {both(g('GrossProfit', FY))}, compared with {rmb(g('GrossProfit', FYp))} for the full year 2024. **Gross margin** was {gm[FY]}% for the full year 2025, compared with {gm[FYp]}% for the full year 2024.

**Operating loss** for the full year 2025 was {both(g('OperatingIncomeLoss', FY))}, compared with {rmb(g('OperatingIncomeLoss', FYp))} for the full year 2024. **Net loss** for the full year 2025 was {both(g('ProfitLoss', FY))}, narrowed from {rmb(g('ProfitLoss', FYp))} for the full year 2024. **Non-GAAP EBITDA** for the full year 2025 was {both(g('AdjustedEbitda', FY))}, compared with {rmb(g('AdjustedEbitda', FYp))} for the full year 2024.

For the full year 2025, our total capital expenditures including those financed by third parties were {rmb(CAPEX[0])} (US\\${mil(CAPEX_USD_2025)} million), compared with {rmb(CAPEX[1])} for the full year 2024.

**Basic and diluted net loss per share** for the full year 2025 was RMB{abs(Decimal(EPS[FY]))} (US\\${abs(Decimal(EPS['fy25u']))}), compared with RMB{abs(Decimal(EPS[FYp]))} for the full year 2024.

**Cash and cash equivalents** were {rmb(6018043)} (US\\$860.6 million) as of December 31, 2025, compared with {rmb(2648764)} as of December 31, 2024.

**Outstanding ordinary shares** were {SHARES_OUT:,} as of December 31, 2025, equivalent to about {ADS_OUT:,} ADSs.
"""
    w(prose)
    w(TAIL_PROSE)
    # ---- balance sheet
    w("---\n")
    out += title("UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS", "All amounts in thousands")
    out += ["\tDec 31, 2024\tDec 31, 2025\tDec 31, 2025", "\tRMB\tRMB\tUS\\$"]
    for concept, label, a, bb, u, style in BS:
        if style == "head":
            out.append(f"<b>{label}</b>\t\t\t")
            continue
        sign = -1 if style == "neg" else 1
        out.append("\t".join([b(label, style == "total")] + [b(num(None if v is None else sign * v), style == "total") for v in (a, bb, u)]))
    out.append("")
    # ---- income statement
    out += title("UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF COMPREHENSIVE INCOME (LOSS)",
                 "All amounts in thousands, except for share and per share data")
    out += HEAD7
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
    for concept, label, sign, style in IS_ROWS:
        if style == "head":
            out.append(f"<b>{label}</b>" + "\t" * 7)
        else:
            out.append(line7(label, c(concept), style == "total", sign))
    out.append("<b>Net income (loss) per share:</b>" + "\t" * 7)
    eps_cells = [EPS["q4_24"], EPS["q3_25"], EPS["q4_25"], eps_usd(d), EPS["fy24"], EPS["fy25"], EPS["fy25u"]]
    out.append("Basic and diluted\t" + "\t".join(f"({v[1:]})" if v.startswith("-") else v for v in eps_cells))
    out.append("<b>Shares used in the net income (loss) per share computation:</b>" + "\t" * 7)
    sh = [SHARES["q4_24"], SHARES["q3_25"], SHARES["q4_25"], SHARES["q4_25"], SHARES["fy24"], SHARES["fy25"], SHARES["fy25"]]
    out.append("Basic and diluted\t" + "\t".join(f"{v:,}" for v in sh))
    out.append("<b>Other comprehensive income (loss), net of tax of nil:</b>" + "\t" * 7)
    out.append(line7("Foreign currency translation adjustments", c("ForeignCurrencyTranslationAdjustment")))
    out.append(line7("Comprehensive income (loss)", c("ComprehensiveIncomeIncludingNoncontrollingInterest"), True))
    out.append(line7("Less: Comprehensive loss attributable to non-controlling interests", c("ComprehensiveIncomeAttributableToNoncontrollingInterest")))
    out.append(line7("Comprehensive income (loss) attributable to Kingsoft Cloud Holdings Limited shareholders",
                     c("ComprehensiveIncomeAttributableToParent"), True))
    out.append("")
    # ---- reconciliations
    rec = "RECONCILIATION OF GAAP AND NON-GAAP RESULTS"
    scale = "All amounts in thousands, except for percentage"
    out += title(rec, scale) + HEAD7
    out.append(line7("Gross profit", c("GrossProfit"), True))
    out.append("Adjustments:" + "\t" * 7)
    out.append(line7("– Share-based compensation expenses (allocated in cost of revenues)", c("GrossProfitAdjustmentShareBasedCompensation")))
    out.append(line7("Adjusted gross profit (Non-GAAP Financial Measure)", c("AdjustedGrossProfit")))
    out += ["", "---", ""]
    out += title(rec, scale) + HEAD7
    out.append(line7("Net income (loss)", c("ProfitLoss"), True))
    out.append("Adjustments:" + "\t" * 7)
    out.append(line7("– Share-based compensation expenses", c("NetLossAdjustmentShareBasedCompensation")))
    out.append(line7("– Foreign exchange (gain) loss", c("NetLossAdjustmentForeignExchange")))
    out.append(line7("– Impairment of long-lived assets", c("NetLossAdjustmentImpairment")))
    out.append(line7("Adjusted net income (loss) (Non-GAAP Financial Measure)", c("AdjustedNetIncomeLoss")))
    out.append("Adjustments:" + "\t" * 7)
    out.append(line7("– Interest income", c("EbitdaAdjustmentInterestIncome")))
    out.append(line7("– Interest expense", c("EbitdaAdjustmentInterestExpense")))
    out.append(line7("– Income tax expense (benefit)", c("EbitdaAdjustmentIncomeTax")))
    out.append(line7("– Depreciation and amortization", c("EbitdaAdjustmentDepreciationAndAmortization")))
    out.append(line7("Adjusted EBITDA (Non-GAAP Financial Measure)", c("AdjustedEbitda")))
    out.append(line7("– Gain on disposal of property and equipment", c("EbitdaAdjustmentGainOnDisposal")))
    out.append("Excluding gain on disposal of property and equipment, normalized" + "\t" * 7)
    out.append(line7("Adjusted EBITDA", c("NormalizedAdjustedEbitda")))
    out.append("")
    out += title(rec, scale) + HEAD7
    out.append(line7("Operating income (loss)", c("OperatingIncomeLoss"), True))
    out.append("Adjustments:" + "\t" * 7)
    out.append(line7("– Share-based compensation expenses", c("OperatingLossAdjustmentShareBasedCompensation")))
    out.append(line7("– Impairment of long-lived assets", c("OperatingLossAdjustmentImpairment")))
    out.append(line7("– Amortization of intangible assets", c("OperatingLossAdjustmentAmortization")))
    out.append(line7("Adjusted operating income (loss) (Non-GAAP Financial Measure)", c("AdjustedOperatingIncomeLoss")))
    out.append(line7("– Gain on disposal of property and equipment", c("OperatingLossAdjustmentGainOnDisposal")))
    out.append("Excluding gain on disposal of property and equipment, normalized" + "\t" * 7)
    out.append(line7("Adjusted operating income (loss)", c("NormalizedAdjustedOperatingIncomeLoss")))
    out.append("")
    out += title(rec, scale) + HEAD5
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
    for m, label in MARGIN_ROWS:
        out.append(label + "\t" + "\t".join(f"{margin(d, m, col)}%" for col in RMB_COLS))
    out += ["", "---", ""]
    # ---- cash flows
    out += title("UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS", "All amounts in thousands") + HEAD7
    CF_ROWS = [
        ("NetCashFromOperatingActivities", "Net cash generated from operating activities", True),
        ("NetCashFromInvestingActivities", "Net cash used in investing activities", True),
        ("NetCashFromFinancingActivities", "Net cash generated from (used in) financing activities", True),
        ("EffectOfExchangeRateOnCash", "Effect of exchange rate changes on cash, cash equivalents and restricted cash", False),
        ("CashPeriodIncreaseDecrease", "Net increase (decrease) in cash, cash equivalents and restricted cash", False),
        ("CashBegin", "Cash, cash equivalents and restricted cash at beginning of period", False),
        ("CashEnd", "Cash, cash equivalents and restricted cash at end of period", True),
    ]
    for concept, label, bold in CF_ROWS:
        out.append(line7(label, c(concept), bold))
    out.append("")
    return "\n".join(out) + "\n"


COVER = """
---

---

**UNITED STATES  
SECURITIES AND EXCHANGE COMMISSION**  
Washington, D.C. 20549

---

**FORM 6-K**

---

**REPORT OF FOREIGN ISSUER  
PURSUANT TO RULE 13a-16 OR 15d-16 OF  
THE SECURITIES EXCHANGE ACT OF 1934**

**For the month of March 2026**

**Commission file number: 001-39278**

---

**Kingsoft Cloud Holdings Limited**  
(Exact Name of Registrant as Specified in Its Charter)

---

**Building D, Xiaomi Science and Technology Park, No. 33 Xierqi Middle Road,  
Haidian District  
Beijing, 100085, the People's Republic of China  
(Address of Principal Executive Offices)**

---

Indicate by check mark whether the registrant files or will file annual reports under cover Form 20-F or Form 40-F.

Form 20-F  Form 40-F

---

---

## EXHIBIT INDEX

<b>Exhibit No.</b>	<b>Description</b>
<a href="#">99.1</a>	<a href="#">Press Release — Kingsoft Cloud Announces Unaudited Fourth Quarter and Fiscal Year 2025 Financial Results</a>

---

**SIGNATURE**

Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed on its behalf by the undersigned, thereunto duly authorized.

Kingsoft Cloud Holdings Limited

Date: March 25, 2026

By: /s/ Yi Li

\\_\\_\\_\\_\\_  
Name: Yi Li

Title: Chief Financial Officer

---
"""

TAIL_PROSE = """### **Use of Non-GAAP Financial Measures**

The unaudited condensed consolidated financial information is prepared in conformity with accounting principles generally accepted in the United States of America ("U.S. GAAP"). In evaluating our business, we consider and use certain non-GAAP measures, Non-GAAP gross profit, Non-GAAP gross margin, Non-GAAP operating income (loss), Non-GAAP operating income (loss) margin, Non-GAAP EBITDA, Non-GAAP EBITDA margin, Non-GAAP net income (loss) and Non-GAAP net income (loss) margin, as supplemental measures to review and assess our operating performance. The presentation of these non-GAAP financial measures is not intended to be considered in isolation or as a substitute for the financial information prepared and presented in accordance with U.S. GAAP.

<sup>4</sup> Non-GAAP net income (loss) is defined as net income (loss) excluding share-based compensation expenses, foreign exchange (gain) loss and impairment of long-lived assets, and we define Non-GAAP net income (loss) margin as Non-GAAP net income (loss) as a percentage of revenues.

<sup>5</sup> Non-GAAP EBITDA is defined as Non-GAAP net income (loss) excluding interest income, interest expense, income tax expense (benefit) and depreciation and amortization, and we define Non-GAAP EBITDA margin as Non-GAAP EBITDA as a percentage of revenues.

### **Exchange Rate Information**

This press release contains translations of certain RMB amounts into U.S. dollars at specified rates solely for the convenience of readers. Unless otherwise noted, all translations from RMB to U.S. dollars, in this press release, were made at a rate of RMB6.9931 to US\\$1.00, the noon buying rate in effect on December 31, 2025 as certified for customs purposes by the Federal Reserve Bank of New York.

### **Safe Harbor Statement**

This announcement contains forward-looking statements. These statements are made under the “safe harbor” provisions of the U.S. Private Securities Litigation Reform Act of 1995. Statements that are not historical facts, including statements about Kingsoft Cloud’s beliefs and expectations, are forward-looking statements. Forward-looking statements involve inherent risks and uncertainties, and Kingsoft Cloud does not undertake any obligation to update any forward-looking statement, except as required under applicable law.

### **About Kingsoft Cloud Holdings Limited**

Kingsoft Cloud Holdings Limited (NASDAQ: KC and HKEX:3896) is a leading cloud service provider in China.

**For investor and media inquiries, please contact:**

Kingsoft Cloud Holdings Limited  
Wayne Wang  
Email: [ksc-ir@kingsoft.com](mailto:ksc-ir@kingsoft.com)
"""


# ======================================================================= golden facts
def facts(data) -> list[list[str]]:
    rows: list[tuple[str, str, str, str, str]] = []

    def period(col: str, kind: str = "duration") -> str:
        start, end, before = PERIOD[col]
        if kind == "start":
            return before
        if kind == "end":
            return end
        return f"{start}--{end}"

    def unit(col: str) -> str:
        return "USD" if col.endswith("u") else "CNY"

    def add(concept, per, u, value, dec):
        rows.append((concept, per, u, str(value), str(dec)))

    order = list(IS) + list(NG)
    for key in order:
        k = key.replace(" ", "_")
        concept = key
        for col in COLS:
            v = data[k][col]
            add(concept, period(col), unit(col), (v or 0) * 1000, -3)
        if key == "NetIncomeLoss":
            eps = dict(EPS, q4_25u=eps_usd(data))
            for col in COLS:
                add("EarningsPerShareBasicAndDiluted", period(col), unit(col) + "/shares", eps[col], 2)
            for col in RMB_COLS:
                add("WeightedAverageSharesBasicAndDiluted", period(col), "shares", SHARES[col], 0)
    for m in MARGIN_OF:
        for col in RMB_COLS:
            add(m, period(col), "pure", margin(data, m, col) / 100, 3)
    for concept, _, a, bb, u, style in BS:
        if concept:
            for v, per, un in ((a, "2024-12-31", "CNY"), (bb, "2025-12-31", "CNY"), (u, "2025-12-31", "USD")):
                add(concept, per, un, (v or 0) * 1000, -3)
    for key in CF:
        if key.startswith("Cash") and key != "CashPeriodIncreaseDecrease":
            continue
        for col in COLS:
            add(key, period(col), unit(col), data[key][col] * 1000, -3)
    # cash at beginning and end of the periods: instants, one fact each
    seen = set()
    for col in COLS:
        for key, kind in (("CashBegin", "start"), ("CashEnd", "end")):
            per = period(col, kind)
            if (per, unit(col)) in seen:
                continue
            seen.add((per, unit(col)))
            add("CashCashEquivalentsAndRestrictedCash", per, unit(col), data[key][col] * 1000, -3)
    # figures only in the prose: millions with one decimal -> decimals -5
    def hundreds(v: Decimal) -> int:  # thousands -> 0.1 million, in full units
        return int(q(v / 100)) * 100 * 1000

    for concept, (now, before) in COST_PARTS.items():
        add(concept, period("q4_25"), "CNY", hundreds(Decimal(now)), -5)
        add(concept, period("q4_25"), "USD", hundreds(Decimal(now) / RATE), -5)
        add(concept, period("q4_24"), "CNY", hundreds(Decimal(before)), -5)
    add("CapitalExpenditures", period("fy25"), "CNY", CAPEX[0] * 1000, -5)
    add("CapitalExpenditures", period("fy25"), "USD", CAPEX_USD_2025 * 1000, -5)
    add("CapitalExpenditures", period("fy24"), "CNY", CAPEX[1] * 1000, -5)
    add("ConvenienceTranslationRate", "2025-12-31", "CNY/USD", RATE, 4)
    add("OrdinarySharesOutstanding", "2025-12-31", "shares", SHARES_OUT, 0)
    add("AdsEquivalentOfSharesOutstanding", "2025-12-31", "shares", ADS_OUT, 0)
    # the cover page of the 6-K (dei facts for the month of the report)
    month = "2026-03-01--2026-03-31"
    for concept, value in (
        ("AnnualReportForm", "20-F"),
        ("DocumentPeriodEndDate", "2026-03-31"),
        ("DocumentType", "6-K"),
        ("EntityAddressAddressLine1", "Building D, Xiaomi Science and Technology Park, No. 33 Xierqi Middle Road"),
        ("EntityAddressAddressLine2", "Haidian District"),
        ("EntityAddressCityOrTown", "Beijing"),
        ("EntityAddressCountryName", "the People's Republic of China"),
        ("EntityAddressPostalZipCode", "100085"),
        ("EntityFileNumber", "001-39278"),
        ("EntityRegistrantName", "Kingsoft Cloud Holdings Limited"),
        ("HkexStockCode", "3896"),
        ("SignatureDate", "2026-03-25"),
        ("SignerName", "Yi Li"),
        ("SignerTitle", "Chief Financial Officer"),
        ("TradingSymbol", "KC"),
    ):
        add(concept, month, "", value, "")
    exhibit = "Press Release — Kingsoft Cloud Announces Unaudited Fourth Quarter and Fiscal Year 2025 Financial Results"
    rows.append(("ExhibitDescription", month, "", exhibit, "", "ExhibitNumberAxis=99.1"))
    # one line per fact
    uniq: dict[tuple, tuple] = {}
    for r in rows:
        keyr = r[:3]
        if keyr in uniq:
            assert uniq[keyr][3] == r[3], ("one fact, two values", r, uniq[keyr])
            continue
        uniq[keyr] = r
    return [list(r) if len(r) == 6 else [*r, ""] for r in uniq.values()]


def normalize_pure(v: str) -> str:
    d = Decimal(v).normalize()
    return format(d, "f")


def main() -> None:
    data = build_values()
    check(data)
    for vals in data.values():
        for ucol, rcol in USD_OF.items():
            if vals[rcol] is not None:
                USD_PRINTED.setdefault(abs(vals[rcol]), abs(vals[ucol]))
    (HERE / "q4_2025_release.txt").write_text(text(data), encoding="utf-8")
    with open(HERE / "q4_2025_release.expected.csv", "w", encoding="utf-8", newline="") as fh:
        wr = csv.writer(fh, lineterminator="\n")
        wr.writerow(["concept", "period", "unit", "value", "decimals", "dimensions"])
        for concept, per, u, v, dec, dims in facts(data):
            if u == "pure" or u.endswith("/shares") or u == "CNY/USD":
                v = normalize_pure(v)
            wr.writerow([concept.replace("_", " "), per, u, v, dec, dims])
    print("wrote q4_2025_release.txt and q4_2025_release.expected.csv")


if __name__ == "__main__":
    main()
