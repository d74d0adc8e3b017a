"""The primary statements of 002, 003 and 004 become facts with the right
value in full units, decimals, sign, period and unit.

Every expected row below was read off the filing text by hand; the comment
on each block names the printed figure.
"""

from __future__ import annotations


import pytest

from kcxbrl.text.read import read_filing, read_text
from kcxbrl.pipeline import convert_document
from kcxbrl.findings import Level
from kcxbrl.extract.mapping import map_table
from kcxbrl.extract.tables import place_tables
from kcxbrl.xbrl.taxonomy import default_taxonomy

from case_runs import sample_run
from converted import assert_fact, converted, facts, sample

# (concept, context, unit, value, decimals)
FY = [
    # statements of comprehensive loss, FY2024 / FY2025 RMB thousands, FY2025 US$ thousands
    ("Revenues", "FY2025", "CNY", "9558619000", "-3"),
    ("Revenues", "FY2024", "CNY", "7785180000", "-3"),
    ("Revenues", "FY2025", "USD", "1366864000", "-3"),
    ("RevenuePublicCloudServices", "FY2025", "CNY", "6633492000", "-3"),
    ("RevenueOtherServices", "FY2024", "CNY", "152000", "-3"),
    ("RevenueOtherServices", "FY2025", "CNY", "0", "-3"),  # printed "–"
    ("CostOfRevenue", "FY2025", "CNY", "8055211000", "-3"),  # (8,055,211): an expense, positive
    ("CostOfRevenue", "FY2025", "USD", "1151880000", "-3"),
    ("GrossProfit", "FY2024", "CNY", "1340926000", "-3"),
    ("SellingAndMarketingExpense", "FY2025", "CNY", "551406000", "-3"),
    ("ImpairmentOfLongLivedAssets", "FY2024", "CNY", "919724000", "-3"),
    ("OperatingExpenses", "FY2025", "USD", "325509000", "-3"),
    ("OperatingIncomeLoss", "FY2025", "CNY", "-772913000", "-3"),
    ("InterestIncome", "FY2025", "CNY", "80859000", "-3"),
    ("InterestExpense", "FY2024", "CNY", "229705000", "-3"),
    ("ForeignExchangeGainLoss", "FY2024", "CNY", "-19531000", "-3"),  # (19,531) loss
    ("ForeignExchangeGainLoss", "FY2025", "CNY", "60147000", "-3"),
    ("OtherGainLossNet", "FY2025", "CNY", "-8984000", "-3"),
    ("OtherIncomeExpenseNet", "FY2024", "CNY", "-6382000", "-3"),
    ("IncomeLossBeforeIncomeTaxes", "FY2025", "CNY", "-947895000", "-3"),
    ("IncomeTaxExpenseBenefit", "FY2024", "CNY", "-1524000", "-3"),  # "Income tax benefit 1,524"
    ("IncomeTaxExpenseBenefit", "FY2025", "USD", "-601000", "-3"),
    ("ProfitLoss", "FY2024", "CNY", "-1979042000", "-3"),
    ("NetIncomeLossAttributableToNoncontrollingInterest", "FY2025", "CNY", "-7441000", "-3"),
    ("NetIncomeLoss", "FY2025", "CNY", "-936251000", "-3"),
    ("NetIncomeLoss", "FY2025", "USD", "-133882000", "-3"),
    ("EarningsPerShareBasicAndDiluted", "FY2024", "CNYPerShare", "-0.54", "2"),
    ("EarningsPerShareBasicAndDiluted", "FY2025", "USDPerShare", "-0.03", "2"),
    ("WeightedAverageSharesBasicAndDiluted", "FY2025", "shares", "4107065011", "0"),
    ("WeightedAverageSharesBasicAndDiluted", "FY2024", "shares", "3658088876", "0"),
    ("ForeignCurrencyTranslationAdjustment", "FY2025", "CNY", "-126272000", "-3"),
    ("ComprehensiveIncomeIncludingNoncontrollingInterest", "FY2024", "CNY", "-1967506000", "-3"),
    ("ComprehensiveIncomeAttributableToParent", "FY2025", "USD", "-151971000", "-3"),
    # balance sheets, as at December 31
    ("CashAndCashEquivalents", "AsOf2025-12-31", "CNY", "6018043000", "-3"),
    ("CashAndCashEquivalents", "AsOf2024-12-31", "CNY", "2648764000", "-3"),
    ("CashAndCashEquivalents", "AsOf2025-12-31", "USD", "860569000", "-3"),
    ("ShortTermInvestments", "AsOf2025-12-31", "CNY", "0", "-3"),
    ("PrepaymentsAndOtherAssetsCurrent", "AsOf2025-12-31", "CNY", "2592314000", "-3"),
    ("PrepaymentsAndOtherAssetsNoncurrent", "AsOf2025-12-31", "CNY", "139836000", "-3"),
    ("AssetsCurrent", "AsOf2024-12-31", "CNY", "6840786000", "-3"),
    ("Assets", "AsOf2025-12-31", "CNY", "26729189000", "-3"),
    ("Assets", "AsOf2025-12-31", "USD", "3822223000", "-3"),
    ("DueToRelatedPartiesCurrent", "AsOf2025-12-31", "CNY", "721932000", "-3"),
    ("DueToRelatedPartiesNoncurrent", "AsOf2025-12-31", "CNY", "2212325000", "-3"),
    ("Liabilities", "AsOf2025-12-31", "CNY", "17416155000", "-3"),
    ("TreasurySharesValue", "AsOf2024-12-31", "CNY", "105478000", "-3"),  # (105,478)
    ("AccumulatedDeficit", "AsOf2025-12-31", "CNY", "-15247868000", "-3"),
    ("NoncontrollingInterests", "AsOf2025-12-31", "CNY", "-3992000", "-3"),
    ("LiabilitiesAndEquity", "AsOf2024-12-31", "CNY", "17592654000", "-3"),
    # cash flows; opening balances are the instant before the year starts
    ("NetCashFromOperatingActivities", "FY2025", "CNY", "3801028000", "-3"),
    ("NetCashFromInvestingActivities", "FY2024", "CNY", "-3620445000", "-3"),
    ("EffectOfExchangeRateOnCash", "FY2025", "USD", "-9601000", "-3"),
    ("CashPeriodIncreaseDecrease", "FY2025", "CNY", "3387136000", "-3"),
    ("CashCashEquivalentsAndRestrictedCash", "AsOf2023-12-31", "CNY", "2489481000", "-3"),
    ("CashCashEquivalentsAndRestrictedCash", "AsOf2024-12-31", "CNY", "2730101000", "-3"),
    ("CashCashEquivalentsAndRestrictedCash", "AsOf2025-12-31", "CNY", "6117237000", "-3"),
    ("CashCashEquivalentsAndRestrictedCash", "AsOf2024-12-31", "USD", "390399000", "-3"),
    ("CashCashEquivalentsAndRestrictedCash", "AsOf2025-12-31", "USD", "874754000", "-3"),
]

Q1 = [
    # three months ended Mar 31, 2025 / Dec 31, 2025 / Mar 31, 2026 (RMB) and Mar 31, 2026 (US$)
    ("Revenues", "Q1-2026", "CNY", "2703732000", "-3"),
    ("Revenues", "Q1-2025", "CNY", "1969977000", "-3"),
    ("Revenues", "Q4-2025", "CNY", "2761387000", "-3"),
    ("Revenues", "Q1-2026", "USD", "391959000", "-3"),
    ("RevenuePublicCloudServices", "Q4-2025", "CNY", "1902378000", "-3"),
    ("CostOfRevenue", "Q1-2026", "CNY", "2357984000", "-3"),
    ("GrossProfit", "Q1-2026", "USD", "50123000", "-3"),
    ("GeneralAndAdministrativeExpense", "Q1-2025", "CNY", "181999000", "-3"),
    ("OperatingExpenses", "Q4-2025", "CNY", "531800000", "-3"),
    ("OperatingIncomeLoss", "Q4-2025", "CNY", "-66450000", "-3"),
    ("ForeignExchangeGainLoss", "Q1-2026", "CNY", "-44006000", "-3"),
    ("ForeignExchangeGainLoss", "Q1-2025", "CNY", "9051000", "-3"),
    ("OtherGainLossNet", "Q1-2025", "CNY", "3244000", "-3"),
    ("OtherIncomeExpenseNet", "Q4-2025", "CNY", "74000", "-3"),
    ("IncomeTaxExpenseBenefit", "Q1-2025", "CNY", "9241000", "-3"),  # "(expense) benefit (9,241)"
    ("IncomeTaxExpenseBenefit", "Q4-2025", "CNY", "-13437000", "-3"),
    ("ProfitLoss", "Q1-2026", "CNY", "-343720000", "-3"),
    ("NetIncomeLossAttributableToNoncontrollingInterest", "Q1-2026", "CNY", "100000", "-3"),
    ("NetIncomeLossAttributableToNoncontrollingInterest", "Q1-2026", "USD", "14000", "-3"),
    ("EarningsPerShareBasicAndDiluted", "Q4-2025", "CNYPerShare", "-0.04", "2"),
    ("EarningsPerShareBasicAndDiluted", "Q1-2026", "USDPerShare", "-0.01", "2"),
    ("WeightedAverageSharesBasicAndDiluted", "Q1-2025", "shares", "3728092123", "0"),
    ("ComprehensiveIncomeIncludingNoncontrollingInterest", "Q1-2026", "CNY", "-378192000", "-3"),
    ("CashAndCashEquivalents", "AsOf2026-03-31", "CNY", "4903797000", "-3"),
    ("CashAndCashEquivalents", "AsOf2025-12-31", "CNY", "6018043000", "-3"),
    ("CashAndCashEquivalents", "AsOf2026-03-31", "USD", "710901000", "-3"),
    ("Assets", "AsOf2026-03-31", "CNY", "28456254000", "-3"),
    ("TreasurySharesValue", "AsOf2026-03-31", "CNY", "18958000", "-3"),
    ("NoncontrollingInterests", "AsOf2026-03-31", "CNY", "-3891000", "-3"),
    ("NetCashFromOperatingActivities", "Q1-2025", "CNY", "-418390000", "-3"),
    ("NetCashFromOperatingActivities", "Q4-2025", "CNY", "1042626000", "-3"),
    ("CashPeriodIncreaseDecrease", "Q1-2026", "CNY", "-1166543000", "-3"),
    ("CashCashEquivalentsAndRestrictedCash", "AsOf2024-12-31", "CNY", "2730101000", "-3"),
    ("CashCashEquivalentsAndRestrictedCash", "AsOf2025-09-30", "CNY", "4050253000", "-3"),
    ("CashCashEquivalentsAndRestrictedCash", "AsOf2025-12-31", "CNY", "6117237000", "-3"),
    ("CashCashEquivalentsAndRestrictedCash", "AsOf2025-12-31", "USD", "886813000", "-3"),
    ("CashCashEquivalentsAndRestrictedCash", "AsOf2025-03-31", "CNY", "2386344000", "-3"),
    ("CashCashEquivalentsAndRestrictedCash", "AsOf2026-03-31", "CNY", "4950694000", "-3"),
    ("CashCashEquivalentsAndRestrictedCash", "AsOf2026-03-31", "USD", "717700000", "-3"),
]

H1 = [
    # six months ended June 30, 2024 / 2025 (RMB) and 2025 (US$)
    ("Revenues", "H1-2025", "CNY", "4319204000", "-3"),
    ("Revenues", "H1-2024", "CNY", "3667464000", "-3"),
    ("Revenues", "H1-2025", "USD", "602938000", "-3"),
    ("RevenueOtherServices", "H1-2025", "CNY", "0", "-3"),  # printed "-"
    ("CostOfRevenue", "H1-2024", "CNY", "3055864000", "-3"),
    ("ForeignExchangeGainLoss", "H1-2025", "CNY", "-30475000", "-3"),
    ("OtherGainLossNet", "H1-2024", "CNY", "-16036000", "-3"),
    ("OtherGainLossNet", "H1-2025", "CNY", "4864000", "-3"),
    ("IncomeTaxExpenseBenefit", "H1-2024", "CNY", "-8480000", "-3"),  # "benefit (expense) 8,480"
    ("IncomeTaxExpenseBenefit", "H1-2025", "CNY", "11584000", "-3"),
    ("IncomeTaxExpenseBenefit", "H1-2025", "USD", "1617000", "-3"),
    ("ProfitLoss", "H1-2025", "CNY", "-772973000", "-3"),
    ("NetIncomeLoss", "H1-2025", "USD", "-107680000", "-3"),
    ("EarningsPerShareBasicAndDiluted", "H1-2025", "CNYPerShare", "-0.20", "2"),
    ("EarningsPerShareBasicAndDiluted", "H1-2025", "USDPerShare", "-0.03", "2"),
    ("WeightedAverageSharesBasicAndDiluted", "H1-2024", "shares", "3632583338", "0"),
    ("WeightedAverageSharesBasicAndDiluted", "H1-2025", "shares", "3869381978", "0"),
    ("ForeignCurrencyTranslationAdjustment", "H1-2025", "CNY", "50918000", "-3"),
    ("ComprehensiveIncomeAttributableToNoncontrollingInterest", "H1-2024", "CNY", "-4817000", "-3"),
    ("CashAndCashEquivalents", "AsOf2025-06-30", "CNY", "5464077000", "-3"),
    ("CashAndCashEquivalents", "AsOf2025-06-30", "USD", "762756000", "-3"),
    ("CashAndCashEquivalents", "AsOf2024-12-31", "CNY", "2648764000", "-3"),
    ("OrdinarySharesValue", "AsOf2025-06-30", "CNY", "28483000", "-3"),  # "Shareholders' equity: Ordinary shares"
    ("TreasurySharesValue", "AsOf2025-06-30", "CNY", "79316000", "-3"),
    ("ShareholdersEquity", "AsOf2025-06-30", "CNY", "6723900000", "-3"),
    ("LiabilitiesAndEquity", "AsOf2025-06-30", "CNY", "24829707000", "-3"),
    ("LiabilitiesAndEquity", "AsOf2025-06-30", "USD", "3466095000", "-3"),
    ("DueToRelatedPartiesNoncurrent", "AsOf2025-06-30", "CNY", "1308158000", "-3"),
    ("NetCashFromOperatingActivities", "H1-2024", "CNY", "-170167000", "-3"),
    ("NetCashFromOperatingActivities", "H1-2025", "CNY", "1041744000", "-3"),
    ("NetCashFromFinancingActivities", "H1-2025", "USD", "433101000", "-3"),
    ("CashCashEquivalentsAndRestrictedCash", "AsOf2023-12-31", "CNY", "2489481000", "-3"),
    ("CashCashEquivalentsAndRestrictedCash", "AsOf2024-12-31", "CNY", "2730101000", "-3"),
    ("CashCashEquivalentsAndRestrictedCash", "AsOf2024-06-30", "CNY", "2096404000", "-3"),
    ("CashCashEquivalentsAndRestrictedCash", "AsOf2025-06-30", "CNY", "5517128000", "-3"),
    ("CashCashEquivalentsAndRestrictedCash", "AsOf2024-12-31", "USD", "381107000", "-3"),
    ("CashCashEquivalentsAndRestrictedCash", "AsOf2025-06-30", "USD", "770162000", "-3"),
]

CASES = [("002", row) for row in FY] + [("003", row) for row in Q1] + [("004", row) for row in H1]


# facts (no dimensions) of the concepts of each primary statement, per filing
STATEMENT_FACTS = {
    "002": {"StatementOfComprehensiveLoss": 83, "BalanceSheet": 117, "CashFlowStatement": 20},
    "003": {"StatementOfComprehensiveLoss": 103, "BalanceSheet": 114, "CashFlowStatement": 27},
    "004": {"StatementOfComprehensiveLoss": 80, "BalanceSheet": 117, "CashFlowStatement": 21},
}


@pytest.mark.parametrize("prefix", sorted(STATEMENT_FACTS))
def test_each_statement_gives_its_facts_and_the_checked_values_are_among_them(prefix: str) -> None:
    taxonomy = default_taxonomy()
    facts_of = {}
    for role in STATEMENT_FACTS[prefix]:
        concepts = {node.concept for node in taxonomy.role(role).nodes}
        facts_of[role] = {(f.concept, f.context.id, f.unit.id if f.unit else None)
                          for f in sample_run(prefix).conversion.instance.facts
                          if f.concept in concepts and not f.context.members}
    assert {role: len(found) for role, found in facts_of.items()} == STATEMENT_FACTS[prefix]
    checked = {(concept, context, unit) for p, (concept, context, unit, _, _) in CASES if p == prefix}
    assert len(checked) == sum(1 for p, _ in CASES if p == prefix)  # no value checked twice
    assert checked <= set().union(*facts_of.values())


@pytest.mark.parametrize(
    "prefix,concept,context,unit,value,decimals",
    [(p, *row) for p, row in CASES],
    ids=[f"{p}-{row[0]}-{row[1]}-{row[2]}" for p, row in CASES],
)
def test_fact_value(prefix: str, concept: str, context: str, unit: str, value: str, decimals: str) -> None:
    assert_fact(prefix, concept, context, unit, value, decimals)


STATEMENT_ROLES = {"StatementOfComprehensiveLoss", "BalanceSheet", "CashFlowStatement"}


@pytest.mark.parametrize("prefix", ["002", "003", "004"])
def test_every_statement_cell_becomes_a_fact(prefix: str) -> None:
    """No number of a primary statement is left behind."""
    document = read_filing(sample(prefix))
    taxonomy = default_taxonomy()
    placed, _ = place_tables(document, taxonomy)
    statement_tables = [t for t in placed if t.role and t.role.id in STATEMENT_ROLES]
    assert len(statement_tables) >= 3
    roles = {t.role.id for t in statement_tables}
    assert roles == STATEMENT_ROLES
    for table in statement_tables:
        result = map_table(table, taxonomy, document.path)
        left = [c for c in result.cells if c.outcome == "unmapped"]
        notes = [c for c in result.cells if c.outcome == "skipped"]
        assert all(c.detail == "note reference" for c in notes)
        assert left == [], f"table {table.table.index}: {left}"
        assert result.drafts


@pytest.mark.parametrize(
    "prefix,expected",
    [
        ("002", {"FY2024", "FY2025", "AsOf2023-12-31", "AsOf2024-12-31", "AsOf2025-12-31"}),
        ("003", {"Q1-2025", "Q4-2025", "Q1-2026", "AsOf2024-12-31", "AsOf2025-03-31", "AsOf2025-09-30", "AsOf2025-12-31", "AsOf2026-03-31"}),
        ("004", {"H1-2024", "H1-2025", "AsOf2023-12-31", "AsOf2024-06-30", "AsOf2024-12-31", "AsOf2025-06-30"}),
    ],
)
def test_statement_facts_use_exactly_the_printed_periods(prefix: str, expected: set[str]) -> None:
    """Statement facts sit in one context per printed period, with no dimensions."""
    taxonomy = default_taxonomy()
    statement_concepts = {
        node.concept for role_id in STATEMENT_ROLES for node in taxonomy.role(role_id).nodes
    }
    contexts = {f.context for f in facts(prefix).values() if f.concept in statement_concepts and "_" not in f.context}
    assert contexts == expected


def test_statement_printed_twice_is_one_set_of_facts() -> None:
    """002 prints the statement of comprehensive loss twice; each figure is one fact."""
    conversion = convert_document(read_filing(sample("002")))
    revenue = [f for f in conversion.instance.facts if f.concept == "Revenues" and f.context.id == "FY2025" and f.unit.id == "CNY"]
    assert len(revenue) == 1
    lines = {s.line for s in revenue[0].sources}
    # both copies of "Total revenues" (lines 198 and 367) and the highlights row (line 74)
    assert {74, 198, 367} <= lines


def test_two_copies_that_disagree_are_an_error_naming_both_lines() -> None:
    path = sample("002")
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    # the second copy of the statement (under FINANCIAL INFORMATION) gets a different total revenue
    second = max(i for i, line in enumerate(lines) if line.startswith("Total revenues\t"))
    first = min(i for i, line in enumerate(lines) if line.startswith("Total revenues\t"))
    lines[second] = lines[second].replace("9,558,619", "9,558,620")
    conversion = convert_document(read_text("\n".join(lines), path.name))
    errors = [f for f in conversion.findings if f.code == "kcxbrl:inconsistentDuplicate"]
    assert len(errors) == 1
    assert errors[0].level is Level.ERROR
    # names the altered line and a line where the kept value is printed
    # (the highlights table, line 74, prints it first)
    message = errors[0].message
    assert f":{second + 1} " in message
    assert f":{first + 1} " in message or ":74 " in message
    assert errors[0].line == second + 1
    assert conversion.has_errors


def test_convert_exit_code_and_outputs() -> None:
    out, code = converted()
    assert code == 0
    for prefix in ("002", "003", "004"):
        assert (out / (sample(prefix).stem + ".xbrl")).is_file()
    assert (out / "kc-2026.xsd").is_file()
    assert (out / "kc-2026_cal.xml").is_file()
