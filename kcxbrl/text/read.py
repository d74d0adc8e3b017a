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
from kcxbrl.text.markup import CONTROL, ESCAPE, SPACES, UNSCRUBBED, has_markup, park, scrub, strip_markup, unpark
from kcxbrl.text.memo import text_cache
from kcxbrl.text.plain import CHANGEABLE, plain
from kcxbrl.xbrl.model import Block, Document, Row, Table, TextLine

log = logging.getLogger(__name__)

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
# Tab, line feed and the printing ASCII characters: what an ASCII line without controls holds.
_PRINTING_ASCII = bytes([0x09, 0x0A, *range(0x20, 0x7F)])
_UNUSUAL = re.compile(f"{UNSCRUBBED.pattern}|{CHANGEABLE.pattern}")
_CHAR_REF = re.compile(r"&#(?:(\d+)|[xX]([0-9a-fA-F]+));")


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
    findings: list[Finding] = []
    scrubbed = _usual(lines)  # most filings: nothing to scrub, nothing plain() would change
    if not scrubbed:
        lines, findings = _scrub_lines(lines, name)
        lines = [line if line.isascii() else plain(line) for line in lines]  # (plain adds no control)
        scrubbed = UNSCRUBBED.search("\n".join(lines)) is None
    blocks = _Blocks(lines, scrubbed).read()
    doc = Document(path=name, blocks=tuple(blocks), lines=tuple(lines), findings=tuple(findings))
    log.debug("%s: %d lines, %d tables, %d text lines", name, len(lines), len(doc.tables), len(doc.text_lines))
    return doc


class _Blocks:
    """A filing's lines read once, top to bottom, into text lines and tables."""

    def __init__(self, lines: list[str], scrubbed: bool) -> None:
        self.lines = lines
        self.scrubbed = scrubbed  # no line holds a control or a private-use character
        self.blocks: list[Block] = []
        self.pending: list[Row] = []  # rows of the table being read
        self.run = 0  # lines of the table being read, delimiter rows included
        self.tables = 0

    def read(self) -> list[Block]:
        bold, scrubbed, add = False, self.scrubbed, self.blocks.append
        for number, raw in enumerate(self.lines, start=1):
            stripped = raw.strip()
            if not stripped:
                if self.run:
                    self.close_table()
                bold = False  # emphasis never runs across a blank line
                continue
            if stripped[0] == "|" or "\t" in raw:
                bold = False
                self.run += 1
                self.row(number, raw, stripped)
                continue
            if self.run:
                self.close_table()
            if stripped[0] in "-*" and _RULE.match(raw):
                bold = False  # nor across a rule
                continue
            block, bold = _text_line(number, raw, bold, scrubbed)
            if block is not None:
                add(block)
        if self.run:
            self.close_table()
        return self.blocks

    def row(self, number: int, raw: str, stripped: str) -> None:
        """A table line; delimiter rows are part of the table's run but hold no cells."""
        if stripped[0] == "|":
            cells = _pipe_cells(stripped)
            if not _is_delimiter(cells):
                self.pending.append(Row(number, tuple([clean_text(cell) for cell in cells])))
            return
        cells = raw.split("\t")
        if stripped[0] in "-:" and _is_delimiter(cells):  # (a delimiter row starts with one of them)
            return
        # each cell as clean_text reads it (the line is plain already); most lines need their spacing only
        if has_markup(raw, self.scrubbed):
            row = tuple([strip_markup(cell, False, self.scrubbed)[0] for cell in cells])
        elif "  " in raw:
            row = tuple([SPACES.sub(" ", cell).strip() for cell in cells])
        else:
            row = tuple([cell.strip() for cell in cells])
        self.pending.append(Row(number, row))

    def close_table(self) -> None:
        pending, lines = self.pending, self.lines
        if len(pending) == 1 and self.run == 1 and _tab_sentence(lines[pending[0].line - 1]):
            # a tab inside a sentence makes no table: the line is read as text, its figures with it
            line = pending[0].line
            block, _ = _text_line(line, lines[line - 1].replace("\t", " "), False, self.scrubbed)
            if block is not None:
                self.blocks.append(block)
            pending.clear()
        if pending:
            self.tables += 1
            self.blocks.append(Table(index=self.tables, rows=tuple(pending)))
            self.pending = []
        self.run = 0


def _usual(lines: list[str]) -> bool:
    """True when no line holds a control, a private-use character, a character
    reference (``&#``) or a character plain() would change: the lines stand as they
    are.  False sends them through the scrub and plain().  (ASCII lines are tested
    as bytes, which is fast; the others with one pattern.)"""
    ascii_lines = "\n".join([line for line in lines if line.isascii()]).encode("ascii")
    if ascii_lines.translate(None, _PRINTING_ASCII) or b"&#" in ascii_lines:  # a C0 control (but tab) or DEL left
        return False
    other = "\n".join([line for line in lines if not line.isascii()])
    return "&#" not in other and _UNUSUAL.search(other) is None


def _scrub_lines(lines: list[str], name: str) -> tuple[list[str], list[Finding]]:
    """Take out the characters no output may carry, one finding per line that had any."""
    joined = "\n".join(lines)
    if "&#" not in joined and CONTROL.search(joined) is None:  # nothing to take out
        return lines, []
    scrubbed = lines
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
            if scrubbed is lines:
                scrubbed = list(lines)
            scrubbed[number - 1] = scrub(_CHAR_REF.sub(_scrub_reference, raw))
    return scrubbed, findings


def _controls(raw: str) -> list[str]:
    """The forbidden characters of a line, written out or as character references."""
    found = CONTROL.findall(raw)
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
    return decoded if CONTROL.fullmatch(decoded) else None


def _scrub_reference(match: re.Match[str]) -> str:
    char = _referenced(match)
    return match.group(0) if char is None else scrub(char)


@text_cache()
def clean_text(raw: str) -> str:
    """Remove Markdown and HTML inline markup from a piece of text."""
    return strip_markup(plain(raw), False)[0]


def _text_line(number: int, raw: str, bold: bool, scrubbed: bool) -> tuple[TextLine | None, bool]:
    """A line of text (already read as plain characters) and the bold state after it."""
    heading = False
    body = raw
    if "#" in raw and _HEADING.match(raw):
        heading = True
        body = _HEADING_CLOSE.sub("", _HEADING.sub("", raw, count=1))
    text, bold, all_bold = strip_markup(body, bold, scrubbed)
    if not text:
        return None, bold
    return TextLine(number, text, heading or all_bold or _is_capitals(text)), bold


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
    parked = ESCAPE.sub(park, stripped)
    inner = parked[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [unpark(cell) for cell in inner.split("|")]


def _is_delimiter(cells: list[str]) -> bool:
    """Markdown `|---|:--:|` rows and tab rows made of dashes only."""
    stripped = [c.strip() for c in cells]
    return all(stripped) and all(_DELIMITER_CELL.match(c) for c in stripped)


def _clean(raw: str, bold: bool) -> _Cleaned:
    return _Cleaned(*strip_markup(plain(raw), bold))


def _is_capitals(text: str) -> bool:
    """A line in capitals with at least two words, e.g. `FINANCIAL HIGHLIGHTS`."""
    # Words with digits (`13a-16`, `6-K`) may carry lower-case letters.
    for word in text.split(None, 2)[:2]:  # prose shows itself in its first words
        if word.isascii() and word.isalpha() and not word.isupper():
            return False  # a word of letters in lower case: no line in capitals
    if text.isascii():  # the same test, with str methods and patterns over whole words
        if _LOWER_WORD.search(text):
            return False
        words = [w for w in text.split() if w.upper() != w.lower()]  # words with a letter
        return len(words) >= 2 and any(not _DIGIT.search(w) for w in words)
    return _capitals_by_words(text)


def _capitals_by_words(text: str) -> bool:
    """``_is_capitals`` read one word at a time, with no short cut (any script)."""
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
