"""What the sentences are read for, as data (taxonomy/mapping/prose.toml).

In: the TOML.  Out: the anchors of amounts and percentages, the rates of the
notes, the period phrases and comparison markers, the filing's own period
statements and the scale statement; every concept it names checked against
the taxonomy when it is loaded.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from kcxbrl.extract.concepts import base_taxonomy, require
from kcxbrl.text.screen import Screen, screen
from kcxbrl.extract.prose.starts import Starts
from kcxbrl.resources import taxonomy_dir

# a printed date, for {date} in the patterns: "March 31, 2026", "31 December 2024"
DATE = r"(?:[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [A-Za-z]{3,9},? \d{4})"


@dataclass(frozen=True)
class Phrase:
    rule: str
    pattern: re.Pattern[str]


Found = tuple[Phrase, re.Match[str]]  # a phrase and where it matched
Anchors = tuple[tuple[str, re.Pattern[str]], ...]  # concept, the words that introduce it


@dataclass(frozen=True)
class Rules:
    amounts: Anchors
    percents: Anchors
    rates: Anchors
    periods: tuple[Phrase, ...]
    markers: tuple[Phrase, ...]
    reporting: tuple[Phrase, ...]
    comparatives: tuple[Phrase, ...]
    comparison: re.Pattern[str]
    scale: re.Pattern[str]

    def concepts(self) -> set[str]:
        return {concept for concept, _ in self.amounts + self.percents + self.rates}

    # what a text must print for a rule to match it: a few substring tests
    # rule out most sentences before any of their patterns is searched
    @cached_property
    def anchors_screen(self) -> Screen:
        return screen(pattern for _, pattern in self.amounts + self.percents)

    @cached_property
    def amounts_screen(self) -> Screen:
        return screen(pattern for _, pattern in self.amounts)

    @cached_property
    def percents_screen(self) -> Screen:
        return screen(pattern for _, pattern in self.percents)

    @cached_property
    def rates_screen(self) -> Screen:
        return screen(pattern for _, pattern in self.rates)

    @cached_property
    def scale_screen(self) -> Screen:
        return screen([self.scale])

    @cached_property
    def markers_screens(self) -> tuple[Screen, ...]:
        return tuple(screen([marker.pattern]) for marker in self.markers)

    @cached_property
    def comparison_screen(self) -> Screen:
        return screen([self.comparison])

    @cached_property
    def periods_starts(self) -> Starts:
        return Starts(phrase.pattern for phrase in self.periods)

    @cached_property
    def reporting_screen(self) -> Screen:
        return screen(phrase.pattern for phrase in self.reporting)

    @cached_property
    def comparatives_screen(self) -> Screen:
        return screen(phrase.pattern for phrase in self.comparatives)


def _phrases(items: list[dict[str, str]]) -> tuple[Phrase, ...]:
    return tuple(Phrase(i["rule"], re.compile(i["pattern"].replace("{date}", DATE), re.I)) for i in items)


def load_rules(path: Path) -> Rules:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return Rules(
        amounts=tuple((r["concept"], re.compile(r["anchor"])) for r in data["amounts"]),
        percents=tuple((r["concept"], re.compile(r["anchor"])) for r in data["percents"]),
        rates=tuple((r["concept"], re.compile(r["pattern"], re.I)) for r in data["rates"]),
        periods=_phrases(data["periods"]),
        markers=_phrases(data["markers"]),
        reporting=_phrases(data["reporting"]),
        comparatives=_phrases(data["comparatives"]),
        comparison=re.compile(data["comparison"]["words"], re.I),
        scale=re.compile(data["scale"]["statement"], re.I),
    )


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The bundled rules, their concepts checked against the base taxonomy."""
    path = taxonomy_dir() / "mapping" / "prose.toml"
    loaded = load_rules(path)
    require(base_taxonomy(), loaded.concepts(), str(path))
    return loaded
