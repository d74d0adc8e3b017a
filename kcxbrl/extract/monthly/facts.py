"""One monthly return walked from its title: heading facts, text lines, tables, then the checks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kcxbrl.extract.concepts import declared_by
from kcxbrl.extract.kinds import MONTHLY_TITLE
from kcxbrl.extract.monthly.checks import check
from kcxbrl.extract.monthly.form import Line, form
from kcxbrl.extract.monthly.reader import Reader
from kcxbrl.extract.monthly.tables import read_table
from kcxbrl.extract.periods import month_period
from kcxbrl.findings import Finding, warning
from kcxbrl.text.values import parse_date, parse_number
from kcxbrl.xbrl.model import Document, Draft, TextLine

_MONTH_ENDED = re.compile(r"for the month ended\s*:\s*(\d{1,2}\s+[A-Za-z]+\s+\d{4})", re.I)
_STATUS = re.compile(r"(?<![A-Za-z])status\s*:\s*(.+?)\s*$", re.I)  # may be glued to a date
_SUBMITTED_ON = re.compile(r"date submitted\s*:\s*(\d{1,2}\s+[A-Za-z]+\s+\d{4})", re.I)
_SUBMITTED_BY = re.compile(r"^submitted by\s*:\s*(.+?)\s*$", re.I)
_TITLE = re.compile(r"^title\s*:\s*(.+?)\s*$", re.I)
_SECTIONS = (
    (re.compile(r"^I\.\s+movements in authorised", re.I), "I"),
    (re.compile(r"^II\.\s+movements in issued", re.I), "II"),
    (re.compile(r"^III\.", re.I), "III"),
    (re.compile(r"^\(([A-E])\)\.?\s", re.I), ""),
    (re.compile(r"^IV\.", re.I), "IV"),
    (re.compile(r"^V\.", re.I), "V"),
)
_CODE_TOTAL = re.compile(r":\s*(?P<value>[^:]*?)\s*ordinary shares\s*\((?P<code>[A-E]{2}[12])\)\s*$", re.I)

_concept = declared_by(__name__)
_STATUS_CONCEPT = _concept("MonthlyReturnStatus")
_SUBMITTED_CONCEPT = _concept("MonthlyReturnDateSubmitted")
_SUBMITTER_CONCEPT = _concept("MonthlyReturnSubmitterName")
_SUBMITTER_TITLE_CONCEPT = _concept("MonthlyReturnSubmitterTitle")


@dataclass(frozen=True)
class MonthlyResult:
    drafts: tuple[Draft, ...]
    findings: tuple[Finding, ...]
    consumed: frozenset[int]  # indexes of the tables read here


def monthly_facts(document: Document) -> MonthlyResult:
    """Drafts for the monthly return a filing holds, and the tables it used."""
    blocks = document.blocks
    start = next((i for i, b in enumerate(blocks) if isinstance(b, TextLine) and MONTHLY_TITLE.match(b.text)), None)
    if start is None:
        return MonthlyResult((), (), frozenset())
    part = blocks[start:]
    lines = [b for b in part if isinstance(b, TextLine)]
    ended = next(((m, t.line) for t in lines if (m := _MONTH_ENDED.search(t.text))), None)
    day = parse_date(ended[0][1]) if ended else None
    if ended is None or day is None:
        where = ended[1] if ended else blocks[start].line
        finding = warning("kcxbrl:monthlyNoMonth", "the monthly return prints no readable "
                          "'For the month ended: <date>'; its figures are not converted", file=document.path, line=where)
        return MonthlyResult((), (finding,), frozenset())
    reader = Reader(document.path, month_period(day.month, day.year), form())
    _header_facts(reader, lines)
    section = ""
    consumed: set[int] = set()
    for block in part:
        if isinstance(block, TextLine):
            section = _section(block.text, section)
            _text_figures(reader, block)
            continue
        consumed.add(block.index)
        read_table(reader, block, section)
    check(reader)
    return MonthlyResult(tuple(reader.drafts), tuple(reader.findings), frozenset(consumed))


def _section(text: str, current: str) -> str:
    for pattern, name in _SECTIONS:
        match = pattern.match(text)
        if match:
            return name or match[1].upper()
    return current


def _header_facts(reader: Reader, lines: list[TextLine]) -> None:
    status = next(((m, t.line) for t in lines if (m := _STATUS.search(t.text))), None)
    if status:
        reader.text(_STATUS_CONCEPT, status[0][1], status[1])
    submitted = next(((m, t.line) for t in lines if (m := _SUBMITTED_ON.search(t.text))), None)
    if submitted:
        reader.day(_SUBMITTED_CONCEPT, submitted[0][1], submitted[1])
    for i, line in enumerate(lines):
        by = _SUBMITTED_BY.match(line.text)
        if by is None:
            continue
        reader.text(_SUBMITTER_CONCEPT, by[1], line.line)
        title = _TITLE.match(lines[i + 1].text) if i + 1 < len(lines) else None
        if title:
            reader.text(_SUBMITTER_TITLE_CONCEPT, title[1], lines[i + 1].line)
        break


def _text_figures(reader: Reader, line: TextLine) -> None:
    """The `_____ 0 Ordinary shares (DD1)` lines, the funds line and figures in remarks."""
    coded = _CODE_TOTAL.search(line.text)
    if coded:
        code, value = coded["code"].upper(), coded["value"].replace("_", "").strip()
        if not value:
            return  # a blank is no fact
        number = parse_number(value)
        concept = reader.form.codes.get(code)
        if number is None or concept is None:
            reader.warn("kcxbrl:monthlyTotalUnread", f"cannot read total {code} '{value}'", line.line)
            return
        reader.number(concept, "month", number, line.line, row=line.text)
        return
    for rule in reader.form.lines + reader.form.remarks:
        match = rule.pattern.search(line.text)
        if match:
            _line_figure(reader, line, rule, match)
            return
    for rule in reader.form.remarks:
        if rule.mentions and rule.mentions in line.text.lower() and re.search(r"\d", line.text):
            reader.warn("kcxbrl:monthlyRemarkUnread", f"the remark names '{rule.mentions}' and prints a figure, "
                        f"but is not read as {rule.concept}: '{line.text}'", line.line)


def _line_figure(reader: Reader, line: TextLine, rule: Line, match: re.Match[str]) -> None:
    value = match["value"].replace("_", "").strip()
    if not value:
        return
    number = parse_number(value)
    if number is None:
        reader.warn("kcxbrl:monthlyTotalUnread", f"cannot read the amount '{value}'", line.line)
        return
    code = reader.form.currency(match["cur"])
    if code is None:
        reader.warn("kcxbrl:monthlyNoCurrency", f"currency '{match['cur']}' is not known", line.line)
        return
    reader.number(rule.concept, rule.period, number, line.line, currency=code, row=line.text)
