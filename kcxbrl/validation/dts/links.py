"""Extended links: locators, resources and arcs into relationships and labels.

Each arc between locators of concepts is a relationship of its base set
(XBRL 2.1 section 3.5.3.9); equivalent relationships are then reduced by
prohibition and overriding (section 3.5.3.9.7).  Concept-label arcs to
``link:label`` resources give the DTS's labels.

What a linkbase yields depends on the linkbase itself, on the documents its
locators point into and on the types the DTS's schemas give to the arcs'
attributes; it is worked out once for each combination and kept beside the
linkbase's parsed document, so a base taxonomy shared by many filings is read
into relationships once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Callable, Iterable, Iterator, Mapping
from urllib.parse import unquote, urljoin

from lxml import etree

from kcxbrl.findings import Finding, error
from kcxbrl.validation.dts.documents import Doc, element_base, element_lang
from kcxbrl.validation.dts.model import Label, Relationship
from kcxbrl.validation.rules.xstypes import TypeIndex, typed_value
from kcxbrl.xbrl import ns
from kcxbrl.xbrl.ns import clark

HREF_ID_NOT_FOUND = "xbrl.3.5.4:hrefIdNotFound"
LOCATOR_TARGET = "xbrl.3.5.3.7.2:locatorTarget"

_XS_ELEMENT = clark(ns.XSD, "element")
_XS_ANNOTATION = clark(ns.XSD, "annotation")
_XS_APPINFO = clark(ns.XSD, "appinfo")
_LINKBASE = clark(ns.LINK, "linkbase")
_LABEL = clark(ns.LINK, "label")
_CLOSED = clark(ns.XBRLDT, "closed")
_CONTEXT_ELEMENT = clark(ns.XBRLDT, "contextElement")
_TARGET_ROLE = clark(ns.XBRLDT, "targetRole")
_USABLE = clark(ns.XBRLDT, "usable")
# Attributes that do not take part in relationship equivalence (XBRL 2.1 3.5.3.9.7.4)
_EXEMPT = frozenset({"use", "priority", ns.XLINK_TYPE, ns.XLINK_FROM, ns.XLINK_TO, ns.XLINK_ARCROLE,
                     ns.XLINK_ROLE, clark(ns.XLINK, "title"), clark(ns.XLINK, "show"), clark(ns.XLINK, "actuate")})
_NUMBERS = frozenset({"order", "weight"})  # non-exempt, read as decimals whatever the schemas say
_RESOURCE_ARCROLES = frozenset({ns.CONCEPT_LABEL, ns.CONCEPT_REFERENCE})

# (equivalence key, priority, prohibited, relationship) of one arc between two concepts
Arc = tuple[tuple[object, ...], int, bool, Relationship]


@dataclass(frozen=True)
class Extracted:
    """What one document's extended links yield, before prohibition and overriding."""

    arcs: tuple[Arc, ...] = ()
    labels: tuple[Label, ...] = ()
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class _Scope:
    """The DTS as the links of one document see it."""

    docs: Mapping[str, Doc]
    builtin: frozenset[str] | set[str]
    unresolvable: frozenset[str] | set[str]
    types: Callable[[], TypeIndex]  # the DTS's type index, built when first asked for

    def target(self, url: str) -> Doc | None:
        """The document a locator's address names, if it takes part in relationships."""
        if url in self.builtin or url in self.unresolvable:
            return None
        return self.docs.get(url)

    def state(self, url: str) -> object:
        """What a locator's extraction depends on in the document at ``url``."""
        doc = self.target(url)
        if doc is None:
            return "builtin" if url in self.builtin else "unresolvable" if url in self.unresolvable else "absent"
        return (doc.source.key, doc.source.digest, doc.kind, doc.target_namespace)


def relationships(docs: Mapping[str, Doc], builtin: set[str], unresolvable: set[str],
                  types: Callable[[], TypeIndex]) -> tuple[list[Relationship], list[Label], list[Finding]]:
    """The DTS's relationships after prohibition and overriding, its labels, and what was wrong."""
    scope = _Scope(docs, builtin, unresolvable, types)
    arcs: list[Arc] = []
    labels: list[Label] = []
    findings: list[Finding] = []
    for doc in docs.values():
        found = extracted(doc, scope)
        arcs += found.arcs
        labels += found.labels
        findings += found.findings
    return _effective(arcs), labels, findings


def extracted(doc: Doc, scope: _Scope) -> Extracted:
    """One document's links, worked out once for the documents and attribute types they depend on."""
    links = doc.source.memo(("extended links", doc.kind), lambda: tuple(_extended_links(doc)))
    if not links:
        return Extracted()
    targets = doc.source.memo(("locator targets", doc.url), lambda: _locator_targets(doc, links))
    names = doc.source.memo("typed attributes", lambda: _typed_attribute_names(links))
    typing: tuple[tuple[str, str | None], ...] = ()
    if names:
        index = scope.types()
        typing = tuple((name, index.builtin(index.global_attributes.get(name))) for name in names)
    key = ("extracted", doc.url, str(doc.path), doc.target_namespace,
           tuple((url, scope.state(url)) for url in targets), typing)
    return doc.source.memo(key, lambda: _extract(doc, links, scope))


def _extract(doc: Doc, links: tuple[etree._Element, ...], scope: _Scope) -> Extracted:
    arcs: list[Arc] = []
    labels: list[Label] = []
    findings: list[Finding] = []
    for link in links:
        ends = _Ends.read(doc, link, scope, findings)
        _arcs(doc, link, ends, scope, arcs, labels, findings)
    return Extracted(tuple(arcs), tuple(labels), tuple(findings))


def _extended_links(doc: Doc) -> Iterator[etree._Element]:
    if doc.kind == "linkbase":
        linkbases: Iterable[etree._Element] = (doc.root,)
    elif doc.kind == "schema":
        linkbases = [item for ann in doc.root.iterchildren(_XS_ANNOTATION) for info in ann.iterchildren(_XS_APPINFO)
                     for item in info.iterchildren(_LINKBASE)]
    else:
        return
    for linkbase in linkbases:
        for child in linkbase:
            if isinstance(child.tag, str) and child.get(ns.XLINK_TYPE) == "extended":
                yield child


def _join(doc: Doc, locator: etree._Element) -> tuple[str, str]:
    """A locator's ``href`` resolved, as (document address, fragment)."""
    base = element_base(doc.url, locator)
    doc_part, _, frag = locator.get(ns.XLINK_HREF, "").strip().partition("#")
    return (urljoin(base, doc_part).partition("#")[0] if doc_part else base), frag


def _locator_targets(doc: Doc, links: tuple[etree._Element, ...]) -> tuple[str, ...]:
    urls = (_join(doc, child)[0] for link in links for child in link
            if isinstance(child.tag, str) and child.get(ns.XLINK_TYPE) == "locator")
    return tuple(dict.fromkeys(urls))


def _typed_attribute_names(links: tuple[etree._Element, ...]) -> tuple[str, ...]:
    """The arcs' attributes whose value depends on a type the schemas may declare."""
    names = {name for link in links for child in link
             if isinstance(child.tag, str) and child.get(ns.XLINK_TYPE) == "arc"
             for name in child.attrib if name not in _EXEMPT and name not in _NUMBERS}
    return tuple(sorted(names))


@dataclass
class _Ends:
    """The labels of one extended link: the concepts and resources each names."""

    concepts: dict[str, list[str]]
    resources: dict[str, list[etree._Element]]
    kinds: dict[str, set[str]]  # label → kinds of what it names
    arcs: list[etree._Element]

    @classmethod
    def read(cls, doc: Doc, link: etree._Element, scope: _Scope, findings: list[Finding]) -> _Ends:
        ends = cls({}, {}, {}, [])
        standard = link.tag.startswith("{" + ns.LINK + "}")
        for child in link:
            if not isinstance(child.tag, str):
                continue
            kind = child.get(ns.XLINK_TYPE)
            if kind == "locator":
                ends._locator(doc, child, scope, standard, findings)
            elif kind == "resource":
                label = child.get(ns.XLINK_LABEL, "")
                ends.resources.setdefault(label, []).append(child)
                ends.kinds.setdefault(label, set()).add("resource")
            elif kind == "arc":
                ends.arcs.append(child)
        return ends

    def _locator(self, doc: Doc, child: etree._Element, scope: _Scope, standard: bool,
                 findings: list[Finding]) -> None:
        href = child.get(ns.XLINK_HREF, "")
        url, frag = _join(doc, child)
        target_doc = scope.target(url)
        if target_doc is None:
            return
        target = _fragment(target_doc, frag)
        where = str(doc.path)
        if target is None:
            findings.append(error(HREF_ID_NOT_FOUND, f"locator href {href!r} points to nothing in {url}",
                                  file=where, line=child.sourceline, ref="XBRL 2.1 section 3.5.4"))
            return
        name = _concept_name(target_doc, target)
        label = child.get(ns.XLINK_LABEL, "")
        kinds = self.kinds.setdefault(label, set())
        if name is not None:
            self.concepts.setdefault(label, []).append(name)
            kinds.add("concept")
        elif target.get(ns.XLINK_TYPE) == "resource":
            kinds.add("remote resource")
        else:
            kinds.add("other")
            if standard:
                findings.append(error(
                    LOCATOR_TARGET,
                    f"locator href {href!r} in a standard link points to neither a concept nor a resource",
                    file=where, line=child.sourceline, ref="XBRL 2.1 section 3.5.3.7.2"))


def _arcs(doc: Doc, link: etree._Element, ends: _Ends, scope: _Scope, arcs: list[Arc], labels: list[Label],
          findings: list[Finding]) -> None:
    where = str(doc.path)
    standard = link.tag.startswith("{" + ns.LINK + "}")
    for arc in ends.arcs:
        arcrole = arc.get(ns.XLINK_ARCROLE, "")
        if standard and arcrole in _RESOURCE_ARCROLES:
            problem = _resource_arc_problem(arc, arcrole, ends.kinds, where)
            if problem is not None:
                findings.append(problem)
        sources = ends.concepts.get(arc.get(ns.XLINK_FROM, ""), ())
        to_label = arc.get(ns.XLINK_TO, "")
        if arcrole == ns.CONCEPT_LABEL:
            labels.extend(Label(source, res.get(ns.XLINK_ROLE, ns.STANDARD_LABEL), element_lang(res) or "",
                                "".join(res.itertext()).strip())
                          for source in sources for res in ends.resources.get(to_label, ()) if res.tag == _LABEL)
            continue
        targets = ends.concepts.get(to_label, ())
        if not sources or not targets:
            continue
        nonexempt = _nonexempt(arc, scope)
        priority = _int(arc.get("priority"), 0)
        prohibited = arc.get("use") == "prohibited"
        for source in sources:
            for target in targets:
                rel = _relationship(arc, arcrole, link, source, target, where)
                key = (arcrole, rel.link_role, link.tag, arc.tag, source, target, nonexempt)
                arcs.append((key, priority, prohibited, rel))


def _relationship(arc: etree._Element, arcrole: str, link: etree._Element, source: str, target: str,
                  where: str) -> Relationship:
    return Relationship(
        arcrole=arcrole,
        link_role=link.get(ns.XLINK_ROLE, ""),
        link_name=link.tag,
        arc_name=arc.tag,
        source=source,
        target=target,
        order=_decimal(arc.get("order")) or Decimal(1),
        weight=_decimal(arc.get("weight")) if arcrole in (ns.SUMMATION_ITEM, ns.CALC11_SUMMATION_ITEM) else None,
        priority=_int(arc.get("priority"), 0),
        closed=(arc.get(_CLOSED) or "false").strip() in ("true", "1"),
        context_element=arc.get(_CONTEXT_ELEMENT),
        target_role=arc.get(_TARGET_ROLE),
        usable=(arc.get(_USABLE) or "true").strip() not in ("false", "0"),
        preferred_label=arc.get("preferredLabel"),
        file=where,
        line=arc.sourceline,
    )


def _resource_arc_problem(arc: etree._Element, arcrole: str, kinds: Mapping[str, set[str]],
                          where: str) -> Finding | None:
    """Concept-label and concept-reference arcs go from concepts to resources (XBRL 2.1 5.2.2.3, 5.2.3.3);
    a locator to another linkbase's resource only on a prohibiting arc."""
    kind = "label" if arcrole == ns.CONCEPT_LABEL else "reference"
    section = "5.2.2.3" if kind == "label" else "5.2.3.3"
    sources = kinds.get(arc.get(ns.XLINK_FROM, ""), set())
    targets = kinds.get(arc.get(ns.XLINK_TO, ""), set())
    allowed = {"resource", "remote resource"} if arc.get("use") == "prohibited" else {"resource"}
    if sources - {"concept"}:
        problem = f"goes from something that is not a concept ({', '.join(sorted(sources - {'concept'}))})"
    elif targets - allowed:
        problem = f"goes to something it may not ({', '.join(sorted(targets - allowed))})"
    else:
        return None
    return error(f"xbrl.{section}:concept{kind.title()}Arc", f"concept-{kind} arc {problem}",
                 file=where, line=arc.sourceline, ref=f"XBRL 2.1 section {section}")


def _nonexempt(arc: etree._Element, scope: _Scope) -> tuple[tuple[str, object], ...]:
    """The arc's non-exempt attributes as typed values, defaults filled in (XBRL 2.1 3.5.3.9.7.4)."""
    values: dict[str, object] = {"order": Decimal(1)}
    for name, text in arc.attrib.items():
        if name in _EXEMPT:
            continue
        if name in _NUMBERS:
            number = _decimal(text)
            values[name] = number if number is not None else text.strip()
        else:
            index = scope.types()
            values[name] = typed_value(text, index, index.global_attributes.get(name))
    return tuple(sorted(values.items(), key=lambda kv: kv[0]))


def _effective(arcs: list[Arc]) -> list[Relationship]:
    """Apply prohibition and overriding among equivalent relationships (XBRL 2.1 3.5.3.9.7.5)."""
    groups: dict[tuple[object, ...], list[tuple[int, bool, Relationship]]] = {}
    for key, priority, prohibited, rel in arcs:
        groups.setdefault(key, []).append((priority, prohibited, rel))
    result: list[Relationship] = []
    for members in groups.values():
        if len(members) == 1:
            if not members[0][1]:
                result.append(members[0][2])
            continue
        top = max(p for p, _, _ in members)
        winners = [m for m in members if m[0] == top]
        if any(prohibited for _, prohibited, _ in winners):
            continue
        result.append(winners[0][2])
    return result


def _fragment(doc: Doc, frag: str) -> etree._Element | None:
    """The element an XPointer shorthand or element() scheme points to (XBRL 2.1 3.5.4)."""
    frag = unquote(frag)
    if not frag:
        return doc.root  # a locator to a whole document (XBRL 2.1 3.5.3.7.2)
    if frag.startswith("element(") and frag.count("element(") > 1:
        # a sequence of pointers: the first that points to something wins (XPointer framework)
        for part in re.findall(r"element\([^)]*\)", frag):
            found = _fragment(doc, part)
            if found is not None:
                return found
        return None
    if frag.startswith("element(") and frag.endswith(")"):
        return _element_scheme(doc, frag[len("element(") : -1])
    return doc.ids.get(frag)


def _element_scheme(doc: Doc, body: str) -> etree._Element | None:
    head, *steps = body.split("/")
    node: etree._Element | None = doc.ids.get(head) if head else None
    if head == "":
        if not steps or steps[0] != "1":
            return None
        node, steps = doc.root, steps[1:]
    for step in steps:
        if node is None:
            return None
        try:
            index = int(step) - 1
        except ValueError:
            return None
        children = [c for c in node if isinstance(c.tag, str)]
        node = children[index] if 0 <= index < len(children) else None
    return node


def _concept_name(doc: Doc, target: etree._Element) -> str | None:
    if doc.kind == "schema" and target.tag == _XS_ELEMENT and target.getparent() is doc.root:
        name = target.get("name")
        if name:
            return clark(doc.target_namespace, name)
    return None


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _decimal(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        return Decimal(text.strip())
    except InvalidOperation:
        return None
