"""kcxbrl's own validator passes on everything kcxbrl writes."""

from __future__ import annotations

import pytest

from case_runs import sample_run
from converted import SAMPLES, converted
from kcxbrl.cli import main
from kcxbrl.findings import Level
from kcxbrl.validation.validator import validate_file

PREFIXES = ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_no_findings_at_error_or_warning_level(prefix: str) -> None:
    findings = validate_file(sample_run(prefix).file(".xbrl"))
    assert [f for f in findings if f.level in (Level.ERROR, Level.WARNING)] == []


def test_validate_command_exits_0_on_the_converted_folder(capsys) -> None:
    out, _ = converted()
    capsys.readouterr()  # the conversion's own summary lines
    stems = sorted(p.stem for p in SAMPLES.glob("*.txt"))
    paths = [out / f"{stem}.xbrl" for stem in stems]
    assert main(["validate", *map(str, paths)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [f"{path}: ok" for path in paths]
