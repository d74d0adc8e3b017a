"""The markup step's short cuts never skip what its patterns would take out."""

from __future__ import annotations

import sys

import pytest

from kcxbrl.text import markup
from kcxbrl.text.markup import MARKUP, UNSCRUBBED, has_markup, strip_markup
from kcxbrl.text.plain import CHANGEABLE, _plain_char, plain
from kcxbrl.text.read import _capitals_by_words, _is_capitals, _usual
from paths import DATA, SAMPLES

FILES = sorted(SAMPLES.glob("*.txt")) + sorted((DATA / "next").glob("*.txt")) + sorted((DATA / "hostile").glob("*.txt"))
LINES = sorted({
    plain(line) for path in FILES for line in path.read_text(encoding="utf-8", errors="replace").split("\n")
})
# tags and marks in the shapes a step may leave for the next one to find
TRICKY = [
    "<<br>b>x", "<<i>p>x", "< b>x</ b>", "<B>x</B>", "<Br/>one", "<sup>1</sup> <SUP>2</SUP>", "<i-x>y",
    "<h1>T</h1><h7>", "<[b](y)>x", "[<b>](x)", "<span class='a'>x</span>", "<strongly>x", "<b_x>y",
    "**x** and *y*", "<b>x</b> **y**", "\\*x\\* <u>y</u>", "&lt;b&gt; &amp;", "<a@b.co> <mailto:a@b.co>",
    "<ſpan>x</ſpan>", "<\u212aBD>", "\ue101x", "x\ue000y", "<b>\ue102x",
]


def _every_step(text: str) -> str:
    """The tag steps run one after the other with no test of what is printed."""
    for pattern, _, replacement in markup._TAG_STEPS:
        text = pattern.sub(replacement, text)
    return text


def test_tag_names_never_skip_a_step() -> None:
    tagged = [text for text in LINES + TRICKY if "<" in text]
    assert len(tagged) > len(TRICKY)
    for text in tagged:
        assert markup._strip_tags(text, text.isascii()) == _every_step(text), text


def test_scrubbed_markup_test_agrees_with_the_pattern() -> None:
    for line in LINES + TRICKY:
        if UNSCRUBBED.search(line) is None:
            assert has_markup(line, scrubbed=True) == (MARKUP.search(line) is not None), line
            for bold in (False, True):
                assert strip_markup(line, bold, scrubbed=True) == strip_markup(line, bold), line


@pytest.mark.parametrize("text", ["**a** *b* **c**", "<b>a</b> **b**", "**a", "a** b", "<strong>x</strong>y"])
def test_one_kind_of_bold_mark_splits_as_the_pattern_does(text: str) -> None:
    marked = markup._STARS.sub(markup._star_run, text)
    marked = markup._BOLD_TAG.sub(markup._bold_mark, marked)
    pieces = markup._MARKER_SPLIT.split(marked)
    for bold in (False, True):
        state, seen_bold, seen_plain = bold, False, False
        for piece in pieces:
            if piece in markup._MARKERS:
                state = piece == markup._BOLD_ON or (piece == markup._BOLD_FLIP and not state)
            elif piece.strip():
                seen_bold, seen_plain = seen_bold or state, seen_plain or not state
        expected = ("".join(p for p in pieces if p not in markup._MARKERS), state, seen_bold and not seen_plain)
        assert markup._walk_bold(marked, bold) == expected


def test_plain_looks_at_every_character_it_changes() -> None:
    missed = [
        hex(code) for code in range(0x80, sys.maxunicode + 1)
        if _plain_char(chr(code)) != chr(code) and CHANGEABLE.fullmatch(chr(code)) is None
    ]
    assert missed == []


def test_the_samples_are_usual_and_what_is_not_usual_is_seen() -> None:
    assert all(_usual(path.read_text(encoding="utf-8").split("\n")) for path in sorted(SAMPLES.glob("*.txt")))
    for odd in ("a\x01b", "a\x7fb", "x &#1; y", "a\u00a0b", "\u0661", "\ue000", "é\x85", "é &#150;", "é\ud800"):
        assert _usual(["Revenues\t1,234", odd, "Net loss — 金山云"]) is False, repr(odd)


def test_capitals_short_cuts_read_as_word_by_word() -> None:
    lines = LINES + ["The BOARD", "THE Board", "6-K 13a-16 FORM", "金山 HOLDINGS", "ǅx AB CD", "ß AB", "ÉTÉ ÉTÉ"]
    assert sum(_is_capitals(line) for line in lines) > 20
    for line in lines:
        assert _is_capitals(line) == _capitals_by_words(line), line
