"""What converting one filing gave: the instance, its findings and its record.

A plain record, shared by the pipeline that makes it and by the readers of
it (the coverage report, the exports), so none of them imports another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from kcxbrl.extract.cells import CellResult
from kcxbrl.extract.mapping import TableResult
from kcxbrl.extract.tables import PlacedTable
from kcxbrl.findings import Finding, has_errors
from kcxbrl.xbrl.model import Draft, Fact, Instance
from kcxbrl.xbrl.taxonomy import Taxonomy


@dataclass(frozen=True)
class Trace:
    """What a conversion read, kept so the coverage report need not redo it."""

    loose: tuple[Draft, ...]  # cover and monthly-return drafts, placed by line
    consumed: frozenset[int]  # tables read as monthly-return forms
    tables: tuple[tuple[PlacedTable, TableResult | None], ...]  # None: no role, not mapped
    # draft's id() → (the draft, the instance's fact it became part of), as assembled
    facts_of: Mapping[int, tuple[Draft, Fact]] = field(default_factory=dict)


@dataclass(frozen=True)
class Conversion:
    """What converting one filing gave."""

    source: str
    instance: Instance
    findings: tuple[Finding, ...]
    cells: tuple[CellResult, ...]
    taxonomy: Taxonomy | None = None  # the base taxonomy, plus extension concepts if any
    extension: tuple[tuple[str, str], ...] = ()  # extension files: (name, text)
    trace: Trace | None = None  # what was read, for the coverage report

    @property
    def has_errors(self) -> bool:
        return has_errors(self.findings)
