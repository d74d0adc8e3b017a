"""The validation corpus in tests/data/validate: instances that each break one
rule (their name says which) or are valid controls, beside the test taxonomy
kct-2026.xsd; expected.toml lists what kcxbrl must report and what Arelle
reports for each."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest

from kcxbrl.cli import main
from paths import DATA as TEST_DATA

DATA = TEST_DATA / "validate"
MANIFEST = tomllib.loads((DATA / "expected.toml").read_text(encoding="utf-8"))
CASES: list[dict[str, object]] = MANIFEST["case"]


def case_id(case: dict[str, object]) -> str:
    return f"{case['file']}" + (f"[{case['profile']}]" if case.get("profile") else "")


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]]]:
    """``kcxbrl validate --format json ARGS``: the exit code and every finding."""
    code = main(["validate", "--format", "json", *args])
    out = capsys.readouterr().out
    report = json.loads(out) if out.strip() else {"files": []}
    return code, [finding for entry in report["files"] for finding in entry["findings"]]


def beside_taxonomy(tmp_path: Path, source: str, name: str, *replacements: tuple[str, str]) -> Path:
    """A copy of a corpus instance in tmp_path, beside a copy of the corpus taxonomy."""
    text = (DATA / source).read_text(encoding="utf-8")
    for schema in DATA.glob("kct-2026*"):
        shutil.copyfile(schema, tmp_path / schema.name)
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
