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

Modules: ``rules`` (prose.toml), ``figures`` (sentences and the figures they
print), ``phrases`` (period phrases and the reporting period), ``placing``
(each figure's period), ``shapes`` (figures with shapes of their own),
``collect`` and ``drafts`` (what the text yields), ``starts`` (the
characters a period phrase can begin with); :mod:`kcxbrl.text.screen` rules
out the lines, sentences and words no pattern can match, so most of the text
is never searched.
"""

from __future__ import annotations

from kcxbrl.extract.periods import half, months_ended, previous_quarter, quarter, year_before
from kcxbrl.extract.prose.collect import PERIOD_UNKNOWN, REPORTING_UNKNOWN, TEXT_COLUMN
from kcxbrl.extract.prose.drafts import REPORTING_MISMATCH, prose_drafts, reporting_frame
from kcxbrl.extract.prose.figures import Figure, Sentence, amounts, percents, sentences
from kcxbrl.extract.prose.phrases import Frame, phrase_at, resolve, stated_period, tables_period
from kcxbrl.extract.prose.placing import Placed, place

__all__ = [
    "PERIOD_UNKNOWN", "REPORTING_MISMATCH", "REPORTING_UNKNOWN", "TEXT_COLUMN", "Figure", "Frame", "Placed",
    "Sentence", "amounts", "half", "months_ended", "percents", "phrase_at", "place", "previous_quarter",
    "prose_drafts", "quarter", "reporting_frame", "resolve", "sentences", "stated_period", "tables_period",
    "year_before",
]
