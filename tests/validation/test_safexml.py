"""kcxbrl.validation.safexml: untrusted XML parsed without reaching outside,
and every refusal a finding with its code and line."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from lxml import etree

from kcxbrl.findings import Level
from kcxbrl.validation.safexml import (
    DTD_FORBIDDEN, TOO_LARGE, UNREADABLE, XML_SYNTAX, parse_bytes, parse_file, safe_parser,
)

PLAIN = b'<?xml version="1.0"?>\n<!-- a comment -->\n<a x="1"><b>text</b></a>\n'
LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE a [\n<!ENTITY l "lol">\n<!ENTITY l2 "&l;&l;&l;&l;&l;">\n]>\n'
          b"<a>&l2;</a>\n")


def _codes(parsed) -> list[tuple[str, int | None]]:
    return [(f.code, f.line) for f in parsed.findings]


def test_a_plain_document_parses_with_its_text() -> None:
    parsed = parse_bytes(PLAIN, path=Path("plain.xml"))
    assert parsed.findings == ()
    assert parsed.root.tag == "a" and parsed.root.get("x") == "1" and parsed.root.findtext("b") == "text"


def test_an_entity_expansion_is_refused_before_parsing_at_the_doctype_line() -> None:
    parsed = parse_bytes(LAUGHS, path=Path("laughs.xml"))
    assert parsed.tree is None and parsed.root is None
    assert _codes(parsed) == [(DTD_FORBIDDEN, 2)]
    assert parsed.findings[0].level is Level.ERROR and "DOCTYPE" in parsed.findings[0].message


def test_an_external_entity_file_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    data = (f'<!DOCTYPE a [<!ENTITY s SYSTEM "{secret.as_uri()}">]><a>&s;</a>').encode()
    parsed = parse_bytes(data, path=tmp_path / "xxe.xml")
    assert _codes(parsed) == [(DTD_FORBIDDEN, 1)]
    assert all("TOP-SECRET" not in f.message for f in parsed.findings)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_a_doctype_is_found_in_wide_encodings_too(codec: str) -> None:
    text = '<?xml version="1.0"?>\n\n<!DOCTYPE a SYSTEM "a.dtd">\n<a/>\n'
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[codec]
    for data in (bom + text.encode(codec), text.encode(codec)):
        assert _codes(parse_bytes(data, path=Path("wide.xml"))) == [(DTD_FORBIDDEN, 3)]


def test_not_well_formed_is_a_syntax_finding_with_its_line() -> None:
    parsed = parse_bytes(b"<a>\n<b>\n</a>\n", path=Path("broken.xml"))
    [(code, line)] = _codes(parsed)
    assert code == XML_SYNTAX and line == 3
    assert parsed.findings[0].message.startswith("not well-formed XML: ")


def test_size_limit_and_unreadable_file(tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    big.write_bytes(PLAIN)
    [finding] = parse_file(big, max_bytes=10).findings
    assert finding.code == TOO_LARGE
    assert finding.message == f"file is {len(PLAIN):,} bytes, over the limit of 10 bytes; it was not parsed"
    assert _codes(parse_bytes(PLAIN, path=big, max_bytes=10)) == [(TOO_LARGE, None)]
    assert _codes(parse_file(tmp_path / "missing.xml")) == [(UNREADABLE, None)]
    assert parse_file(big).root.findtext("b") == "text"


def test_the_safe_parser_resolves_no_entity_and_no_file(tmp_path: Path) -> None:
    parser = safe_parser()
    outside = tmp_path / "outside.xml"
    outside.write_text("<inside/>", encoding="utf-8")
    include = f'<a xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="{outside.as_uri()}"/></a>'
    root = etree.fromstring(include.encode(), parser)
    with pytest.raises(etree.XIncludeError):
        etree.ElementTree(root).xinclude()
    assert root.find("inside") is None
