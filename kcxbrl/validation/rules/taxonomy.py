"""XBRL 2.1 rules on the taxonomy itself: schemas, linkbases and relationship networks.

They apply to every DTS, whatever its entry point (an instance, a schema or
a linkbase):

* concept declarations (section 5.1.1): items have a period type, balances
  only on monetary items, tuples carry no XBRL attributes, have no mixed
  content and declare their content by reference; no ``xs:redefine``; a
  taxonomy schema has a target namespace;
* role and arcrole types (sections 5.1.3, 5.1.4): one declaration per URI
  and schema, equivalent declarations across schemas, distinct ``usedOn``;
* linkbases (section 3.5), in :mod:`kcxbrl.validation.rules.linkbases`;
* relationship networks (sections 5.2.4.2, 5.2.6.2, 5.1.4.3), in
  :mod:`kcxbrl.validation.rules.networks`.
"""

from __future__ import annotations

from typing import Iterator

from lxml import etree

from kcxbrl.validation.dts import Concept, DocumentInfo, Dts
from kcxbrl.findings import Finding, error
from kcxbrl.validation.rules import linkbases, networks
from kcxbrl.xbrl import ns
from kcxbrl.xbrl.ns import clark
from kcxbrl.validation.rules.xstypes import lexically_valid

_XS = "{" + ns.XSD + "}"
_LINK = "{" + ns.LINK + "}"
_ROLE_TYPE = clark(ns.LINK, "roleType")
_ARCROLE_TYPE = clark(ns.LINK, "arcroleType")
_USED_ON = clark(ns.LINK, "usedOn")
_XBRL_NAMESPACES = (ns.XBRLI, ns.LINK, ns.XLINK, ns.XL)


def check(dts: Dts) -> Iterator[Finding]:
    documents = [d for d in dts.documents.values() if d.root is not None and d.path is not None]
    for doc in documents:
        if doc.kind == "schema":
            yield from _schema(dts, doc)
    yield from _foreign_attributes(dts, documents)
    yield from _role_declarations(dts, documents)
    for doc in documents:
        yield from linkbases.document_rules(dts, doc)
    yield from linkbases.linkbase_refs(dts, documents)
    yield from networks.check(dts)


def _foreign_attributes(dts: Dts, documents: list[DocumentInfo]) -> Iterator[Finding]:
    """Attributes of other namespaces on schema components are validated laxly: by their declaration."""
    found = [(d, e, a) for d in documents if d.kind == "schema"
             for e, a in d.memo("foreign attributes", lambda d=d: _foreign(d.root))]  # type: ignore[misc]
    if not found:
        return
    types = dts.types
    for doc, elt, attr in found:
        declared = types.builtin(types.global_attributes.get(attr))
        if declared is not None and not lexically_valid(elt.get(attr, ""), declared):
            yield error("xmlSchema:valueError",
                        f"attribute {ns.local_name(attr)}={elt.get(attr)!r} is not a valid {ns.local_name(declared)}",
                        file=str(doc.path), line=elt.sourceline, ref="XML Schema 1.0 Part 2; XBRL 2.1 section 5.1")


def _foreign(root: etree._Element) -> tuple[tuple[etree._Element, str], ...]:
    """Schema components and their attributes of namespaces other than XML Schema's and XBRL's."""
    return tuple((e, a) for e in root.iter(f"{_XS}*") for a in e.attrib
                 if a.startswith("{") and not a.startswith("{" + ns.XSD + "}")
                 and not a.startswith(("{" + ns.XBRLI + "}", "{" + ns.XBRLDT + "}", "{" + ns.XML + "}")))


# --------------------------------------------------------------------------
# Concept declarations (XBRL 2.1 section 5.1)
# --------------------------------------------------------------------------


def _schema(dts: Dts, doc: DocumentInfo) -> Iterator[Finding]:
    root = doc.root
    assert root is not None
    where = str(doc.path)
    if root.get("targetNamespace") is not None and not root.get("targetNamespace", "").strip():
        yield error("xbrl.5.1:emptyTargetNamespace", "the taxonomy schema has an empty targetNamespace",
                    file=where, line=root.sourceline, ref="XBRL 2.1 section 5.1")
    for redefine in root.iterchildren(f"{_XS}redefine"):
        yield error("xbrl.5.6.1:Redefine", "xs:redefine is not allowed in a taxonomy schema",
                    file=where, line=redefine.sourceline, ref="XBRL 2.1 section 5.6.1")
    named = {clark(doc.target_namespace, t.get("name", "")): t for t in root.iterchildren(f"{_XS}complexType")}
    for elt in root.iterchildren(f"{_XS}element"):
        name = elt.get("name")
        if not name:
            continue
        concept = dts.concepts.get(clark(doc.target_namespace, name))
        if concept is None:
            continue
        yield from _concept(concept, elt, where, named)


def _concept(concept: Concept, elt: etree._Element, where: str,
             named: dict[str, etree._Element]) -> Iterator[Finding]:
    at = {"file": where, "line": elt.sourceline, "element": elt.get("name")}
    name = elt.get("name")
    if concept.is_item:
        if concept.period_type is None:
            yield error("xbrl.5.1.1.1:itemPeriodType", f"item {name} has no xbrli:periodType",
                        ref="XBRL 2.1 section 5.1.1.1", **at)
        if concept.balance is not None and not concept.is_monetary:
            yield error("xbrl.5.1.1.2:balanceOnNonMonetary",
                        f"item {name} has xbrli:balance but is not of a monetary type",
                        ref="XBRL 2.1 section 5.1.1.2", **at)
        last = concept.type_chain[-1] if concept.type_chain else None
        if concept.base_type is None and last is not None and (
                last.startswith("{" + ns.XSD + "}") or (last in named and not _has_base(named[last]))):
            yield error("xbrl.5.1.1.3:itemType", f"item {name} has type {ns.local_name(last)}, which does not "
                        "derive from an XBRL item type", ref="XBRL 2.1 section 5.1.1.3", **at)
        elif not concept.is_fraction and _complex_content(elt, concept, named):
            yield error("xbrl.5.1.1.3:itemType", f"item {name} has complex content; only fractionItemType may",
                        ref="XBRL 2.1 section 5.1.1.3", **at)
    elif concept.is_tuple:
        for attr in elt.attrib:
            namespace, local = ns.split_clark(attr)
            if namespace in _XBRL_NAMESPACES:
                yield error("xbrl.5.1.1:tupleAttribute",
                            f"tuple {name} carries the attribute {local} of an XBRL namespace",
                            ref="XBRL 2.1 section 5.1.1", **at)
        for complex_type in _tuple_types(elt):
            if complex_type.get("mixed", "false").strip() in ("true", "1"):
                yield error("xbrl.5.1.1:tupleMixedContent", f"tuple {name} has mixed content",
                            ref="XBRL 2.1 section 5.1.1 (tuples)", **at)
            for attr in complex_type.iter(f"{_XS}attribute"):
                ref = attr.get("ref", "")
                prefix = ref.partition(":")[0] if ":" in ref else None
                if ref and attr.nsmap.get(prefix) in _XBRL_NAMESPACES:
                    yield error("xbrl.5.1.1:tupleAttribute", f"tuple {name} declares the XBRL attribute {ref}",
                                ref="XBRL 2.1 section 5.1.1", **at)
            for child in complex_type.iter(f"{_XS}element"):
                if child.get("ref") is None:
                    yield error("xbrl.5.1.1:tupleContent",
                                f"tuple {name} declares its content element {child.get('name')} locally; "
                                "tuple content must refer to global declarations",
                                ref="XBRL 2.1 section 5.1.1 (tuples)", file=where, line=child.sourceline,
                                element=name)


def _has_base(type_elt: etree._Element) -> bool:
    return any(n.get("base") for n in type_elt.iter(f"{_XS}restriction", f"{_XS}extension"))


def _tuple_types(elt: etree._Element) -> list[etree._Element]:
    return [c for c in elt if c.tag == f"{_XS}complexType"]


def _complex_content(elt: etree._Element, concept: Concept, named: dict[str, etree._Element]) -> bool:
    """Whether the item's type, anonymous or named in the DTS, has complex content."""
    for child in elt:
        if child.tag == f"{_XS}complexType":
            return child.find(f"{_XS}complexContent") is not None
    declared = named.get(concept.type or "")
    return declared is not None and declared.find(f"{_XS}complexContent") is not None


# --------------------------------------------------------------------------
# Role and arcrole types (XBRL 2.1 sections 5.1.3, 5.1.4)
# --------------------------------------------------------------------------


def _declarations(documents: list[DocumentInfo]) -> Iterator[tuple[DocumentInfo, etree._Element]]:
    for doc in documents:
        if doc.kind != "schema":
            continue
        assert doc.root is not None
        for info in doc.root.iterfind(f"{_XS}annotation/{_XS}appinfo"):
            for item in info:
                if item.tag in (_ROLE_TYPE, _ARCROLE_TYPE):
                    yield doc, item


def _used_on(item: etree._Element) -> list[str]:
    names = []
    for used in item.iterchildren(_USED_ON):
        text = (used.text or "").strip()
        prefix, sep, local = text.partition(":")
        namespace = used.nsmap.get(prefix if sep else None)
        names.append(clark(namespace, local if sep else text))
    return names


def _role_declarations(dts: Dts, documents: list[DocumentInfo]) -> Iterator[Finding]:
    seen: dict[tuple[str, str], tuple[DocumentInfo, etree._Element]] = {}
    for doc, item in _declarations(documents):
        is_role = item.tag == _ROLE_TYPE
        kind = "roleType" if is_role else "arcroleType"
        uri = item.get("roleURI" if is_role else "arcroleURI", "")
        section = "5.1.3" if is_role else "5.1.4"
        at = {"file": str(doc.path), "line": item.sourceline, "element": uri}
        used_on = _used_on(item)
        if len(set(used_on)) != len(used_on):
            yield error(f"xbrl.{section}:{kind}UsedOnDuplicate",
                        f"{kind} {uri} names the same element twice in usedOn",
                        ref=f"XBRL 2.1 section {section}", **at)
        if not is_role and item.get("cyclesAllowed") not in ("any", "undirected", "none"):
            yield error("xbrl.5.1.4:cyclesAllowed", f"arcroleType {uri} has cyclesAllowed={item.get('cyclesAllowed')!r}",
                        ref="XBRL 2.1 section 5.1.4", **at)
        key = (kind, uri)
        if key in seen:
            first_doc, first = seen[key]
            if first_doc.url == doc.url:
                yield error(f"xbrl.{section}:{kind}Duplicate",
                            f"{kind} {uri} is declared twice in one taxonomy schema (first at line {first.sourceline})",
                            ref=f"XBRL 2.1 section {section}", **at)
            elif not _equivalent(first, item):
                yield error(f"xbrl.{section}:{kind}NotEquivalent",
                            f"{kind} {uri} is declared differently in {first_doc.path} and here",
                            ref=f"XBRL 2.1 section {section}", **at)
        else:
            seen[key] = (doc, item)


def _equivalent(a: etree._Element, b: etree._Element) -> bool:
    return (set(_used_on(a)) == set(_used_on(b)) and a.get("cyclesAllowed") == b.get("cyclesAllowed")
            and " ".join((a.findtext(f"{_LINK}definition") or "").split())
            == " ".join((b.findtext(f"{_LINK}definition") or "").split()))
