"""Figures of the text with shapes of their own, a function each.

The convenience exchange rate ("RMB7.1 to US$1.00 ... on March 31, 2026"),
shares issued at a price on a day and the aggregate proceeds of the issues
listed before, the head count, shares outstanding and their ADS equivalent,
the gearing ratio and net current assets (or liabilities).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from kcxbrl.extract.concepts import TRANSLATION_RATE, declared_by
from kcxbrl.extract.prose.collect import Collector
from kcxbrl.extract.prose.figures import NUMBER, UNIT, Sentence, amounts, number, ratio
from kcxbrl.extract.prose.rules import DATE
from kcxbrl.text.screen import screen
from kcxbrl.text.currencies import currencies
from kcxbrl.text.values import find_dates, parse_date
from kcxbrl.xbrl.model import Period

_concept = declared_by(__name__)
_ADS_ISSUED, _SHARES_ISSUED = _concept("AdsIssued"), _concept("OrdinarySharesIssued")
_PRICE_PER_ADS, _PRICE_PER_SHARE = _concept("IssuePricePerAds"), _concept("IssuePricePerShare")
_NET_PROCEEDS, _GROSS_PROCEEDS = _concept("ProceedsFromIssuanceNet"), _concept("ProceedsFromIssuanceGross")
_EMPLOYEES_CONCEPT = _concept("NumberOfEmployees")
_SHARES_OUTSTANDING = _concept("OrdinarySharesOutstanding")
_ADS_EQUIVALENT = _concept("AdsEquivalentOfSharesOutstanding")
_GEARING_RATIO = _concept("GearingRatio")
_NET_CURRENT_ASSETS = _concept("NetCurrentAssetsLiabilities")

_MONEY = currencies()
_REPORTED, _CONVENIENCE = _MONEY.marks(_MONEY.reporting), _MONEY.marks(_MONEY.convenience)
_RATE = re.compile(
    rf"(?:{_REPORTED})\s?(?P<a>\d+\.\d+)\s*(?:to|per|=|:|for)\s*(?:{_CONVENIENCE})\s?1(?:\.0+)?\b"
    rf"|(?:{_CONVENIENCE})\s?1(?:\.0+)?\s*(?:to|=|:|for)\s*(?:{_REPORTED})\s?(?P<b>\d+\.\d+)"
)
_EMPLOYEES = re.compile(r"had ([\d,]+) employees as of")
_SHARES = re.compile(r"Outstanding ordinary shares were ([\d,]+) as of .*?equivalent to about ([\d,]+) ADSs")
_GEARING = re.compile(r"gearing ratio")
_PERCENT_TEXT = re.compile(r"(\d+(?:\.\d+)?)%")
_NET_CURRENT = re.compile(r"net current (assets|liabilities) of")
_SUBJECTS = re.compile(rf"had (?:an? )?(.+?) of (?:{_REPORTED})")
_ISSUE = re.compile(
    rf"(?P<count>\d{{1,3}}(?:,\d{{3}})+)\s+(?:[\w-]+\s+){{0,2}}?(?P<kind>ADSs|[Ss]hares)\s+(?:at\s+)?"
    rf"(?P<cur>{_MONEY.marks()})\s?(?P<price>\d+(?:\.\d+)?)\s+per\s+(?:ADS|[Ss]hare)\b[^;()]*?\bon\s+(?P<date>{DATE})"
)
# the words a rate, an issue of shares or a dated shape prints: most sentences print none
_RATE_SCREEN, _ISSUE_SCREEN = screen([_RATE]), screen([_ISSUE])
_DATED_SCREEN = screen([_EMPLOYEES, _SHARES, _GEARING, _NET_CURRENT])
_PROCEEDS = re.compile(
    rf"aggregate (?P<kind>net|gross) proceeds\b[^.]*?\bamounts? to (?:approximately )?"
    rf"(?P<cur>{_MONEY.marks()})\s?(?P<v>{NUMBER})(?:\s*(?P<u>{UNIT})\b)?"
)

# every pattern a sentence is searched for by ``special`` and by ``Issues``: a
# sentence that can match none of them gives nothing there
SPECIAL_SCREEN = screen([_RATE, _EMPLOYEES, _SHARES, _GEARING, _NET_CURRENT])
ISSUES_SCREEN = screen([_ISSUE, _PROCEEDS])


def _exchange_rate(s: Sentence, out: Collector) -> None:
    m = _RATE.search(s.text) if _RATE_SCREEN.admits(s.text) else None
    if m is None:
        return
    printed = m["a"] or m["b"]
    after = find_dates(s.text[m.end():])
    dates = after or find_dates(s.text[: m.start()])
    if not dates:
        out.skip(TRANSLATION_RATE, printed, "no date for the rate in its sentence", s)
        return
    day = after[0] if after else dates[-1]
    out.add(TRANSLATION_RATE, Period.instant(day), Decimal(printed), len(printed.split(".")[1]), s,
            printed, f"{_MONEY.reporting}/{_MONEY.convenience}")


class Issues:
    """Shares issued on a day at a price, and the aggregate proceeds of the issues listed before."""

    def __init__(self) -> None:
        self.days: list[date] = []

    def read(self, s: Sentence, out: Collector) -> None:
        for m in _ISSUE.finditer(s.text) if _ISSUE_SCREEN.admits(s.text) else ():
            day = parse_date(m["date"])
            if day is None:
                continue
            self.days.append(day)
            on = Period(day, day)
            ads = m["kind"] == "ADSs"
            out.add(_ADS_ISSUED if ads else _SHARES_ISSUED, on, Decimal(m["count"].replace(",", "")), 0, s,
                    m["count"])
            price, places = Decimal(m["price"]), len(m["price"].split(".")[1]) if "." in m["price"] else 0
            out.add(_PRICE_PER_ADS if ads else _PRICE_PER_SHARE, on, price, places, s,
                    m["cur"] + m["price"], _MONEY.code(m["cur"]))
        m = _PROCEEDS.search(s.text)
        if m is None:
            return
        concept = _NET_PROCEEDS if m["kind"] == "net" else _GROSS_PROCEEDS
        printed = m["cur"] + m["v"] + (" " + m["u"] if m["u"] else "")
        if not self.days:
            out.skip(concept, printed, "no issue of shares listed before it gives its period", s)
            return
        value, decimals = number(m["v"], m["u"], 0)
        # the proceeds of the issues listed above: from the first issue to the last
        out.add(concept, Period(min(self.days), max(self.days)), value, decimals, s, printed, _MONEY.code(m["cur"]))
        self.days = []


def special(s: Sentence, out: Collector) -> None:
    """Every shape of its own that a sentence prints."""
    _exchange_rate(s, out)
    text = s.text
    if not _DATED_SCREEN.admits(text):
        return
    employees, shares, net_current = _EMPLOYEES.search(text), _SHARES.search(text), _NET_CURRENT.search(text)
    gearing = _GEARING.search(text) is not None
    if not (employees or shares or gearing or net_current):
        return  # the shapes below are all dated: no need to read the sentence's dates
    dates = find_dates(text)
    if not dates:
        return
    if employees:
        m = employees
        out.add(_EMPLOYEES_CONCEPT, Period.instant(dates[0]), Decimal(m[1].replace(",", "")), 0, s, m[1])
    if shares:
        m, day = shares, Period.instant(dates[0])
        out.add(_SHARES_OUTSTANDING, day, Decimal(m[1].replace(",", "")), 0, s, m[1])
        out.add(_ADS_EQUIVALENT, day, Decimal(m[2].replace(",", "")), 0, s, m[2])
    if gearing:
        for day, pct in zip(dates, _PERCENT_TEXT.findall(text)):
            value, decimals = ratio(pct)
            out.add(_GEARING_RATIO, Period.instant(day), value, decimals, s, pct + "%")
    if net_current:
        _net_current(s, net_current, Period.instant(dates[0]), out)


def _net_current(s: Sentence, m: re.Match[str], day: Period, out: Collector) -> None:
    found = [a for a in amounts(s.text, s) if a.usd]
    right_after = [a for a in found if 0 <= a.start - m.end() <= 2]
    if right_after and "respectively" not in s.text:  # "net current assets of RMB B (US$)"
        found, index = right_after, 0
    else:
        # "had an accumulated deficit and net current assets of RMB A (US$) and RMB B (US$),
        # respectively": the amounts follow the subjects in order
        listed = _SUBJECTS.search(s.text)
        subjects = listed[1].split(" and ") if listed else ["net current"]
        index = next((i for i, t in enumerate(subjects) if t.strip().startswith("net current")), 0)
    if len(found) <= index:
        return
    sign = -1 if m[1] == "liabilities" else 1
    amount = found[index]
    out.add(_NET_CURRENT_ASSETS, day, sign * amount.value, amount.decimals, s,
            _MONEY.sign(_MONEY.reporting), _MONEY.reporting)
    if amount.usd:
        out.add(_NET_CURRENT_ASSETS, day, sign * amount.usd[0], amount.usd[1], s,
                _MONEY.sign(_MONEY.convenience), _MONEY.convenience)
