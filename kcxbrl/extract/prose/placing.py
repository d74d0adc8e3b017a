"""Placing each figure of a clause in the period its own words give.

In: a clause, its figures, the filing's ``Frame`` and the phrase that opens
the sentence, if any.  Out: each figure ``Placed`` in a period, or with the
reason it has none.  A figure's period comes from the phrase right after it,
a comparison word before it ("year-over-year from RMB722.8 million"), a
phrase of its subject, or the sentence's opening phrase; a US$ convenience
figure is the reporting period's; a figure compared with the comparative of
the period spoken of is that period's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kcxbrl.extract.periods import previous_quarter, year_before
from kcxbrl.extract.prose.figures import Figure
from kcxbrl.extract.prose.phrases import Frame, NeedsReporting, phrase_at, resolve
from kcxbrl.extract.prose.rules import Found, Phrase, rules
from kcxbrl.xbrl.model import Period

REASON_NONE = "no period in its sentence"
REASON_REPORTING = "its period is relative to the reporting period, which the filing does not state"
_LEAD_IN = re.compile(r"^[\s,]*(?:respectively[\s,]*)?")
_WORD_START = re.compile(r"(?<![\w$])\w")


@dataclass(frozen=True)
class Placed:
    figure: Figure
    period: Period | None
    reason: str = ""  # why there is no period
    current: bool = True  # the figure the clause speaks of, not a comparative


@dataclass(frozen=True)
class _Clues:
    """The words around one figure of a clause that tell its period."""

    own: Found | None  # the phrase right after it: "RMB1,353.5 million in the same quarter of 2025"
    subject: Found | None  # a phrase of its subject: "IDC costs for the first quarter of 2026 were RMB..."
    marker: Phrase | None  # a comparison before it: "year-over-year from RMB722.8 million"
    comparative: bool  # compared with another figure ("from", "compared with") rather than spoken of


def _clues(clause: str, figures: list[Figure]) -> list[_Clues]:
    loaded = rules()
    markers = list(zip(loaded.markers, loaded.markers_screens))  # (a screen: most texts print no marker)
    out = []
    for i, fig in enumerate(figures):
        following = clause[fig.end : figures[i + 1].start if i + 1 < len(figures) else len(clause)]
        lead_in = _LEAD_IN.match(following)
        before = clause[figures[i - 1].end if i else 0 : fig.start]
        hits = sorted((m.start(), n) for n, (marker, screen) in enumerate(markers) if screen.admits(before)
                      for m in marker.pattern.finditer(before))
        compared = bool(hits) or (loaded.comparison_screen.admits(before) and bool(loaded.comparison.search(before)))
        out.append(_Clues(
            own=phrase_at(following[lead_in.end() if lead_in else 0 :]),
            subject=_inside(before) if i == 0 else None,
            marker=loaded.markers[hits[-1][1]] if hits else None,  # the comparison nearest the figure
            comparative=compared,
        ))
    return out


def _inside(text: str) -> Found | None:
    """The last period phrase inside a text: the one that begins at the last word
    where one begins (so the words are tried from the end)."""
    for start in reversed([m.start() for m in _WORD_START.finditer(text)]):
        found = phrase_at(text[start:])
        if found is not None:
            return found
    return None


def _attempt(rule: str, m: re.Match[str] | None, base: Period | None, frame: Frame) -> tuple[Period | None, str]:
    try:
        period = resolve(rule, m, base, frame)
    except NeedsReporting:
        return None, REASON_REPORTING
    return period, "" if period else REASON_NONE


def _spoken_of(clues: list[_Clues], lead: Found | None, frame: Frame) -> Period | None:
    """The period a clause speaks of: its first current figure's own words, or the
    sentence's opening phrase, else the reporting period."""
    for clue in clues:
        found = clue.own or clue.subject or lead
        if not clue.comparative and found is not None:
            period, _ = _attempt(found[0].rule, found[1], frame.reporting, frame)
            if period is not None:
                return period
    return frame.reporting


def _one(fig: Figure, clue: _Clues, base: Period | None, frame: Frame, lead: Found | None) -> Placed:
    """One figure's period from its own clues, first the words right after it."""
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
    return Placed(fig, period, reason, not clue.comparative)


def place(clause: str, figures: list[Figure], frame: Frame, lead: Found | None = None) -> list[Placed]:
    """The period of each figure of a clause, from its own words first."""
    clues = _clues(clause, figures)
    base = _spoken_of(clues, lead, frame)
    out = [_one(fig, clue, base, frame, lead) for fig, clue in zip(figures, clues)]
    # a figure compared with the comparative of the period spoken of is that period's
    # ("Gross margin was 15.7%, compared with 17.2% in 2024")
    known = {p.period for p in out if not p.current and p.period is not None}
    if base is not None and known:
        if known & {year_before(base), previous_quarter(base), frame.comparative}:
            out = [Placed(p.figure, base, "", True) if p.current and p.period is None else p for p in out]
    return out
