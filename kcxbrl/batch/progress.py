"""Progress while a run goes on, and its totals at the end.

On a terminal the progress is one line at the bottom of stderr, redrawn as
filings are done and taken away before anything else is printed: drawn by
``rich`` when it is installed (the extra ``kcxbrl[rich]``), else by ``tqdm``,
else as plain text.  Off a terminal, or with ``--quiet``, nothing is drawn.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, Sequence, TextIO

from kcxbrl import __version__, pipeline
from kcxbrl.batch.work import FilingResult

_REDRAW = 0.1  # seconds between two drawings of the line


@dataclass
class Totals:
    """Counts over the results seen so far."""

    total: int
    started: float = field(default_factory=time.monotonic)
    done: int = 0
    skipped: int = 0
    converted: int = 0  # instances put in place by this run
    failed: int = 0  # filings with error findings
    warned: int = 0  # filings with warning findings
    facts: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0

    def add(self, result: FilingResult) -> None:
        self.done += 1
        self.skipped += result.skipped
        self.converted += result.written and not result.skipped
        self.failed += result.errors > 0
        self.warned += result.warnings > 0
        self.facts += result.facts
        self.errors += result.errors
        self.warnings += result.warnings
        self.infos += result.counts[2]

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        """Filings converted (not skipped) per second."""
        elapsed = self.seconds
        return (self.done - self.skipped) / elapsed if elapsed > 0 else 0.0

    def eta(self) -> str:
        rate = self.rate
        if self.done == self.total or rate <= 0:
            return ""
        left = round((self.total - self.done) / rate)
        return f", ETA {left // 60}m{left % 60:02d}s" if left >= 60 else f", ETA {left}s"

    def counts(self) -> str:
        return f"{self.facts} facts, {self.errors} errors, {self.warnings} warnings"

    def line(self) -> str:
        skipped = f", {self.skipped} skipped" if self.skipped else ""
        return f"{self.done}/{self.total} filings{skipped}, {self.counts()}, {self.rate:.1f} files/s{self.eta()}"

    def table(self) -> str:
        """The run's summary: one row per count, for people."""
        rows = [("files", self.total), ("converted", self.converted), ("with errors", self.failed),
                ("with warnings", self.warned), ("skipped (--resume)", self.skipped), ("facts", self.facts),
                ("error findings", self.errors), ("warning findings", self.warnings), ("info findings", self.infos),
                ("time", f"{self.seconds:.1f} s"), ("files/s", f"{self.rate:.1f}")]
        width = max(len(str(value)) for _, value in rows)
        return "kcxbrl: summary\n" + "".join(f"  {label:<20}{value!s:>{width}}\n" for label, value in rows)

    def as_dict(self) -> dict[str, Any]:
        return {"filings": self.total, "converted": self.converted, "skipped": self.skipped, "facts": self.facts,
                "findings": {"error": self.errors, "warning": self.warnings, "info": self.infos},
                "seconds": round(self.seconds, 3)}


class Bar(Protocol):
    def update(self) -> None: ...  # the totals changed
    def clear(self) -> None: ...  # something else is about to be printed
    def close(self) -> None: ...  # the run is over


class Silent:
    """No progress: not a terminal, or --quiet."""

    def update(self) -> None:
        pass

    def clear(self) -> None:
        pass

    def close(self) -> None:
        pass


class Line:
    """The totals as one line of text, rewritten in place."""

    def __init__(self, totals: Totals, stream: TextIO) -> None:
        self.totals, self.stream = totals, stream
        self.shown = False
        self.drawn_at = 0.0

    def text(self) -> str:
        return self.totals.line()

    def update(self) -> None:
        now = time.monotonic()
        if now - self.drawn_at >= _REDRAW or self.totals.done == self.totals.total:
            self.stream.write("\r\033[K" + self.text())
            self.stream.flush()
            self.shown, self.drawn_at = True, now

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False

    def close(self) -> None:
        self.clear()


class RichLine(Line):
    """The line drawn by rich: a bar, files done of all, counts, rate, time left."""

    def __init__(self, totals: Totals, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        super().__init__(totals, stream)
        self.console = Console(file=stream, width=shutil.get_terminal_size().columns - 1)
        self.progress = Progress(TextColumn("[bold]kcxbrl"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                                 TextColumn("{task.fields[counts]}, {task.fields[rate]:.1f} files/s"),
                                 TimeRemainingColumn(), console=self.console, auto_refresh=False)
        self.task = self.progress.add_task("convert", total=totals.total, counts="", rate=0.0)

    def text(self) -> str:
        totals = self.totals
        self.progress.update(self.task, completed=totals.done, counts=totals.counts(), rate=totals.rate)
        with self.console.capture() as captured:
            self.console.print(self.progress.make_tasks_table(self.progress.tasks), end="", no_wrap=True, crop=True)
        return captured.get().split("\n")[0]


class Tqdm:
    """The bar drawn by tqdm."""

    def __init__(self, totals: Totals, stream: TextIO) -> None:
        from tqdm import tqdm

        self.totals = totals
        self.bar = tqdm(total=totals.total, file=stream, unit="file", leave=False, dynamic_ncols=True,
                        mininterval=_REDRAW)

    def update(self) -> None:
        self.bar.set_postfix_str(self.totals.counts(), refresh=False)
        self.bar.update(self.totals.done - self.bar.n)

    def clear(self) -> None:
        self.bar.clear()

    def close(self) -> None:
        self.bar.close()


def bar(totals: Totals, stream: TextIO, live: bool) -> Bar:
    """The progress to show on ``stream``: none unless ``live``, else the best one installed."""
    if not live:
        return Silent()
    for kind in (RichLine, Tqdm):
        try:
            return kind(totals, stream)
        except ImportError:
            continue
    return Line(totals, stream)


def summary_json(results: Sequence[dict[str, Any]], totals: Totals, out: str, exit_code: int) -> str:
    counts: dict[str, int] = {}
    for result in results:
        counts[result["status"]] = counts.get(result["status"], 0) + 1
    return json.dumps({
        "kcxbrl": __version__,
        "out": out,
        "filings": list(results),
        "totals": {**totals.as_dict(), "status": dict(sorted(counts.items())), "exit_code": exit_code},
    }, indent=2, ensure_ascii=False) + "\n"


def shown_out(out: Path | str) -> str:
    return out if isinstance(out, str) else pipeline.shown_path(out)


def is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (ValueError, OSError):
        return False
