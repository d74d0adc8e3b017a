"""The ``sec`` profile: EDGAR Filer Manual (volume II, section 6.5) instance rules.

Codes are those of the EDGAR validation in Arelle (``EFM.6.05.NN``), so a
finding can be matched against EDGAR's own messages.  Besides the rules
below, the profile turns four base findings into the EFM rules that forbid
them outright (see :data:`RECODED`).
"""

from __future__ import annotations

import re
from typing import Iterator

from kcxbrl.findings import Finding, Level, error
from kcxbrl.validation.rules import numbers
from kcxbrl.xbrl import calc11, ns
from kcxbrl.validation.rules.contexts import FOREVER
from kcxbrl.validation.rules.report import Report

_CIK = re.compile(r"^[0-9]{10}$")
_DIMENSION_TAGS = frozenset({ns.clark(ns.XBRLDI, "explicitMember"), ns.clark(ns.XBRLDI, "typedMember")})

# base code → (EFM code, level, reference) under the sec profile
RECODED: dict[str, tuple[str, Level, str]] = {
    "kcxbrl:duplicateContext": ("EFM.6.05.07", Level.ERROR, "EFM 6.5.7 (no duplicate contexts)"),
    "kcxbrl:unusedContext": ("EFM.6.05.08", Level.ERROR, "EFM 6.5.8 (no unused contexts)"),
    "kcxbrl:duplicateUnit": ("EFM.6.05.11", Level.ERROR, "EFM 6.5.11 (no duplicate units)"),
    "kcxbrl:inconsistentDuplicateFacts": ("EFM.6.05.12", Level.ERROR, "EFM 6.5.12 (no inconsistent duplicate facts)"),
}


def check(report: Report) -> Iterator[Finding]:
    first_identifier: tuple[str, int | None] | None = None
    for context in report.contexts.values():
        where = {"file": report.file, "line": context.identifier_line, "element": context.id}
        if context.scheme != ns.SEC_CIK:
            yield error("EFM.6.05.01", f"context {context.id} entity scheme is {context.scheme!r}; "
                        f"it must be {ns.SEC_CIK}", ref="EFM 6.5.1", **where)
        if not _CIK.match(context.identifier):
            yield error("EFM.6.05.02", f"context {context.id} entity identifier {context.identifier!r} "
                        "is not a 10-digit CIK", ref="EFM 6.5.2", **where)
        if first_identifier is None:
            first_identifier = (context.identifier, context.identifier_line)
        elif context.identifier != first_identifier[0]:
            yield error("EFM.6.05.03", f"context {context.id} names entity {context.identifier!r} but "
                        f"line {first_identifier[1]} names {first_identifier[0]!r}; all contexts must name one entity",
                        ref="EFM 6.5.3", **where)
        if context.scenario is not None:
            yield error("EFM.6.05.04", f"context {context.id} has a scenario; EDGAR allows a segment only",
                        ref="EFM 6.5.4", file=report.file, line=context.scenario.sourceline, element=context.id)
        if context.segment is not None:
            others = [c for c in context.segment if isinstance(c.tag, str) and c.tag not in _DIMENSION_TAGS]
            if others:
                yield error("EFM.6.05.05", f"context {context.id} segment holds {ns.local_name(others[0].tag)}; "
                            "EDGAR allows dimension members only", ref="EFM 6.5.5",
                            file=report.file, line=others[0].sourceline, element=context.id)
        if context.period.kind == FOREVER:
            yield error("EFM.6.05.38", f"context {context.id} has a forever period", ref="EFM 6.5.38",
                        file=report.file, line=context.line, element=context.id)
    for fact in report.facts:
        concept = fact.concept
        if concept is None or not concept.is_numeric:
            continue
        where = {"file": report.file, "line": fact.line, "element": fact.label}
        if fact.precision is not None:
            yield error("EFM.6.05.17", f"fact {fact.label} uses precision; EDGAR requires decimals",
                        ref="EFM 6.5.17", **where)
        if fact.nil or fact.decimals is None:
            continue
        value = fact.number
        decimals = numbers.accuracy(fact)
        if value is None or decimals is None or decimals is numbers.UNKNOWN:
            continue
        excess = calc11.excess_digits(value, decimals)  # type: ignore[arg-type]
        if excess is not None:
            yield error("EFM.6.05.37", f"fact {fact.label} value {fact.text.strip()} has non-zero digits "
                        f"beyond decimals {decimals} ({format(excess, 'f')}); rounded to its decimals "
                        "it would change", ref="EFM 6.5.37", **where)
