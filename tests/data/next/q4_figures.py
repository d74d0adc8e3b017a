"""The figures of the fixture q4_2025_release (see make_q4.py): every column of
the statements, the non-GAAP reconciliations and the figures stated only in
the prose, with the sums and links they must satisfy, and the arithmetic the
text and the golden facts share (rounding, margins, the US$ per-share figure).
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

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


def q(x: Decimal, exp: str = "1") -> Decimal:
    return x.quantize(Decimal(exp), rounding=ROUND_HALF_UP)


def margin(data, m: str, col: str) -> Decimal:
    return q(Decimal(data[MARGIN_OF[m]][col]) * 100 / Decimal(data["Revenues"][col]), "0.1")


def eps_usd(data) -> str:
    v = Decimal(data["NetIncomeLoss"]["q4_25u"]) * 1000 / SHARES["q4_25"]
    return str(q(v, "0.01"))
