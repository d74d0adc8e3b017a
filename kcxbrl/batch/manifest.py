"""The record of what a run wrote, for ``--resume``.

The manifest ``DIR/.kcxbrl-manifest.json`` records, for each filing written
without error findings, the sha256 of its input, kcxbrl's version, the
options that change the outputs and the files written; a filing whose record
still matches and whose files are all there is skipped.  The output folder
is a store: a local folder (:class:`LocalOut`) or a URL
(:class:`kcxbrl.batch.remote.RemoteOut`).
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from kcxbrl import __version__, pipeline
from kcxbrl.batch.work import FilingResult, Options, sha256_of

MANIFEST = ".kcxbrl-manifest.json"
_SAVE_EVERY = 2.0  # seconds between manifest checkpoints


class Store(Protocol):
    """Where a run's outputs end up, by their names in the output folder."""

    def shown(self, name: str) -> str: ...
    def exists(self, name: str) -> bool: ...
    def read_text(self, name: str) -> str: ...
    def write_text(self, name: str, text: str) -> None: ...


@dataclass(frozen=True)
class LocalOut:
    """An output folder on this machine; texts are replaced atomically."""

    folder: Path

    def shown(self, name: str) -> str:
        return pipeline.shown_path(self.folder / name)

    def exists(self, name: str) -> bool:
        return (self.folder / name).is_file()

    def read_text(self, name: str) -> str:
        return (self.folder / name).read_text(encoding="utf-8")

    def write_text(self, name: str, text: str) -> None:
        write_atomically(self.folder / name, text)


@dataclass
class Manifest:
    """Records of filings written without error findings, by output stem."""

    store: Store
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    changed: bool = False
    saved_at: float = 0.0
    problem: str | None = None  # why the manifest could not be written

    @classmethod
    def load(cls, store: Store) -> Manifest:
        try:
            data = json.loads(store.read_text(MANIFEST))
            entries = data["filings"] if data.get("format") == 1 and isinstance(data.get("filings"), dict) else {}
        except (OSError, ValueError, AttributeError, KeyError):
            entries = {}  # no manifest, or one kcxbrl cannot read: every filing is converted
        return cls(store, entries)

    def up_to_date(self, path: Path, options: Options) -> FilingResult | None:
        """The record of ``path`` as a skipped result, if its input, version,
        options and files are all as recorded."""
        entry = self.entries.get(path.stem)
        if not isinstance(entry, dict) or entry.get("version") != __version__ or entry.get("options") != options.key():
            return None
        outputs = entry.get("outputs") or []
        if entry.get("sha256") != sha256_of(path) or not all(self.store.exists(name) for name in outputs):
            return None
        shown = pipeline.shown_path(path)
        facts, warnings = int(entry.get("facts", 0)), int(entry.get("warnings", 0))
        line = f"{shown}: skipped, up to date ({facts} facts, {warnings} warnings) -> {self.store.shown(path.stem + '.xbrl')}"
        return FilingResult(-1, shown, line, (), tuple(outputs), facts, True, None, entry.get("sha256"),
                            skipped=True, counts=(0, warnings, int(entry.get("infos", 0))))

    def record(self, path: Path, result: FilingResult, options: Options) -> None:
        if result.skipped:
            return
        stem = path.stem
        if result.written and not result.errors and result.sha256 is not None:
            entry = {"input": result.path, "sha256": result.sha256, "version": __version__,
                     "options": options.key(), "outputs": list(result.outputs), "facts": result.facts,
                     "warnings": result.warnings, "infos": result.counts[2]}
            self.changed = self.changed or self.entries.get(stem) != entry
            self.entries[stem] = entry
        elif stem in self.entries:  # converted again and not clean: its next run converts it again
            del self.entries[stem]
            self.changed = True

    def save(self) -> None:
        """Write the manifest whole; a manifest that cannot be written is a
        problem said once, not the end of the run."""
        if not self.changed:
            return
        # ASCII with escapes: a file name that is not UTF-8 (a lone surrogate) reads back as it was
        text = json.dumps({"format": 1, "filings": dict(sorted(self.entries.items()))}, indent=1)
        self.saved_at = time.monotonic()
        try:
            self.store.write_text(MANIFEST, text + "\n")
        except OSError as exc:
            self.problem = (f"{self.store.shown(MANIFEST)}: cannot record what was converted "
                            f"({exc.strerror or exc}); --resume will convert these filings again")
            return
        self.changed = False

    def checkpoint(self) -> None:
        if self.changed and time.monotonic() - self.saved_at >= _SAVE_EVERY:
            self.save()


def write_atomically(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent if str(path.parent) else ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)  # a temporary file is private; the result is not
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
