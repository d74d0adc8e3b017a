"""A cheap test that rules out text a set of patterns cannot match.

In: compiled patterns.  Out: a ``Screen``: the words a match of each pattern
must print, read from the pattern itself (the literal runs it requires).  A
text that lacks them cannot match, nor can any part of it, so the pattern
need not be searched there: a few substring tests instead of a
regular-expression scan of the whole text.  A pattern whose words cannot be
told (say ``\\d+``) makes the screen admit every text, so the screen never
rules out a text a pattern matches.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import Iterable

try:  # a pattern's parsed form, Python's own; only read here
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # Python 3.10 names them so
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

# zero-width items: the literals on either side are adjacent in the matched text
ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
REPEATS = tuple(getattr(sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(sre, name))
ATOMIC_GROUP = getattr(sre, "ATOMIC_GROUP", object())  # (3.11 on)
# characters outside ASCII that re.IGNORECASE matches to an ASCII letter: İ ı ſ K (Kelvin)
FOLDS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
# those of them that lower() does not make that letter (İ ı ſ)
ODD_CASE = "".join(odd for odd, plain in FOLDS.items() if odd.lower() != plain)

Words = frozenset[str]  # one of these is printed
Needs = list[Words]  # each of these is printed


def _strength(words: Words) -> tuple[int, int]:
    return min(map(len, words)), -len(words)


def _branch(branches: list[Needs]) -> Needs:
    """One of several sequences: one word of the strongest need of each."""
    if any(not needs for needs in branches):
        return []
    return [frozenset().union(*(max(needs, key=_strength) for needs in branches))]


def _item_needs(op: object, av: object, fold: bool) -> Needs:
    """What every match of one item (not a literal) prints."""
    if op is sre.SUBPATTERN:
        _, add, remove, sub = av  # type: ignore[misc]
        return [] if add or remove else _needs(sub, fold)  # flags of its own: not read
    if op is ATOMIC_GROUP:
        return _needs(av, fold)  # type: ignore[arg-type]
    if op is sre.BRANCH:
        return _branch([_needs(b, fold) for b in av[1]])  # type: ignore[index]
    if op in REPEATS and av[0] >= 1:  # type: ignore[index]
        return _needs(av[2], fold)  # type: ignore[index]
    return []


def _needs(items: Iterable[tuple[object, object]], fold: bool) -> Needs:
    """What every match of a sequence prints; with ``fold``, in lower case, and
    only ASCII literals count."""
    needs: Needs = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL and (not fold or av < 128):  # type: ignore[operator]
            run.append(chr(av).lower() if fold else chr(av))  # type: ignore[arg-type]
            continue
        if op in ZERO_WIDTH:
            continue
        if run:
            needs.append(frozenset({"".join(run)}))
            run = []
        needs += _item_needs(op, av, fold)
    if run:
        needs.append(frozenset({"".join(run)}))
    return sorted(needs, key=_strength, reverse=True)  # the likeliest to rule a text out first


@dataclass(frozen=True)
class Way:
    """What one way of matching prints: each of ``needs``, in any case when ``fold``."""

    needs: tuple[Words, ...]
    fold: bool

    def printed(self, subject: str) -> bool:
        """Whether the text (lowered when ``fold``) prints each need."""
        for words in self.needs:
            for word in words:
                if word in subject:
                    break
            else:
                return False
        return True


def _lowered(text: str) -> str | None:
    """The text in lower case, or None when lowering could hide a match ignoring case."""
    if not text.isascii() and any(c in text for c in ODD_CASE):
        return None  # "ſ" matches "s" ignoring case, yet does not lower to it
    return text.lower()


def _firsts(ways: tuple[Way, ...], fold: bool) -> tuple[tuple[str, bool, tuple[Way, ...]], ...]:
    """The fewest words one of which the first need of every way prints (a word
    inside another will do for both), each with the ways it may begin."""
    unique = {w for way in ways if way.fold is fold for w in way.needs[0]}
    fewest = sorted(w for w in unique if not any(v != w and v in w for v in unique))
    return tuple(
        (w, fold, tuple(way for way in ways if way.fold is fold and any(w in v for v in way.needs[0])))
        for w in fewest
    )


class Screen:
    """First one word of each way (most texts print none), then those ways in full."""

    def __init__(self, ways: Iterable[Way]) -> None:
        self.ways = tuple(ways)
        self.open = any(not way.needs for way in self.ways)  # a way that needs nothing: all pass
        self.folds = any(way.fold for way in self.ways)
        # exact words first: a text is lowered only when none of them is printed
        self.firsts = () if self.open else _firsts(self.ways, False) + _firsts(self.ways, True)

    def admits(self, text: str) -> bool:
        """Whether a pattern may match the text or a part of it."""
        if self.open:
            return True
        lowered = None
        for word, fold, ways in self.firsts:
            if fold and lowered is None:
                lowered = _lowered(text)
                if lowered is None:
                    return True
            subject = lowered if fold else text
            if word in subject and any(way.printed(subject) for way in ways):  # type: ignore[arg-type]
                return True
        return False

    def passing(self, lines: Lines) -> list[bool]:
        """Which of a filing's lines may match: each word is looked for in all of
        them at once, and only the ways it begins are read on the lines it is in."""
        lowered = None if self.open else lines.lowered if self.folds else lines.joined
        if lowered is None:  # every line passes, or lowering the lines could hide a match
            return [self.admits(text) for text in lines.texts]
        passed = [False] * len(lines.texts)
        # a way whose words the filing does not print is printed by none of its lines
        printed = tuple(way for way in self.ways if lines.prints(way, lowered))
        for word, fold, ways in _narrowed(printed).firsts:
            subject = lowered if fold else lines.joined
            at = lines.first(word, fold, subject)
            while at >= 0:
                index = bisect_right(lines.starts, at) - 1
                if not passed[index]:
                    text = subject[lines.starts[index] : lines.starts[index + 1] - 1]
                    passed[index] = any(way.printed(text) for way in ways)
                at = subject.find(word, lines.starts[index + 1])  # the next line that prints it
        return passed


@lru_cache(maxsize=256)
def _narrowed(ways: tuple[Way, ...]) -> Screen:
    return Screen(ways)


class Lines:
    """The lines of a filing joined once, to look a word up in all of them at once."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.texts = tuple(texts)
        self.joined = "\n".join(self.texts)
        self.starts = list(accumulate((len(text) + 1 for text in self.texts), initial=0))
        self._first: dict[tuple[str, bool], int] = {}  # each word looked for once

    @cached_property
    def lowered(self) -> str | None:
        """The joined lines in lower case; None when lowering could hide a match or
        move a line (a character that lowers to two)."""
        if not self.joined.isascii() and any(c in self.joined for c in ODD_CASE):
            return None  # (see _lowered)
        lowered = "\n".join([text.lower() for text in self.texts])  # ASCII lines lower fast, one by one
        return lowered if len(lowered) == len(self.joined) else None  # (lowering never shortens a text)

    def first(self, word: str, fold: bool, subject: str) -> int:
        """Where a word is first printed in the joined lines (``subject``: them, lowered
        when ``fold``), -1 when nowhere."""
        at = self._first.get((word, fold))
        if at is None:
            at = self._first[(word, fold)] = subject.find(word)
        return at

    def prints(self, way: Way, lowered: str) -> bool:
        """Whether the lines print every need of a way (somewhere, not in one line)."""
        subject = lowered if way.fold else self.joined
        return all(any(self.first(word, way.fold, subject) >= 0 for word in words) for words in way.needs)


def screen(patterns: Iterable[re.Pattern[str]]) -> Screen:
    """The screen of a set of patterns: a text passes if any of them may match it."""
    ways = []
    for pattern in patterns:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        fold = bool(parsed.state.flags & re.IGNORECASE)
        items = list(parsed)
        if len(items) == 1 and items[0][0] is sre.BRANCH:  # "A|B": either way
            alternatives = [_needs(b, fold) for b in items[0][1][1]]
        else:
            alternatives = [_needs(items, fold)]
        ways += [Way(tuple(needs), fold) for needs in alternatives]
    return Screen(ways)


@lru_cache(maxsize=1024)
def screen_of(pattern: re.Pattern[str]) -> Screen:
    """The screen of one pattern, made once."""
    return screen([pattern])
