"""Concept names the extraction code writes or reads itself, checked against the taxonomy.

In: the names each module declares where it uses them (``declared_by``), and
the names its data files give (``require``).  Out: the base taxonomy, once
every declared name is one of its concepts (``base_taxonomy``); otherwise a
``TaxonomyError`` naming each missing concept and who declared it, so a
misspelt or renamed concept stops the first conversion instead of writing
facts the taxonomy does not define.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable

from kcxbrl.errors import TaxonomyError
from kcxbrl.xbrl.taxonomy import Taxonomy, default_taxonomy

_DECLARED: dict[str, set[str]] = {}


def declared_by(owner: str) -> Callable[[str], str]:
    """A function that records a concept name as used by ``owner`` and returns it."""
    names = _DECLARED.setdefault(owner, set())

    def name(concept: str) -> str:
        names.add(concept)
        return concept

    return name


def declared() -> dict[str, frozenset[str]]:
    """Owner → the concept names it declared."""
    return {owner: frozenset(names) for owner, names in _DECLARED.items()}


def missing(taxonomy: Taxonomy, names: Iterable[str]) -> list[str]:
    return sorted({n for n in names if n not in taxonomy.concepts})


def require(taxonomy: Taxonomy, names: Iterable[str], where: str) -> None:
    """Raise a TaxonomyError naming the concepts of ``where`` the taxonomy lacks."""
    absent = missing(taxonomy, names)
    if absent:
        raise TaxonomyError(f"{where} names concepts the taxonomy does not define: {', '.join(absent)}")


def check(taxonomy: Taxonomy) -> None:
    """Every concept name any module declared is a concept of the taxonomy."""
    problems = [f"{owner}: {', '.join(absent)}" for owner, names in sorted(_DECLARED.items())
                if (absent := missing(taxonomy, names))]
    if problems:
        raise TaxonomyError("concepts named in code that the taxonomy does not define: " + "; ".join(problems))


@lru_cache(maxsize=1)
def base_taxonomy() -> Taxonomy:
    """The bundled taxonomy, checked to define every concept name the code declares."""
    taxonomy = default_taxonomy()
    check(taxonomy)
    return taxonomy


# Names more than one module uses: the rate the text states, which the cross-checks read.
TRANSLATION_RATE = declared_by(__name__)("ConvenienceTranslationRate")
