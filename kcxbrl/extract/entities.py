"""The registrants kcxbrl knows, kept as data (taxonomy/mapping/entities.toml).

A filing names its registrant by SEC Commission file number; the registry
gives the CIK, which becomes the entity identifier.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from kcxbrl.errors import TaxonomyError
from kcxbrl.findings import Finding, warning
from kcxbrl.xbrl.model import Document, Entity
from kcxbrl.resources import taxonomy_dir
from kcxbrl.xbrl import ns

_FILE_NUMBER = re.compile(r"Commission\s+file\s+number\s*:?\s*(\d{3}-\d{4,6})", re.I)


class _Registrant(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    cik: str
    name: str
    name_zh: str | None = None
    hkex_stock_code: str | None = None
    nasdaq_ticker: str | None = None
    annual_report_form: str | None = None


@dataclass(frozen=True)
class Registrant:
    file_number: str
    cik: str
    name: str
    name_zh: str | None = None
    hkex_stock_code: str | None = None
    nasdaq_ticker: str | None = None
    annual_report_form: str | None = None  # "20-F" or "40-F", for covers that lost the mark


@lru_cache(maxsize=4)
def registry(path: Path | None = None) -> dict[str, Registrant]:
    path = path or taxonomy_dir() / "mapping" / "entities.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return {
            number: Registrant(number, **_Registrant.model_validate(spec).model_dump())
            for number, spec in data.items()
        }
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise TaxonomyError(f"{path}: {exc}") from exc


def find_file_number(document: Document) -> tuple[str, int] | None:
    for line in document.text_lines:
        match = _FILE_NUMBER.search(line.text)
        if match:
            return match[1], line.line
    return None


def identify(document: Document) -> tuple[Entity, Registrant | None, list[Finding]]:
    """The entity of a filing; unknown registrants still convert, with a warning."""
    found = find_file_number(document)
    if found is None:
        return (
            Entity(ns.SEC_FILE_NUMBER, "unknown"),
            None,
            [warning("kcxbrl:noFileNumber", "the filing states no Commission file number; "
                     "the entity identifier is 'unknown'", file=document.path, line=1)],
        )
    number, line = found
    known = registry().get(number)
    if known is None:
        return (
            Entity(ns.SEC_FILE_NUMBER, number),
            None,
            [warning("kcxbrl:unknownRegistrant",
                     f"Commission file number {number} is not in the entity registry "
                     f"(taxonomy/mapping/entities.toml); the file number is used as identifier",
                     file=document.path, line=line)],
        )
    return Entity(ns.SEC_CIK, known.cik), known, []
