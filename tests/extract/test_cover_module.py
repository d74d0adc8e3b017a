"""kcxbrl.extract.cover on its own: the drafts of sample 000's cover, and what an unreadable cover gives."""

from __future__ import annotations

from datetime import date

from converted import sample
from kcxbrl.extract.cover import EXHIBIT_AXIS, cover_facts, cover_month
from kcxbrl.extract.entities import find_file_number, identify
from kcxbrl.extract.kinds import COVER_TITLE, SIGNATURE_TITLE, detect
from kcxbrl.text.read import read_filing, read_text
from kcxbrl.xbrl.model import Member, Period

JANUARY_2026 = Period(date(2026, 1, 1), date(2026, 1, 31))


def test_cover_drafts_of_000() -> None:
    document = read_filing(sample("000"))
    _, registrant, _ = identify(document)
    drafts, findings = cover_facts(document, detect(document), registrant)
    got = {d.concept: (d.value, d.source.line) for d in drafts}
    assert got["DocumentPeriodEndDate"] == ("2026-01-31", 12)
    assert got["DocumentType"] == ("6-K", 6)
    assert got["EntityFileNumber"] == ("001-39278", 14)
    assert got["EntityAddressCityOrTown"] == ("Beijing", 21)
    assert got["EntityAddressPostalZipCode"] == ("100085", 21)
    assert got["HkexStockCode"] == ("03896", 68)  # printed only in the monthly return's table
    assert got["SignerTitle"] == ("Chief Financial Officer", 49)
    assert {d.period for d in drafts} == {JANUARY_2026}
    exhibit = next(d for d in drafts if d.concept == "ExhibitDescription")
    assert exhibit.members == (Member(EXHIBIT_AXIS, "99.1", typed=True),)
    # the cover prints no check mark: the form comes from the registry, and says so
    assert got["AnnualReportForm"] == ("20-F", 26)
    assert [(f.code, f.line) for f in findings] == [("kcxbrl:annualReportFormFromRegistry", 26)]


def test_one_reading_of_title_file_number_and_month() -> None:
    document = read_filing(sample("000"))
    assert find_file_number(document) == ("001-39278", 14)
    assert cover_month(document.text_lines) == (JANUARY_2026, 12)
    assert COVER_TITLE.match("FORM 6-K") and SIGNATURE_TITLE.match("SIGNATURES")


def test_a_cover_without_its_month_gives_no_facts() -> None:
    document = read_text("FORM 6-K\nCommission File Number: 001-39278\nSIGNATURE\nBy: x\n", "bare.txt")
    drafts, findings = cover_facts(document, detect(document), None)
    assert drafts == []
    assert [(f.code, f.line) for f in findings] == [("kcxbrl:coverNoMonth", 1)]


def test_a_cover_without_signature_block_is_reported() -> None:
    document = read_text("FORM 6-K\nFor the month of March 2026\nCommission File Number: 001-39278\n", "nosig.txt")
    drafts, findings = cover_facts(document, detect(document), None)
    assert [(d.concept, d.value) for d in drafts] == [
        ("DocumentPeriodEndDate", "2026-03-31"), ("DocumentType", "6-K"), ("EntityFileNumber", "001-39278")]
    assert [f.code for f in findings] == ["kcxbrl:coverNoSignature"]
