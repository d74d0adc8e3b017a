"""What reading the text yields: drafts, a record of every figure considered, findings.

Each figure of a known concept becomes a draft traced to its sentence, or is
recorded as skipped with the reason and reported; none is dropped silently.
"""

from __future__ import annotations

from decimal import Decimal

from kcxbrl.extract.concepts import base_taxonomy
from kcxbrl.extract.cells import CellResult
from kcxbrl.extract.prose.figures import Sentence
from kcxbrl.extract.prose.placing import REASON_NONE, REASON_REPORTING, Placed
from kcxbrl.findings import Finding, warning
from kcxbrl.text.currencies import currencies
from kcxbrl.xbrl.model import Draft, Period, Provenance

TEXT_COLUMN = -1  # the column of a CellResult that records a figure of the text
PERIOD_UNKNOWN = "kcxbrl:prosePeriodUnknown"
REPORTING_UNKNOWN = "kcxbrl:reportingPeriodUnknown"


def _snippet(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "..."


class Collector:
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
    return base_taxonomy().concept(concept).period == "instant"


def emit(concept: str, placed: Placed, s: Sentence, out: Collector, currency: str | None) -> None:
    """A placed figure as a draft (and its convenience translation as another), or as skipped."""
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
        money = currencies()
        out.add(concept, period, fig.usd[0], fig.usd[1], s, money.sign(money.convenience), money.convenience)
