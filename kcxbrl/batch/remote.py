"""Filings and output folders at URLs (``s3://``, ``gs://``, ``memory://``,
``file://`` …), through fsspec (the extra ``kcxbrl[fsspec]``).

A filing at a URL is read by the parent when its task is handed out, and its
text travels with the task, so a worker needs no access to where the
filings are; it shows (in summaries, findings and outputs) as its URL.  An
output folder at a URL is written the way a local one is: each worker
process converts into a folder of its own on its machine, where the files
are staged and validated as always; what passed is then uploaded (each file
under a temporary name, then moved into place) and the local copies are
removed.  The parent uploads the taxonomy files first and keeps the manifest
in the output folder.
"""

from __future__ import annotations

import atexit
import importlib.util
import multiprocessing.util
import os
import re
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Any

from kcxbrl import pipeline
from kcxbrl.batch.inputs import is_filing
from kcxbrl.batch.work import FilingResult, Task, convert_staged
from kcxbrl.findings import Finding, error
from kcxbrl.write import WRITE_FAILED, Stage, owner_tag, remove_stale
from kcxbrl.xbrl.taxonomy import default_taxonomy

WORKSPACE_PREFIX = "kcxbrl-workspace-"
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
# this process's local folder for a remote output folder: (process id, folder, its staging)
_workspace: tuple[int, Path, Stage] | None = None


def is_url(text: str) -> bool:
    return _URL.match(text) is not None


def fsspec_missing() -> str | None:
    """Why URLs cannot be read or written here, or None."""
    if importlib.util.find_spec("fsspec") is None:
        return "paths with a protocol (s3://, memory:// …) need fsspec: pip install 'kcxbrl[fsspec]'"
    return None


def _fs(url: str) -> tuple[Any, str]:
    import fsspec

    fs, root = fsspec.core.url_to_fs(url)
    return fs, root.rstrip("/")


class RemoteInput:
    """A filing at a URL, for the pipeline a path: it reads its bytes and
    shows (``os.fspath``) as the URL given."""

    def __init__(self, url: str, data: bytes | None = None) -> None:
        self.url, self.data = url, data

    def __fspath__(self) -> str:
        return self.url

    def __str__(self) -> str:
        return self.url

    def __repr__(self) -> str:
        return f"RemoteInput({self.url!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RemoteInput) and other.url == self.url

    def __hash__(self) -> int:
        return hash(self.url)

    @property
    def name(self) -> str:
        return self.url.rstrip("/").rsplit("/", 1)[-1]

    @property
    def stem(self) -> str:
        return PurePosixPath(self.name).stem

    def read_bytes(self) -> bytes:
        if self.data is not None:
            return self.data
        fs, path = _fs(self.url)
        return fs.cat_file(path)

    def loaded(self) -> RemoteInput:
        return self if self.data is not None else RemoteInput(self.url, self.read_bytes())


def expand(argument: str, out: Path | str) -> tuple[list[Any], str | None]:
    """The filings a URL names: the file, or the filings below the folder
    (sorted, the output folder left out), and what is wrong if none."""
    fs, root = _fs(argument)
    if fs.isdir(root):
        skip = _fs(out)[1] + "/" if isinstance(out, str) else None
        base = argument.rstrip("/")
        found = []
        for path in sorted(fs.find(root), key=lambda p: p.split("/")):
            parts = path[len(root) + 1:].split("/")
            if is_filing(parts[-1]) and not any(part.startswith(".") for part in parts) \
                    and not (skip and path.startswith(skip)):
                found.append(RemoteInput("/".join([base, *parts])))
        return found, None if found else f"{argument}: a folder with no filings (*.txt, *.md) in it"
    if fs.isfile(root):
        return [RemoteInput(argument)], None
    return [], f"{argument}: no such file"


class RemoteOut:
    """An output folder at a URL.  Whether a file is there is answered from
    one listing of the folder, taken when first asked (at the start of a run)."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")
        self.fs, self.root = _fs(url)
        self._listing: set[str] | None = None

    def shown(self, name: str) -> str:
        return f"{self.url}/{name}"

    def exists(self, name: str) -> bool:
        if self._listing is None:
            found = self.fs.find(self.root) if self.fs.isdir(self.root) else []
            self._listing = {path[len(self.root) + 1:] for path in found}
        return name in self._listing

    def read_text(self, name: str) -> str:
        try:
            return self.fs.cat_file(f"{self.root}/{name}").decode("utf-8")
        except FileNotFoundError:
            raise
        except Exception as exc:  # a store's own errors: the manifest is as good as missing
            raise OSError(str(exc)) from exc

    def write_text(self, name: str, text: str) -> None:
        with tempfile.TemporaryDirectory() as folder:
            local = Path(folder) / "text"
            local.write_text(text, encoding="utf-8")
            self.put(local, name)

    def put(self, local: Path, name: str) -> None:
        """Upload one file under a temporary name, then move it into place;
        any failure is an OSError."""
        target = f"{self.root}/{name}"
        parent, _, base = target.rpartition("/")
        part = f"{parent}/.{base}.{owner_tag()}.part"
        try:
            self.fs.makedirs(parent, exist_ok=True)
            self.fs.put_file(str(local), part)
            self.fs.mv(part, target)
        except OSError:
            raise
        except Exception as exc:
            raise OSError(f"{type(exc).__name__}: {exc}") from exc


def publish_support(store: RemoteOut, support: dict[str, Path]) -> None:
    for name, source in support.items():
        store.put(source, name)


def convert_and_upload(task: Task) -> FilingResult:
    """Convert in this process's local folder, upload what passed, remove the local copies."""
    assert task.upload is not None
    folder, stage = workspace()
    result = convert_staged(task, stage, folder)
    store = RemoteOut(task.upload)
    failed: list[Finding] = []
    for name in result.outputs:
        try:
            store.put(folder / name, name)
        except OSError as exc:
            failed.append(error(WRITE_FAILED, f"cannot upload the file: {exc.strerror or exc}", file=store.shown(name)))
        finally:
            (folder / name).unlink(missing_ok=True)
            if "/" in name:
                shutil.rmtree(folder / name.split("/")[0], ignore_errors=True)
    result = result.shown_in(folder, task.upload)
    if not failed:
        return result
    errors, warnings, infos = result.counts
    return replace(result, findings=result.findings + tuple(failed), counts=(errors + len(failed), warnings, infos),
                   outputs=tuple(n for n in result.outputs if store.shown(n) not in {f.file for f in failed}))


def workspace() -> tuple[Path, Stage]:
    """This process's local output folder (taxonomy files in place) and its
    staging folder, made when first needed and removed when the process ends
    (a forked worker makes its own)."""
    global _workspace
    if _workspace is None or _workspace[0] != os.getpid():
        remove_stale(Path(tempfile.gettempdir()), WORKSPACE_PREFIX)
        folder = Path(tempfile.mkdtemp(prefix=f"{WORKSPACE_PREFIX}{owner_tag()}-"))
        stage = Stage(folder, pipeline.taxonomy_files(default_taxonomy())).__enter__()
        stage.publish_support()
        _workspace = (os.getpid(), folder, stage)
        atexit.register(close_workspace)
        multiprocessing.util.Finalize(None, close_workspace, exitpriority=0)  # pool workers skip atexit
    return _workspace[1], _workspace[2]


def close_workspace() -> None:
    """Remove this process's local folder, if it made one."""
    global _workspace
    if _workspace is not None and _workspace[0] == os.getpid():
        shutil.rmtree(_workspace[1], ignore_errors=True)
        _workspace = None
