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
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from kcxbrl.extract.cover import month_period
from kcxbrl.errors import TaxonomyError
from kcxbrl.findings import Finding, warning
from kcxbrl.xbrl.model import Document, Draft, Member, Number, Period, Provenance, Row, Table, TextLine
from kcxbrl.resources import taxonomy_dir
from kcxbrl.xbrl.taxonomy import PREFIX, Taxonomy, default_taxonomy
from kcxbrl.text.values import parse_date, parse_number

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
_PREAMBLE = re.compile(r"^(?:\d+\.\s*class of shares|stock code)", re.I)
_OPENING = re.compile(r"^balance at close of preceding month", re.I)
_CHANGE = re.compile(r"^increase\s*/\s*decrease", re.I)
_CLOSING = re.compile(r"^balance at close of the month", re.I)
_APPROVAL_ROW = re.compile(r"^general meeting approval date(?: \(if applicable\))?\s*(.*)$", re.I)
_ORDINAL = re.compile(r"^(\d+)\)\.?\s*")
# words then a signed number, repeated: `Exercised - new shares involved -2,370,720 Lapsed -5,000`
_WORDS_AND_NUMBER = re.compile(r"\s*(?P<text>[^\d]*?[A-Za-z)])?\s*(?P<num>[-−–]?\d[\d,]*(?:\.\d+)?)(?=\s|$)")
_NOT_APPLICABLE = re.compile(r"^(?:n/?a|not applicable)$", re.I)

# Concepts this module names itself; checked against the taxonomy with the form's data.
_STATUS_CONCEPT = "MonthlyReturnStatus"
_SUBMITTED_CONCEPT = "MonthlyReturnDateSubmitted"
_SUBMITTER_CONCEPT = "MonthlyReturnSubmitterName"
_SUBMITTER_TITLE_CONCEPT = "MonthlyReturnSubmitterTitle"
_APPROVAL_CONCEPT = "ShareSchemeApprovalDate"
_EXCLUDING, _TREASURY, _TOTAL = "IssuedSharesExcludingTreasury", "TreasuryShares", "IssuedSharesTotal"
_SHARES, _PAR, _CAPITAL = "AuthorisedShares", "ParValuePerShare", "AuthorisedShareCapital"
_LITERALS = (_STATUS_CONCEPT, _SUBMITTED_CONCEPT, _SUBMITTER_CONCEPT, _SUBMITTER_TITLE_CONCEPT,
             _APPROVAL_CONCEPT, _EXCLUDING, _TREASURY, _TOTAL, _SHARES, _PAR, _CAPITAL)

# --------------------------------------------------------------------------
# The form as data
# --------------------------------------------------------------------------

_READS = {  # what a column holds → the concept types it may be written as
    "name": ("string",), "number": ("shares",), "amount": ("monetary", "perShare"),
    "movement": ("shares",), "date": ("date",),
}
_PERIOD_TYPES = {"open": "instant", "close": "instant", "month": "duration"}


@dataclass(frozen=True)
class _Column:
    header: re.Pattern[str]
    read: str  # name / number / amount / movement / date
    concept: str | None = None  # item sections
    period: str = "month"
    text: str | None = None  # the words of a movement cell
    balance: str | None = None  # balance sections
    movement: str | None = None
    kinds: tuple[tuple[re.Pattern[str], str], ...] = ()  # words of a movement → its concept


@dataclass(frozen=True)
class _Section:
    rows: str  # "balances" (sections I, II) or "items" (part III)
    columns: tuple[_Column, ...]
    axis: str | None = None
    member: str = "name"  # the typed member: the item's printed "name" or "number"
    name: str | None = None  # concept for the item's printed name, if any
    description: str | None = None  # concept for words in a movement row


@dataclass(frozen=True)
class _CodeTotal:
    code: str
    section: str
    parts: tuple[str, ...]


@dataclass(frozen=True)
class _GrandTotal:
    pattern: re.Pattern[str]
    concept: str
    movement: str
    balance: str


@dataclass(frozen=True)
class _Product:
    amount: str
    price: str
    shares: tuple[str, ...]


@dataclass(frozen=True)
class _Line:
    """A figure printed in a line of text: `... options: USD _____ 6,351.41`."""

    pattern: re.Pattern[str]
    concept: str
    period: str
    mentions: str | None = None


@dataclass(frozen=True)
class _Form:
    sections: dict[str, _Section]
    codes: dict[str, str]
    roll_forwards: tuple[tuple[str, str, tuple[str, ...]], ...]  # balance, movement, movement by kind
    code_totals: tuple[_CodeTotal, ...]
    grand_totals: tuple[_GrandTotal, ...]
    products: tuple[_Product, ...]
    lines: tuple[_Line, ...]
    remarks: tuple[_Line, ...]
    currencies: dict[str, str]

    def currency(self, printed: str) -> str | None:
        return self.currencies.get(printed.strip().upper())


@lru_cache(maxsize=1)
def form() -> _Form:
    """The monthly return's data, every concept checked against the default taxonomy."""
    return load_form(taxonomy_dir() / "mapping" / "monthly.toml", default_taxonomy())


def load_form(path: Path, taxonomy: Taxonomy) -> _Form:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        built = _build_form(data)
    except (tomllib.TOMLDecodeError, KeyError, TypeError, re.error) as exc:
        raise TaxonomyError(f"{path}: {exc!r}") from exc
    problems = _check_form(built, taxonomy)
    if problems:
        raise TaxonomyError(f"{path}: " + "; ".join(problems))
    return built


def _build_form(data: dict[str, Any]) -> _Form:
    sections = {}
    for name, spec in data["sections"].items():
        columns = tuple(
            _Column(re.compile(c["header"], re.I), c["read"], c.get("concept"), c.get("period", "month"),
                    c.get("text"), c.get("balance"), c.get("movement"),
                    tuple((re.compile(k["words"], re.I), k["concept"]) for k in c.get("kinds", ())))
            for c in spec["columns"]
        )
        sections[name] = _Section(spec["rows"], columns, spec.get("axis"), spec.get("member", "name"),
                                  spec.get("name"), spec.get("description"))
    return _Form(
        sections=sections,
        codes=dict(data["codes"]),
        roll_forwards=tuple((r["balance"], r["movement"], tuple(r.get("kinds", ()))) for r in data["roll_forwards"]),
        code_totals=tuple(_CodeTotal(c["code"], c["section"], tuple(c["parts"])) for c in data["code_totals"]),
        grand_totals=tuple(_GrandTotal(re.compile(g["pattern"], re.I), g["concept"], g["movement"], g["balance"])
                           for g in data["grand_totals"]),
        products=tuple(_Product(x["amount"], x["price"], tuple(x["shares"])) for x in data.get("products", ())),
        lines=tuple(_Line(re.compile(x["pattern"], re.I), x["concept"], x["period"]) for x in data["lines"]),
        remarks=tuple(_Line(re.compile(x["pattern"], re.I), x["concept"], x["period"], x.get("mentions"))
                      for x in data["remarks"]),
        currencies={k.upper(): v for k, v in data["currencies"].items()},
    )


def _check_form(built: _Form, taxonomy: Taxonomy) -> list[str]:
    """Every concept exists, with the period type and item type its place asks for."""
    wanted: list[tuple[str, str | None, tuple[str, ...] | None]] = [(c, None, None) for c in _LITERALS]
    for name, section in built.sections.items():
        if section.rows not in ("balances", "items") or section.member not in ("name", "number"):
            wanted.append((f"section {name}: rows '{section.rows}', member '{section.member}'", None, None))
        for extra in (section.axis, section.name, section.description):
            if extra:
                wanted.append((extra, None, None))
        for column in section.columns:
            types = _READS.get(column.read)
            if types is None or column.period not in _PERIOD_TYPES:
                wanted.append((f"section {name}: read '{column.read}', period '{column.period}'", None, None))
                continue
            if column.concept:
                wanted.append((column.concept, _PERIOD_TYPES[column.period], types))
            if column.text:
                wanted.append((column.text, "duration", ("string",)))
            if column.balance:
                wanted.append((column.balance, "instant", types))
            if column.movement:
                wanted.append((column.movement, "duration", types))
            wanted += [(concept, "duration", types) for _, concept in column.kinds]
    wanted += [(c, "duration", ("shares",)) for c in built.codes.values()]
    for balance, movement, kinds in built.roll_forwards:
        wanted += [(balance, "instant", None), (movement, "duration", None)]
        wanted += [(kind, "duration", None) for kind in kinds]
    for total in built.code_totals:
        wanted += [(p, "duration", ("shares",)) for p in total.parts]
        if total.code not in built.codes or total.section not in built.sections:
            wanted.append((f"code total {total.code} of section {total.section}", None, None))
    for grand in built.grand_totals:
        wanted += [(grand.concept, "duration", ("shares",)), (grand.movement, "duration", ("shares",)),
                   (grand.balance, "instant", ("shares",))]
    for product in built.products:
        wanted += [(product.amount, None, ("monetary",)), (product.price, None, ("perShare",))]
        wanted += [(c, None, ("shares",)) for c in product.shares]
    for line in built.lines + built.remarks:
        wanted.append((line.concept, _PERIOD_TYPES.get(line.period, "?"), ("monetary", "perShare")))
    problems = []
    for name, period, types in wanted:
        if name not in taxonomy.concepts:
            problems.append(f"unknown concept or setting '{name}'")
            continue
        concept = taxonomy.concepts[name]
        if period and concept.period != period:
            problems.append(f"{name} is {concept.period}, used as {period}")
        if types and concept.type not in types:
            problems.append(f"{name} is of type {concept.type}, used for {'/'.join(types)}")
    return problems


# --------------------------------------------------------------------------
# Walking one return
# --------------------------------------------------------------------------


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
    form: _Form
    drafts: list[Draft] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    sections: dict[tuple[Member, ...], str] = field(default_factory=dict)  # item members → section

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
    reader = _Reader(document.path, month_period(day.month, day.year), form())
    _header_facts(reader, lines)
    section = ""
    consumed: set[int] = set()
    for block in part:
        if isinstance(block, TextLine):
            section = _section(block.text, section)
            _text_figures(reader, block)
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


def _text_figures(reader: _Reader, line: TextLine) -> None:
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
    for rule in reader.form.lines:
        match = rule.pattern.search(line.text)
        if match:
            _line_figure(reader, line, rule, match)
            return
    for rule in reader.form.remarks:
        match = rule.pattern.search(line.text)
        if match:
            _line_figure(reader, line, rule, match)
            return
    for rule in reader.form.remarks:
        if rule.mentions and rule.mentions in line.text.lower() and re.search(r"\d", line.text):
            reader.warn("kcxbrl:monthlyRemarkUnread", f"the remark names '{rule.mentions}' and prints a figure, "
                        f"but is not read as {rule.concept}: '{line.text}'", line.line)


def _line_figure(reader: _Reader, line: TextLine, rule: _Line, match: re.Match[str]) -> None:
    value = match["value"].replace("_", "").strip()
    if not value:
        return
    number = parse_number(value)
    if number is None:
        reader.warn("kcxbrl:monthlyTotalUnread", f"cannot read the amount '{value}'", line.line)
        return
    currency = reader.form.currency(match["cur"])
    if currency is None:
        reader.warn("kcxbrl:monthlyNoCurrency", f"currency '{match['cur']}' is not known", line.line)
        return
    reader.number(rule.concept, rule.period, number, line.line, currency=currency, row=line.text)


# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------


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


def _currency(row: Row, index: int, reader: _Reader) -> str | None:
    """The currency printed nearest to the left of a value cell."""
    for i in range(index - 1, -1, -1):
        found = reader.form.currency(row.cells[i]) if row.cells[i].strip() else None
        if found:
            return found
    return None


def _has_number(row: Row) -> bool:
    return any(parse_number(c) is not None and c.strip() for c in row.cells[1:])


def _column(section: _Section, header: str) -> _Column | None:
    return next((c for c in section.columns if c.header.search(header)), None)


@dataclass(frozen=True)
class _Place:
    """One table's header as read: where each column sits and how many cells a row has."""

    table: Table
    spans: tuple[_Span, ...]
    cells: int
    section: str
    spec: _Section

    def column(self, span: _Span) -> _Column | None:
        return _column(self.spec, span.header)

    def shape_ok(self, reader: _Reader, row: Row) -> bool:
        """A row that has more or fewer cells than its header may hold values under the wrong column."""
        if len(row.cells) == self.cells or not any(c.strip() for c in row.cells[1:]):
            return True
        reader.warn("kcxbrl:rowShapeMismatch", f"row '{row.label.strip()}' of table {self.table.index} "
                    f"(section {self.section}) has {len(row.cells)} cells, its header {self.cells}; "
                    "no value of the row is read", row.line)
        return False


def _table(reader: _Reader, table: Table, section: str) -> None:
    rows = list(table.rows)
    while rows and _PREAMBLE.match(rows[0].label.strip()):
        rows.pop(0)
    if not rows:
        return
    spec = reader.form.sections.get(section)
    place = None
    if spec is not None and _is_header(rows[0], spec, reader.form):
        header = rows.pop(0)
        place = _Place(table, tuple(_spans(header, table.width)), len(header.cells), section, spec)
    items = _ItemRows()
    at = 0
    while at < len(rows):
        row = rows[at]
        at += 1
        if _grand_total(reader, table, row):
            continue
        unread = [row]
        if place is not None and place.spec.rows == "balances":
            if _balance_row(reader, place, row):
                continue
        elif place is not None:
            more = []  # rows that print only further movements of the item above
            while at < len(rows) and not _APPROVAL_ROW.match(row.label.strip()) and _continues(place, rows[at]):
                more.append(rows[at])
                at += 1
            if items.row(reader, place, row, more):
                continue
            unread += more
        for other in unread:
            if _has_number(other):
                reader.warn("kcxbrl:monthlyRowUnread", f"table {table.index} row '{other.label}' of the monthly "
                            f"return ({'section ' + section if section else 'no section'}) is not read", other.line)


def _continues(place: _Place, row: Row) -> bool:
    """A row printing something under the movement header and nothing anywhere else."""
    if _APPROVAL_ROW.match(row.label.strip()):
        return False
    moving = False
    for span in place.spans:
        column = place.column(span)
        if not _cells(row, span):
            continue
        if column is None or column.read != "movement":
            return False
        moving = True
    return moving and not any(c.strip() for c in row.cells[place.cells:])


def _is_header(row: Row, spec: _Section, the_form: _Form) -> bool:
    if _has_number(row) or any(g.pattern.search(row.label) for g in the_form.grand_totals):
        return False
    return any(c.strip() and _column(spec, c.strip()) is not None for c in row.cells)


def _grand_total(reader: _Reader, table: Table, row: Row) -> bool:
    for grand in reader.form.grand_totals:
        if not grand.pattern.search(row.label):
            continue
        printed = [(c.strip(), parse_number(c)) for c in row.cells[1:] if c.strip()]
        numbers = [n for _, n in printed if n is not None]
        unread = [t for t, n in printed if (n is None and re.search(r"\d", t)) or _NOT_APPLICABLE.match(t)]
        for text in unread:
            _not_a_number(reader, text, row.label, table, "total", row.line)
        if len(numbers) > 1:
            reader.warn("kcxbrl:monthlyCellAmbiguous", f"row '{row.label}' prints {len(numbers)} numbers; "
                        "none is read", row.line)
        elif numbers:
            reader.number(grand.concept, "month", numbers[0], row.line, table=table.index, row=row.label)
        return True
    return False


def _not_a_number(reader: _Reader, text: str, label: str, table: Table, header: str, line: int) -> None:
    reader.warn("kcxbrl:cellNotNumber", f"cell '{text}' of row '{label.strip()}' (table {table.index}, "
                f"column '{header}') is not a number; no fact is written", line)


def _numbers(reader: _Reader, place: _Place, row: Row, span: _Span, label: str) -> list[tuple[int, Number]]:
    """The numbers under one header; currency codes are skipped, any other text is reported."""
    out = []
    for i, text in _cells(row, span):
        if reader.form.currency(text):
            continue
        number = None if _NOT_APPLICABLE.match(text) else parse_number(text)
        if number is None:
            _not_a_number(reader, text, label, place.table, span.header, row.line)
            continue
        out.append((i, number))
    return out


def _words(text: str) -> bool:
    """Words describing a movement: no digit, and not a 'not applicable'."""
    return not re.search(r"\d", text) and not _NOT_APPLICABLE.match(text)


def _balance_row(reader: _Reader, place: _Place, row: Row) -> bool:
    label = row.label.strip()
    kind = "open" if _OPENING.match(label) else "change" if _CHANGE.match(label) else "close" if _CLOSING.match(label) else None
    if kind is None:
        return False
    if not place.shape_ok(reader, row):
        return True
    words: list[tuple[int, str]] = []
    for span in place.spans:
        column = place.column(span)
        if kind == "change" and place.spec.description:
            found = [(i, t) for i, t in _cells(row, span) if _words(t) and not reader.form.currency(t)]
            words += found
            taken = {i for i, _ in found}
            row_for_numbers = Row(row.line, tuple("" if i in taken else c for i, c in enumerate(row.cells)))
        else:
            row_for_numbers = row
        if column is None:
            if any(not reader.form.currency(t) for _, t in _cells(row_for_numbers, span)):
                reader.warn("kcxbrl:monthlyColumnUnknown", f"column '{span.header}' of table {place.table.index} "
                            "is not known; its value is not read", row.line)
            continue
        numbers = _numbers(reader, place, row_for_numbers, span, label)
        if not numbers:
            continue
        if len(numbers) > 1:
            reader.warn("kcxbrl:monthlyCellAmbiguous", f"row '{label}' prints {len(numbers)} numbers under "
                        f"'{span.header}'; none is read", row.line)
            continue
        at, number = numbers[0]
        concept = column.movement if kind == "change" else column.balance
        if concept is None:
            reader.warn("kcxbrl:monthlyRowUnread", f"'{span.header}' has no movement concept", row.line)
            continue
        currency = _currency(row, at, reader) if column.read == "amount" else None
        if column.read == "amount" and currency is None:
            reader.warn("kcxbrl:monthlyNoCurrency", f"no currency printed for '{span.header}'", row.line)
            continue
        reader.number(concept, kind, number, row.line, currency=currency, table=place.table.index,
                      row=label, column=span.header)
    if words and place.spec.description:
        reader.text(place.spec.description, " ".join(t for _, t in sorted(words)), row.line,
                    table=place.table.index)
    return True


class _ItemRows:
    """Rows of part III: one scheme or movement per row, approval date rows after a scheme."""

    def __init__(self) -> None:
        self.last: tuple[Member, ...] | None = None
        self.count = 0

    def row(self, reader: _Reader, place: _Place, row: Row, more: list[Row]) -> bool:
        approval = _APPROVAL_ROW.match(row.label.strip())
        if approval:
            text = approval[1] or " ".join(c for c in row.cells[1:] if c.strip())
            if self.last is not None and text.strip():
                reader.day(_APPROVAL_CONCEPT, text, row.line, members=self.last, table=place.table.index)
            return self.last is not None or not text.strip()
        self.last = None
        if not place.shape_ok(reader, row):
            for other in more:
                reader.warn("kcxbrl:monthlyRowUnread", f"row '{other.label.strip()}' continues row {row.line}, "
                            "which is not read; it is not read either", other.line)
            return True
        columns = [(place.column(s), s) for s in place.spans]
        name_span = next((s for c, s in columns if c is not None and c.read == "name"), None)
        if name_span is None:
            return False
        cells = _cells(row, name_span)
        if any(parse_number(t) is not None for _, t in cells):
            return False  # a number where the name belongs: not a row of this form
        printed = " ".join(t for _, t in cells).strip()
        ordinal = _ORDINAL.match(printed)
        name = _ORDINAL.sub("", printed).strip()
        if not name:
            return False
        self.count += 1
        spec = place.spec
        key = name if spec.member == "name" else (ordinal[1] if ordinal else str(self.count))
        members = (Member(f"{PREFIX}:{spec.axis}", key, typed=True),) if spec.axis else ()
        reader.sections[members] = place.section
        self.last = members
        if spec.name:
            reader.text(spec.name, name, row.line, members=members, table=place.table.index)
        for column, span in columns:
            if column is None:
                if any(not reader.form.currency(t) for _, t in _cells(row, span)):
                    reader.warn("kcxbrl:monthlyColumnUnknown", f"column '{span.header}' of table "
                                f"{place.table.index} is not known; its value is not read", row.line)
                continue
            if column.read == "movement":
                self._movement(reader, place, [row, *more], span, column, members, name)
            elif column.read != "name":
                self._cell(reader, place, row, span, column, members, name)
        return True

    def _cell(self, reader: _Reader, place: _Place, row: Row, span: _Span, column: _Column,
              members: tuple[Member, ...], name: str) -> None:
        where = {"table": place.table.index, "row": name, "column": span.header}
        cells = _cells(row, span)
        assert column.concept is not None
        if column.read == "date":
            if cells:
                reader.day(column.concept, " ".join(t for _, t in cells), row.line, members=members,
                           table=place.table.index)
            return
        numbers = _numbers(reader, place, row, span, name)
        if not numbers:
            return
        if len(numbers) > 1:
            reader.warn("kcxbrl:monthlyCellAmbiguous", f"'{name}' prints {len(numbers)} numbers under "
                        f"'{span.header}'; none is read", row.line)
            return
        at, number = numbers[0]
        currency = None
        if column.read == "amount":
            currency = _currency(row, at, reader)
            if currency is None:
                reader.warn("kcxbrl:monthlyNoCurrency", f"no currency printed for '{span.header}' of '{name}'",
                            row.line)
                return
        reader.number(column.concept, column.period, number, row.line, currency=currency, members=members,
                      **where)  # type: ignore[arg-type]

    @staticmethod
    def _movement(reader: _Reader, place: _Place, rows: list[Row], span: _Span, column: _Column,
                  members: tuple[Member, ...], name: str) -> None:
        """`Others | -85,575` in two cells, `Exercised - ... -2,370,720` in one, more rows of the same.

        One movement is the column's concept with its words as description; several are each
        written by their kind (granted, exercised, ...), as the form prints no sum of them.
        """
        entries: list[tuple[str, Number | None, Row]] = []
        for row in rows:
            if row is not rows[0] and not place.shape_ok(reader, row):
                continue
            for _, text in _cells(row, span):
                for words, number in _movement_cell(reader, place, row, span, text, name):
                    if not words and number is not None and entries and entries[-1][1] is None:
                        entries[-1] = (entries[-1][0], number, row)  # the number after its words
                    else:
                        entries.append((words, number, row))
        counted = [(w, n, r) for w, n, r in entries if n is not None]
        texts = [w for w, _, _ in entries if w]
        assert column.concept is not None
        if len(counted) == 1:
            _, number, row = counted[0]
            reader.number(column.concept, column.period, number, row.line, members=members,  # type: ignore[arg-type]
                          table=place.table.index, row=name, column=span.header)
        elif counted:
            _movements_by_kind(reader, place, span, column, members, name, counted)
        if texts and column.text:
            reader.text(column.text, (" " if len(counted) < 2 else "; ").join(texts), rows[0].line,
                        members=members, table=place.table.index)


def _movement_cell(reader: _Reader, place: _Place, row: Row, span: _Span, text: str,
                   name: str) -> list[tuple[str, Number | None]]:
    """A movement cell as (words, number) pairs; a cell that reads as neither is reported."""
    number = None if _NOT_APPLICABLE.match(text) else parse_number(text)
    if number is not None:
        return [("", number)]
    if _words(text):
        return [(text, None)]
    pairs: list[tuple[str, Number | None]] = []
    end = 0
    for match in _WORDS_AND_NUMBER.finditer(text):
        inner = parse_number(match["num"])
        words = (match["text"] or "").strip()
        if match.start() != end or inner is None or not re.search(r"[A-Za-z]", words):
            break  # every figure follows the words naming it
        pairs.append((words, inner))
        end = match.end()
    if pairs and text[end:].strip() == "":
        return pairs
    _not_a_number(reader, text, name, place.table, span.header, row.line)
    return []


def _movements_by_kind(reader: _Reader, place: _Place, span: _Span, column: _Column,
                       members: tuple[Member, ...], name: str, counted: list[tuple[str, Number | None, Row]]) -> None:
    kinds = [_kind(column, words) for words, _, _ in counted]
    for (words, number, row), kind in zip(counted, kinds):
        assert number is not None
        if kind is None or kinds.count(kind) > 1:
            printed = f"{words} {number.text}".strip()
            reader.warn("kcxbrl:monthlyMovementUnread", f"'{name}' prints {len(counted)} movements; '{printed}' "
                        "names no kind of its own (granted, exercised, cancelled, lapsed); it is not read", row.line)
            continue
        reader.number(kind, column.period, number, row.line, members=members, table=place.table.index,
                      row=name, column=span.header)


def _kind(column: _Column, words: str) -> str | None:
    found = {concept for pattern, concept in column.kinds if pattern.search(words)}
    return found.pop() if len(found) == 1 else None


# --------------------------------------------------------------------------
# Consistency checks: reported, never corrected
# --------------------------------------------------------------------------

_Index = dict[tuple[str, Period, tuple[Member, ...]], Draft]


def _check(reader: _Reader) -> None:
    index: _Index = {}
    for draft in reader.drafts:
        index.setdefault((draft.concept, draft.period, draft.members), draft)
    _check_roll_forwards(reader, index)
    _check_issued_total(reader, index)
    _check_code_totals(reader, index)
    _check_grand_totals(reader, index)
    _check_products(reader, index)


def _lines(*drafts: Draft | None) -> str:
    return ", ".join(str(n) for n in sorted({d.source.line for d in drafts if d is not None}))


def _check_roll_forwards(reader: _Reader, index: _Index) -> None:
    opening, closing, month = reader.month.opening(), reader.month.closing(), reader.month
    schemes = sorted({d.members for d in reader.drafts if d.members})
    for stock, change, kinds in reader.form.roll_forwards:
        for members in [()] + schemes:
            first, last = index.get((stock, opening, members)), index.get((stock, closing, members))
            if first is None or last is None:
                continue
            move = index.get((change, month, members))
            # a return printing several movements of one scheme prints each by its kind
            moves = [move] if move is not None else [d for k in kinds if (d := index.get((k, month, members)))]
            moved = sum((d.value for d in moves), Decimal(0))  # type: ignore[misc]
            if first.value + moved != last.value:  # type: ignore[operator]
                lines = _lines(first, *moves, last)
                who = f" of '{members[0].value}'" if members else ""
                reader.warn("kcxbrl:monthlyRollForward", f"{stock}{who}: closing {last.value} is not preceding "
                            f"{first.value} plus movement {moved} (lines {lines})", last.source.line)


def _check_issued_total(reader: _Reader, index: _Index) -> None:
    for instant in (reader.month.opening(), reader.month.closing()):
        parts = [index.get((c, instant, ())) for c in (_EXCLUDING, _TREASURY, _TOTAL)]
        excluding, treasury, total = parts
        if excluding and treasury and total:
            if excluding.value + treasury.value != total.value:  # type: ignore[operator]
                reader.warn("kcxbrl:monthlyIssuedTotal", f"total issued shares {total.value} at {instant.end} "
                            f"is not {excluding.value} + {treasury.value} treasury shares "
                            f"(lines {_lines(*parts)})", total.source.line)
        shares, par, capital = (index.get((c, instant, ())) for c in (_SHARES, _PAR, _CAPITAL))
        if shares and par and capital and par.currency == capital.currency:
            if shares.value * par.value != capital.value:  # type: ignore[operator]
                reader.warn("kcxbrl:monthlyAuthorisedCapital", f"authorised capital {capital.value} at "
                            f"{instant.end} is not {shares.value} shares x par {par.value} "
                            f"(lines {_lines(shares, par, capital)})", capital.source.line)


def _check_code_totals(reader: _Reader, index: _Index) -> None:
    """`(AA1)` is the sum of the rows of part (A) it counts, and so on."""
    for rule in reader.form.code_totals:
        total = index.get((reader.form.codes[rule.code], reader.month, ()))
        if total is None:
            continue
        rows = [d for d in reader.drafts if d.concept in rule.parts and d.period == reader.month
                and d.members and reader.sections.get(d.members) == rule.section]
        summed = sum((d.value for d in rows), Decimal(0))  # type: ignore[misc]
        if summed != total.value:
            reader.warn("kcxbrl:monthlyCodeTotal", f"total {rule.code} {total.value} is not the sum {summed} of "
                        f"{' + '.join(rule.parts)} in part ({rule.section}) (lines {_lines(total, *rows)})",
                        total.source.line)


def _check_grand_totals(reader: _Reader, index: _Index) -> None:
    """The totals of AA1 to EE1 and AA2 to EE2 are the movements of section II."""
    opening, closing, month = reader.month.opening(), reader.month.closing(), reader.month
    for rule in reader.form.grand_totals:
        total = index.get((rule.concept, month, ()))
        if total is None:
            continue
        move = index.get((rule.movement, month, ()))
        first, last = index.get((rule.balance, opening, ())), index.get((rule.balance, closing, ()))
        if move is not None:
            moved, shown = move.value, (move,)
        elif first is not None and last is not None:
            moved, shown = last.value - first.value, (first, last)  # type: ignore[operator]
        else:
            continue
        if moved != total.value:
            reader.warn("kcxbrl:monthlyGrandTotal", f"{rule.concept} {total.value} is not the movement {moved} "
                        f"of {rule.balance} in section II (lines {_lines(total, *shown)})", total.source.line)


def _check_products(reader: _Reader, index: _Index) -> None:
    """Amount paid = shares x price per share, within the rounding of both printed figures."""
    items = sorted({d.members for d in reader.drafts if d.members})
    for rule in reader.form.products:
        for members in items:
            amount = index.get((rule.amount, reader.month, members))
            price = index.get((rule.price, reader.month, members))
            counts = [d for c in rule.shares if (d := index.get((c, reader.month, members))) is not None]
            if amount is None or price is None or not counts or amount.currency != price.currency:
                continue
            shares = max(abs(d.value) for d in counts)  # type: ignore[arg-type]
            slack = (shares * Decimal(1).scaleb(-(price.decimals or 0))  # type: ignore[operator]
                     + Decimal(1).scaleb(-(amount.decimals or 0))) / 2
            if abs(amount.value - shares * price.value) > slack:  # type: ignore[operator]
                reader.warn("kcxbrl:monthlyAmountPaid", f"amount paid {amount.value} of '{members[0].value}' is not "
                            f"{shares} shares x {price.value} per share (line {amount.source.line})",
                            amount.source.line)
