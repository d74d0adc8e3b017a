"""Facts of an HKEX monthly return on movements in securities.

The return's month ("For the month ended: 31 December 2025") gives three
periods: the month itself, the close of the preceding month and the close of
the month.  Columns are found by their header texts, never by position (the
forms shift columns between filings); a header spans the cells up to the
next header, so a value printed one cell to the right is still read.  A blank
cell is no fact, a printed 0 is a fact of zero.

Figures of one share option scheme or share plan carry the typed
``ShareSchemeAxis`` whose value is the scheme's printed name, so a scheme
the taxonomy has never seen converts as well.  Printed figures that should
add up and do not are reported as warnings naming the lines; nothing is
corrected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

from kcxbrl.cover import month_period
from kcxbrl.findings import Finding, warning
from kcxbrl.model import Document, Draft, Member, Number, Period, Provenance, Row, Table, TextLine
from kcxbrl.taxonomy import PREFIX
from kcxbrl.values import parse_date, parse_number

SCHEME_AXIS = f"{PREFIX}:ShareSchemeAxis"

_START = re.compile(r"^monthly return for equity issuer", re.I)
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
_CODE_CONCEPTS = {
    "AA1": "SharesIssuedUnderOptionSchemes",
    "AA2": "TreasurySharesTransferredUnderOptionSchemes",
    "DD1": "SharesIssuedUnderOtherArrangements",
    "DD2": "TreasurySharesTransferredUnderOtherArrangements",
}
_FUNDS = re.compile(r"^total funds raised during the month from exercise of options\s*:\s*(?P<cur>[A-Z]{3})\s*(?P<value>.*)$", re.I)
_TOTAL_CAPITAL = re.compile(r"^total authorised/registered share capital at the end of the month\s*:\s*(?P<cur>[A-Z]{3})\s*(?P<value>.*)$", re.I)
_GRAND_TOTALS = (
    (re.compile(r"total of AA1 to EE1", re.I), "IssuedSharesIncreaseDecreaseAllMovements"),
    (re.compile(r"total of AA2 to EE2", re.I), "TreasurySharesIncreaseDecreaseAllMovements"),
)
_CURRENCIES = frozenset({"USD", "HKD", "RMB", "CNY"})
_PREAMBLE = re.compile(r"^(?:\d+\.\s*class of shares|stock code)", re.I)
_OPENING = re.compile(r"^balance at close of preceding month", re.I)
_CHANGE = re.compile(r"^increase\s*/\s*decrease", re.I)
_CLOSING = re.compile(r"^balance at close of the month", re.I)
_APPROVAL_ROW = re.compile(r"^general meeting approval date(?: \(if applicable\))?\s*(.*)$", re.I)
_ORDINAL = re.compile(r"^\d+\)\.?\s*")
_TEXT_AND_NUMBER = re.compile(r"^(?P<text>.*?\D)\s+(?P<num>[-−–]?\d[\d,]*(?:\.\d+)?)$")

# header text → field, per section; the first pattern that matches wins
_COLUMNS: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "I": (
        (re.compile(r"authorised/registered shares", re.I), "shares"),
        (re.compile(r"par value", re.I), "par"),
        (re.compile(r"share capital", re.I), "capital"),
    ),
    "II": (
        (re.compile(r"excluding treasury", re.I), "excluding"),
        (re.compile(r"number of treasury shares", re.I), "treasury"),
        (re.compile(r"total number of issued", re.I), "total"),
    ),
    "A": (
        (re.compile(r"^particulars", re.I), "name"),
        (re.compile(r"outstanding at close of preceding", re.I), "opening"),
        (re.compile(r"^movement", re.I), "movement"),
        (re.compile(r"outstanding at close of the month", re.I), "closing"),
        (re.compile(r"\(A1\)", re.I), "issued"),
        (re.compile(r"\(A2\)", re.I), "transferred"),
        (re.compile(r"to be granted", re.I), "to_be_granted"),
        (re.compile(r"may be issued", re.I), "issuable"),
    ),
    "D": (
        (re.compile(r"^description of other", re.I), "name"),
        (re.compile(r"approval date", re.I), "approval"),
        (re.compile(r"\(D1\)", re.I), "issued"),
        (re.compile(r"\(D2\)", re.I), "transferred"),
        (re.compile(r"may be issued", re.I), "issuable"),
    ),
}
# (field, concept, period kind) for the company-level tables; kind: open / change / close by row
_TABLE_CONCEPTS = {
    "I": {"shares": ("AuthorisedShares", "AuthorisedSharesIncreaseDecrease"),
          "par": ("ParValuePerShare", None),
          "capital": ("AuthorisedShareCapital", "AuthorisedShareCapitalIncreaseDecrease")},
    "II": {"excluding": ("IssuedSharesExcludingTreasury", "IssuedSharesExcludingTreasuryIncreaseDecrease"),
           "treasury": ("TreasuryShares", "TreasurySharesIncreaseDecrease"),
           "total": ("IssuedSharesTotal", "IssuedSharesTotalIncreaseDecrease")},
}
_SCHEME_CONCEPTS = {
    "issued": "SharesIssuedUnderScheme",
    "transferred": "TreasurySharesTransferredUnderScheme",
    "issuable": "SharesIssuableUnderScheme",
    "to_be_granted": "SharesIssuableForOptionsToBeGranted",
}
_ROLL_FORWARDS = (
    ("AuthorisedShares", "AuthorisedSharesIncreaseDecrease"),
    ("AuthorisedShareCapital", "AuthorisedShareCapitalIncreaseDecrease"),
    ("IssuedSharesExcludingTreasury", "IssuedSharesExcludingTreasuryIncreaseDecrease"),
    ("TreasuryShares", "TreasurySharesIncreaseDecrease"),
    ("IssuedSharesTotal", "IssuedSharesTotalIncreaseDecrease"),
    ("ShareOptionsOutstanding", "ShareOptionsMovement"),
)


@dataclass(frozen=True)
class MonthlyResult:
    drafts: tuple[Draft, ...]
    findings: tuple[Finding, ...]
    consumed: frozenset[int]  # indexes of the tables read here


@dataclass(frozen=True)
class _Span:
    start: int
    end: int  # inclusive
    header: str


@dataclass
class _Reader:
    """Collects drafts and findings while one return is walked."""

    file: str
    month: Period
    drafts: list[Draft] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def period(self, kind: str) -> Period:
        return {"open": self.month.opening(), "close": self.month.closing()}.get(kind, self.month)

    def number(self, concept: str, kind: str, number: Number, line: int, *, currency: str | None = None,
               members: tuple[Member, ...] = (), table: int | None = None, row: str | None = None,
               column: str | None = None) -> None:
        value = Decimal(0) if number.nil else number.value
        source = Provenance(self.file, line, table, row, column)
        self.drafts.append(Draft(concept, self.period(kind), value, number.decimals, source,
                                 currency=currency, members=members))

    def text(self, concept: str, value: str, line: int, *, members: tuple[Member, ...] = (),
             table: int | None = None) -> None:
        self.drafts.append(Draft(concept, self.month, value, None, Provenance(self.file, line, table),
                                 members=members, lang="en"))

    def day(self, concept: str, text: str, line: int, *, members: tuple[Member, ...] = (),
            table: int | None = None) -> None:
        day = parse_date(text)
        if day is None:
            self.warn("kcxbrl:monthlyDateUnread", f"cannot read the date '{text}'", line)
            return
        self.drafts.append(Draft(concept, self.month, day.isoformat(), None, Provenance(self.file, line, table),
                                 members=members))

    def warn(self, code: str, message: str, line: int) -> None:
        self.findings.append(warning(code, message, file=self.file, line=line))


def monthly_facts(document: Document) -> MonthlyResult:
    """Drafts for the monthly return a filing holds, and the tables it used."""
    blocks = document.blocks
    start = next((i for i, b in enumerate(blocks) if isinstance(b, TextLine) and _START.match(b.text)), None)
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
    reader = _Reader(document.path, month_period(day.month, day.year))
    _header_facts(reader, lines)
    section = ""
    consumed: set[int] = set()
    for block in part:
        if isinstance(block, TextLine):
            section = _section(block.text, section)
            _text_totals(reader, block)
            continue
        consumed.add(block.index)
        _table(reader, block, section)
    _check(reader)
    return MonthlyResult(tuple(reader.drafts), tuple(reader.findings), frozenset(consumed))


def _section(text: str, current: str) -> str:
    for pattern, name in _SECTIONS:
        match = pattern.match(text)
        if match:
            return name or match[1].upper()
    return current


def _header_facts(reader: _Reader, lines: list[TextLine]) -> None:
    status = next(((m, t.line) for t in lines if (m := _STATUS.search(t.text))), None)
    if status:
        reader.text("MonthlyReturnStatus", status[0][1], status[1])
    submitted = next(((m, t.line) for t in lines if (m := _SUBMITTED_ON.search(t.text))), None)
    if submitted:
        reader.day("MonthlyReturnDateSubmitted", submitted[0][1], submitted[1])
    for i, line in enumerate(lines):
        by = _SUBMITTED_BY.match(line.text)
        if by is None:
            continue
        reader.text("MonthlyReturnSubmitterName", by[1], line.line)
        title = _TITLE.match(lines[i + 1].text) if i + 1 < len(lines) else None
        if title:
            reader.text("MonthlyReturnSubmitterTitle", title[1], lines[i + 1].line)
        break


def _blank(text: str) -> bool:
    return text.replace("_", "").strip() == ""


def _text_totals(reader: _Reader, line: TextLine) -> None:
    """The `_____ 0 Ordinary shares (DD1)` and funds lines; a blank is no fact."""
    coded = _CODE_TOTAL.search(line.text)
    if coded:
        code, value = coded["code"].upper(), coded["value"].replace("_", "").strip()
        if not value:
            return
        number = parse_number(value)
        concept = _CODE_CONCEPTS.get(code)
        if number is None or concept is None:
            reader.warn("kcxbrl:monthlyTotalUnread", f"cannot read total {code} '{value}'", line.line)
            return
        reader.number(concept, "month", number, line.line, row=line.text)
        return
    for pattern, concept, kind in ((_FUNDS, "FundsRaisedFromOptionExercises", "month"),
                                   (_TOTAL_CAPITAL, "AuthorisedShareCapital", "close")):
        match = pattern.match(line.text)
        if not match:
            continue
        value = match["value"].replace("_", "").strip()
        if not value:
            return
        number = parse_number(value)
        if number is None:
            reader.warn("kcxbrl:monthlyTotalUnread", f"cannot read the amount '{value}'", line.line)
            return
        reader.number(concept, kind, number, line.line, currency=match["cur"].upper(), row=line.text)
        return


def _spans(header: Row, width: int) -> list[_Span]:
    marks = [(i, c.strip()) for i, c in enumerate(header.cells) if c.strip()]
    out = []
    for n, (i, text) in enumerate(marks):
        end = marks[n + 1][0] - 1 if n + 1 < len(marks) else width - 1
        out.append(_Span(i, end, text))
    return out


def _cells(row: Row, span: _Span) -> list[tuple[int, str]]:
    return [(i, row.cells[i].strip()) for i in range(span.start, min(span.end, len(row.cells) - 1) + 1)
            if row.cells[i].strip()]


def _numbers(row: Row, span: _Span) -> list[tuple[int, Number]]:
    out = []
    for i, text in _cells(row, span):
        if text.upper() in _CURRENCIES:
            continue
        number = parse_number(text)
        if number is not None:
            out.append((i, number))
    return out


def _currency(row: Row, index: int) -> str | None:
    """The currency printed nearest to the left of a value cell."""
    for i in range(index - 1, -1, -1):
        if row.cells[i].strip().upper() in _CURRENCIES:
            return row.cells[i].strip().upper()
    return None


def _has_number(row: Row) -> bool:
    return any(parse_number(c) is not None and c.strip() for c in row.cells[1:])


def _table(reader: _Reader, table: Table, section: str) -> None:
    rows = list(table.rows)
    while rows and _PREAMBLE.match(rows[0].label.strip()):
        rows.pop(0)
    if not rows:
        return
    spans = None
    if section in _COLUMNS and not _has_number(rows[0]):
        spans = [s for s in _spans(rows[0], table.width)]
        rows.pop(0)
    handler: Callable[[_Reader, Table, Row, list[_Span], str], bool] | None = None
    if spans is not None and section in _TABLE_CONCEPTS:
        handler = _company_row
    elif spans is not None:
        handler = _SchemeRows().row
    for row in rows:
        if _grand_total(reader, table, row):
            continue
        if handler is not None and handler(reader, table, row, spans or [], section):
            continue
        if _has_number(row):
            reader.warn("kcxbrl:monthlyRowUnread", f"table {table.index} row '{row.label}' of the monthly "
                        f"return ({'section ' + section if section else 'no section'}) is not read", row.line)


def _grand_total(reader: _Reader, table: Table, row: Row) -> bool:
    for pattern, concept in _GRAND_TOTALS:
        if pattern.search(row.label):
            for text in row.cells[1:]:
                number = parse_number(text) if text.strip() else None
                if number is not None:
                    reader.number(concept, "month", number, row.line, table=table.index, row=row.label)
                    break
            return True
    return False


def _field(section: str, header: str) -> str | None:
    for pattern, name in _COLUMNS[section]:
        if pattern.search(header):
            return name
    return None


def _company_row(reader: _Reader, table: Table, row: Row, spans: list[_Span], section: str) -> bool:
    label = row.label.strip()
    kind = "open" if _OPENING.match(label) else "change" if _CHANGE.match(label) else "close" if _CLOSING.match(label) else None
    if kind is None:
        return False
    for span in spans:
        name = _field(section, span.header)
        numbers = _numbers(row, span)
        if name is None:
            if numbers:
                reader.warn("kcxbrl:monthlyColumnUnknown", f"column '{span.header}' of table {table.index} "
                            "is not known; its value is not read", row.line)
            continue
        if not numbers:
            continue
        if len(numbers) > 1:
            reader.warn("kcxbrl:monthlyCellAmbiguous", f"row '{label}' prints {len(numbers)} numbers under "
                        f"'{span.header}'; none is read", row.line)
            continue
        at, number = numbers[0]
        stock, change = _TABLE_CONCEPTS[section][name]
        concept = change if kind == "change" else stock
        if concept is None:
            reader.warn("kcxbrl:monthlyRowUnread", f"'{span.header}' has no movement concept", row.line)
            continue
        currency = _currency(row, at) if name in ("par", "capital") else None
        if name in ("par", "capital") and currency is None:
            reader.warn("kcxbrl:monthlyNoCurrency", f"no currency printed for '{span.header}'", row.line)
            continue
        reader.number(concept, kind, number, row.line, currency=currency, table=table.index,
                      row=label, column=span.header)
    return True


class _SchemeRows:
    """Rows of sections III (A) and (D): one scheme per row, approval date rows after it."""

    def __init__(self) -> None:
        self.last: tuple[Member, ...] | None = None

    def row(self, reader: _Reader, table: Table, row: Row, spans: list[_Span], section: str) -> bool:
        approval = _APPROVAL_ROW.match(row.label.strip())
        if approval:
            text = approval[1] or " ".join(c for c in row.cells[1:] if c.strip())
            if self.last is not None and text.strip():
                reader.day("ShareSchemeApprovalDate", text, row.line, members=self.last, table=table.index)
            return self.last is not None or not text.strip()
        fields = {_field(section, s.header): s for s in spans}
        name_span = fields.get("name")
        if name_span is None or _numbers(row, name_span):
            return False  # a number where the name belongs: not a row of this form
        name = _ORDINAL.sub("", " ".join(t for _, t in _cells(row, name_span))).strip()
        if not name:
            return False
        members = (Member(SCHEME_AXIS, name, typed=True),)
        self.last = members
        for key, span in fields.items():
            if key in (None, "name"):
                if key is None and _numbers(row, span):
                    reader.warn("kcxbrl:monthlyColumnUnknown", f"column '{span.header}' of table "
                                f"{table.index} is not known; its value is not read", row.line)
                continue
            self._cell(reader, table, row, span, key, members, name)
        return True

    def _cell(self, reader: _Reader, table: Table, row: Row, span: _Span, key: str,
              members: tuple[Member, ...], name: str) -> None:
        where = {"table": table.index, "row": name, "column": span.header}
        cells = _cells(row, span)
        if key == "approval":
            if cells:
                reader.day("ShareSchemeApprovalDate", " ".join(t for _, t in cells), row.line,
                           members=members, table=table.index)
            return
        if key == "movement":
            self._movement(reader, row, cells, members, where)
            return
        numbers = _numbers(row, span)
        if not numbers:
            return
        if len(numbers) > 1:
            reader.warn("kcxbrl:monthlyCellAmbiguous", f"'{name}' prints {len(numbers)} numbers under "
                        f"'{span.header}'; none is read", row.line)
            return
        number = numbers[0][1]
        if key in ("opening", "closing"):
            kind = "open" if key == "opening" else "close"
            reader.number("ShareOptionsOutstanding", kind, number, row.line, members=members, **where)  # type: ignore[arg-type]
            return
        kind = "close" if key in ("issuable", "to_be_granted") else "month"
        reader.number(_SCHEME_CONCEPTS[key], kind, number, row.line, members=members, **where)  # type: ignore[arg-type]

    @staticmethod
    def _movement(reader: _Reader, row: Row, cells: list[tuple[int, str]], members: tuple[Member, ...],
                  where: dict[str, object]) -> None:
        """`Others | -85,575` in two cells, or `Exercised - ... -2,370,720` in one."""
        texts: list[str] = []
        numbers: list[Number] = []
        for _, text in cells:
            number = parse_number(text)
            glued = _TEXT_AND_NUMBER.match(text) if number is None else None
            if number is not None:
                numbers.append(number)
            elif glued and (inner := parse_number(glued["num"])) is not None:
                texts.append(glued["text"].strip())
                numbers.append(inner)
            else:
                texts.append(text)
        if len(numbers) > 1:
            reader.warn("kcxbrl:monthlyCellAmbiguous", f"the movement of '{where['row']}' prints "
                        f"{len(numbers)} numbers; none is read", row.line)
            return
        if numbers:
            reader.number("ShareOptionsMovement", "month", numbers[0], row.line, members=members, **where)  # type: ignore[arg-type]
        if texts:
            reader.text("ShareOptionsMovementDescription", " ".join(texts), row.line, members=members,
                        table=where["table"])  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# Consistency checks: reported, never corrected
# --------------------------------------------------------------------------


def _check(reader: _Reader) -> None:
    index: dict[tuple[str, Period, tuple[Member, ...]], Draft] = {}
    for draft in reader.drafts:
        index.setdefault((draft.concept, draft.period, draft.members), draft)
    opening, closing, month = reader.month.opening(), reader.month.closing(), reader.month
    schemes = sorted({d.members for d in reader.drafts if d.members})
    for stock, change in _ROLL_FORWARDS:
        for members in [()] + schemes:
            first, last = index.get((stock, opening, members)), index.get((stock, closing, members))
            move = index.get((change, month, members))
            if first is None or last is None:
                continue
            moved = move.value if move is not None else Decimal(0)
            if first.value + moved != last.value:  # type: ignore[operator]
                lines = ", ".join(str(d.source.line) for d in (first, move, last) if d is not None)
                who = f" of '{members[0].value}'" if members else ""
                reader.warn("kcxbrl:monthlyRollForward", f"{stock}{who}: closing {last.value} is not preceding "
                            f"{first.value} plus movement {moved} (lines {lines})", last.source.line)
    for instant in (opening, closing):
        parts = [index.get((c, instant, ())) for c in ("IssuedSharesExcludingTreasury", "TreasuryShares", "IssuedSharesTotal")]
        if all(parts):
            excluding, treasury, total = parts
            if excluding.value + treasury.value != total.value:  # type: ignore[union-attr, operator]
                lines = ", ".join(sorted({str(d.source.line) for d in parts}))  # type: ignore[union-attr]
                reader.warn("kcxbrl:monthlyIssuedTotal", f"total issued shares {total.value} at {instant.end} "  # type: ignore[union-attr]
                            f"is not {excluding.value} + {treasury.value} treasury shares (lines {lines})",  # type: ignore[union-attr]
                            total.source.line)  # type: ignore[union-attr]
        shares, par, capital = (index.get((c, instant, ())) for c in ("AuthorisedShares", "ParValuePerShare", "AuthorisedShareCapital"))
        if shares and par and capital and par.currency == capital.currency:
            if shares.value * par.value != capital.value:  # type: ignore[operator]
                lines = ", ".join(sorted({str(d.source.line) for d in (shares, par, capital)}))
                reader.warn("kcxbrl:monthlyAuthorisedCapital", f"authorised capital {capital.value} at {instant.end} "
                            f"is not {shares.value} shares x par {par.value} (lines {lines})", capital.source.line)
