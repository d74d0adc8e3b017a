"""Where the bundled taxonomy, templates and sample filings live.

From a checkout (or an editable install) they sit beside the package; from a
wheel they are package data under ``kcxbrl/_data``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def _find(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"kcxbrl: bundled folder '{name}' not found beside {_PACKAGE}")


def taxonomy_dir() -> Path:
    return _find("taxonomy")


def templates_dir() -> Path:
    return _find("templates")


def samples_dir() -> Path:
    return _find("samples")
