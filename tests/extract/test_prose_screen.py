"""The cheap tests that rule out text before the prose patterns are searched
(kcxbrl.text.screen and .starts): they must never rule out a text a
pattern matches.  Checked on hand-made cases and on every line, sentence and
word of the sample and fixture filings."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from paths import DATA, SAMPLES
from kcxbrl.errors import InputError
from kcxbrl.extract import cover
from kcxbrl.extract.prose import prose_drafts
from kcxbrl.extract.prose.collect import Collector
from kcxbrl.extract.prose.drafts import _figure_sentences, _rates, reporting_frame
from kcxbrl.extract.prose.figures import sentences, split
from kcxbrl.extract.prose.rules import rules
from kcxbrl.text.screen import ODD_CASE, Lines, screen
from kcxbrl.extract.prose.shapes import ISSUES_SCREEN, SPECIAL_SCREEN, Issues, special
from kcxbrl.extract.prose.starts import Starts, either
from kcxbrl.extract.prose import shapes
from kcxbrl.text.read import read_filing
from kcxbrl.xbrl.model import Document

FILINGS = sorted(SAMPLES.glob("*.txt")) + sorted((DATA / "next").glob("*.txt")) + sorted((DATA / "hostile").glob("*.txt"))


@lru_cache(maxsize=None)
def _documents() -> tuple[Document, ...]:
    read = []
    for path in FILINGS:
        try:
            read.append(read_filing(path))
        except InputError:  # a fixture that is not UTF-8 on purpose
            continue
    return tuple(read)


def _groups() -> dict[str, tuple[list[re.Pattern[str]], object]]:
    """Each set of patterns the prose is searched for, with the screen that stands before it."""
    loaded = rules()
    return {
        "amounts": ([p for _, p in loaded.amounts], loaded.amounts_screen),
        "percents": ([p for _, p in loaded.percents], loaded.percents_screen),
        "anchors": ([p for _, p in loaded.amounts + loaded.percents], loaded.anchors_screen),
        "rates": ([p for _, p in loaded.rates], loaded.rates_screen),
        "scale": ([loaded.scale], loaded.scale_screen),
        "reporting": ([p.pattern for p in loaded.reporting], loaded.reporting_screen),
        "comparatives": ([p.pattern for p in loaded.comparatives], loaded.comparatives_screen),
        "special": ([shapes._RATE, shapes._EMPLOYEES, shapes._SHARES, shapes._GEARING, shapes._NET_CURRENT],
                    SPECIAL_SCREEN),
        "issues": ([shapes._ISSUE, shapes._PROCEEDS], ISSUES_SCREEN),
        "rate": ([shapes._RATE], shapes._RATE_SCREEN),
        "issue": ([shapes._ISSUE], shapes._ISSUE_SCREEN),
        "dated": ([shapes._EMPLOYEES, shapes._SHARES, shapes._GEARING, shapes._NET_CURRENT], shapes._DATED_SCREEN),
        "listing": ([cover._TICKER_TEXT, cover._STOCK_CODE_TEXT], cover._LISTING_SCREEN),
        "comparison": ([loaded.comparison], loaded.comparison_screen),
        **{f"marker {n}": ([m.pattern], loaded.markers_screens[n]) for n, m in enumerate(loaded.markers)},
    }


def test_a_screen_asks_for_the_words_a_pattern_prints() -> None:
    costs = screen([re.compile("IDC costs"), re.compile("[Oo]ther costs")])
    assert costs.admits("Among which: IDC costs increased by 7.7%")
    assert costs.admits("other costs were RMB1.0 million")
    assert not costs.admits("IDC cost increased")
    assert not costs.admits("idc costs")  # the pattern minds case
    # every word a way needs: "RMB" alone is not enough for a rate
    rate = screen([shapes._RATE])
    assert not rate.admits("Revenues were RMB1,353.5 million")
    assert rate.admits("at a rate of RMB7.1 to US$1.00")


def test_a_screen_of_a_pattern_that_ignores_case() -> None:
    tax = screen([re.compile(r"Hong Kong\b.*?(?P<pct>\d+)%", re.I)])
    assert tax.admits("HONG KONG profits tax at 16.5%")
    assert not tax.admits("Macau profits tax at 12%")
    # "ſ" (long s) matches "s" ignoring case but lowers to itself: such a text passes
    long_s = screen([re.compile("statutory", re.I)])
    assert re.search("statutory", "ſtatutory", re.I)
    assert long_s.admits("ſtatutory")
    assert not long_s.admits("regulatory")


def test_a_pattern_whose_words_cannot_be_told_admits_every_text() -> None:
    assert screen([re.compile(r"\d+")]).admits("no figure here")
    assert not screen([re.compile(r"\d+%")]).admits("12 percent")  # "%" is printed by every match
    assert screen([re.compile("IDC costs"), re.compile(r"\w+")]).admits("anything")
    assert not screen([]).admits("anything")  # no pattern, no match


def test_every_character_that_matches_a_letter_ignoring_case_lowers_to_it_or_is_odd() -> None:
    letters = re.compile("[a-z]", re.I)
    for code in range(128, 0x110000):
        c = chr(code)
        if letters.fullmatch(c):
            assert c in ODD_CASE or (len(c.lower()) == 1 and c.lower().isascii()), hex(code)
    assert all(letters.fullmatch(c) for c in ODD_CASE)


def test_lines_are_looked_up_at_once() -> None:
    lines = Lines(["Gross margin was 15.7%.", "No figure.", "HONG KONG profits tax rate of 16.5%"])
    assert lines.lowered == "gross margin was 15.7%.\nno figure.\nhong kong profits tax rate of 16.5%"
    assert rules().percents_screen.passing(lines) == [True, False, False]
    assert rules().rates_screen.passing(lines) == [False, False, True]
    # a character that could hide a match once lowered: every line is read on its own
    odd = Lines(["İncome tax rate of 25%", "nothing"])
    assert odd.lowered is None
    assert screen([re.compile("income tax rate", re.I)]).passing(odd) == [True, False]


def test_the_first_characters_of_period_phrases() -> None:
    starts = Starts([re.compile("(?:in |for )?(?:the )?Q(?P<ordinal>[1-4])", re.I)])
    assert sorted(starts.folded) == ["f", "i", "q", "t"]
    assert starts.admits("Q1 2026") and starts.admits("in Q1") and starts.admits("The Q4")
    assert not starts.admits("and Q1") and not starts.admits("")
    # first characters unknown, or a pattern that may match nothing: the joined pattern tells
    assert Starts([re.compile(r"\s*Q")]).admits("  Q1") and not Starts([re.compile(r"\s*Q")]).admits("any")
    assert Starts([re.compile("x?")]).admits("")
    exact = Starts([re.compile("[1-4]Q")])
    assert exact.admits("2Q25") and not exact.admits("5Q25")


def test_patterns_joined_into_one() -> None:
    joined = either([re.compile(r"(?P<a>x)\d", re.I), re.compile(r"\(?P<b>[(?P<c>]", re.I)])
    assert joined is not None and joined.groups == 0
    assert joined.match("X1") and joined.match("P<b>(") and joined.match("(P<b>c")
    assert not joined.match("x") and not joined.match("(?P<b>")
    assert either([re.compile("(?P<a>x)(?P=a)")]) is None  # refers to a group by name
    assert either([re.compile("x"), re.compile("y", re.I)]) is None  # flags differ
    assert either([re.compile("x # (?P<a>", re.X)]) is None  # a comment may print anything


@pytest.mark.parametrize("group", sorted(_groups()))
def test_no_screen_rules_out_a_line_or_sentence_a_pattern_matches(group: str) -> None:
    patterns, screened = _groups()[group]
    checked = 0
    for document in _documents():
        texts = [line.text for line in document.text_lines]
        passed = screened.passing(Lines(texts))  # type: ignore[attr-defined]
        for text, passes in zip(texts, passed):
            matched = any(p.search(text) for p in patterns)
            assert passes or not matched, text
            assert screened.admits(text) or not matched, text  # type: ignore[attr-defined]
            for part in split(text):
                part = part.strip()
                if any(p.search(part) for p in patterns):
                    checked += 1
                    assert screened.admits(part), part  # type: ignore[attr-defined]
    assert checked or group in {"dated", "rates", "issue"}  # (what the filings print)


def test_no_start_rules_out_a_word_a_period_phrase_begins() -> None:
    starts, periods = rules().periods_starts, rules().periods
    words = 0
    for document in _documents():
        for line in document.text_lines:
            for start in re.finditer(r"(?<![\w$])\w", line.text):
                text = line.text[start.start():]
                if any(p.pattern.match(text) for p in periods):
                    words += 1
                    assert starts.admits(text), text
    assert words > 100


def test_the_screened_readers_give_what_reading_every_sentence_gives() -> None:
    for document in _documents():
        frame, findings = reporting_frame(document, [])
        out, issues = Collector(document.path), Issues()
        for sentence in sentences(document):
            _figure_sentences(sentence, frame, out)
            _rates(sentence, frame, out)
            special(sentence, out)
            issues.read(sentence, out)
        assert prose_drafts(document, []) == (out.drafts, out.cells, findings + out.findings), document.path


def test_sentences_split_after_a_stop_before_a_capital_or_a_quote() -> None:
    rule = re.compile(r"(?<=[.;])\s+(?=[A-Z“\"])")
    assert split("Revenues rose. Costs fell;  “IDC” too. and so on") == [
        "Revenues rose.", "Costs fell;", "“IDC” too. and so on"]
    for document in _documents():
        for line in document.text_lines:
            assert split(line.text) == rule.split(line.text)
