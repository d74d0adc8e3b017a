"""`kcxbrl convert` puts a file in place only once it has passed the checks of
`kcxbrl validate`; what fails is not written and the exit code is 1."""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

import kcxbrl.pipeline as convert_module
from kcxbrl.batch import MANIFEST
from kcxbrl.cli import main
from kcxbrl.findings import Level
from kcxbrl.text.read import read_text
from kcxbrl.validation.validator import validate_file
from kcxbrl.errors import OutputError
from kcxbrl.write import STAGE_PREFIX, check_outputs

from converted import KC, SAMPLES, converted, sample

TAXONOMY = ("kc-2026.xsd", "kc-2026_lab.xml", "kc-2026_pre.xml", "kc-2026_cal.xml", "kc-2026_def.xml")
# anything XML 1.0 cannot carry, as the outputs would show it
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _staging_left(out: Path) -> list[Path]:
    return [p for p in out.iterdir() if p.name.startswith(STAGE_PREFIX) or p.name.endswith(".part")]


def _broken_context(render):
    """A renderer whose first fact refers to a context the instance does not have."""
    def rendered(instance, taxonomy):
        return re.sub(r'contextRef="[^"]+"', 'contextRef="Nowhere"', render(instance, taxonomy), count=1)
    return rendered


# --- checked before written -----------------------------------------------------


def test_an_invalid_instance_is_not_written(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(convert_module, "render_instance", _broken_context(convert_module.render_instance))
    stem = sample("000").stem
    out = tmp_path / "out"
    assert main(["convert", str(sample("000")), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    instance = out / f"{stem}.xbrl"
    # the validator's own finding, kept with its code, naming the file in the output folder
    assert re.search(rf"^  {re.escape(str(instance))}:\d+: error xbrl\.4\.6\.1:itemContextRef .*'Nowhere'",
                     captured.err, re.M)
    for name in (f"{stem}.xbrl", f"{stem}.json", f"{stem}.csv"):
        assert f"{out / name}: error kcxbrl:outputNotWritten {name} was not written" in captured.err
        assert not (out / name).exists()
    assert captured.out.rstrip().endswith(f"-> not written: {instance}")
    assert sorted(p.name for p in out.iterdir()) == sorted(TAXONOMY)  # no staging folder, no partial file, no record


def test_a_failing_run_leaves_an_older_output_as_it_was(tmp_path, capsys, monkeypatch) -> None:
    stem = sample("000").stem
    assert main(["convert", str(sample("000")), "--out", str(tmp_path), "--quiet"]) == 0
    before = (tmp_path / f"{stem}.xbrl").read_bytes()
    monkeypatch.setattr(convert_module, "render_instance", _broken_context(convert_module.render_instance))
    assert main(["convert", str(sample("000")), "--out", str(tmp_path), "--quiet"]) == 1
    assert (tmp_path / f"{stem}.xbrl").read_bytes() == before
    assert "Nowhere" not in before.decode("utf-8")
    assert _staging_left(tmp_path) == []


def test_an_export_that_disagrees_with_the_instance_is_not_written(tmp_path, capsys, monkeypatch) -> None:
    real = convert_module.to_xbrl_json
    seen: list[str] = []

    def altered(instance, taxonomy):
        document = json.loads(real(instance, taxonomy))
        second = list(document["facts"])[1]
        document["facts"][second]["value"] = "1"
        seen.append(second)
        return json.dumps(document)

    monkeypatch.setattr(convert_module, "to_xbrl_json", altered)
    stem = sample("000").stem
    assert main(["convert", str(sample("000")), "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / (stem + '.json')}: error kcxbrl:exportFactMismatch fact {seen[0]} differs from the instance in its value" in err
    assert not (tmp_path / f"{stem}.json").exists()
    # the instance itself passed, so it is in place, and so is the CSV
    assert (tmp_path / f"{stem}.xbrl").is_file() and (tmp_path / f"{stem}.csv").is_file()
    assert _staging_left(tmp_path) == []


@pytest.mark.parametrize(("change", "code"), [
    (lambda d: d["documentInfo"].update(documentType="https://xbrl.org/2021/xbrl-csv"), "kcxbrl:exportDocumentType"),
    (lambda d: d["facts"].pop(list(d["facts"])[0]), "kcxbrl:exportFactCount"),
    (lambda d: d["facts"][list(d["facts"])[2]]["dimensions"].update(period="2020-01-01T00:00:00"),
     "kcxbrl:exportFactMismatch"),
])
def test_export_checks(tmp_path, capsys, monkeypatch, change, code) -> None:
    real = convert_module.to_xbrl_json

    def altered(instance, taxonomy):
        document = json.loads(real(instance, taxonomy))
        change(document)
        return json.dumps(document)

    monkeypatch.setattr(convert_module, "to_xbrl_json", altered)
    assert main(["convert", str(sample("000")), "--out", str(tmp_path)]) == 1
    assert f"error {code} " in capsys.readouterr().err


def test_a_broken_extension_file_holds_back_the_instance(tmp_path, capsys, monkeypatch) -> None:
    real = convert_module.convert_document
    stem = sample("000").stem

    def with_extension(document, taxonomy=None, **options):
        conversion = real(document, taxonomy, **options)
        return replace(conversion, extension=conversion.extension + ((f"{stem}-ext_lab.xml", "<link:linkbase"),))

    monkeypatch.setattr(convert_module, "convert_document", with_extension)
    assert main(["convert", str(sample("000")), "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / (stem + '-ext_lab.xml')}:1: error kcxbrl:xmlSyntax" in err
    assert not (tmp_path / f"{stem}.xbrl").exists() and not (tmp_path / f"{stem}-ext_lab.xml").exists()
    assert _staging_left(tmp_path) == []


def test_an_extension_linkbase_that_points_nowhere_holds_back_the_filing(tmp_path, monkeypatch) -> None:
    lines = sample("002").read_text(encoding="utf-8").split("\n")
    lines.insert(lines.index("Interest income\t27,008\t80,859\t11,563"), "Other operating income\t1,000\t2,000\t286")
    filing = tmp_path / "002_mod.txt"
    filing.write_text("\n".join(lines), encoding="utf-8")
    real = convert_module.convert_document

    def misdirected(document, taxonomy=None, **options):
        conversion = real(document, taxonomy, **options)
        return replace(conversion, extension=tuple(
            (name, text.replace("-ext.xsd#", "-ext.xsd#missing_") if name.endswith("_lab.xml") else text)
            for name, text in conversion.extension
        ))

    monkeypatch.setattr(convert_module, "convert_document", misdirected)
    out = tmp_path / "out"
    (result,) = convert_module.convert_files([filing], out, extend=True)
    assert not result.written and result.has_errors
    (found,) = [f for f in result.findings if f.code == "xbrl.3.5.4:hrefIdNotFound"]
    assert found.file == str(out / "002_mod-ext_lab.xml") and STAGE_PREFIX not in found.message
    assert "002_mod-ext.xsd#missing_kcx_OtherOperatingIncome" in found.message
    assert not list(out.glob("002_mod*")) and _staging_left(out) == []


# --- written in place -------------------------------------------------------------


def test_samples_exit_0_and_leave_no_staging_folder() -> None:
    out, code = converted()
    assert code == 0
    assert _staging_left(out) == []
    stems = sorted(p.stem for p in SAMPLES.glob("*.txt"))
    expected = {f"{s}.{ext}" for s in stems for ext in ("xbrl", "json", "csv")} | set(TAXONOMY)
    # each filing's own schema; the results filings also print summations for its calculation linkbase
    expected |= {f"{s}-ext.xsd" for s in stems} | {f"{s}-ext_cal.xml" for s in stems if s[:3] in ("002", "003", "004")}
    expected.add(MANIFEST)  # the record --resume reads
    assert {p.name for p in out.iterdir()} == expected


def test_the_summary_names_the_written_file(tmp_path, capsys) -> None:
    assert main(["convert", str(sample("002")), "--out", str(tmp_path), "--quiet"]) == 0
    line = capsys.readouterr().out.strip()
    assert re.match(rf"^{re.escape(str(sample('002')))}: 442 facts, 45 contexts, 9 units; findings: 0 errors, 0 warnings; ", line)
    written = Path(line.rsplit(" -> ", 1)[1])
    assert written == tmp_path / f"{sample('002').stem}.xbrl" and written.is_file()


def test_a_new_output_replaces_an_older_one_by_rename(tmp_path) -> None:
    stem = sample("000").stem
    older = tmp_path / f"{stem}.xbrl"
    older.write_text("an older instance", encoding="utf-8")
    kept = tmp_path / "kept-link"
    os.link(older, kept)  # a second name for the older file's contents
    assert main(["convert", str(sample("000")), "--out", str(tmp_path), "--quiet"]) == 0
    # a rename swaps the whole file: the other name still sees the old text, never a mix
    assert kept.read_text(encoding="utf-8") == "an older instance"
    assert older.stat().st_ino != kept.stat().st_ino
    assert "kc:EntityRegistrantName" in older.read_text(encoding="utf-8")
    assert [f for f in validate_file(older) if f.level is Level.ERROR] == []


def test_a_double_hyphen_in_the_file_name_still_gives_a_valid_instance(tmp_path, capsys) -> None:
    filing = tmp_path / "000--copy.txt"  # the name goes into an XML comment, where '--' is not allowed
    filing.write_text(sample("000").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["convert", str(filing), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert [f for f in validate_file(tmp_path / "out" / "000--copy.xbrl") if f.level is Level.ERROR] == []


def test_an_unreadable_filing_stops_the_run_without_leaving_staged_files(tmp_path, capsys) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Caf\u00e9 revenues\t1\n".encode("latin-1"))
    out = tmp_path / "out"
    assert main(["convert", str(sample("000")), str(latin), "--out", str(out), "--quiet"]) == 2
    assert "latin1.txt: not UTF-8 text" in capsys.readouterr().err
    assert _staging_left(out) == []
    assert (out / f"{sample('000').stem}.xbrl").is_file()  # the filing before it was checked and written


def test_an_output_folder_that_is_a_file_is_a_usage_error(tmp_path, capsys) -> None:
    (tmp_path / "taken").write_text("", encoding="utf-8")
    assert main(["convert", str(sample("000")), "--out", str(tmp_path / "taken")]) == 2
    assert "cannot write the output folder" in capsys.readouterr().err


# --- --strict --------------------------------------------------------------------


def test_strict_turns_a_warning_into_exit_1(tmp_path, capsys) -> None:
    filing = tmp_path / "000_widgets.txt"
    filing.write_text(sample("000").read_text(encoding="utf-8") + "\nWidgets sold\t1,000\t2,000\n", encoding="utf-8")
    line = len(filing.read_text(encoding="utf-8").split("\n")) - 1
    assert main(["convert", str(filing), "--out", str(tmp_path / "plain")]) == 0
    err = capsys.readouterr().err
    assert re.search(rf"^  {re.escape(str(filing))}:{line}: warning kcxbrl:\w+ .*'Widgets sold'", err, re.M)
    assert main(["convert", str(filing), "--out", str(tmp_path / "strict"), "--strict"]) == 1
    # the files are written all the same: --strict judges, it does not hold back
    assert (tmp_path / "strict" / "000_widgets.xbrl").is_file()


def test_strict_passes_a_filing_without_warnings(tmp_path, capsys) -> None:
    assert main(["convert", str(sample("000")), "--out", str(tmp_path), "--strict", "--quiet"]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out


# --- control characters ------------------------------------------------------------


def _with_controls(tmp_path: Path) -> tuple[Path, int, int]:
    """Sample 002 with a backspace in a row label and controls in the signer's title."""
    lines = sample("002").read_text(encoding="utf-8").split("\n")
    row = lines.index("Interest income\t27,008\t80,859\t11,563")
    lines[row] = "Interest\b income\t27,008\t80,859\t11,563"
    title = lines.index("Title: Chief Financial Officer")
    lines[title] = "Title: Chief\x1b Financial\x0cOfficer \U00020000\x01"
    path = tmp_path / "002_controls.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, row + 1, title + 1


def test_control_characters_become_a_finding_and_leave_the_outputs(tmp_path, capsys) -> None:
    path, row, title = _with_controls(tmp_path)
    out = tmp_path / "out"
    assert main(["convert", str(path), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"002_controls.txt:{row}: warning kcxbrl:controlCharacter control or non-XML character(s) U+0008 " in err
    assert f"002_controls.txt:{title}: warning kcxbrl:controlCharacter control or non-XML character(s) U+0001, U+000C, U+001B " in err
    instance = out / "002_controls.xbrl"
    assert [f for f in validate_file(instance) if f.level is Level.ERROR] == []
    root = etree.parse(str(instance)).getroot()
    # the row still maps: interest income FY2025, 80,859 thousand RMB
    interest = [e for e in root.iter(f"{{{KC}}}InterestIncome") if e.get("contextRef") == "FY2025" and e.get("unitRef") == "CNY"]
    assert [e.text for e in interest] == ["80859000"]
    # the form feed stood between words: a space; the character outside the BMP passes through
    assert [e.text for e in root.iter(f"{{{KC}}}SignerTitle")] == ["Chief Financial Officer \U00020000"]
    for written in out.iterdir():
        assert not XML_ILLEGAL.search(written.read_text(encoding="utf-8")), written.name
    document = json.loads((out / "002_controls.json").read_text(encoding="utf-8"))
    assert "Chief Financial Officer \U00020000" in {f["value"] for f in document["facts"].values()}


def test_strict_fails_on_control_characters(tmp_path, capsys) -> None:
    path, _, _ = _with_controls(tmp_path)
    assert main(["convert", str(path), "--out", str(tmp_path / "out"), "--strict", "--quiet"]) == 1


@pytest.mark.parametrize(("raw", "text", "points"), [
    ("Total\x0brevenues\t1", "Total revenues", "U+000B"),
    ("Total revenues\x7f\t1", "Total revenues", "U+007F"),
    ("Total &#12;revenues&#x1B;\t1", "Total revenues", "U+000C, U+001B"),
    ("Total revenues\ufffe\uffff\t1", "Total revenues", "U+FFFE, U+FFFF"),
    ("Total \ud800revenues\t1", "Total revenues", "U+D800"),
])
def test_the_reader_takes_out_what_xml_cannot_carry(raw: str, text: str, points: str) -> None:
    document = read_text(f"Heading line\n{raw}\n", "x.txt")
    (table,) = document.tables
    assert table.rows[0].cells[0] == text
    (finding,) = document.findings
    assert (finding.code, finding.level, finding.file, finding.line) == ("kcxbrl:controlCharacter", Level.WARNING, "x.txt", 2)
    assert f"character(s) {points} " in finding.message


def test_the_reader_keeps_tabs_and_characters_beyond_the_bmp() -> None:
    document = read_text("Name \U0001F600 \U00020000 ok\nRow\t1\n", "x.txt")
    assert document.findings == ()
    assert document.text_lines[0].text == "Name \U0001F600 \U00020000 ok"
    assert document.tables[0].rows[0].cells == ("Row", "1")


def test_references_read_as_html_reads_them() -> None:
    # &#150; is an en dash in HTML, not the C1 control U+0096
    document = read_text("2024 &#150; 2025 &#1;done\n", "x.txt")
    assert document.text_lines[0].text == "2024 \u2013 2025 done"
    (finding,) = document.findings
    assert "character(s) U+0001 " in finding.message and finding.line == 1


def _filings(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = [folder / f"filing_{n:04d}.txt" for n in range(count)]
    for path in paths:
        path.write_text("Kingsoft Cloud\n", encoding="utf-8")
    return paths


def test_an_output_name_taken_by_a_folder_stops_the_run(tmp_path: Path) -> None:
    paths = _filings(tmp_path / "in", 3)
    (tmp_path / "out" / "filing_0001.xbrl").mkdir(parents=True)
    with pytest.raises(OutputError, match=r"filing_0001\.xbrl is a folder or another non-file"):
        check_outputs(paths, tmp_path / "out", ())


def test_checking_the_outputs_of_many_filings_looks_at_each_name_once(tmp_path: Path, monkeypatch) -> None:
    paths = _filings(tmp_path / "in", 300)
    out = tmp_path / "out"
    out.mkdir()
    (out / "filing_0299.csv").write_text("older output\n", encoding="utf-8")  # one output already there
    looked: list[object] = []
    real_stat = os.stat

    def counted(path, *args, **kwargs):
        looked.append(path)
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", counted)
    check_outputs(paths, out, ())
    # 11 names per filing and each input once: not a look at every output for every input
    assert 300 * 11 <= len(looked) <= 300 * 12 + 10
    os.link(out / "filing_0299.csv", tmp_path / "in" / "linked.txt")  # an input that is that output
    with pytest.raises(OutputError, match=r"linked\.txt is an input and would be overwritten by the output filing_0299\.csv"):
        check_outputs([*paths, tmp_path / "in" / "linked.txt"], out, ())
