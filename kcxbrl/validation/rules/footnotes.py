"""Footnote links in an instance (XBRL 2.1 section 4.11).

A ``link:footnoteLink`` relates facts of the same instance to footnotes:
its locators point to items or tuples of this instance document (by id,
with or without the document's own file name), every arc's ``from`` and
``to`` name labels of its own extended link (XLink 1.0 section 5.1.4), a
``fact-footnote`` arc goes from locators to ``link:footnote`` resources, and
each footnote states its language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urljoin

from lxml import etree

from kcxbrl.findings import Finding, error
from kcxbrl.xbrl import ns
from kcxbrl.xbrl.ns import clark
from kcxbrl.validation.dts.documents import element_lang
from kcxbrl.validation.rules.report import Report

_FOOTNOTE_LINK = clark(ns.LINK, "footnoteLink")
_FOOTNOTE = clark(ns.LINK, "footnote")
_LOC = clark(ns.LINK, "loc")


def check(report: Report) -> Iterator[Finding]:
    facts = {f.id for f in report.facts if f.id}
    base = Path(report.path).resolve().as_uri()
    for link in report.root.iterchildren(_FOOTNOTE_LINK):
        yield from _link(report, link, facts, base)


def _link(report: Report, link: etree._Element, facts: set[str | None], base: str) -> Iterator[Finding]:
    where = report.file
    locators: set[str] = set()
    resources: set[str] = set()
    for child in link:
        if not isinstance(child.tag, str):
            continue
        kind = child.get(ns.XLINK_TYPE)
        label = child.get(ns.XLINK_LABEL, "")
        if kind == "locator":
            locators.add(label)
            href = (child.get(ns.XLINK_HREF) or "").strip()
            doc_part, _, fragment = href.partition("#")
            same_document = not doc_part or urljoin(base, doc_part) == base
            if child.tag != _LOC or not same_document or unquote(fragment) not in facts:
                yield error("xbrl.4.11.1.1:footnoteLocatorTarget",
                            f"footnote locator {href!r} does not point to a fact of this instance",
                            file=where, line=child.sourceline, ref="XBRL 2.1 section 4.11.1.1")
        elif kind == "resource":
            resources.add(label)
            if child.tag == _FOOTNOTE and not element_lang(child):
                yield error("xbrl.4.11.1.2.1:footnoteLang", "footnote has no xml:lang",
                            file=where, line=child.sourceline, ref="XBRL 2.1 section 4.11.1.2.1")
    footnotes = {c.get(ns.XLINK_LABEL, "") for c in link if c.tag == _FOOTNOTE}
    for arc in link:
        if not isinstance(arc.tag, str) or arc.get(ns.XLINK_TYPE) != "arc":
            continue
        source, target = arc.get(ns.XLINK_FROM, ""), arc.get(ns.XLINK_TO, "")
        for end, name in (("from", source), ("to", target)):
            if name not in locators and name not in resources:
                yield error("xbrl.3.5.3.9:arcLabelMissing",
                            f"footnote arc {end}={name!r} names no locator or resource of its extended link",
                            file=where, line=arc.sourceline, ref="XBRL 2.1 section 3.5.3.9; XLink 1.0 section 5.1.4")
        if arc.get(ns.XLINK_ARCROLE) == ns.FACT_FOOTNOTE and (
            (source in resources and source not in locators) or (target in locators and target not in resources)
            or (target in resources and target not in footnotes)
        ):
            yield error("xbrl.4.11.1.3.1:factFootnoteEnds",
                        f"fact-footnote arc from {source!r} to {target!r} must go from facts to footnotes",
                        file=where, line=arc.sourceline, ref="XBRL 2.1 section 4.11.1.3.1")
