"""Placing tables reads titles and scales with short cuts that never skip a match."""

from __future__ import annotations

import re

import pytest

from kcxbrl.extract.headers import scale_from_text
from kcxbrl.extract.tables import _Titles
from kcxbrl.text.screen import screen_of
from kcxbrl.xbrl.taxonomy import default_taxonomy
from paths import DATA, SAMPLES

FILES = sorted(SAMPLES.glob("*.txt")) + sorted((DATA / "next").glob("*.txt")) + sorted((DATA / "hostile").glob("*.txt"))
TEXTS = sorted({
    piece.strip()
    for path in FILES
    for line in path.read_text(encoding="utf-8", errors="replace").split("\n")
    for piece in (line, *line.split("\t"))
})

# The scale statements as one case-insensitive pattern each, searched in full.
_SCALES = (
    (re.compile(r"\bin\s+thousands?\b|\bthousands\s+of\b|['’]000\b(?!,000)", re.I), 3),
    (re.compile(r"\bin\s+millions?\b|\bmillions\s+of\b|['’]000,000\b", re.I), 6),
    (re.compile(r"\bin\s+billions?\b|\bbillions\s+of\b", re.I), 9),
)
ODD = [
    "(in thousands)", "(In THOUSANDS of RMB)", "RMB'000", "US$’000", "RMB'000,000", "in\u3000millions", "İn thousands",
    "in thouſands", "金in thousands", "“in millions”", "in billions of", "thousands of shares, in millions", "'000x",
    "'0000", "RMB 2.5 million of revenues", "in \t  thousands", "Amounts in thousands, except in millions",
]


def _first_scale(text: str) -> int | None:
    found = [(m.start(), scale) for pattern, scale in _SCALES if (m := pattern.search(text))]
    return min(found)[1] if found else None


def test_scale_reads_every_text_as_the_full_patterns_do() -> None:
    for text in TEXTS + ODD:
        if scale_from_text(text) != 0:  # (0: a caption naming the currency only)
            assert scale_from_text(text) == _first_scale(text), text


@pytest.mark.parametrize(
    ("pattern", "matched", "unmatched"),
    [
        (r"non[-\s]?gaap", "Non-GAAP measures", "non-IFRS measures"),
        (r"^(?:key\s+)?financial\s+(?:highlights|summary)\W*$", "KEY FINANCIAL HIGHLIGHTS", "Key highlights"),
        (r"(?:loss|income)\s+per\s+share\b.*as\s+follows", "Loss per share is as follows", "Loss per share"),
        (r"(?:abc)+de", "xABCABCDE", "abcd"),
        (r"x?yz", "YZ", "xy"),
    ],
)
def test_a_title_pattern_is_searched_only_where_its_words_are(pattern: str, matched: str, unmatched: str) -> None:
    compiled = re.compile(pattern, re.I)
    assert compiled.search(matched) and screen_of(compiled).admits(matched)
    assert not compiled.search(unmatched) and not screen_of(compiled).admits(unmatched)


def test_a_screen_admits_what_it_cannot_rule_out() -> None:
    assert screen_of(re.compile(r"a|b", re.I)).admits("b")  # either way, no word certain
    assert screen_of(re.compile(r"ſtatement", re.I)).admits("ſTATEMENT")  # a letter outside ASCII may fold
    assert screen_of(re.compile(r"\d+")).admits("zzz")  # no literal at all: every text passes


def test_titles_name_the_roles_the_patterns_name() -> None:
    taxonomy = default_taxonomy()
    titles = _Titles(taxonomy)
    named = 0
    for text in TEXTS + ["Statement of Cash Flows", "NON-GAAP MEASURES", "ſtatements of operations"]:
        expected = next((r for r in taxonomy.roles if any(p.search(text) for p in r.match)), None)
        assert titles.role(text) is expected, text
        named += expected is not None
    assert named > 20
