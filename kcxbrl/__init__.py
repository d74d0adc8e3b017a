"""kcxbrl: the text of Kingsoft Cloud 6-K filings into validated XBRL 2.1."""

from __future__ import annotations

__version__ = "0.1.0"
