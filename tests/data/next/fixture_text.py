"""What the fixture scripts of this folder share: where the samples are, how a
fixture file is written, and the form of a table line in the filings' text.

A table line is its label and its cells joined by tabs; a bold line wraps
the label and every non-empty cell in ``<b>…</b>`` (the markup of sample 003).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parents[2] / "samples"


def sample_lines(name: str) -> list[str]:
    """The lines of ``samples/<name>`` (split on newlines, the last one kept even if empty)."""
    return (SAMPLES / name).read_text(encoding="utf-8").split("\n")


def write(name: str, text: str) -> None:
    """Write a fixture file of this folder."""
    (HERE / name).write_text(text, encoding="utf-8")


def bold(text: str, on: bool = True) -> str:
    return f"<b>{text}</b>" if on and text else text


def table_row(label: str, cells: Iterable[str], *, bold_row: bool = False) -> str:
    """A table line: the label, then the cells, tab-separated."""
    return "\t".join([bold(label, bold_row), *(bold(cell, bold_row) for cell in cells)])


def heading_row(label: str, width: int, *, bold_label: bool = True) -> str:
    """A line that only names what follows: the label, then ``width`` empty cells."""
    return bold(label, bold_label) + "\t" * width


_LABEL = re.compile(r"^(<b>)?(.*?)(</b>)?$")


def split_row(line: str) -> tuple[str, str, str] | None:
    """(opening tag, label, the rest) of a table line, the label without its
    ``<b>`` tags; None for a line that is not a table line."""
    if "\t" not in line:
        return None
    first, rest = line.split("\t", 1)
    found = _LABEL.match(first)
    assert found is not None  # the pattern matches any text
    return (found.group(1) or ""), found.group(2), (found.group(3) or "") + "\t" + rest
