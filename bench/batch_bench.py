"""``kcxbrl convert`` over a corpus of many filings: speed, memory, and Arelle.

Makes the corpus of ``bench/corpus.py`` (``--count`` variants of the samples,
periods shifted and numbers scaled so they still add up) in a temporary
folder, or takes the one of ``--corpus``, and converts it end to end (read,
convert, validate, write) with each ``-j`` given, all of it and a spread
quarter of it (every fourth file), each run in a fresh process.  Per run:
files, wall time, files/s, facts/s, and the peak resident memory of the
kcxbrl process and of its largest worker (``ru_maxrss`` of the process and of
its waited-for children: the kcxbrl process runs in-process in a small
runner, its pool's workers are its children).  Then: whether the peak
memory at the quarter and at the whole differ by more than 20 %, whether the
outputs of the runs over the whole corpus are the same bytes whatever
``-j``, and how long Arelle (``arelle-release``, in-process ``Session``,
offline, Calculations 1.1) takes to load and validate the instances written
(an evenly spread sample of ``--arelle-sample`` of them, each loaded anew,
the mean scaled up to all of them), as the ratio of kcxbrl's end-to-end
time to Arelle's validation time.

Usage: python bench/batch_bench.py [--count 1000] [--jobs 1 2] [--arelle-sample 50] [--corpus DIR] [--json]
This is a measurement, not a test; it takes a while (about 20 minutes for
1,000 filings on two cores).
"""

from __future__ import annotations

import argparse
import filecmp
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

LIMIT = 0.20  # peak memory at a quarter and at the whole corpus may differ by this much

# converts in this process (argv: result file, then kcxbrl's arguments) and records time and memory
_RUNNER = """
import json, resource, sys, time
from kcxbrl.cli import main
started = time.perf_counter()
code = main(sys.argv[2:])
elapsed = time.perf_counter() - started
json.dump({"code": code, "seconds": elapsed,
           "parent_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
           "worker_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}, open(sys.argv[1], "w"))
"""

# loads and validates each instance given anew in an Arelle session; prints seconds and problems per file
_ARELLE = """
import json, sys, time
from arelle.api.Session import Session
from arelle.RuntimeOptions import RuntimeOptions
log, rows = sys.argv[1], []
for path in sys.argv[2:]:
    started = time.perf_counter()
    options = RuntimeOptions(entrypointFile=path, validate=True, calcs="c11r", utrValidate=True,
                             internetConnectivity="offline", logFile=log, logFileMode="w")
    with Session() as session:
        session.run(options)
        problems = [m for m in session.get_log_messages() if m.get("level") in ("error", "inconsistency")]
    rows.append({"file": path, "seconds": time.perf_counter() - started, "problems": len(problems)})
print(json.dumps(rows))
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


def convert(files: list[Path], out: Path, jobs: int, work: Path) -> dict[str, float]:
    """One end-to-end run of ``kcxbrl convert`` over ``files``."""
    summary, measured = work / f"{out.name}.summary.json", work / f"{out.name}.run.json"
    command = [sys.executable, "-c", _RUNNER, str(measured), "convert", *map(str, files), "--out", str(out),
               "-j", str(jobs), "--quiet", "--summary-json", str(summary)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT, env=_env())
    run = json.loads(measured.read_text(encoding="utf-8"))
    totals = json.loads(summary.read_text(encoding="utf-8"))["totals"]
    return {**run, "jobs": jobs, "files": totals["filings"], "facts": totals["facts"],
            "with_errors": totals["status"].get("failed", 0) + totals["status"].get("unreadable", 0),
            "files_per_s": totals["filings"] / run["seconds"], "facts_per_s": totals["facts"] / run["seconds"]}


def arelle(instances: list[Path], sample: int, work: Path) -> dict[str, float] | None:
    """Arelle's time for a spread sample of the instances, and its mean scaled up to all of them."""
    if importlib.util.find_spec("arelle") is None:
        return None
    step = max(1, len(instances) // sample)
    chosen = instances[::step][:sample]
    warm = [str(chosen[0])]  # the first session also imports and starts Arelle: not counted
    done = subprocess.run([sys.executable, "-c", _ARELLE, str(work / "arelle-log.xml"), *warm, *map(str, chosen)],
                          check=True, capture_output=True, text=True, cwd=ROOT, env=_env())
    rows = json.loads(done.stdout.strip().splitlines()[-1])[1:]
    mean = sum(r["seconds"] for r in rows) / len(rows)
    return {"sampled": len(rows), "instances": len(instances), "mean_s": mean,
            "estimated_s": mean * len(instances), "with_problems": sum(r["problems"] > 0 for r in rows)}


def same_tree(one: Path, two: Path) -> bool:
    names = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    if names != sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file()):
        return False
    return all(filecmp.cmp(one / name, two / name, shallow=False) for name in names)


def measure(files: list[Path], jobs_list: list[int], sample: int, work: Path) -> dict[str, object]:
    quarter = files[::4]
    runs, outs = [], {}
    for jobs in jobs_list:
        for label, subset in (("all", files), ("quarter", quarter)):
            out = work / f"out-j{jobs}-{label}"
            runs.append({"subset": label, **convert(subset, out, jobs, work)})
            if label == "all":
                outs[jobs] = out
    memory = {}
    for jobs in jobs_list:
        whole, part = (next(r for r in runs if r["jobs"] == jobs and r["subset"] == s) for s in ("all", "quarter"))
        memory[f"-j {jobs}"] = {kind: whole[kind] / part[kind] - 1 for kind in ("parent_kib", "worker_kib")
                                if part[kind] > 0 and whole[kind] > 0}
    first = outs[jobs_list[0]]
    identical = all(same_tree(first, other) for other in outs.values())
    checked = arelle(sorted(first.glob("*.xbrl")), sample, work)
    ratios = {}
    if checked is not None:
        ratios = {f"-j {r['jobs']}": r["seconds"] / checked["estimated_s"] for r in runs if r["subset"] == "all"}
    return {"corpus": len(files), "runs": runs, "memory_growth_quarter_to_all": memory,
            "memory_within_limit": all(abs(v) <= LIMIT for m in memory.values() for v in m.values()),
            "outputs_identical_across_jobs": identical, "arelle": checked, "kcxbrl_over_arelle": ratios}


def report(result: dict[str, object]) -> str:
    lines = [f"{'run':<14}{'files':>6}{'seconds':>9}{'files/s':>9}{'facts/s':>9}{'parent MiB':>11}"
             f"{'worker MiB':>11}{'errors':>7}"]
    for r in result["runs"]:  # type: ignore[union-attr]
        lines.append(f"{'-j ' + str(r['jobs']) + ' ' + r['subset']:<14}{r['files']:>6}{r['seconds']:>9.1f}"
                     f"{r['files_per_s']:>9.2f}{r['facts_per_s']:>9.0f}{r['parent_kib'] / 1024:>11.1f}"
                     f"{r['worker_kib'] / 1024:>11.1f}{r['with_errors']:>7}" + ("" if r["code"] == 0 else f"  exit {r['code']}"))
    for jobs, growth in result["memory_growth_quarter_to_all"].items():  # type: ignore[union-attr]
        shown = ", ".join(f"{kind.split('_')[0]} {value:+.1%}" for kind, value in growth.items())
        lines.append(f"peak memory, whole corpus against a quarter, {jobs}: {shown}")
    lines.append(f"within {LIMIT:.0%}: {'yes' if result['memory_within_limit'] else 'NO'}; "
                 f"outputs byte-identical across -j: {'yes' if result['outputs_identical_across_jobs'] else 'NO'}")
    checked = result["arelle"]
    if checked is None:
        lines.append("Arelle is not installed: no comparison")
    else:
        lines.append(f"Arelle load + validate: {checked['sampled']} of {checked['instances']} instances sampled, "  # type: ignore[index]
                     f"mean {checked['mean_s']:.2f} s, all estimated {checked['estimated_s']:.0f} s, "  # type: ignore[index]
                     f"{checked['with_problems']} with errors")  # type: ignore[index]
        for jobs, ratio in result["kcxbrl_over_arelle"].items():  # type: ignore[union-attr]
            lines.append(f"kcxbrl end-to-end ({jobs}) / Arelle validation (one process): {ratio:.3f}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="filings in the corpus (default 1000)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, os.cpu_count() or 1],
                        help="the -j of each run (default: 1 and all cores)")
    parser.add_argument("--arelle-sample", type=int, default=50, help="instances Arelle validates (default 50)")
    parser.add_argument("--corpus", type=Path, default=None, help="a corpus folder made before (its *.txt files)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kcxbrl-batch-bench-") as temporary:
        work = Path(temporary)
        files = sorted(args.corpus.glob("*.txt")) if args.corpus else corpus.make(work / "corpus", args.count, args.seed)
        result = measure(files, list(dict.fromkeys(args.jobs)), args.arelle_sample, work)
    print(json.dumps(result, indent=2) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
