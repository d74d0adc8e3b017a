"""Golden fact tables: every fact of a conversion as comparable rows.

A row is ``concept, period, unit, value, decimals, dimensions``:

* concept: the local name of a base-taxonomy concept, or ``?`` and the
  printed label for a concept the filing's own extension defines;
* period: ``YYYY-MM-DD`` (instant) or ``YYYY-MM-DD--YYYY-MM-DD`` (duration);
* unit: measures without prefixes (``CNY``, ``USD/shares``, ``shares``,
  ``pure``), empty for text facts;
* value in full units (a plain decimal), or the text of a text fact;
* decimals: an integer, empty for text facts;
* dimensions: ``axis=member`` pairs (local names) joined by `` ; ``, sorted.

Run ``KCXBRL_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`` to
rewrite the golden files of the samples after a reviewed change.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from kcxbrl.xbrl.model import Fact, Period
from kcxbrl.xbrl.taxonomy import Taxonomy

COLUMNS = ("concept", "period", "unit", "value", "decimals", "dimensions")


@dataclass(frozen=True, order=True)
class GoldenFact:
    concept: str
    period: str
    unit: str
    value: str
    decimals: str
    dimensions: str

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What identifies the fact (the value and decimals are what it says)."""
        return self.concept, self.period, self.unit, self.dimensions


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def period_text(period: Period) -> str:
    if period.start is None:
        return period.end.isoformat()
    return f"{period.start.isoformat()}--{period.end.isoformat()}"


def _number(value: Decimal | str) -> str:
    if not isinstance(value, Decimal):
        return str(value)
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def golden_row(fact: Fact, taxonomy: Taxonomy) -> GoldenFact:
    concept = fact.concept
    if ":" in concept:  # a concept of the filing's own extension: known by its printed label
        found = taxonomy.concepts.get(concept)
        concept = "?" + (found.label if found else _local(concept))
    unit = ""
    if fact.unit is not None:
        unit = "*".join(_local(m) for m in fact.unit.numerator)
        if fact.unit.denominator:
            unit += "/" + "*".join(_local(m) for m in fact.unit.denominator)
    dims = " ; ".join(sorted(f"{_local(m.dimension)}={_local(m.value)}" for m in fact.context.members))
    return GoldenFact(
        concept,
        period_text(fact.context.period),
        unit,
        _number(fact.value),
        "" if fact.decimals is None else str(fact.decimals),
        dims,
    )


def rows_of(facts: tuple[Fact, ...] | list[Fact], taxonomy: Taxonomy) -> list[GoldenFact]:
    return sorted(golden_row(f, taxonomy) for f in facts)


def write_csv(path: Path, rows: list[GoldenFact]) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([getattr(row, c) for c in COLUMNS])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(out.getvalue(), encoding="utf-8")


def read_csv(path: Path) -> list[GoldenFact]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = set(COLUMNS) - set(reader.fieldnames or ())
        assert not missing, f"{path}: columns {sorted(missing)} missing"
        rows = []
        for record in reader:
            value = record["value"]
            if record["unit"]:
                value = _number(Decimal(value))
            rows.append(GoldenFact(
                record["concept"], record["period"], record["unit"], value,
                record["decimals"], " ; ".join(sorted(p.strip() for p in record["dimensions"].split(";") if p.strip())),
            ))
        return sorted(rows)


def difference(expected: list[GoldenFact], actual: list[GoldenFact]) -> str:
    """A readable diff: facts missing, facts not expected, facts with another value."""
    want = {r.key: r for r in expected}
    got = {r.key: r for r in actual}
    lines = []
    for key in sorted(want.keys() - got.keys()):
        lines.append(f"missing    {want[key]}")
    for key in sorted(got.keys() - want.keys()):
        lines.append(f"unexpected {got[key]}")
    for key in sorted(want.keys() & got.keys()):
        if (want[key].value, want[key].decimals) != (got[key].value, got[key].decimals):
            lines.append(f"value      {key}: expected {want[key].value} ({want[key].decimals}), "
                         f"got {got[key].value} ({got[key].decimals})")
    return "\n".join(lines)
