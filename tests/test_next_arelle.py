"""Every instance written for the unseen fixture filings (tests/data/next/) is
clean in kcxbrl's own validator and in Arelle (Calculations 1.1), with and
without extension concepts."""

from __future__ import annotations

from pathlib import Path

import pytest

from arelle_runner import arelle_check, needs_arelle
from case_runs import run_case
from kcxbrl.cli import main
from kcxbrl.findings import Level
from kcxbrl.validation.validator import validate_file

NEXT = Path(__file__).resolve().parent / "data" / "next"
FILINGS = sorted(NEXT.glob("*.txt"))


def _instance(filing: Path, mode: str, tmp_path: Path) -> Path:
    """With extension concepts: the golden case's run; without: converted here."""
    if mode == "--extend":
        return run_case(filing.stem).file(".xbrl")
    out = tmp_path / "out"
    assert main(["convert", str(filing), "--out", str(out), "--quiet", mode]) == 0
    return out / f"{filing.stem}.xbrl"


@needs_arelle
@pytest.mark.parametrize("mode", ["--extend", "--no-extend"])
@pytest.mark.parametrize("filing", FILINGS, ids=lambda p: p.stem)
def test_fixture_output_is_valid_everywhere(filing: Path, mode: str, tmp_path: Path) -> None:
    instance = _instance(filing, mode, tmp_path)
    errors = [str(f) for f in validate_file(instance) if f.level is Level.ERROR]
    assert errors == []
    checked = arelle_check(instance)
    assert checked.logged and checked.problems == []
