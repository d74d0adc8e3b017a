"""Batch runs: folders, a process pool, input-order summaries, --resume, --summary-json."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest

import kcxbrl.pipeline as convert_module
from kcxbrl import batch
import kcxbrl.batch.manifest as manifest_module
from kcxbrl.batch import command, executors, progress
from kcxbrl.batch import MANIFEST
from kcxbrl.cli import main
from kcxbrl.findings import Level
from kcxbrl.validation.validator import validate_file
from kcxbrl.write import STAGE_PREFIX

from converted import sample
from paths import ROOT, SAMPLES

NEXT = sorted((ROOT / "tests" / "data" / "next").glob("*.txt"))


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(STAGE_PREFIX) or p.name.endswith(".part")]


def _counts(table: str) -> dict[str, str]:
    """The rows of the summary table but time and rate."""
    rows = dict(line.strip().rsplit(None, 1) for line in table.strip().split("\n") if not line.strip().startswith(("time", "files/s")))
    return {label.strip(): value for label, value in rows.items()}


def _lines(text: str, out: Path) -> list[str]:
    return text.replace(str(out), "DIR").strip().split("\n")


def test_one_job_and_two_jobs_write_the_same_bytes_and_print_the_same_lines(tmp_path: Path, capsys) -> None:
    inputs = [*map(str, sorted(SAMPLES.glob("*.txt"))), *map(str, NEXT)]
    printed = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}"
        assert main(["convert", *inputs, "--out", str(out), "-j", jobs, "--xbrl-csv", "--report"]) == 0
        captured = capsys.readouterr()
        findings, table = captured.err.replace(str(out), "DIR").split("kcxbrl: summary\n")
        printed[jobs] = (_lines(captured.out, out), findings, _counts(table))
    one, two = _tree(tmp_path / "j1"), _tree(tmp_path / "j2")
    assert len(one) > 11 * 5 and one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
    assert printed["1"] == printed["2"]
    lines = printed["1"][0]
    assert len(lines) == len(inputs) and [line.split(":")[0] for line in lines] == inputs  # input order
    assert lines[2].startswith(f"{sample('002')}: 442 facts, 45 contexts, 9 units; findings: 0 errors, 0 warnings")


def test_a_folder_stands_for_its_filings_in_sorted_order(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "filings"
    (folder / "2025").mkdir(parents=True)
    shutil.copy(sample("002"), folder / "2025" / "q4.txt")
    shutil.copy(sample("000"), folder / "a.md")
    (folder / "README.md").write_text("# what these are\n", encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF")
    out = folder / "out"  # inside the folder walked: its report files are not filings
    assert main(["convert", str(folder), "--out", str(out), "-j", "2", "--report", "--quiet"]) == 0
    assert main(["convert", str(folder), "--out", str(out), "-j", "1", "--quiet"]) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    assert [line.split(":")[0] for line in lines] == [str(folder / "2025" / "q4.txt"), str(folder / "a.md")] * 2
    assert lines[0].startswith(f"{folder / '2025' / 'q4.txt'}: 442 facts")
    assert sorted(p.name for p in out.glob("*.xbrl")) == ["a.xbrl", "q4.xbrl"]


def test_a_bad_filing_among_good_ones_is_reported_and_the_others_written(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for prefix in ("000", "002"):
        shutil.copy(sample(prefix), folder / sample(prefix).name)
    latin = folder / "001_latin1.txt"
    latin.write_bytes("Caf\u00e9 revenues\t1\n".encode("latin-1"))
    out, summary = tmp_path / "out", tmp_path / "summary.json"
    assert main(["convert", str(folder), "--out", str(out), "-j", "2", "--summary-json", str(summary)]) == 2
    captured = capsys.readouterr()
    lines = captured.out.strip().split("\n")
    assert lines[1] == f"{latin}: not converted: not UTF-8 text: byte 3 (line 1) is 0xe9; save the file as UTF-8 or give its --encoding"
    assert lines[2].startswith(f"{folder / sample('002').name}: 442 facts")
    for prefix in ("000", "002"):
        written = out / f"{sample(prefix).stem}.xbrl"
        assert [f for f in validate_file(written) if f.level is Level.ERROR] == []
    assert not (out / "001_latin1.xbrl").exists()
    report = json.loads(summary.read_text(encoding="utf-8"))
    assert [f["status"] for f in report["filings"]] == ["ok", "unreadable", "ok"]
    assert report["totals"]["exit_code"] == 2 and report["totals"]["facts"] == 46 + 442
    table = _counts(captured.err.split("kcxbrl: summary\n")[1])
    assert table == {"files": "3", "converted": "2", "with errors": "1", "with warnings": "0",
                     "skipped (--resume)": "0", "facts": "488", "error findings": "1", "warning findings": "0",
                     "info findings": table["info findings"]}
    assert int(table["info findings"]) > 0


def test_a_filing_whose_conversion_fails_in_a_worker_is_exit_1_and_the_others_go_on(tmp_path: Path, capsys,
                                                                                    monkeypatch) -> None:
    real = convert_module.convert_document

    def fragile(document, *args, **kwargs):
        if "001_" in document.path:
            raise RuntimeError("boom")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(convert_module, "convert_document", fragile)
    monkeypatch.setattr(executors, "START_METHOD", "fork")  # the workers are forked with the patch
    out = tmp_path / "out"
    inputs = [str(sample(p)) for p in ("000", "001", "003")]
    assert main(["convert", *inputs, "--out", str(out), "-j", "2", "--quiet"]) == 1
    captured = capsys.readouterr()
    assert f"{inputs[1]}: 0 facts" in captured.out.split("\n")[1]
    assert (out / f"{sample('000').stem}.xbrl").is_file() and (out / f"{sample('003').stem}.xbrl").is_file()
    assert not (out / f"{sample('001').stem}.xbrl").exists()
    assert _leftovers(out) == []


def test_resume_skips_what_is_done_and_converts_what_changed(tmp_path: Path, capsys, monkeypatch) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for prefix in ("000", "001", "003"):
        shutil.copy(sample(prefix), folder / sample(prefix).name)
    assert main(["convert", str(folder), "--out", str(out), "-j", "2", "--quiet"]) == 0
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["filings"]
    assert manifest[sample("003").stem]["facts"] == 369
    assert manifest[sample("003").stem]["outputs"] == sorted(
        f"{sample('003').stem}{ext}" for ext in (".xbrl", ".json", ".csv", "-ext.xsd", "-ext_cal.xml"))
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.xbrl")}
    capsys.readouterr()

    assert main(["convert", str(folder), "--out", str(out), "--resume", "--quiet"]) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    assert lines[2] == f"{folder / sample('003').name}: skipped, up to date (369 facts, 0 warnings) -> {out / sample('003').stem}.xbrl"
    assert all(": skipped, up to date" in line for line in lines)
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.xbrl")} == before

    changed = folder / sample("001").name
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    (out / f"{sample('003').stem}.json").unlink()  # an output gone: converted again
    summary = tmp_path / "summary.json"
    assert main(["convert", str(folder), "--out", str(out), "--resume", "--quiet", "--summary-json", str(summary)]) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    assert ": skipped, up to date (46 facts" in lines[0]
    assert lines[1].startswith(f"{changed}: 46 facts") and lines[2].startswith(f"{folder / sample('003').name}: 369 facts")
    assert (out / f"{sample('003').stem}.json").is_file()
    assert [f["status"] for f in json.loads(summary.read_text(encoding="utf-8"))["filings"]] == ["skipped", "ok", "ok"]

    monkeypatch.setattr(manifest_module, "__version__", "9.9.9")  # another kcxbrl: everything again
    assert main(["convert", str(folder), "--out", str(out), "--resume", "--quiet"]) == 0
    assert "skipped, up to date" not in capsys.readouterr().out
    assert main(["convert", str(folder), "--out", str(out), "--resume", "--quiet", "--no-extend"]) == 0
    assert "skipped, up to date" not in capsys.readouterr().out  # other options: everything again


def test_the_summary_json_has_every_filing_and_the_totals(tmp_path: Path, capsys) -> None:
    out, summary = tmp_path / "out", tmp_path / "summary.json"
    inputs = [str(sample(p)) for p in ("002", "004")]
    assert main(["convert", *inputs, "--out", str(out), "--summary-json", str(summary), "--quiet"]) == 0
    report = json.loads(summary.read_text(encoding="utf-8"))
    first, second = report["filings"]
    assert first["path"] == inputs[0] and first["status"] == "ok" and first["facts"] == 442
    assert first["findings"] == {"error": 0, "warning": 0, "info": first["findings"]["info"]}
    assert f"{sample('002').stem}.xbrl" in first["outputs"] and f"{sample('002').stem}-ext_cal.xml" in first["outputs"]
    assert second["status"] == "warnings" and second["facts"] == 421 and second["findings"]["warning"] == 1
    assert all((out / name).is_file() for f in report["filings"] for name in f["outputs"])
    totals = report["totals"]
    assert totals["filings"] == 2 and totals["facts"] == 863 and totals["findings"]["warning"] == 1
    assert totals["status"] == {"ok": 1, "warnings": 1} and totals["exit_code"] == 0
    assert main(["convert", *inputs, "--out", str(out), "--summary-json", str(summary), "--quiet", "--strict"]) == 1
    assert json.loads(summary.read_text(encoding="utf-8"))["totals"]["exit_code"] == 1


def test_an_interrupted_run_leaves_no_staging_folder_and_whole_files(tmp_path: Path, capsys, monkeypatch) -> None:
    real = command._report_filing
    seen = []

    def interrupted(result, quiet):
        real(result, quiet)
        seen.append(result)
        if len(seen) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(command, "_report_filing", interrupted)
    out = tmp_path / "out"
    inputs = [str(p) for p in sorted(SAMPLES.glob("*.txt"))]
    for jobs in ("1", "2"):
        with pytest.raises(KeyboardInterrupt):
            main(["convert", *inputs, "--out", str(out), "-j", jobs, "--quiet"])
        seen.clear()
        assert _leftovers(out) == []
        for instance in out.glob("*.xbrl"):  # whatever was put in place is whole and valid
            assert [f for f in validate_file(instance) if f.level is Level.ERROR] == []
        recorded = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["filings"]
        assert {sample("000").stem, sample("001").stem} <= set(recorded)


def test_a_worker_that_dies_is_a_finding_of_its_filing(tmp_path: Path, capsys, monkeypatch) -> None:
    parent, real = os.getpid(), convert_module.convert_path

    def dying(stage, path, *args, **kwargs):
        if "001_" in str(path) and os.getpid() != parent:
            os._exit(3)  # the worker process ends without a word
        return real(stage, path, *args, **kwargs)

    monkeypatch.setattr(convert_module, "convert_path", dying)
    monkeypatch.setattr(executors, "START_METHOD", "fork")  # the workers are forked with the patch
    out = tmp_path / "out"
    inputs = [str(p) for p in sorted(SAMPLES.glob("*.txt"))]
    assert main(["convert", *inputs, "--out", str(out), "-j", "2"]) == 1
    captured = capsys.readouterr()
    assert f"{inputs[1]}: not converted: the worker stopped" in captured.out
    assert re.search(rf"{re.escape(inputs[1])}: error kcxbrl:workerStopped", captured.err)
    assert _leftovers(out) == []
    # the filings in flight with it are converted again, one at a time, in a new pool
    for prefix in ("000", "002", "003", "004"):
        assert (out / f"{sample(prefix).stem}.xbrl").is_file()
        assert f"{sample(prefix)}: " in captured.out and f"{sample(prefix)}: not converted" not in captured.out
    assert not (out / f"{sample('001').stem}.xbrl").exists()
    assert captured.out.count("not converted") == 1


def test_jobs_below_one_and_a_missing_file_are_usage_errors(tmp_path: Path, capsys) -> None:
    assert main(["convert", str(sample("000")), "--out", str(tmp_path), "-j", "0"]) == 2
    assert "-j 0: give at least one job" in capsys.readouterr().err
    assert main(["convert", str(sample("000")), str(tmp_path / "gone.txt"), "--out", str(tmp_path)]) == 2
    assert f"{tmp_path / 'gone.txt'}: no such file" in capsys.readouterr().err


def _unavailable(*args, **kwargs):
    raise ImportError("not installed")


def test_progress_is_one_line_rewritten_on_a_terminal_and_none_with_quiet(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(batch, "is_terminal", lambda stream: True)
    monkeypatch.setattr(progress, "RichLine", _unavailable)
    monkeypatch.setattr(progress, "Tqdm", _unavailable)
    inputs = [str(sample(p)) for p in ("000", "003")]
    assert main(["convert", *inputs, "--out", str(tmp_path / "a"), "-j", "1"]) == 0
    err = capsys.readouterr().err
    assert "\r\x1b[K1/2 filings, 46 facts, 0 errors, 0 warnings, " in err
    assert "\r\x1b[K2/2 filings, 415 facts, 0 errors, 0 warnings, " in err
    last = err.rstrip().split("\r\x1b[K")[-1]  # the line taken away, then the summary
    assert last.startswith("kcxbrl: summary\n") and _counts(last.split("\n", 1)[1])["files"] == "2"
    assert main(["convert", *inputs, "--out", str(tmp_path / "b"), "-j", "1", "--quiet"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("terminal", ["none", "stderr only"])
def test_no_progress_is_drawn_unless_stdout_and_stderr_are_terminals(terminal: str, tmp_path: Path, capsys,
                                                                      monkeypatch) -> None:
    if terminal == "stderr only":  # stdout goes to a file or a pipe
        monkeypatch.setattr(batch, "is_terminal", lambda stream: stream is sys.stderr)
    inputs = [str(sample(p)) for p in ("000", "003")]
    assert main(["convert", *inputs, "--out", str(tmp_path), "-j", "1"]) == 0
    err = capsys.readouterr().err
    assert "\r" not in err and "\x1b" not in err and "filings," not in err and "━" not in err
    assert err.startswith("kcxbrl: summary\n")


def test_the_summary_table_counts_files_facts_and_findings(tmp_path: Path, capsys) -> None:
    inputs = [str(sample(p)) for p in ("000", "004")]
    out = tmp_path / "out"
    assert main(["convert", *inputs, "--out", str(out), "-j", "1"]) == 0
    assert main(["convert", *inputs, str(sample("003")), "--out", str(out), "-j", "1", "--resume"]) == 0
    table = capsys.readouterr().err.split("kcxbrl: summary\n")[-1]
    rows = _counts(table)
    assert rows == {"files": "3", "converted": "1", "with errors": "0", "with warnings": "1",
                    "skipped (--resume)": "2", "facts": str(46 + 421 + 369), "error findings": "0",
                    "warning findings": "1", "info findings": rows["info findings"]}
    assert re.search(r"^  time +\d+\.\d s$", table, re.M) and re.search(r"^  files/s +\d+\.\d$", table, re.M)


@pytest.mark.parametrize("kind", ["rich", "tqdm"])
def test_a_bar_is_drawn_by_rich_or_tqdm_when_installed(kind: str, tmp_path: Path, capsys, monkeypatch) -> None:
    pytest.importorskip(kind, reason=f"{kind} is not installed (it is optional)")
    monkeypatch.setattr(batch, "is_terminal", lambda stream: True)
    if kind == "tqdm":
        monkeypatch.setattr(progress, "RichLine", _unavailable)
    inputs = [str(sample(p)) for p in ("000", "003")]
    assert main(["convert", *inputs, "--out", str(tmp_path), "-j", "1"]) == 0
    err = capsys.readouterr().err
    drawn = err.split("kcxbrl: summary")[0]
    assert ("2/2 files" if kind == "rich" else "2/2") in drawn
    assert "415 facts, 0 errors, 0 warnings" in drawn


def test_the_dask_executor_on_a_local_cluster_writes_the_same_bytes(tmp_path: Path, capsys) -> None:
    pytest.importorskip("distributed", reason="the extra kcxbrl[dask] (Dask distributed) is not installed")
    inputs = [str(sample(p)) for p in ("000", "003", "004")]
    assert main(["convert", *inputs, "--out", str(tmp_path / "local"), "-j", "1", "--quiet"]) == 0
    assert main(["convert", *inputs, "--out", str(tmp_path / "dask"), "-j", "2", "--quiet", "--executor", "dask"]) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    assert [line.split(":")[0] for line in lines[3:]] == inputs
    assert lines[4].startswith(f"{inputs[1]}: 369 facts")
    assert _tree(tmp_path / "local") == _tree(tmp_path / "dask")
    assert _leftovers(tmp_path / "dask") == []


def test_a_scheduler_without_the_dask_executor_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["convert", str(sample("000")), "--out", str(tmp_path), "--scheduler", "tcp://localhost:8786"]) == 2
    assert "--scheduler goes with --executor dask" in capsys.readouterr().err


def test_a_running_dask_scheduler_is_used_at_its_address(tmp_path: Path, capsys) -> None:
    distributed = pytest.importorskip("distributed", reason="the extra kcxbrl[dask] (Dask distributed) is not installed")
    inputs = [str(sample(p)) for p in ("000", "001")]
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        code = main(["convert", *inputs, "--out", str(tmp_path), "--quiet", "--executor", "dask",
                     "--scheduler", cluster.scheduler_address])
    assert code == 0
    lines = capsys.readouterr().out.strip().split("\n")
    assert [line.split(":")[0] for line in lines[-2:]] == inputs
    assert sorted(p.name for p in tmp_path.glob("*.xbrl")) == [sample(p).stem + ".xbrl" for p in ("000", "001")]
    assert _leftovers(tmp_path) == []


def test_the_dask_executor_without_dask_says_which_extra_to_install(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were not installed
    assert batch.dask_missing() is not None
    assert main(["convert", str(sample("000")), "--out", str(tmp_path), "--executor", "dask"]) == 2
    assert "--executor dask needs Dask distributed: pip install 'kcxbrl[dask]'" in capsys.readouterr().err
    assert not (tmp_path / f"{sample('000').stem}.xbrl").exists()
