"""``kcxbrl convert``: from its arguments to a batch run, the lines it prints and its summary.

Per filing, its summary line on stdout and its findings on stderr, in input
order; a progress bar on a terminal; at the end a summary table on stderr
and, with ``--summary-json``, the same for machines.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import os
import sys
from pathlib import Path

from kcxbrl import batch
from kcxbrl.batch import progress, remote
from kcxbrl.batch.work import FilingResult
from kcxbrl.findings import Level, ordered
from kcxbrl.write import NOT_WRITTEN, WRITE_FAILED

EXIT_OK = 0
EXIT_USAGE = 2


def convert(args: argparse.Namespace) -> int:
    """Run ``kcxbrl convert`` with its parsed arguments; the exit code."""
    out: Path | str = args.out if remote.is_url(args.out) else Path(args.out)
    problem = _convert_usage(args)
    paths, problems, notes = batch.expand(args.filings, out) if problem is None else ([], [problem], [])
    if problems:
        for problem in problems:
            print(f"kcxbrl: {problem}", file=sys.stderr)
        return EXIT_USAGE
    for note in notes if not args.quiet else ():
        print(f"kcxbrl: {note}", file=sys.stderr)
    totals = batch.Totals(len(paths))
    live = not args.quiet and batch.is_terminal(sys.stderr) and batch.is_terminal(sys.stdout)  # a person watching
    bar = progress.bar(totals, sys.stderr, live=live)
    notes = []  # the manifest could not be written, a killed run's staging folder removed: said after the run
    try:
        worst, records = _convert_all(args, paths, out, totals, bar, notes)
    except OSError as exc:  # the output folder cannot be made or written at all
        bar.close()
        print(f"kcxbrl: {progress.shown_out(out)}: cannot write the output folder: {exc.strerror or exc}",
              file=sys.stderr)
        return EXIT_USAGE
    finally:
        bar.close()
    for note in notes:
        print(f"kcxbrl: {note}", file=sys.stderr)
    if not args.quiet:
        sys.stderr.write(totals.table())
    if args.summary_json:
        try:
            batch.write_atomically(Path(args.summary_json),
                                   batch.summary_json(records, totals, progress.shown_out(out), worst))
        except OSError as exc:
            print(f"kcxbrl: --summary-json {args.summary_json}: cannot write it: {exc.strerror or exc}",
                  file=sys.stderr)
            return EXIT_USAGE
    return worst


def _convert_usage(args: argparse.Namespace) -> str | None:
    """What is wrong with convert's options, if anything."""
    if args.jobs is not None and args.jobs < 1:
        return f"-j {args.jobs}: give at least one job"
    if args.scheduler is not None and args.executor != "dask":
        return "--scheduler goes with --executor dask"
    if args.executor == "dask" and (missing := batch.dask_missing()) is not None:
        return missing
    if any(map(remote.is_url, [*args.filings, args.out])) and (missing := remote.fsspec_missing()) is not None:
        return missing
    if args.encoding is not None:
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            return f"--encoding {args.encoding}: no such encoding"
    return None


def _convert_all(args: argparse.Namespace, paths: list[Path], out: Path | str, totals: batch.Totals,
                 bar: progress.Bar, notes: list[str]) -> tuple[int, list[dict]]:
    """Convert, printing each filing's lines in input order; the worst exit
    code and, with --summary-json, each filing's record."""
    options = batch.Options(report=args.report, extend=args.extend, ixbrl=args.ixbrl, xbrl_csv=args.xbrl_csv,
                            encoding=args.encoding, debug=args.debug)
    jobs = args.jobs if args.jobs is not None else os.cpu_count() or 1

    def done(result: batch.FilingResult) -> None:
        totals.add(result)
        bar.update()

    records: list[dict] = []
    worst = EXIT_OK
    with contextlib.closing(batch.convert_batch(paths, out, options, jobs=jobs, resume=args.resume,
                                                on_done=done, on_problem=notes.append,
                                                executor=batch.Executor(args.executor, args.scheduler))) as results:
        for result in results:
            bar.clear()
            _report_filing(result, args.quiet)
            worst = max(worst, result.exit_code(args.strict))
            if args.summary_json:  # kept only when asked for: a few numbers per filing
                records.append(result.as_dict())
            bar.update()
    return worst, records


def _report_filing(result: FilingResult, quiet: bool) -> None:
    """The filing's summary line on stdout, its findings (or why it was not read) on stderr;
    with ``quiet`` only the files that could not be written."""
    print(result.summary, flush=True)
    if result.unreadable is not None:
        print(f"kcxbrl: {result.path}: {result.unreadable}", file=sys.stderr)
        return
    for finding in ordered(result.findings):
        if finding.level is not Level.INFO and (not quiet or finding.code in (NOT_WRITTEN, WRITE_FAILED)):
            print(f"  {finding}", file=sys.stderr)
