"""One filing in a worker: the task it is given and the result it sends back."""

from __future__ import annotations

import hashlib
import os
from collections import deque
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kcxbrl import pipeline
from kcxbrl.findings import Finding, Level, error
from kcxbrl.write import WRITE_FAILED, Stage, renamed
from kcxbrl.xbrl.taxonomy import default_taxonomy

WORKER_STOPPED = "kcxbrl:workerStopped"


@dataclass(frozen=True)
class Options:
    """How each filing is converted; all but ``debug`` change its outputs."""

    report: bool = False
    extend: bool = True
    ixbrl: bool = False
    xbrl_csv: bool = False
    encoding: str | None = None
    debug: bool = False

    def key(self) -> dict[str, Any]:
        """The options a filing's outputs depend on, as recorded in the manifest."""
        return {"report": self.report, "extend": self.extend, "ixbrl": self.ixbrl,
                "xbrl_csv": self.xbrl_csv, "encoding": self.encoding}


@dataclass(frozen=True)
class Task:
    """One filing for a worker: where it is, where it goes, how.  With
    ``upload`` (an output URL) the worker converts into a folder of its own
    and uploads what passed (:mod:`kcxbrl.batch.remote`); otherwise it writes
    through the run's ``staging`` folder in ``out_dir``."""

    index: int
    path: Path  # or a RemoteInput: read through fsspec, shown as its URL
    out_dir: Path
    staging: Path | None
    options: Options
    upload: str | None = None

    def loaded(self) -> Task:
        """The task with a remote filing's bytes in it, read here (the parent),
        so a worker needs no access to where the filings are."""
        load = getattr(self.path, "loaded", None)
        return self if load is None else replace(self, path=load())


def take(todo: deque[Task]) -> Task:
    return todo.popleft().loaded()


@dataclass(frozen=True)
class FilingResult:
    """What converting one filing gave, small enough to send between processes."""

    index: int
    path: str  # as given, printable
    summary: str  # the line printed on stdout
    findings: tuple[Finding, ...] = ()
    outputs: tuple[str, ...] = ()  # names written into the output folder, sorted
    facts: int = 0
    written: bool = False  # the instance is in place
    unreadable: str | None = None  # why the filing could not be read
    sha256: str | None = None
    skipped: bool = False  # up to date, not converted again (--resume)
    counts: tuple[int, int, int] = (0, 0, 0)  # errors, warnings, infos

    @property
    def errors(self) -> int:
        return self.counts[0]

    @property
    def warnings(self) -> int:
        return self.counts[1]

    @property
    def write_failed(self) -> bool:
        return any(f.code == WRITE_FAILED for f in self.findings)

    @property
    def status(self) -> str:
        if self.skipped:
            return "skipped"
        if self.unreadable is not None:
            return "unreadable"
        if self.errors:
            return "failed"
        return "warnings" if self.warnings else "ok"

    def exit_code(self, strict: bool) -> int:
        """0 ok, 1 error findings (warnings too with ``strict``), 2 unreadable or not writable."""
        if self.unreadable is not None or self.write_failed:
            return 2
        return 1 if self.errors or (strict and self.warnings) else 0

    def as_dict(self) -> dict[str, Any]:
        outputs = [pipeline.shown_path(Path(name)) for name in self.outputs]
        return {"path": self.path, "status": self.status, "outputs": outputs, "facts": self.facts,
                "findings": {"error": self.errors, "warning": self.warnings, "info": self.counts[2]}}

    def shown_in(self, local: Path, url: str) -> FilingResult:
        """The result with the local folder it was converted in named as ``url``."""
        prefixes = {str(local) + os.sep, str(local.resolve()) + os.sep}
        shown = url.rstrip("/") + "/"
        summary = self.summary
        for prefix in prefixes:
            summary = summary.replace(prefix, shown)
        return replace(self, summary=summary, findings=tuple(renamed(f, prefixes, shown) for f in self.findings))


def sha256_of(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def convert_one(task: Task) -> FilingResult:
    """Read, convert, validate and write one filing."""
    if task.upload is not None:
        from kcxbrl.batch.remote import convert_and_upload

        return convert_and_upload(task)
    taxonomy = default_taxonomy()
    stage = Stage(task.out_dir, pipeline.taxonomy_files(taxonomy))
    stage.folder = task.staging  # the run's folder: made, filled and removed by the parent
    return convert_staged(task, stage, task.out_dir)


def convert_staged(task: Task, stage: Stage, out_dir: Path) -> FilingResult:
    """Convert the task's filing through ``stage`` into ``out_dir``."""
    digest = sha256_of(task.path)
    options = task.options
    result = pipeline.convert_path(stage, task.path, default_taxonomy(), out_dir, report=options.report,
                                   extend=options.extend, ixbrl=options.ixbrl, xbrl_csv=options.xbrl_csv,
                                   encoding=options.encoding, debug=options.debug)
    findings = result.findings
    counts = tuple(sum(1 for f in findings if f.level is level) for level in (Level.ERROR, Level.WARNING, Level.INFO))
    outputs = tuple(sorted(p.relative_to(out_dir).as_posix() for p in result.paths))
    return FilingResult(task.index, result.conversion.source, result.summary(), findings, outputs,
                        len(result.conversion.instance.facts), result.written, result.unreadable, digest,
                        counts=counts)  # type: ignore[arg-type]


def stopped(task: Task, exc: BaseException) -> FilingResult:
    """A worker that died or could not send its result back: a finding of the filing it held."""
    shown = pipeline.shown_path(task.path)
    finding = error(WORKER_STOPPED, f"the worker converting this filing stopped ({type(exc).__name__}: {exc}); "
                    "what it wrote was checked before it was put in place; convert the filing again", file=shown)
    return FilingResult(task.index, shown, f"{shown}: not converted: the worker stopped", (finding,),
                        counts=(1, 0, 0))
