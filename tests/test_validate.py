"""``kcxbrl validate`` against the corpus in tests/data/validate, and against Arelle.

Each instance there breaks one rule (its name says which) or is a valid
control; expected.toml lists what kcxbrl must report and what Arelle reports.
"""

from __future__ import annotations

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
from kcxbrl.validate import INPUT_CODES, is_valid, iter_findings, validate_file

DATA = Path(__file__).parent / "data" / "validate"
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
    return code, json.loads(out) if out.strip() else []


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


def test_dts_offline_and_fast() -> None:
    import time

    from kcxbrl.dts import load

    start = time.perf_counter()
    dts = load([DATA / "kct-2026.xsd"])
    elapsed = time.perf_counter() - start
    revenues = dts.concepts["{http://example.com/kctest/2026}Revenues"]
    assert revenues.is_monetary and revenues.period_type == "duration" and revenues.balance == "credit"
    eps = dts.concepts["{http://example.com/kctest/2026}EarningsPerShare"]
    assert eps.is_per_share and eps.is_decimal
    axis = dts.concepts["{http://example.com/kctest/2026}ContractAxis"]
    assert axis.is_typed_dimension and axis.typed_domain_ref == "{http://example.com/kctest/2026}ContractId"
    assert dts.label("{http://example.com/kctest/2026}GrossProfit") == "Gross profit"
    weights = {(r.source.split("}")[1], r.target.split("}")[1]): r.weight
               for r in dts.base_sets("http://www.xbrl.org/2003/arcrole/summation-item")}
    assert weights[("GrossProfit", "CostOfRevenues")] == -1
    assert not dts.findings
    assert elapsed < 1.0


def _synthetic_taxonomy(folder: Path, count: int) -> Path:
    """A schema of ``count`` concepts with label, presentation and calculation links."""
    ns = "http://example.com/synthetic"
    elements = "".join(
        f'<xs:element id="s_C{i}" name="C{i}" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item" '
        f'xbrli:periodType="duration" xbrli:balance="credit"/>'
        for i in range(count)
    )
    refs = "".join(
        f'<link:linkbaseRef xlink:type="simple" xlink:href="s_{kind}.xml" '
        f'xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/>'
        for kind in ("lab", "pre", "cal")
    )
    (folder / "s.xsd").write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance" '
        'xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'targetNamespace="{ns}" elementFormDefault="qualified"><xs:annotation><xs:appinfo>{refs}'
        '</xs:appinfo></xs:annotation><xs:import namespace="http://www.xbrl.org/2003/instance" '
        f'schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>{elements}</xs:schema>'
    )
    head = ('<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" '
            'xmlns:xlink="http://www.w3.org/1999/xlink">')
    locs = "".join(f'<link:loc xlink:type="locator" xlink:href="s.xsd#s_C{i}" xlink:label="C{i}"/>' for i in range(count))
    labels = "".join(
        f'<link:label xlink:type="resource" xlink:label="L{i}" xlink:role="http://www.xbrl.org/2003/role/label" '
        f'xml:lang="en">Concept {i}</link:label><link:labelArc xlink:type="arc" '
        f'xlink:arcrole="http://www.xbrl.org/2003/arcrole/concept-label" xlink:from="C{i}" xlink:to="L{i}"/>'
        for i in range(count)
    )
    (folder / "s_lab.xml").write_text(
        f'{head}<link:labelLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">'
        f"{locs}{labels}</link:labelLink></link:linkbase>")
    for kind, arcrole, extra in (("pre", "parent-child", ""), ("cal", "summation-item", ' weight="1"')):
        arcs = "".join(
            f'<link:{kind}Arc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/{arcrole}" '
            f'xlink:from="C{i // 10}" xlink:to="C{i}" order="{i}"{extra}/>'
            for i in range(1, count)
        )
        link = "presentationLink" if kind == "pre" else "calculationLink"
        arc_name = "presentationArc" if kind == "pre" else "calculationArc"
        (folder / f"s_{kind}.xml").write_text(
            f'{head}<link:{link} xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">'
            f"{locs}{arcs.replace(f'link:{kind}Arc', f'link:{arc_name}')}</link:{link}></link:linkbase>")
    return folder / "s.xsd"


def test_dts_of_500_concepts_loads_well_under_a_second(tmp_path: Path) -> None:
    import time

    from kcxbrl.dts import load

    entry = _synthetic_taxonomy(tmp_path, 500)
    load([entry])  # warm the imports
    start = time.perf_counter()
    dts = load([entry])
    elapsed = time.perf_counter() - start
    assert len([c for c in dts.concepts if c.startswith("{http://example.com/synthetic}")]) == 500
    assert len(dts.base_sets("http://www.xbrl.org/2003/arcrole/summation-item")) == 499
    assert len(dts.labels) == 500
    assert not dts.findings
    assert elapsed < 0.5, elapsed


def test_xmlschema_fallback_when_libxml2_cannot_build(monkeypatch: pytest.MonkeyPatch) -> None:
    from lxml import etree as lxml_etree

    from kcxbrl.rules import xsd

    def refuse(dts: object) -> object:
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

