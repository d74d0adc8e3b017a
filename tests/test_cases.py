"""Every golden case (tests/cases/<name>/) converts to exactly its expected
files, byte for byte: the instance, its extension files, the xBRL-JSON, the
CSV, the coverage report, the xBRL-CSV folder and the Inline XBRL page.

After a reviewed change, ``KCXBRL_UPDATE_CASES=1 python -m pytest
tests/test_cases.py`` rewrites the expected files (see tests/cases/README.md).
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest

from case_runs import NAMES, load_case, run_case, written
from paths import ROOT

UPDATE = os.environ.get("KCXBRL_UPDATE_CASES") == "1"
SHOWN = 40  # diff lines shown per differing file


def _diff(name: str, expected: bytes, actual: bytes) -> str:
    try:
        want, got = expected.decode("utf-8"), actual.decode("utf-8")
    except UnicodeDecodeError:
        return f"{name}: {len(expected)} bytes expected, {len(actual)} written"
    lines = list(difflib.unified_diff(want.splitlines(), got.splitlines(), f"expected/{name}", f"written/{name}",
                                      lineterm="", n=1))
    more = f"\n… {len(lines) - SHOWN} more diff lines" if len(lines) > SHOWN else ""
    return "\n".join(lines[:SHOWN]) + more


def _update(expected_dir: Path, files: dict[str, Path]) -> None:
    """Replace the case's expected files with the ones just written."""
    shutil.rmtree(expected_dir, ignore_errors=True)
    for name, path in files.items():
        target = expected_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


@pytest.mark.parametrize("name", NAMES)
def test_case_writes_its_expected_files(name: str) -> None:
    run = run_case(name)
    files = written(run.out)
    if UPDATE:
        _update(run.case.expected, files)
    expected = written(run.case.expected)
    assert sorted(files) == sorted(expected), f"{name}: the files written are not the files expected"
    differing = [_diff(n, expected[n].read_bytes(), files[n].read_bytes())
                 for n in sorted(files) if files[n].read_bytes() != expected[n].read_bytes()]
    assert not differing, f"{name}: {len(differing)} files differ\n" + "\n\n".join(differing)


def test_every_case_reads_an_input_of_the_repository() -> None:
    cases = [load_case(name) for name in NAMES]
    assert [c.name for c in cases] == [
        "damaged_003", "monthly_movements", "q4_2025_release", "reworded_002", "reworded_003", "reworded_004",
        "sample-000", "sample-001", "sample-002", "sample-003", "sample-004"]
    for case in cases:
        assert (ROOT / case.input).is_file(), case.input
