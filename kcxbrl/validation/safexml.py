"""Parse untrusted XML with lxml, safely.

Every document kcxbrl reads (instances, schemas, linkbases) goes through
:func:`parse_file`.  The parser never touches the network, never loads a DTD,
never resolves or expands entities and keeps libxml2's limits on tree size.
A document that carries a document type declaration is refused before lxml
sees it: XBRL documents are defined by XML Schema, not by a DTD, and a DTD is
how entity attacks (external entities, "billion laughs") get in.

Problems come back as findings, never as exceptions:

``kcxbrl:unreadable``   the file cannot be read
``kcxbrl:tooLarge``     the file is bigger than the size limit
``kcxbrl:dtdForbidden`` the document has a DOCTYPE
``kcxbrl:xmlSyntax``    the document is not well-formed XML (Arelle: xmlSchema:syntax)
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from kcxbrl.findings import Finding, error

DEFAULT_MAX_BYTES = 100 * 1024 * 1024

UNREADABLE = "kcxbrl:unreadable"
TOO_LARGE = "kcxbrl:tooLarge"
DTD_FORBIDDEN = "kcxbrl:dtdForbidden"
XML_SYNTAX = "kcxbrl:xmlSyntax"

_XML_REF = "XML 1.0 section 2.1 (well-formed documents)"
_DTD_REF = "XML 1.0 section 2.8 (document type declaration); refused by kcxbrl for safety"

# How far into a document the prolog scan looks for a DOCTYPE; a prolog of
# comments and processing instructions longer than this is refused as well.
_PROLOG_SCAN_CHARS = 64 * 1024


@dataclass(frozen=True)
class Parsed:
    """The outcome of parsing one file: a tree, or the findings that stopped it."""

    path: Path
    tree: etree._ElementTree | None
    findings: tuple[Finding, ...] = ()

    @property
    def root(self) -> etree._Element | None:
        return None if self.tree is None else self.tree.getroot()


class _NoResolver(etree.Resolver):
    """Refuses every external resource the parser might ask for."""

    def resolve(self, url: str | None, pubid: str | None, context: object) -> object:
        return self.resolve_string("", context)


def safe_parser() -> etree.XMLParser:
    """A fresh lxml parser with every feature that reaches outside turned off.

    Meant for documents already in memory (``etree.fromstring``): its
    resolver refuses every address, a file name given to ``etree.parse``
    included; read files with :func:`parse_file`.
    """
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        remove_blank_text=False,
    )
    parser.resolvers.add(_NoResolver())
    return parser


def parse_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Parsed:
    """Read and parse ``path``; the result has a tree or the findings why not."""
    data = read_limited(path, max_bytes=max_bytes)
    if isinstance(data, tuple):
        return Parsed(path, None, data)
    return parse_bytes(data, path=path, max_bytes=max_bytes)


def read_limited(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes | tuple[Finding, ...]:
    """The bytes of ``path``, or the finding why they were not read (unreadable, too large)."""
    where = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return (error(TOO_LARGE, f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes; "
                          "it was not parsed", file=where),)
        return path.read_bytes()
    except OSError as exc:
        return (_unreadable(where, exc),)


def parse_bytes(data: bytes, *, path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Parsed:
    """Parse a document already in memory; ``path`` names it in findings."""
    where = str(path)
    if len(data) > max_bytes:
        return Parsed(
            path,
            None,
            (error(TOO_LARGE, f"document is {len(data):,} bytes, over the limit of {max_bytes:,}", file=where),),
        )
    doctype_line = _doctype_line(data)
    if doctype_line is not None:
        return Parsed(path, None, (_dtd_finding(where, doctype_line),))
    try:
        tree = etree.ElementTree(etree.fromstring(data, safe_parser(), base_url=path.resolve().as_uri()))
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno and exc.lineno > 0 else None
        message = (exc.msg or str(exc)).strip()
        return Parsed(path, None, (error(XML_SYNTAX, f"not well-formed XML: {message}", file=where, line=line, ref=_XML_REF),))
    except (ValueError, etree.LxmlError) as exc:  # e.g. an encoding declaration on str input
        return Parsed(path, None, (error(XML_SYNTAX, f"not well-formed XML: {exc}", file=where, ref=_XML_REF),))
    # The prolog scan covers every encoding lxml reads in practice; this check
    # catches anything it could not decode (EBCDIC and the like).
    docinfo = tree.docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        return Parsed(path, None, (_dtd_finding(where, 1),))
    return Parsed(path, tree)


def _unreadable(where: str, exc: OSError) -> Finding:
    reason = exc.strerror or exc.__class__.__name__
    return error(UNREADABLE, f"cannot read file: {reason}", file=where)


def _dtd_finding(where: str, line: int) -> Finding:
    return error(
        DTD_FORBIDDEN,
        "document has a document type declaration (DOCTYPE); XBRL documents are "
        "defined by XML Schema and a DTD can declare entities, so the document "
        "was refused without being processed",
        file=where,
        line=line,
        ref=_DTD_REF,
    )


def _doctype_line(data: bytes) -> int | None:
    """The line of a DOCTYPE in the prolog, or None if the prolog has none."""
    text = _decode_prolog(data[: _PROLOG_SCAN_CHARS * 4])
    pos = 0
    end = len(text)
    while pos < end:
        # whitespace between prolog items
        while pos < end and text[pos] in " \t\r\n\ufeff":
            pos += 1
        if text.startswith("<?", pos):
            close = text.find("?>", pos + 2)
            if close < 0:
                return None  # let the parser report the broken declaration
            pos = close + 2
        elif text.startswith("<!--", pos):
            close = text.find("-->", pos + 4)
            if close < 0:
                return None
            pos = close + 3
        elif text.startswith("<!", pos):
            # <!DOCTYPE, or any other markup declaration, which only a DTD allows
            return text.count("\n", 0, pos) + 1
        else:
            return None
    return None


def _decode_prolog(head: bytes) -> str:
    """Decode the start of a document well enough to read its prolog."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if head.startswith(bom):
            return head[len(bom) :].decode(codec, errors="replace")
    # Without a byte order mark, "<" in UTF-16 or UTF-32 shows as NUL bytes
    # around 0x3C (XML 1.0 appendix F).
    if head.startswith(b"\x00\x00\x00<"):
        return head.decode("utf-32-be", errors="replace")
    if head.startswith(b"<\x00\x00\x00"):
        return head.decode("utf-32-le", errors="replace")
    if head.startswith(b"\x00<"):
        return head.decode("utf-16-be", errors="replace")
    if head.startswith(b"<\x00"):
        return head.decode("utf-16-le", errors="replace")
    # Every ASCII-compatible encoding spells markup the same way.
    return head.decode("latin-1")
