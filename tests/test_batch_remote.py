"""Filings and output folders at URLs, through fsspec: memory:// in this
process, file:// across worker processes."""

from __future__ import annotations

import sys
import tempfile
import uuid
from pathlib import Path

import pytest

from kcxbrl.batch import remote
from kcxbrl.batch.manifest import MANIFEST
from kcxbrl.cli import main
from kcxbrl.write import owner_tag

from converted import sample

fsspec = pytest.importorskip("fsspec", reason="the extra kcxbrl[fsspec] is not installed")
# a monthly return and a results release (figures in its sentences, traced by a URL with a ':')
FILINGS = ("000", "003")


@pytest.fixture
def memory():
    """A folder of fsspec's memory file system, removed afterwards."""
    fs = fsspec.filesystem("memory")
    root = f"/kcxbrl-test-{uuid.uuid4().hex}"
    yield fs, root
    if fs.exists(root):
        fs.rm(root, recursive=True)


def _workspaces() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob(f"{remote.WORKSPACE_PREFIX}*"))


def test_filings_and_outputs_at_memory_urls(tmp_path: Path, capsys, memory) -> None:
    fs, root = memory
    names = [sample(p).name for p in FILINGS]
    for prefix in FILINGS:
        fs.pipe(f"{root}/in/{sample(prefix).name}", sample(prefix).read_bytes())
    fs.pipe(f"{root}/in/README.md", b"# what these are\n")
    url = f"memory://{root}"
    before = _workspaces()
    assert main(["convert", f"{url}/in", "--out", f"{url}/out", "-j", "1", "--quiet", "--report"]) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    assert lines[1].startswith(f"{url}/in/{names[1]}: 369 facts")
    assert lines[1].endswith(f"-> {url}/out/{Path(names[1]).stem}.xbrl")
    local = tmp_path / "local"
    assert main(["convert", *(str(sample(p)) for p in FILINGS), "--out", str(local), "-j", "1", "--quiet",
                 "--report"]) == 0
    capsys.readouterr()
    written = sorted(p[len(root) + len("/out/"):] for p in fs.find(f"{root}/out"))
    assert written == sorted(p.relative_to(local).as_posix() for p in local.rglob("*") if p.is_file())
    for name in written:  # the instances are the same; the files naming their source name the URL
        remote_text = fs.cat_file(f"{root}/out/{name}").decode("utf-8")
        local_text = (local / name).read_text(encoding="utf-8")
        if name.endswith((".xbrl", ".xsd", ".xml", ".json")) and name != MANIFEST:
            assert remote_text == local_text, name
    assert f"{url}/in/{names[1]}" in fs.cat_file(f"{root}/out/{Path(names[1]).stem}.report.txt").decode("utf-8")
    assert _workspaces() == before  # this process's local folder is gone with the run

    assert main(["convert", f"{url}/in", "--out", f"{url}/out", "--resume", "--quiet", "--report"]) == 0
    again = capsys.readouterr().out.strip().split("\n")
    assert all(": skipped, up to date" in line for line in again), again


def test_file_urls_with_two_worker_processes(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for prefix in FILINGS:
        (folder / sample(prefix).name).write_bytes(sample(prefix).read_bytes())
    out = tmp_path / "out"
    assert main(["convert", folder.as_uri(), "--out", out.as_uri(), "-j", "2", "--quiet"]) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    assert [line.split(": ")[0] for line in lines] == [f"{folder.as_uri()}/{sample(p).name}" for p in FILINGS]
    assert sorted(p.name for p in out.glob("*.xbrl")) == sorted(f"{sample(p).stem}.xbrl" for p in FILINGS)
    assert [p.name for p in out.rglob("*") if p.name.startswith(".") and p.name != MANIFEST] == []  # no .part left
    mine = f"{remote.WORKSPACE_PREFIX}{owner_tag().rsplit('-', 1)[0]}-"
    gone = [p for p in _workspaces() if p.name.startswith(mine) and not Path(f"/proc/{p.name.split('-')[-2]}").exists()]
    assert gone == []  # the workers removed their local folders when they ended


def test_a_url_without_fsspec_says_which_extra_to_install(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "fsspec", None)
    assert main(["convert", str(sample("000")), "--out", "memory://out"]) == 2
    assert "need fsspec: pip install 'kcxbrl[fsspec]'" in capsys.readouterr().err


def test_a_missing_url_is_a_usage_error(capsys, memory) -> None:
    _, root = memory
    assert main(["convert", f"memory://{root}/none.txt", "--out", f"memory://{root}/out"]) == 2
    assert f"kcxbrl: memory://{root}/none.txt: no such file" in capsys.readouterr().err
