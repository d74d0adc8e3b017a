"""Check an Inline XBRL page against the XML instance written beside it.

The page is read back as XML (it must be well-formed) and its tagged facts
are turned into values the way an Inline XBRL processor does for the few
transformations kcxbrl writes (``ixt:num-dot-decimal``, ``ixt:fixed-zero``,
``scale``, ``sign``).  They must be the instance's facts: the same concept,
context and unit, value and decimals, each exactly once.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

from lxml import etree

from kcxbrl.findings import Finding, error
from kcxbrl.validation.safexml import parse_file
from kcxbrl.xbrl import ns


INLINE_FACT_MISMATCH = "kcxbrl:inlineFactMismatch"
INLINE_FORMAT = "kcxbrl:inlineFormat"
_SHOWN = 10

# (concept in Clark notation, contextRef, unitRef, value, decimals, lang)
FactKey = tuple[str, str, str | None, str, str | None, str | None]


def _qname(element: etree._Element, name: str) -> str:
    prefix, _, local = name.rpartition(":")
    return f"{{{element.nsmap.get(prefix or None, '')}}}{local}"


def _number(element: etree._Element, where: str) -> tuple[Decimal | None, list[Finding]]:
    text = "".join(element.itertext()).strip()
    fmt = _qname(element, element.get("format", "")) if element.get("format") else None
    if fmt == f"{{{ns.IXT}}}fixed-zero":
        value = Decimal(0)
    elif fmt in (None, f"{{{ns.IXT}}}num-dot-decimal"):
        try:
            value = Decimal(text.replace(",", "").replace(" ", ""))
        except InvalidOperation:
            return None, [error(INLINE_FORMAT, f"'{text}' is not a number", file=where, line=element.sourceline)]
    else:
        return None, [error(INLINE_FORMAT, f"format {element.get('format')} is not one kcxbrl writes",
                            file=where, line=element.sourceline)]
    value = value.scaleb(int(element.get("scale", "0")))
    return (-value if element.get("sign") == "-" else value), []


def _canonical(value: Decimal) -> str:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def inline_facts(path: Path) -> tuple[Counter[FactKey], list[Finding]]:
    parsed = parse_file(path)
    if parsed.root is None:
        return Counter(), list(parsed.findings)
    found: Counter[FactKey] = Counter()
    findings: list[Finding] = []
    for element in parsed.root.iter(f"{{{ns.IX}}}nonFraction", f"{{{ns.IX}}}nonNumeric"):
        concept = _qname(element, element.get("name", ""))
        if etree.QName(element).localname == "nonFraction":
            value, problems = _number(element, str(path))
            findings += problems
            if value is None:
                continue
            found[(concept, element.get("contextRef", ""), element.get("unitRef"), _canonical(value),
                   element.get("decimals"), None)] += 1
        else:
            lang = next((e.get(ns.XML_LANG) for e in (element, *element.iterancestors()) if e.get(ns.XML_LANG)), None)
            found[(concept, element.get("contextRef", ""), None, "".join(element.itertext()), None, lang)] += 1
    return found, findings


def instance_facts(path: Path) -> tuple[Counter[FactKey], list[Finding]]:
    parsed = parse_file(path)
    if parsed.root is None:
        return Counter(), list(parsed.findings)
    found: Counter[FactKey] = Counter()
    for element in parsed.root:
        if not isinstance(element.tag, str) or element.get("contextRef") is None:
            continue
        if element.get("unitRef") is not None:
            value = _canonical(Decimal((element.text or "").strip()))
            found[(element.tag, element.get("contextRef"), element.get("unitRef"), value,
                   element.get("decimals"), None)] += 1
        else:
            found[(element.tag, element.get("contextRef"), None, element.text or "", None,
                   element.get(ns.XML_LANG))] += 1
    return found, []


def _same_lang(inline: Counter[FactKey], xml: Counter[FactKey]) -> Counter[FactKey]:
    """A text fact without xml:lang in the instance takes the page's language: not a difference."""
    plain = {key[:5] for key in xml if key[2] is None and key[5] is None}
    return Counter({(k[:5] + (None,) if k[2] is None and k[:5] in plain else k): n for k, n in inline.items()})


def check_inline(page: Path, instance: Path, shown_as: str | None = None) -> list[Finding]:
    """Findings where the page's facts differ from the instance's."""
    where = shown_as or str(page)
    inline, findings = inline_facts(page)
    xml, more = instance_facts(instance)
    findings += more
    if findings:
        return findings
    inline = _same_lang(inline, xml)
    missing, extra = xml - inline, inline - xml
    for key in list(missing)[:_SHOWN]:
        findings.append(error(INLINE_FACT_MISMATCH, f"the instance's fact {key[0]} in {key[1]} = '{key[3]}' "
                              "is not tagged in the page (or tagged differently)", file=where))
    for key in list(extra)[:_SHOWN]:
        findings.append(error(INLINE_FACT_MISMATCH, f"the page tags {key[0]} in {key[1]} = '{key[3]}', "
                              "which is not a fact of the instance", file=where))
    more_count = sum(missing.values()) + sum(extra.values()) - len(findings)
    if more_count > 0:
        findings.append(error(INLINE_FACT_MISMATCH, f"and {more_count} more differences", file=where))
    return findings
