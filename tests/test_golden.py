"""Every fact of every sample, compared with its golden table (tests/golden/).

A change of any value, decimals, period, unit or dimension shows up here as
a diff.  After a reviewed change, ``KCXBRL_UPDATE_GOLDEN=1 python -m pytest
tests/test_golden.py`` rewrites the sample tables.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from golden import difference, read_csv, rows_of, write_csv
from kcxbrl.pipeline import convert_document
from kcxbrl.text.read import read_filing

HERE = Path(__file__).resolve().parent
SAMPLES = sorted((HERE.parent / "samples").glob("*.txt"))
UPDATE = os.environ.get("KCXBRL_UPDATE_GOLDEN") == "1"


def _golden_path(sample: Path) -> Path:
    return HERE / "golden" / (sample.name.split("_")[0] + ".csv")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name.split("_")[0])
def test_sample_facts_match_golden(sample: Path) -> None:
    conversion = convert_document(read_filing(sample))
    actual = rows_of(conversion.instance.facts, conversion.taxonomy)
    path = _golden_path(sample)
    if UPDATE:
        write_csv(path, actual)
    expected = read_csv(path)
    diff = difference(expected, actual)
    assert not diff, f"{sample.name} differs from {path.name}:\n{diff}"
