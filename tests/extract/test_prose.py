"""Figures of the text: each placed in the period its own sentence names.

Sentences come from the sample filings or are the samples' sentences
reworded; values are the figures they print.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

import pytest

from converted import sample
from kcxbrl.pipeline import convert_document
from kcxbrl.extract.coverage import cover
from kcxbrl.findings import Finding, Level
from kcxbrl.extract.cells import CellResult
from kcxbrl.xbrl.model import Draft, Period, Provenance
from kcxbrl.extract.prose import (
    PERIOD_UNKNOWN,
    REPORTING_MISMATCH,
    REPORTING_UNKNOWN,
    TEXT_COLUMN,
    Frame,
    phrase_at,
    previous_quarter,
    prose_drafts,
    resolve,
    stated_period,
)
from kcxbrl.text.read import read_filing, read_text

from header_periods import FY2024, FY2025, H1_2024, H1_2025, Q1_2025, Q1_2026, Q4_2025

QUARTERLY = "Kingsoft Cloud today announced its unaudited financial results for the first quarter ended March 31, 2026."
ANNUAL = "PRELIMINARY ANNOUNCEMENT OF ANNUAL RESULTS FOR THE YEAR ENDED DECEMBER 31, 2025"
INTERIM = "Interim Results Announcement for the Six Months Ended June 30, 2025"


def run(*lines: str, tables: list[Draft] | None = None):  # type: ignore[no-untyped-def]
    document = read_text("\n\n".join(lines) + "\n", "x.txt")
    return prose_drafts(document, tables or [])


def figures(drafts: list[Draft]) -> set[tuple[str, Period, Decimal, int | None, str | None]]:
    return {(d.concept, d.period, d.value, d.decimals, d.currency) for d in drafts}


@lru_cache(maxsize=8)
def sample_prose(prefix: str) -> tuple[list[Draft], list[CellResult], list[Finding]]:
    """The text's figures of a sample; the reporting period comes from the filing's own words."""
    return prose_drafts(read_filing(sample(prefix)), [])


def at_line(prefix: str, line: int) -> set[tuple[str, Period, Decimal, int | None, str | None]]:
    drafts, _, _ = sample_prose(prefix)
    return figures([d for d in drafts if d.source.line == line])


# --------------------------------------------------------------------------
# The samples
# --------------------------------------------------------------------------


def test_idc_costs_of_the_first_quarter_2026() -> None:
    """003: "IDC costs increased by 26.1% year-over-year from RMB722.8 million to RMB911.1 million
    (US$132.1 million) this quarter"."""
    found = at_line("003", 91)
    assert ("CostOfRevenueIdc", Q1_2026, Decimal("911100000"), -5, "CNY") in found
    assert ("CostOfRevenueIdc", Q1_2026, Decimal("132100000"), -5, "USD") in found
    assert ("CostOfRevenueIdc", Q1_2025, Decimal("722800000"), -5, "CNY") in found


def test_gross_margin_of_the_fourth_quarter_last_year() -> None:
    """003: "Gross margin was 12.8% in this quarter, compared with 16.2% in the same quarter of 2025
    and 16.9% in the fourth quarter last year"."""
    found = {(c, p, v) for c, p, v, _, _ in at_line("003", 93) if c == "GrossMargin"}
    assert found == {("GrossMargin", Q1_2026, Decimal("0.128")), ("GrossMargin", Q1_2025, Decimal("0.162")),
                     ("GrossMargin", Q4_2025, Decimal("0.169"))}


def test_capital_expenditures_in_q1_read_in_billions() -> None:
    """003: "amounted to RMB3 billion in Q1": the first quarter of 2026, to the billion."""
    assert at_line("003", 77) == {("CapitalExpendituresAndLeasedAssetsObtained", Q1_2026, Decimal("3E+9"), -9, "CNY")}


def test_capital_expenditures_in_2025_and_for_the_year_ended_2024() -> None:
    """002: "In 2025, our total capital expenditures ... was RMB4,994.3 million (US$714.2 million),
    compared with RMB4,124.7 million for the year ended December 31, 2024"."""
    assert at_line("002", 167) == {
        ("CapitalExpenditures", FY2025, Decimal("4994300000"), -5, "CNY"),
        ("CapitalExpenditures", FY2025, Decimal("714200000"), -5, "USD"),
        ("CapitalExpenditures", FY2024, Decimal("4124700000"), -5, "CNY"),
    }


def test_comparative_from_the_filings_stated_comparative() -> None:
    """004: "Depreciation and amortization costs increased by 107.0% from RMB449.5 million to
    RMB930.5 million (US$129.9 million) in the first half of 2025": the filing states its
    comparative figures are for the corresponding period in 2024."""
    found = at_line("004", 218)
    assert ("CostOfRevenueDepreciationAndAmortization", H1_2024, Decimal("449500000"), -5, "CNY") in found
    assert ("CostOfRevenueDepreciationAndAmortization", H1_2025, Decimal("930500000"), -5, "CNY") in found
    assert ("CostOfRevenueOther", H1_2025, Decimal("107700000"), -5, "CNY") in found  # "..., respectively in"


def test_net_current_assets_in_thousands_stated_for_the_notes() -> None:
    """002: "RMB1,602,075 (US$229,094)" under "all values are rounded to the nearest thousand"."""
    assert at_line("002", 495) == {
        ("NetCurrentAssetsLiabilities", Period.instant(date(2025, 12, 31)), Decimal("1602075000"), -3, "CNY"),
        ("NetCurrentAssetsLiabilities", Period.instant(date(2025, 12, 31)), Decimal("229094000"), -3, "USD"),
    }


@pytest.mark.parametrize("prefix,line,concept,value,decimals", [
    ("002", 593, "StatutoryIncomeTaxRate", "0.25", 2),
    ("002", 593, "PreferentialIncomeTaxRate", "0.15", 2),
    ("002", 593, "WithholdingTaxRate", "0.1", 2),
    ("002", 589, "HongKongProfitsTaxRate", "0.165", 3),
    ("004", 590, "StatutoryIncomeTaxRate", "0.25", 2),
])
def test_tax_rates_of_the_notes(prefix: str, line: int, concept: str, value: str, decimals: int) -> None:
    period = FY2025 if prefix == "002" else H1_2025
    assert (concept, period, Decimal(value), decimals, None) in at_line(prefix, line)


def test_offerings_and_their_proceeds() -> None:
    """002: ADSs at US$11.27 per ADS on April 17, 2025, shares at HK$8.29 per Share on October 2, 2025,
    and the aggregate net proceeds of the issues listed before them."""
    april = Period(date(2025, 4, 17), date(2025, 4, 17))
    october = Period(date(2025, 10, 2), date(2025, 10, 2))
    found = at_line("002", 257) | at_line("002", 259)
    assert ("AdsIssued", april, Decimal("17300000"), 0, None) in found
    assert ("IssuePricePerAds", april, Decimal("11.27"), 2, "USD") in found
    assert ("OrdinarySharesIssued", october, Decimal("338000000"), 0, None) in found
    assert ("IssuePricePerShare", october, Decimal("8.29"), 2, "HKD") in found
    assert ("ProceedsFromIssuanceNet", Period(date(2025, 4, 17), date(2025, 6, 17)), Decimal("278986066"), 0,
            "USD") in found
    assert ("ProceedsFromIssuanceNet", october, Decimal("2759989700"), 0, "HKD") in found
    gross = at_line("004", 252)
    assert gross == {("ProceedsFromIssuanceGross", Period(date(2025, 4, 17), date(2025, 6, 17)),
                      Decimal("291911098"), 0, "USD")}


@pytest.mark.parametrize("prefix,period", [("002", FY2025), ("003", Q1_2026), ("004", H1_2025)])
def test_reporting_period_from_the_filing_itself(prefix: str, period: Period) -> None:
    stated, _, _ = stated_period(read_filing(sample(prefix)))
    assert stated == period


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_prose_findings_on_the_samples(prefix: str) -> None:
    _, cells, findings = sample_prose(prefix)
    assert findings == []
    assert all(c.outcome == "fact" for c in cells)
    conversion = convert_document(read_filing(sample(prefix)))
    assert not {f.code for f in conversion.findings} & {PERIOD_UNKNOWN, REPORTING_UNKNOWN, REPORTING_MISMATCH}


# --------------------------------------------------------------------------
# Reworded sentences
# --------------------------------------------------------------------------


def test_prior_quarter() -> None:
    drafts, _, findings = run(QUARTERLY, "IDC costs were RMB911.1 million (US$132.1 million), "
                                         "compared with RMB94.6 million in the prior quarter.")
    assert ("CostOfRevenueIdc", Q4_2025, Decimal("94600000"), -5, "CNY") in figures(drafts)
    assert findings == []


def test_several_comparatives_in_one_sentence() -> None:
    drafts, _, _ = run(QUARTERLY, "IDC costs were RMB1,996.3 million (US$289.4 million), increased by 47.5% "
                                  "year-over-year from RMB1,353.5 million in the same quarter of 2025 and "
                                  "increased by 4.9% quarter-over-quarter from RMB1,902.4 million last quarter.")
    assert figures(drafts) == {
        ("CostOfRevenueIdc", Q1_2026, Decimal("1996300000"), -5, "CNY"),
        ("CostOfRevenueIdc", Q1_2026, Decimal("289400000"), -5, "USD"),
        ("CostOfRevenueIdc", Q1_2025, Decimal("1353500000"), -5, "CNY"),
        ("CostOfRevenueIdc", Q4_2025, Decimal("1902400000"), -5, "CNY"),
    }


def test_quarter_over_quarter_marker_means_the_quarter_before() -> None:
    drafts, _, _ = run(QUARTERLY, "IDC costs decreased quarter-over-quarter from RMB950.0 million "
                                  "to RMB911.1 million (US$132.1 million) this quarter.")
    assert ("CostOfRevenueIdc", Q4_2025, Decimal("950000000"), -5, "CNY") in figures(drafts)


def test_full_year_2024() -> None:
    drafts, _, _ = run(ANNUAL, "IDC costs increased by 7.7% to RMB3,113.4 million (US$445.2 million), "
                               "up from RMB2,892.1 million for the full year 2024.")
    assert figures(drafts) == {
        ("CostOfRevenueIdc", FY2025, Decimal("3113400000"), -5, "CNY"),
        ("CostOfRevenueIdc", FY2025, Decimal("445200000"), -5, "USD"),
        ("CostOfRevenueIdc", FY2024, Decimal("2892100000"), -5, "CNY"),
    }


def test_explicit_quarters_win_over_the_reporting_period() -> None:
    drafts, _, _ = run(QUARTERLY, "Depreciation and amortization costs were RMB818.9 million (US$118.7 million) "
                                  "in the fourth quarter of 2025, compared with RMB400.0 million in the fourth "
                                  "quarter of 2024.")
    assert figures(drafts) == {
        ("CostOfRevenueDepreciationAndAmortization", Q4_2025, Decimal("818900000"), -5, "CNY"),
        ("CostOfRevenueDepreciationAndAmortization", Q4_2025, Decimal("118700000"), -5, "USD"),
        ("CostOfRevenueDepreciationAndAmortization", Period(date(2024, 10, 1), date(2024, 12, 31)),
         Decimal("400000000"), -5, "CNY"),
    }


def test_year_ended_and_six_months_ended() -> None:
    drafts, _, _ = run(INTERIM, "IDC costs were RMB1,525.9 million for the six months ended June 30, 2025, "
                                "compared with RMB2,892.1 million for the year ended December 31, 2024 "
                                "and RMB1,000.0 million in 2023.")
    assert figures(drafts) == {
        ("CostOfRevenueIdc", H1_2025, Decimal("1525900000"), -5, "CNY"),
        ("CostOfRevenueIdc", FY2024, Decimal("2892100000"), -5, "CNY"),
        ("CostOfRevenueIdc", Period(date(2023, 1, 1), date(2023, 12, 31)), Decimal("1000000000"), -5, "CNY"),
    }


def test_period_of_the_subject_and_of_the_opening_phrase() -> None:
    q4_2024 = Period(date(2024, 10, 1), date(2024, 12, 31))
    for text in ("IDC costs for the fourth quarter of 2025 were RMB800.0 million, compared with RMB700.0 million "
                 "a year earlier.",
                 "In the fourth quarter of 2025, IDC costs were RMB800.0 million, compared with RMB700.0 million "
                 "a year earlier."):
        drafts, _, findings = run(QUARTERLY, text)
        assert figures(drafts) == {("CostOfRevenueIdc", Q4_2025, Decimal("800000000"), -5, "CNY"),
                                   ("CostOfRevenueIdc", q4_2024, Decimal("700000000"), -5, "CNY")}
        assert findings == []


def test_two_years_in_one_sentence() -> None:
    drafts, _, _ = run(QUARTERLY, "IDC costs were RMB911.1 million for fiscal year 2025 and RMB800.0 million for "
                                  "fiscal year 2024.")
    assert figures(drafts) == {("CostOfRevenueIdc", FY2025, Decimal("911100000"), -5, "CNY"),
                               ("CostOfRevenueIdc", FY2024, Decimal("800000000"), -5, "CNY")}


def test_a_figure_of_two_years_is_no_fact() -> None:
    """"RMB800.0 million in 2024 and 2023" names no one period."""
    drafts, _, findings = run(ANNUAL, "In 2025, IDC costs were RMB911.1 million, compared with RMB800.0 million "
                                      "in 2024 and 2023.")
    assert figures(drafts) == {("CostOfRevenueIdc", FY2025, Decimal("911100000"), -5, "CNY")}
    assert [(f.code, f.line) for f in findings] == [(PERIOD_UNKNOWN, 3)]


@pytest.mark.parametrize("text,scale_value,decimals", [
    ("IDC costs were RMB3.1 billion in Q1.", "3.1E+9", -8),
    ("IDC costs were RMB790.2 million in Q1.", "790.2E+6", -5),
    ("IDC costs were RMB3 billion in Q1.", "3E+9", -9),
])
def test_scale_from_the_figures_own_words(text: str, scale_value: str, decimals: int) -> None:
    drafts, _, _ = run(QUARTERLY, text)
    assert figures(drafts) == {("CostOfRevenueIdc", Q1_2026, Decimal(scale_value), decimals, "CNY")}


def test_a_caption_above_never_scales_a_sentence() -> None:
    drafts, _, _ = run(QUARTERLY, "(All amounts in thousands)", "IDC costs were RMB911,100 (US$132,100) this quarter.")
    assert figures(drafts) == {("CostOfRevenueIdc", Q1_2026, Decimal("911100"), 0, "CNY"),
                               ("CostOfRevenueIdc", Q1_2026, Decimal("132100"), 0, "USD")}


def test_a_sentence_stating_its_own_scale() -> None:
    drafts, _, _ = run(QUARTERLY, "IDC costs were RMB911,100 (US$132,100) this quarter (in thousands).")
    assert figures(drafts) == {("CostOfRevenueIdc", Q1_2026, Decimal("911100000"), -3, "CNY"),
                               ("CostOfRevenueIdc", Q1_2026, Decimal("132100000"), -3, "USD")}


def test_a_sentences_scale_holds_for_that_sentence_only() -> None:
    drafts, _, _ = run(QUARTERLY, "IDC costs were RMB911,100 (US$132,100) this quarter (in thousands). "
                                  "Other costs were RMB51,400 (US$7,400) this quarter.")
    assert ("CostOfRevenueIdc", Q1_2026, Decimal("911100000"), -3, "CNY") in figures(drafts)
    assert ("CostOfRevenueOther", Q1_2026, Decimal("51400"), 0, "CNY") in figures(drafts)


def test_a_stated_convention_holds_for_whole_amounts_below_it() -> None:
    """"all values are rounded to the nearest thousand (RMB'000)" covers the notes' whole amounts;
    an amount printed with decimals is no thousands figure."""
    drafts, _, _ = run(QUARTERLY, "The financial statements and related notes are presented in RMB and all values "
                                  "are rounded to the nearest thousand (RMB'000) except when otherwise indicated.",
                       "IDC costs were RMB911,100 (US$132,100) this quarter.",
                       "Other costs were RMB51.4 (US$7.4) this quarter.")
    assert figures(drafts) == {
        ("CostOfRevenueIdc", Q1_2026, Decimal("911100000"), -3, "CNY"),
        ("CostOfRevenueIdc", Q1_2026, Decimal("132100000"), -3, "USD"),
        ("CostOfRevenueOther", Q1_2026, Decimal("51.4"), 1, "CNY"),
        ("CostOfRevenueOther", Q1_2026, Decimal("7.4"), 1, "USD"),
    }


def test_no_period_no_fact_and_a_finding() -> None:
    drafts, cells, findings = run(QUARTERLY, "IDC costs were RMB911.1 million.")
    assert drafts == []
    assert [(f.level, f.code, f.file, f.line) for f in findings] == [(Level.WARNING, PERIOD_UNKNOWN, "x.txt", 3)]
    assert "RMB911.1 million" in findings[0].message
    assert cells == [CellResult(3, TEXT_COLUMN, "RMB911.1 million", "skipped",
                                "no period in its sentence (CostOfRevenueIdc)")]


def test_a_comparative_without_a_period_is_no_fact() -> None:
    """Without the filing stating its comparative, "from RMB449.5 million" names no period."""
    drafts, _, findings = run(INTERIM, "Depreciation and amortization costs increased by 107.0% from RMB449.5 "
                                       "million to RMB930.5 million (US$129.9 million) in the first half of 2025.")
    assert ("CostOfRevenueDepreciationAndAmortization", H1_2025, Decimal("930500000"), -5, "CNY") in figures(drafts)
    assert all(d.value != Decimal("449500000") for d in drafts)
    assert [f.code for f in findings] == [PERIOD_UNKNOWN]


def test_reporting_period_falls_back_to_the_tables() -> None:
    revenues = Draft("Revenues", Q1_2026, Decimal("2703700000"), -5, Provenance("x.txt", 1))
    drafts, _, findings = run("IDC costs were RMB911.1 million (US$132.1 million), compared with RMB94.6 million "
                              "last quarter.", tables=[revenues])
    assert ("CostOfRevenueIdc", Q4_2025, Decimal("94600000"), -5, "CNY") in figures(drafts)
    assert findings == []


def test_stated_and_tables_period_disagree() -> None:
    revenues = Draft("Revenues", Q4_2025, Decimal("2761400000"), -5, Provenance("x.txt", 9))
    drafts, _, findings = run(QUARTERLY, "IDC costs were RMB911.1 million (US$132.1 million) this quarter.",
                              tables=[revenues])
    assert [(f.code, f.line) for f in findings] == [(REPORTING_MISMATCH, 1)]
    assert {d.period for d in drafts} == {Q1_2026}  # the filing's own words win


def test_reporting_period_unknown_is_a_finding() -> None:
    drafts, cells, findings = run("IDC costs were RMB911.1 million (US$132.1 million) this quarter, compared with "
                                  "RMB94.6 million last quarter.")
    assert drafts == []
    assert [(f.code, f.line) for f in findings] == [(REPORTING_UNKNOWN, 1)]
    assert [c.outcome for c in cells] == ["skipped", "skipped"]


def test_coverage_report_lists_the_figures_not_taken() -> None:
    text = f"{QUARTERLY}\n\nIDC costs were RMB911.1 million.\n"
    conversion = convert_document(read_text(text, "x.txt"))
    report = cover(conversion, conversion.taxonomy).report()  # type: ignore[arg-type]
    assert "# x.txt: 1 figures of the text not taken" in report
    assert "x.txt:3 text 'RMB911.1 million': skipped no period in its sentence (CostOfRevenueIdc)" in report
    assert any(f.code == PERIOD_UNKNOWN and f.line == 3 for f in conversion.findings)


@pytest.mark.parametrize("text,rate,day", [
    ("The translation has been made at the rate of RMB7.1636 = US$1.00 on June 30, 2025.", "7.1636", date(2025, 6, 30)),
    ("All translations were made at US$1.00 to RMB7.2993, the rate on December 31, 2024.", "7.2993", date(2024, 12, 31)),
    ("Translations were made at RMB6.8980 to US$1.00, the noon buying rate in effect on March 31, 2026.", "6.8980",
     date(2026, 3, 31)),
])
def test_convenience_translation_rate_shapes(text: str, rate: str, day: date) -> None:
    drafts, _, _ = run(QUARTERLY, text)
    assert figures(drafts) == {("ConvenienceTranslationRate", Period.instant(day), Decimal(rate), 4, "CNY/USD")}


# --------------------------------------------------------------------------
# Phrases and quarter arithmetic
# --------------------------------------------------------------------------


def test_the_quarter_before_q1_2026_is_q4_2025() -> None:
    assert previous_quarter(Q1_2026) == Q4_2025


@pytest.mark.parametrize("phrase,period", [
    ("this quarter", Q1_2026),
    ("in the first quarter of 2025", Q1_2025),
    ("in the fourth quarter of 2025", Q4_2025),
    ("Q1", Q1_2026),
    ("in Q4 2025", Q4_2025),
    ("last quarter", Q4_2025),
    ("the previous quarter", Q4_2025),
    ("in the same quarter of 2025", Q1_2025),
    ("in the same period last year", Q1_2025),
    ("a year earlier", Q1_2025),
    ("for the full year 2025", FY2025),
    ("for the year ended December 31, 2025", FY2025),
    ("in 2024", FY2024),
    ("the six months ended June 30, 2025", H1_2025),
    ("in the first half of 2025", H1_2025),
    ("in the fourth quarter last year", Q4_2025),
    ("as of December 31, 2025", Period.instant(date(2025, 12, 31))),
    ("as at 31 December 2024", Period.instant(date(2024, 12, 31))),
])
def test_period_phrases(phrase: str, period: Period) -> None:
    found = phrase_at(phrase)
    assert found is not None and found[1].end() == len(phrase)
    assert resolve(found[0].rule, found[1], Q1_2026, Frame(Q1_2026)) == period
