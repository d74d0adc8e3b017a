"""The Python API: kcxbrl.convert, kcxbrl.load, kcxbrl.validate."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest
from lxml import etree

import kcxbrl
from converted import converted, sample
from paths import ROOT

XBRLI = "http://www.xbrl.org/2003/instance"
PREFIXES = ["000", "001", "002", "003", "004"]
REQUIRED = {"concept", "label", "us_gaap", "value", "decimals", "unit", "period_start", "period_end", "dimensions", "sources"}


def _written(prefix: str, suffix: str) -> Path:
    out, _ = converted()
    return out / (sample(prefix).stem + suffix)


@lru_cache(maxsize=8)
def _converted(prefix: str) -> tuple[dict, ...]:
    """The records of sample `prefix`, converted in memory once."""
    return tuple(kcxbrl.convert(sample(prefix)).to_records())


def _without_sources(records: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "sources"} for r in records]


def _revenue_fy2025(records: list[dict]) -> dict:
    hits = [r for r in records if r["concept"] == "kc:Revenues" and r["period_start"] == "2025-01-01"
            and r["period_end"] == "2025-12-31" and r["unit"] == "iso4217:CNY" and not r["dimensions"]]
    assert len(hits) == 1, hits
    return hits[0]


def test_import_is_light() -> None:
    """`import kcxbrl` loads none of the pipeline (nor lxml, pydantic, jinja2)."""
    code = "import sys, kcxbrl; print(sorted(m for m in sys.modules if m.startswith(('kcxbrl.', 'lxml', 'pydantic', 'jinja2'))))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=ROOT, env={"PYTHONPATH": str(ROOT)})
    assert result.stdout.strip() == "[]"


def test_convert_and_validate_are_the_api_functions() -> None:
    from kcxbrl import api
    from kcxbrl.pipeline import convert_files  # the pipeline keeps its own module

    assert kcxbrl.convert is api.convert and kcxbrl.validate is api.validate
    assert callable(convert_files)


def test_revenues_fy2025() -> None:
    conversion = kcxbrl.convert(str(sample("002")))
    revenue = _revenue_fy2025(conversion.to_records())
    assert revenue["value"] == "9558619000" and revenue["decimals"] == -3
    assert (revenue["label"], revenue["us_gaap"], revenue["dei"]) == ("Revenues", "us-gaap:Revenues", None)
    assert revenue["statement"] == "Statements of comprehensive loss"
    assert revenue["entity"] == "0001795589" and revenue["entity_scheme"] == "http://www.sec.gov/CIK"
    # printed in the highlights (line 74), both statements (198, 367) and note 3's total (533)
    assert [s["line"] for s in revenue["sources"]] == [74, 198, 367, 533]
    statement = revenue["sources"][1]
    assert statement["row"] == "Total revenues" and statement["table_title"].endswith("STATEMENTS OF COMPREHENSIVE LOSS")
    assert statement["column"].startswith("For the year ended December 31, 2025")
    fact = next(f for f in conversion.facts if f.id == revenue["id"])
    assert fact.number == Decimal("9558619000") and fact.unit == "iso4217:CNY"


def test_facts_carry_periods_dimensions_and_the_cover_follows_dei() -> None:
    records = kcxbrl.convert(Path(sample("002"))).to_records()
    assert REQUIRED <= set(records[0])
    json.dumps(records)  # JSON-serialisable as it is
    cash = [r for r in records if r["concept"] == "kc:CashAndCashEquivalents" and r["unit"] == "iso4217:USD"
            and r["period_end"] == "2025-12-31" and not r["dimensions"]]
    assert [(c["value"], c["period_start"], c["period_instant"]) for c in cash] == [("860569000", None, "2025-12-31")]
    eps = [r for r in records if r["concept"] == "kc:EarningsPerShareBasicAndDiluted" and r["period_end"] == "2024-12-31"
           and r["unit"] == "iso4217:CNY/xbrli:shares"]
    assert [(e["value"], e["decimals"], e["us_gaap"]) for e in eps] == [("-0.54", 2, "us-gaap:EarningsPerShareBasicAndDiluted")]
    public_cloud = [r for r in records if r["concept"] == "kc:Revenues" and r["period_end"] == "2025-12-31"
                    and r["unit"] == "iso4217:CNY" and r["dimensions"] == {
                        "kc:RevenueRecognitionTimingAxis": "kc:OverTimeMember",
                        "kc:ServiceLineAxis": "kc:PublicCloudServicesMember"}]
    assert [p["value"] for p in public_cloud] == ["6633492000"]
    assert public_cloud[0]["statement"] == "Revenues by service line and timing of recognition"
    doc_type = next(r for r in records if r["concept"] == "kc:DocumentType")
    assert (doc_type["value"], doc_type["dei"], doc_type["us_gaap"], doc_type["decimals"]) == ("6-K", "dei:DocumentType", None, None)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_records_equal_the_facts_of_the_instance(prefix: str) -> None:
    records = list(_converted(prefix))
    root = etree.parse(str(_written(prefix, ".xbrl"))).getroot()
    written = {e.get("id"): e for e in root if isinstance(e.tag, str) and e.get("contextRef")}
    assert len(records) == len(written)
    for record in records:
        element = written[record["id"]]
        assert f"{element.prefix}:{etree.QName(element).localname}" == record["concept"]
        if element.get("unitRef"):
            assert Decimal(element.text) == Decimal(record["value"])
            assert int(element.get("decimals")) == record["decimals"]
        else:
            assert element.text == record["value"] and record["decimals"] is None


@pytest.mark.parametrize("prefix", PREFIXES)
def test_load_reads_the_instance_and_its_json_into_the_same_records(prefix: str) -> None:
    converted_records = _without_sources(list(_converted(prefix)))
    from_xml = kcxbrl.load(_written(prefix, ".xbrl")).to_records()
    from_json = kcxbrl.load(str(_written(prefix, ".json"))).to_records()
    assert _without_sources(from_xml) == converted_records
    assert _without_sources(from_json) == converted_records
    assert all(r["sources"] == [] for r in from_xml)


def test_load_reads_anyones_xbrl_json(tmp_path) -> None:
    document = {
        "documentInfo": {
            "documentType": "https://xbrl.org/2021/xbrl-json",
            "namespaces": {"us-gaap": "http://fasb.org/us-gaap/2024", "iso4217": "http://www.xbrl.org/2003/iso4217",
                           "cik": "http://www.sec.gov/CIK", "dei": "http://xbrl.sec.gov/dei/2024"},
            "taxonomy": ["https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd"],
        },
        "facts": {
            "rev": {"value": "9558619000", "decimals": -3, "dimensions": {
                "concept": "us-gaap:Revenues", "entity": "cik:0001795589",
                "period": "2025-01-01T00:00:00/2026-01-01T00:00:00", "unit": "iso4217:CNY"}},
            "doc": {"value": "6-K", "dimensions": {
                "concept": "dei:DocumentType", "entity": "cik:0001795589", "period": "2025-12-31T00:00:00/2026-01-01T00:00:00"}},
        },
    }
    path = tmp_path / "theirs.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    records = {r["id"]: r for r in kcxbrl.load(path).to_records()}
    assert records["rev"]["value"] == "9558619000" and records["rev"]["decimals"] == -3
    assert (records["rev"]["period_start"], records["rev"]["period_end"]) == ("2025-01-01", "2025-12-31")
    assert records["rev"]["unit"] == "iso4217:CNY" and records["rev"]["entity"] == "0001795589"
    assert records["doc"]["value"] == "6-K" and records["doc"]["unit"] is None and records["doc"]["decimals"] is None


def test_validate_returns_findings(tmp_path) -> None:
    assert [f for f in kcxbrl.validate(str(_written("002", ".xbrl"))) if f.level.value == "error"] == []
    broken = tmp_path / "broken.xbrl"
    broken.write_text("<xbrl>", encoding="utf-8")
    assert any(f.code for f in kcxbrl.validate(broken))


def test_unreadable_input_is_an_error(tmp_path) -> None:
    from kcxbrl.errors import InputError

    with pytest.raises(InputError):
        kcxbrl.convert(tmp_path / "missing.txt")
    not_xbrl = tmp_path / "x.json"
    not_xbrl.write_text('{"a": 1}', encoding="utf-8")
    with pytest.raises(InputError):
        kcxbrl.load(not_xbrl)


def test_write_puts_the_checked_files_in_place(tmp_path) -> None:
    conversion = kcxbrl.convert(sample("000"))
    result = conversion.write(tmp_path / "out", xbrl_csv=True)
    stem = sample("000").stem
    assert result.written and not result.has_errors
    assert (tmp_path / "out" / f"{stem}.xbrl").is_file() and (tmp_path / "out" / stem / "metadata.json").is_file()
    written = kcxbrl.load(tmp_path / "out" / f"{stem}.xbrl").to_records()
    assert _without_sources(written) == _without_sources(conversion.to_records())


def test_to_dataframe_without_pandas_says_what_to_install(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if pandas were not installed
    with pytest.raises(ImportError, match=r"kcxbrl\[pandas\]"):
        kcxbrl.convert(sample("000")).to_dataframe()


def test_to_dataframe() -> None:
    pandas = pytest.importorskip("pandas", reason="pandas is an optional extra (kcxbrl[pandas]) and is not installed")
    frame = kcxbrl.convert(sample("002")).to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    revenue = frame[(frame.concept == "kc:Revenues") & (frame.period_end == "2025-12-31") & (frame.unit == "iso4217:CNY")
                    & (frame.dimensions.map(len) == 0)]
    assert list(revenue.value) == [Decimal("9558619000")]
