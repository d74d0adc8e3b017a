"""Time loading a DTS offline: the validation corpus taxonomy
(tests/data/validate/kct-2026.xsd) and a synthetic taxonomy of N concepts with
labels, presentation and calculation links (tests/synthetic_taxonomy.py).

Each load is repeated and reported as the first time and the median of the
rest; the first load of the run warms the imports and is not counted.

Usage: python bench/dts_bench.py [--concepts 500] [--repeat 7]
This is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from synthetic_taxonomy import write_taxonomy  # noqa: E402


def _times(entry: Path, repeat: int) -> tuple[float, float]:
    from kcxbrl.validation.dts import load

    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        dts = load([entry])
        times.append(time.perf_counter() - start)
        if dts.findings:
            raise SystemExit(f"{entry}: the DTS has findings: {dts.findings[:3]}")
    return times[0], statistics.median(times[1:] or times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concepts", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)

    from kcxbrl.validation.dts import load

    corpus = ROOT / "tests" / "data" / "validate" / "kct-2026.xsd"
    load([corpus])  # imports and the bundled base schemas
    with tempfile.TemporaryDirectory(prefix="kcxbrl-dts-bench-") as folder:
        synthetic = write_taxonomy(Path(folder), args.concepts)
        for name, entry in (("corpus kct-2026.xsd", corpus), (f"synthetic, {args.concepts} concepts", synthetic)):
            first, median = _times(entry, args.repeat)
            print(f"{name:32} first {first * 1000:8.1f} ms   median {median * 1000:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
