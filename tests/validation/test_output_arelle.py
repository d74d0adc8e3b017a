"""The converted folder is clean in an independent XBRL processor (Arelle):
no errors, no warnings, no calculation inconsistencies (Calculations 1.1)."""

from __future__ import annotations

import pytest

from arelle_runner import HAVE_ARELLE, problems, run_arelle
from converted import SAMPLES, converted

pytestmark = [pytest.mark.arelle, pytest.mark.skipif(not HAVE_ARELLE, reason="arelle-release is not installed")]

FILINGS = sorted(p.stem for p in SAMPLES.glob("*.txt"))


@pytest.mark.parametrize("stem", FILINGS)
def test_arelle_finds_nothing(stem: str, tmp_path) -> None:
    out, _ = converted()
    messages = run_arelle(out / f"{stem}.xbrl", tmp_path, calc="c11r")
    assert any(m.code == "info" for m in messages), "Arelle wrote no log"
    assert problems(messages) == []
