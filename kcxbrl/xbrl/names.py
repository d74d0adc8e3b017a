"""XML names made from printed text: CamelCase words, made unique among those already taken.

Context ids (:mod:`kcxbrl.xbrl.assemble`) and extension concept names
(:mod:`kcxbrl.xbrl.extension`) are both built this way.
"""

from __future__ import annotations

from typing import Iterable


def camel(words: Iterable[str]) -> str:
    """The words run together, each with its first letter upper-cased and the rest as written."""
    return "".join(w[:1].upper() + w[1:] for w in words)


def unique(name: str, taken: set[str], *, separator: str = "") -> str:
    """``name``, or the first of ``name2``, ``name3``, ... (with ``separator`` before the number)
    that is not taken yet; the result is added to ``taken``."""
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}{separator}{n}"
    taken.add(candidate)
    return candidate
