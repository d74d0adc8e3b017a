"""Golden case folders (tests/cases/<name>/): one filing, the options it is
converted with, and every file that conversion writes.

``case.toml`` names the input (relative to the repository) and the options
``report``, ``ixbrl``, ``xbrl-csv`` and ``extend``; ``expected/`` holds the
files as written, the copies of the bundled base taxonomy aside.  Each case is
converted once per test run (:func:`run_case`) and every test that needs that
conversion, its files or its facts, reads the same run.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import scratch
from kcxbrl.pipeline import Conversion, ConversionResult, convert_files, taxonomy_files
from kcxbrl.xbrl.taxonomy import default_taxonomy
from paths import ROOT, TESTS

CASES = TESTS / "cases"
NAMES = sorted(p.parent.name for p in CASES.glob("*/case.toml"))
OPTIONS = {"report": True, "ixbrl": True, "xbrl-csv": True, "extend": True}


@dataclass(frozen=True)
class Case:
    name: str
    input: str  # relative to the repository root, as the files written name it
    report: bool
    ixbrl: bool
    xbrl_csv: bool
    extend: bool

    @property
    def expected(self) -> Path:
        return CASES / self.name / "expected"


def load_case(name: str) -> Case:
    data = tomllib.loads((CASES / name / "case.toml").read_text(encoding="utf-8"))
    unknown = set(data) - {"input", *OPTIONS}
    assert not unknown, f"{name}/case.toml: unknown keys {sorted(unknown)}"
    options = {key: bool(data.get(key, default)) for key, default in OPTIONS.items()}
    return Case(name, str(data["input"]), options["report"], options["ixbrl"], options["xbrl-csv"],
                options["extend"])


@dataclass(frozen=True)
class CaseRun:
    case: Case
    out: Path  # the output folder
    result: ConversionResult

    @property
    def conversion(self) -> Conversion:
        return self.result.conversion

    def file(self, suffix: str) -> Path:
        """The written file named after the input, e.g. ``file(".xbrl")``."""
        return self.out / (Path(self.case.input).stem + suffix)


@lru_cache(maxsize=None)
def run_case(name: str) -> CaseRun:
    """Convert the case's input once for the whole test run, from the
    repository root so the written files name it as ``case.toml`` does."""
    case = load_case(name)
    out = scratch.folder(f"case-{name}")
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        (result,) = convert_files([Path(case.input)], out, report=case.report, ixbrl=case.ixbrl,
                                  xbrl_csv=case.xbrl_csv, extend=case.extend)
    finally:
        os.chdir(here)
    return CaseRun(case, out, result)


def sample_run(prefix: str) -> CaseRun:
    """The run of sample ``prefix`` (``"002"``)."""
    return run_case(f"sample-{prefix}")


def written(folder: Path) -> dict[str, Path]:
    """Every file below ``folder`` by its relative name, the base taxonomy copies aside."""
    base = set(taxonomy_files(default_taxonomy()))
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(folder).as_posix() not in base}
