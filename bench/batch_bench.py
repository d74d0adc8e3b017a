"""Files per second of ``kcxbrl convert`` over many filings, at several ``-j``.

Makes ``--copies`` copies of each of the five samples (distinct names, same
text) in a temporary folder, converts the folder with each ``-j`` given, one
fresh process per run, and reports per run: filings, wall time, files/s,
facts/s and the peak resident memory of the largest process of the run (the
kcxbrl process or one of its workers: ``ru_maxrss`` of the waited-for
children, read in a process that runs only that conversion).  The outputs of
the runs are compared byte for byte.

Usage: python bench/batch_bench.py [--copies 10] [--jobs 1 2]
This is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))

# runs one conversion and prints its wall time and the peak RSS (KiB on Linux) of its processes
_RUNNER = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - started
print(json.dumps({"code": code, "seconds": elapsed, "maxrss": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def make_corpus(folder: Path, copies: int) -> list[Path]:
    made = []
    for number in range(copies):
        for sample in SAMPLES:
            target = folder / f"{sample.stem}_copy{number:04d}.txt"
            shutil.copyfile(sample, target)
            made.append(target)
    return made


def run(corpus: Path, out: Path, jobs: int, summary: Path) -> dict[str, float]:
    command = [sys.executable, "-m", "kcxbrl", "convert", str(corpus), "--out", str(out), "-j", str(jobs),
               "--quiet", "--summary-json", str(summary)]
    measured = json.loads(subprocess.run([sys.executable, "-c", _RUNNER, *command], check=True,
                                         capture_output=True, text=True, cwd=ROOT).stdout)
    totals = json.loads(summary.read_text(encoding="utf-8"))["totals"]
    return {**measured, "filings": totals["filings"], "facts": totals["facts"]}


def same_tree(one: Path, two: Path) -> bool:
    names = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    if names != sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file()):
        return False
    return all(filecmp.cmp(one / name, two / name, shallow=False) for name in names)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=10, help="copies of each sample (default 10: 50 filings)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="the -j of each run (default 1 2)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kcxbrl-batch-bench-") as temporary:
        base = Path(temporary)
        corpus = base / "filings"
        corpus.mkdir()
        make_corpus(corpus, args.copies)
        outs = []
        print(f"{'-j':>3} {'filings':>8} {'seconds':>8} {'files/s':>8} {'facts/s':>9} {'peak RSS MiB':>13}")
        for jobs in args.jobs:
            out = base / f"out-j{jobs}"
            result = run(corpus, out, jobs, base / f"summary-j{jobs}.json")
            outs.append(out)
            print(f"{jobs:>3} {result['filings']:>8} {result['seconds']:>8.2f} "
                  f"{result['filings'] / result['seconds']:>8.2f} {result['facts'] / result['seconds']:>9.0f} "
                  f"{result['maxrss'] / 1024:>13.1f}" + ("" if result["code"] == 0 else f"  exit {result['code']}"))
        if len(outs) > 1:
            same = all(same_tree(outs[0], other) for other in outs[1:])
            print("outputs byte-identical across -j:", "yes" if same else "NO")
    return 0


if __name__ == "__main__":
    sys.exit(main())
