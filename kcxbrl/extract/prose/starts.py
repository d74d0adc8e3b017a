"""A cheap test that rules out a place where none of some patterns can match.

In: compiled patterns (the period phrases, matched where a word begins).
Out: ``Starts``: the characters a match of one of them may begin with, read
from the patterns themselves, and the patterns joined into one.  A text that
begins with another character is no match of any of them (one set lookup);
else one match of the joined pattern tells whether any of them matches,
instead of a match attempt per pattern.
"""

from __future__ import annotations

import re
from typing import Iterable

from kcxbrl.text.screen import ATOMIC_GROUP, ODD_CASE, REPEATS, ZERO_WIDTH, _parser, sre

_WIDEST = 128  # a class of more characters than this is taken as any character

Chars = frozenset[str]


def _in(items: list[tuple[object, object]], fold: bool) -> Chars | None:
    """The characters of a class ``[...]``."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))  # type: ignore[arg-type]
        elif op is sre.RANGE and av[1] - av[0] <= _WIDEST:  # type: ignore[index,operator]
            chars.update(map(chr, range(av[0], av[1] + 1)))  # type: ignore[index,operator]
        else:
            return None  # negated, a category (\d, \w) or a wide range
    if fold and not all(c.isascii() for c in chars):
        return None
    return frozenset(c.lower() for c in chars) if fold else frozenset(chars)


def _item(op: object, av: object, fold: bool) -> tuple[Chars | None, bool]:
    """The first characters of one item, and whether it may match nothing."""
    if op is sre.LITERAL:
        return _in([(op, av)], fold), False
    if op is sre.IN:
        return _in(av, fold), False  # type: ignore[arg-type]
    if op is sre.SUBPATTERN:
        _, add, remove, sub = av  # type: ignore[misc]
        return (None, False) if add or remove else _first(sub, fold)
    if op is ATOMIC_GROUP:
        return _first(av, fold)  # type: ignore[arg-type]
    if op is sre.BRANCH:
        found = [_first(branch, fold) for branch in av[1]]  # type: ignore[index]
        if any(chars is None for chars, _ in found):
            return None, False
        return frozenset().union(*(chars for chars, _ in found)), any(empty for _, empty in found)  # type: ignore[arg-type]
    if op in REPEATS:
        least, _, sub = av  # type: ignore[misc]
        chars, empty = _first(sub, fold)
        return chars, empty or least == 0
    return None, False


def _first(items: Iterable[tuple[object, object]], fold: bool) -> tuple[Chars | None, bool]:
    """The characters a match of a sequence may begin with (None: any), and whether
    it may match nothing at all."""
    chars: set[str] = set()
    for op, av in items:
        if op in ZERO_WIDTH:
            continue  # a condition, not a character: the next item begins the match
        found, empty = _item(op, av, fold)
        if found is None:
            return None, False
        chars |= found
        if not empty:
            return frozenset(chars), False
    return frozenset(chars), True


def _unnamed(source: str) -> str | None:
    """A pattern's source with its named groups made plain groups; None when it
    refers to a group by name (then it cannot be joined to another)."""
    out: list[str] = []
    i, in_class = 0, False
    while i < len(source):
        c = source[i]
        if c == "\\":
            out.append(source[i : i + 2])  # an escaped character, "\\(" included
            i += 2
        elif in_class:
            in_class = c != "]"
            out.append(c)
            i += 1
        elif c == "[":
            opened = source[i : i + 3] if source.startswith("[^]", i) else source[i : i + 2]
            opened = opened if opened.endswith("]") else "["  # "[]..." and "[^]...": "]" is a member
            out.append(opened)
            i, in_class = i + len(opened), True
        elif source.startswith("(?P<", i):
            out.append("(?:")
            i = source.index(">", i) + 1
        elif source.startswith(("(?P=", "(?("), i):
            return None
        else:
            out.append(c)
            i += 1
    return "".join(out)


def either(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One pattern that matches where any of these does (its groups unnamed), for a
    first test; None when they cannot be joined (flags that differ, a verbose
    pattern, whose comments may print anything, a group referred to by name)."""
    flags = {p.flags for p in patterns}
    if len(flags) != 1 or next(iter(flags)) & re.VERBOSE:
        return None
    sources = [_unnamed(p.pattern) for p in patterns]
    if any(source is None for source in sources):
        return None
    try:
        return re.compile("|".join(f"(?:{source})" for source in sources), flags.pop())
    except re.error:  # a flag set inside one of them ("(?i)" at its start)
        return None


class Starts:
    """The characters a match of one of some patterns may begin with: ``exact`` as
    printed, ``folded`` in lower case (patterns that ignore case); ``None``: any."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        patterns = list(patterns)
        self.joined = either(patterns)  # then one match tells whether any of them matches
        exact: set[str] = set()
        folded: set[str] = set()
        self.any = False
        for pattern in patterns:
            parsed = _parser.parse(pattern.pattern, pattern.flags)
            fold = bool(parsed.state.flags & re.IGNORECASE)
            chars, empty = _first(parsed, fold)
            if chars is None or empty:
                self.any = True
                break
            (folded if fold else exact).update(chars)
        self.exact, self.folded = frozenset(exact), frozenset(folded)

    def admits(self, text: str) -> bool:
        """Whether one of the patterns may match at the start of the text."""
        if self.any:
            return self.joined is None or self.joined.match(text) is not None
        if not text:
            return False  # no pattern matches nothing
        first = text[0]
        if first not in self.exact and not (self.folded and (first.lower() in self.folded or first in ODD_CASE)):
            return False
        return self.joined is None or self.joined.match(text) is not None
