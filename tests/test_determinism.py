"""Same input, same bytes; the committed taxonomy files match their source."""

from __future__ import annotations

from kcxbrl.cli import main
from kcxbrl.resources import taxonomy_dir
from kcxbrl.xbrl.taxonomy import build
from kcxbrl.xbrl.taxonomy_writer import render_taxonomy

from converted import converted, sample


def test_converting_twice_gives_identical_bytes(tmp_path) -> None:
    out, _ = converted()
    again = tmp_path / "again"
    assert main(["convert", str(sample("003")), "--out", str(again), "--quiet"]) == 0
    name = sample("003").stem + ".xbrl"
    assert (again / name).read_bytes() == (out / name).read_bytes()


def test_committed_taxonomy_matches_its_source() -> None:
    """taxonomy/*.xsd and linkbases are rendered from taxonomy/src; rerun
    `python -m kcxbrl.xbrl.taxonomy_writer` after editing the source."""
    for name, text in render_taxonomy(build()).items():
        assert (taxonomy_dir() / name).read_text(encoding="utf-8") == text, name
