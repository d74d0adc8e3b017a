"""The DTS document cache: taxonomy documents are parsed
once per content and never confused with one another."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from kcxbrl.validation.dts import discover, load
from kcxbrl.validation.dts.documents import Source, read
from kcxbrl.validation.safexml import parse_file
from kcxbrl.validation.validator import validate_file
from kcxbrl.xbrl import ns
from paths import DATA

TAXONOMY = DATA / "validate"
FILES = ("kct-2026.xsd", "kct-2026_lab.xml", "kct-2026_pre.xml", "kct-2026_cal.xml", "kct-2026_def.xml")
GROSS_PROFIT = "{http://example.com/kctest/2026}GrossProfit"


def _copy(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        shutil.copyfile(TAXONOMY / name, folder / name)
    return folder / "kct-2026.xsd"


def _rewrite_keeping_size_and_time(path: Path, old: str, new: str) -> None:
    assert len(old) == len(new)
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as if rewritten within the clock's resolution
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns


def test_the_same_content_is_parsed_once(tmp_path: Path) -> None:
    entry = _copy(tmp_path)
    first, second = read(entry), read(entry)
    assert isinstance(first, Source) and first is second
    assert read(entry, shared=False) is not first  # a private copy when asked for


def test_a_rewritten_file_is_read_again_even_with_the_same_size_and_time(tmp_path: Path) -> None:
    entry = _copy(tmp_path)
    before = load([entry])
    assert before.label(GROSS_PROFIT) == "Gross profit"
    _rewrite_keeping_size_and_time(tmp_path / "kct-2026_lab.xml", ">Gross profit<", ">Gross PROFIT<")
    assert load([entry]).label(GROSS_PROFIT) == "Gross PROFIT"


def test_an_instance_sees_its_own_taxonomy_after_a_change(tmp_path: Path) -> None:
    """The DTS kept for an entry point is not reused once one of its files holds other content."""
    _copy(tmp_path)
    instance = tmp_path / "valid.xbrl"
    shutil.copyfile(TAXONOMY / "valid.xbrl", instance)
    assert validate_file(instance) == []
    # the calculation now says GrossProfit = Revenues + CostOfRevenues: the instance no longer adds up
    _rewrite_keeping_size_and_time(tmp_path / "kct-2026_cal.xml", 'weight="-1"', 'weight="+1"')
    codes = {f.code for f in validate_file(instance)}
    assert "calc11e:inconsistentCalculationUsingRounding" in codes


def test_files_of_one_name_in_two_folders_stay_apart(tmp_path: Path) -> None:
    a, b = _copy(tmp_path / "a"), _copy(tmp_path / "b")
    _rewrite_keeping_size_and_time(tmp_path / "b" / "kct-2026_lab.xml", ">Gross profit<", ">GROSS profit<")
    assert load([a]).label(GROSS_PROFIT) == "Gross profit"
    assert load([b]).label(GROSS_PROFIT) == "GROSS profit"
    assert {d.path for d in load([b]).documents.values() if d.path is not None} >= {tmp_path / "b" / "kct-2026.xsd"}


def test_one_file_reached_twice_in_a_dts_is_two_documents(tmp_path: Path) -> None:
    """Reached by two spellings of its address (``%2D`` for ``-``), a schema is two documents
    of the DTS with elements of their own, as it was before documents were shared."""
    entry = _copy(tmp_path)
    instance = tmp_path / "twice.xbrl"
    instance.write_text(f"""<xbrli:xbrl xmlns:xbrli="{ns.XBRLI}" xmlns:link="{ns.LINK}" xmlns:xlink="{ns.XLINK}">
  <link:schemaRef xlink:type="simple" xlink:href="kct-2026.xsd"/>
  <link:schemaRef xlink:type="simple" xlink:href="kct%2D2026.xsd"/>
</xbrli:xbrl>""", encoding="utf-8")
    root = parse_file(instance).root
    assert root is not None
    dts = discover(instance, root)
    roots = [d.root for d in dts.documents.values() if d.path is not None and d.path.name == entry.name]
    assert len(roots) == 2 and roots[0] is not roots[1]



def test_the_dts_of_a_removed_staging_folder_is_not_kept(tmp_path: Path) -> None:
    from kcxbrl.cli import main
    from kcxbrl.validation.dts import loader
    from paths import SAMPLES

    filings = [str(p) for p in sorted(SAMPLES.glob("00[01]_*.txt"))]
    assert main(["convert", *filings, "--out", str(tmp_path / "out"), "-j", "1", "--quiet"]) == 0
    kept = [[path for path, _ in sources] for _, sources in loader._CACHE.values()]
    # each filing was validated in its staging folder, which is gone: at most the last one's DTS
    # waits to be dropped when the next is remembered, and none of another folder stays
    assert len([paths for paths in kept if not all(p.exists() for p in paths)]) <= 1
