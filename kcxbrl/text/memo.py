"""Bounded caches for pure functions of printed text, cleared together.

The same cell text is asked the same question by several stages (placing a
table, mapping it, the coverage report), and the same label by every table
of a role; the answer is kept.  Each cache is bounded, so memory stays flat
over a batch of filings; :func:`clear` empties them all (``bench/stages.py``
does before each timed run, so a run gains nothing from the one before).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_CACHES: list[Any] = []


def text_cache(maxsize: int = 16384) -> Callable[[F], F]:
    """An ``lru_cache`` of ``maxsize`` entries that :func:`clear` empties."""
    def wrap(function: F) -> F:
        cached = lru_cache(maxsize=maxsize)(function)
        _CACHES.append(cached)
        return cached  # type: ignore[return-value]
    return wrap


def clear() -> None:
    """Empty every text cache."""
    for cached in _CACHES:
        cached.cache_clear()
