"""What became of each printed number: one record per cell or figure.

The stages that read numbers (table mapping, the text) keep a record for
every number they considered; a number that became a fact carries the draft
it became, so the coverage report follows that link and never pairs cells
with drafts by position or value.
"""

from __future__ import annotations

from dataclasses import dataclass

from kcxbrl.xbrl.model import Draft

FACT = "fact"
SKIPPED = "skipped"
UNMAPPED = "unmapped"


@dataclass(frozen=True, slots=True)  # (slots: one record per printed number, made in a hot loop)
class CellResult:
    """What became of one printed number (kept for the coverage report)."""

    line: int
    column: int  # the index of the cell in its row as printed (a figure of the text: prose.TEXT_COLUMN)
    text: str
    outcome: str  # FACT, SKIPPED or UNMAPPED
    detail: str
    draft: Draft | None = None  # the draft a table cell became (outcome FACT)
