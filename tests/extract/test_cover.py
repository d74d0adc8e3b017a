"""Cover facts of every sample: document, registrant, signature, exhibits."""

from __future__ import annotations


import pytest

from converted import dimensional, facts, sample
from kcxbrl.extract.kinds import Kind, detect
from kcxbrl.text.read import read_filing


# prefix → (cover context, period end, signature date, signer, title, exhibits)
COVERS = {
    "000": ("M2026-01", "2026-01-31", "2026-01-07", "Yi Li", "Chief Financial Officer",
            {"99.1": "Monthly Return for Equity Issuer on Movements in Securities"}),
    "001": ("M2025-01", "2025-01-31", "2025-01-07", "Haijian He", "Chief Financial Officer and Director",
            {"99.1": "Monthly Return for Equity Issuer on Movements in Securities"}),
    "002": ("M2026-03", "2026-03-31", "2026-03-25", "Yi Li", "Chief Financial Officer",
            {"99.1": "Preliminary Announcement of Annual Results",
             "99.2": "Announcement — (I) Resignation of Non-Executive Director",
             "99.3": "Announcement — Proposed Adoption of 2026 Share Incentive Plan"}),
    "003": ("M2026-05", "2026-05-31", "2026-05-27", "Yi Li", "Chief Financial Officer",
            {"99.1": "Press Release — Kingsoft Cloud Announces Unaudited First Quarter 2026 Financial Results"}),
    "004": ("M2025-08", "2025-08-31", "2025-08-20", "Tao Zou",
            "Vice Chairman of the Board, Executive Director, and acting Chief Executive Officer",
            {"99.1": "Interim Results Announcement for the Six Months Ended June 30, 2025"}),
}


def text_of(prefix: str, concept: str, context: str) -> str:
    return facts(prefix)[(concept, context, None)].value


@pytest.mark.parametrize("prefix", sorted(COVERS))
def test_cover_facts(prefix: str) -> None:
    ctx, end, signed, signer, title, _ = COVERS[prefix]
    assert text_of(prefix, "DocumentType", ctx) == "6-K"
    assert text_of(prefix, "DocumentPeriodEndDate", ctx) == end
    assert text_of(prefix, "EntityRegistrantName", ctx) == "Kingsoft Cloud Holdings Limited"
    assert text_of(prefix, "EntityFileNumber", ctx) == "001-39278"
    assert text_of(prefix, "SignatureDate", ctx) == signed
    assert text_of(prefix, "SignerName", ctx) == signer
    assert text_of(prefix, "SignerTitle", ctx) == title
    assert text_of(prefix, "EntityAddressCityOrTown", ctx) == "Beijing"
    assert text_of(prefix, "EntityAddressPostalZipCode", ctx) == "100085"
    assert text_of(prefix, "AnnualReportForm", ctx) == "20-F"
    assert facts(prefix)[("EntityRegistrantName", ctx, None)].lang == "en"
    assert facts(prefix)[("DocumentPeriodEndDate", ctx, None)].lang is None


@pytest.mark.parametrize("prefix", sorted(COVERS))
def test_exhibits(prefix: str) -> None:
    expected = COVERS[prefix][5]
    got = {m["kc:ExhibitNumberAxis"]: value for concept, _, _, m, value, _ in dimensional(prefix)
           if concept == "ExhibitDescription"}
    assert sorted(got) == sorted(expected)
    for number, start in expected.items():
        assert got[number].startswith(start)


@pytest.mark.parametrize("prefix", ["002", "004"])
def test_chinese_name_and_listing(prefix: str) -> None:
    ctx = COVERS[prefix][0]
    name = facts(prefix)[("EntityRegistrantNameChinese", ctx, None)]
    assert (name.value, name.lang) == ("金山云控股有限公司", "zh")
    assert text_of(prefix, "HkexStockCode", ctx) == "3896"
    assert text_of(prefix, "TradingSymbol", ctx) == "KC"


def test_kinds() -> None:
    kinds = {p: detect(read_filing(sample(p))) for p in COVERS}
    assert kinds["000"].holds(Kind.MONTHLY_RETURN) and kinds["001"].holds(Kind.MONTHLY_RETURN)
    assert all(k.holds(Kind.COVER) for k in kinds.values())
    assert [e.kind for e in kinds["002"].exhibits] == [Kind.RESULTS, Kind.ANNOUNCEMENT, Kind.ANNOUNCEMENT]
    assert not kinds["003"].holds(Kind.MONTHLY_RETURN)
    assert [e.number for e in kinds["004"].exhibits] == ["99.1"]


def test_annual_report_form_source() -> None:
    from kcxbrl.pipeline import convert_document
    from kcxbrl.text.read import read_text

    marked = sample("000").read_text(encoding="utf-8").replace("Form 20-F Form 40-F", "Form 20-F Form 40-F ☒")
    conversion = convert_document(read_text(marked, "marked.txt"))
    forms = [f for f in conversion.instance.facts if f.concept == "AnnualReportForm"]
    assert [f.value for f in forms] == ["40-F"]
    assert not any(f.code == "kcxbrl:annualReportFormFromRegistry" for f in conversion.findings)
    plain = convert_document(read_filing(sample("000")))
    noted = [f for f in plain.findings if f.code == "kcxbrl:annualReportFormFromRegistry"]
    assert noted and noted[0].line == 26


def test_every_cover_fact_has_provenance() -> None:
    from kcxbrl.pipeline import convert_document

    conversion = convert_document(read_filing(sample("004")))
    for fact in conversion.instance.facts:
        assert fact.sources and all(s.file and s.line > 0 for s in fact.sources)
