"""Time kcxbrl and Arelle over the whole XBRL 2.1 conformance suite, in one run.

Both validators take every variation's entry point (instance, schema or
linkbase) in turn, in one Python process each, in XBRL 2.1 calculation mode:

* kcxbrl: :func:`kcxbrl.validation.validator.validate_file` with ``calc="xbrl21"``;
* Arelle: ``arelle.api.Session`` with ``validate=True, calcs="xbrl21"``,
  offline, one session per variation (as its command line would load it).

Printed: the total wall time of each, the median time per variation, the
ratios, and how many variations each one agrees with.  Arelle runs in a
child process so the two never share a warm cache or memory.

Usage: python bench/conformance_bench.py [--limit N]
This is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from conformance_suite import Variation, run, suite_root, variations  # noqa: E402

_ARELLE_BAD = {"error", "inconsistency", "critical", "fatal"}


def _time_kcxbrl(items: list[Variation]) -> tuple[float, list[float], int]:
    times: list[float] = []
    agree = 0
    start = time.perf_counter()
    for variation in items:
        t0 = time.perf_counter()
        outcome = run(variation, calc="xbrl21")
        times.append(time.perf_counter() - t0)
        agree += outcome.agrees
    return time.perf_counter() - start, times, agree


def _arelle_child(entries: list[str], log_dir: str) -> None:
    """Runs in a child process: validate each entry with Arelle, print JSON results."""
    from arelle.api.Session import Session
    from arelle.RuntimeOptions import RuntimeOptions

    results = []
    start = time.perf_counter()
    for entry in entries:
        t0 = time.perf_counter()
        options = RuntimeOptions(entrypointFile=entry, validate=True, calcs="xbrl21",
                                 internetConnectivity="offline", logFile="logToBuffer")
        with Session() as session:
            session.run(options)
            log = json.loads(session.get_logs("json") or "{}")
        seconds = time.perf_counter() - t0
        bad = [m.get("code") for m in log.get("log", []) if str(m.get("level", "")).lower() in _ARELLE_BAD]
        results.append({"seconds": seconds, "valid": not bad})
    print(json.dumps({"total": time.perf_counter() - start, "results": results}))


def _time_arelle(items: list[Variation]) -> tuple[float, list[float], int]:
    with tempfile.TemporaryDirectory() as work:
        command = [sys.executable, __file__, "--arelle-child", work]
        done = subprocess.run(command, input=json.dumps([str(v.entry) for v in items]), text=True,
                              capture_output=True, check=True)
    data = json.loads(done.stdout.strip().splitlines()[-1])
    times = [r["seconds"] for r in data["results"]]
    agree = sum(r["valid"] == v.expected_valid for r, v in zip(data["results"], items))
    return data["total"], times, agree


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N variations")
    parser.add_argument("--arelle-child", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.arelle_child:
        _arelle_child(json.loads(sys.stdin.read()), args.arelle_child)
        return 0
    root = suite_root()
    if root is None:
        print("conformance suite not found (set KCXBRL_CONFORMANCE)", file=sys.stderr)
        return 2
    items = variations(root)[: args.limit]
    kc_total, kc_times, kc_agree = _time_kcxbrl(items)
    ar_total, ar_times, ar_agree = _time_arelle(items)
    kc_median, ar_median = statistics.median(kc_times), statistics.median(ar_times)
    print(f"variations            {len(items)}")
    print(f"kcxbrl  total {kc_total:8.2f} s  median {kc_median * 1000:7.1f} ms  agrees {kc_agree}/{len(items)}")
    print(f"Arelle  total {ar_total:8.2f} s  median {ar_median * 1000:7.1f} ms  agrees {ar_agree}/{len(items)}")
    print(f"ratio Arelle/kcxbrl   total {ar_total / kc_total:5.1f}x   median per variation {ar_median / kc_median:5.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
