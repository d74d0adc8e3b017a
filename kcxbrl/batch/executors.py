"""Where the filings are converted: this process, a pool of processes, or Dask.

Each executor takes tasks from the front of a queue and yields results in
completion order.  The pool does not rely on ``fork``: a task and its result
are plain data and :func:`kcxbrl.batch.work.convert_one` is imported by name,
so ``spawn`` and ``forkserver`` (Python 3.14's default) work as well.
"""

from __future__ import annotations

import importlib.util
import multiprocessing
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Iterator

from kcxbrl.batch.work import FilingResult, Task, convert_one, stopped, take

# filings a worker may hold beyond the one it converts: keeps the pool busy, the memory small
IN_FLIGHT_PER_JOB = 4
# the pool's start method: None is the platform's default (fork, forkserver or spawn)
START_METHOD: str | None = None


@dataclass(frozen=True)
class Executor:
    """Where the filings are converted: ``process`` (a pool of this machine's
    processes) or ``dask`` (a Dask distributed cluster: the one at
    ``scheduler``, or a local one of ``jobs`` worker processes)."""

    kind: str = "process"
    scheduler: str | None = None


def dask_missing() -> str | None:
    """Why the Dask executor cannot run here, or None."""
    if importlib.util.find_spec("distributed") is None:
        return "--executor dask needs Dask distributed: pip install 'kcxbrl[dask]'"
    return None


def run(todo: deque[Task], jobs: int, debug: bool, executor: Executor) -> Iterator[FilingResult]:
    """Every task's result, in completion order; never more workers than tasks."""
    if executor.kind == "dask":
        return in_dask(todo, jobs, debug, executor.scheduler) if todo else iter(())
    if jobs <= 1 or len(todo) <= 1:  # one filing, or one job: no pool to start
        return in_process(todo)
    return in_pool(todo, min(jobs, len(todo)), debug)


def in_process(todo: deque[Task]) -> Iterator[FilingResult]:
    while todo:
        yield convert_one(take(todo))


def _pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(START_METHOD))


def in_pool(todo: deque[Task], jobs: int, debug: bool) -> Iterator[FilingResult]:
    """Results in completion order.  A worker that dies breaks the pool and
    every filing in flight with it: those are converted again one at a time
    in a new pool, so only the filing that kills its worker is reported."""
    pool = _pool(jobs)
    running: dict[Future[FilingResult], tuple[Task, bool]] = {}  # the task, and whether it ran alone
    suspects: list[Task] = []

    def submit(task: Task, alone: bool) -> None:
        nonlocal pool
        try:
            future = pool.submit(convert_one, task)
        except BrokenProcessPool:
            pool.shutdown(wait=True, cancel_futures=True)
            pool = _pool(jobs)
            future = pool.submit(convert_one, task)
        running[future] = (task, alone)

    try:
        while todo or suspects or running:
            if suspects and not running:
                submit(suspects.pop(0), alone=True)
            elif not suspects:
                while todo and len(running) < jobs * IN_FLIGHT_PER_JOB:
                    submit(take(todo), alone=False)
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in sorted(finished, key=lambda f: running[f][0].index):
                task, alone = running.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool as exc:
                    if alone:
                        yield stopped(task, exc)
                    else:
                        suspects.append(task)
                        suspects.sort(key=lambda t: t.index)
                except Exception as exc:
                    if debug:
                        raise
                    yield stopped(task, exc)
    finally:
        # stop the workers before the staging folder they write into is removed
        pool.shutdown(wait=True, cancel_futures=True)


def in_dask(todo: deque[Task], jobs: int, debug: bool, scheduler: str | None) -> Iterator[FilingResult]:
    """Results in completion order from a Dask distributed cluster.  Its
    workers get each filing's text with its task when the filing is a URL, and
    upload what they write when the output folder is one; a local folder must
    be seen by every worker at the same path (shared storage)."""
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
        window = max(jobs, sum(client.nthreads().values())) * IN_FLIGHT_PER_JOB
        while todo or running:
            while todo and len(running) < window:
                task = take(todo)
                running[client.submit(convert_one, task, pure=False)] = task
            finished = dask_wait(list(running), return_when="FIRST_COMPLETED").done
            for future in sorted(finished, key=lambda f: running[f].index):
                task = running.pop(future)
                try:
                    yield future.result()
                except Exception as exc:
                    if debug:
                        raise
                    yield stopped(task, exc)
    finally:
        # stop what is in flight before the staging folder it writes into is removed
        client.cancel(list(running))
        client.close()
        if cluster is not None:
            cluster.close()
