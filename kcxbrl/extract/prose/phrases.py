"""Period phrases of the text and the periods they name.

In: a phrase matched by a rule of prose.toml ("the same quarter of 2025",
"six months ended June 30, 2025", "last quarter"), the period its sentence
speaks of and the filing's ``Frame``.  Out: the ``Period`` it names.
Relative phrases resolve against the reporting period, which the filing's
title or first paragraph states (``stated_period``), else the latest revenues
period of its tables (``tables_period``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable

from kcxbrl.extract.concepts import declared_by
from kcxbrl.extract.periods import half, latest, months_ended, previous_quarter, quarter, year_before
from kcxbrl.extract.prose.rules import Found, Phrase, rules
from kcxbrl.text.screen import Lines
from kcxbrl.text.values import parse_date
from kcxbrl.xbrl.model import Document, Draft, Period

_REVENUES = declared_by(__name__)("Revenues")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
             "1": 1, "2": 2, "3": 3, "4": 4}
_MONTH_WORDS = {"three": 3, "six": 6, "nine": 9, "twelve": 12, "3": 3, "6": 6, "9": 9, "12": 12}


class NeedsReporting(Exception):
    """A relative phrase while the reporting period is unknown."""


def _need(period: Period | None) -> Period:
    if period is None:
        raise NeedsReporting
    return period


@dataclass(frozen=True)
class Frame:
    """What relative phrases resolve against."""

    reporting: Period | None
    comparative: Period | None = None  # the filing's stated comparative of the reporting period


@dataclass(frozen=True)
class _Words:
    """What a period phrase says, from its named groups."""

    text: str = ""
    year: int | None = None
    last: bool = False  # "last year", "the previous year"
    ordinal: int | None = None
    months: int | None = None
    day: date | None = None

    @classmethod
    def of(cls, m: re.Match[str] | None) -> _Words:
        if m is None:
            return cls()
        g = {k: v for k, v in m.groupdict().items() if v}
        year = int(g["year"]) if "year" in g else (2000 + int(g["yy"]) if "yy" in g else None)
        return cls(
            text=m[0].lower(), year=year, last="last" in g,
            ordinal=_ORDINALS.get(g.get("ordinal", "").lower()),
            months=_MONTH_WORDS.get(g.get("months", "").lower()),
            day=parse_date(g["date"]) if "date" in g else None,
        )


_Resolver = Callable[[_Words, "Period | None", Frame], "Period | None"]


def _months_ended(w: _Words, base: Period | None, frame: Frame) -> Period | None:
    if w.day is None:
        return None
    if w.months is None:
        if "quarter" in w.text or "three" in w.text:
            return months_ended(w.day, 3)
        if "half" in w.text or "six" in w.text:
            return months_ended(w.day, 6)
        return months_ended(w.day, 12)
    return months_ended(w.day, w.months)


def _part_of_year(make: Callable[[int, int], Period]) -> _Resolver:
    def resolve_part(w: _Words, base: Period | None, frame: Frame) -> Period | None:
        if w.ordinal is None:
            return None
        if w.year is not None:
            return make(w.year, w.ordinal)
        if w.last:  # "the fourth quarter last year"
            return make(_need(base).end.year - 1, w.ordinal)
        return latest(make, w.ordinal, _need(base).end)  # "Q1": the latest first quarter
    return resolve_part


def _same_period(w: _Words, base: Period | None, frame: Frame) -> Period | None:
    here = _need(base)
    if w.year is None:
        return year_before(here)  # "the same period last year"
    return year_before(here, here.end.year - w.year) if here.end.year >= w.year else None


def _current(w: _Words, frame: Frame) -> Period:
    """"This quarter" in a quarter-and-year release is the quarter that ends the
    reporting period; "this period" is the reporting period itself."""
    reporting = _need(frame.reporting)
    for word, months in (("quarter", 3), ("half", 6), ("year", 12)):
        if word in w.text:
            return months_ended(reporting.end, months)
    return reporting


_RESOLVERS: dict[str, _Resolver] = {
    "months_ended": _months_ended,
    "instant": lambda w, base, frame: Period.instant(w.day) if w.day else None,
    "quarter": _part_of_year(quarter),
    "half": _part_of_year(half),
    "year": lambda w, base, frame: Period(date(w.year, 1, 1), date(w.year, 12, 31)) if w.year else None,
    "same_period": _same_period,
    "year_earlier": lambda w, base, frame: year_before(_need(base)),
    "previous_quarter": lambda w, base, frame: previous_quarter(_need(base)),
    "current": lambda w, base, frame: _current(w, frame),
}


def resolve(rule: str, m: re.Match[str] | None, base: Period | None, frame: Frame) -> Period | None:
    """The period a phrase names: ``base`` is the period its sentence speaks of,
    for relative phrases; raises NeedsReporting when that is unknown."""
    return _RESOLVERS[rule](_Words.of(m), base, frame)


def phrase_at(text: str, phrases: tuple[Phrase, ...] | None = None) -> Found | None:
    """The longest period phrase that opens a text."""
    if phrases is None and not rules().periods_starts.admits(text):
        return None  # no period phrase begins so
    best: Found | None = None
    for phrase in phrases or rules().periods:
        m = phrase.pattern.match(text)
        if m and (best is None or m.end() > best[1].end()):
            best = (phrase, m)
    return best


def leading(sentence: str) -> Found | None:
    """A phrase that opens a sentence and is set off by a comma ("In 2025, ...")."""
    found = phrase_at(sentence)
    if found and sentence[found[1].end():].lstrip().startswith(","):
        return found
    return None


def _first(
    document: Document, phrases: tuple[Phrase, ...], admitted: Iterable[bool], base: Period | None
) -> tuple[Period | None, int | None]:
    """The period named by the first line whose first matching phrase names one, and the
    last line where a phrase matched (``admitted``: whether a phrase may match each line)."""
    where = None
    for line, may in zip(document.text_lines, admitted):
        if not may:
            continue
        m, phrase = next(((m, p) for p in phrases if (m := p.pattern.search(line.text))), (None, None))
        if m is None or phrase is None:
            continue
        where = line.line
        found = resolve(phrase.rule, m, base, Frame(base))
        if found is not None:
            return found, where
    return None, where


def stated_period(document: Document, lines: Lines | None = None) -> tuple[Period | None, int | None, Frame]:
    """The reporting period the filing states (title or first paragraph), the
    line stating it, and the comparative it states for all its figures
    (``lines``: the filing's lines, if already joined)."""
    loaded = rules()
    # the title comes early: line by line; a comparative anywhere: all lines at once
    screen = loaded.reporting_screen
    found, where = _first(document, loaded.reporting, (screen.admits(t.text) for t in document.text_lines), None)
    if found is None:
        return found, where, Frame(found, None)
    joined = lines or Lines(line.text for line in document.text_lines)
    comparative = _first(document, loaded.comparatives, loaded.comparatives_screen.passing(joined), found)[0]
    return found, where, Frame(found, comparative)


def tables_period(drafts: list[Draft]) -> Period | None:
    """The latest-ending duration of the tables' revenues."""
    periods = [d.period for d in drafts if d.concept == _REVENUES and not d.members and d.period.start]
    return max(periods, key=lambda p: (p.end, p.start), default=None)
