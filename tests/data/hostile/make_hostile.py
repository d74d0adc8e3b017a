"""Write the damaged filings of this folder from the samples, and their manifest.

Each case is one kind of damage a filing may arrive with; manifest.toml names
the finding codes (and the exit code) that converting it must give.  Run from
the repository root:  python tests/data/hostile/make_hostile.py
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent.parent.parent / "samples"


def sample(prefix: str) -> str:
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def once(text: str, old: str, new: str) -> str:
    """Replace the one occurrence of ``old``; a sample that changed fails loudly."""
    if text.count(old) != 1:
        raise SystemExit(f"expected exactly one {old!r} in the sample")
    return text.replace(old, new)


_WIDE = {ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789'"}


def wide(text: str) -> str:
    """Scale captions and dates in full-width forms, spaces as no-break spaces."""
    text = text.replace("RMB'000", "RMB'000".translate(_WIDE))
    text = re.sub(r"\b(\d{1,2}), (20\d\d)\b", lambda m: f"{m[1]},\u3000{m[2]}".translate(_WIDE), text)
    return text.replace("For the year ended", "For\u00a0the\u00a0year\u00a0ended")


def cut_before(text: str, marker: str) -> str:
    return text[: text.index(marker)]


def cut_in_sentence(text: str, words: str) -> str:
    return text[: text.index(words) + len(words)]


# name -> (sample, damage, bytes encoding or None for UTF-8)
CASES: dict[str, tuple[str, Callable[[str], str], str | None]] = {
    "wide_002.txt": ("002", wide, None),
    "utf16_000.txt": ("000", lambda t: t, "utf-16"),
    "utf16le_nobom_000.txt": ("000", lambda t: t, "utf-16-le"),
    "gb18030_000.txt": ("000", lambda t: t + "\n\u5907\u6ce8\n", "gb18030"),
    "year2031_002.txt": ("002", lambda t: once(t, "\t2024\t2025\tChange", "\t2024\t2031\tChange"), None),
    "monthly2031_000.txt": ("000", lambda t: once(t, "For the month ended: 31 December 2025",
                                                   "For the month ended: 31 December 2031"), None),
    "hkd_twin_003.txt": ("003", lambda t: once(t, "\tRMB\tRMB\tUS\\$\n<b>ASSETS", "\tHKD\tHKD\tUS\\$\n<b>ASSETS"), None),
    "truncated_003.txt": ("003", lambda t: cut_before(t, "**UNAUDITED CONDENSED CONSOLIDATED STATEMENT OF CASH FLOWS**"),
                          None),
    "truncated_monthly_000.txt": ("000", lambda t: cut_before(t, "III. Details of Movements"), None),
    "cut_sentence_002.txt": ("002", lambda t: cut_in_sentence(t, "As at the date of this announcement, the Board comprises"),
                             None),
    "tab_sentence_003.txt": ("003", lambda t: once(t, "Revenues from public cloud services were",
                                                   "Revenues from public cloud services\twere"), None),
}

MANIFEST = '''# Damaged filings and what converting each must report (see make_hostile.py).
# codes: finding codes that must be among the findings; exit: the convert exit code;
# same_facts: the facts must be those of the sample's golden table.

[[case]]
file = "wide_002.txt"
codes = []
exit = 0
same_facts = "002"

[[case]]
file = "utf16_000.txt"
codes = []
exit = 0
same_facts = "000"

[[case]]
file = "utf16le_nobom_000.txt"
codes = ["kcxbrl:unreadableFiling"]
exit = 2

[[case]]
file = "gb18030_000.txt"
codes = ["kcxbrl:unreadableFiling"]
exit = 2

[[case]]
file = "gb18030_000.txt"
encoding = "gb18030"
codes = []
exit = 0
same_facts = "000"

[[case]]
file = "year2031_002.txt"
codes = ["kcxbrl:periodAfterReport"]
exit = 0

[[case]]
file = "monthly2031_000.txt"
codes = ["kcxbrl:periodAfterReport"]
exit = 0

[[case]]
file = "hkd_twin_003.txt"
codes = ["kcxbrl:currencyStatedOnce"]
exit = 0

[[case]]
file = "truncated_003.txt"
codes = ["kcxbrl:statementMissing"]
exit = 0

[[case]]
file = "truncated_monthly_000.txt"
codes = ["kcxbrl:statementMissing"]
exit = 0

[[case]]
file = "cut_sentence_002.txt"
codes = ["kcxbrl:truncatedText"]
exit = 0

[[case]]
file = "tab_sentence_003.txt"
codes = []
exit = 0
'''


def main() -> None:
    for name, (prefix, damage, encoding) in CASES.items():
        text = damage(sample(prefix))
        (HERE / name).write_bytes(text.encode(encoding or "utf-8"))
    (HERE / "manifest.toml").write_text(MANIFEST, encoding="utf-8")


if __name__ == "__main__":
    main()
