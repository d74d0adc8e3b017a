"""Drafts for the key figures of a filing's text, sentence by sentence.

In: a ``Document`` and the drafts of its tables (whose latest revenues period
is the reporting period when the text states none).  Out: drafts, a record of
every figure considered (``CellResult`` with column ``TEXT_COLUMN``), findings.
"""

from __future__ import annotations

import re
from typing import Callable

from kcxbrl.extract.cells import CellResult
from kcxbrl.extract.prose.collect import Collector, emit
from kcxbrl.extract.prose.figures import Sentence, amounts, percents, ratio, sentences
from kcxbrl.extract.prose.phrases import Frame, leading, stated_period, tables_period
from kcxbrl.extract.prose.placing import REASON_REPORTING, Placed, place
from kcxbrl.extract.prose.rules import Anchors, rules
from kcxbrl.text.screen import Lines, Screen
from kcxbrl.extract.prose.shapes import ISSUES_SCREEN, SPECIAL_SCREEN, Issues, special
from kcxbrl.findings import Finding, warning
from kcxbrl.text.currencies import currencies
from kcxbrl.xbrl.model import Document, Draft

REPORTING_MISMATCH = "kcxbrl:reportingPeriodMismatch"


def _clauses(s: Sentence, anchors: Anchors) -> list[tuple[int, str]]:
    found = [(m.start(), concept) for concept, rule in anchors for m in [rule.search(s.text)] if m]
    return sorted(found)


def _figure_sentences(s: Sentence, frame: Frame, out: Collector) -> None:
    """Amounts and percentages of the concepts whose anchors the sentence prints."""
    loaded = rules()
    lead = None
    for kind, anchors, screen in (
        ("amount", loaded.amounts, loaded.amounts_screen), ("percent", loaded.percents, loaded.percents_screen)
    ):
        found = _clauses(s, anchors) if screen.admits(s.text) else []
        if not found:
            continue
        lead = lead or leading(s.text)
        read = (lambda t: amounts(t, s)) if kind == "amount" else percents
        currency = currencies().reporting if kind == "amount" else None
        rest = s.text[found[0][0]:]
        first = read(rest)
        joint = [c for pos, c in found if first and pos < found[0][0] + first[0].start]
        if len(joint) > 1:  # "Fulfillment costs and other costs were X (US$) and Y (US$) this quarter"
            _joint(joint, place(rest, first, frame, lead), s, out, currency)
            continue
        for i, (pos, concept) in enumerate(found):
            end = found[i + 1][0] if i + 1 < len(found) else len(s.text)
            clause = s.text[pos:end]
            figures = first if i == 0 and end == len(s.text) else read(clause)  # (the same text, read once)
            for placed in place(clause, figures, frame, lead):
                emit(concept, placed, s, out, currency)


def _joint(
    concepts: list[str], placed: list[Placed], s: Sentence, out: Collector, currency: str | None
) -> None:
    """Several subjects, then their figures in the same order."""
    for current in (True, False):
        group = [p for p in placed if p.current is current]
        if current and group and group[-1].period is not None:
            # "X and Y, respectively in the first half of 2025": the last words date them all
            group = [p if p.period is not None else Placed(p.figure, group[-1].period, "", True) for p in group]
        if len(group) == len(concepts):
            for concept, p in zip(concepts, group):
                emit(concept, p, s, out, currency)
        else:
            for p in group:
                out.skip(" or ".join(concepts), p.figure.text, "its subject is not told among several", s)


def _rates(s: Sentence, frame: Frame, out: Collector) -> None:
    """Rates of the tax law the notes state: they hold for the reporting period."""
    if not rules().rates_screen.admits(s.text):
        return
    seen: set[str] = set()
    for concept, pattern in rules().rates:
        m: re.Match[str] | None = pattern.search(s.text)
        if m is None or concept in seen:
            continue
        seen.add(concept)
        value, decimals = ratio(m["pct"])
        if frame.reporting is None:
            out.skip(concept, m["pct"] + "%", REASON_REPORTING, s)
            continue
        out.add(concept, frame.reporting, value, decimals, s, m["pct"] + "%")


def reporting_frame(
    document: Document, table_drafts: list[Draft], lines: Lines | None = None
) -> tuple[Frame, list[Finding]]:
    """The reporting period: as the filing states it, else its tables' latest revenues period."""
    stated, line, frame = stated_period(document, lines)
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


def _readers_of_lines(document: Document, lines: Lines, screens: list[Screen]) -> dict[int, tuple[bool, ...]]:
    """For each line (by number), which readers may find something in it."""
    rows = list(zip(*(screen.passing(lines) for screen in screens)))
    found = dict(zip((line.line for line in document.text_lines), rows))
    if len(found) < len(rows):  # lines of one number: what any of them may give
        found = {}
        for line, row in zip(document.text_lines, rows):
            known = found.get(line.line, row)
            found[line.line] = tuple(a or b for a, b in zip(known, row))
    return found


def prose_drafts(
    document: Document, table_drafts: list[Draft]
) -> tuple[list[Draft], list[CellResult], list[Finding]]:
    """Drafts for the key numbers of the text, the numbers considered, and findings."""
    out = Collector(document.path)
    lines = Lines(line.text for line in document.text_lines)  # joined once, for every screen
    frame, findings = reporting_frame(document, table_drafts, lines)
    issues = Issues()
    loaded = rules()
    readers: list[tuple[Screen, Callable[[Sentence], None]]] = [
        (loaded.anchors_screen, lambda s: _figure_sentences(s, frame, out)),
        (loaded.rates_screen, lambda s: _rates(s, frame, out)),
        (SPECIAL_SCREEN, lambda s: special(s, out)),
        (ISSUES_SCREEN, lambda s: issues.read(s, out)),
    ]
    # each reader reads only the sentences of the lines that print what it looks for
    admitted = _readers_of_lines(document, lines, [screen for screen, _ in readers])
    kept = [any(admitted[line.line]) for line in document.text_lines]
    for sentence in sentences(document, kept, lines):
        for (_, read), may in zip(readers, admitted[sentence.line]):
            if may:
                read(sentence)
    return out.drafts, out.cells, findings + out.findings
