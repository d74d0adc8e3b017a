"""How many variations of the XBRL 2.1 conformance suite kcxbrl agrees with.

Usage: python bench/conformance.py [--calc xbrl21] [--list]

Prints the agreement count, and with ``--list`` every variation where
kcxbrl's verdict differs from the suite's, with the error codes reported and
whether the expected-failures list (tests/data/conformance/) names it.
The suite is found as tests/test_conformance.py finds it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from conformance_suite import EXPECTED_FAILURES, Outcome, expected_failures, run, suite_root, variations  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calc", default="xbrl21", choices=("xbrl21", "c11r", "none"))
    parser.add_argument("--list", action="store_true", help="list the variations that disagree")
    parser.add_argument("--write-expected", action="store_true",
                        help="rewrite the expected-failures list from this run, keeping reasons already written")
    args = parser.parse_args(argv)
    root = suite_root()
    if root is None:
        print("conformance suite not found (set KCXBRL_CONFORMANCE)", file=sys.stderr)
        return 2
    known = expected_failures()
    start = time.perf_counter()
    outcomes = [run(v, calc=args.calc) for v in variations(root)]
    elapsed = time.perf_counter() - start
    agree = sum(o.agrees for o in outcomes)
    by_kind: Counter[tuple[str, bool]] = Counter((o.variation.entry_kind, o.agrees) for o in outcomes)
    if args.list:
        for o in outcomes:
            if not o.agrees:
                v = o.variation
                want = "valid" if v.expected_valid else "invalid"
                mark = "listed" if v.key in known else "NEW"
                print(f"{mark:6} {v.key:70} want {want:7} got {' '.join(o.codes) or 'valid'}  -- {v.description[:90]}")
    if args.write_expected:
        _write_expected([o for o in outcomes if not o.agrees], known)
    for kind in ("instance", "xsd", "linkbase"):
        total = by_kind[(kind, True)] + by_kind[(kind, False)]
        print(f"{kind:9} {by_kind[(kind, True)]}/{total}")
    print(f"agree {agree}/{len(outcomes)} in {elapsed:.1f}s (calc {args.calc})")
    return 0


def _write_expected(failures: list[Outcome], known: dict[str, str]) -> None:
    lines = [
        "# Variations of the XBRL 2.1 conformance suite where kcxbrl's verdict differs",
        "# from the expected one, each with the reason.  tests/test_conformance.py runs",
        "# them as strict expected failures.",
        "",
    ]
    for o in failures:
        v = o.variation
        reason = known.get(v.key) or (
            f"kcxbrl reports {', '.join(o.codes)}" if o.codes else "kcxbrl finds no error"
        ) + f" where the suite expects {'valid' if v.expected_valid else 'invalid'}: {v.description}"
        lines += ["[[case]]", f"variation = {_toml(v.key)}", f"reason = {_toml(reason)}", ""]
    EXPECTED_FAILURES.parent.mkdir(parents=True, exist_ok=True)
    EXPECTED_FAILURES.write_text("\n".join(lines), encoding="utf-8")


def _toml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


if __name__ == "__main__":
    sys.exit(main())
