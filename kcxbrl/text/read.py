"""Read a filing's text into a Document: prose lines, headings and tables.

Filings arrive as plain text, Markdown or text with inline HTML tags, often
mixed in one file.  Every line is normalized on its own, so the original
1-based line numbers survive for provenance.
"""

from __future__ import annotations

import codecs
import html
import logging
import re
from pathlib import Path
from typing import NamedTuple

from kcxbrl.errors import InputError
from kcxbrl.findings import Finding, warning
from kcxbrl.text.memo import text_cache
from kcxbrl.text.plain import plain
from kcxbrl.xbrl.model import Block, Document, Row, Table, TextLine

log = logging.getLogger(__name__)

# Backslash escapes are parked on private-use characters while the markup is
# stripped, so an escaped `*` or `_` is never taken for emphasis.
_PARK = 0xE000
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_PARKED = re.compile("[\ue000-\ue07f]")

# Markers for bold spans; they are dropped once the line has been walked.
_BOLD_ON = "\ue100"
_BOLD_OFF = "\ue101"
_BOLD_FLIP = "\ue102"
_MARKERS = (_BOLD_ON, _BOLD_OFF, _BOLD_FLIP)
_MARKER_SPLIT = re.compile(f"([{_BOLD_ON}{_BOLD_OFF}{_BOLD_FLIP}])")

_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+\.[A-Za-z]+)>")
_SUP = re.compile(r"<sup\b[^>]*>.*?</sup\s*>", re.IGNORECASE)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BOLD_TAG = re.compile(r"<\s*(/?)\s*(?:b|strong)\b[^>]*>", re.IGNORECASE)
_INLINE_TAG = re.compile(
    r"</?\s*(?:i|em|u|a|span|font|small|big|sub|sup|s|strike|del|ins|mark|code|tt)\b[^>]*>",
    re.IGNORECASE,
)
_BLOCK_TAG = re.compile(
    r"</?\s*(?:p|div|center|td|th|tr|table|tbody|thead|tfoot|ul|ol|li|h[1-6]|blockquote|pre)\b[^>]*>",
    re.IGNORECASE,
)
_STARS = re.compile(r"\*+")
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")

_DIGIT = re.compile(r"[0-9]")
# an ASCII word without digits that holds a lower-case letter
_LOWER_WORD = re.compile(r"(?<!\S)[^\s0-9]*[a-z][^\s0-9]*(?!\S)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_HEADING_CLOSE = re.compile(r"\s+#+\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,})$")
_DELIMITER_CELL = re.compile(r"^:?-+:?$")
# A sentence split by a stray tab: several words before it, a full stop at the end.
_SENTENCE_WORDS = 6
_PHRASE_WORDS = 3
_SENTENCE_END = re.compile(r"[.!?][\"'”’)*]*$")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# More NUL bytes than this share of a file: UTF-16 text without its byte order mark.
_NUL_SHARE = 0.05


CONTROL_CHARACTER = "kcxbrl:controlCharacter"
# What no output may carry: the C0 controls but tab (line breaks are split off
# first), U+FFFE, U+FFFF and lone surrogates, none of which XML 1.0 allows;
# DEL and the C1 controls too, which XML allows but which print nothing.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Controls that stand between words become a space, so the words stay apart.
_SPACING = frozenset("\x0b\x0c\x0d\x1c\x1d\x1e\x1f\x85")
_CHAR_REF = re.compile(r"&#(?:(\d+)|[xX]([0-9a-fA-F]+));")
_SUSPECT = re.compile(_CONTROL.pattern + "|&#")  # a control, or a reference that may stand for one
# What _clean may change beyond spacing: escapes, tags, links, emphasis, references,
# controls, and the private-use characters it parks escapes and bold marks on.
_MARKUP = re.compile(r"[\\<\[*&\ue000-\ue07f\ue100-\ue102]|" + _CONTROL.pattern)


class _Cleaned(NamedTuple):
    """One line's text with markup removed, and what its bold spans covered."""

    text: str
    bold_after: bool  # a bold span is still open at the end of the line
    all_bold: bool  # every visible character sat inside a bold span


def read_filing(path: Path, name: str | None = None, encoding: str | None = None) -> Document:
    """Read a filing file into a Document: UTF-8 (a BOM is tolerated), UTF-16
    with a BOM, or the ``encoding`` given; anything else is an InputError."""
    shown = name or path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise InputError(f"{shown}: cannot read the file: {reason}") from exc
    return read_text(decode(data, shown, encoding), shown)


def decode(data: bytes, shown: str, encoding: str | None = None) -> str:
    """The text of a filing's bytes, or an InputError naming the byte and line that fail."""
    if encoding is None and data.startswith(_UTF16_BOMS):
        encoding = "utf-16"
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError as exc:
            raise InputError(f"{shown}: unknown encoding '{encoding}'") from exc
        except UnicodeDecodeError as exc:
            raise InputError(_undecodable(data, exc, shown, f"not {encoding} text", encoding)) from exc
    if data.count(0) > _NUL_SHARE * len(data):
        raise InputError(f"{shown}: not UTF-8 text: {data.count(0)} of {len(data)} bytes are NUL, as in "
                         "UTF-16 without a byte order mark; give --encoding utf-16-le (or utf-16-be)")
    skip = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        shifted = UnicodeDecodeError(exc.encoding, exc.object, exc.start + skip, exc.end + skip, exc.reason)
        raise InputError(_undecodable(data, shifted, shown, "not UTF-8 text", "utf-8",
                                      "; save the file as UTF-8 or give its --encoding")) from exc


def _undecodable(data: bytes, exc: UnicodeDecodeError, shown: str, what: str, encoding: str, hint: str = "") -> str:
    offset = exc.start
    line = data[:offset].decode(encoding, errors="replace").count("\n") + 1
    return f"{shown}: {what}: byte {offset} (line {line}) is 0x{data[offset]:02x}{hint}"


def read_text(text: str, name: str) -> Document:
    """Split a filing's text into TextLines and Tables, keeping line numbers."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n") if "\r" not in text else _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line opens no new line
    lines, findings = _scrub_lines(lines, name)
    lines = [plain(line) for line in lines]
    blocks: list[Block] = []
    pending: list[Row] = []
    tables = 0
    bold = False

    run = 0  # lines of the table being read, delimiter rows included

    def close_table() -> None:
        nonlocal tables, run
        if len(pending) == 1 and run == 1 and _tab_sentence(lines[pending[0].line - 1]):
            # a tab inside a sentence makes no table: the line is read as text, its figures with it
            line = pending[0].line
            block, _ = _text_line(line, lines[line - 1].replace("\t", " "), False)
            if block is not None:
                blocks.append(block)
            pending.clear()
        if pending:
            tables += 1
            blocks.append(Table(index=tables, rows=tuple(pending)))
            pending.clear()
        run = 0

    for number, raw in enumerate(lines, start=1):
        cells = _table_cells(raw)
        if cells is not None:
            bold = False
            run += 1
            # Delimiter rows are part of the table's run but hold no cells.
            if not _is_delimiter(cells):
                pending.append(Row(number, tuple(clean_text(c) for c in cells)))
            continue
        close_table()
        if not raw.strip() or _RULE.match(raw):
            bold = False  # emphasis never runs across a blank line or a rule
            continue
        block, bold = _text_line(number, raw, bold)
        if block is not None:
            blocks.append(block)
    close_table()
    doc = Document(path=name, blocks=tuple(blocks), lines=tuple(lines), findings=tuple(findings))
    log.debug("%s: %d lines, %d tables, %d text lines", name, len(lines), len(doc.tables), len(doc.text_lines))
    return doc


def _scrub_lines(lines: list[str], name: str) -> tuple[list[str], list[Finding]]:
    """Take out the characters no output may carry, one finding per line that had any."""
    if _SUSPECT.search("\n".join(lines)) is None:  # one scan for the common case: nothing to take out
        return lines, []
    scrubbed: list[str] = []
    findings: list[Finding] = []
    for number, raw in enumerate(lines, start=1):
        found = _controls(raw)
        if found:
            points = ", ".join(f"U+{ord(ch):04X}" for ch in sorted(set(found)))
            findings.append(warning(
                CONTROL_CHARACTER,
                f"control or non-XML character(s) {points} taken out of the line "
                "(a space where they stood between words)",
                file=name, line=number,
            ))
            raw = _scrub(_CHAR_REF.sub(_scrub_reference, raw))
        scrubbed.append(raw)
    return scrubbed, findings


def _controls(raw: str) -> list[str]:
    """The forbidden characters of a line, written out or as character references."""
    found = _CONTROL.findall(raw)
    for match in _CHAR_REF.finditer(raw):
        char = _referenced(match)
        if char is not None:
            found.append(char)
    return found


def _referenced(match: re.Match[str]) -> str | None:
    """The forbidden character a reference stands for, read as the markup step
    reads it (HTML's rules: ``&#150;`` is an en dash, not a C1 control), or None."""
    decoded = html.unescape(match.group(0))
    if decoded == "":  # HTML drops a reference to a control; it is reported all the same
        code = int(match.group(1)) if match.group(1) else int(match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else None
    return decoded if _CONTROL.fullmatch(decoded) else None


def _scrub_reference(match: re.Match[str]) -> str:
    char = _referenced(match)
    return match.group(0) if char is None else _scrub(char)


def _scrub(text: str) -> str:
    return _CONTROL.sub(lambda m: " " if m.group(0) in _SPACING else "", text)


@text_cache()
def clean_text(raw: str) -> str:
    """Remove Markdown and HTML inline markup from a piece of text."""
    return _clean(raw, bold=False).text


def _text_line(number: int, raw: str, bold: bool) -> tuple[TextLine | None, bool]:
    heading = False
    body = raw
    if _HEADING.match(raw):
        heading = True
        body = _HEADING_CLOSE.sub("", _HEADING.sub("", raw, count=1))
    cleaned = _clean(body, bold)
    if not cleaned.text:
        return None, cleaned.bold_after
    heading = heading or cleaned.all_bold or _is_capitals(cleaned.text)
    return TextLine(number, cleaned.text, heading), cleaned.bold_after


def _table_cells(raw: str) -> list[str] | None:
    """The raw cells of a table line, or None when the line is not one."""
    stripped = raw.strip()
    if not stripped:
        return None
    if stripped.startswith("|"):
        return _pipe_cells(stripped)
    if "\t" in raw:
        return raw.split("\t")
    return None


def _tab_sentence(raw: str) -> bool:
    """A lone tab-separated line that is a sentence: it ends in a full stop, runs
    to some words, and a cell holds a phrase (a value cell never does)."""
    if raw.strip().startswith("|"):
        return False
    cells = raw.split("\t")
    words = raw.split()
    return (
        len(words) >= _SENTENCE_WORDS
        and bool(_SENTENCE_END.search(raw.rstrip()))
        and any(len(cell.split()) >= _PHRASE_WORDS for cell in cells[1:])
    )


def _pipe_cells(stripped: str) -> list[str]:
    # Escaped pipes (`\|`) belong to the cell text, not to the row's structure.
    parked = _ESCAPE.sub(lambda m: chr(_PARK + ord(m.group(1))), stripped)
    inner = parked[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [_unpark(cell) for cell in inner.split("|")]


def _is_delimiter(cells: list[str]) -> bool:
    """Markdown `|---|:--:|` rows and tab rows made of dashes only."""
    stripped = [c.strip() for c in cells]
    return all(stripped) and all(_DELIMITER_CELL.match(c) for c in stripped)


def _clean(raw: str, bold: bool) -> _Cleaned:
    text = plain(raw).rstrip()
    if _MARKUP.search(text) is None:  # most lines: no markup, escape, reference or control to take out
        if "\t" in text or "  " in text:  # plain() has made every other space a " "
            text = _SPACES.sub(" ", text)
        final = text.strip()
        return _Cleaned(final, bold, bold and bool(final))
    if "\\" in text:
        text = _ESCAPE.sub(lambda m: chr(_PARK + ord(m.group(1))), text)
        if text.endswith("\\"):
            text = text[:-1]  # a Markdown hard line break
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
        text = _SUP.sub("", text)
    if "[" in text:
        text = _LINK.sub(r"\1", text)
    if "<" in text:
        text = _BREAK.sub(" ", text)
        text = _BOLD_TAG.sub(lambda m: _BOLD_OFF if m.group(1) else _BOLD_ON, text)
        text = _INLINE_TAG.sub("", text)
        text = _BLOCK_TAG.sub(" ", text)
    if "*" in text:
        text = _STARS.sub(_star_run, text)
    out: list[str] = []
    seen_bold = seen_plain = False
    for part in _MARKER_SPLIT.split(text):  # runs of text between the bold marks, and the marks
        if part in _MARKERS:
            bold = part == _BOLD_ON or (part == _BOLD_FLIP and not bold)
            continue
        if part.strip():  # a visible character
            if bold:
                seen_bold = True
            else:
                seen_plain = True
        out.append(part)
    # a reference the line scrub did not see (e.g. in a cell passed here alone) is scrubbed too
    joined = _scrub(_ENTITY.sub(lambda m: html.unescape(m.group(0)), "".join(out)))
    final = _SPACES.sub(" ", _unpark(joined)).strip()
    return _Cleaned(final, bold, seen_bold and not seen_plain)


def _star_run(match: re.Match[str]) -> str:
    """Asterisks that open or close emphasis go; a lone `*` between spaces stays."""
    text = match.string
    before = text[match.start() - 1] if match.start() > 0 else " "
    after = text[match.end()] if match.end() < len(text) else " "
    if before.isspace() and after.isspace():
        return match.group(0)
    return _BOLD_FLIP if len(match.group(0)) >= 2 else ""


def _unpark(text: str) -> str:
    return _PARKED.sub(lambda m: chr(ord(m.group(0)) - _PARK), text)


def _is_capitals(text: str) -> bool:
    """A line in capitals with at least two words, e.g. `FINANCIAL HIGHLIGHTS`."""
    # Words with digits (`13a-16`, `6-K`) may carry lower-case letters.
    if text.isascii():  # the same test, with str methods and patterns over whole words
        if _LOWER_WORD.search(text):
            return False
        words = [w for w in text.split() if w.upper() != w.lower()]  # words with a letter
        return len(words) >= 2 and any(not _DIGIT.search(w) for w in words)
    cased = capitals = 0
    for word in text.split():
        lower = any(c.islower() for c in word)
        if not lower and not any(c.isupper() for c in word):
            continue
        cased += 1
        if not any(c.isdigit() for c in word):
            if lower:
                return False  # a word of letters in lower case: no line in capitals
            capitals += 1
    return cased >= 2 and capitals > 0
