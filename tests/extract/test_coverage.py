"""Every number of the samples' tables is a fact, a duplicate or skipped for a reason."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from kcxbrl.cli import main
from kcxbrl.pipeline import ConversionResult, convert_document
from kcxbrl.extract.coverage import CoveredNumber, _covered, cover, tokens
from kcxbrl.text.read import read_filing

from case_runs import sample_run
from converted import sample
from paths import ROOT

# (numbers in tables, facts, duplicates, skipped), checked against the filings
COUNTS = {
    "000": (43, 26, 3, 14),
    "001": (43, 26, 3, 14),
    "002": (622, 389, 121, 112),
    "003": (389, 332, 19, 38),  # three margins of the quarterly table are first stated in the text
    "004": (585, 370, 114, 100),
}
# numbers no column can be given: 004's malformed margin row prints one value
# for two columns, its label in a value cell (kcxbrl:rowShapeMismatch)
UNPLACED = {"004": [103]}


def report_of(prefix: str) -> tuple[ConversionResult, str]:
    """The conversion of sample ``prefix`` with --report (its golden case run) and the report's text."""
    result = sample_run(prefix).result
    assert result.report is not None
    return result, result.report.read_text(encoding="utf-8")


def line_of(prefix: str, label: str) -> int:
    lines = sample(prefix).read_text(encoding="utf-8").splitlines()
    return next(i for i, text in enumerate(lines, 1) if "\t" in text and text.split("\t")[0].strip() == label)


def outcomes(prefix: str, line: int) -> list[str]:
    text = report_of(prefix)[1]
    return re.findall(rf"^\S+:{line} table \d+ cell \d+ '[^']*': (.*)$", text, re.M)


@pytest.mark.parametrize("prefix", sorted(COUNTS))
def test_no_number_of_a_table_is_unexplained(prefix: str) -> None:
    result, text = report_of(prefix)
    assert result.coverage is not None
    unexplained = [n for n in result.coverage.numbers if n.outcome == "unexplained"]
    assert [n.line for n in unexplained] == UNPLACED.get(prefix, [])
    assert all("does not fit the columns" in n.detail for n in unexplained)
    assert text.count("UNEXPLAINED") == len(UNPLACED.get(prefix, []))


@pytest.mark.parametrize("prefix", sorted(COUNTS))
def test_counts_per_filing(prefix: str) -> None:
    result, text = report_of(prefix)
    total, facts, duplicates, skipped = COUNTS[prefix]
    unplaced = len(UNPLACED.get(prefix, []))
    coverage = result.coverage
    assert coverage is not None
    assert (len(coverage.numbers), coverage.count("fact"), coverage.count("duplicate"), coverage.count("skipped")) == (
        total, facts, duplicates, skipped)
    assert text.splitlines()[0].endswith(
        f"{total} numbers in tables; fact {facts}, duplicate {duplicates}, skipped {skipped}, unexplained {unplaced}")
    table_lines = [t for t in text.splitlines() if re.match(r"^\S+:\d+ table ", t)]
    assert len(table_lines) == total
    assert (f"numbers: {total} in tables, {facts + duplicates} facts/duplicates, {skipped} skipped, "
            f"{unplaced} unexplained") in result.summary()


# one printed row per note table of 002, with the facts its three columns became
NOTE_ROWS = [
    ("Government grants", ["kc:GovernmentGrants context FY2024 unit CNY", "kc:GovernmentGrants context FY2025 unit CNY",
                           "kc:GovernmentGrants context FY2025 unit USD"]),
    ("Not yet due", ["kc:AccountsReceivableNetCurrent context AsOf2024-12-31_NotYetDueMember unit CNY",
                     "kc:AccountsReceivableNetCurrent context AsOf2025-12-31_NotYetDueMember unit CNY",
                     "kc:AccountsReceivableNetCurrent context AsOf2025-12-31_NotYetDueMember unit USD"]),
    ("Share of gains from an equity method investment",
     ["kc:ShareOfGainLossOfEquityMethodInvestment context FY2024 unit CNY",
      "kc:ShareOfGainLossOfEquityMethodInvestment context FY2025 unit CNY",
      "kc:ShareOfGainLossOfEquityMethodInvestment context FY2025 unit USD"]),
    ("Accounts receivable", ["kc:AccountsReceivableGrossCurrent context AsOf2024-12-31 unit CNY",
                             "kc:AccountsReceivableGrossCurrent context AsOf2025-12-31 unit CNY",
                             "kc:AccountsReceivableGrossCurrent context AsOf2025-12-31 unit USD"]),
    ("Chinese mainland", ["kc:IncomeLossBeforeIncomeTaxes context FY2024_ChineseMainlandMember unit CNY",
                          "kc:IncomeLossBeforeIncomeTaxes context FY2025_ChineseMainlandMember unit CNY",
                          "kc:IncomeLossBeforeIncomeTaxes context FY2025_ChineseMainlandMember unit USD"]),
    ("Current income tax expense", ["kc:CurrentIncomeTaxExpenseBenefit context FY2024 unit CNY",
                                    "kc:CurrentIncomeTaxExpenseBenefit context FY2025 unit CNY",
                                    "kc:CurrentIncomeTaxExpenseBenefit context FY2025 unit USD"]),
]


@pytest.mark.parametrize(("label", "expected"), NOTE_ROWS)
def test_note_rows_of_002_become_facts(label: str, expected: list[str]) -> None:
    assert outcomes("002", line_of("002", label)) == [f"fact {e}" for e in expected]


def test_repeated_figures_name_the_first_printing() -> None:
    # the revenue disaggregation's total repeats the highlights' revenues (line 74)
    line = line_of("002", "Revenues")
    found = [o for o in outcomes("002", 533)]
    assert found[1] == f"duplicate kc:Revenues context FY2025 unit CNY (first printed at line {line})"


def test_reasons_for_skipped_numbers() -> None:
    assert outcomes("002", 74)[2] == "skipped percentage change column"
    notes = outcomes("002", line_of("002", "Accounts receivable, net"))
    assert notes[0] == "skipped note reference"
    assert set(outcomes("002", 72)) == {"skipped year or date in a header"}
    assert outcomes("000", 92)[:2] == [
        "skipped row number", "skipped part of the name '2013 Share Option Scheme' (a typed dimension member)"]
    assert outcomes("000", 79) == ["duplicate kc:HkexStockCode context M2026-01 (first printed at line 68)"]
    # the label of the malformed margin row sits in a value column and one value follows
    # for two columns: whether it is 2024's or 2025's is unknown, so it is no fact
    assert outcomes("004", 103) == [
        "UNEXPLAINED not converted: row 'Gross margin' does not fit the columns: its label sits in a value "
        "column and 1 cell(s) follow it for 2 column(s), so no value's column is known"]


def test_tokens_of_a_cell() -> None:
    assert [t.text for t in tokens("(1,979,042)")] == ["(1,979,042)"]
    assert [t.text for t in tokens("As at December 31, 2024 RMB")] == ["December 31, 2024"]
    assert [t.text for t in tokens("1). 2013 Share Option Scheme")] == ["1", "2013"]
    assert [t.text for t in tokens("Total of AA1 to EE1: RMB'000")] == []
    assert tokens("Exercised - new shares involved -2,370,720")[0].text == "-2,370,720"


def test_report_option_writes_the_file_and_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the filing named as in the golden case
    name = sample("000").relative_to(ROOT).as_posix()
    assert main(["convert", name, "--out", str(tmp_path), "--report", "--quiet"]) == 0
    line = capsys.readouterr().out.strip()
    assert re.match(rf"^{re.escape(name)}: 46 facts, 12 contexts, 3 units; findings: ", line)
    assert "; numbers: 43 in tables, 29 facts/duplicates, 14 skipped, 0 unexplained -> " in line
    report = tmp_path / (sample("000").stem + ".report.txt")
    assert report.read_text(encoding="utf-8") == report_of("000")[1]


def test_no_report_file_without_the_option(tmp_path: Path) -> None:
    assert main(["convert", str(sample("000")), "--out", str(tmp_path), "--quiet"]) == 0
    assert not list(tmp_path.glob("*.report.txt"))


def test_report_lists_the_figures_taken_from_the_text() -> None:
    report = report_of("004")[1]
    assert "figures taken from the text" in report
    # the gross margin of H1 2025 exists only in the text (line 220)
    assert f"{sample('004').name}:220 text: fact kc:GrossMargin context H1-2025 unit pure value 0.152" in report
    assert f"{sample('004').name}:508 text: fact kc:ConvenienceTranslationRate context AsOf2025-06-30 unit CNYPerUSD value 7.1636" in report


def test_a_covered_number_made_at_once_is_the_one_its_constructor_makes() -> None:
    fields = (12, 3, 2, "1,234", "fact", "kc:Revenues context FY2025 unit CNY")
    made, built = _covered(*fields), CoveredNumber(*fields)
    assert made == built and repr(made) == repr(built) and type(made) is CoveredNumber


def test_the_report_is_the_same_when_drafts_are_matched_to_facts_by_identity() -> None:
    conversion = convert_document(read_filing(sample("002")))
    assert conversion.trace is not None and len(conversion.trace.facts_of) > 400
    alone = replace(conversion, trace=replace(conversion.trace, facts_of={}))
    assert cover(alone, conversion.taxonomy).report() == cover(conversion, conversion.taxonomy).report()
