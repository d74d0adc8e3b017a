"""Monthly returns with movements: every fact against a golden CSV written by hand.

Each ``tests/data/next/monthly_*.txt`` has a ``.expected.csv`` beside it with
columns concept, period (``YYYY-MM-DD`` or ``YYYY-MM-DD--YYYY-MM-DD``), unit
(measures by local name: ``shares``, ``HKD``, ``USD/shares``), value (full
units), decimals and dimensions (``axis=member`` joined by `` ; ``, sorted).
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from arelle_runner import arelle_check, needs_arelle
from case_runs import run_case
from kcxbrl.pipeline import convert_document
from kcxbrl.extract.coverage import UNEXPLAINED
from kcxbrl.findings import Level
from kcxbrl.xbrl.model import Fact, Period, Unit
from kcxbrl.text.read import read_text
from kcxbrl.validation.validator import validate_file
from paths import DATA as TEST_DATA

DATA = TEST_DATA / "next"
FIXTURES = sorted(p for p in DATA.glob("monthly_*.txt") if p.with_suffix(".expected.csv").exists())

Key = tuple[str, str, str, str, str, str]


def _local(qname: str) -> str:
    return qname.rpartition(":")[2]


def _unit(unit: Unit | None) -> str:
    if unit is None:
        return ""
    text = "*".join(_local(m) for m in unit.numerator)
    return text + ("/" + "*".join(_local(m) for m in unit.denominator) if unit.denominator else "")


def _period(period: Period) -> str:
    return period.end.isoformat() if period.start is None else f"{period.start.isoformat()}--{period.end.isoformat()}"


def _value(value: str, numeric: bool) -> str:
    if not numeric:
        return value
    number = Decimal(value)
    return "0" if number == 0 else format(number.normalize(), "f")


def _key(fact: Fact) -> Key:
    members = " ; ".join(sorted(f"{_local(m.dimension)}={m.value}" for m in fact.context.members))
    decimals = "" if fact.decimals is None else str(fact.decimals)
    return (fact.concept, _period(fact.context.period), _unit(fact.unit),
            _value(str(fact.value), fact.unit is not None), decimals, members)


def _expected(path: Path) -> list[Key]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [(r["concept"], r["period"], r["unit"], _value(r["value"], bool(r["unit"])), r["decimals"],
             " ; ".join(sorted(p.strip() for p in r["dimensions"].split(";") if p.strip())))
            for r in rows]


@pytest.fixture(scope="module", params=FIXTURES, ids=lambda p: p.stem)
def converted_fixture(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """The fixture and its conversion: the run of its golden case (tests/cases/<stem>/)."""
    path: Path = request.param
    return path, run_case(path.stem).result


def test_fixtures_exist() -> None:
    assert "monthly_movements.txt" in [p.name for p in FIXTURES]


def test_every_fact_as_expected(converted_fixture) -> None:  # type: ignore[no-untyped-def]
    path, result = converted_fixture
    expected = _expected(path.with_suffix(".expected.csv"))
    assert len(expected) == len(set(expected)), "the golden file lists a fact twice"
    got = [_key(f) for f in result.conversion.instance.facts]
    assert len(got) == len(set(got)), "the instance holds a fact twice"
    missing = sorted(set(expected) - set(got))
    unexpected = sorted(set(got) - set(expected))
    assert (missing, unexpected) == ([], []), (
        "missing:\n  " + "\n  ".join(map(str, missing)) + "\nunexpected:\n  " + "\n  ".join(map(str, unexpected)))


def test_no_warnings_and_valid(converted_fixture) -> None:  # type: ignore[no-untyped-def]
    _, result = converted_fixture
    bad = [str(f) for f in result.conversion.findings if f.level in (Level.ERROR, Level.WARNING)]
    assert bad == []
    errors = [str(f) for f in validate_file(result.output) if f.level is Level.ERROR]
    assert errors == []
    # every number printed in the return's tables is a fact or has a reason to be skipped
    assert result.coverage is not None and result.coverage.count(UNEXPLAINED) == 0


def _as_markdown(text: str) -> str:
    """The same return in the markup of sample 001: headings, escaped blanks, bold titles."""
    out = []
    for line in text.split("\n"):
        if line.startswith(("I. ", "II. ", "III. ")):
            line = "## " + line
        elif line.startswith("(") and line[1:2] in "ADE" and line[2:4] == ").":
            line = f"**{line}**"
        elif line == "Remarks:":
            line = "#### Remarks:"
        out.append(line.replace("_____", "\\_\\_\\_\\_\\_"))
    return "\n".join(out)


def test_markdown_markup_gives_the_same_facts(converted_fixture) -> None:  # type: ignore[no-untyped-def]
    path, result = converted_fixture
    text = path.read_text(encoding="utf-8")
    marked = _as_markdown(text)
    assert marked != text and "## II. Movements" in marked and "\\_\\_\\_\\_\\_ 800,000" in marked
    conversion = convert_document(read_text(marked, path.name))
    assert not [str(f) for f in conversion.findings if f.level in (Level.ERROR, Level.WARNING)]
    assert sorted(map(_key, conversion.instance.facts)) == sorted(map(_key, result.conversion.instance.facts))


def test_headers_of_the_older_form(converted_fixture) -> None:  # type: ignore[no-untyped-def]
    path, result = converted_fixture
    text = path.read_text(encoding="utf-8")
    old = "Number of new shares issued during the month pursuant thereto (A1)"
    assert text.count(old) == 1
    older = text.replace(old, "No. of new shares of issuer issued during the month pursuant thereto")
    conversion = convert_document(read_text(older, path.name))
    assert not [str(f) for f in conversion.findings if f.level in (Level.ERROR, Level.WARNING)]
    assert sorted(map(_key, conversion.instance.facts)) == sorted(map(_key, result.conversion.instance.facts))


@needs_arelle
def test_arelle_finds_no_error(converted_fixture) -> None:  # type: ignore[no-untyped-def]
    _, result = converted_fixture
    checked = arelle_check(result.output)
    assert checked.logged and checked.problems == []
