"""xBRL-JSON and CSV exports carry the same facts, ids and provenance."""

from __future__ import annotations

import csv
import json

import pytest

from arelle_runner import HAVE_ARELLE, problems
from converted import converted, sample


def _json(prefix: str) -> dict:
    out, _ = converted()
    return json.loads((out / (sample(prefix).stem + ".json")).read_text(encoding="utf-8"))


def _find(document: dict, concept: str, period: str, unit: str | None) -> dict:
    hits = [
        f for f in document["facts"].values()
        if f["dimensions"]["concept"] == concept and f["dimensions"]["period"] == period
        and f["dimensions"].get("unit") == unit and len(f["dimensions"]) == (4 if unit else 3)
    ]
    assert len(hits) == 1, hits
    return hits[0]


def test_json_revenues_fy2025() -> None:
    document = _json("002")
    assert document["documentInfo"]["documentType"] == "https://xbrl.org/2021/xbrl-json"
    # the filing's own schema, which imports kc-2026.xsd and carries its calculations
    assert document["documentInfo"]["taxonomy"] == [sample("002").stem + "-ext.xsd"]
    fact = _find(document, "kc:Revenues", "2025-01-01T00:00:00/2026-01-01T00:00:00", "iso4217:CNY")
    assert fact["value"] == "9558619000" and fact["decimals"] == -3
    assert fact["dimensions"]["entity"] == "cik:0001795589"


def test_json_instant_per_share_and_pure() -> None:
    document = _json("002")
    cash = _find(document, "kc:CashAndCashEquivalents", "2026-01-01T00:00:00", "iso4217:USD")
    assert cash["value"] == "860569000"
    eps = _find(document, "kc:EarningsPerShareBasicAndDiluted", "2024-01-01T00:00:00/2025-01-01T00:00:00", "iso4217:CNY/xbrli:shares")
    assert eps["value"] == "-0.54" and eps["decimals"] == 2
    margin = _find(document, "kc:GrossMargin", "2024-01-01T00:00:00/2025-01-01T00:00:00", None)
    assert margin["value"] == "0.172"


def test_csv_has_a_row_per_fact_with_sources() -> None:
    out, _ = converted()
    rows = list(csv.DictReader((out / (sample("002").stem + ".csv")).open(encoding="utf-8")))
    assert len(rows) == len(_json("002")["facts"])
    revenue = [r for r in rows if r["concept"] == "kc:Revenues" and r["period_end"] == "2025-12-31"
               and r["unit"] == "iso4217:CNY" and not r["dimensions"]]
    assert len(revenue) == 1
    assert revenue[0]["value"] == "9558619000"
    # printed four times: highlights (line 74), both statements (198, 367), note 3's total (533)
    assert revenue[0]["sources"].split(";") == [f"{sample('002')}:{n}" for n in (74, 198, 367, 533)]


@pytest.mark.arelle
@pytest.mark.skipif(not HAVE_ARELLE, reason="arelle-release is not installed")
@pytest.mark.parametrize("prefix", ["000", "003"])
def test_arelle_loads_the_json_cleanly(prefix: str, tmp_path) -> None:
    import subprocess
    import sys

    from arelle_runner import ArelleMessage
    from lxml import etree

    out, _ = converted()
    log = tmp_path / "log.xml"
    subprocess.run(
        [sys.executable, "-m", "arelle.CntlrCmdLine", "--plugins", "loadFromOIM",
         "--file", str(out / (sample(prefix).stem + ".json")), "--validate",
         "--internetConnectivity", "offline", "--logFile", str(log)],
        check=False, capture_output=True, timeout=300,
    )
    entries = [ArelleMessage(e.get("level", ""), e.get("code", ""), "") for e in etree.parse(str(log)).getroot().iter("entry")]
    assert entries, "Arelle wrote no log"
    assert problems(entries) == []
