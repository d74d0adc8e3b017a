"""``kcxbrl validate`` against the corpus in tests/data/validate, and against Arelle.

Each instance there breaks one rule (its name says which) or is a valid
control; expected.toml lists what kcxbrl must report and what Arelle reports.
"""

from __future__ import annotations

import shutil

import importlib.util
import json
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from kcxbrl.cli import main
from kcxbrl.findings import Level
from kcxbrl.validation.validator import INPUT_CODES, is_valid, iter_findings, validate_file
from paths import DATA as TEST_DATA

DATA = TEST_DATA / "validate"
MANIFEST = tomllib.loads((DATA / "expected.toml").read_text(encoding="utf-8"))
CASES: list[dict[str, object]] = MANIFEST["case"]
HAVE_ARELLE = importlib.util.find_spec("arelle") is not None
ARELLE_BAD = {"error", "inconsistency", "critical", "fatal"}
ARELLE_RANK = {"info": 0, "warning": 1, "inconsistency": 2, "error": 3, "critical": 4, "fatal": 5}


def _case_id(case: dict[str, object]) -> str:
    return f"{case['file']}" + (f"[{case['profile']}]" if case.get("profile") else "")


def _run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]]]:
    code = main(["validate", "--format", "json", *args])
    out = capsys.readouterr().out
    report = json.loads(out) if out.strip() else {"files": []}
    return code, [finding for entry in report["files"] for finding in entry["findings"]]


# --------------------------------------------------------------------------
# kcxbrl against the manifest
# --------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_kcxbrl_reports_expected_code(case: dict[str, object], capsys: pytest.CaptureFixture[str]) -> None:
    path = DATA / str(case["file"])
    profile = ["--profile", str(case["profile"])] if case.get("profile") else []
    exit_code, findings = _run_cli(capsys, *profile, str(path))
    errors = {f["code"] for f in findings if f["level"] == "error"}
    if case.get("valid"):
        assert not errors, findings
        assert not [f for f in findings if f["level"] == "warning"], findings
        assert exit_code == 0
        return
    expected = str(case["code"])
    level = str(case["level"])
    assert any(f["code"] == expected and f["level"] == level for f in findings), findings
    wanted_errors = set(case.get("also", [])) | ({expected} if level == "error" else set())  # type: ignore[arg-type]
    assert errors == wanted_errors, findings
    if expected in INPUT_CODES:
        assert exit_code == 2
    else:
        assert exit_code == (1 if errors else 0)
    assert all(f["file"] and f["message"] for f in findings), findings
    assert all(f["line"] for f in findings if f["code"] == expected), findings


def test_manifest_covers_every_instance() -> None:
    listed = {str(c["file"]) for c in CASES}
    on_disk = {p.name for p in DATA.iterdir() if p.suffix in (".xbrl", ".xml") and not p.name.startswith("kct-")}
    assert on_disk == listed


def test_findings_carry_location_and_reference() -> None:
    findings = validate_file(DATA / "calcInconsistency.xbrl")
    [calc] = [f for f in findings if f.code.startswith("calc11e:")]
    assert calc.line == 55 and calc.element == "kct:GrossProfit"
    assert calc.ref and "Calculations 1.1" in calc.ref
    assert "1577000" in calc.message and "IncomeStatement" in calc.message


def test_is_valid_and_generator_agree() -> None:
    assert is_valid(DATA / "valid.xbrl")
    assert not is_valid(DATA / "calcInconsistency.xbrl")
    assert list(iter_findings(DATA / "valid.xbrl")) == []


def test_too_large_is_refused_unparsed() -> None:
    [finding] = validate_file(DATA / "valid.xbrl", max_bytes=1000)
    assert finding.code == "kcxbrl:tooLarge" and finding.level is Level.ERROR


def test_xmlschema_fallback_when_libxml2_cannot_build(monkeypatch: pytest.MonkeyPatch) -> None:
    from lxml import etree as lxml_etree

    from kcxbrl.validation.rules import xsd

    def refuse(dts: object, *extra: object) -> object:
        raise lxml_etree.XMLSchemaParseError("refused for the test")

    monkeypatch.setattr(xsd, "_lxml_schema", refuse)
    assert validate_file(DATA / "valid.xbrl") == []
    codes = {f.code for f in validate_file(DATA / "valueError.xbrl")}
    assert codes == {"xmlSchema:valueError"}


# --------------------------------------------------------------------------
# the command line
# --------------------------------------------------------------------------


def test_cli_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert _run_cli(capsys, str(DATA / "valid.xbrl"))[0] == 0
    assert _run_cli(capsys, str(DATA / "calcInconsistency.xbrl"))[0] == 1
    assert _run_cli(capsys, str(DATA / "unusedUnit.xbrl"))[0] == 0
    assert _run_cli(capsys, "--strict", str(DATA / "unusedUnit.xbrl"))[0] == 1
    assert _run_cli(capsys, str(tmp_path / "missing.xbrl"))[0] == 2
    assert _run_cli(capsys, str(DATA / "xmlSyntax.xbrl"))[0] == 2
    assert _run_cli(capsys, str(DATA / "notInstance.xml"))[0] == 2
    binary = tmp_path / "binary.xbrl"
    binary.write_bytes(b"\x00\xff\xfe\x01 not xml")
    assert _run_cli(capsys, str(binary))[0] == 2
    # an unreadable file among good ones still makes the run a usage error
    assert _run_cli(capsys, str(DATA / "valid.xbrl"), str(tmp_path / "missing.xbrl"))[0] == 2


def test_cli_text_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(DATA / "itemContextRef.xbrl")]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out == [line for line in out if ": error " in line or ": warning " in line or ": info " in line]
    assert any("itemContextRef.xbrl:66: error xbrl.4.6.1:itemContextRef" in line for line in out)


def test_cli_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, findings = _run_cli(capsys, str(DATA / "monetaryFactUnit.xbrl"))
    assert code == 1
    [finding] = [f for f in findings if f["level"] == "error"]
    assert set(finding) == {"level", "code", "message", "file", "line", "element", "ref"}
    assert finding["code"] == "xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure"


def test_cli_unknown_profile_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--profile", "esef", str(DATA / "valid.xbrl")]) == 2


def test_xxe_never_reads_the_entity(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    doc = tmp_path / "xxe.xbrl"
    doc.write_text((DATA / "xxe.xbrl").read_text().replace("file:///etc/passwd", secret.as_uri()))
    findings = validate_file(doc)
    assert [f.code for f in findings] == ["kcxbrl:dtdForbidden"]
    assert all("TOP-SECRET" not in f.message for f in findings)


# --------------------------------------------------------------------------
# Arelle on the same files
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ArelleEntry:
    code: str
    level: str


def _arelle(path: Path, log_dir: Path) -> list[ArelleEntry]:
    log_file = log_dir / f"{path.name}.log.xml"
    command = [
        sys.executable, "-m", "arelle.CntlrCmdLine",
        "--file", str(path), "--validate", "--calc", "c11r", "--utr",
        "--validateDuplicateFacts", "all",
        "--internetConnectivity", "offline",
        "--logFile", str(log_file), "--logFileMode", "w",
    ]
    subprocess.run(command, check=False, capture_output=True, timeout=300, cwd=log_dir)
    root = etree.parse(str(log_file)).getroot()
    return [ArelleEntry(e.get("code", ""), e.get("level", "")) for e in root.iter("entry")]


@pytest.fixture(scope="session")
def arelle_logs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[ArelleEntry]]:
    """Arelle's findings for every file the manifest says Arelle checks (run in parallel)."""
    from concurrent.futures import ThreadPoolExecutor

    log_dir = tmp_path_factory.mktemp("arelle")
    files = sorted({str(c["file"]) for c in CASES if c.get("arelle")})
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = pool.map(lambda name: _arelle(DATA / name, log_dir), files)
        return dict(zip(files, results))


@pytest.mark.arelle
@pytest.mark.skipif(not HAVE_ARELLE, reason="Arelle is not installed")
@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_arelle_agrees(case: dict[str, object], arelle_logs: dict[str, list[ArelleEntry]]) -> None:
    if not case.get("arelle"):
        pytest.skip(str(case.get("arelle_reason", "Arelle does not check this rule")))
    entries = arelle_logs[str(case["file"])]
    if case.get("valid"):
        problems = [e for e in entries if e.level in ARELLE_BAD or e.level == "warning"]
        assert not problems, problems
        return
    code = str(case["arelle_code"])
    level = str(case["arelle_level"])
    assert any(e.code == code and ARELLE_RANK.get(e.level, 0) >= ARELLE_RANK[level] for e in entries), entries



# --------------------------------------------------------------------------
# continuous integration: per-file results, formats, folders, log file
# --------------------------------------------------------------------------


def _beside_taxonomy(tmp_path: Path, source: str, name: str, *replacements: tuple[str, str]) -> Path:
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


# --------------------------------------------------------------------------
# entry points, calculation modes and the rules the conformance suite drove
# --------------------------------------------------------------------------


def test_schema_and_linkbase_entry_points() -> None:
    assert not [f for f in validate_file(DATA / "kct-2026.xsd") if f.level is Level.ERROR]
    assert not [f for f in validate_file(DATA / "kct-2026_cal.xml") if f.level is Level.ERROR]


def test_calculation_modes() -> None:
    path = DATA / "calcInconsistency.xbrl"
    c11r = [f for f in validate_file(path) if f.level is Level.ERROR]
    xbrl21 = [f for f in validate_file(path, calc="xbrl21") if f.level is Level.ERROR]
    assert [(f.code, f.line) for f in c11r] == [("calc11e:inconsistentCalculationUsingRounding", 55)]
    assert [(f.code, f.line) for f in xbrl21] == [("xbrl.5.2.5.2:calcInconsistency", 55)]
    assert "1577000" in xbrl21[0].message
    assert not [f for f in validate_file(path, calc="none") if f.level is Level.ERROR]
    with pytest.raises(Exception, match="calculation mode"):
        validate_file(path, calc="c10")


def test_rmb_is_not_an_iso4217_currency(tmp_path: Path) -> None:
    path = _beside_taxonomy(tmp_path, "valid.xbrl", "rmb.xbrl",
                            ('<xbrli:unit id="CNY"><xbrli:measure>iso4217:CNY', '<xbrli:unit id="CNY"><xbrli:measure>iso4217:RMB'))
    codes = {f.code for f in validate_file(path) if f.level is Level.ERROR}
    assert "xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure" in codes


@pytest.mark.parametrize("decimals, value", [("-999999999", "7" + "0" * 400), ("999999999", "7785000"),
                                             ("-999999999", "7785000")])
def test_extreme_numbers_never_stop_the_rules(tmp_path: Path, decimals: str, value: str) -> None:
    path = _beside_taxonomy(tmp_path, "calcRoundingConsistent.xbrl", "extreme.xbrl",
                            ('decimals="-3">7785000<', f'decimals="{decimals}">{value}<'))
    for mode in ("c11r", "xbrl21"):
        codes = {f.code for f in validate_file(path, calc=mode)}
        assert "kcxbrl:internalError" not in codes, (mode, codes)


def test_inconsistent_duplicates_are_errors_only_when_strict() -> None:
    path = DATA / "inconsistentDuplicateFacts.xbrl"
    [plain] = [f for f in validate_file(path) if f.code == "kcxbrl:inconsistentDuplicateFacts"]
    [strict] = [f for f in validate_file(path, strict=True) if f.code == "kcxbrl:inconsistentDuplicateFacts"]
    assert (plain.level, strict.level) == (Level.WARNING, Level.ERROR)


def test_a_schema_ref_outside_the_instance_folder_is_not_opened(tmp_path) -> None:
    """A validator run in CI must not read files a stranger's instance points it at."""
    from kcxbrl.validation.validator import validate_file

    secret = tmp_path / "secret.xsd"
    secret.write_text("<not-xml", encoding="utf-8")
    folder = tmp_path / "instances"
    folder.mkdir()
    instance = folder / "x.xbrl"
    instance.write_text(
        '<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" '
        'xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
        '<link:schemaRef xlink:type="simple" xlink:href="../secret.xsd"/>\n</xbrli:xbrl>\n',
        encoding="utf-8",
    )
    findings = validate_file(instance)
    codes = {(f.code, f.line) for f in findings}
    assert ("kcxbrl:refOutsideFolder", 2) in codes
    assert not any(f.file == str(secret) for f in findings), "the file outside was opened"
    followed = validate_file(instance, outside=True)
    assert any(f.file and f.file.endswith("secret.xsd") for f in followed), "with the option it is read"
