"""xBRL-JSON and CSV exports carry the same facts, ids and provenance."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from arelle_runner import ArelleOptions, arelle_check, needs_arelle
from case_runs import sample_run
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
    # the us-gaap / dei counterpart, an extension property named as the schema's attribute
    assert fact["kcm:usGaapConcept"] == "us-gaap:Revenues" and "kcm:deiConcept" not in fact
    assert document["documentInfo"]["namespaces"]["kcm"] == "http://kcxbrl.org/taxonomy/meta"
    cover = [f for f in document["facts"].values() if f["dimensions"]["concept"] == "kc:DocumentType"]
    assert [f.get("kcm:deiConcept") for f in cover] == ["dei:DocumentType"]


def test_json_instant_per_share_and_pure() -> None:
    document = _json("002")
    cash = _find(document, "kc:CashAndCashEquivalents", "2026-01-01T00:00:00", "iso4217:USD")
    assert cash["value"] == "860569000"
    eps = _find(document, "kc:EarningsPerShareBasicAndDiluted", "2024-01-01T00:00:00/2025-01-01T00:00:00", "iso4217:CNY/xbrli:shares")
    assert eps["value"] == "-0.54" and eps["decimals"] == 2
    margin = _find(document, "kc:GrossMargin", "2024-01-01T00:00:00/2025-01-01T00:00:00", None)
    assert margin["value"] == "0.172"


def _csv_rows(prefix: str) -> list[dict[str, str]]:
    out, _ = converted()
    return list(csv.DictReader((out / (sample(prefix).stem + ".csv")).open(encoding="utf-8")))


def test_csv_has_a_row_per_fact_with_sources() -> None:
    rows = _csv_rows("002")
    assert len(rows) == len(_json("002")["facts"])
    revenue = [r for r in rows if r["concept"] == "kc:Revenues" and r["period_end"] == "2025-12-31"
               and r["unit"] == "iso4217:CNY" and not r["kc:ServiceLineAxis"] and not r["kc:RevenueRecognitionTimingAxis"]]
    assert len(revenue) == 1
    assert revenue[0]["value"] == "9558619000"
    # printed four times: highlights (line 74), both statements (198, 367), note 3's total (533)
    assert revenue[0]["sources"].split(";") == [f"{sample('002')}:{n}" for n in (74, 198, 367, 533)]


def test_csv_describes_each_fact() -> None:
    rows = _csv_rows("002")
    revenue = next(r for r in rows if r["concept"] == "kc:Revenues" and r["period_end"] == "2025-12-31"
                   and r["unit"] == "iso4217:CNY" and not r["kc:ServiceLineAxis"])
    assert revenue["entity"] == "cik:0001795589"
    assert (revenue["label"], revenue["us_gaap"], revenue["dei"]) == ("Revenues", "us-gaap:Revenues", "")
    assert revenue["statement"] == "Statements of comprehensive loss"
    assert revenue["decimals"] == "-3" and revenue["period_start"] == "2025-01-01"
    # the first place it was printed: the highlights table, line 74
    assert (revenue["table"], revenue["table_title"], revenue["row_label"]) == ("2", "FINANCIAL HIGHLIGHTS", "Revenues")
    assert revenue["column_header"] == "For the year ended December 31, 2025 RMB'000"
    # the cover follows dei
    doc_type = next(r for r in rows if r["concept"] == "kc:DocumentType")
    assert (doc_type["value"], doc_type["dei"], doc_type["us_gaap"]) == ("6-K", "dei:DocumentType", "")
    assert doc_type["statement"] == "Cover - Document and Entity Information"


def test_csv_columns_and_rows_are_in_a_stable_order() -> None:
    out, _ = converted()
    text = (out / (sample("002").stem + ".csv")).read_text(encoding="utf-8")
    header = text.splitlines()[0].split(",")
    from kcxbrl.exports.export import CSV_COLUMNS

    assert tuple(header[: len(CSV_COLUMNS)]) == CSV_COLUMNS
    axes = header[len(CSV_COLUMNS):]
    assert axes == sorted(axes) and "kc:ServiceLineAxis" in axes  # one column per axis, no packed pairs
    ids = [r["id"] for r in _csv_rows("002")]
    assert len(set(ids)) == len(ids)
    statements = [r["statement"] for r in _csv_rows("002")]
    # grouped by statement: each statement's rows are together
    runs = [s for i, s in enumerate(statements) if i == 0 or statements[i - 1] != s]
    assert len(runs) == len(set(runs))


def test_csv_member_columns_keep_semicolons_and_equals() -> None:
    from decimal import Decimal

    from kcxbrl.exports.export import to_csv
    from kcxbrl.xbrl.model import Context, Entity, Fact, Instance, Member, Period, Unit
    from kcxbrl.exports.records import from_instance
    from kcxbrl.xbrl.taxonomy import default_taxonomy

    entity = Entity("http://www.sec.gov/CIK", "0001795589")
    typed = Member("kc:ExhibitNumberAxis", "99.1; part=2", typed=True)
    explicit = Member("kc:ServiceLineAxis", "kc:PublicCloudServicesMember")
    context = Context("FY2025_X", entity, Period(__import__("datetime").date(2025, 1, 1), __import__("datetime").date(2025, 12, 31)),
                      (typed, explicit))
    fact = Fact("Revenues", context, Decimal("1000"), Unit("CNY", ("iso4217:CNY",)), -3)
    instance = Instance("x.txt", "x-ext.xsd", entity, (context,), (fact.unit,), (fact,))
    rows = list(csv.DictReader(to_csv(from_instance(instance, default_taxonomy())).splitlines()))
    assert rows[0]["kc:ExhibitNumberAxis"] == "99.1; part=2"
    assert rows[0]["kc:ServiceLineAxis"] == "kc:PublicCloudServicesMember"


def test_fact_ids_follow_the_fact_not_its_position() -> None:
    """Adding a fact changes no other fact's id; ids are unique and valid XML IDs."""
    import re
    from dataclasses import replace
    from datetime import date
    from decimal import Decimal

    from kcxbrl.xbrl.model import Context, Fact, Period
    from kcxbrl.xbrl.render import fact_ids, render_instance
    from kcxbrl.pipeline import convert_document
    from kcxbrl.text.read import read_filing

    conversion = convert_document(read_filing(sample("002")))
    instance = conversion.instance
    before = dict(zip(fact_ids(instance), instance.facts))
    # a new fact, put first: a position-based id would renumber every other fact
    context = Context("FY2019", instance.entity, Period(date(2019, 1, 1), date(2019, 12, 31)))
    added = Fact("Revenues", context, Decimal("1"), instance.facts[0].unit or instance.units[0], 0)
    changed = replace(instance, facts=(added, *instance.facts), contexts=(context, *instance.contexts))
    after = dict(zip(fact_ids(changed), changed.facts))
    assert len(after) == len(before) + 1
    assert all(after.get(fid) == fact for fid, fact in before.items())
    assert all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", fid) for fid in after)
    # the rendered instance carries the same ids
    text = render_instance(instance, conversion.taxonomy)
    assert all(f'id="{fid}"' in text for fid in before)


def _xbrl_csv(prefix: str) -> Path:
    """The xBRL-CSV report of sample ``prefix``, from its golden case run (with --xbrl-csv)."""
    return sample_run(prefix).file("/metadata.json")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_xbrl_csv_holds_the_facts_of_the_instance(prefix: str) -> None:
    import kcxbrl

    metadata = json.loads(_xbrl_csv(prefix).read_text(encoding="utf-8"))
    assert metadata["documentInfo"]["documentType"] == "https://xbrl.org/2021/xbrl-csv"
    assert metadata["documentInfo"]["taxonomy"] == [f"../{sample(prefix).stem}-ext.xsd"]
    from_csv = kcxbrl.load(_xbrl_csv(prefix)).to_records()
    from_xml = kcxbrl.load(sample_run(prefix).file(".xbrl")).to_records()
    assert from_csv == from_xml
    assert len(from_csv) == len(sample_run(prefix).conversion.instance.facts)


@needs_arelle
@pytest.mark.parametrize("prefix", ["000", "003"])
def test_arelle_loads_the_json_cleanly(prefix: str) -> None:
    run = sample_run(prefix)
    checked = arelle_check(run.file(".json"))
    assert checked.logged and checked.problems == []
    assert sum(checked.facts.values()) == len(run.conversion.instance.facts)


def _core(records: list[dict]) -> list[tuple]:
    """What a fact is and says, whoever wrote the file (ids and descriptions aside)."""
    from decimal import Decimal

    return sorted(
        (r["concept"], r["period_start"], r["period_end"], r["unit"], tuple(sorted(r["dimensions"].items())), r["lang"],
         format(Decimal(r["value"]).normalize(), "f") if r["decimals"] is not None else r["value"], r["decimals"])
        for r in records
    )


@needs_arelle
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_arelle_loads_the_xbrl_csv_cleanly_with_the_facts_of_the_xml(prefix: str, tmp_path) -> None:
    import kcxbrl

    saved = tmp_path / "read-by-arelle.json"
    checked = arelle_check(_xbrl_csv(prefix), ArelleOptions(save_oim=saved))
    assert checked.logged and checked.problems == []
    # Arelle's own xBRL-JSON of what it read holds the facts of the XML instance
    from_arelle = kcxbrl.load(saved).to_records()
    from_xml = kcxbrl.load(sample_run(prefix).file(".xbrl")).to_records()
    assert len(from_arelle) == len(from_xml)
    assert _core(from_arelle) == _core(from_xml)


def test_an_xbrl_csv_report_that_disagrees_with_the_instance_is_not_written(tmp_path, capsys, monkeypatch) -> None:
    """The report is read back and compared with the instance before it is put in place."""
    import kcxbrl.pipeline as convert_module
    from kcxbrl.cli import main

    real = convert_module.to_xbrl_csv

    def altered(*args, **kwargs):
        files = real(*args, **kwargs)
        rows = list(csv.reader(files["facts.csv"].splitlines()))
        assert rows[0][2] == "period"
        rows[1][2] = "2020-01-01T00:00:00/2020-02-01T00:00:00"  # one fact of another period
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerows(rows)
        files["facts.csv"] = text.getvalue()
        return files

    monkeypatch.setattr(convert_module, "to_xbrl_csv", altered)
    stem = sample("000").stem
    assert main(["convert", str(sample("000")), "--out", str(tmp_path), "--xbrl-csv"]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / stem / 'metadata.json'}: error kcxbrl:exportFactMismatch" in err
    assert not (tmp_path / stem / "metadata.json").exists() and not (tmp_path / stem / "facts.csv").exists()
    # the instance and the other exports passed: they are in place
    assert all((tmp_path / f"{stem}{suffix}").is_file() for suffix in (".xbrl", ".json", ".csv"))
