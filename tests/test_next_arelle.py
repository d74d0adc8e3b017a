"""Every instance written for the unseen fixture filings (tests/data/next/) is
clean in kcxbrl's own validator and in Arelle (Calculations 1.1), with and
without extension concepts."""

from __future__ import annotations

from pathlib import Path

import pytest

from arelle_runner import HAVE_ARELLE, problems, run_arelle
from kcxbrl.cli import main
from kcxbrl.findings import Level
from kcxbrl.validation.validator import validate_file

NEXT = Path(__file__).resolve().parent / "data" / "next"
FILINGS = sorted(NEXT.glob("*.txt"))


@pytest.mark.arelle
@pytest.mark.skipif(not HAVE_ARELLE, reason="arelle-release is not installed")
@pytest.mark.parametrize("mode", ["--extend", "--no-extend"])
@pytest.mark.parametrize("filing", FILINGS, ids=lambda p: p.stem)
def test_fixture_output_is_valid_everywhere(filing: Path, mode: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code = main(["convert", str(filing), "--out", str(out), "--quiet", mode])
    assert code == 0
    instance = out / f"{filing.stem}.xbrl"
    errors = [str(f) for f in validate_file(instance) if f.level is Level.ERROR]
    assert errors == []
    messages = run_arelle(instance, tmp_path, calc="c11r")
    assert any(m.code == "info" for m in messages), "Arelle wrote no log"
    assert problems(messages) == []
