"""Filings kcxbrl has never seen, made from the samples' numbers (tests/data/next/).

* ``X.txt`` with ``X.expected.csv``: every fact the filing states, written
  by hand from the fixture's own numbers (see tests/golden.py for the form);
* ``reworded_NNN.txt``: sample NNN with its titles, row labels and prose
  reworded and no number changed: it must give the very facts of the sample.

Each written instance must also pass kcxbrl's own validator.  Every
conversion here is the golden case run of its filing (tests/case_runs.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from case_runs import run_case, sample_run
from golden import difference, read_csv, rows_of
from kcxbrl.findings import Level

HERE = Path(__file__).resolve().parent
NEXT = HERE / "data" / "next"
EXPECTED = sorted(NEXT.glob("*.expected.csv"))
REWORDED = sorted(NEXT.glob("reworded_*.txt"))


def _filing_of(expected: Path) -> Path:
    return expected.with_name(expected.name.replace(".expected.csv", ".txt"))


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_fixture_gives_its_golden_facts(expected: Path) -> None:
    conversion = run_case(_filing_of(expected).stem).conversion
    diff = difference(read_csv(expected), rows_of(conversion.instance.facts, conversion.taxonomy))
    assert not diff, f"{expected.name}:\n{diff}"
    errors = [str(f) for f in conversion.findings if f.level is Level.ERROR]
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("reworded", REWORDED, ids=lambda p: p.stem)
def test_reworded_sample_gives_the_facts_of_the_sample(reworded: Path) -> None:
    number = reworded.stem.split("_")[1]
    want = sample_run(number).conversion
    got = run_case(reworded.stem).conversion
    diff = difference(rows_of(want.instance.facts, want.taxonomy), rows_of(got.instance.facts, got.taxonomy))
    assert not diff, f"{reworded.name} against sample {number}:\n{diff}"
    # no finding the sample does not have (the sample's own are kept: 004 has a malformed row)
    codes = sorted(f.code for f in want.findings if f.level is not Level.INFO)
    assert sorted(f.code for f in got.findings if f.level is not Level.INFO) == codes, "\n".join(
        str(f) for f in got.findings if f.level is not Level.INFO
    )


def test_damaged_filing_loses_only_what_the_damage_hides_and_says_where() -> None:
    """tests/data/next/damaged_003.md: a row that lost a value, an `n/a` cell,
    a page break repeating the header, a statement without its title."""
    original = sample_run("003").conversion
    damaged = run_case("damaged_003").conversion
    want = {r.key: r for r in rows_of(original.instance.facts, original.taxonomy)}
    got = {r.key: r for r in rows_of(damaged.instance.facts, damaged.taxonomy)}
    assert not got.keys() - want.keys(), "a fact the sample does not have"
    assert all(got[k] == want[k] for k in got), "a fact with another value than in the sample"
    lost = sorted((k[0], k[1], k[2]) for k in want.keys() - got.keys())
    assert lost == [
        ("InterestIncome", "2025-01-01--2025-03-31", "CNY"),
        ("InterestIncome", "2025-10-01--2025-12-31", "CNY"),
        ("InterestIncome", "2026-01-01--2026-03-31", "CNY"),
        ("InterestIncome", "2026-01-01--2026-03-31", "USD"),
        ("RestrictedCashCurrent", "2026-03-31", "USD"),
    ]
    where = {(f.code, f.line) for f in damaged.findings}
    assert ("kcxbrl:rowShapeMismatch", 242) in where
    assert ("kcxbrl:cellNotNumber", 181) in where
    assert ("kcxbrl:roleFromRows", 350) in where  # the cash flows, placed by their rows
