"""``kcxbrl facts``: the facts of a filing, an instance or an xBRL-JSON file, for people.

A table per statement (the taxonomy's roles, in their order; each
statement's rows in its printed order), with values in the unit's usual
form: ``RMB 9,558,619,000``, ``-0.54 RMB/share``, ``17.2%``.  The same
records print as CSV (:func:`kcxbrl.exports.export.to_csv`) or JSON (the API's
``to_records()``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Iterable, Sequence

from kcxbrl.errors import InputError
from kcxbrl.xbrl.model import calendar_span
from kcxbrl.exports.records import FactRecord, sort_key
from kcxbrl.text.currencies import currencies
from kcxbrl.xbrl.taxonomy import default_taxonomy

# How people write the currencies of the filings (taxonomy/mapping/currencies.toml).
CURRENCY_SIGNS = currencies().signs()
_PERIOD = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_TEXT_WIDTH = 60
_LABEL_WIDTH = 100


@dataclass(frozen=True)
class Filters:
    """``--concept`` (a part of the concept, its label or its us-gaap / dei
    name), ``--period`` (the period ends in that year, month or on that day),
    ``--statement`` (a part of the statement's name); case does not matter."""

    concept: str | None = None
    period: str | None = None
    statement: str | None = None

    def __post_init__(self) -> None:
        if self.period is not None and not _PERIOD.match(self.period):
            raise InputError(f"--period {self.period!r}: give YYYY, YYYY-MM or YYYY-MM-DD")

    def keep(self, record: FactRecord) -> bool:
        if self.concept:
            names = (record.concept, record.label or "", record.us_gaap or "", record.dei or "")
            if not any(self.concept.lower() in n.lower() for n in names):
                return False
        if self.period and not record.period_end.isoformat().startswith(self.period):
            return False
        if self.statement:
            if record.statement is None or self.statement.lower() not in record.statement.name.lower():
                return False
        return True

    def apply(self, records: Iterable[FactRecord]) -> list[FactRecord]:
        return [r for r in records if self.keep(r)]


# --------------------------------------------------------------------------
# Values, periods, units as people write them
# --------------------------------------------------------------------------


def _measure(text: str) -> str:
    return text.rsplit(":", 1)[-1]


def _grouped(value: Decimal) -> str:
    return format(value, ",f")


def value_text(record: FactRecord) -> str:
    """The value in the unit's usual form."""
    if record.value is None:
        return "(nil)"
    if not record.numeric:
        text = " ".join(record.value.split())
        return text if len(text) <= _TEXT_WIDTH else text[: _TEXT_WIDTH - 1] + "…"
    number = Decimal(record.value)
    numerator, _, denominator = (record.unit or "").partition("/")
    top, bottom = _measure(numerator), _measure(denominator)
    if record.unit and record.unit.startswith("iso4217:") and not denominator:
        return f"{CURRENCY_SIGNS.get(top, top)} {_grouped(number)}"
    if denominator == "xbrli:shares" and numerator.startswith("iso4217:"):
        return f"{_grouped(number)} {CURRENCY_SIGNS.get(top, top)}/share"
    if numerator.startswith("iso4217:") and denominator.startswith("iso4217:"):
        return f"{_grouped(number)} {CURRENCY_SIGNS.get(top, top)}/{CURRENCY_SIGNS.get(bottom, bottom)}"
    if record.unit == "xbrli:shares":
        return f"{_grouped(number)} shares"
    if record.unit == "xbrli:pure" and record.described.percent:
        places = max(record.decimals - 2, 0) if isinstance(record.decimals, int) else None
        percent = number * 100
        if places is not None:
            percent = percent.quantize(Decimal(1).scaleb(-places))
        return f"{_grouped(percent.normalize() if places is None else percent)}%"
    return _grouped(number)


def unit_text(record: FactRecord) -> str:
    if not record.unit:
        return ""
    numerator, _, denominator = record.unit.partition("/")
    return _measure(numerator) + ("/" + _measure(denominator) if denominator else "")


def period_text(record: FactRecord) -> str:
    """FY2025, H1 2025, Q4 2025, 2025-11 (a month), a day for an instant, else start to end."""
    end, start = record.period_end, record.period_start
    if start is None:
        return end.isoformat()
    span = calendar_span(start, end)
    if span is not None:
        kind, year, number = span
        if kind == "FY":
            return f"FY{year}"
        if kind == "M":
            return f"{year}-{number:02d}"
        return f"{kind}{number} {year}"
    return f"{start.isoformat()} to {end.isoformat()}"


def name_text(record: FactRecord) -> str:
    """The label (the concept where there is none), and the members of its dimensions."""
    name = record.label or record.concept
    if record.dimensions:
        name += " [" + ", ".join(f"{_measure(a).removesuffix('Axis')}: {_member(m)}" for a, m in record.dimensions) + "]"
    return name if len(name) <= _LABEL_WIDTH else name[: _LABEL_WIDTH - 1] + "…"


def _member(member: str) -> str:
    return _measure(member).removesuffix("Member") if re.fullmatch(r"[\w.-]+:[\w.-]+", member) else member


# --------------------------------------------------------------------------
# The table
# --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _printed_order() -> dict[tuple[str, str], int]:
    """(statement name, concept QName) → the concept's place in the statement's tree."""
    taxonomy = default_taxonomy()
    order: dict[tuple[str, str], int] = {}
    for role in taxonomy.roles:
        for index, node in enumerate(role.nodes):
            order.setdefault((role.definition, taxonomy.qname(node.concept)), index)
    return order


def _table_key(record: FactRecord) -> tuple[object, ...]:
    statement = record.statement.name if record.statement else ""
    place = _printed_order().get((statement, record.concept), 1 << 20)
    return (*sort_key(record)[:2], place, record.concept, record.dimensions,
            record.period_end, record.period_start or record.period_end, record.unit or "", record.lang or "")


def table(records: Sequence[FactRecord], title: str) -> str:
    """The records as a text table, one block per statement, aligned within each block."""
    rows = sorted(records, key=_table_key)
    lines = [f"{title}: {len(rows)} facts"]
    blocks: dict[str, list[FactRecord]] = {}
    for record in rows:
        blocks.setdefault(record.statement.name if record.statement else "Other facts", []).append(record)
    for statement, block in blocks.items():
        lines += ["", statement]
        widths = _widths(block)
        for record in block:
            value = value_text(record)
            lines.append("  " + "  ".join((
                name_text(record).ljust(widths[0]), period_text(record).ljust(widths[1]),
                value.rjust(widths[2]) if record.numeric else value.ljust(widths[2]), unit_text(record),
            )).rstrip())
    return "\n".join(lines) + "\n"


def _widths(rows: Sequence[FactRecord]) -> tuple[int, int, int]:
    if not rows:
        return 0, 0, 0
    return (
        max(len(name_text(r)) for r in rows),
        max(len(period_text(r)) for r in rows),
        max(len(value_text(r)) for r in rows),
    )
