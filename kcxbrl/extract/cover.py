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

import re
from dataclasses import dataclass
from datetime import date

from kcxbrl.extract.concepts import declared_by
from kcxbrl.extract.entities import Registrant, find_file_number
from kcxbrl.extract.kinds import COVER_TITLE, SIGNATURE_TITLE, FilingKinds
from kcxbrl.extract.periods import month_period
from kcxbrl.text.screen import screen
from kcxbrl.findings import Finding, info, warning
from kcxbrl.xbrl.model import Document, Draft, Member, Period, Provenance, TextLine
from kcxbrl.xbrl.taxonomy import PREFIX
from kcxbrl.text.values import MONTHS, parse_date

_concept = declared_by(__name__)
EXHIBIT_AXIS = f"{PREFIX}:{_concept('ExhibitNumberAxis')}"
_PERIOD_END = _concept("DocumentPeriodEndDate")
_DOCUMENT_TYPE = _concept("DocumentType")
_FILE_NUMBER = _concept("EntityFileNumber")
_REGISTRANT = _concept("EntityRegistrantName")
_REGISTRANT_CHINESE = _concept("EntityRegistrantNameChinese")
_ADDRESS = _concept("EntityAddress")  # the whole address, when its lines are not told apart
_ADDRESS_LINES = tuple(map(_concept, ("EntityAddressAddressLine1", "EntityAddressAddressLine2",
                                      "EntityAddressAddressLine3")))
_CITY = _concept("EntityAddressCityOrTown")
_POSTAL_CODE = _concept("EntityAddressPostalZipCode")
_COUNTRY = _concept("EntityAddressCountryName")
_ANNUAL_REPORT_FORM = _concept("AnnualReportForm")
_TICKER = _concept("TradingSymbol")
_STOCK_CODE = _concept("HkexStockCode")
_EXHIBIT = _concept("ExhibitDescription")
_SIGNATURE_DATE = _concept("SignatureDate")
_SIGNER_NAME = _concept("SignerName")
_SIGNER_TITLE = _concept("SignerTitle")

_MONTH_OF = re.compile(r"^for the month of\s+([A-Za-z]+)\.?,?\s+(\d{4})\b", re.I)
_NAME_NOTE = re.compile(r"^\(exact name of registrant", re.I)
_ADDRESS_NOTE = re.compile(r"^\(address of principal executive offices?\)", re.I)
_FORMS_LINE = re.compile(r"^(?=.*form\s+20-f)(?=.*form\s+40-f).*$", re.I)
_FORM_NAME = re.compile(r"form\s+(20-F|40-F)", re.I)
_MARK = re.compile(r"[☒✓✔☑]|\[[xX]\]|(?<![\w-])[xX](?![\w-])")
_FIELD = re.compile(r"^(date|by|name|title)\s*:\s*(.*)$", re.I)
_ANY_FIELD = re.compile(r"^[A-Za-z][A-Za-z ()/]{0,40}:")
_CITY_LINE = re.compile(r"^(?P<city>[^,\d]+),\s*(?P<zip>\d{4,6}),\s*(?P<country>[^,]+)$")
_CHINESE_NAME = re.compile(r"^[\u4e00-\u9fff（）()]+公司$")
_TICKER_TEXT = re.compile(r"\((?:nasdaq\s+stock\s+ticker)\s*:\s*([A-Z]{1,5})\)|\bNASDAQ\s*:\s*([A-Z]{1,5})\b", re.I)
_STOCK_CODE_TEXT = re.compile(r"\(stock\s+code\s*:\s*(\d{1,5})\)|\bHKEX\s*:\s*(\d{1,5})\b", re.I)
# the words either prints ("NASDAQ", "(stock code", "HKEX"): most lines print none
_LISTING_SCREEN = screen([_TICKER_TEXT, _STOCK_CODE_TEXT])


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
    drafts: list[Draft] = [ctx.day(_PERIOD_END, period.end, month_line)]
    findings: list[Finding] = []
    title = next((line for line in lines if COVER_TITLE.match(line.text)), None)
    if title is not None:
        drafts.append(ctx.text(_DOCUMENT_TYPE, "6-K", title.line))
    file_number = find_file_number(document)
    if file_number is not None:
        drafts.append(ctx.text(_FILE_NUMBER, *file_number))
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
        drafts.append(ctx.text(_EXHIBIT, exhibit.description, exhibit.line, members=(member,)))
    return drafts, findings


def _registrant(lines: tuple[TextLine, ...], ctx: _Ctx) -> list[Draft]:
    out: list[Draft] = []
    for before, line in zip(lines, lines[1:]):
        if _NAME_NOTE.match(line.text):
            out.append(ctx.text(_REGISTRANT, before.text, before.line))
            break
    for line in lines:
        if _CHINESE_NAME.match(line.text):
            out.append(ctx.text(_REGISTRANT_CHINESE, line.text, line.line, lang="zh"))
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
        return [ctx.text(_ADDRESS, text, parts[0].line)]
    out = [
        ctx.text(concept, p.text.rstrip(", "), p.line) for concept, p in zip(_ADDRESS_LINES, parts[:-1])
    ]
    city = parts[-1].line
    out.append(ctx.text(_CITY, last["city"].strip(), city))
    out.append(ctx.text(_POSTAL_CODE, last["zip"], city))
    out.append(ctx.text(_COUNTRY, last["country"].strip(), city))
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
        return [ctx.text(_ANNUAL_REPORT_FORM, marked, line.line)], []
    if registrant is None or registrant.annual_report_form is None:
        return [], [warning("kcxbrl:annualReportFormUnknown", "the cover prints no check mark on "
                            "'Form 20-F Form 40-F' and the entity registry names no form; no fact is written",
                            file=ctx.file, line=line.line)]
    form = registrant.annual_report_form
    return [ctx.text(_ANNUAL_REPORT_FORM, form, line.line)], [info(
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
        if ticker is not None and code is not None:
            break
        if not _LISTING_SCREEN.admits(line.text):
            continue
        if ticker is None and (m := _TICKER_TEXT.search(line.text)):
            ticker = m[1] or m[2]
            out.append(ctx.text(_TICKER, ticker.upper(), line.line))
        if code is None and (m := _STOCK_CODE_TEXT.search(line.text)):
            code = m[1] or m[2]
            out.append(ctx.text(_STOCK_CODE, code, line.line))
    if code is None:
        # a monthly return prints its stock code only in its tables
        for table in document.tables:
            for row in table.rows:
                if row.label.lower().startswith("stock code") and len(row.cells) > 1 and row.cells[1].isdigit():
                    out.append(ctx.text(_STOCK_CODE, row.cells[1], row.line))
                    return out
    return out


def _signature(lines: tuple[TextLine, ...], ctx: _Ctx) -> tuple[list[Draft], list[Finding]]:
    start = next((i for i, t in enumerate(lines) if SIGNATURE_TITLE.match(t.text)), None)
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
                out.append(ctx.day(_SIGNATURE_DATE, day, line.line))
        elif key == "name" and value:
            out.append(ctx.text(_SIGNER_NAME, value, line.line))
        elif key == "title" and value:
            # a long title wraps onto the next line
            last = line.line
            for nxt in block[i + 1 :]:
                if nxt.line != last + 1 or _ANY_FIELD.match(nxt.text) or nxt.text.startswith("("):
                    break
                value += " " + nxt.text
                last = nxt.line
            out.append(ctx.text(_SIGNER_TITLE, value, line.line))
        if seen >= {"date", "name", "title"}:
            break
    if "title" not in seen or "name" not in seen:
        return out, [warning("kcxbrl:coverSignatureIncomplete", "the signature block prints no Name or Title",
                             file=ctx.file, line=lines[start].line)]
    return out, []
