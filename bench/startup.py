"""How long ``kcxbrl --help`` takes, and what it imports.

Runs ``python -m kcxbrl --help`` ``--runs`` times (fresh processes, from the
repository root) and prints the median wall time against the goal of 0.1 s,
with the median of ``python -c pass`` for the interpreter's own start; then
the slowest imports of one run under ``python -X importtime``.  Bytecode is
written and used (``PYTHONDONTWRITEBYTECODE`` is dropped, one run warms the
caches up), as in an installed kcxbrl.

Usage: python bench/startup.py [--runs 10] [--top 12]
This is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL = 0.1


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _median(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of ``runs`` runs."""
    env = _env()
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)  # bytecode written
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def _imports(top: int) -> list[tuple[int, str]]:
    """(cumulative microseconds, module) of the slowest imports of one run."""
    env = _env()
    err = subprocess.run([sys.executable, "-X", "importtime", "-m", "kcxbrl", "--help"], cwd=ROOT, env=env,
                         check=True, capture_output=True, text=True).stderr
    rows = []
    for line in err.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    return sorted(rows, reverse=True)[:top]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    bare, bare_cpu = _median([sys.executable, "-c", "pass"], args.runs)
    helped, helped_cpu = _median([sys.executable, "-m", "kcxbrl", "--help"], args.runs)
    print(f"medians of {args.runs} runs          wall      CPU")
    print(f"python -c pass           {bare * 1000:6.1f} ms {bare_cpu * 1000:6.1f} ms")
    print(f"python -m kcxbrl --help  {helped * 1000:6.1f} ms {helped_cpu * 1000:6.1f} ms  "
          f"(wall {'under' if helped < GOAL else 'OVER'} the {GOAL * 1000:.0f} ms goal; "
          f"the CPU time is what a loaded machine does not inflate)")
    print("slowest imports (cumulative, one run of python -X importtime -m kcxbrl --help):")
    for micros, module in _imports(args.top):
        print(f"  {micros / 1000:7.1f} ms  {module}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
