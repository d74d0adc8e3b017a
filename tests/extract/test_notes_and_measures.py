"""Reconciliations, margins, notes and the employee table become facts.

Values read off the filings by hand; dimensional facts are found by their
context id, which names the period and the members.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from converted import assert_fact, facts

CASES = [
    # 002: non-GAAP reconciliations (adjustments keep the printed sign)
    ("002", "AdjustedGrossProfit", "FY2025", "CNY", "1541683000", "-3"),
    ("002", "AdjustedGrossProfit", "FY2025", "USD", "220457000", "-3"),
    ("002", "GrossProfitAdjustmentShareBasedCompensation", "FY2024", "CNY", "16868000", "-3"),
    ("002", "AdjustedNetIncomeLoss", "FY2024", "CNY", "-825346000", "-3"),
    ("002", "NetLossAdjustmentImpairment", "FY2025", "CNY", "0", "-3"),
    ("002", "AdjustedEbitda", "FY2025", "CNY", "2336420000", "-3"),
    ("002", "EbitdaAdjustmentInterestIncome", "FY2025", "CNY", "-80859000", "-3"),
    ("002", "EbitdaAdjustmentIncomeTax", "FY2024", "CNY", "-1524000", "-3"),
    ("002", "NormalizedAdjustedOperatingIncomeLoss", "FY2025", "USD", "-36391000", "-3"),
    ("002", "OperatingLossAdjustmentAmortization", "FY2024", "CNY", "173496000", "-3"),
    # 002: margins under a "(%)" header are ratios
    ("002", "GrossMargin", "FY2024", "pure", "0.172", "3"),
    ("002", "NormalizedAdjustedEbitdaMargin", "FY2025", "pure", "0.234", "3"),
    ("002", "AdjustedOperatingMargin", "FY2024", "pure", "-0.055", "3"),
    # 002 note 3: revenues by service line x timing; other loss; other (expense) income
    ("002", "Revenues", "FY2024_PointInTimeMember_EnterpriseCloudServicesMember", "CNY", "537323000", "-3"),
    ("002", "Revenues", "FY2025_OverTimeMember_PublicCloudServicesMember", "USD", "948577000", "-3"),
    ("002", "Revenues", "FY2025_EnterpriseCloudServicesMember", "CNY", "2925127000", "-3"),
    ("002", "Revenues", "FY2024_OverTimeMember_OtherServicesMember", "CNY", "152000", "-3"),
    ("002", "ShareOfGainLossOfEquityMethodInvestment", "FY2025", "CNY", "1235000", "-3"),
    ("002", "CurrencySwapFairValueChange", "FY2024", "CNY", "-2420000", "-3"),
    ("002", "GovernmentGrants", "FY2025", "CNY", "271933000", "-3"),
    ("002", "ValueAddedTaxTransferredOut", "FY2024", "CNY", "30757000", "-3"),
    ("002", "GainLossOnExtinguishmentOfLiabilities", "FY2025", "CNY", "-54497000", "-3"),
    # 002 notes 4, 5, 8: receivables, aging, taxes, payables
    ("002", "AccountsReceivableGrossCurrent", "AsOf2025-12-31", "CNY", "1839894000", "-3"),
    ("002", "AllowanceForCreditLossesCurrent", "AsOf2024-12-31", "CNY", "57612000", "-3"),
    ("002", "AccountsReceivableNetCurrent", "AsOf2025-12-31_NotYetDueMember", "CNY", "1123859000", "-3"),
    ("002", "IncomeLossBeforeIncomeTaxes", "FY2025_ChineseMainlandMember", "CNY", "-966311000", "-3"),
    ("002", "IncomeLossBeforeIncomeTaxes", "FY2025_OutsideChineseMainlandMember", "CNY", "18416000", "-3"),
    ("002", "CurrentIncomeTaxExpenseBenefit", "FY2024", "CNY", "39365000", "-3"),
    ("002", "DeferredIncomeTaxExpenseBenefit", "FY2025", "CNY", "-39759000", "-3"),
    ("002", "AccountsPayableCurrent", "AsOf2025-12-31_MoreThanOneYearMember", "CNY", "716559000", "-3"),
    # 002 employees by function, as of December 31, 2025 (date from the sentence above)
    ("002", "NumberOfEmployees", "AsOf2025-12-31", "pure", "15225", "0"),
    ("002", "NumberOfEmployees", "AsOf2025-12-31_ResearchAndDevelopmentMember", "pure", "1120", "0"),
    ("002", "EmployeesPercentage", "AsOf2025-12-31_SolutionDevelopmentAndServicesMember", "pure", "0.850", "3"),
    # 003: reconciliations and margins printed as "16.2%"
    ("003", "AdjustedNetIncomeLoss", "Q1-2026", "CNY", "-237143000", "-3"),
    ("003", "NetLossAdjustmentForeignExchange", "Q1-2026", "CNY", "44006000", "-3"),
    ("003", "EbitdaAdjustmentIncomeTax", "Q4-2025", "CNY", "-13437000", "-3"),
    ("003", "EbitdaAdjustmentGainOnDisposal", "Q1-2026", "CNY", "0", "-3"),
    ("003", "NormalizedAdjustedEbitda", "Q4-2025", "CNY", "712586000", "-3"),
    ("003", "AdjustedOperatingIncomeLoss", "Q4-2025", "CNY", "54586000", "-3"),
    ("003", "NetLossMargin", "Q1-2025", "pure", "-0.160", "3"),
    ("003", "AdjustedEbitdaMargin", "Q1-2026", "pure", "0.276", "3"),
    # 004: the malformed margin row places no value; H1 2024's gross margin is stated in the MD&A
    ("004", "GrossMargin", "H1-2024", "pure", "0.167", "3"),
    ("004", "AdjustedGrossMargin", "H1-2025", "pure", "0.157", "3"),
    ("004", "AdjustedEbitda", "H1-2024", "CNY", "93781000", "-3"),
    ("004", "NetLossAdjustmentForeignExchange", "H1-2025", "CNY", "30475000", "-3"),
    ("004", "Revenues", "H1-2025_PointInTimeMember_EnterpriseCloudServicesMember", "CNY", "108681000", "-3"),
    ("004", "IncomeLossBeforeIncomeTaxes", "H1-2025_OutsideChineseMainlandMember", "CNY", "-89703000", "-3"),
    ("004", "AccountsReceivableNetCurrent", "AsOf2025-06-30_SevenMonthsToOneYearMember", "CNY", "151970000", "-3"),
    ("004", "NumberOfEmployees", "AsOf2025-06-30", "pure", "13868", "0"),
    # 004 notes 3, 4, 5, 8
    ("004", "ShareOfGainLossOfEquityMethodInvestment", "H1-2025", "CNY", "-1828000", "-3"),
    ("004", "CurrencySwapFairValueChange", "H1-2025", "USD", "934000", "-3"),
    ("004", "GovernmentGrants", "H1-2024", "CNY", "4735000", "-3"),
    ("004", "ValueAddedTaxTransferredOut", "H1-2025", "CNY", "17145000", "-3"),
    ("004", "AccountsReceivableGrossCurrent", "AsOf2025-06-30", "CNY", "2109759000", "-3"),
    ("004", "AllowanceForCreditLossesCurrent", "AsOf2025-06-30", "USD", "12760000", "-3"),
    ("004", "CurrentIncomeTaxExpenseBenefit", "H1-2025", "CNY", "31977000", "-3"),
    ("004", "DeferredIncomeTaxExpenseBenefit", "H1-2024", "CNY", "-34064000", "-3"),
    ("004", "AccountsPayableCurrent", "AsOf2025-06-30_FourMonthsToOneYearMember", "CNY", "623691000", "-3"),
    ("004", "EmployeesPercentage", "AsOf2025-06-30_ResearchAndDevelopmentMember", "pure", "0.08", "2"),
]


@pytest.mark.parametrize(
    "prefix,concept,context,unit,value,decimals", CASES, ids=[f"{c[0]}-{c[1]}-{c[2]}-{c[3]}" for c in CASES]
)
def test_fact_value(prefix: str, concept: str, context: str, unit: str, value: str, decimals: str) -> None:
    assert_fact(prefix, concept, context, unit, value, decimals)


def test_gross_margin_of_h1_2025_comes_from_its_sentence_not_the_table() -> None:
    """004's malformed margin row prints no 2025 value; the text does."""
    from kcxbrl.pipeline import convert_document
    from kcxbrl.text.read import read_filing

    from converted import sample

    conversion = convert_document(read_filing(sample("004")))
    margin = [f for f in conversion.instance.facts if f.concept == "GrossMargin" and f.context.id == "H1-2025"]
    assert len(margin) == 1
    assert margin[0].value == Decimal("0.152")
    # stated in the business review (line 153) and the MD&A (line 220), in no table
    assert [(s.line, s.table) for s in margin[0].sources] == [(153, None), (220, None)]


PROSE = [
    # 002
    ("002", "ConvenienceTranslationRate", "AsOf2025-12-31", "CNYPerUSD", "6.9931", "4"),
    ("002", "GearingRatio", "AsOf2025-12-31", "pure", "0.652", "3"),
    ("002", "GearingRatio", "AsOf2024-12-31", "pure", "0.687", "3"),
    ("002", "CostOfRevenueIdc", "FY2025", "CNY", "3113400000", "-5"),  # RMB3,113.4 million
    ("002", "CostOfRevenueIdc", "FY2025", "USD", "445200000", "-5"),
    ("002", "CostOfRevenueIdc", "FY2024", "CNY", "2892100000", "-5"),
    ("002", "CostOfRevenueDepreciationAndAmortization", "FY2025", "CNY", "2321700000", "-5"),
    ("002", "CostOfRevenueSolutionDevelopmentAndServices", "FY2024", "CNY", "1993100000", "-5"),
    ("002", "CostOfRevenueFulfillment", "FY2024", "CNY", "235700000", "-5"),
    ("002", "CapitalExpenditures", "FY2025", "CNY", "4994300000", "-5"),
    ("002", "CapitalExpenditures", "FY2024", "CNY", "4124700000", "-5"),
    ("002", "NetCurrentAssetsLiabilities", "AsOf2025-12-31", "CNY", "1602075000", "-3"),  # note 2(b), thousands
    ("002", "NetCurrentAssetsLiabilities", "AsOf2025-12-31", "USD", "229094000", "-3"),
    # 003
    ("003", "ConvenienceTranslationRate", "AsOf2026-03-31", "CNYPerUSD", "6.8980", "4"),
    ("003", "OrdinarySharesOutstanding", "AsOf2026-03-31", "shares", "4490544972", "0"),
    ("003", "AdsEquivalentOfSharesOutstanding", "AsOf2026-03-31", "shares", "299369665", "0"),
    ("003", "CostOfRevenueDepreciationAndAmortization", "Q1-2025", "CNY", "378500000", "-5"),
    ("003", "CostOfRevenueOther", "Q1-2026", "CNY", "51400000", "-5"),
    ("003", "CostOfRevenueFulfillment", "Q1-2026", "USD", "300000", "-5"),
    ("003", "CapitalExpendituresAndLeasedAssetsObtained", "Q1-2026", "CNY", "3000000000", "-9"),  # RMB3 billion
    ("003", "GrossMargin", "Q1-2026", "pure", "0.128", "3"),
    # 004
    ("004", "ConvenienceTranslationRate", "AsOf2025-06-30", "CNYPerUSD", "7.1636", "4"),
    ("004", "GearingRatio", "AsOf2025-06-30", "pure", "0.716", "3"),
    ("004", "NetCurrentAssetsLiabilities", "AsOf2025-06-30", "CNY", "-430515000", "-3"),  # net current liabilities
    ("004", "CostOfRevenueSolutionDevelopmentAndServices", "H1-2025", "CNY", "1069000000", "-5"),
    ("004", "CostOfRevenueOther", "H1-2025", "USD", "15100000", "-5"),
    ("004", "NumberOfEmployees", "AsOf2025-06-30", "pure", "13868", "0"),  # prose and table: one fact
]


@pytest.mark.parametrize(
    "prefix,concept,context,unit,value,decimals", PROSE, ids=[f"{c[0]}-{c[1]}-{c[2]}-{c[3]}" for c in PROSE]
)
def test_prose_fact_value(prefix: str, concept: str, context: str, unit: str, value: str, decimals: str) -> None:
    assert_fact(prefix, concept, context, unit, value, decimals)


def test_prose_repeating_a_table_figure_is_not_a_new_fact() -> None:
    """"total revenues reached RMB9,558.6 million" adds nothing: one Revenues fact, table precision."""
    found = facts("002")[("Revenues", "FY2025", "CNY")]
    assert found.value == "9558619000" and found.decimals == "-3"


@pytest.mark.parametrize("prefix,lines", [("002", {621, 623, 624}), ("004", {618, 620, 621})])
def test_loss_per_share_note_repeats_the_statement_facts(prefix: str, lines: set[int]) -> None:
    """Note 6 prints numerator, denominator and loss per share: the same facts as the statement."""
    from kcxbrl.pipeline import convert_document
    from kcxbrl.text.read import read_filing

    from converted import sample

    instance = convert_document(read_filing(sample(prefix))).instance
    printed = {s.line for f in instance.facts
               if f.concept in ("NetIncomeLoss", "WeightedAverageSharesBasicAndDiluted", "EarningsPerShareBasicAndDiluted")
               for s in f.sources}
    assert lines <= printed
