"""A corpus of filings for batch benchmarks: variants of the five samples with
their periods shifted and their numbers scaled so that they still add up.

A variant of a sample is the sample with

* every year moved by the same number of years (-15 .. +15): a four-digit
  year 1990-2049 standing alone, wherever it is (cover, headers, captions,
  prose, ISO dates), so every period keeps its place against the others and
  against the cover's month;
* its amounts multiplied by one whole factor k (1 .. 12), which keeps every
  sum exact:

  - in a results filing (amounts in RMB), each number kcxbrl reads as an RMB
    amount or an RMB amount per share (table cells, and the figures of the
    sentences: ``RMB9,558.6 million`` is re-rounded from k times the table
    figure it rounds, so a figure printed twice still agrees), and the
    RMB/US$ convenience rate; US$ columns, share counts, percentages and
    margins stay as printed and stay right (US$ = RMB / rate, a margin is a
    ratio of two RMB amounts);
  - in a monthly return (share counts, no RMB), each comma-grouped number
    (share counts, authorised capital, funds raised): a balance still equals
    the one before plus the movements, capital still equals shares times par.

(0 years, k = 1) is the sample itself and is not made.  The variants are
picked by ``--seed``, so the same arguments make the same corpus.  It is
written into the folder given (a new temporary folder by default), never
into the repository.  With ``--check`` the corpus is converted as ``kcxbrl
convert`` does, into a temporary folder, and the report says how many
variants have no error finding, how many have no
``kcxbrl:filingCalcInconsistency``, and how many give as many facts as their
sample, with the codes of any findings their sample does not have.

Usage: python bench/corpus.py [OUT] [--count 1000] [--seed 11] [--check] [-j N]
This is a benchmark helper, not a test.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kcxbrl.pipeline import Conversion, convert_document  # noqa: E402
from kcxbrl.text.read import read_filing  # noqa: E402

SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
SHIFTS = range(-15, 16)
FACTORS = range(1, 13)
SCALED_UNITS = ("CNY", "CNYPerShare", "CNYPerUSD")  # what k multiplies in a results filing
YEAR = re.compile(r"(?<![\d.,])(?:199\d|20[0-4]\d)(?![\d]|[.,]\d)")
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])")
IN_PROSE = re.compile(r"RMB ?(?P<open>\()?(?P<number>\d[\d,]*(?:\.\d+)?)(?:\s(?P<scale>million|billion|thousand))?")
SCALES = {None: Decimal(1), "thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9}
CALC = "kcxbrl:filingCalcInconsistency"


@dataclass(frozen=True)
class Sample:
    """A sample's text and what kcxbrl read in it."""

    path: Path
    lines: list[str]
    conversion: Conversion

    @classmethod
    def read(cls, path: Path) -> Sample:
        text = path.read_text(encoding="utf-8")
        return cls(path, text.split("\n"), convert_document(read_filing(path, str(path))))

    @property
    def monthly(self) -> bool:
        return not any(f.unit is not None and f.unit.id == "CNY" for f in self.conversion.instance.facts)


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _printed(value: Decimal, like: str) -> str:
    """``value`` written as ``like`` is: its decimal places, commas when it has four digits or more."""
    places = len(like.split(".")[1]) if "." in like else 0
    value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{value:,.{places}f}"


def _cell_units(sample: Sample) -> dict[tuple[int, str, Decimal], set[str]]:
    """(line, concept, value as printed) -> units, for every fact printed in a table."""
    units: dict[tuple[int, str, Decimal], set[str]] = {}
    for fact in sample.conversion.instance.facts:
        if fact.unit is None or not isinstance(fact.value, Decimal):
            continue
        for source in fact.sources:
            if source.table is not None:
                for scale in (0, 3, 6):  # a table's figure is printed in units, thousands or millions
                    printed = abs(fact.value).scaleb(-scale).normalize()
                    units.setdefault((source.line, fact.concept, printed), set()).add(fact.unit.id)
    return units


def _scaled_cells(sample: Sample, factor: int) -> dict[int, str]:
    """The table lines of a results filing with their RMB cells multiplied by ``factor``."""
    units = _cell_units(sample)
    rows: dict[int, list] = {}
    for cell in sample.conversion.cells:
        if cell.outcome == "fact" and cell.column >= 0 and NUMBER.search(cell.text):  # a table's, not a sentence's
            rows.setdefault(cell.line, []).append(cell)
    out = {}
    for line, cells in rows.items():
        raw = sample.lines[line - 1]
        separator = "\t" if "\t" in raw else "|"
        parts = raw.split(separator)
        offset = 0 if separator == "\t" else 1  # a pipe row starts with a "|"
        for cell in cells:
            printed = NUMBER.search(cell.text).group()  # type: ignore[union-attr]
            found = units.get((line, cell.detail, _decimal(printed).normalize()), set())
            if not found & set(SCALED_UNITS):
                continue
            index = cell.column + offset
            parts[index] = parts[index].replace(printed, _printed(_decimal(printed) * factor, printed), 1)
        out[line] = separator.join(parts)
    return out


def _table_amounts(sample: Sample) -> list[Decimal]:
    """Every RMB amount or amount per share printed in a table, in full units."""
    return sorted({abs(f.value) for f in sample.conversion.instance.facts
                   if f.unit is not None and f.unit.id in ("CNY", "CNYPerShare") and isinstance(f.value, Decimal)
                   and any(s.table is not None for s in f.sources)})


def _in_prose(match: re.Match[str], factor: int, amounts: list[Decimal]) -> str:
    """An RMB figure of a sentence, k times over: re-rounded from the table amount it rounds, if one does."""
    number, scale = match["number"], SCALES[match["scale"]]
    places = len(number.split(".")[1]) if "." in number else 0
    step = Decimal(1).scaleb(-places)
    rounds = {a for a in amounts if (a / scale).quantize(step, rounding=ROUND_HALF_UP) == _decimal(number)}
    value = (factor * rounds.pop() / scale) if len(rounds) == 1 else factor * _decimal(number)
    return match.group().replace(number, _printed(value, number), 1)


def _in_table(line: str) -> bool:
    return "\t" in line or line.lstrip().startswith("|")


def variant(sample: Sample, shift: int, factor: int) -> str:
    """The text of one variant."""
    if sample.monthly:
        lines = [GROUPED.sub(lambda m: _printed(_decimal(m.group()) * factor, m.group()), line)
                 for line in sample.lines]
    else:
        cells = _scaled_cells(sample, factor)
        amounts = _table_amounts(sample)
        lines = [cells.get(n, line) if _in_table(line) else IN_PROSE.sub(lambda m: _in_prose(m, factor, amounts), line)
                 for n, line in enumerate(sample.lines, start=1)]
    return "\n".join(YEAR.sub(lambda m: str(int(m.group()) + shift), line) for line in lines)


def name(sample: Path, shift: int, factor: int) -> str:
    return f"{sample.stem}_y{'m' if shift < 0 else 'p'}{abs(shift):02d}_x{factor:02d}.txt"


def plan(count: int, seed: int) -> list[tuple[Path, int, int]]:
    """(sample, shift, factor) of each variant: ``count`` of them, spread evenly over the samples."""
    combos = [(s, k) for s in SHIFTS for k in FACTORS if (s, k) != (0, 1)]
    if count > len(combos) * len(SAMPLES):
        raise SystemExit(f"at most {len(combos) * len(SAMPLES)} distinct variants")
    rng = random.Random(seed)
    chosen = []
    for n, sample in enumerate(SAMPLES):
        picked = rng.sample(combos, count // len(SAMPLES) + (n < count % len(SAMPLES)))
        chosen += [(sample, s, k) for s, k in picked]
    return chosen


def make(out: Path, count: int = 1000, seed: int = 11) -> list[Path]:
    """Write the corpus into ``out`` and return its files."""
    out.mkdir(parents=True, exist_ok=True)
    samples = {path: Sample.read(path) for path in SAMPLES}
    written = []
    for path, shift, factor in plan(count, seed):
        target = out / name(path, shift, factor)
        target.write_text(variant(samples[path], shift, factor), encoding="utf-8")
        written.append(target)
    return written


def check(files: list[Path], jobs: int) -> dict[str, object]:
    """Convert the corpus; how many variants are clean, and what their samples do not have."""
    from kcxbrl.batch import Options, convert_batch

    samples = {path.stem: Sample.read(path) for path in SAMPLES}
    own = {stem: {f.code for f in s.conversion.findings} for stem, s in samples.items()}
    facts = {stem: len(s.conversion.instance.facts) for stem, s in samples.items()}
    counts: Counter[str] = Counter()
    new: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="kcxbrl-corpus-check-") as temporary:
        for result in convert_batch(files, Path(temporary), Options(), jobs=jobs):
            stem = Path(result.path).stem.rsplit("_", 2)[0]
            codes = {f.code for f in result.findings}
            counts["variants"] += 1
            counts["no error finding"] += result.errors == 0
            counts[f"no {CALC}"] += CALC not in codes
            counts["as many facts as the sample"] += result.facts == facts[stem]
            new.update(codes - own[stem])
    return {**counts, "codes the samples do not have (variants)": dict(new)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=None, help="folder to write (default: a new temporary one)")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--check", action="store_true", help="convert the corpus and report how many variants are clean")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="jobs for --check")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="kcxbrl-corpus-"))
    if out.resolve().is_relative_to(ROOT):
        raise SystemExit(f"{out}: write the corpus outside the repository")
    files = make(out, args.count, args.seed)
    print(f"{len(files)} filings in {out}")
    if args.check:
        for key, value in check(files, args.jobs).items():
            print(f"  {key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
