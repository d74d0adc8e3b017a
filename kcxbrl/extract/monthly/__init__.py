"""Facts of an HKEX monthly return on movements in securities.

The return's month ("For the month ended: 31 December 2025") gives three
periods: the month itself, the close of the preceding month and the close of
the month.  Columns are found by their header texts, never by position (the
forms shift columns between filings); a header spans the cells up to the
next header, so a value printed one cell to the right is still read.  A blank
cell is no fact, a printed 0 is a fact of zero.

What the form's columns, code totals and sums mean is data
(taxonomy/mapping/monthly.toml), checked against the taxonomy when it is
loaded.  Figures of one share option scheme or share plan carry the typed
``ShareSchemeAxis`` whose value is the scheme's printed name; each other
movement of part III (E) (a repurchase, a cancellation) carries the typed
``OtherMovementAxis`` whose value is the movement's printed number.

Nothing is guessed: a cell that is not a number, a row with more or fewer
cells than its header (a value could sit under the wrong column) and
printed figures that should add up and do not are warnings naming the line;
nothing is corrected.

Modules: ``form`` (the form as data), ``facts`` (a return walked from its
title), ``tables``, ``items`` and ``cells`` (its tables), ``checks`` (the sums).
"""

from __future__ import annotations

from kcxbrl.extract.monthly.facts import MonthlyResult, monthly_facts
from kcxbrl.extract.monthly.form import Form, form, load_form

__all__ = ["Form", "MonthlyResult", "form", "load_form", "monthly_facts"]
