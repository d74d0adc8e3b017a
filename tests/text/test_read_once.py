"""The reader's short cuts give what the full markup pass gives, and text caches clear."""

from __future__ import annotations

import pytest

from kcxbrl.extract.coverage import tokens
from kcxbrl.extract.headers import scale_from_text
from kcxbrl.text import memo
from kcxbrl.text.plain import plain
from kcxbrl.text.read import _clean, _is_capitals, clean_text, read_text
from kcxbrl.text.values import find_dates, parse_number


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("  Total   revenues\t 1,234 ", "Total revenues 1,234"),  # no markup: spacing only
        ("Total\u00a0revenues\u2007(RMB)", "Total revenues (RMB)"),  # spaces of other kinds
        ("＜b＞Total＜/b＞", "Total"),  # full-width tags are tags once read as ASCII
        ("Gross\\*margin", "Gross*margin"),  # an escape takes the long way
        ("Cash &amp; equivalents", "Cash & equivalents"),
        ("R&D expenses", "R&D expenses"),
        ("Net loss\u200b", "Net loss"),
    ],
)
def test_clean_text_with_and_without_markup(raw: str, text: str) -> None:
    assert clean_text(raw) == text


@pytest.mark.parametrize("bold", [False, True])
def test_a_plain_line_keeps_the_bold_state_it_starts_in(bold: bool) -> None:
    cleaned = _clean("Securities and Exchange Commission", bold)
    assert (cleaned.text, cleaned.bold_after, cleaned.all_bold) == ("Securities and Exchange Commission", bold, bold)
    assert _clean("   ", bold).all_bold is False


@pytest.mark.parametrize(
    ("text", "capitals"),
    [
        ("FINANCIAL HIGHLIGHTS", True),
        ("PURSUANT TO RULE 13a-16 OR 15d-16 OF", True),  # words with digits may hold lower case
        ("FINANCIAL “HIGHLIGHTS” — 2025", True),  # the same test outside ASCII
        ("Financial HIGHLIGHTS", False),
        ("“Financial” HIGHLIGHTS", False),
        ("FORM", False),  # one word is no heading
        ("6-K 13a-16", False),  # no word without digits
        ("金山云 HOLDINGS LIMITED", True),  # letters without case are no words
    ],
)
def test_capitals(text: str, capitals: bool) -> None:
    assert _is_capitals(text) is capitals


def test_plain_maps_only_look_alikes() -> None:
    assert plain("RMB＇０００ “quoted” ３１，２０２５\u3000x") == "RMB'000 “quoted” 31,2025 x"


def test_scale_words_outside_ascii_still_count() -> None:
    # a case-insensitive pattern matches more than lower() finds: such text takes the pattern's way
    assert scale_from_text("(in THOUSANDS)") == 3
    assert scale_from_text("(in thouſands)") == 3
    assert scale_from_text("RMB2.5 million of revenues") is None
    assert scale_from_text("in RMB") == 0


def test_dates_need_a_year() -> None:
    assert find_dates("as of December 31") == ()
    assert [d.isoformat() for d in find_dates("as of Dec 31, 2025 and 2024-06-30")] == ["2025-12-31", "2024-06-30"]


def test_clear_empties_every_text_cache() -> None:
    read_text("Total revenues\t1,234\t5,678", "x")
    assert parse_number("1,234") is parse_number("1,234")  # kept
    tokens("As at December 31, 2024")
    assert parse_number.cache_info().currsize > 0 and tokens.cache_info().currsize > 0
    memo.clear()
    assert parse_number.cache_info().currsize == 0
    assert tokens.cache_info().currsize == 0
    assert clean_text.cache_info().currsize == 0
