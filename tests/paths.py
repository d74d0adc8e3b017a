"""Where the tests find the repository, the sample filings and their data."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SAMPLES = ROOT / "samples"
DATA = TESTS / "data"
