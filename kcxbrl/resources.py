"""Where the bundled taxonomy, templates and sample filings live, and the taxonomy's version.

From a checkout (or an editable install) they sit beside the package; from a
wheel they are package data under ``kcxbrl/_data``.  The version is data
(``taxonomy/version.toml``); every name and URI that carries it is made here.
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
    def namespace(self) -> str:
        return f"http://kcxbrl.org/taxonomy/{self.version}"

    @property
    def schema_file(self) -> str:
        return f"kc-{self.version}.xsd"

    @property
    def role_base(self) -> str:
        return f"{self.namespace}/role/"

    @property
    def extension_base(self) -> str:
        """A filing's extension namespace is this plus the filing's stem."""
        return f"{self.namespace}/ext/"

    @property
    def us_gaap_namespace(self) -> str:
        return f"http://fasb.org/us-gaap/{self.us_gaap}"

    @property
    def dei_namespace(self) -> str:
        return f"http://xbrl.sec.gov/dei/{self.dei}"


@lru_cache(maxsize=1)
def taxonomy_version() -> TaxonomyVersion:
    data = tomllib.loads((taxonomy_dir() / "version.toml").read_text(encoding="utf-8"))["taxonomy"]
    return TaxonomyVersion(str(data["version"]), str(data["us-gaap"]), str(data["dei"]))
