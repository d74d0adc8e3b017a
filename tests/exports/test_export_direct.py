"""kcxbrl.exports.export on a small instance built from the model: the
xBRL-JSON document, the flat CSV and the xBRL-CSV report, value by value."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import date

import pytest

from kcxbrl.exports.export import CSV_COLUMNS, oim_period, oim_unit, to_csv, to_xbrl_csv, to_xbrl_json
from kcxbrl.exports.records import from_instance
from kcxbrl.xbrl.model import Period, Unit
from kcxbrl.xbrl.render import fact_id
from kcxbrl.xbrl.taxonomy import default_taxonomy
from small_instance import CASH, EPS, EXHIBIT_TEXT, INSTANCE, MARGIN, REVENUES


@pytest.fixture(scope="module")
def document() -> dict:
    return json.loads(to_xbrl_json(INSTANCE, default_taxonomy()))


@pytest.fixture(scope="module")
def records() -> list:
    return from_instance(INSTANCE, default_taxonomy())


def test_oim_periods_end_at_the_next_midnight_and_units_are_measure_qnames() -> None:
    assert oim_period(Period(None, date(2025, 12, 31))) == "2026-01-01T00:00:00"
    assert oim_period(Period(date(2025, 1, 1), date(2025, 12, 31))) == "2025-01-01T00:00:00/2026-01-01T00:00:00"
    assert oim_unit(Unit("CNYPerShare", ("iso4217:CNY",), ("xbrli:shares",))) == "iso4217:CNY/xbrli:shares"


def test_json_facts_are_keyed_by_the_instance_ids_with_their_dimensions(document: dict) -> None:
    assert document["documentInfo"]["documentType"] == "https://xbrl.org/2021/xbrl-json"
    assert document["documentInfo"]["taxonomy"] == ["filing-ext.xsd"]
    assert document["documentInfo"]["namespaces"]["kc"] == "http://kcxbrl.org/taxonomy/2026"
    facts = document["facts"]
    assert sorted(facts) == sorted(fact_id(f) for f in INSTANCE.facts)
    revenues = facts[fact_id(REVENUES)]
    assert revenues["value"] == "9558619000" and revenues["decimals"] == -3
    assert revenues["dimensions"] == {"concept": "kc:Revenues", "entity": "cik:0001795589",
                                      "period": "2025-01-01T00:00:00/2026-01-01T00:00:00", "unit": "iso4217:CNY"}
    assert revenues["kcm:usGaapConcept"] == "us-gaap:Revenues"
    assert facts[fact_id(EPS)]["value"] == "-0.23"
    assert facts[fact_id(EPS)]["dimensions"]["unit"] == "iso4217:CNY/xbrli:shares"
    assert facts[fact_id(CASH)]["dimensions"]["period"] == "2026-01-01T00:00:00"


def test_json_pure_has_no_unit_and_text_has_its_language_and_member(document: dict) -> None:
    margin = document["facts"][fact_id(MARGIN)]
    assert margin["value"] == "0.157" and "unit" not in margin["dimensions"]
    text = document["facts"][fact_id(EXHIBIT_TEXT)]
    assert text["value"] == "Press release & results" and "decimals" not in text
    assert text["dimensions"]["language"] == "en"
    assert text["dimensions"]["kc:ExhibitNumberAxis"] == "99.1"


def test_csv_has_the_fixed_columns_then_one_per_axis(records: list) -> None:
    rows = list(csv.reader(to_csv(records).splitlines()))
    assert tuple(rows[0]) == (*CSV_COLUMNS, "kc:ExhibitNumberAxis")
    by_id = {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}
    assert len(by_id) == 5
    revenues = by_id[fact_id(REVENUES)]
    assert (revenues["concept"], revenues["value"], revenues["decimals"], revenues["unit"]) == (
        "kc:Revenues", "9558619000", "-3", "iso4217:CNY")
    assert (revenues["period_start"], revenues["period_end"], revenues["kc:ExhibitNumberAxis"]) == (
        "2025-01-01", "2025-12-31", "")
    exhibit = by_id[fact_id(EXHIBIT_TEXT)]
    assert (exhibit["value"], exhibit["lang"], exhibit["kc:ExhibitNumberAxis"]) == ("Press release & results", "en", "99.1")


def test_xbrl_csv_metadata_and_facts(records: list) -> None:
    files = to_xbrl_csv(records, INSTANCE, default_taxonomy(), "../filing-ext.xsd")
    assert sorted(files) == ["facts.csv", "metadata.json"]
    metadata = json.loads(files["metadata.json"])
    assert metadata["documentInfo"]["documentType"] == "https://xbrl.org/2021/xbrl-csv"
    assert metadata["documentInfo"]["taxonomy"] == ["../filing-ext.xsd"]
    value = metadata["tableTemplates"]["facts"]["columns"]["value"]
    assert value["dimensions"]["kc:ExhibitNumberAxis"] == "$dim_kc_ExhibitNumberAxis"
    rows = {row["id"]: row for row in csv.DictReader(files["facts.csv"].splitlines())}
    assert (rows[fact_id(MARGIN)]["unit"], rows[fact_id(MARGIN)]["value"]) == ("", "0.157")  # pure: no unit
    assert rows[fact_id(CASH)]["period"] == "2026-01-01T00:00:00"
    assert rows[fact_id(EXHIBIT_TEXT)]["dim_kc_ExhibitNumberAxis"] == "99.1"
    assert rows[fact_id(REVENUES)]["dim_kc_ExhibitNumberAxis"] == ""  # no member: the dimension is left out


@pytest.mark.parametrize(("text", "cell"), [("#1 release", "##1 release"), ("", "#empty")])
def test_xbrl_csv_special_values(text: str, cell: str) -> None:
    fact = replace(EXHIBIT_TEXT, value=text)
    instance = replace(INSTANCE, facts=(fact,))
    files = to_xbrl_csv(from_instance(instance, default_taxonomy()), instance, default_taxonomy(), "x.xsd")
    [row] = csv.DictReader(files["facts.csv"].splitlines())
    assert row["value"] == cell
