"""What a 6-K filing holds: its cover, and the kinds of its exhibits.

The exhibit index is read from the cover (a table `Exhibit No. | Description`
or one text line per exhibit, `99.1 Interim Results ...`); the body is
checked as well, since an index may be missing or mislabelled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from kcxbrl.xbrl.model import Document, Table, TextLine


class Kind(str, Enum):
    COVER = "cover"  # the Form 6-K cover page
    MONTHLY_RETURN = "monthly-return"  # HKEX monthly return on movements in securities
    RESULTS = "results"  # results announcement or earnings press release
    ANNOUNCEMENT = "announcement"  # anything else: director changes, share plans, ...


@dataclass(frozen=True)
class Exhibit:
    """One row of the exhibit index."""

    number: str
    description: str
    line: int
    kind: Kind


@dataclass(frozen=True)
class FilingKinds:
    kinds: frozenset[Kind]
    exhibits: tuple[Exhibit, ...]

    def holds(self, kind: Kind) -> bool:
        return kind in self.kinds


_INDEX = re.compile(r"^exhibit\s+index$", re.I)
_NUMBER = re.compile(r"^(\d{1,3}\.\d{1,3})$")
_TEXT_EXHIBIT = re.compile(r"^(\d{1,3}\.\d{1,3})\s+(\S.*)$")
# The cover's title line, the heading of its signature block (which ends the
# exhibit index), and the title of an HKEX monthly return's body.
COVER_TITLE = re.compile(r"^form\s+6-k$", re.I)
SIGNATURE_TITLE = re.compile(r"^signatures?$", re.I)
MONTHLY_TITLE = re.compile(r"^monthly return for equity issuer", re.I)
_MONTHLY = re.compile(r"monthly\s+return", re.I)
_RESULTS = re.compile(r"\bresults\b", re.I)
_MONTHLY_BODY = re.compile(r"^for the month ended\s*:", re.I)


def exhibit_kind(description: str) -> Kind:
    if _MONTHLY.search(description):
        return Kind.MONTHLY_RETURN
    if _RESULTS.search(description):
        return Kind.RESULTS
    return Kind.ANNOUNCEMENT


def exhibits(document: Document) -> tuple[Exhibit, ...]:
    """The exhibit index's rows, in printed order."""
    found: list[Exhibit] = []
    inside = False
    for block in document.blocks:
        if isinstance(block, TextLine):
            if _INDEX.match(block.text):
                inside = True
                continue
            if inside and SIGNATURE_TITLE.match(block.text):
                break
            match = _TEXT_EXHIBIT.match(block.text) if inside else None
            if match:
                found.append(Exhibit(match[1], match[2].strip(), block.line, exhibit_kind(match[2])))
        elif inside:
            found.extend(_table_exhibits(block))
    return tuple(found)


def _table_exhibits(table: Table) -> list[Exhibit]:
    out = []
    for row in table.rows:
        cells = [c.strip() for c in row.cells]
        if len(cells) >= 2 and _NUMBER.match(cells[0]):
            description = " ".join(c for c in cells[1:] if c)
            out.append(Exhibit(cells[0], description, row.line, exhibit_kind(description)))
    return out


def detect(document: Document) -> FilingKinds:
    """The kinds a filing holds, from its exhibit index and its body."""
    listed = exhibits(document)
    kinds = {e.kind for e in listed}
    texts = [t.text for t in document.text_lines]
    if any(map(COVER_TITLE.match, texts)):
        kinds.add(Kind.COVER)
    # a return's body is recognised even when the index does not list it
    if any(map(_MONTHLY_BODY.match, texts)) and any(map(MONTHLY_TITLE.match, texts)):
        kinds.add(Kind.MONTHLY_RETURN)
    return FilingKinds(frozenset(kinds), listed)
