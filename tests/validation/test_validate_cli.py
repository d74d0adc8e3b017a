"""``kcxbrl validate`` on the command line: exit codes, the text, JSON, JUnit
and GitHub formats, folders and the log file, over the corpus in
tests/data/validate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from kcxbrl.cli import main
from validate_corpus import DATA, run_cli


def test_cli_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run_cli(capsys, str(DATA / "valid.xbrl"))[0] == 0
    assert run_cli(capsys, str(DATA / "calcInconsistency.xbrl"))[0] == 1
    assert run_cli(capsys, str(DATA / "unusedUnit.xbrl"))[0] == 0
    assert run_cli(capsys, "--strict", str(DATA / "unusedUnit.xbrl"))[0] == 1
    assert run_cli(capsys, str(tmp_path / "missing.xbrl"))[0] == 2
    assert run_cli(capsys, str(DATA / "xmlSyntax.xbrl"))[0] == 2
    assert run_cli(capsys, str(DATA / "notInstance.xml"))[0] == 2
    binary = tmp_path / "binary.xbrl"
    binary.write_bytes(b"\x00\xff\xfe\x01 not xml")
    assert run_cli(capsys, str(binary))[0] == 2
    # an unreadable file among good ones still makes the run a usage error
    assert run_cli(capsys, str(DATA / "valid.xbrl"), str(tmp_path / "missing.xbrl"))[0] == 2


def test_cli_text_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(DATA / "itemContextRef.xbrl")]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out == [line for line in out if ": error " in line or ": warning " in line or ": info " in line]
    assert any("itemContextRef.xbrl:66: error xbrl.4.6.1:itemContextRef" in line for line in out)


def test_cli_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, findings = run_cli(capsys, str(DATA / "monetaryFactUnit.xbrl"))
    assert code == 1
    [finding] = [f for f in findings if f["level"] == "error"]
    assert set(finding) == {"level", "code", "message", "file", "line", "element", "ref"}
    assert finding["code"] == "xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure"


def test_cli_unknown_profile_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--profile", "esef", str(DATA / "valid.xbrl")]) == 2


def test_cli_json_has_status_and_counts_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", "--format", "json", str(DATA / "valid.xbrl"), str(DATA / "calcInconsistency.xbrl")])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    first, second = report["files"]
    assert first["file"].endswith("valid.xbrl") and first["status"] == "ok" and first["passed"]
    assert first["errors"] == 0 and first["findings"] == []
    assert second["status"] == "errors" and not second["passed"]
    assert second["errors"] == len([f for f in second["findings"] if f["level"] == "error"]) == 1
    assert report["summary"] == {"files": 2, "failed": 1, "errors": 1, "warnings": second["warnings"], "strict": False}


def test_cli_summary_line_per_file_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    main(["validate", str(DATA / "valid.xbrl"), str(DATA / "calcInconsistency.xbrl"), str(DATA / "unusedUnit.xbrl")])
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith("valid.xbrl: ok")
    assert err[1].endswith("calcInconsistency.xbrl: 1 error, 0 warnings")
    assert err[2].endswith("unusedUnit.xbrl: 0 errors, 1 warning")


def test_cli_junit(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", "--format", "junit", str(DATA / "valid.xbrl"), str(DATA / "calcInconsistency.xbrl")])
    suite = etree.fromstring(capsys.readouterr().out.encode("utf-8")).find("testsuite")
    assert code == 1 and suite is not None
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")
    ok, failed = suite.findall("testcase")
    assert ok.find("failure") is None
    failure = failed.find("failure")
    assert failure is not None and failure.get("message", "").endswith("1 error, 0 warnings")
    assert "calc11e:inconsistentCalculationUsingRounding" in (failure.text or "")


def test_cli_junit_strict_fails_on_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "junit", "--strict", str(DATA / "unusedUnit.xbrl")]) == 1
    suite = etree.fromstring(capsys.readouterr().out.encode("utf-8")).find("testsuite")
    assert suite is not None and suite.get("failures") == "1"


def test_cli_github_annotations(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "github", str(DATA / "calcInconsistency.xbrl")]) == 1
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith(f"::error file={DATA / 'calcInconsistency.xbrl'},line=55,"
                           "title=calc11e%3AinconsistentCalculationUsingRounding::calculation inconsistent")


def test_cli_folder_validates_every_instance(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", "--format", "json", str(DATA)])
    names = {Path(f["file"]).name for f in json.loads(capsys.readouterr().out)["files"]}
    # instances only: not the taxonomy's schemas and linkbases, not notInstance.xml
    assert names == {p.name for p in DATA.glob("*.xbrl")}
    assert code == 2  # xmlSyntax.xbrl and the DTD cases are not readable XBRL


def test_cli_log_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    log = tmp_path / "validate.log"
    main(["validate", "--log-file", str(log), str(DATA / "completeDuplicateFacts.xbrl")])
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[0].endswith("completeDuplicateFacts.xbrl: ok")
    assert any("info kcxbrl:completeDuplicateFacts" in line for line in lines[1:])
