"""Where the bundled taxonomy, templates and sample filings live, and the taxonomy's version.

From a checkout (or an editable install) they sit beside the package; from a
wheel they are package data under ``kcxbrl/_data``.  The version is data
(``taxonomy/version.toml``); the namespaces made from it are in ``kcxbrl.xbrl.ns``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
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


@dataclass(frozen=True)
class TaxonomyVersion:
    """The bundled taxonomy's version and the SEC releases its concepts correspond to."""

    version: str
    us_gaap: str
    dei: str

    @property
    def schema_file(self) -> str:
        return f"kc-{self.version}.xsd"


@lru_cache(maxsize=1)
def taxonomy_version() -> TaxonomyVersion:
    data = tomllib.loads((taxonomy_dir() / "version.toml").read_text(encoding="utf-8"))["taxonomy"]
    return TaxonomyVersion(str(data["version"]), str(data["us-gaap"]), str(data["dei"]))
