"""Time ``kcxbrl validate`` against Arelle on one deterministic 5,000-fact instance.

The instance uses the test taxonomy in tests/data/validate (written next to
a copy of it in a temporary folder) and is valid, so both validators do their
full work: XML Schema, XBRL 2.1, Dimensions 1.0 and Calculations 1.1
(round-to-nearest, ``--calc c11r``).

Two comparisons, each repeated and reported as medians:

* in process: :func:`kcxbrl.validation.validator.validate_file` against Arelle's
  ``arelle.api.Session`` (load and validate), the start-up of Python and of
  the imports excluded;
* command line: ``kcxbrl validate FILE`` against ``python -m
  arelle.CntlrCmdLine --file FILE --validate ...``, wall clock.

``--samples`` measures instead what ``kcxbrl convert`` does for each filing:
the samples are converted once, then, round after round, each filing's
instance and extension files are written into one staging folder beside
copies of the base taxonomy (as :class:`kcxbrl.write.Stage` does), validated
in process (:func:`kcxbrl.validation.validator.iter_findings`) and removed.
Each round's extension files carry a comment of their own, so every
validation meets a filing taxonomy it has not seen, as convert does, while
the base taxonomy stays the same.  Printed per sample: the first (cold)
time and the median of the later rounds.

Usage: python bench/validate_bench.py [--facts 5000] [--repeat 5]
       python bench/validate_bench.py --samples [--repeat 7]
This is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
TAXONOMY = ROOT / "tests" / "data" / "validate"
TAXONOMY_FILES = ("kct-2026.xsd", "kct-2026_lab.xml", "kct-2026_pre.xml", "kct-2026_cal.xml", "kct-2026_def.xml")
CIK = "0001795589"

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance"
    xmlns:link="http://www.xbrl.org/2003/linkbase"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xbrldi="http://xbrl.org/2006/xbrldi"
    xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
    xmlns:kct="http://example.com/kctest/2026"
    xml:lang="en">
  <link:schemaRef xlink:type="simple" xlink:href="kct-2026.xsd"/>
  <xbrli:unit id="CNY"><xbrli:measure>iso4217:CNY</xbrli:measure></xbrli:unit>
  <xbrli:unit id="USD"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
  <xbrli:unit id="shares"><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unit>
  <xbrli:unit id="pure"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>
  <xbrli:unit id="CNYPerShare"><xbrli:divide>
    <xbrli:unitNumerator><xbrli:measure>iso4217:CNY</xbrli:measure></xbrli:unitNumerator>
    <xbrli:unitDenominator><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unitDenominator>
  </xbrli:divide></xbrli:unit>
"""


def _context(cid: str, period: str, segment: str = "") -> str:
    seg = f"<xbrli:segment>{segment}</xbrli:segment>" if segment else ""
    return (
        f'  <xbrli:context id="{cid}"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">{CIK}'
        f"</xbrli:identifier>{seg}</xbrli:entity><xbrli:period>{period}</xbrli:period></xbrli:context>\n"
    )


def _duration(start: str, end: str) -> str:
    return f"<xbrli:startDate>{start}</xbrli:startDate><xbrli:endDate>{end}</xbrli:endDate>"


def _member(name: str) -> str:
    return f'<xbrldi:explicitMember dimension="kct:SegmentAxis">kct:{name}</xbrldi:explicitMember>'


def build_instance(target: int) -> str:
    """A valid instance of exactly ``target`` facts; the same text on every run."""
    contexts: list[str] = []
    facts: list[str] = []
    quarters = (("01-01", "03-31"), ("04-01", "06-30"), ("07-01", "09-30"), ("10-01", "12-31"), ("01-01", "12-31"))
    seed = 7
    year = 1900
    while len(facts) < target:
        for q, (start, end) in enumerate(quarters):
            cid = f"D{year}Q{q + 1}"
            contexts.append(_context(cid, _duration(f"{year}-{start}", f"{year}-{end}")))
            contexts.append(_context(cid + "_Cloud", _duration(f"{year}-{start}", f"{year}-{end}"), _member("CloudMember")))
            contexts.append(_context(cid + "_Ent", _duration(f"{year}-{start}", f"{year}-{end}"), _member("EnterpriseMember")))
            seed = (seed * 1103515245 + 12345) % 2**31
            cloud = 1000 + seed % 9000
            ent = 500 + (seed // 9000) % 4000
            revenue = cloud + ent
            cost = revenue * 3 // 4
            facts += [
                f'<kct:Revenues contextRef="{cid}" unitRef="CNY" decimals="-3">{revenue * 1000}</kct:Revenues>',
                f'<kct:Revenues contextRef="{cid}_Cloud" unitRef="CNY" decimals="-3">{cloud * 1000}</kct:Revenues>',
                f'<kct:Revenues contextRef="{cid}_Ent" unitRef="CNY" decimals="-3">{ent * 1000}</kct:Revenues>',
                f'<kct:CostOfRevenues contextRef="{cid}" unitRef="CNY" decimals="-3">{cost * 1000}</kct:CostOfRevenues>',
                f'<kct:GrossProfit contextRef="{cid}" unitRef="CNY" decimals="-3">{(revenue - cost) * 1000}</kct:GrossProfit>',
                f'<kct:Revenues contextRef="{cid}" unitRef="USD" decimals="-3">{revenue * 1000 // 7}000</kct:Revenues>',
                f'<kct:EarningsPerShare contextRef="{cid}" unitRef="CNYPerShare" decimals="2">'
                f"{Decimal(revenue - cost) / 1000:.2f}</kct:EarningsPerShare>",
                f'<kct:GrossMargin contextRef="{cid}" unitRef="pure" decimals="4">'
                f"{Decimal(revenue - cost) / revenue:.4f}</kct:GrossMargin>",
                f'<kct:CompanyName contextRef="{cid}">Kingsoft Cloud Holdings Limited</kct:CompanyName>',
                f'<kct:ReportDate contextRef="{cid}">{year + 1}-03-18</kct:ReportDate>',
            ]
            icid = f"I{year}Q{q + 1}"
            if q < 4:
                contexts.append(_context(icid, f"<xbrli:instant>{year}-{end}</xbrli:instant>"))
                contexts.append(_context(
                    icid + "_C", f"<xbrli:instant>{year}-{end}</xbrli:instant>",
                    f'<xbrldi:typedMember dimension="kct:ContractAxis"><kct:ContractId>C-{q:03d}</kct:ContractId>'
                    "</xbrldi:typedMember>"))
                cash = 2000 + seed % 3000
                other = 10000 + seed % 7000
                facts += [
                    f'<kct:Cash contextRef="{icid}" unitRef="CNY" decimals="-3">{cash * 1000}</kct:Cash>',
                    f'<kct:OtherAssets contextRef="{icid}" unitRef="CNY" decimals="-3">{other * 1000}</kct:OtherAssets>',
                    f'<kct:Assets contextRef="{icid}" unitRef="CNY" decimals="-3">{(cash + other) * 1000}</kct:Assets>',
                    f'<kct:SharesOutstanding contextRef="{icid}" unitRef="shares" decimals="INF">'
                    f"{3_800_000_000 + seed % 1000}</kct:SharesOutstanding>",
                    f'<kct:ContractValue contextRef="{icid}_C" unitRef="CNY" decimals="0">{seed % 100000}</kct:ContractValue>',
                ]
        year += 1
    # drop whole trailing facts until the count is exact; then drop contexts nobody uses
    facts = facts[:target]
    used = {f.split('contextRef="', 1)[1].split('"', 1)[0] for f in facts}
    contexts = [c for c in contexts if c.split('id="', 1)[1].split('"', 1)[0] in used]
    body = "".join(contexts) + "".join(f"  {f}\n" for f in facts)
    return _HEAD + body + "</xbrli:xbrl>\n"


def _median(fn: Callable[[], object], repeat: int) -> tuple[float, float, list[float]]:
    """(first, median of the rest or of all, every time) in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    rest = times[1:] if len(times) > 1 else times
    return times[0], statistics.median(rest), times


def _arelle_in_process(path: Path, log_dir: Path) -> Callable[[], object]:
    from arelle.api.Session import Session
    from arelle.RuntimeOptions import RuntimeOptions

    def run() -> object:
        options = RuntimeOptions(
            entrypointFile=str(path), validate=True, calcs="c11r", utrValidate=True,
            internetConnectivity="offline", logFile=str(log_dir / "arelle-log.xml"), logFileMode="w",
        )
        with Session() as session:
            ok = session.run(options)
            problems = [m for m in session.get_log_messages() if m.get("level") in ("error", "inconsistency")]
        if problems:
            raise SystemExit(f"Arelle reports problems in the benchmark instance: {problems[:3]}")
        return ok

    return run


def _staged_filings(out: Path) -> list[tuple[str, list[str]]]:
    """(instance name, the files it writes: extension files first) for every converted filing."""
    filings = []
    for instance in sorted(out.glob("*.xbrl")):
        own = sorted(p.name for p in out.glob(f"{instance.stem}-ext*"))
        filings.append((instance.name, [*own, instance.name]))
    return filings


def samples(repeat: int) -> int:
    """Per-filing validation as ``kcxbrl convert`` runs it, over the samples."""
    from kcxbrl.findings import Level
    from kcxbrl.pipeline import convert_files, taxonomy_files
    from kcxbrl.validation.validator import iter_findings
    from kcxbrl.xbrl.taxonomy import default_taxonomy

    with tempfile.TemporaryDirectory(prefix="kcxbrl-bench-") as tmp:
        out, staging = Path(tmp) / "out", Path(tmp) / "staging"
        convert_files(sorted((ROOT / "samples").glob("*.txt")), out)
        staging.mkdir()
        for name in taxonomy_files(default_taxonomy()):
            shutil.copyfile(out / name, staging / name)
        filings = _staged_filings(out)
        times: dict[str, list[float]] = {name: [] for name, _ in filings}
        cpu: dict[str, list[float]] = {name: [] for name, _ in filings}
        for round_ in range(repeat):
            for name, files in filings:
                for file in files:
                    text = (out / file).read_bytes()
                    if file != name:  # the filing's own taxonomy: new content every round
                        text += f"<!-- round {round_} -->\n".encode()
                    (staging / file).write_bytes(text)
                start, start_cpu = time.perf_counter(), time.process_time()
                found = [f for f in iter_findings(staging / name) if f.level is Level.ERROR]
                times[name].append(time.perf_counter() - start)
                cpu[name].append(time.process_time() - start_cpu)
                for file in files:
                    (staging / file).unlink()
                if found:
                    print(f"{name}: kcxbrl reports errors:", *found[:3], sep="\n  ")
                    return 1
    print(f"in-process validation per filing, as convert runs it ({repeat} rounds; "
          f"median over rounds 2..{repeat}, the first round apart; CPU time beside wall time)")
    for name, spent in times.items():
        print(f"  {name:32} first {spent[0] * 1000:7.1f} ms   median {_ms(spent)}   CPU median {_ms(cpu[name])}")
    print(f"  {'all samples (sum of medians)':32} {'':16} {_ms(*times.values())}   {'':11}"
          f"{_ms(*cpu.values())}")
    return 0


def _ms(*series: list[float]) -> str:
    """The sum of the medians of the series (each over its rounds after the first), in ms."""
    return f"{sum(statistics.median(s[1:] or s) for s in series) * 1000:7.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-cli", action="store_true", help="skip the command-line comparison")
    parser.add_argument("--samples", action="store_true",
                        help="time per-filing validation of the samples as convert runs it")
    args = parser.parse_args(argv)
    if args.samples:
        return samples(args.repeat)

    from kcxbrl.findings import Level
    from kcxbrl.validation.validator import validate_file

    work = Path(tempfile.mkdtemp(prefix="kcxbrl-bench-"))
    for name in TAXONOMY_FILES:
        shutil.copy(TAXONOMY / name, work / name)
    instance = work / "bench.xbrl"
    instance.write_text(build_instance(args.facts), encoding="utf-8")
    size = instance.stat().st_size
    print(f"instance: {instance} ({args.facts} facts, {size / 1024:.0f} KiB)")

    findings = validate_file(instance)
    bad = [f for f in findings if f.level is not Level.INFO]
    if bad:
        print("kcxbrl reports problems in the benchmark instance:", *bad[:5], sep="\n  ")
        return 1

    rows: list[tuple[str, float, float, float, float]] = []
    first, kc, _ = _median(lambda: validate_file(instance), args.repeat)
    if importlib.util.find_spec("arelle") is None:
        print("Arelle is not installed; kcxbrl alone:")
        print(f"  kcxbrl validate_file: first {first:.3f}s, median {kc:.3f}s")
        return 0
    a_first, ar, _ = _median(_arelle_in_process(instance, work), args.repeat)
    rows.append(("in process (validate_file vs arelle Session)", first, kc, a_first, ar))

    if not args.no_cli:
        kc_cmd = [sys.executable, "-m", "kcxbrl", "validate", str(instance)]
        ar_cmd = [sys.executable, "-m", "arelle.CntlrCmdLine", "--file", str(instance), "--validate",
                  "--calc", "c11r", "--utr", "--internetConnectivity", "offline",
                  "--logFile", str(work / "arelle-cli-log.xml"), "--logFileMode", "w"]
        c_first, c_kc, _ = _median(lambda: subprocess.run(kc_cmd, check=True, capture_output=True), args.repeat)
        c_afirst, c_ar, _ = _median(lambda: subprocess.run(ar_cmd, check=True, capture_output=True), args.repeat)
        rows.append(("command line (wall clock, incl. interpreter start)", c_first, c_kc, c_afirst, c_ar))

    print(f"repeats: {args.repeat} (median over runs 2..{args.repeat}; first run shown apart)")
    for label, k_first, k_med, a_first_, a_med in rows:
        print(f"{label}:")
        print(f"  kcxbrl  first {k_first:7.3f}s   median {k_med:7.3f}s")
        print(f"  Arelle  first {a_first_:7.3f}s   median {a_med:7.3f}s")
        print(f"  ratio Arelle/kcxbrl (medians): {a_med / k_med:.1f}x")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
