"""Printed numbers and dates: `(1,979,042)`, `-16.0%`, `–`, `Dec 31, 2025`."""

from __future__ import annotations

import logging
import re
from datetime import date
from decimal import Decimal

from kcxbrl.text.markup import strip_markup
from kcxbrl.text.memo import text_cache
from kcxbrl.xbrl.model import Number
from kcxbrl.text.currencies import currencies
from kcxbrl.text.read import clean_text

log = logging.getLogger(__name__)

_NILS = frozenset({"-", "–", "—", "−"})
_CURRENCY = f"(?:{currencies().number_signs()})"  # `RMB 1,234`, `(US$ 0.5)`
_NUMBER = re.compile(
    r"(?P<sign>[-−–+])?\s*(?:" + _CURRENCY + r"\s*)?"
    r"(?P<open>\()?\s*(?P<sign2>[-−–])?\s*(?:" + _CURRENCY + r"\s*)?"
    r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)?(?:\.(?P<frac>\d+))?"
    r"\s*(?P<pct>%)?\s*(?P<close>\))?\s*(?P<pct2>%)?"
)

# A bare amount, maybe in parentheses: `1,234`, `(56.7)` (what _NUMBER reads, without signs,
# currencies or percentages)
_AMOUNT = re.compile(r"(\()?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(\))?")
_FOUR_DIGITS = re.compile(r"\d{4}")
_UNIT = Decimal(1)

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<mon>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
# what every date shape prints: a year after a space, or an ISO date
_YEAR_DIGITS = re.compile(r"\s\d{4}(?!\d)|\d{4}-\d{2}-\d{2}")
_DATE_SHAPES = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\d)"),  # December 31, 2025
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}(?!\d)"),  # 31 December 2025
    re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b"),  # 2025-12-31
)


@text_cache()
def parse_number(text: str) -> Number | None:
    """The single number a cell prints, or None when it holds anything else."""
    if text.isascii() and text.isprintable():  # most cells: plain() changes nothing, no control to scrub
        cleaned = strip_markup(text, False, scrubbed=True)[0]  # (as clean_text reads it)
    else:
        cleaned = clean_text(text)
    if cleaned in _NILS:
        return Number(Decimal(0), 0, False, True, cleaned)  # (positional: keywords cost a dataclass twice)
    amount = _AMOUNT.fullmatch(cleaned)
    if amount is not None:  # most cells: read as _NUMBER reads them, with a shorter pattern
        opened, whole, frac, closed = amount.groups()
        if (opened is None) != (closed is None):
            return None
        digits = whole.replace(",", "")
        value = Decimal(f"{digits}.{frac}" if frac else digits)
        return Number(-value if opened else value, len(frac or ""), False, False, cleaned)
    return _read_number(cleaned)


def _read_number(cleaned: str) -> Number | None:
    """The number a cleaned cell prints, read with the full pattern (signs, currencies, percentages)."""
    match = _NUMBER.fullmatch(cleaned)
    if match is None:
        return None
    sign, opened, sign2, whole, frac, pct, closed, pct2 = match.group(
        "sign", "open", "sign2", "int", "frac", "pct", "close", "pct2")
    if whole is None and frac is None or bool(opened) != bool(closed) or pct and pct2:
        return None
    digits = (whole or "0").replace(",", "")
    frac = frac or ""
    value = Decimal(f"{digits}.{frac}" if frac else digits)
    if opened or sign2 or sign in ("-", "−", "–"):
        value = -value
    return Number(value, len(frac), bool(pct or pct2), False, cleaned)


def scaled(number: Number, scale: int) -> tuple[Decimal, int]:
    """The value in full units and its decimals: 1,524 in thousands is 1524000, -3."""
    # (a printed number's value has minus its decimals for exponent: the shifted value's
    # exponent is positive, and is written out as _shift does, when the scale passes them)
    value = number.value.scaleb(scale)
    if scale > number.decimals:
        value = value.quantize(_UNIT)
    return value, number.decimals - scale


def as_ratio(number: Number) -> tuple[Decimal, int]:
    """A percentage as a pure ratio, keeping the printed precision: 16.2 -> 0.162, 3."""
    return _shift(number.value, -2), number.decimals + 2


def is_year(number: Number) -> bool:
    """A bare four-digit year (1900-2100) such as a column header prints."""
    return (
        not number.percent
        and not number.nil
        and number.decimals == 0
        and _FOUR_DIGITS.fullmatch(number.text) is not None
        and 1900 <= number.value <= 2100
    )


def parse_date(text: str) -> date | None:
    """A date printed as `December 31, 2025`, `Dec 31, 2025` or `31 December 2025`."""
    cleaned = clean_text(text).strip(" .,;:")
    for shape in _DATE_SHAPES:
        match = shape.fullmatch(cleaned)
        if match:
            return _date_of(match)
    return None


def find_dates(text: str) -> tuple[date, ...]:
    """Every date printed in a piece of text, in reading order."""
    if _YEAR_DIGITS.search(text) is None:
        return ()
    found: list[tuple[int, date]] = []
    taken: list[range] = []
    for shape in _DATE_SHAPES:
        for match in shape.finditer(text):
            span = range(match.start(), match.end())
            if any(span.start < t.stop and t.start < span.stop for t in taken):
                continue
            day = _date_of(match)
            if day is not None:
                found.append((match.start(), day))
                taken.append(span)
    return tuple(day for _, day in sorted(found))


def _date_of(match: re.Match[str]) -> date | None:
    mon = match.group("mon")
    month = int(mon) if mon.isdigit() else MONTHS.get(mon.lower())
    if month is None:
        return None
    try:
        return date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


def _shift(value: Decimal, places: int) -> Decimal:
    """value x 10**places, written without an exponent."""
    result = value.scaleb(places)
    if result.as_tuple().exponent > 0:  # type: ignore[operator]
        result = result.quantize(Decimal(1))
    return result
