"""The sentences of a filing's text and the figures they print.

In: a ``Document``.  Out: ``Sentence``s (with the scale they or the notes
above them state) and, for a clause, its ``Figure``s: amounts in the
reporting currency with their convenience translation ("RMB1,353.5 million
(US$193.6 million)") and percentages that state a level, not a change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator, Sequence

from kcxbrl.extract.prose.rules import rules
from kcxbrl.text.screen import Lines
from kcxbrl.text.currencies import currencies
from kcxbrl.xbrl.model import Document

NUMBER = r"\d[\d,]*(?<!,)(?:\.\d+)?"
UNIT = r"thousand|million|billion|bn|mn|m"
_MONEY = currencies()
_AMOUNT = re.compile(
    rf"(?:{_MONEY.marks(_MONEY.reporting)})\s?(?P<v>{NUMBER})(?:\s*(?P<u>{UNIT})\b)?"
    rf"(?:\s*\((?:approximately\s+)?(?:{_MONEY.marks(_MONEY.convenience)})\s?(?P<usd>{NUMBER})"
    rf"(?:\s*(?P<uu>{UNIT})\b)?\))?"
)
_SCALE = {"thousand": 3, "million": 6, "mn": 6, "m": 6, "billion": 9, "bn": 9}
_PERCENT = re.compile(r"(?<![\w.])(?P<v>\d+(?:\.\d+)?)\s?%")
_CHANGE_BEFORE = re.compile(r"(?:\bby|\b(?:increase|decrease|growth|decline|rise|drop) of)\s*$", re.I)
# a sentence ends with "." or ";" and the spaces before a capital or a quote
_SENTENCE_END = re.compile(r"[.;](\s+)(?=[A-Z“\"])")


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str
    scale: int = 0  # a scale the sentence itself states, for amounts printed without a scale word
    convention: int = 0  # a scale stated above for the notes, for whole amounts without a scale word


@dataclass(frozen=True)
class Figure:
    """One amount or percentage printed in a clause (span relative to the clause)."""

    start: int
    end: int
    text: str
    value: Decimal
    decimals: int
    usd: tuple[Decimal, int] | None = None  # its convenience translation


def number(text: str, unit: str | None, scale: int) -> tuple[Decimal, int]:
    """A printed number with its scale word (or the scale given) as value and decimals."""
    digits = text.replace(",", "")
    places = len(digits.split(".")[1]) if "." in digits else 0
    power = _SCALE[unit.lower()] if unit else scale
    return Decimal(digits).scaleb(power), places - power


def _unscaled(s: Sentence, digits: str) -> int:
    """The scale of an amount printed without a scale word: as printed, unless
    its sentence states a scale, or a convention stated above covers it (whole
    amounts only: "RMB0.08" is no thousands figure)."""
    if s.scale:
        return s.scale
    return s.convention if "." not in digits else 0


def amounts(text: str, s: Sentence) -> list[Figure]:
    out = []
    for m in _AMOUNT.finditer(text):
        value, decimals = number(m["v"], m["u"], _unscaled(s, m["v"]))
        usd = number(m["usd"], m["uu"], _unscaled(s, m["usd"])) if m["usd"] else None
        out.append(Figure(m.start(), m.end(), m[0], value, decimals, usd))
    return out


def percents(text: str) -> list[Figure]:
    """Percentages that state a level ("12.8%"), not a change ("by 26.1%")."""
    out = []
    for m in _PERCENT.finditer(text):
        if _CHANGE_BEFORE.search(text[: m.start()]):
            continue
        value, decimals = ratio(m["v"])
        out.append(Figure(m.start(), m.end(), m[0], value, decimals))
    return out


def ratio(text: str) -> tuple[Decimal, int]:
    """A printed percentage as a pure ratio: "12.8" is 0.128 with 3 decimals."""
    places = len(text.split(".")[1]) if "." in text else 0
    return Decimal(text) / 100, places + 2


def split(line: str) -> list[str]:
    """The sentences of a line, not yet stripped."""
    parts, start = [], 0
    for m in _SENTENCE_END.finditer(line):
        parts.append(line[start : m.start(1)])
        start = m.end(1)
    parts.append(line[start:])
    return parts


def sentences(
    document: Document, kept: Sequence[bool] | None = None, joined: Lines | None = None
) -> Iterator[Sentence]:
    """The sentences of the text (with ``kept``, only those of the lines it
    marks; ``joined``: the text's lines, if already joined).  A scale is taken
    from the sentence itself, or from a statement of the notes' scale above it;
    never from a table's caption."""
    lines = document.text_lines
    joined = joined or Lines(line.text for line in lines)
    states = rules().scale_screen.passing(joined)  # a line that states no scale: nor do its sentences
    convention = 0
    for line, stating, keep in zip(lines, states, kept or [True] * len(lines)):
        if not (stating or keep):
            continue
        for text in split(line.text):
            text = text.strip()
            if not text:
                continue
            stated = _stated_scale(text) if stating else None
            if stated is not None and not _AMOUNT.search(text):
                convention = stated  # "all values are rounded to the nearest thousand (RMB'000)"
            yield Sentence(line.line, text, stated or 0, convention)


def _stated_scale(text: str) -> int | None:
    m = rules().scale.search(text)
    if m is None:
        return None
    unit = (m["unit"] or m["unit2"]).lower()
    return _SCALE[unit]
