"""XBRL 2.1 rules on the taxonomy itself: schemas, linkbases and relationship networks.

They apply to every DTS, whatever its entry point (an instance, a schema or
a linkbase).
"""

from __future__ import annotations

from typing import Iterator

from kcxbrl.dts import Dts
from kcxbrl.findings import Finding


def check(dts: Dts) -> Iterator[Finding]:
    yield from ()
