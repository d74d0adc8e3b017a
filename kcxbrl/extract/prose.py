"""Key numbers stated only in the text, each traced to its sentence.

Which sentences hold a figure, and which words give a figure its period, are
data (taxonomy/mapping/prose.toml); a few other shapes (exchange rate,
gearing ratio, head count, shares outstanding, net current assets) are a
function each.  Every figure takes its period from its own sentence,
relative words ("last quarter", "the same period of 2024") resolved against
the filing's reporting period, which the filing's title or first paragraph
states (else the latest revenues period of its tables).  A figure whose
period cannot be told is no fact and a finding.  A sentence that repeats a
table figure at lower precision gives a draft that the assembler folds into
the table's fact (not a new fact).
"""

from __future__ import annotations

import calendar
import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Callable, Iterator

from kcxbrl.findings import Finding, warning
from kcxbrl.extract.cells import CellResult
from kcxbrl.xbrl.model import Document, Draft, Period, Provenance
from kcxbrl.resources import taxonomy_dir
from kcxbrl.xbrl.taxonomy import default_taxonomy
from kcxbrl.text.values import find_dates, parse_date

TEXT_COLUMN = -1  # the column of a CellResult that records a figure of the text
PERIOD_UNKNOWN = "kcxbrl:prosePeriodUnknown"
REPORTING_UNKNOWN = "kcxbrl:reportingPeriodUnknown"
REPORTING_MISMATCH = "kcxbrl:reportingPeriodMismatch"

_NUMBER = r"\d[\d,]*(?<!,)(?:\.\d+)?"
_UNIT = r"thousand|million|billion|bn|mn|m"
_AMOUNT = re.compile(
    rf"RMB\s?(?P<v>{_NUMBER})(?:\s*(?P<u>{_UNIT})\b)?"
    rf"(?:\s*\((?:approximately\s+)?US\$\s?(?P<usd>{_NUMBER})(?:\s*(?P<uu>{_UNIT})\b)?\))?"
)
_SCALE = {"thousand": 3, "million": 6, "mn": 6, "m": 6, "billion": 9, "bn": 9}
_PERCENT = re.compile(r"(?<![\w.])(?P<v>\d+(?:\.\d+)?)\s?%")
_CHANGE_BEFORE = re.compile(r"(?:\bby|\b(?:increase|decrease|growth|decline|rise|drop) of)\s*$", re.I)
_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z“\"])")
_DATE = r"(?:[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [A-Za-z]{3,9},? \d{4})"
_LEAD_IN = re.compile(r"^[\s,]*(?:respectively[\s,]*)?")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
             "1": 1, "2": 2, "3": 3, "4": 4}
_MONTH_WORDS = {"three": 3, "six": 6, "nine": 9, "twelve": 12, "3": 3, "6": 6, "9": 9, "12": 12}


# --------------------------------------------------------------------------
# Sentences and the figures they print
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str
    scale: int = 0  # a scale the sentence itself states, for amounts printed without a scale word
    convention: int = 0  # a scale stated above for the notes, for whole amounts without a scale word


@dataclass(frozen=True)
class Figure:
    """One amount or percentage printed in a clause (span relative to the clause)."""

    start: int
    end: int
    text: str
    value: Decimal
    decimals: int
    usd: tuple[Decimal, int] | None = None  # its US$ convenience translation


def _number(text: str, unit: str | None, scale: int) -> tuple[Decimal, int]:
    digits = text.replace(",", "")
    places = len(digits.split(".")[1]) if "." in digits else 0
    power = _SCALE[unit.lower()] if unit else scale
    return Decimal(digits).scaleb(power), places - power


def _unscaled(s: Sentence, digits: str) -> int:
    """The scale of an amount printed without a scale word: as printed, unless
    its sentence states a scale, or a convention stated above covers it (whole
    amounts only: "RMB0.08" is no thousands figure)."""
    if s.scale:
        return s.scale
    return s.convention if "." not in digits else 0


def amounts(text: str, s: Sentence) -> list[Figure]:
    out = []
    for m in _AMOUNT.finditer(text):
        value, decimals = _number(m["v"], m["u"], _unscaled(s, m["v"]))
        usd = _number(m["usd"], m["uu"], _unscaled(s, m["usd"])) if m["usd"] else None
        out.append(Figure(m.start(), m.end(), m[0], value, decimals, usd))
    return out


def percents(text: str) -> list[Figure]:
    """Percentages that state a level ("12.8%"), not a change ("by 26.1%")."""
    out = []
    for m in _PERCENT.finditer(text):
        if _CHANGE_BEFORE.search(text[: m.start()]):
            continue
        value, decimals = _ratio(m["v"])
        out.append(Figure(m.start(), m.end(), m[0], value, decimals))
    return out


def _ratio(text: str) -> tuple[Decimal, int]:
    places = len(text.split(".")[1]) if "." in text else 0
    return Decimal(text) / 100, places + 2


def sentences(document: Document) -> Iterator[Sentence]:
    """The sentences of the text.  A scale is taken from the sentence itself,
    or from a statement of the notes' scale above it; never from a table's
    caption."""
    convention = 0
    for line in document.text_lines:
        for text in _SENTENCE.split(line.text):
            text = text.strip()
            if not text:
                continue
            stated = _stated_scale(text)
            if stated is not None and not _AMOUNT.search(text):
                convention = stated  # "all values are rounded to the nearest thousand (RMB'000)"
            yield Sentence(line.line, text, stated or 0, convention)


def _stated_scale(text: str) -> int | None:
    m = _rules().scale.search(text)
    if m is None:
        return None
    unit = (m["unit"] or m["unit2"]).lower()
    return _SCALE[unit]


# --------------------------------------------------------------------------
# The data: rules of prose.toml
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Phrase:
    rule: str
    pattern: re.Pattern[str]


_Found = tuple[_Phrase, re.Match[str]]  # a phrase and where it matched


@dataclass(frozen=True)
class _Rules:
    amounts: tuple[tuple[str, re.Pattern[str]], ...]
    percents: tuple[tuple[str, re.Pattern[str]], ...]
    rates: tuple[tuple[str, re.Pattern[str]], ...]
    periods: tuple[_Phrase, ...]
    markers: tuple[_Phrase, ...]
    reporting: tuple[_Phrase, ...]
    comparatives: tuple[_Phrase, ...]
    comparison: re.Pattern[str]
    scale: re.Pattern[str]


def _phrases(items: list[dict[str, str]]) -> tuple[_Phrase, ...]:
    return tuple(_Phrase(i["rule"], re.compile(i["pattern"].replace("{date}", _DATE), re.I)) for i in items)


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = tomllib.loads((taxonomy_dir() / "mapping" / "prose.toml").read_text(encoding="utf-8"))
    return _Rules(
        amounts=tuple((r["concept"], re.compile(r["anchor"])) for r in data["amounts"]),
        percents=tuple((r["concept"], re.compile(r["anchor"])) for r in data["percents"]),
        rates=tuple((r["concept"], re.compile(r["pattern"], re.I)) for r in data["rates"]),
        periods=_phrases(data["periods"]),
        markers=_phrases(data["markers"]),
        reporting=_phrases(data["reporting"]),
        comparatives=_phrases(data["comparatives"]),
        comparison=re.compile(data["comparison"]["words"], re.I),
        scale=re.compile(data["scale"]["statement"], re.I),
    )


# --------------------------------------------------------------------------
# Periods: phrases and their arithmetic
# --------------------------------------------------------------------------


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    """The same day so many months on; a month's last day stays its last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if day == _month_end(day.year, day.month):
        return _month_end(year, month)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_ended(end: date, months: int) -> Period:
    return Period(_add_months(end, -months) + timedelta(days=1), end)


def quarter(year: int, number: int) -> Period:
    return Period(date(year, 3 * number - 2, 1), _month_end(year, 3 * number))


def half(year: int, number: int) -> Period:
    return Period(date(year, 6 * number - 5, 1), _month_end(year, 6 * number))


def year_before(period: Period, years: int = 1) -> Period:
    end = _add_months(period.end, -12 * years)
    return Period(None if period.start is None else _add_months(period.start, -12 * years), end)


def previous_quarter(period: Period) -> Period:
    """The three months before the last three months of a period."""
    end = _add_months(period.end, -3)
    return months_ended(end, 3)


def _latest(make: Callable[[int, int], Period], number: int, until: date) -> Period:
    """The latest quarter (or half) of that number that ends by a day."""
    this_year = make(until.year, number)
    return this_year if this_year.end <= until else make(until.year - 1, number)


class _NeedsReporting(Exception):
    """A relative phrase while the reporting period is unknown."""


def _need(period: Period | None) -> Period:
    if period is None:
        raise _NeedsReporting
    return period


@dataclass(frozen=True)
class Frame:
    """What relative phrases resolve against."""

    reporting: Period | None
    comparative: Period | None = None  # the filing's stated comparative of the reporting period


@dataclass(frozen=True)
class _Words:
    """What a period phrase says, from its named groups."""

    text: str = ""
    year: int | None = None
    last: bool = False  # "last year", "the previous year"
    ordinal: int | None = None
    months: int | None = None
    day: date | None = None

    @classmethod
    def of(cls, m: re.Match[str] | None) -> _Words:
        if m is None:
            return cls()
        g = {k: v for k, v in m.groupdict().items() if v}
        year = int(g["year"]) if "year" in g else (2000 + int(g["yy"]) if "yy" in g else None)
        return cls(
            text=m[0].lower(), year=year, last="last" in g,
            ordinal=_ORDINALS.get(g.get("ordinal", "").lower()),
            months=_MONTH_WORDS.get(g.get("months", "").lower()),
            day=parse_date(g["date"]) if "date" in g else None,
        )


def _months_ended(w: _Words, base: Period | None, frame: Frame) -> Period | None:
    if w.day is None:
        return None
    if w.months is None:
        if "quarter" in w.text or "three" in w.text:
            return months_ended(w.day, 3)
        if "half" in w.text or "six" in w.text:
            return months_ended(w.day, 6)
        return months_ended(w.day, 12)
    return months_ended(w.day, w.months)


def _part_of_year(make: Callable[[int, int], Period]) -> Callable[[_Words, Period | None, Frame], Period | None]:
    def resolve_part(w: _Words, base: Period | None, frame: Frame) -> Period | None:
        if w.ordinal is None:
            return None
        if w.year is not None:
            return make(w.year, w.ordinal)
        if w.last:  # "the fourth quarter last year"
            return make(_need(base).end.year - 1, w.ordinal)
        return _latest(make, w.ordinal, _need(base).end)  # "Q1": the latest first quarter
    return resolve_part


def _same_period(w: _Words, base: Period | None, frame: Frame) -> Period | None:
    here = _need(base)
    if w.year is None:
        return year_before(here)  # "the same period last year"
    return year_before(here, here.end.year - w.year) if here.end.year >= w.year else None


_RESOLVERS: dict[str, Callable[[_Words, Period | None, Frame], Period | None]] = {
    "months_ended": _months_ended,
    "instant": lambda w, base, frame: Period.instant(w.day) if w.day else None,
    "quarter": _part_of_year(quarter),
    "half": _part_of_year(half),
    "year": lambda w, base, frame: Period(date(w.year, 1, 1), date(w.year, 12, 31)) if w.year else None,
    "same_period": _same_period,
    "year_earlier": lambda w, base, frame: year_before(_need(base)),
    "previous_quarter": lambda w, base, frame: previous_quarter(_need(base)),
    "current": lambda w, base, frame: _current(w, frame),
}


def _current(w: _Words, frame: Frame) -> Period:
    """"This quarter" in a quarter-and-year release is the quarter that ends the
    reporting period; "this period" is the reporting period itself."""
    reporting = _need(frame.reporting)
    for word, months in (("quarter", 3), ("half", 6), ("year", 12)):
        if word in w.text:
            return months_ended(reporting.end, months)
    return reporting


def resolve(rule: str, m: re.Match[str] | None, base: Period | None, frame: Frame) -> Period | None:
    """The period a phrase names: ``base`` is the period its sentence speaks of,
    for relative phrases; raises _NeedsReporting when that is unknown."""
    return _RESOLVERS[rule](_Words.of(m), base, frame)


def phrase_at(text: str, phrases: tuple[_Phrase, ...] | None = None) -> _Found | None:
    """The longest period phrase that opens a text."""
    best: _Found | None = None
    for phrase in phrases or _rules().periods:
        m = phrase.pattern.match(text)
        if m and (best is None or m.end() > best[1].end()):
            best = (phrase, m)
    return best


def _leading(sentence: str) -> _Found | None:
    """A phrase that opens a sentence and is set off by a comma ("In 2025, ...")."""
    found = phrase_at(sentence)
    if found and sentence[found[1].end():].lstrip().startswith(","):
        return found
    return None


def stated_period(document: Document) -> tuple[Period | None, int | None, Frame]:
    """The reporting period the filing states (title or first paragraph), the
    line stating it, and the comparative it states for all its figures."""
    rules = _rules()
    found: Period | None = None
    where: int | None = None
    for line in document.text_lines:
        for phrase in rules.reporting:
            m = phrase.pattern.search(line.text)
            if m:
                found = resolve(phrase.rule, m, None, Frame(None))
                where = line.line
                break
        if found is not None:
            break
    comparative = None
    if found is not None:
        for line in document.text_lines:
            for phrase in rules.comparatives:
                m = phrase.pattern.search(line.text)
                if m:
                    comparative = resolve(phrase.rule, m, found, Frame(found))
                    break
            if comparative is not None:
                break
    return found, where, Frame(found, comparative)


def tables_period(drafts: list[Draft]) -> Period | None:
    """The latest-ending duration of the tables' revenues."""
    periods = [d.period for d in drafts if d.concept == "Revenues" and not d.members and d.period.start]
    return max(periods, key=lambda p: (p.end, p.start), default=None)


# --------------------------------------------------------------------------
# Placing each figure of a clause in its period
# --------------------------------------------------------------------------

REASON_NONE = "no period in its sentence"
REASON_REPORTING = "its period is relative to the reporting period, which the filing does not state"


@dataclass(frozen=True)
class Placed:
    figure: Figure
    period: Period | None
    reason: str = ""  # why there is no period
    current: bool = True  # the figure the clause speaks of, not a comparative


@dataclass(frozen=True)
class _Clues:
    """The words around one figure of a clause that tell its period."""

    own: _Found | None  # the phrase right after it: "RMB1,353.5 million in the same quarter of 2025"
    subject: _Found | None  # a phrase of its subject: "IDC costs for the first quarter of 2026 were RMB..."
    marker: _Phrase | None  # a comparison before it: "year-over-year from RMB722.8 million"
    comparative: bool  # compared with another figure ("from", "compared with") rather than spoken of


def _clues(clause: str, figures: list[Figure]) -> list[_Clues]:
    rules = _rules()
    out = []
    for i, fig in enumerate(figures):
        following = clause[fig.end : figures[i + 1].start if i + 1 < len(figures) else len(clause)]
        lead_in = _LEAD_IN.match(following)
        before = clause[figures[i - 1].end if i else 0 : fig.start]
        hits = sorted((m.start(), n) for n, p in enumerate(rules.markers) for m in p.pattern.finditer(before))
        out.append(_Clues(
            own=phrase_at(following[lead_in.end() if lead_in else 0 :]),
            subject=_inside(before) if i == 0 else None,
            marker=rules.markers[hits[-1][1]] if hits else None,  # the comparison nearest the figure
            comparative=bool(hits) or bool(rules.comparison.search(before)),
        ))
    return out


_WORD_START = re.compile(r"(?<![\w$])\w")


def _inside(text: str) -> _Found | None:
    """The last period phrase inside a text."""
    last = None
    for start in _WORD_START.finditer(text):
        found = phrase_at(text[start.start() :])
        if found is not None:
            last = found
    return last


def _attempt(rule: str, m: re.Match[str] | None, base: Period | None, frame: Frame) -> tuple[Period | None, str]:
    try:
        period = resolve(rule, m, base, frame)
    except _NeedsReporting:
        return None, REASON_REPORTING
    return period, "" if period else REASON_NONE


def _spoken_of(clues: list[_Clues], lead: _Found | None, frame: Frame) -> Period | None:
    """The period a clause speaks of: its first current figure's own words, or the
    sentence's opening phrase, else the reporting period."""
    for clue in clues:
        found = clue.own or clue.subject or lead
        if not clue.comparative and found is not None:
            period, _ = _attempt(found[0].rule, found[1], frame.reporting, frame)
            if period is not None:
                return period
    return frame.reporting


def place(clause: str, figures: list[Figure], frame: Frame, lead: _Found | None = None) -> list[Placed]:
    """The period of each figure of a clause, from its own words first."""
    clues = _clues(clause, figures)
    base = _spoken_of(clues, lead, frame)
    out: list[Placed] = []
    for fig, clue in zip(figures, clues):
        period, reason = None, REASON_NONE
        if clue.own is not None:
            period, reason = _attempt(clue.own[0].rule, clue.own[1], base, frame)
        elif clue.comparative:
            if clue.marker is not None:
                period, reason = _attempt(clue.marker.rule, None, base, frame)
            elif frame.comparative is not None and base == frame.reporting:
                period, reason = frame.comparative, ""  # "comparative figures for the corresponding period in 2024"
        elif clue.subject is not None:
            period, reason = _attempt(clue.subject[0].rule, clue.subject[1], base, frame)
        elif lead is not None:
            period, reason = _attempt(lead[0].rule, lead[1], base, frame)
        elif fig.usd is not None:
            # the filings translate only the reporting period's figures into US$
            period, reason = (base, "") if base is not None else (None, REASON_REPORTING)
        out.append(Placed(fig, period, reason, not clue.comparative))
    # a figure compared with the comparative of the period spoken of is that period's
    # ("Gross margin was 15.7%, compared with 17.2% in 2024")
    if base is not None:
        known = {p.period for p in out if not p.current and p.period is not None}
        if known & {year_before(base), previous_quarter(base), frame.comparative}:
            out = [Placed(p.figure, base, "", True) if p.current and p.period is None else p for p in out]
    return out


# --------------------------------------------------------------------------
# Collecting drafts, records and findings
# --------------------------------------------------------------------------


def _snippet(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "..."


class _Collector:
    def __init__(self, source: str) -> None:
        self.source = source
        self.drafts: list[Draft] = []
        self.cells: list[CellResult] = []
        self.findings: list[Finding] = []
        self._unknown_lines: set[int] = set()

    def add(
        self, concept: str, period: Period, value: Decimal, decimals: int, sentence: Sentence,
        text: str, currency: str | None = None,
    ) -> None:
        self.drafts.append(Draft(
            concept=concept, period=period, value=value, decimals=decimals,
            source=Provenance(self.source, sentence.line, None, _snippet(sentence.text), "text"), currency=currency,
        ))
        self.cells.append(CellResult(sentence.line, TEXT_COLUMN, text, "fact", concept))

    def skip(self, concept: str, text: str, reason: str, sentence: Sentence) -> None:
        """A figure of a known concept that is no fact: recorded and reported, never dropped."""
        self.cells.append(CellResult(sentence.line, TEXT_COLUMN, text, "skipped", f"{reason} ({concept})"))
        if reason == REASON_REPORTING:
            if sentence.line not in self._unknown_lines:
                self._unknown_lines.add(sentence.line)
                self.findings.append(warning(
                    REPORTING_UNKNOWN,
                    f"'{text}' ({concept}) is dated relative to the reporting period, which neither the "
                    f"filing's title or first paragraph nor its income statement gives; no fact "
                    f"('{_snippet(sentence.text)}')",
                    file=self.source, line=sentence.line,
                ))
            return
        self.findings.append(warning(
            PERIOD_UNKNOWN,
            f"'{text}' ({concept}): {reason}; no fact ('{_snippet(sentence.text)}')",
            file=self.source, line=sentence.line,
        ))


def _concept_instant(concept: str) -> bool:
    return default_taxonomy().concept(concept).period == "instant"


def _emit(concept: str, placed: Placed, s: Sentence, out: _Collector, currency: str | None) -> None:
    period, reason = placed.period, placed.reason
    if period is not None and period.is_instant != _concept_instant(concept):
        if period.is_instant:
            period, reason = None, "its sentence dates it to a day, not a period"
        else:
            period = period.closing()  # a balance "this quarter": at its end
    if period is None:
        out.skip(concept, placed.figure.text, reason or REASON_NONE, s)
        return
    fig = placed.figure
    out.add(concept, period, fig.value, fig.decimals, s, fig.text, currency)
    if fig.usd is not None:
        out.add(concept, period, fig.usd[0], fig.usd[1], s, "US$", "USD")


def _clauses(s: Sentence, rules: tuple[tuple[str, re.Pattern[str]], ...]) -> list[tuple[int, str]]:
    found = [(m.start(), concept) for concept, rule in rules for m in [rule.search(s.text)] if m]
    return sorted(found)


def _figure_sentences(s: Sentence, frame: Frame, out: _Collector) -> None:
    rules = _rules()
    lead = _leading(s.text)
    for kind, anchors in (("amount", rules.amounts), ("percent", rules.percents)):
        found = _clauses(s, anchors)
        if not found:
            continue
        read = (lambda t: amounts(t, s)) if kind == "amount" else percents
        currency = "CNY" if kind == "amount" else None
        first = read(s.text[found[0][0]:])
        joint = [c for pos, c in found if first and pos < found[0][0] + first[0].start]
        if len(joint) > 1:  # "Fulfillment costs and other costs were X (US$) and Y (US$) this quarter"
            clause = s.text[found[0][0]:]
            _joint(joint, place(clause, read(clause), frame, lead), s, out, currency)
            continue
        for i, (pos, concept) in enumerate(found):
            end = found[i + 1][0] if i + 1 < len(found) else len(s.text)
            clause = s.text[pos:end]
            for placed in place(clause, read(clause), frame, lead):
                _emit(concept, placed, s, out, currency)


def _joint(
    concepts: list[str], placed: list[Placed], s: Sentence, out: _Collector, currency: str | None
) -> None:
    """Several subjects, then their figures in the same order."""
    for current in (True, False):
        group = [p for p in placed if p.current is current]
        if current and group and group[-1].period is not None:
            # "X and Y, respectively in the first half of 2025": the last words date them all
            group = [p if p.period is not None else Placed(p.figure, group[-1].period, "", True) for p in group]
        if len(group) == len(concepts):
            for concept, p in zip(concepts, group):
                _emit(concept, p, s, out, currency)
        else:
            for p in group:
                out.skip(" or ".join(concepts), p.figure.text, "its subject is not told among several", s)


def _rates(s: Sentence, frame: Frame, out: _Collector) -> None:
    """Rates of the tax law the notes state: they hold for the reporting period."""
    seen: set[str] = set()
    for concept, pattern in _rules().rates:
        m = pattern.search(s.text)
        if m is None or concept in seen:
            continue
        seen.add(concept)
        value, decimals = _ratio(m["pct"])
        if frame.reporting is None:
            out.skip(concept, m["pct"] + "%", REASON_REPORTING, s)
            continue
        out.add(concept, frame.reporting, value, decimals, s, m["pct"] + "%")


# --------------------------------------------------------------------------
# Shapes of their own
# --------------------------------------------------------------------------

_RATE = re.compile(
    r"RMB\s?(?P<a>\d+\.\d+)\s*(?:to|per|=|:|for)\s*(?:US\$|USD\s?)\s?1(?:\.0+)?\b"
    r"|(?:US\$|USD\s?)\s?1(?:\.0+)?\s*(?:to|=|:|for)\s*RMB\s?(?P<b>\d+\.\d+)"
)
_EMPLOYEES = re.compile(r"had ([\d,]+) employees as of")
_SHARES = re.compile(r"Outstanding ordinary shares were ([\d,]+) as of .*?equivalent to about ([\d,]+) ADSs")
_GEARING = re.compile(r"gearing ratio")
_PERCENT_TEXT = re.compile(r"(\d+(?:\.\d+)?)%")
_NET_CURRENT = re.compile(r"net current (assets|liabilities) of")
_SUBJECTS = re.compile(r"had (?:an? )?(.+?) of RMB")


def _exchange_rate(s: Sentence, out: _Collector) -> None:
    m = _RATE.search(s.text)
    if m is None:
        return
    printed = m["a"] or m["b"]
    after = find_dates(s.text[m.end():])
    dates = after or find_dates(s.text[: m.start()])
    if not dates:
        out.skip("ConvenienceTranslationRate", printed, "no date for the rate in its sentence", s)
        return
    day = after[0] if after else dates[-1]
    out.add("ConvenienceTranslationRate", Period.instant(day), Decimal(printed), len(printed.split(".")[1]), s,
            printed, "CNY/USD")


_CURRENCY = {"US$": "USD", "HK$": "HKD", "RMB": "CNY"}
_ISSUE = re.compile(
    rf"(?P<count>\d{{1,3}}(?:,\d{{3}})+)\s+(?:[\w-]+\s+){{0,2}}?(?P<kind>ADSs|[Ss]hares)\s+(?:at\s+)?"
    rf"(?P<cur>US\$|HK\$|RMB)\s?(?P<price>\d+(?:\.\d+)?)\s+per\s+(?:ADS|[Ss]hare)\b[^;()]*?\bon\s+(?P<date>{_DATE})"
)
_PROCEEDS = re.compile(
    rf"aggregate (?P<kind>net|gross) proceeds\b[^.]*?\bamounts? to (?:approximately )?"
    rf"(?P<cur>US\$|HK\$|RMB)\s?(?P<v>{_NUMBER})(?:\s*(?P<u>{_UNIT})\b)?"
)


class _Issues:
    """Shares issued on a day at a price, and the aggregate proceeds of the issues listed before."""

    def __init__(self) -> None:
        self.days: list[date] = []

    def read(self, s: Sentence, out: _Collector) -> None:
        for m in _ISSUE.finditer(s.text):
            day = parse_date(m["date"])
            if day is None:
                continue
            self.days.append(day)
            on = Period(day, day)
            ads = m["kind"] == "ADSs"
            out.add("AdsIssued" if ads else "OrdinarySharesIssued", on, Decimal(m["count"].replace(",", "")), 0, s,
                    m["count"])
            price, places = Decimal(m["price"]), len(m["price"].split(".")[1]) if "." in m["price"] else 0
            out.add("IssuePricePerAds" if ads else "IssuePricePerShare", on, price, places, s,
                    m["cur"] + m["price"], _CURRENCY[m["cur"]])
        m = _PROCEEDS.search(s.text)
        if m is None:
            return
        concept = "ProceedsFromIssuanceNet" if m["kind"] == "net" else "ProceedsFromIssuanceGross"
        printed = m["cur"] + m["v"] + (" " + m["u"] if m["u"] else "")
        if not self.days:
            out.skip(concept, printed, "no issue of shares listed before it gives its period", s)
            return
        value, decimals = _number(m["v"], m["u"], 0)
        # the proceeds of the issues listed above: from the first issue to the last
        out.add(concept, Period(min(self.days), max(self.days)), value, decimals, s, printed, _CURRENCY[m["cur"]])
        self.days = []


def _special(s: Sentence, out: _Collector) -> None:
    _exchange_rate(s, out)
    dates = find_dates(s.text)
    if (m := _EMPLOYEES.search(s.text)) and dates:
        out.add("NumberOfEmployees", Period.instant(dates[0]), Decimal(m[1].replace(",", "")), 0, s, m[1])
    if (m := _SHARES.search(s.text)) and dates:
        day = Period.instant(dates[0])
        out.add("OrdinarySharesOutstanding", day, Decimal(m[1].replace(",", "")), 0, s, m[1])
        out.add("AdsEquivalentOfSharesOutstanding", day, Decimal(m[2].replace(",", "")), 0, s, m[2])
    if _GEARING.search(s.text) and dates:
        for day, pct in zip(dates, _PERCENT_TEXT.findall(s.text)):
            value, decimals = _ratio(pct)
            out.add("GearingRatio", Period.instant(day), value, decimals, s, pct + "%")
    if (m := _NET_CURRENT.search(s.text)) and dates:
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
        if len(found) > index:
            sign = -1 if m[1] == "liabilities" else 1
            day = Period.instant(dates[0])
            amount = found[index]
            out.add("NetCurrentAssetsLiabilities", day, sign * amount.value, amount.decimals, s, "RMB", "CNY")
            if amount.usd:
                out.add("NetCurrentAssetsLiabilities", day, sign * amount.usd[0], amount.usd[1], s, "US$", "USD")


# --------------------------------------------------------------------------
# The filing
# --------------------------------------------------------------------------


def reporting_frame(document: Document, table_drafts: list[Draft]) -> tuple[Frame, list[Finding]]:
    """The reporting period: as the filing states it, else its tables' latest revenues period."""
    stated, line, frame = stated_period(document)
    tables = tables_period(table_drafts)
    findings = []
    if stated is not None and tables is not None and stated.end != tables.end:
        findings.append(warning(
            REPORTING_MISMATCH,
            f"the filing states its period ends {stated.end}, its income statement's latest revenues "
            f"period ends {tables.end}; the text's relative periods are read against the stated one",
            file=document.path, line=line,
        ))
    if stated is None:
        frame = Frame(tables)
    return frame, findings


def prose_drafts(
    document: Document, table_drafts: list[Draft]
) -> tuple[list[Draft], list[CellResult], list[Finding]]:
    """Drafts for the key numbers of the text, the numbers considered, and findings."""
    out = _Collector(document.path)
    frame, findings = reporting_frame(document, table_drafts)
    issues = _Issues()
    for sentence in sentences(document):
        _figure_sentences(sentence, frame, out)
        _rates(sentence, frame, out)
        _special(sentence, out)
        issues.read(sentence, out)
    return out.drafts, out.cells, findings + out.findings
