"""Cover facts of a Form 6-K: document, registrant, signature, exhibits.

All cover facts sit in the duration of the 6-K's month ("For the month of
March 2026" is 2026-03-01/2026-03-31); names follow the SEC dei vocabulary
where dei has a concept (taxonomy/src/cover.toml records the counterpart).

Exhibits are modelled as one ``ExhibitDescription`` fact per exhibit whose
context carries the typed ``ExhibitNumberAxis`` with the number as printed
("99.1"): exhibit numbers are open-ended, so no list of explicit members
could hold them all, and the number stays a readable aspect of the fact.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from kcxbrl.extract.entities import Registrant
from kcxbrl.findings import Finding, info, warning
from kcxbrl.extract.kinds import FilingKinds
from kcxbrl.xbrl.model import Document, Draft, Member, Period, Provenance, TextLine
from kcxbrl.xbrl.taxonomy import PREFIX
from kcxbrl.text.values import MONTHS, parse_date

EXHIBIT_AXIS = f"{PREFIX}:ExhibitNumberAxis"

_MONTH_OF = re.compile(r"^for the month of\s+([A-Za-z]+)\.?,?\s+(\d{4})\b", re.I)
_FORM = re.compile(r"^form\s+6-k$", re.I)
_FILE_NUMBER = re.compile(r"Commission\s+file\s+number\s*:?\s*(\d{3}-\d{4,6})", re.I)
_NAME_NOTE = re.compile(r"^\(exact name of registrant", re.I)
_ADDRESS_NOTE = re.compile(r"^\(address of principal executive offices?\)", re.I)
_FORMS_LINE = re.compile(r"^(?=.*form\s+20-f)(?=.*form\s+40-f).*$", re.I)
_FORM_NAME = re.compile(r"form\s+(20-F|40-F)", re.I)
_MARK = re.compile(r"[☒✓✔☑]|\[[xX]\]|(?<![\w-])[xX](?![\w-])")
_SIGNATURE = re.compile(r"^signatures?$", re.I)
_FIELD = re.compile(r"^(date|by|name|title)\s*:\s*(.*)$", re.I)
_ANY_FIELD = re.compile(r"^[A-Za-z][A-Za-z ()/]{0,40}:")
_CITY_LINE = re.compile(r"^(?P<city>[^,\d]+),\s*(?P<zip>\d{4,6}),\s*(?P<country>[^,]+)$")
_CHINESE_NAME = re.compile(r"^[\u4e00-\u9fff（）()]+公司$")
_TICKER = re.compile(r"\((?:nasdaq\s+stock\s+ticker)\s*:\s*([A-Z]{1,5})\)|\bNASDAQ\s*:\s*([A-Z]{1,5})\b", re.I)
_STOCK_CODE = re.compile(r"\(stock\s+code\s*:\s*(\d{1,5})\)|\bHKEX\s*:\s*(\d{1,5})\b", re.I)


@dataclass(frozen=True)
class _Ctx:
    """What every cover draft shares: the file and the 6-K's month."""

    file: str
    period: Period

    def text(self, concept: str, value: str, line: int, lang: str = "en",
             members: tuple[Member, ...] = ()) -> Draft:
        return Draft(concept, self.period, value, None, Provenance(self.file, line), members=members, lang=lang)

    def day(self, concept: str, value: date, line: int) -> Draft:
        return Draft(concept, self.period, value.isoformat(), None, Provenance(self.file, line))


def month_period(month: int, year: int) -> Period:
    return Period(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def cover_month(lines: tuple[TextLine, ...]) -> tuple[Period, int] | None:
    for line in lines:
        match = _MONTH_OF.match(line.text)
        if match and match[1].lower() in MONTHS:
            return month_period(MONTHS[match[1].lower()], int(match[2])), line.line
    return None


def cover_facts(
    document: Document, kinds: FilingKinds, registrant: Registrant | None
) -> tuple[list[Draft], list[Finding]]:
    """Drafts for the cover page; an unreadable part is a warning, never a guess."""
    lines = document.text_lines
    source = document.path
    found = cover_month(lines)
    if found is None:
        return [], [warning("kcxbrl:coverNoMonth", "the cover prints no 'For the month of <Month> <Year>'; "
                            "no cover facts are written", file=source, line=1)]
    period, month_line = found
    ctx = _Ctx(source, period)
    drafts: list[Draft] = [ctx.day("DocumentPeriodEndDate", period.end, month_line)]
    findings: list[Finding] = []
    for line in lines:
        if _FORM.match(line.text):
            drafts.append(ctx.text("DocumentType", "6-K", line.line))
            break
    for line in lines:
        match = _FILE_NUMBER.search(line.text)
        if match:
            drafts.append(ctx.text("EntityFileNumber", match[1], line.line))
            break
    drafts += _registrant(lines, ctx)
    drafts += _address(lines, ctx)
    more, more_findings = _annual_form(lines, ctx, registrant)
    drafts += more
    findings += more_findings
    drafts += _listing(document, ctx)
    more, more_findings = _signature(lines, ctx)
    drafts += more
    findings += more_findings
    for exhibit in kinds.exhibits:
        member = Member(EXHIBIT_AXIS, exhibit.number, typed=True)
        drafts.append(ctx.text("ExhibitDescription", exhibit.description, exhibit.line, members=(member,)))
    return drafts, findings


def _registrant(lines: tuple[TextLine, ...], ctx: _Ctx) -> list[Draft]:
    out: list[Draft] = []
    for before, line in zip(lines, lines[1:]):
        if _NAME_NOTE.match(line.text):
            out.append(ctx.text("EntityRegistrantName", before.text, before.line))
            break
    for line in lines:
        if _CHINESE_NAME.match(line.text):
            out.append(ctx.text("EntityRegistrantNameChinese", line.text, line.line, lang="zh"))
            break
    return out


def _address(lines: tuple[TextLine, ...], ctx: _Ctx) -> list[Draft]:
    """Address lines run from the registrant's name note to the address note."""
    start = next((i for i, t in enumerate(lines) if _NAME_NOTE.match(t.text)), None)
    end = next((i for i, t in enumerate(lines) if _ADDRESS_NOTE.match(t.text)), None)
    if start is None or end is None or not 0 < end - start - 1 <= 4:
        return []
    parts = lines[start + 1 : end]
    last = _CITY_LINE.match(parts[-1].text)
    if last is None or len(parts) > 4:
        text = ", ".join(p.text.rstrip(", ") for p in parts)
        return [ctx.text("EntityAddress", text, parts[0].line)]
    out = [
        ctx.text(f"EntityAddressAddressLine{n}", p.text.rstrip(", "), p.line)
        for n, p in zip(("1", "2", "3"), parts[:-1])
    ]
    city = parts[-1].line
    out.append(ctx.text("EntityAddressCityOrTown", last["city"].strip(), city))
    out.append(ctx.text("EntityAddressPostalZipCode", last["zip"], city))
    out.append(ctx.text("EntityAddressCountryName", last["country"].strip(), city))
    return out


def _annual_form(
    lines: tuple[TextLine, ...], ctx: _Ctx, registrant: Registrant | None
) -> tuple[list[Draft], list[Finding]]:
    """The form ticked on the cover; the registry's when the mark is lost."""
    line = next((t for t in lines if _FORMS_LINE.match(t.text) and not t.text.lower().startswith("indicate")), None)
    if line is None:
        return [], []
    marked = _marked_form(line.text)
    if marked:
        return [ctx.text("AnnualReportForm", marked, line.line)], []
    if registrant is None or registrant.annual_report_form is None:
        return [], [warning("kcxbrl:annualReportFormUnknown", "the cover prints no check mark on "
                            "'Form 20-F Form 40-F' and the entity registry names no form; no fact is written",
                            file=ctx.file, line=line.line)]
    form = registrant.annual_report_form
    return [ctx.text("AnnualReportForm", form, line.line)], [info(
        "kcxbrl:annualReportFormFromRegistry",
        f"the cover prints no check mark on '{line.text}'; AnnualReportForm {form} is taken from the "
        f"entity registry (taxonomy/mapping/entities.toml)",
        file=ctx.file, line=line.line,
    )]


def _marked_form(text: str) -> str | None:
    """`Form 20-F ☒ Form 40-F ☐` or `☒ Form 20-F ☐ Form 40-F`: the ticked form."""
    forms = list(_FORM_NAME.finditer(text))
    for mark in _MARK.finditer(text):
        before = [f for f in forms if f.end() <= mark.start()]
        after = [f for f in forms if f.start() >= mark.end()]
        # a mark printed after a form name belongs to it, unless it opens the line
        if before and text[before[-1].end() : mark.start()].strip() == "":
            return before[-1][1].upper()
        if after and text[mark.end() : after[0].start()].strip() == "":
            return after[0][1].upper()
    return None


def _listing(document: Document, ctx: _Ctx) -> list[Draft]:
    out: list[Draft] = []
    ticker = code = None
    for line in document.text_lines:
        if ticker is None and (m := _TICKER.search(line.text)):
            ticker = m[1] or m[2]
            out.append(ctx.text("TradingSymbol", ticker.upper(), line.line))
        if code is None and (m := _STOCK_CODE.search(line.text)):
            code = m[1] or m[2]
            out.append(ctx.text("HkexStockCode", code, line.line))
    if code is None:
        # a monthly return prints its stock code only in its tables
        for table in document.tables:
            for row in table.rows:
                if row.label.lower().startswith("stock code") and len(row.cells) > 1 and row.cells[1].isdigit():
                    out.append(ctx.text("HkexStockCode", row.cells[1], row.line))
                    return out
    return out


def _signature(lines: tuple[TextLine, ...], ctx: _Ctx) -> tuple[list[Draft], list[Finding]]:
    start = next((i for i, t in enumerate(lines) if _SIGNATURE.match(t.text)), None)
    if start is None:
        return [], [warning("kcxbrl:coverNoSignature", "the cover prints no SIGNATURE block",
                            file=ctx.file, line=1)]
    out: list[Draft] = []
    seen: set[str] = set()
    block = lines[start + 1 : start + 16]
    for i, line in enumerate(block):
        match = _FIELD.match(line.text)
        if not match or match[1].lower() in seen:
            continue
        key, value = match[1].lower(), match[2].strip()
        seen.add(key)
        if key == "date":
            day = parse_date(value)
            if day is not None:
                out.append(ctx.day("SignatureDate", day, line.line))
        elif key == "name" and value:
            out.append(ctx.text("SignerName", value, line.line))
        elif key == "title" and value:
            # a long title wraps onto the next line
            last = line.line
            for nxt in block[i + 1 :]:
                if nxt.line != last + 1 or _ANY_FIELD.match(nxt.text) or nxt.text.startswith("("):
                    break
                value += " " + nxt.text
                last = nxt.line
            out.append(ctx.text("SignerTitle", value, line.line))
        if seen >= {"date", "name", "title"}:
            break
    if "title" not in seen or "name" not in seen:
        return out, [warning("kcxbrl:coverSignatureIncomplete", "the signature block prints no Name or Title",
                             file=ctx.file, line=lines[start].line)]
    return out, []
