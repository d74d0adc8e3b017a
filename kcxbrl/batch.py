"""Convert many filings: folders walked, a process pool, results in input order.

Every filing is read, converted, validated and written by one call of
:func:`convert_one`, in a worker process of a pool (or in this process with
one job).  The workers share the run's one staging folder (their output
names are distinct: :func:`kcxbrl.pipeline.check_outputs` refuses a run in
which two filings would write the same file), so the taxonomy copies are
staged and published once, and leaving the run, however it ends, removes the
folder with whatever a stopped worker left in it.  A worker sends back a
:class:`FilingResult`: the summary line, the findings, the names written and
counts, never the conversion itself, so the parent's memory does not grow
with the number of filings.  Results are handed on in input order as soon as
every filing before them is done, so what is printed does not depend on the
number of jobs; at most a few filings per job are in flight.

The manifest ``DIR/.kcxbrl-manifest.json`` records, for each filing written
without error findings, the sha256 of its input, kcxbrl's version, the
options that change the outputs and the files written; ``resume`` skips a
filing whose record still matches and whose files are all there.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence, TextIO

from kcxbrl import __version__, pipeline
from kcxbrl.errors import OutputError
from kcxbrl.findings import Finding, Level, error
from kcxbrl.xbrl.taxonomy import default_taxonomy
from kcxbrl.write import WRITE_FAILED, Stage

FILING_SUFFIXES = (".txt", ".md")
MANIFEST = ".kcxbrl-manifest.json"
WORKER_STOPPED = "kcxbrl:workerStopped"
# filings a worker may hold beyond the one it converts: keeps the pool busy, the memory small
_IN_FLIGHT_PER_JOB = 4
_MANIFEST_EVERY = 2.0  # seconds between manifest checkpoints


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
    """One filing for a worker: where it is, where it goes, how."""

    index: int
    path: Path
    out_dir: Path
    staging: Path
    options: Options


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


# --------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------


def expand(arguments: Sequence[str], out_dir: Path) -> tuple[list[Path], list[str]]:
    """The filings the arguments name, and what is wrong with the others.

    A folder stands for the ``*.txt`` and ``*.md`` files below it, sorted by
    their path within it, leaving out hidden files and folders, README files
    and the output folder; a file given twice is converted once."""
    found: list[Path] = []
    problems: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            inside = _walk(path, out_dir)
            if not inside:
                problems.append(f"{pipeline.shown_path(path)}: a folder with no filings (*.txt, *.md) in it")
            found += inside
        elif path.is_file():
            found.append(path)
        else:
            problems.append(f"{pipeline.shown_path(path)}: no such file")
    return _distinct(found), problems


def _walk(folder: Path, out_dir: Path) -> list[Path]:
    skip = _resolved(out_dir)
    found = []
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = [d for d in dirs if not d.startswith(".") and _resolved(here / d) != skip]
        for name in files:
            if name.startswith(".") or Path(name).stem.casefold() == "readme":
                continue  # a README beside the filings describes them; it is not one
            if Path(name).suffix.lower() in FILING_SUFFIXES and (here / name).is_file():
                found.append(here / name)
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def _resolved(path: Path) -> Path | None:
    try:
        return path.resolve()
    except OSError:
        return None


def _distinct(paths: list[Path]) -> list[Path]:
    seen: set[Path | None] = set()
    kept = []
    for path in paths:
        key = _resolved(path) or path
        if key not in seen:
            seen.add(key)
            kept.append(path)
    return kept


def sha256_of(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


# --------------------------------------------------------------------------
# One filing (in a worker)
# --------------------------------------------------------------------------


def convert_one(task: Task) -> FilingResult:
    """Read, convert, validate and write one filing through the run's staging folder."""
    taxonomy = default_taxonomy()
    stage = Stage(task.out_dir, pipeline.taxonomy_files(taxonomy))
    stage.folder = task.staging  # the run's folder: made, filled and removed by the parent
    digest = sha256_of(task.path)
    options = task.options
    result = pipeline.convert_path(stage, task.path, taxonomy, task.out_dir, report=options.report,
                                   extend=options.extend, ixbrl=options.ixbrl, xbrl_csv=options.xbrl_csv,
                                   encoding=options.encoding, debug=options.debug)
    return summarised(task.index, result, task.out_dir, digest)


def summarised(index: int, result: pipeline.ConversionResult, out_dir: Path, digest: str | None) -> FilingResult:
    findings = result.findings
    counts = tuple(sum(1 for f in findings if f.level is level) for level in (Level.ERROR, Level.WARNING, Level.INFO))
    outputs = tuple(sorted(p.relative_to(out_dir).as_posix() for p in result.paths))
    return FilingResult(index, result.conversion.source, result.summary(), findings, outputs,
                        len(result.conversion.instance.facts), result.written, result.unreadable, digest,
                        counts=counts)  # type: ignore[arg-type]


def _stopped(task: Task, exc: BaseException) -> FilingResult:
    """A worker that died or could not send its result back: a finding of the filing it held."""
    shown = pipeline.shown_path(task.path)
    finding = error(WORKER_STOPPED, f"the worker converting this filing stopped ({type(exc).__name__}: {exc}); "
                    "what it wrote was checked before it was put in place; convert the filing again", file=shown)
    return FilingResult(task.index, shown, f"{shown}: not converted: the worker stopped", (finding,),
                        counts=(1, 0, 0))


# --------------------------------------------------------------------------
# The manifest (--resume)
# --------------------------------------------------------------------------


@dataclass
class Manifest:
    """Records of filings written without error findings, by output stem."""

    path: Path
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    changed: bool = False
    saved_at: float = 0.0
    problem: str | None = None  # why the manifest could not be written

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        path = out_dir / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = data["filings"] if data.get("format") == 1 and isinstance(data.get("filings"), dict) else {}
        except (OSError, ValueError, AttributeError, KeyError):
            entries = {}  # no manifest, or one kcxbrl cannot read: every filing is converted
        return cls(path, entries)

    def up_to_date(self, path: Path, options: Options, out_dir: Path) -> FilingResult | None:
        """The record of ``path`` as a skipped result, if its input, version,
        options and files are all as recorded."""
        entry = self.entries.get(path.stem)
        if not isinstance(entry, dict) or entry.get("version") != __version__ or entry.get("options") != options.key():
            return None
        outputs = entry.get("outputs") or []
        if entry.get("sha256") != sha256_of(path) or not all((out_dir / name).is_file() for name in outputs):
            return None
        shown = pipeline.shown_path(path)
        facts, warnings = int(entry.get("facts", 0)), int(entry.get("warnings", 0))
        line = (f"{shown}: skipped, up to date ({facts} facts, {warnings} warnings) "
                f"-> {pipeline.shown_path(out_dir / (path.stem + '.xbrl'))}")
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
        """Write the manifest atomically (a temporary file, then a rename); a
        manifest that cannot be written is a problem said once, not the end of the run."""
        if not self.changed:
            return
        # ASCII with escapes: a file name that is not UTF-8 (a lone surrogate) reads back as it was
        text = json.dumps({"format": 1, "filings": dict(sorted(self.entries.items()))}, indent=1)
        self.saved_at = time.monotonic()
        try:
            write_atomically(self.path, text + "\n")
        except OSError as exc:
            self.problem = (f"{pipeline.shown_path(self.path)}: cannot record what was converted "
                            f"({exc.strerror or exc}); --resume will convert these filings again")
            return
        self.changed = False

    def checkpoint(self) -> None:
        if self.changed and time.monotonic() - self.saved_at >= _MANIFEST_EVERY:
            self.save()


# --------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Executor:
    """Where the filings are converted: ``process`` (a pool of this machine's
    processes) or ``dask`` (a Dask distributed cluster: the one at
    ``scheduler``, or a local one of ``jobs`` worker processes)."""

    kind: str = "process"
    scheduler: str | None = None


def dask_missing() -> str | None:
    """Why the Dask executor cannot run here, or None."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        return "--executor dask needs Dask distributed: pip install 'kcxbrl[dask]'"
    return None


def convert_batch(
    paths: Sequence[Path], out_dir: Path, options: Options, *, jobs: int = 1, resume: bool = False,
    on_done: Callable[[FilingResult], None] | None = None, on_problem: Callable[[str], None] | None = None,
    executor: Executor = Executor(),
) -> Iterator[FilingResult]:
    """Convert every filing, yielding its result in input order as soon as it
    and every filing before it are done; ``on_done`` sees each result when it
    is done (completion order).  Output collisions stop the run before
    anything is written (OutputError); leaving the run early removes the
    staging folder (after the workers have stopped) and saves the manifest;
    ``on_problem`` hears of a manifest that could not be saved."""
    taxonomy = default_taxonomy()
    support = pipeline.taxonomy_files(taxonomy)
    _check_manifest_name(paths, out_dir)
    pipeline.check_outputs(paths, out_dir, tuple(support))
    with Stage(out_dir, support) as stage:
        stage.publish_support()
        manifest = Manifest.load(out_dir)
        try:
            yield from _run(paths, out_dir, options, jobs, manifest if resume else None, stage, manifest, on_done,
                            executor)
        finally:
            manifest.save()
            if manifest.problem is not None and on_problem is not None:
                on_problem(manifest.problem)


def _check_manifest_name(paths: Sequence[Path], out_dir: Path) -> None:
    for path in paths:
        if MANIFEST in pipeline.output_names(path):
            raise OutputError(f"{pipeline.shown_path(path)} would write {out_dir / MANIFEST}, the record of "
                              "what was converted there: rename the filing")


def _run(paths: Sequence[Path], out_dir: Path, options: Options, jobs: int, skip_from: Manifest | None,
         stage: Stage, manifest: Manifest, on_done: Callable[[FilingResult], None] | None,
         executor: Executor) -> Iterator[FilingResult]:
    assert stage.folder is not None
    ready: dict[int, FilingResult] = {}
    todo: deque[Task] = deque()
    for index, path in enumerate(paths):
        skipped = skip_from.up_to_date(path, options, out_dir) if skip_from is not None else None
        if skipped is not None:
            ready[index] = replace(skipped, index=index)
        else:
            todo.append(Task(index, path, out_dir, stage.folder, options))
    by_index = list(paths)
    for result in ready.values():
        if on_done is not None:
            on_done(result)
    # one filing to convert, or one job: no pool to start; never more workers than filings
    if executor.kind == "dask":
        done = _in_dask(todo, jobs, options.debug, executor.scheduler) if todo else iter(())
    elif jobs <= 1 or len(todo) <= 1:
        done = _in_process(todo)
    else:
        done = _in_pool(todo, min(jobs, len(todo)), options.debug)
    following = 0
    for result in done:
        manifest.record(by_index[result.index], result, options)
        manifest.checkpoint()
        if on_done is not None:
            on_done(result)
        ready[result.index] = result
        while following in ready:
            yield ready.pop(following)
            following += 1
    while following in ready:  # skipped filings after the last converted one
        yield ready.pop(following)
        following += 1


def _in_process(todo: deque[Task]) -> Iterator[FilingResult]:
    while todo:
        yield convert_one(todo.popleft())


def _in_pool(todo: deque[Task], jobs: int, debug: bool) -> Iterator[FilingResult]:
    """Results in completion order.  A worker that dies breaks the pool and
    every filing in flight with it: those are converted again one at a time
    in a new pool, so only the filing that kills its worker is reported."""
    pool = ProcessPoolExecutor(max_workers=jobs)
    running: dict[Future[FilingResult], tuple[Task, bool]] = {}  # the task, and whether it ran alone
    suspects: list[Task] = []

    def submit(task: Task, alone: bool) -> None:
        nonlocal pool
        try:
            future = pool.submit(convert_one, task)
        except BrokenProcessPool:
            pool.shutdown(wait=True, cancel_futures=True)
            pool = ProcessPoolExecutor(max_workers=jobs)
            future = pool.submit(convert_one, task)
        running[future] = (task, alone)

    try:
        while todo or suspects or running:
            if suspects and not running:
                submit(suspects.pop(0), alone=True)
            elif not suspects:
                while todo and len(running) < jobs * _IN_FLIGHT_PER_JOB:
                    submit(todo.popleft(), alone=False)
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in sorted(finished, key=lambda f: running[f][0].index):
                task, alone = running.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool as exc:
                    if alone:
                        yield _stopped(task, exc)
                    else:
                        suspects.append(task)
                        suspects.sort(key=lambda t: t.index)
                except Exception as exc:
                    if debug:
                        raise
                    yield _stopped(task, exc)
    finally:
        # stop the workers before the staging folder they write into is removed
        pool.shutdown(wait=True, cancel_futures=True)


def _in_dask(todo: deque[Task], jobs: int, debug: bool, scheduler: str | None) -> Iterator[FilingResult]:
    """Results in completion order from a Dask distributed cluster.  Its
    workers must see the filings and the output folder at the same paths
    (shared storage), as they write through the run's staging folder."""
    import logging

    from distributed import Client, LocalCluster
    from distributed import wait as dask_wait

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
    client = Client(scheduler or cluster)
    running: dict[Any, Task] = {}
    try:
        window = max(jobs, sum(client.nthreads().values())) * _IN_FLIGHT_PER_JOB
        while todo or running:
            while todo and len(running) < window:
                task = todo.popleft()
                running[client.submit(convert_one, task, pure=False)] = task
            finished = dask_wait(list(running), return_when="FIRST_COMPLETED").done
            for future in sorted(finished, key=lambda f: running[f].index):
                task = running.pop(future)
                try:
                    yield future.result()
                except Exception as exc:
                    if debug:
                        raise
                    yield _stopped(task, exc)
    finally:
        # stop what is in flight before the staging folder it writes into is removed
        client.cancel(list(running))
        client.close()
        if cluster is not None:
            cluster.close()


# --------------------------------------------------------------------------
# Progress and totals
# --------------------------------------------------------------------------


@dataclass
class Totals:
    """Counts over the results seen so far."""

    total: int
    started: float = field(default_factory=time.monotonic)
    done: int = 0
    skipped: int = 0
    facts: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0

    def add(self, result: FilingResult) -> None:
        self.done += 1
        self.skipped += result.skipped
        self.facts += result.facts
        self.errors += result.errors
        self.warnings += result.warnings
        self.infos += result.counts[2]

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return (self.done - self.skipped) / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        skipped = f", {self.skipped} skipped" if self.skipped else ""
        return (f"{self.done}/{self.total} filings{skipped}, {self.facts} facts, {self.errors} errors, "
                f"{self.warnings} warnings, {self.rate:.1f} files/s")

    def as_dict(self) -> dict[str, int]:
        return {"filings": self.total, "skipped": self.skipped, "facts": self.facts,
                "findings": {"error": self.errors, "warning": self.warnings, "info": self.infos}}  # type: ignore[dict-item]


class Progress:
    """One line on a terminal, rewritten as filings are done; silent when not ``live``."""

    def __init__(self, totals: Totals, stream: TextIO, live: bool) -> None:
        self.totals, self.stream, self.live = totals, stream, live
        self.shown = False
        self.drawn_at = 0.0

    def update(self) -> None:
        now = time.monotonic()
        if self.live and (now - self.drawn_at >= 0.1 or self.totals.done == self.totals.total):
            self.stream.write("\r\033[K" + self.totals.line())
            self.stream.flush()
            self.shown, self.drawn_at = True, now

    def clear(self) -> None:
        """Take the line away before anything else is printed on the stream."""
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False


def summary_json(results: Sequence[dict[str, Any]], totals: Totals, out_dir: Path, exit_code: int) -> str:
    counts: dict[str, int] = {}
    for result in results:
        counts[result["status"]] = counts.get(result["status"], 0) + 1
    return json.dumps({
        "kcxbrl": __version__,
        "out": pipeline.shown_path(out_dir),
        "filings": list(results),
        "totals": {**totals.as_dict(), "status": dict(sorted(counts.items())), "exit_code": exit_code},
    }, indent=2, ensure_ascii=False) + "\n"


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


def is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (ValueError, OSError):
        return False

