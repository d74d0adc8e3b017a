"""The lines that state a currency are found through the screen of its patterns, and
are exactly the lines the currency's pattern matches, line by line."""

from __future__ import annotations

import re

import pytest

from kcxbrl.extract.plausible import Stating, _caption_only, _texts
from kcxbrl.text.currencies import currencies
from kcxbrl.text.read import read_filing
from kcxbrl.text.screen import FOLDS

from converted import sample


def _searched_line_by_line(numbers: list[int], texts: list[str], code: str) -> list[int]:
    patterns = [p for p, c in currencies().words() if c == code]
    return [n for n, text in zip(numbers, texts) if any(p.search(text) for p in patterns)]


def test_the_folds_are_every_character_outside_ascii_that_matches_an_ascii_letter() -> None:
    # re.IGNORECASE lets these match an ASCII letter; folding must make them that letter
    everything = "".join(chr(c) for c in range(128, 0x110000))
    assert sorted(re.findall("[a-z0-9]", everything, re.IGNORECASE)) == sorted(FOLDS)
    assert all(re.fullmatch(plain, odd, re.IGNORECASE) for odd, plain in FOLDS.items())


@pytest.mark.parametrize("prefix", ["002", "003", "004"])
def test_the_lines_of_each_currency_are_those_its_pattern_matches(prefix: str) -> None:
    numbers, texts = _texts(read_filing(sample(prefix)))
    stating = Stating(numbers, texts)
    for code in ("CNY", "USD", "HKD"):
        assert list(stating.lines(code)) == _searched_line_by_line(numbers, texts, code)


def test_odd_letters_spacing_and_case_are_found_as_the_patterns_find_them() -> None:
    texts = ["in rmb", "R\u212aB", "us $ 5", "HK\u0024 and hong   kong DOLLARS", "RMB1", "Renm\u0131nb\u0131",
             "no money here", "a line\x00with the separator: USD", "U.S.  dollars", ""]
    numbers = list(range(1, len(texts) + 1))
    stating = Stating(numbers, texts)
    for code in ("CNY", "USD", "HKD"):
        assert list(stating.lines(code)) == _searched_line_by_line(numbers, texts, code)
    assert list(stating.lines("CNY")) == [1, 6]  # "RMB1" has no word boundary; dotless i is an i
    assert list(stating.lines("EUR")) == []  # no pattern: no line


def test_caption_only_stops_at_the_first_line_outside_the_one_table() -> None:
    owner = {10: 1, 11: 1, 20: 2}
    assert _caption_only(iter([10, 11]), owner, {10, 11}) == (1, 10)
    assert _caption_only(iter([10, 20]), owner, {10, 20}) == (None, 10)  # two tables
    assert _caption_only(iter([10, 11]), owner, {10}) == (None, 10)  # a row, not a caption
    assert _caption_only(iter([]), owner, {10}) == (None, 0)
    assert _caption_only(iter([5]), owner, {5}) == (-5, 5)  # a caption line outside any table
