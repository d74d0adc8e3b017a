"""Batch runs that must survive their surroundings: start methods other than
fork, a run killed with SIGKILL, --quiet and files not written, a filing named twice."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kcxbrl import write
from kcxbrl.batch import executors
from kcxbrl.cli import main
from kcxbrl.findings import error
from kcxbrl.write import STAGE_PREFIX, owner_tag

from converted import sample
from paths import ROOT, SAMPLES


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _staging(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith(STAGE_PREFIX)) if folder.exists() else []


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_the_pool_works_when_workers_are_not_forked(method: str, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(executors, "START_METHOD", method)
    inputs = [str(sample(p)) for p in ("000", "001", "003")]
    assert main(["convert", *inputs, "--out", str(tmp_path / "pool"), "-j", "2", "--quiet"]) == 0
    assert main(["convert", *inputs, "--out", str(tmp_path / "one"), "-j", "1", "--quiet"]) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    assert [line.split(":")[0] for line in lines] == inputs * 2
    assert lines[2].startswith(f"{inputs[2]}: 369 facts") and lines[:3] == [
        line.replace(str(tmp_path / "one"), str(tmp_path / "pool")) for line in lines[3:]]
    assert _tree(tmp_path / "pool") == _tree(tmp_path / "one")
    assert _staging(tmp_path / "pool") == []


def test_the_staging_folder_of_a_killed_run_is_removed_by_the_next_run(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    inputs = [str(p) for p in sorted(SAMPLES.glob("*.txt"))]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    process = subprocess.Popen([sys.executable, "-m", "kcxbrl", "convert", *inputs, "--out", str(out), "-j", "1",
                                "--quiet"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not _staging(out) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.kill()  # SIGKILL: nothing of the run's own clean-up runs
    process.wait()
    left = _staging(out)
    assert len(left) == 1 and left[0].name.startswith(f"{STAGE_PREFIX}{owner_tag().rsplit('-', 1)[0]}-{process.pid}-")
    assert main(["convert", str(sample("000")), "--out", str(out), "-j", "1", "--quiet"]) == 0
    assert _staging(out) == []
    assert f"kcxbrl: {left[0]}: removed, the staging folder of a run that was stopped" in capsys.readouterr().err


def test_only_staging_folders_of_gone_processes_of_this_host_are_removed(tmp_path: Path, capsys) -> None:
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    host = owner_tag().rsplit("-", 1)[0]
    names = {
        f"{STAGE_PREFIX}{host}-{ended.pid}-a1b2c3": False,  # this host, process gone: removed
        f"{STAGE_PREFIX}{host}-{os.getpid()}-a1b2c3": True,  # a process that is running
        f"{STAGE_PREFIX}otherhost-{ended.pid}-a1b2c3": True,  # another machine's (shared storage)
        f"{STAGE_PREFIX}a1b2c3": True,  # no owner in its name
        f"{host}-{ended.pid}-a1b2c3": True,  # not a staging folder
    }
    for name in names:
        (tmp_path / name).mkdir()
        (tmp_path / name / "part.xbrl").write_text("x", encoding="utf-8")
    assert main(["convert", str(sample("000")), "--out", str(tmp_path), "-j", "1", "--quiet"]) == 0
    assert {name: (tmp_path / name).is_dir() for name in names} == names
    assert (tmp_path / f"{sample('000').stem}.xbrl").is_file()


def test_quiet_still_names_the_files_that_were_not_written(tmp_path: Path, capsys, monkeypatch) -> None:
    def disagrees(export: Path, instance: Path) -> list:
        return [error("kcxbrl:exportMismatch", "the export does not agree", file=str(export))]

    monkeypatch.setitem(write._CHECKS, ".json", disagrees)
    stem = sample("000").stem
    assert main(["convert", str(sample("000")), "--out", str(tmp_path), "-j", "1", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / stem}.json: error kcxbrl:outputNotWritten {stem}.json was not written: " in err
    assert "kcxbrl:exportMismatch" not in err  # the other findings stay quiet
    assert not (tmp_path / f"{stem}.json").exists() and (tmp_path / f"{stem}.xbrl").is_file()


def test_a_filing_named_twice_is_converted_once_with_a_note(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    relative = os.path.join("samples", sample("000").name)  # another spelling of the same file
    out = tmp_path / "out"
    assert main(["convert", str(sample("000")), relative, str(sample("003")), "--out", str(out), "-j", "2"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.strip().split("\n")
    assert [line.split(":")[0] for line in lines] == [str(sample("000")), str(sample("003"))]
    assert f"kcxbrl: {relative}: the same filing as {sample('000')}, converted once\n" in captured.err
    assert main(["convert", str(sample("000")), relative, "--out", str(out), "--quiet"]) == 0
    assert "converted once" not in capsys.readouterr().err


@pytest.mark.xfail(strict=True, reason="kcxbrl/extract/coverage.py (_from_text) finds a sentence's line by splitting "
                   "'file:line' at the first ':', so a ':' in the file name (every URL) stops the conversion")
def test_a_filing_whose_path_has_a_colon_converts(tmp_path: Path, capsys) -> None:
    path = tmp_path / "q1:2026.txt"
    path.write_bytes(sample("003").read_bytes())
    assert main(["convert", str(path), "--out", str(tmp_path / "out"), "-j", "1", "--quiet"]) == 0
    assert capsys.readouterr().out.startswith(f"{path}: 369 facts")
