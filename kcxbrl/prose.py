"""Key numbers stated only in the text, each traced to its sentence.

Amount sentences of one shape are data (taxonomy/mapping/prose.toml); the
few other shapes (exchange rate, gearing ratio, head count, shares
outstanding, net current assets, gross margin) are a function each.  A
sentence that repeats a table figure at lower precision gives a draft that
the assembler folds into the table's fact (not a new fact).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Iterator

from kcxbrl.headers import scale_from_text
from kcxbrl.mapping import CellResult
from kcxbrl.model import Document, Draft, Period, Provenance
from kcxbrl.resources import taxonomy_dir
from kcxbrl.values import find_dates

_NUMBER = r"[\d,]+(?:\.\d+)?"
_AMOUNT = re.compile(
    rf"RMB\s?(?P<v>{_NUMBER})\s*(?P<u>million|billion)?"
    rf"(?:\s*\(US\$\s?(?P<usd>{_NUMBER})\s*(?P<uu>million|billion)?\))?"
)
_SCALE = {None: 0, "million": 6, "billion": 9}
_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z“\"])")


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str
    scale: int  # scale stated above, for amounts printed without "million"


@dataclass(frozen=True)
class Amount:
    value: Decimal
    decimals: int
    usd: tuple[Decimal, int] | None


def _number(text: str, unit: str | None, scale: int) -> tuple[Decimal, int]:
    digits = text.replace(",", "")
    places = len(digits.split(".")[1]) if "." in digits else 0
    power = _SCALE[unit] if unit else scale
    return Decimal(digits).scaleb(power), places - power


def _amounts(text: str, scale: int) -> list[Amount]:
    out = []
    for m in _AMOUNT.finditer(text):
        value, decimals = _number(m["v"], m["u"], scale)
        usd = _number(m["usd"], m["uu"], scale) if m["usd"] else None
        out.append(Amount(value, decimals, usd))
    return out


def sentences(document: Document) -> Iterator[Sentence]:
    scale = 0
    for line in document.text_lines:
        stated = scale_from_text(line.text)
        if stated is not None:
            scale = stated
        for text in _SENTENCE.split(line.text):
            if text.strip():
                yield Sentence(line.line, text.strip(), scale)


@lru_cache(maxsize=1)
def _amount_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    data = tomllib.loads((taxonomy_dir() / "mapping" / "prose.toml").read_text(encoding="utf-8"))
    return tuple((rule["concept"], re.compile(rule["anchor"])) for rule in data["amounts"])


def _year_before(period: Period) -> Period:
    assert period.start is not None
    return Period(period.start.replace(year=period.start.year - 1), period.end.replace(year=period.end.year - 1))


def reporting_period(drafts: list[Draft]) -> Period | None:
    """The filing's own period: the latest-ending duration of its revenues."""
    periods = [d.period for d in drafts if d.concept == "Revenues" and not d.members and d.period.start]
    return max(periods, key=lambda p: (p.end, p.start), default=None)


class _Collector:
    def __init__(self, source: str) -> None:
        self.source = source
        self.drafts: list[Draft] = []
        self.cells: list[CellResult] = []

    def add(
        self, concept: str, period: Period, value: Decimal, decimals: int, sentence: Sentence,
        text: str, currency: str | None = None,
    ) -> None:
        snippet = sentence.text if len(sentence.text) <= 80 else sentence.text[:77] + "..."
        self.drafts.append(Draft(
            concept=concept, period=period, value=value, decimals=decimals,
            source=Provenance(self.source, sentence.line, None, snippet, "text"), currency=currency,
        ))
        self.cells.append(CellResult(sentence.line, -1, text, "fact", concept))


def _amount_sentences(s: Sentence, current: Period, out: _Collector) -> None:
    found = [(m.start(), concept) for concept, rule in _amount_rules() for m in [rule.search(s.text)] if m]
    if not found:
        return
    found.sort()
    first_amount = _AMOUNT.search(s.text)
    joint = [c for pos, c in found if first_amount and pos < first_amount.start()]
    if len(joint) > 1:  # "Fulfillment costs and other costs were X (US$) and Y (US$)"
        currents = [a for a in _amounts(s.text, s.scale) if a.usd]
        for concept, amount in zip(joint, currents):
            _current(concept, amount, current, s, out)
        return
    for i, (pos, concept) in enumerate(found):
        end = found[i + 1][0] if i + 1 < len(found) else len(s.text)
        clause = s.text[pos:end]
        amounts = _amounts(clause, s.scale)
        currents = [a for a in amounts if a.usd]
        priors = [a for a in amounts if not a.usd]
        if not currents and len(amounts) == 1:
            currents = amounts  # a lone untranslated amount: "RMB3 billion in Q1"
            priors = []
        if currents:
            _current(concept, currents[0], current, s, out)
        if currents and len(priors) == 1:
            out.add(concept, _year_before(current), priors[0].value, priors[0].decimals, s, "RMB", "CNY")


def _current(concept: str, amount: Amount, period: Period, s: Sentence, out: _Collector) -> None:
    out.add(concept, period, amount.value, amount.decimals, s, "RMB", "CNY")
    if amount.usd:
        out.add(concept, period, amount.usd[0], amount.usd[1], s, "US$", "USD")


_RATE = re.compile(r"RMB\s?(\d+\.\d+)\s+(?:per|to)\s+US\$\s?1\.00")
_EMPLOYEES = re.compile(rf"had ({_NUMBER}) employees as of")
_SHARES = re.compile(rf"Outstanding ordinary shares were ({_NUMBER}) as of .*?equivalent to about ({_NUMBER}) ADSs")
_GEARING = re.compile(r"gearing ratio")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)%")
_NET_CURRENT = re.compile(r"net current (assets|liabilities) of")
_SUBJECTS = re.compile(r"had (?:an? )?(.+?) of RMB")
_GROSS_MARGIN = re.compile(
    r"(?<!Non-GAAP )\bGross margin (?:was|decreased to|increased to) (\d+\.\d+)%"
    r"(?:[^%]*?(?:compared with|from) (\d+\.\d+)%)?"
)


def _ratio(text: str) -> tuple[Decimal, int]:
    places = len(text.split(".")[1]) if "." in text else 0
    return Decimal(text) / 100, places + 2


def _special(s: Sentence, current: Period | None, out: _Collector) -> None:
    dates = find_dates(s.text)
    if (m := _RATE.search(s.text)) and dates:
        value = Decimal(m[1])
        out.add("ConvenienceTranslationRate", Period.instant(dates[-1]), value, len(m[1].split(".")[1]), s, m[1], "CNY/USD")
    if (m := _EMPLOYEES.search(s.text)) and dates:
        out.add("NumberOfEmployees", Period.instant(dates[0]), Decimal(m[1].replace(",", "")), 0, s, m[1])
    if (m := _SHARES.search(s.text)) and dates:
        day = Period.instant(dates[0])
        out.add("OrdinarySharesOutstanding", day, Decimal(m[1].replace(",", "")), 0, s, m[1])
        out.add("AdsEquivalentOfSharesOutstanding", day, Decimal(m[2].replace(",", "")), 0, s, m[2])
    if _GEARING.search(s.text) and dates:
        for day, pct in zip(dates, _PERCENT.findall(s.text)):
            value, decimals = _ratio(pct)
            out.add("GearingRatio", Period.instant(day), value, decimals, s, pct + "%")
    if (m := _NET_CURRENT.search(s.text)) and dates:
        amounts = [a for a in _amounts(s.text, s.scale) if a.usd]
        # "had an accumulated deficit and net current assets of RMB A (US$) and RMB B (US$),
        # respectively": the amounts follow the subjects in order
        listed = _SUBJECTS.search(s.text)
        subjects = listed[1].split(" and ") if listed else ["net current"]
        index = next((i for i, t in enumerate(subjects) if t.strip().startswith("net current")), 0)
        if len(amounts) > index:
            sign = -1 if m[1] == "liabilities" else 1
            day = Period.instant(dates[0])
            amount = amounts[index]
            out.add("NetCurrentAssetsLiabilities", day, sign * amount.value, amount.decimals, s, "RMB", "CNY")
            if amount.usd:
                out.add("NetCurrentAssetsLiabilities", day, sign * amount.usd[0], amount.usd[1], s, "US$", "USD")
    if current is not None and (m := _GROSS_MARGIN.search(s.text)):
        value, decimals = _ratio(m[1])
        out.add("GrossMargin", current, value, decimals, s, m[1] + "%")
        if m[2]:
            value, decimals = _ratio(m[2])
            out.add("GrossMargin", _year_before(current), value, decimals, s, m[2] + "%")


def prose_drafts(document: Document, table_drafts: list[Draft]) -> tuple[list[Draft], list[CellResult]]:
    """Drafts for the key numbers of the text, and the numbers considered."""
    out = _Collector(document.path)
    current = reporting_period(table_drafts)
    for sentence in sentences(document):
        if current is not None:
            _amount_sentences(sentence, current, out)
        _special(sentence, current, out)
    return out.drafts, out.cells
