"""Essence-alias consistency of facts (XBRL 2.1 section 5.2.6.2.2).

When an essence-alias relationship joins two concepts, a fact of the
essence and a fact of the alias with the same parent and c-equal contexts
report the same thing: they must have u-equal units and v-equal values
(numbers equal once both are rounded to the lesser accuracy of the two).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from kcxbrl.findings import Finding, error
from kcxbrl.validation.rules import numbers
from kcxbrl.validation.rules.calc21 import round_to
from kcxbrl.validation.rules.report import Fact, Report
from kcxbrl.xbrl import ns

_REF = "XBRL 2.1 section 5.2.6.2.2 (essence-alias)"


def check(report: Report) -> Iterator[Finding]:
    rels = report.dts.base_sets(ns.ESSENCE_ALIAS)
    if not rels:
        return
    by_key: dict[tuple[str, int, object], list[Fact]] = defaultdict(list)
    for fact in report.facts:
        context = report.contexts.get(fact.context_ref or "")
        if fact.concept is None or not fact.concept.is_item or context is None or fact.nil:
            continue
        by_key[(fact.tag, fact.parent, context.key)].append(fact)
    index: dict[str, list[tuple[tuple[int, object], Fact]]] = defaultdict(list)
    for (tag, parent, key), facts in by_key.items():
        index[tag].extend(((parent, key), f) for f in facts)
    for rel in rels:
        aliases: dict[tuple[int, object], list[Fact]] = defaultdict(list)
        for key, fact in index.get(rel.target, ()):
            aliases[key].append(fact)
        for key, essence in index.get(rel.source, ()):
            for alias in aliases.get(key, ()):
                problem = _difference(report, essence, alias)
                if problem:
                    yield error(
                        f"xbrl.5.2.6.2.2:essenceAlias{problem[0]}Inconsistent",
                        f"essence {essence.label} and alias {alias.label} in context {essence.context_ref} "
                        f"disagree: {problem[1]}",
                        file=report.file, line=alias.line, element=alias.label, ref=_REF,
                    )


def _difference(report: Report, a: Fact, b: Fact) -> tuple[str, str] | None:
    assert a.concept is not None
    if a.concept.is_numeric:
        unit_a, unit_b = report.units.get(a.unit_ref or ""), report.units.get(b.unit_ref or "")
        if unit_a is None or unit_b is None:
            return None
        if unit_a.key != unit_b.key:
            return "Units", f"units {a.unit_ref} and {b.unit_ref} differ"
        va, vb = a.number, b.number
        if va is None or vb is None:
            return None
        da, db = numbers.accuracy(a), numbers.accuracy(b)
        if da is numbers.UNKNOWN or db is numbers.UNKNOWN:
            return "Value", "a value of precision 0 cannot be compared"
        places = [d for d in (da, db) if isinstance(d, int)]
        if places:
            va, vb = round_to(va, min(places)), round_to(vb, min(places))
        if va != vb:
            return "Value", f"values {a.text.strip()} and {b.text.strip()} differ"
        return None
    if " ".join(a.text.split()) != " ".join(b.text.split()):
        return "Value", f"values {a.text.strip()[:40]!r} and {b.text.strip()[:40]!r} differ"
    return None
