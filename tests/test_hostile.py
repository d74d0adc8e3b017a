"""Damaged filings and hostile command lines: a finding or a clear message,
never a traceback, never a malformed file, never a silent overwrite."""

from __future__ import annotations

import os
import re
import shutil
import tomllib
from pathlib import Path

import pytest

from golden import difference, read_csv, rows_of
import kcxbrl.pipeline as convert_module
from kcxbrl import batch
from kcxbrl.cli import main
from kcxbrl.pipeline import convert_files
from kcxbrl.errors import InputError, OutputError
from kcxbrl.findings import Level
from kcxbrl.extract.headers import scale_from_text
from kcxbrl.text.read import decode, plain, read_text
from kcxbrl.validation.validator import validate_file
from kcxbrl.text.values import parse_date, parse_number

HERE = Path(__file__).resolve().parent
HOSTILE = HERE / "data" / "hostile"
SAMPLES = HERE.parent / "samples"
CASES = tomllib.loads((HOSTILE / "manifest.toml").read_text(encoding="utf-8"))["case"]


def sample(prefix: str) -> Path:
    return next(SAMPLES.glob(f"{prefix}_*.txt"))


def _case_id(case: dict[str, object]) -> str:
    return f"{case['file']}" + (f"-{case['encoding']}" if "encoding" in case else "")


# --- the corpus ------------------------------------------------------------------


def test_the_corpus_is_what_its_script_makes(tmp_path: Path) -> None:
    """The damaged files are generated: a change of a sample or of the script shows here."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_hostile", HOSTILE / "make_hostile.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, (prefix, damage, encoding) in module.CASES.items():
        made = damage(module.sample(prefix)).encode(encoding or "utf-8")
        assert (HOSTILE / name).read_bytes() == made, name
    assert {c["file"] for c in CASES} == set(module.CASES)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_each_damaged_filing_gives_its_findings_and_exit_code(case: dict, tmp_path: Path, capsys) -> None:
    path = HOSTILE / case["file"]
    encoding = case.get("encoding")
    out = tmp_path / "out"
    (result,) = convert_files([path], out, encoding=encoding)
    codes = {f.code for f in result.findings}
    assert set(case["codes"]) <= codes, (case["file"], sorted(codes))
    argv = ["convert", str(path), "--out", str(tmp_path / "cli"), "--quiet"]
    assert main(argv + (["--encoding", encoding] if encoding else [])) == case["exit"]
    if result.unreadable is None:
        instance = out / (path.stem + ".xbrl")
        assert [f for f in validate_file(instance) if f.level is Level.ERROR] == []
    if "same_facts" in case:
        golden = read_csv(HERE / "golden" / f"{case['same_facts']}.csv")
        assert not difference(golden, rows_of(result.conversion.instance.facts, result.conversion.taxonomy))


def test_full_width_forms_read_as_ascii() -> None:
    assert plain("RMB\uff07\uff10\uff10\uff10") == "RMB'000"
    assert plain("\uff13\uff11\uff0c\u3000\uff12\uff10\uff12\uff15") == "31, 2025"
    assert plain("Total\u00a0revenues\u2009") == "Total revenues "
    assert plain("re\u200bven\u00adues") == "revenues"
    assert plain("revenues\u00b9 \u00bd") == "revenues\u00b9 \u00bd"  # a footnote mark is no digit
    assert scale_from_text(plain("RMB\uff07\uff10\uff10\uff10")) == 3
    assert parse_date("December \uff13\uff11, \uff12\uff10\uff12\uff15").isoformat() == "2025-12-31"
    number = parse_number("(\uff11,\uff19\uff17\uff19,\uff10\uff14\uff12)")
    assert number is not None and str(number.value) == "-1979042"


def test_normalised_lines_keep_their_numbers() -> None:
    doc = read_text("A\u3000title\n\nRevenues\uff1a\tRMB\uff07\uff10\uff10\uff10\n", "x.txt")
    assert doc.lines[2] == "Revenues:\tRMB'000"
    assert doc.text_lines[0].line == 1 and doc.text_lines[0].text == "A title"


def test_encodings_are_read_or_refused_with_byte_and_line() -> None:
    text = "line one\nCaf\u00e9 revenues\t1\n"
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"), "f.txt") == text
    assert decode(text.encode("utf-16"), "f.txt") == text
    assert decode(text.encode("latin-1"), "f.txt", "latin-1") == text
    with pytest.raises(InputError, match=r"f\.txt: not UTF-8 text: byte 12 \(line 2\) is 0xe9"):
        decode(text.encode("latin-1"), "f.txt")
    with pytest.raises(InputError, match="UTF-16 without a byte order mark"):
        decode(text.encode("utf-16-le"), "f.txt")
    with pytest.raises(InputError, match=r"not ascii text: byte 12 \(line 2\)"):
        decode(text.encode("utf-8"), "f.txt", "ascii")


def test_a_tab_inside_a_sentence_is_read_as_a_sentence() -> None:
    """Its figures stay in the text, where prose reading and the coverage see them, not in a one-row table."""
    damaged = HOSTILE / "tab_sentence_003.txt"
    line = next(n for n, text in enumerate(damaged.read_text(encoding="utf-8").split("\n"), 1) if "services\twere" in text)
    doc = read_text(damaged.read_text(encoding="utf-8"), damaged.name)
    original = read_text(sample("003").read_text(encoding="utf-8"), "003.txt")
    [text] = [t for t in doc.text_lines if t.line == line]
    assert text.text.startswith("Revenues from public cloud services were RMB1,996.3 million (US$289.4 million)")
    assert len(doc.tables) == len(original.tables)
    assert [t.text for t in doc.text_lines] == [t.text for t in original.text_lines]


def test_a_tab_between_a_label_and_its_values_is_still_a_table() -> None:
    doc = read_text("Revenues\t1,234\t2,345\n", "x.txt")
    assert len(doc.tables) == 1 and doc.text_lines == ()
    doc = read_text("Revenues\twere RMB1,996.3 million, up 47.5% from a year ago.\n", "x.txt")
    assert doc.tables == () and doc.text_lines[0].text == "Revenues were RMB1,996.3 million, up 47.5% from a year ago."


# --- outputs ---------------------------------------------------------------------


def test_two_filings_with_one_name_are_a_usage_error_naming_both(tmp_path: Path, capsys) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(sample("000"), tmp_path / folder / "6k.txt")
    out = tmp_path / "out"
    assert main(["convert", str(tmp_path / "a" / "6k.txt"), str(tmp_path / "b" / "6k.txt"), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'a' / '6k.txt'} and {tmp_path / 'b' / '6k.txt'} would both write" in err
    assert not out.exists() or list(out.glob("*.xbrl")) == []


def test_names_that_differ_only_in_case_collide(tmp_path: Path) -> None:
    upper, lower = tmp_path / "a" / "K.txt", tmp_path / "b" / "k.txt"
    for path in (upper, lower):
        path.parent.mkdir()
        shutil.copy(sample("000"), path)
    with pytest.raises(OutputError, match="would both write"):
        convert_files([upper, lower], tmp_path / "out")


@pytest.mark.parametrize("name", ["X.csv", "X.json", "X.xbrl", "kc-2026.xsd"])
def test_an_input_inside_out_is_never_overwritten(tmp_path: Path, capsys, name: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    victim = out / name
    shutil.copy(sample("000"), victim)
    before = victim.read_bytes()
    assert main(["convert", str(victim), "--out", str(out)]) == 2
    assert f"{victim} is an input and would be overwritten" in capsys.readouterr().err
    assert victim.read_bytes() == before


def test_provenance_names_the_path_as_given(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(sample("000"), folder / "6k.txt")
    monkeypatch.chdir(tmp_path)
    (result,) = convert_files([Path("in/6k.txt")], Path("out"))
    assert result.conversion.source == "in/6k.txt"
    assert {s.file for f in result.conversion.instance.facts for s in f.sources} == {"in/6k.txt"}
    assert "in/6k.txt:" in (tmp_path / "out" / "6k.csv").read_text(encoding="utf-8")


def test_a_file_name_that_is_not_utf8_is_printed_escaped(tmp_path: Path, capsys) -> None:
    name = os.fsdecode(b"6k-\xff.txt")
    filing = tmp_path / name
    shutil.copy(sample("000"), filing)
    assert main(["convert", str(filing), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert "6k-\\xff.txt: 46 facts" in capsys.readouterr().out
    written = tmp_path / "out" / os.fsdecode(b"6k-\xff.xbrl")
    assert [f for f in validate_file(written) if f.level is Level.ERROR] == []


@pytest.mark.parametrize("where", ["file", "below-file"])
def test_an_output_folder_that_cannot_be_made_is_exit_2(tmp_path: Path, capsys, where: str) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("", encoding="utf-8")
    out = blocker if where == "file" else blocker / "sub"
    assert main(["convert", str(sample("000")), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "cannot write the output folder" in err and "Traceback" not in err


def test_a_folder_where_an_output_goes_is_a_usage_error(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    (out / f"{sample('000').stem}.csv").mkdir(parents=True)
    assert main(["convert", str(sample("000")), "--out", str(out)]) == 2
    assert f"{out / sample('000').stem}.csv is a folder" in capsys.readouterr().err
    assert not (out / f"{sample('000').stem}.xbrl").exists()


def test_a_file_that_cannot_be_put_in_place_is_exit_2(tmp_path: Path, capsys, monkeypatch) -> None:
    import errno

    from kcxbrl import write

    real = write.os.replace

    def full(source, target):
        if str(target).endswith(".json"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(source, target)

    monkeypatch.setattr(write.os, "replace", full)
    out = tmp_path / "out"
    assert main(["convert", str(sample("000")), "--out", str(out)]) == 2
    assert (out / f"{sample('000').stem}.xbrl").is_file() and not (out / f"{sample('000').stem}.json").exists()
    assert "error kcxbrl:writeFailed cannot put the file in place: No space left on device" in capsys.readouterr().err


def test_a_folder_without_filings_is_named_as_such(tmp_path: Path, capsys) -> None:
    assert main(["convert", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert f"{tmp_path}: a folder with no filings (*.txt, *.md) in it" in capsys.readouterr().err


def test_an_unknown_encoding_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["convert", str(sample("000")), "--out", str(tmp_path), "--encoding", "klingon"]) == 2
    assert "--encoding klingon: no such encoding" in capsys.readouterr().err


# --- one filing never stops the others ----------------------------------------------


def test_an_unreadable_filing_among_three_is_reported_and_the_others_converted(tmp_path: Path, capsys) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Caf\u00e9 revenues\t1\n".encode("latin-1"))
    out = tmp_path / "out"
    assert main(["convert", str(sample("000")), str(latin), str(sample("001")), "--out", str(out), "--quiet"]) == 2
    lines = capsys.readouterr().out.strip().split("\n")
    assert len(lines) == 3
    assert lines[1] == f"{latin}: not converted: not UTF-8 text: byte 3 (line 1) is 0xe9; save the file as UTF-8 or give its --encoding"
    assert (out / f"{sample('000').stem}.xbrl").is_file() and (out / f"{sample('001').stem}.xbrl").is_file()
    assert not (out / "latin1.xbrl").exists()


def test_an_internal_error_is_a_finding_of_its_filing_and_debug_raises(tmp_path: Path, capsys, monkeypatch) -> None:
    real = convert_module.convert_document

    def fragile(document, *args, **kwargs):
        if "001_" in document.path:
            raise RuntimeError("boom")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(convert_module, "convert_document", fragile)
    out = tmp_path / "out"
    assert main(["convert", str(sample("001")), str(sample("000")), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert "error kcxbrl:internalError conversion stopped on an internal error (RuntimeError: boom)" in captured.err
    assert "Traceback" not in captured.err
    assert (out / f"{sample('000').stem}.xbrl").is_file() and not (out / f"{sample('001').stem}.xbrl").exists()
    with pytest.raises(RuntimeError, match="boom"):
        main(["convert", str(sample("001")), "--out", str(tmp_path / "debug"), "--debug"])
    with pytest.raises(RuntimeError, match="boom"):
        main(["--debug", "convert", str(sample("001")), "--out", str(tmp_path / "debug2")])


def test_an_unexpected_error_outside_a_filing_is_a_message_with_exit_2(tmp_path: Path, capsys, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise ValueError("no taxonomy")

    monkeypatch.setattr(batch, "convert_batch", broken)
    assert main(["convert", str(sample("000")), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "kcxbrl: internal error (ValueError: no taxonomy); run with --debug for the traceback" in err
    with pytest.raises(ValueError):
        main(["--debug", "convert", str(sample("000")), "--out", str(tmp_path)])


# --- plausibility on the samples themselves ----------------------------------------------


PLAUSIBILITY = {"kcxbrl:periodAfterReport", "kcxbrl:periodLongBeforeReport", "kcxbrl:currencyStatedOnce",
                "kcxbrl:statementMissing", "kcxbrl:truncatedText"}


def test_the_samples_are_plausible(tmp_path: Path) -> None:
    results = convert_files(sorted(SAMPLES.glob("*.txt")), tmp_path)
    assert [str(f) for r in results for f in r.findings if f.code in PLAUSIBILITY] == []


def test_a_2031_column_is_named_with_its_line(tmp_path: Path) -> None:
    damaged = HOSTILE / "year2031_002.txt"
    line = next(n for n, text in enumerate(damaged.read_text(encoding="utf-8").split("\n"), 1)
                if text.startswith("Revenues\t"))
    (result,) = convert_files([damaged], tmp_path)
    [found] = [f for f in result.findings if f.code == "kcxbrl:periodAfterReport"]
    assert found.line == line and "2031-01-01 to 2031-12-31" in found.message and "March 2026" in found.message


def test_a_relabelled_currency_is_named_at_its_caption(tmp_path: Path) -> None:
    damaged = HOSTILE / "hkd_twin_003.txt"
    line = next(n for n, text in enumerate(damaged.read_text(encoding="utf-8").split("\n"), 1)
                if text == "\tHKD\tHKD\tUS\\$")
    (result,) = convert_files([damaged], tmp_path)
    [found] = [f for f in result.findings if f.code == "kcxbrl:currencyStatedOnce"]
    assert found.line == line and found.message.startswith("HKD ")
    assert re.search(r"beside CNY, USD", found.message)
