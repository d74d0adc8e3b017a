"""The modules of kcxbrl.extract.prose, one at a time, on sentences of sample 002 (annual results 2025)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from converted import sample
from kcxbrl.extract.prose.collect import TEXT_COLUMN, Collector, emit
from kcxbrl.extract.prose.drafts import prose_drafts
from kcxbrl.extract.prose.figures import Sentence, amounts, percents, sentences
from kcxbrl.extract.prose.phrases import Frame, leading, stated_period
from kcxbrl.extract.prose.placing import REASON_REPORTING, place
from kcxbrl.extract.prose.rules import rules
from kcxbrl.extract.prose.shapes import special
from kcxbrl.text.read import read_filing
from kcxbrl.xbrl.model import Document, Period

FY2025 = Period(date(2025, 1, 1), date(2025, 12, 31))
FY2024 = Period(date(2024, 1, 1), date(2024, 12, 31))
IDC = ("IDC costs increased by 7.7% to RMB3,113.4 million (US$445.2 million) from RMB2,892.1 million in 2024.")


@lru_cache(maxsize=1)
def annual() -> Document:
    return read_filing(sample("002"))


def test_rules_name_the_anchored_concepts() -> None:
    loaded = rules()
    assert [c for c, _ in loaded.amounts][:2] == ["CostOfRevenueIdc", "CostOfRevenueDepreciationAndAmortization"]
    assert {"GrossMargin", "AdjustedGrossMargin", "StatutoryIncomeTaxRate"} <= loaded.concepts()


def test_figures_of_a_sentence_with_their_translation() -> None:
    found = amounts(IDC, Sentence(225, IDC))
    assert [(f.text, f.value, f.decimals) for f in found] == [
        ("RMB3,113.4 million (US$445.2 million)", Decimal("3113400000"), -5),
        ("RMB2,892.1 million", Decimal("2892100000"), -5),
    ]
    assert found[0].usd == (Decimal("445200000"), -5)
    # a change is no level
    assert percents(IDC) == []
    assert [(f.text, f.value) for f in percents("Gross margin was 15.7%, compared with 17.2% in 2024.")] == [
        ("15.7%", Decimal("0.157")), ("17.2%", Decimal("0.172"))]


def test_sentences_carry_their_line() -> None:
    found = [s for s in sentences(annual()) if "IDC costs increased" in s.text]
    assert [(s.line, s.text) for s in found] == [(225, "Among which: " + IDC)]


def test_the_filing_states_its_year_and_comparative() -> None:
    period, line, frame = stated_period(annual())
    assert (period, line) == (FY2025, 59)
    assert frame == Frame(FY2025, FY2024)
    assert leading("In 2025, our total capital expenditures were RMB1.0 million.") is not None


def test_each_figure_is_placed_by_its_own_words() -> None:
    clause = "Gross margin was 15.7%, compared with 17.2% in 2024."
    placed = place(clause, percents(clause), Frame(FY2025, FY2024))
    assert [(p.figure.text, p.period, p.current) for p in placed] == [
        ("15.7%", FY2025, True), ("17.2%", FY2024, False)]
    # no reporting period: a US$ translation cannot be dated
    text = "Revenues were RMB1.0 million (US$0.1 million)."
    unknown = place(text, amounts(text, Sentence(1, text)), Frame(None))
    assert [(p.period, p.reason) for p in unknown] == [(None, REASON_REPORTING)]


def test_a_placed_figure_becomes_two_drafts_and_a_record() -> None:
    out = Collector("002.txt")
    s = Sentence(225, IDC)
    placed = place(IDC, amounts(IDC, s), Frame(FY2025, FY2024))
    emit("CostOfRevenueIdc", placed[0], s, out, "CNY")
    assert [(d.value, d.currency, d.period, d.source.line, d.source.column) for d in out.drafts] == [
        (Decimal("3113400000"), "CNY", FY2025, 225, "text"), (Decimal("445200000"), "USD", FY2025, 225, "text")]
    assert [(c.column, c.text, c.outcome) for c in out.cells] == [
        (TEXT_COLUMN, "RMB3,113.4 million (US$445.2 million)", "fact"), (TEXT_COLUMN, "US$", "fact")]


def test_shapes_of_their_own() -> None:
    out = Collector("002.txt")
    for s in sentences(annual()):
        if s.line in (269, 285, 495, 511):
            special(s, out)
    got = {(d.concept, d.currency, d.period.end, d.source.line): d.value for d in out.drafts}
    end, before = date(2025, 12, 31), date(2024, 12, 31)
    assert got == {
        ("GearingRatio", None, end, 269): Decimal("0.652"),
        ("GearingRatio", None, before, 269): Decimal("0.687"),
        ("NumberOfEmployees", None, end, 285): Decimal("15225"),
        ("NetCurrentAssetsLiabilities", "CNY", end, 495): Decimal("1602075000"),
        ("NetCurrentAssetsLiabilities", "USD", end, 495): Decimal("229094000"),
        ("ConvenienceTranslationRate", "CNY/USD", end, 511): Decimal("6.9931"),
    }


def test_the_whole_text_of_002() -> None:
    drafts, cells, findings = prose_drafts(annual(), [])
    idc = [(d.value, d.currency, d.period) for d in drafts if d.concept == "CostOfRevenueIdc"]
    assert idc == [(Decimal("3113400000"), "CNY", FY2025), (Decimal("445200000"), "USD", FY2025),
                   (Decimal("2892100000"), "CNY", FY2024)]
    issued = [(d.concept, d.value, d.currency, d.period.start) for d in drafts if d.source.line == 257]
    assert issued[:2] == [("AdsIssued", Decimal("17300000"), None, date(2025, 4, 17)),
                          ("IssuePricePerAds", Decimal("11.27"), "USD", date(2025, 4, 17))]
    assert ("ProceedsFromIssuanceNet", Decimal("2759989700"), "HKD", date(2025, 10, 2)) in [
        (d.concept, d.value, d.currency, d.period.start) for d in drafts]
    assert len(cells) >= len(drafts) and findings == []
