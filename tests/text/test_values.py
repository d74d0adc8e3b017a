from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kcxbrl.xbrl.model import Number
from kcxbrl.text.values import as_ratio, find_dates, is_year, parse_date, parse_number, scaled


@pytest.mark.parametrize(
    ("text", "value", "decimals", "percent"),
    [
        ("1,234", "1234", 0, False),
        ("(1,979,042)", "-1979042", 0, False),
        ("(0.54)", "-0.54", 2, False),
        ("16.2%", "16.2", 1, True),
        ("-16.0%", "-16.0", 1, True),
        ("(52.1)%", "-52.1", 1, True),
        ("(52.1%)", "-52.1", 1, True),
        ("(25.4)", "-25.4", 1, False),
        ("0", "0", 0, False),
        ("-85,575", "-85575", 0, False),
        ("100%", "100", 0, True),
        ("100.0%", "100.0", 1, True),
        ("6,351.41", "6351.41", 2, False),
        ("3,658,088,876", "3658088876", 0, False),
        ("0.001", "0.001", 3, False),
        ("+5.3%", "5.3", 1, True),
        ("2024", "2024", 0, False),
    ],
)
def test_parse_number_shapes(text: str, value: str, decimals: int, percent: bool) -> None:
    number = parse_number(text)
    assert number is not None
    assert number.value == Decimal(value)
    assert str(number.value) == value  # printed precision kept, no float rounding
    assert number.decimals == decimals
    assert number.percent is percent
    assert number.nil is False
    assert number.text == text


@pytest.mark.parametrize(
    ("text", "value", "cleaned"),
    [
        ("<u>(825,346)</u>", "-825346", "(825,346)"),
        ("<b>(552,507)</b>", "-552507", "(552,507)"),
        ("**1,234**", "1234", "1,234"),
        ("  7,785,180  ", "7785180", "7,785,180"),
        ("USD 40,000,000", "40000000", "USD 40,000,000"),
        ("RMB0.23", "0.23", "RMB0.23"),
        ("US$0.03", "0.03", "US$0.03"),
        ("US\\$392.0", "392.0", "US$392.0"),
        ("HK$5.83", "5.83", "HK$5.83"),
        ("RMB (1,524)", "-1524", "RMB (1,524)"),
        ("<u>2,777,777</u>", "2777777", "2,777,777"),
    ],
)
def test_parse_number_tolerates_markup_and_currency(text: str, value: str, cleaned: str) -> None:
    number = parse_number(text)
    assert number is not None
    assert number.value == Decimal(value)
    assert number.text == cleaned


@pytest.mark.parametrize("text", ["–", "-", "—", " – ", "<u>–</u>"])
def test_dashes_alone_are_nil(text: str) -> None:
    shown = text.replace("<u>", "").replace("</u>", "").strip()
    assert parse_number(text) == Number(Decimal(0), 0, nil=True, text=shown)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "words",
        "Revenues",
        "2024 RMB",
        "RMB'000",
        "US$'000",
        "(%)",
        "%",
        "Dec 31, 2025",
        "1,23",
        "(1,234",
        "1,234)",
        "1,234 5,678",
        "12.1%%",
        "Ordinary shares",
        "RMB",
        "--",
    ],
)
def test_parse_number_rejects_what_is_not_one_number(text: str) -> None:
    assert parse_number(text) is None


def test_scaled_applies_thousands() -> None:
    number = parse_number("1,524")
    assert number is not None
    value, decimals = scaled(number, 3)
    assert value == Decimal(1524000)
    assert str(value) == "1524000"  # no exponent for the instance writer
    assert decimals == -3


@pytest.mark.parametrize(
    ("text", "scale", "value", "decimals"),
    [
        ("(1,979,042)", 3, "-1979042000", -3),
        ("(0.54)", 0, "-0.54", 2),
        ("6,351.41", 0, "6351.41", 2),
        ("1.5", 6, "1500000", -5),
        ("–", 3, "0", -3),
    ],
)
def test_scaled_values(text: str, scale: int, value: str, decimals: int) -> None:
    number = parse_number(text)
    assert number is not None
    assert scaled(number, scale) == (Decimal(value), decimals)
    assert str(scaled(number, scale)[0]) == value


@pytest.mark.parametrize(
    ("text", "ratio", "decimals"),
    [
        ("16.2%", "0.162", 3),
        ("-16.0%", "-0.160", 3),
        ("100%", "1", 2),
        ("(52.1)%", "-0.521", 3),
        ("7.4", "0.074", 3),
        ("8%", "0.08", 2),
    ],
)
def test_as_ratio(text: str, ratio: str, decimals: int) -> None:
    number = parse_number(text)
    assert number is not None
    value, places = as_ratio(number)
    assert value == Decimal(ratio)
    assert places == decimals


def test_as_ratio_keeps_trailing_zero() -> None:
    number = parse_number("-16.0%")
    assert number is not None
    assert str(as_ratio(number)[0]) == "-0.160"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("December 31, 2025", date(2025, 12, 31)),
        ("Dec 31, 2025", date(2025, 12, 31)),
        ("31 December 2025", date(2025, 12, 31)),
        ("07 January 2026", date(2026, 1, 7)),
        ("March 25, 2026", date(2026, 3, 25)),
        ("June 30, 2025", date(2025, 6, 30)),
        ("30 June 2025", date(2025, 6, 30)),
        ("Jun 30, 2025", date(2025, 6, 30)),
        ("Sept 30, 2025", date(2025, 9, 30)),
        (" Mar 31, 2026 ", date(2026, 3, 31)),
        ("<b>Mar 31, 2026</b>", date(2026, 3, 31)),
        ("2025-12-31", date(2025, 12, 31)),
    ],
)
def test_parse_date_shapes(text: str, day: date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    "text",
    ["", "December 31,", "Mar 31,", "2025", "Feb 30, 2025", "Foo 12, 2025", "Three Months Ended", "31 December"],
)
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None


def test_find_dates_in_running_text() -> None:
    # sample 001 line 76 runs two form fields together
    text = "For the month ended: 31 December 2024Status: New Submission, dated January 7, 2025"
    assert find_dates(text) == (date(2024, 12, 31), date(2025, 1, 7))


def test_find_dates_none() -> None:
    assert find_dates("For the year ended December 31,") == ()


@pytest.mark.parametrize(
    ("text", "year"),
    [("2024", True), ("<u>2025</u>", True), ("2,024", False), ("1850", False), ("2024%", False), ("03896", False)],
)
def test_is_year(text: str, year: bool) -> None:
    number = parse_number(text)
    assert number is not None
    assert is_year(number) is year
