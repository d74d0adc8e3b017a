"""The monthly return's form as data (taxonomy/mapping/monthly.toml).

In: the TOML.  Out: a ``Form`` of records, each built from one TOML table the
same way (``Record.of``) and each saying which of its fields name concepts
and what period type and item types the concept needs there
(``Record.needs``); ``load_form`` checks all of them against the taxonomy.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import MISSING, dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

from kcxbrl.errors import TaxonomyError
from kcxbrl.extract.concepts import base_taxonomy
from kcxbrl.resources import taxonomy_dir
from kcxbrl.text.currencies import currencies
from kcxbrl.xbrl.taxonomy import Taxonomy

READS = {  # what a column holds → the concept types it may be written as
    "name": ("string",), "number": ("shares",), "amount": ("monetary", "perShare"),
    "movement": ("shares",), "date": ("date",),
}
PERIOD_TYPES = {"open": "instant", "close": "instant", "month": "duration"}

# (concept or setting, period type it must have, item types it may have); None: any
Need = tuple[str, "str | None", "tuple[str, ...] | None"]
_R = TypeVar("_R", bound="Record")


def pattern(text: str) -> re.Pattern[str]:
    """A pattern of the form, any case; ``{currency}`` stands for any printed currency mark."""
    return re.compile(text.replace("{currency}", currencies().marks()), re.I)


def _concept(period: str | None = None, *types: str, default: Any = MISSING) -> Any:
    """A field naming a concept (or a tuple of them), and what the concept needs to be there."""
    return field(default=default, metadata={"need": (period, types or None)})


def _read(convert: Callable[[Any], Any], default: Any = MISSING) -> Any:
    """A field whose TOML value is converted when read."""
    return field(default=default, metadata={"read": convert})


def _records(kind: type[_R]) -> Callable[[list[dict[str, Any]]], tuple[_R, ...]]:
    return lambda items: tuple(kind.of(item) for item in items)


@dataclass(frozen=True)
class Record:
    """One table of the form's TOML: its fields read and checked by their metadata."""

    @classmethod
    def of(cls: type[_R], data: dict[str, Any]) -> _R:
        values = {}
        for f in fields(cls):
            if f.name in data:
                value = data[f.name]
                convert = f.metadata.get("read", tuple if isinstance(value, list) else None)
                values[f.name] = convert(value) if convert else value
        return cls(**values)

    def settings(self) -> Iterator[str]:
        """Settings the reader does not know: none, unless a record says otherwise."""
        return iter(())

    def needs(self) -> Iterator[Need]:
        for f in fields(self):
            if "need" in f.metadata:
                period, types = f.metadata["need"]
                value = getattr(self, f.name)
                for name in value if isinstance(value, tuple) else (value,):
                    if name:
                        yield name, period, types


def _kinds(items: list[dict[str, str]]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((pattern(k["words"]), k["concept"]) for k in items)


@dataclass(frozen=True)
class Column(Record):
    header: re.Pattern[str] = _read(pattern)
    read: str  # name / number / amount / movement / date
    concept: str | None = None  # item sections
    period: str = "month"
    text: str | None = None  # the words of a movement cell
    balance: str | None = None  # balance sections
    movement: str | None = None
    kinds: tuple[tuple[re.Pattern[str], str], ...] = _read(_kinds, ())  # words of a movement → its concept

    def settings(self) -> Iterator[str]:
        if self.read not in READS or self.period not in PERIOD_TYPES:
            yield f"read '{self.read}', period '{self.period}'"

    def needs(self) -> Iterator[Need]:
        types = READS.get(self.read)
        if types is None or self.period not in PERIOD_TYPES:
            return
        wanted = [(self.concept, PERIOD_TYPES[self.period], types), (self.text, "duration", ("string",)),
                  (self.balance, "instant", types), (self.movement, "duration", types)]
        wanted += [(concept, "duration", types) for _, concept in self.kinds]
        yield from ((name, period, kinds) for name, period, kinds in wanted if name)


@dataclass(frozen=True)
class Section(Record):
    rows: str  # "balances" (sections I, II) or "items" (part III)
    columns: tuple[Column, ...] = _read(_records(Column))
    axis: str | None = _concept(default=None)
    member: str = "name"  # the typed member: the item's printed "name" or "number"
    name: str | None = _concept(default=None)  # concept for the item's printed name, if any
    description: str | None = _concept(default=None)  # concept for words in a movement row

    def settings(self) -> Iterator[str]:
        if self.rows not in ("balances", "items") or self.member not in ("name", "number"):
            yield f"rows '{self.rows}', member '{self.member}'"
        for column in self.columns:
            yield from column.settings()

    def needs(self) -> Iterator[Need]:
        yield from super().needs()
        for column in self.columns:
            yield from column.needs()


@dataclass(frozen=True)
class RollForward(Record):
    """Balance at the close = balance at the close of the preceding month + movement."""

    balance: str = _concept("instant")
    movement: str = _concept("duration")
    kinds: tuple[str, ...] = _concept("duration", default=())  # the movement printed by kind


@dataclass(frozen=True)
class CodeTotal(Record):
    """A part's code total (AA1) is the sum of these concepts over the part's rows."""

    code: str
    section: str
    parts: tuple[str, ...] = _concept("duration", "shares")


@dataclass(frozen=True)
class GrandTotal(Record):
    """A total of AA1 to EE1 is the movement of a balance of section II."""

    pattern: re.Pattern[str] = _read(pattern)
    concept: str = _concept("duration", "shares")
    movement: str = _concept("duration", "shares")
    balance: str = _concept("instant", "shares")


@dataclass(frozen=True)
class Product(Record):
    """An amount paid is shares times the price per share."""

    amount: str = _concept(None, "monetary")
    price: str = _concept(None, "perShare")
    shares: tuple[str, ...] = _concept(None, "shares")


@dataclass(frozen=True)
class Line(Record):
    """A figure printed in a line of text: `... options: USD _____ 6,351.41`."""

    pattern: re.Pattern[str] = _read(pattern)
    concept: str
    period: str
    mentions: str | None = None  # a remark naming this but read as no pattern is reported

    def needs(self) -> Iterator[Need]:
        yield self.concept, PERIOD_TYPES.get(self.period, "?"), ("monetary", "perShare")


@dataclass(frozen=True)
class Form(Record):
    sections: dict[str, Section] = _read(lambda v: {k: Section.of(s) for k, s in v.items()})
    codes: dict[str, str] = _read(dict)
    roll_forwards: tuple[RollForward, ...] = _read(_records(RollForward))
    code_totals: tuple[CodeTotal, ...] = _read(_records(CodeTotal))
    grand_totals: tuple[GrandTotal, ...] = _read(_records(GrandTotal))
    lines: tuple[Line, ...] = _read(_records(Line))
    remarks: tuple[Line, ...] = _read(_records(Line))
    products: tuple[Product, ...] = _read(_records(Product), ())

    @staticmethod
    def currency(printed: str) -> str | None:
        return currencies().code(printed)

    def settings(self) -> Iterator[str]:
        for name, section in self.sections.items():
            yield from (f"section {name}: {setting}" for setting in section.settings())
        for total in self.code_totals:
            if total.code not in self.codes or total.section not in self.sections:
                yield f"code total {total.code} of section {total.section}"

    def needs(self) -> Iterator[Need]:
        for section in self.sections.values():
            yield from section.needs()
        yield from ((c, "duration", ("shares",)) for c in self.codes.values())
        for record in (*self.roll_forwards, *self.code_totals, *self.grand_totals, *self.products,
                       *self.lines, *self.remarks):
            yield from record.needs()


def check_form(built: Form, taxonomy: Taxonomy) -> list[str]:
    """Every concept exists, with the period type and item type its place asks for."""
    problems = [f"unknown concept or setting '{setting}'" for setting in built.settings()]
    for name, period, types in built.needs():
        if name not in taxonomy.concepts:
            problems.append(f"unknown concept or setting '{name}'")
            continue
        concept = taxonomy.concepts[name]
        if period and concept.period != period:
            problems.append(f"{name} is {concept.period}, used as {period}")
        if types and concept.type not in types:
            problems.append(f"{name} is of type {concept.type}, used for {'/'.join(types)}")
    return problems


def load_form(path: Path, taxonomy: Taxonomy) -> Form:
    try:
        built = Form.of(tomllib.loads(path.read_text(encoding="utf-8")))
    except (tomllib.TOMLDecodeError, KeyError, TypeError, re.error) as exc:
        raise TaxonomyError(f"{path}: {exc!r}") from exc
    problems = check_form(built, taxonomy)
    if problems:
        raise TaxonomyError(f"{path}: " + "; ".join(problems))
    return built


@lru_cache(maxsize=1)
def form() -> Form:
    """The monthly return's data, every concept checked against the base taxonomy."""
    return load_form(taxonomy_dir() / "mapping" / "monthly.toml", base_taxonomy())
