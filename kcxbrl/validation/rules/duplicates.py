"""Duplicate facts (XBRL 2.1 section 4.10) sorted the way Arelle sorts them.

Items are duplicates when they have the same name and parent, s-equal
contexts and units, and (for text) the same language.  A duplicate set is

* complete: every fact has the same value and accuracy (info),
* consistent: the values agree within their accuracy, i.e. their
  round-to-nearest value ranges meet and facts with equal decimals have
  equal values (warning),
* inconsistent: anything else, including a nil fact beside a non-nil one
  (warning: XBRL 2.1 section 4.10 allows them, but they make a report
  ambiguous; ``--strict`` and the profiles make it an error).

Arelle reports all three as ``arelle:duplicateFacts`` warnings when run with
``--validateDuplicateFacts``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator, Sequence

from kcxbrl.findings import Finding, info, warning
from kcxbrl.validation.rules import numbers
from kcxbrl.xbrl import calc11
from kcxbrl.validation.rules.report import Fact, Report

INCONSISTENT = "kcxbrl:inconsistentDuplicateFacts"
CONSISTENT = "kcxbrl:consistentDuplicateFacts"
COMPLETE = "kcxbrl:completeDuplicateFacts"
_REF = "XBRL 2.1 section 4.10 (duplicate items)"


def duplicate_sets(report: Report) -> list[tuple[Fact, ...]]:
    """Sets of two or more duplicate items, each in document order."""
    return [facts for facts in report.duplicate_groups.values() if len(facts) > 1]


def classify(facts: Sequence[Fact]) -> str:
    """COMPLETE, CONSISTENT or INCONSISTENT for one duplicate set."""
    nils = [f.nil for f in facts]
    if all(nils):
        return COMPLETE
    if any(nils):
        return INCONSISTENT
    concept = facts[0].concept
    if concept is None or not concept.is_numeric:
        first = " ".join(facts[0].text.split())
        return COMPLETE if all(" ".join(f.text.split()) == first for f in facts) else INCONSISTENT
    values: list[tuple[Decimal, object]] = []
    for fact in facts:
        value = fact.number
        if value is None:
            return INCONSISTENT
        values.append((value, numbers.accuracy(fact)))
    if all(v == values[0][0] and d == values[0][1] for v, d in values):
        return COMPLETE
    known = [(v, d) for v, d in values if d is not numbers.UNKNOWN]  # precision 0 agrees with anything
    if known and calc11.agreed_range(known) is None:  # type: ignore[arg-type]
        return INCONSISTENT
    return CONSISTENT


def check(report: Report) -> Iterator[Finding]:
    for facts in duplicate_sets(report):
        kind = classify(facts)
        first, second = facts[0], facts[1]
        lines = ", ".join(str(f.line) for f in facts)
        values = ", ".join("nil" if f.nil else repr(f.text.strip()[:64]) for f in facts)
        where = {"file": report.file, "line": second.line, "element": second.label, "ref": _REF}
        subject = f"{first.name} in context {first.context_ref}" + (f" unit {first.unit_ref}" if first.unit_ref else "")
        if kind == INCONSISTENT:
            yield warning(INCONSISTENT, f"duplicate facts {subject} disagree: values {values} (lines {lines})", **where)
        elif kind == CONSISTENT:
            yield warning(CONSISTENT, f"duplicate facts {subject} agree only within their accuracy: values {values} "
                          f"(lines {lines})", **where)
        else:
            yield info(COMPLETE, f"fact {subject} is repeated with the same value {values.split(', ')[0]} "
                       f"(lines {lines})", **where)
