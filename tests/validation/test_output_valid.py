"""kcxbrl's own validator passes on everything kcxbrl writes."""

from __future__ import annotations

import pytest

from kcxbrl.cli import main
from kcxbrl.findings import Level
from kcxbrl.validation.validator import validate_file

from converted import SAMPLES, converted

FILINGS = sorted(p.stem for p in SAMPLES.glob("*.txt"))


@pytest.mark.parametrize("stem", FILINGS)
def test_no_findings_at_error_or_warning_level(stem: str) -> None:
    out, _ = converted()
    findings = validate_file(out / f"{stem}.xbrl")
    assert [f for f in findings if f.level in (Level.ERROR, Level.WARNING)] == []


def test_validate_command_exits_0_on_the_converted_folder(capsys) -> None:
    out, _ = converted()
    assert main(["validate", *(str(out / f"{stem}.xbrl") for stem in FILINGS)]) == 0
