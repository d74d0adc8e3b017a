"""Convert many filings: folders walked, a pool of workers, results in input order.

In: filings, folders or URLs and an output folder.  Out: each filing's files
written (or its findings), a summary line per filing in input order, a
summary table and, with ``--resume``, a manifest of what is done.

Every filing is read, converted, validated and written by one call of
:func:`~kcxbrl.batch.work.convert_one`, in a worker (:mod:`.executors`: a
process pool, Dask, or this process with one job).  The workers share the
run's one staging folder (their output names are distinct:
:func:`kcxbrl.write.check_outputs` refuses a run in which two filings
would write the same file), so the taxonomy copies are staged and published
once, and leaving the run, however it ends, removes the folder with whatever
a stopped worker left in it; the folder of a run that was killed is removed
by the next run into the same output folder.  A worker sends back a
:class:`~kcxbrl.batch.work.FilingResult`: the summary line, the findings,
the names written and counts, never the conversion itself, so the parent's
memory does not grow with the number of filings.  Results are handed on in
input order as soon as every filing before them is done, so what is printed
does not depend on the number of jobs; at most a few filings per job are in
flight.  :mod:`.manifest` keeps what ``--resume`` needs, :mod:`.progress`
the totals, :mod:`.remote` reads and writes URLs.
"""

from __future__ import annotations

from collections import deque
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterator, Sequence

from kcxbrl import pipeline, write
from kcxbrl.batch.executors import Executor, dask_missing, run
from kcxbrl.batch.inputs import FILING_SUFFIXES, expand
from kcxbrl.batch.manifest import MANIFEST, LocalOut, Manifest, write_atomically
from kcxbrl.batch.progress import Totals, is_terminal, summary_json
from kcxbrl.batch.work import WORKER_STOPPED, FilingResult, Options, Task, convert_one
from kcxbrl.errors import OutputError
from kcxbrl.write import Stage
from kcxbrl.xbrl.taxonomy import default_taxonomy

__all__ = ["FILING_SUFFIXES", "MANIFEST", "WORKER_STOPPED", "Executor", "FilingResult", "Options", "Task", "Totals",
           "convert_batch", "convert_one", "dask_missing", "expand", "is_terminal", "summary_json", "write_atomically"]


def convert_batch(
    paths: Sequence[Path], out: Path | str, options: Options, *, jobs: int = 1, resume: bool = False,
    on_done: Callable[[FilingResult], None] | None = None, on_problem: Callable[[str], None] | None = None,
    executor: Executor = Executor(),
) -> Iterator[FilingResult]:
    """Convert every filing into ``out`` (a folder, or a URL: :mod:`.remote`),
    yielding its result in input order as soon as it and every filing before
    it are done; ``on_done`` sees each result when it is done (completion
    order).  Output collisions stop the run before anything is written
    (OutputError); leaving the run early removes the staging folder (after
    the workers have stopped) and saves the manifest; ``on_problem`` hears of
    a manifest that could not be saved and of staging folders of killed runs
    that were removed."""
    support = pipeline.taxonomy_files(default_taxonomy())
    shown_dir = Path(out)  # a URL only names the outputs in messages here
    _check_manifest_name(paths, shown_dir)
    write.check_outputs(paths, shown_dir, tuple(support))
    if isinstance(out, str):
        yield from _remote(paths, out, options, jobs, resume, on_done, on_problem, executor, support)
        return
    with Stage(out, support) as stage:
        for folder in stage.removed:
            _tell(on_problem, f"{pipeline.shown_path(folder)}: removed, the staging folder of a run that was stopped")
        stage.publish_support()
        manifest = Manifest.load(LocalOut(out))
        tasks = [Task(index, path, out, stage.folder, options) for index, path in enumerate(paths)]
        try:
            yield from _run(tasks, jobs, manifest, resume, on_done, executor)
        finally:
            _saved(manifest, on_problem)


def _remote(paths: Sequence[Path], out: str, options: Options, jobs: int, resume: bool,
            on_done: Callable[[FilingResult], None] | None, on_problem: Callable[[str], None] | None,
            executor: Executor, support: dict[str, Path]) -> Iterator[FilingResult]:
    from kcxbrl.batch import remote

    store = remote.RemoteOut(out)
    remote.publish_support(store, support)
    manifest = Manifest.load(store)
    tasks = [Task(index, path, Path(out), None, options, upload=out) for index, path in enumerate(paths)]
    try:
        yield from _run(tasks, jobs, manifest, resume, on_done, executor)
    finally:
        remote.close_workspace()  # this process's, when it converted (-j 1)
        _saved(manifest, on_problem)


def _tell(on_problem: Callable[[str], None] | None, message: str) -> None:
    if on_problem is not None:
        on_problem(message)


def _saved(manifest: Manifest, on_problem: Callable[[str], None] | None) -> None:
    manifest.save()
    if manifest.problem is not None:
        _tell(on_problem, manifest.problem)


def _check_manifest_name(paths: Sequence[Path], out_dir: Path) -> None:
    for path in paths:
        if MANIFEST in write.output_names(path):
            raise OutputError(f"{pipeline.shown_path(path)} would write {out_dir / MANIFEST}, the record of "
                              "what was converted there: rename the filing")


def _run(tasks: list[Task], jobs: int, manifest: Manifest, resume: bool,
         on_done: Callable[[FilingResult], None] | None, executor: Executor) -> Iterator[FilingResult]:
    ready: dict[int, FilingResult] = {}
    todo: deque[Task] = deque()
    for task in tasks:
        skipped = manifest.up_to_date(task.path, task.options) if resume else None
        if skipped is not None:
            ready[task.index] = replace(skipped, index=task.index)
        else:
            todo.append(task)
    for result in ready.values():
        if on_done is not None:
            on_done(result)
    following = 0
    for result in run(todo, jobs, tasks[0].options.debug if tasks else False, executor):
        manifest.record(tasks[result.index].path, result, tasks[result.index].options)
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
