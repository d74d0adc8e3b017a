"""A row no concept matches is a finding naming file, line and label; with
--extend it becomes an extension concept and its values reach the instance."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from kcxbrl.cli import main
from kcxbrl.validate import validate_file
from kcxbrl.findings import Level

from arelle_runner import HAVE_ARELLE, problems, run_arelle
from converted import sample

ROW = "Other operating income\t1,000\t2,000\t286"


def _modified(tmp_path: Path) -> tuple[Path, int]:
    lines = sample("002").read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("Interest income\t27,008"))
    lines.insert(index, ROW)
    path = tmp_path / "002_mod.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, index + 1


def _facts(path: Path, prefix: str) -> dict[tuple[str, str], str]:
    root = etree.parse(str(path)).getroot()
    namespace = root.nsmap.get(prefix)
    return {
        (el.get("contextRef"), el.get("unitRef")): el.text
        for el in root if namespace and isinstance(el.tag, str) and el.tag.startswith("{" + namespace + "}")
        and etree.QName(el).localname == "OtherOperatingIncome"
    }


def test_without_extend_the_row_is_a_warning_and_no_fact(tmp_path, capsys) -> None:
    path, line = _modified(tmp_path)
    assert main(["convert", str(path), "--out", str(tmp_path / "plain")]) == 0
    err = capsys.readouterr().err
    assert f"002_mod.txt:{line}: warning kcxbrl:unmappedRow row 'Other operating income'" in err
    assert _facts(tmp_path / "plain" / "002_mod.xbrl", "kcx") == {}
    assert not (tmp_path / "plain" / "002_mod-ext.xsd").exists()


def test_with_extend_the_values_reach_the_instance(tmp_path, capsys) -> None:
    path, line = _modified(tmp_path)
    out = tmp_path / "ext"
    assert main(["convert", str(path), "--out", str(out), "--extend", "--report"]) == 0
    for name in ("002_mod-ext.xsd", "002_mod-ext_lab.xml", "002_mod-ext_pre.xml"):
        assert (out / name).is_file()
    facts = _facts(out / "002_mod.xbrl", "kcx")
    assert facts == {("FY2024", "CNY"): "1000000", ("FY2025", "CNY"): "2000000", ("FY2025", "USD"): "286000"}
    assert 'xlink:href="002_mod-ext.xsd"' in (out / "002_mod.xbrl").read_text(encoding="utf-8")
    label = (out / "002_mod-ext_lab.xml").read_text(encoding="utf-8")
    assert ">Other operating income</link:label>" in label
    presentation = (out / "002_mod-ext_pre.xml").read_text(encoding="utf-8")
    assert "role/StatementOfComprehensiveLoss" in presentation
    report = (out / "002_mod.report.txt").read_text(encoding="utf-8")
    assert f"002_mod.txt:{line} table 7 cell 2 '2,000': fact kcx:OtherOperatingIncome context FY2025 unit CNY" in report
    assert "unexplained" in capsys.readouterr().out
    findings = validate_file(out / "002_mod.xbrl")
    assert [f for f in findings if f.level is Level.ERROR] == []


@pytest.mark.arelle
@pytest.mark.skipif(not HAVE_ARELLE, reason="arelle-release is not installed")
def test_extension_is_clean_in_arelle(tmp_path) -> None:
    path, _ = _modified(tmp_path)
    out = tmp_path / "ext"
    assert main(["convert", str(path), "--out", str(out), "--extend", "--quiet"]) == 0
    assert problems(run_arelle(out / "002_mod.xbrl", tmp_path)) == []
