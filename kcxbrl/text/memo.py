"""Bounded caches for pure functions of printed text, cleared together.

The same cell text is asked the same question by several stages (placing a
table, mapping it, the coverage report), and the same label by every table
of a role; the answer is kept.  Each cache is bounded, so memory stays flat
over a batch of filings; :func:`clear` empties them all (``bench/stages.py``
does before each timed run, so a run gains nothing from the one before).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Protocol, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


class Clearable(Protocol):
    def cache_clear(self) -> None: ...


C = TypeVar("C", bound=Clearable)

_CACHES: list[Any] = []


def text_cache(maxsize: int = 16384) -> Callable[[F], F]:
    """An ``lru_cache`` of ``maxsize`` entries that :func:`clear` empties."""
    def wrap(function: F) -> F:
        return keep(lru_cache(maxsize=maxsize)(function))  # type: ignore[return-value]
    return wrap


def keep(cache: C) -> C:
    """Have :func:`clear` empty ``cache`` too (a cache that is no ``lru_cache``)."""
    _CACHES.append(cache)
    return cache


def clear() -> None:
    """Empty every text cache."""
    for cached in _CACHES:
        cached.cache_clear()
