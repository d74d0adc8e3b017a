"""Every fact of every sample, compared with its golden table (tests/golden/).

A change of any value, decimals, period, unit or dimension shows up here as
a diff.  After a reviewed change, ``KCXBRL_UPDATE_GOLDEN=1 python -m pytest
tests/test_golden.py`` rewrites the sample tables.  The conversion is the
sample's golden case run (tests/case_runs.py), shared with the other tests.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from case_runs import sample_run
from golden import difference, read_csv, rows_of, write_csv

GOLDEN = Path(__file__).resolve().parent / "golden"
PREFIXES = ["000", "001", "002", "003", "004"]
UPDATE = os.environ.get("KCXBRL_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("prefix", PREFIXES)
def test_sample_facts_match_golden(prefix: str) -> None:
    conversion = sample_run(prefix).conversion
    actual = rows_of(conversion.instance.facts, conversion.taxonomy)
    path = GOLDEN / f"{prefix}.csv"
    if UPDATE:
        write_csv(path, actual)
    expected = read_csv(path)
    diff = difference(expected, actual)
    assert not diff, f"sample {prefix} differs from {path.name}:\n{diff}"


def test_every_sample_has_a_golden_table() -> None:
    assert sorted(p.stem for p in GOLDEN.glob("*.csv")) == PREFIXES
    assert sorted(p.name[:3] for p in (GOLDEN.parent.parent / "samples").glob("*.txt")) == PREFIXES
