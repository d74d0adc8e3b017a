"""Place each table of a filing: the lines above it, its scale and its role.

A table's role (statement or note) comes from the few lines printed just
above it: a title such as "UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS"
or an intro sentence.  A table with no text between it and the previous one
continues the previous table's role (a statement split by a page break).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from kcxbrl.findings import Finding
from kcxbrl.headers import resolve_layout, scale_from_text
from kcxbrl.model import Document, Layout, Table, TextLine
from kcxbrl.taxonomy import Role, Taxonomy

log = logging.getLogger(__name__)

# How many lines above a table may name its role.
_TITLE_REACH = 4


@dataclass(frozen=True)
class PlacedTable:
    table: Table
    layout: Layout
    above: tuple[TextLine, ...]  # text lines between the previous table and this one
    role: Role | None
    scale: int


def _match_role(lines: tuple[TextLine, ...], taxonomy: Taxonomy) -> Role | None:
    for line in reversed(lines[-_TITLE_REACH:]):
        for role in taxonomy.roles:
            if any(p.search(line.text) for p in role.match):
                return role
    return None


def place_tables(document: Document, taxonomy: Taxonomy) -> tuple[list[PlacedTable], list[Finding]]:
    """Resolve header, scale and role of every table, in document order."""
    placed: list[PlacedTable] = []
    findings: list[Finding] = []
    above: list[TextLine] = []
    scale = 0
    previous_role: Role | None = None
    for block in document.blocks:
        if isinstance(block, TextLine):
            above.append(block)
            stated = scale_from_text(block.text)
            if stated is not None:
                scale = stated
            continue
        lines = tuple(above)
        role = _match_role(lines, taxonomy)
        if role is None and not lines:
            role = previous_role
        layout, layout_findings = resolve_layout(block, document.path, scale)
        findings.extend(layout_findings)
        placed.append(PlacedTable(block, layout, lines, role, scale))
        previous_role = role
        above = []
    return placed, findings
