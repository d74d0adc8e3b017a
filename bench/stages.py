"""Per-stage time of converting each sample, warm, in process.

For each sample, one run warms the process (imports, the taxonomy, the
templates), then ``--repeat`` runs are timed stage by stage and the median
of each stage is printed, one column per sample.  Before every run the text
caches are emptied (:func:`kcxbrl.text.memo.clear`), so a run gains nothing
from having read the same text before; the taxonomy stays loaded, as in a
batch.

Stages: ``read`` (:func:`kcxbrl.text.read.read_filing`); the stages of
:func:`kcxbrl.pipeline.convert_document`, timed through its ``lap``;
``coverage`` (the coverage record and its report); ``render`` (the instance
XML); ``exports`` (xBRL-JSON, CSV, Inline XBRL, xBRL-CSV); ``write+validate``
(staging, ``kcxbrl validate``'s rules and the export checks, as ``kcxbrl
convert`` does).  ``per filing`` is read + convert + coverage + render;
``total`` is every stage.  Both are medians of the runs' sums.

Times are wall-clock; with ``--cpu`` they are the process's CPU time, which
other work on a busy machine disturbs less.

Usage: python bench/stages.py [--repeat 20] [--sample 002] [--cpu]
This is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this tree, not an installed kcxbrl

from kcxbrl.extract.coverage import cover  # noqa: E402
from kcxbrl.pipeline import convert_document, export_outputs, taxonomy_files  # noqa: E402
from kcxbrl.text import memo  # noqa: E402
from kcxbrl.text.read import read_filing  # noqa: E402
from kcxbrl.write import FilingOutputs, Output, Stage  # noqa: E402
from kcxbrl.xbrl.render import render_instance  # noqa: E402
from kcxbrl.xbrl.taxonomy import Taxonomy, default_taxonomy  # noqa: E402

CONVERT = ("cover/monthly", "place tables", "map", "prose", "extension+calculations", "assemble", "cross-checks")
STAGES = ("read", *CONVERT, "coverage", "render", "exports", "write+validate")
PER_FILING = ("read", *CONVERT, "coverage", "render")


_NOW = time.perf_counter  # or time.process_time, with --cpu


class _Clock:
    """Seconds spent in each stage since the clock started (a stage may come twice)."""

    def __init__(self) -> None:
        self.times: dict[str, float] = defaultdict(float)
        self.mark = _NOW()

    def lap(self, stage: str) -> None:
        now = _NOW()
        self.times[stage] += now - self.mark
        self.mark = now


def one_run(path: Path, taxonomy: Taxonomy, stage: Stage) -> dict[str, float]:
    """Every stage of converting and writing one filing, timed."""
    memo.clear()
    clock = _Clock()
    document = read_filing(path)
    clock.lap("read")
    conversion = convert_document(document, taxonomy, lap=clock.lap)
    clock.lap("extension+calculations")  # what convert_document does after its last lap
    used = conversion.taxonomy or taxonomy
    report = cover(conversion, used).report()
    clock.lap("coverage")
    instance = render_instance(conversion.instance, used)
    clock.lap("render")
    exports = export_outputs(conversion, used, path.stem, ixbrl=True, xbrl_csv=True)
    clock.lap("exports")
    outputs = FilingOutputs(Output(path.stem + ".xbrl", instance),
                            tuple(Output(name, text) for name, text in conversion.extension),
                            exports, Output(path.stem + ".report.txt", report))
    written = stage.write(outputs)
    clock.lap("write+validate")
    if not written.paths:
        raise SystemExit(f"{path.name}: nothing was written: {[f.message for f in written.findings]}")
    return dict(clock.times)


def measure(path: Path, taxonomy: Taxonomy, repeat: int, out_dir: Path) -> list[dict[str, float]]:
    with Stage(out_dir, taxonomy_files(taxonomy)) as stage:
        stage.publish_support()
        one_run(path, taxonomy, stage)  # warm-up
        return [one_run(path, taxonomy, stage) for _ in range(repeat)]


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    """Median milliseconds of each stage, of the per-filing sum and of the total."""
    out = {s: statistics.median(r.get(s, 0.0) for r in runs) * 1000 for s in STAGES}
    out["per filing"] = statistics.median(sum(r.get(s, 0.0) for s in PER_FILING) for r in runs) * 1000
    out["total"] = statistics.median(sum(r.values()) for r in runs) * 1000
    return out


def table(columns: dict[str, dict[str, float]]) -> str:
    names = list(columns)
    width = max(len(s) for s in (*STAGES, "per filing"))
    lines = [f"{'stage (median ms)':<{width}}" + "".join(f"{n[:10]:>12}" for n in names)]
    for stage in (*STAGES, "per filing", "total"):
        if stage == "per filing":
            lines.append("-" * len(lines[0]))
        lines.append(f"{stage:<{width}}" + "".join(f"{columns[n][stage]:>12.1f}" for n in names))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per sample (default 20)")
    parser.add_argument("--sample", default="", help="only samples whose file name starts so (e.g. 002)")
    parser.add_argument("--cpu", action="store_true", help="time the process's CPU time, not the wall clock")
    args = parser.parse_args(argv)
    global _NOW
    _NOW = time.process_time if args.cpu else time.perf_counter
    samples = [p for p in sorted((ROOT / "samples").glob("*.txt")) if p.name.startswith(args.sample)]
    if not samples:
        parser.error(f"no sample starts with '{args.sample}'")
    taxonomy = default_taxonomy()
    columns = {}
    with tempfile.TemporaryDirectory(prefix="kcxbrl-stages-") as folder:
        for path in samples:
            columns[path.stem] = medians(measure(path, taxonomy, args.repeat, Path(folder) / path.stem))
    lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in samples)
    clock = "CPU time" if args.cpu else "wall clock"
    print(f"{len(samples)} sample(s), {lines} lines, median of {args.repeat} warm runs each ({clock})\n")
    print(table(columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
