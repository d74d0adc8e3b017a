"""``kcxbrl validate`` against the corpus in tests/data/validate: what it
reports for each rule, and the rules' behaviour around the edges.

Each instance there breaks one rule (its name says which) or is a valid
control; expected.toml lists what kcxbrl must report (Arelle's side is
test_validate_arelle.py, the command line test_validate_cli.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kcxbrl.findings import Level
from kcxbrl.validation.validator import INPUT_CODES, is_valid, iter_findings, validate_file
from validate_corpus import CASES, DATA, beside_taxonomy, case_id, run_cli


# --------------------------------------------------------------------------
# kcxbrl against the manifest
# --------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_kcxbrl_reports_expected_code(case: dict[str, object], capsys: pytest.CaptureFixture[str]) -> None:
    path = DATA / str(case["file"])
    profile = ["--profile", str(case["profile"])] if case.get("profile") else []
    exit_code, findings = run_cli(capsys, *profile, str(path))
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


def test_xxe_never_reads_the_entity(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    doc = tmp_path / "xxe.xbrl"
    doc.write_text((DATA / "xxe.xbrl").read_text().replace("file:///etc/passwd", secret.as_uri()))
    findings = validate_file(doc)
    assert [f.code for f in findings] == ["kcxbrl:dtdForbidden"]
    assert all("TOP-SECRET" not in f.message for f in findings)



# --------------------------------------------------------------------------
# calculation modes and the rules the conformance suite drove
# --------------------------------------------------------------------------


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
    path = beside_taxonomy(tmp_path, "valid.xbrl", "rmb.xbrl",
                            ('<xbrli:unit id="CNY"><xbrli:measure>iso4217:CNY', '<xbrli:unit id="CNY"><xbrli:measure>iso4217:RMB'))
    codes = {f.code for f in validate_file(path) if f.level is Level.ERROR}
    assert "xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure" in codes


@pytest.mark.parametrize("decimals, value", [("-999999999", "7" + "0" * 400), ("999999999", "7785000"),
                                             ("-999999999", "7785000")])
def test_extreme_numbers_never_stop_the_rules(tmp_path: Path, decimals: str, value: str) -> None:
    path = beside_taxonomy(tmp_path, "calcRoundingConsistent.xbrl", "extreme.xbrl",
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
