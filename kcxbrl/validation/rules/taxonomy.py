"""XBRL 2.1 rules on the taxonomy itself: schemas, linkbases and relationship networks.

They apply to every DTS, whatever its entry point (an instance, a schema or
a linkbase):

* concept declarations (section 5.1.1): items have a period type, balances
  only on monetary items, tuples carry no XBRL attributes, have no mixed
  content and declare their content by reference; no ``xs:redefine``; a
  taxonomy schema has a target namespace;
* role and arcrole types (sections 5.1.3, 5.1.4): one declaration per URI
  and schema, equivalent declarations across schemas, distinct ``usedOn``;
* linkbases (section 3.5): ``roleRef`` and ``arcroleRef`` name a URI once;
  a role or arcrole declared in the DTS is used only where its ``usedOn``
  allows and only with a reference to it in the same linkbase; a
  ``linkbaseRef`` role matches the links of its target (section 4.3.3); two
  arcs of one extended link never join the same labels (XLink 1.0 section 5.1.4);
* relationship networks (sections 5.2.4.2, 5.2.6.2, 5.1.4.3): no directed
  cycle where only undirected ones are allowed, no cycle at all where
  ``cyclesAllowed="none"``; a preferred label exists; essence and alias
  concepts agree in type, period type and balance.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Iterator

from lxml import etree

from kcxbrl.validation.dts import Concept, DocumentInfo, Dts, Relationship
from kcxbrl.findings import Finding, error
from kcxbrl.xbrl import ns
from kcxbrl.xbrl.ns import clark
from kcxbrl.validation.rules.xstypes import lexically_valid

_XS = "{" + ns.XSD + "}"
_LINK = "{" + ns.LINK + "}"
_LINKBASE = clark(ns.LINK, "linkbase")
_ROLE_REF = clark(ns.LINK, "roleRef")
_ARCROLE_REF = clark(ns.LINK, "arcroleRef")
_LINKBASE_REF = clark(ns.LINK, "linkbaseRef")
_ROLE_TYPE = clark(ns.LINK, "roleType")
_ARCROLE_TYPE = clark(ns.LINK, "arcroleType")
_USED_ON = clark(ns.LINK, "usedOn")
_XBRL_NAMESPACES = (ns.XBRLI, ns.LINK, ns.XLINK, ns.XL)

# XBRL 2.1 section 5.2: the cycles each standard arcrole allows
STANDARD_CYCLES = {
    ns.PARENT_CHILD: "undirected",
    ns.SUMMATION_ITEM: "any",
    ns.GENERAL_SPECIAL: "undirected",
    ns.ESSENCE_ALIAS: "undirected",
    ns.SIMILAR_TUPLES: "any",
    ns.REQUIRES_ELEMENT: "any",
}
# the standard arc element each standard arcrole belongs to (XBRL 2.1 section 5.2)
STANDARD_ARC_ELEMENTS = {
    ns.CONCEPT_LABEL: clark(ns.LINK, "labelArc"),
    ns.CONCEPT_REFERENCE: clark(ns.LINK, "referenceArc"),
    ns.PARENT_CHILD: clark(ns.LINK, "presentationArc"),
    ns.SUMMATION_ITEM: clark(ns.LINK, "calculationArc"),
    ns.GENERAL_SPECIAL: clark(ns.LINK, "definitionArc"),
    ns.ESSENCE_ALIAS: clark(ns.LINK, "definitionArc"),
    ns.SIMILAR_TUPLES: clark(ns.LINK, "definitionArc"),
    ns.REQUIRES_ELEMENT: clark(ns.LINK, "definitionArc"),
    ns.FACT_FOOTNOTE: clark(ns.LINK, "footnoteArc"),
}
_STANDARD_ARCROLES = frozenset({ns.LINKBASE_ARCROLE})
# linkbaseRef role (XBRL 2.1 section 4.3.3) -> the extended link it admits
_LINKBASE_REF_ROLES = {
    ns.LABEL_LINKBASE_REF: clark(ns.LINK, "labelLink"),
    ns.REFERENCE_LINKBASE_REF: clark(ns.LINK, "referenceLink"),
    ns.PRESENTATION_LINKBASE_REF: clark(ns.LINK, "presentationLink"),
    ns.CALCULATION_LINKBASE_REF: clark(ns.LINK, "calculationLink"),
    ns.DEFINITION_LINKBASE_REF: clark(ns.LINK, "definitionLink"),
}


def check(dts: Dts) -> Iterator[Finding]:
    documents = [d for d in dts.documents.values() if d.root is not None and d.path is not None]
    for doc in documents:
        if doc.kind == "schema":
            yield from _schema(dts, doc)
    yield from _foreign_attributes(dts, documents)
    yield from _role_declarations(dts, documents)
    for doc, linkbase in _linkbases(documents):
        yield from linkbase_rules(dts, linkbase, str(doc.path))
    yield from _linkbase_refs(dts, documents)
    yield from _cycles(dts)
    yield from _preferred_labels(dts)
    yield from _essence_alias(dts)


def _foreign_attributes(dts: Dts, documents: list[DocumentInfo]) -> Iterator[Finding]:
    """Attributes of other namespaces on schema components are validated laxly: by their declaration."""
    schemas = [d for d in documents if d.kind == "schema"]
    found = [(d, e, a) for d in schemas for e in d.root.iter(f"{_XS}*")  # type: ignore[union-attr]
             for a in e.attrib if a.startswith("{") and not a.startswith("{" + ns.XSD + "}")
             and not a.startswith(("{" + ns.XBRLI + "}", "{" + ns.XBRLDT + "}", "{" + ns.XML + "}"))]
    if not found:
        return
    types = dts.types
    for doc, elt, attr in found:
        declared = types.builtin(types.global_attributes.get(attr))
        if declared is not None and not lexically_valid(elt.get(attr, ""), declared):
            yield error("xmlSchema:valueError",
                        f"attribute {ns.local_name(attr)}={elt.get(attr)!r} is not a valid {ns.local_name(declared)}",
                        file=str(doc.path), line=elt.sourceline, ref="XML Schema 1.0 Part 2; XBRL 2.1 section 5.1")


def _linkbases(documents: Iterable[DocumentInfo]) -> Iterator[tuple[DocumentInfo, etree._Element]]:
    for doc in documents:
        assert doc.root is not None
        if doc.kind == "linkbase":
            yield doc, doc.root
        elif doc.kind == "schema":
            for info in doc.root.iterfind(f"{_XS}annotation/{_XS}appinfo"):
                for item in info.iterchildren(_LINKBASE):
                    yield doc, item


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


# --------------------------------------------------------------------------
# Linkbases (XBRL 2.1 section 3.5)
# --------------------------------------------------------------------------


def linkbase_rules(dts: Dts, container: etree._Element, where: str) -> Iterator[Finding]:
    """Rules on one linkbase element, or on an instance's root for its footnote links."""
    role_refs: set[str] = set()
    arcrole_refs: set[str] = set()
    for child in container:
        if child.tag == _ROLE_REF:
            uri = child.get("roleURI", "")
            if uri in role_refs:
                yield error("xbrl.3.5.2.4:roleRefDuplicate", f"roleRef {uri} appears twice",
                            file=where, line=child.sourceline, ref="XBRL 2.1 section 3.5.2.4")
            role_refs.add(uri)
        elif child.tag == _ARCROLE_REF:
            uri = child.get("arcroleURI", "")
            if uri in arcrole_refs:
                yield error("xbrl.3.5.2.5:arcroleRefDuplicate", f"arcroleRef {uri} appears twice",
                            file=where, line=child.sourceline, ref="XBRL 2.1 section 3.5.2.5")
            arcrole_refs.add(uri)
    for link in container:
        if not isinstance(link.tag, str) or link.get(ns.XLINK_TYPE) != "extended":
            continue
        yield from _role_use(dts, link, link.get(ns.XLINK_ROLE), role_refs, where, arc=False)
        pairs: set[tuple[str, str]] = set()
        for child in link:
            if not isinstance(child.tag, str):
                continue
            kind = child.get(ns.XLINK_TYPE)
            if kind == "resource":
                yield from _role_use(dts, child, child.get(ns.XLINK_ROLE), role_refs, where, arc=False)
            elif kind == "arc":
                arcrole = child.get(ns.XLINK_ARCROLE, "")
                yield from _role_use(dts, child, arcrole, arcrole_refs, where, arc=True)
                wanted = STANDARD_ARC_ELEMENTS.get(arcrole)
                if wanted is not None and child.tag.startswith(_LINK) and child.tag != wanted:
                    yield error("xbrl.5.2:arcroleOnWrongArc",
                                f"the standard arcrole {arcrole} is for {ns.local_name(wanted)} elements, "
                                f"not {etree.QName(child).localname}",
                                file=where, line=child.sourceline, ref="XBRL 2.1 section 5.2")
                pair = (child.get(ns.XLINK_FROM, ""), child.get(ns.XLINK_TO, ""))
                if pair in pairs:
                    yield error("xlink:arcDuplicate",
                                f"two arcs of one extended link join {pair[0]!r} to {pair[1]!r}",
                                file=where, line=child.sourceline, ref="XLink 1.0 section 5.1.4 (duplicate arcs)")
                pairs.add(pair)


def _is_standard(uri: str, arc: bool) -> bool:
    if arc:
        return uri.startswith(ns.STANDARD_ARCROLE_PREFIX) or uri in _STANDARD_ARCROLES
    return uri.startswith(ns.STANDARD_ROLE_PREFIX)


def _role_use(dts: Dts, elt: etree._Element, uri: str | None, refs: set[str], where: str, *,
              arc: bool) -> Iterator[Finding]:
    if not uri or _is_standard(uri, arc):
        return
    declared = dts.arcrole_types.get(uri) if arc else dts.role_types.get(uri)
    what = "arcrole" if arc else "role"
    section = "3.5.2.5" if arc else "3.5.2.4"
    at = {"file": where, "line": elt.sourceline, "element": uri}
    standard_element = elt.tag.startswith(_LINK)
    if declared is None:
        if standard_element:
            yield error(f"xbrl.{section}:{what}NotDeclared",
                        f"{what} {uri} on {etree.QName(elt).localname} is not declared by any {what}Type in the DTS",
                        ref=f"XBRL 2.1 section {section}", **at)
        return
    if uri not in refs and standard_element:
        yield error(f"xbrl.{section}:{what}RefMissing",
                    f"{what} {uri} is used without a {what}Ref to its declaration in this linkbase",
                    ref=f"XBRL 2.1 section {section}", **at)
    if standard_element and elt.tag not in declared.used_on:
        yield error(f"xbrl.{'5.1.4.5' if arc else '5.1.3.4'}:{what}TypeUsedOn",
                    f"{what} {uri} is used on {etree.QName(elt).localname}, which its {what}Type's usedOn does not list",
                    ref=f"XBRL 2.1 section {'5.1.4.5' if arc else '5.1.3.4'}", **at)


def _linkbase_refs(dts: Dts, documents: list[DocumentInfo]) -> Iterator[Finding]:
    """XBRL 2.1 section 4.3.3: a linkbaseRef role names the only kind of link its target holds."""
    from urllib.parse import urljoin

    for doc in documents:
        if doc.kind != "schema":
            continue
        assert doc.root is not None
        for ref in doc.root.iterfind(f"{_XS}annotation/{_XS}appinfo/{_LINK}linkbaseRef"):
            wanted = _LINKBASE_REF_ROLES.get(ref.get(ns.XLINK_ROLE, ""))
            if wanted is None:
                continue
            url = urljoin(doc.url, (ref.get(ns.XLINK_HREF) or "").strip()).partition("#")[0]
            target = dts.documents.get(url)
            if target is None or target.root is None or target.kind != "linkbase":
                continue
            for link in target.root:
                if isinstance(link.tag, str) and link.get(ns.XLINK_TYPE) == "extended" and link.tag != wanted:
                    yield error("xbrl.4.3.3:linkbaseRefRole",
                                f"linkbaseRef role {ref.get(ns.XLINK_ROLE)} admits only {ns.local_name(wanted)} "
                                f"but {target.path} holds {ns.local_name(link.tag)}",
                                file=str(doc.path), line=ref.sourceline, ref="XBRL 2.1 section 4.3.3")
                    break


# --------------------------------------------------------------------------
# Relationship networks
# --------------------------------------------------------------------------


def _cycles(dts: Dts) -> Iterator[Finding]:
    networks: dict[tuple[str, str, str, str], list[Relationship]] = defaultdict(list)
    for rel in dts.relationships:
        networks[(rel.arcrole, rel.link_role, rel.link_name, rel.arc_name)].append(rel)
    for (arcrole, link_role, _, arc_name), rels in networks.items():
        allowed = STANDARD_CYCLES.get(arcrole)
        if allowed is None:
            # a declared arcrole governs the standard arcs that use it; custom arcs are XLink's
            declared = dts.arcrole_types.get(arcrole) if arc_name.startswith(_LINK) else None
            allowed = declared.cycles_allowed if declared is not None else "any"
        if allowed == "any":
            continue
        cycle = _directed_cycle(rels) if allowed == "undirected" else _undirected_cycle(rels)
        if cycle is not None:
            kind = "directed " if allowed == "undirected" else ""
            yield error(
                "xbrl.5.2.4.2:relationshipCycle" if allowed == "undirected" else "xbrl.5.1.4.3:cyclesAllowedNone",
                f"the {arcrole} relationships in link role {link_role} form a {kind}cycle through "
                + " -> ".join(ns.local_name(c) for c in cycle)
                + f"; this arcrole allows {'undirected cycles only' if allowed == 'undirected' else 'no cycles'}",
                file=rels[0].file, line=rels[0].line, ref="XBRL 2.1 sections 5.1.4.3, 5.2.4.2, 5.2.6.2",
            )


def _directed_cycle(rels: list[Relationship]) -> list[str] | None:
    graph: dict[str, list[str]] = defaultdict(list)
    for rel in rels:
        graph[rel.source].append(rel.target)
    state: dict[str, int] = {}  # 1 on the path, 2 done
    for start in list(graph):
        if state.get(start):
            continue
        path: list[str] = [start]
        stack: list[Iterator[str]] = [iter(graph[start])]
        state[start] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
                continue
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(graph.get(nxt, ())))
    return None


def _undirected_cycle(rels: list[Relationship]) -> list[str] | None:
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for rel in rels:
        a, b = find(rel.source), find(rel.target)
        if a == b:
            return [rel.source, rel.target]
        parent[a] = b
    return None


def _preferred_labels(dts: Dts) -> Iterator[Finding]:
    roles: dict[str, set[str]] = defaultdict(set)
    for label in dts.labels:
        roles[label.concept].add(label.role)
    for rel in dts.base_sets(ns.PARENT_CHILD):
        if rel.preferred_label and rel.preferred_label not in roles.get(rel.target, ()):
            yield error("xbrl.5.2.4.2.1:preferredLabelMissing",
                        f"presentation arc to {ns.local_name(rel.target)} prefers the label role "
                        f"{rel.preferred_label}, but the concept has no label of that role",
                        file=rel.file, line=rel.line, ref="XBRL 2.1 section 5.2.4.2.1")


def _essence_alias(dts: Dts) -> Iterator[Finding]:
    for rel in dts.base_sets(ns.ESSENCE_ALIAS):
        essence, alias = dts.concepts.get(rel.source), dts.concepts.get(rel.target)
        if essence is None or alias is None:
            continue
        if (essence.type != alias.type or essence.period_type != alias.period_type
                or (essence.balance and alias.balance and essence.balance != alias.balance)):
            yield error("xbrl.5.2.6.2.2:essenceAliasTypes",
                        f"essence-alias from {ns.local_name(rel.source)} to {ns.local_name(rel.target)} joins concepts "
                        "that differ in type, period type or balance",
                        file=rel.file, line=rel.line, ref="XBRL 2.1 section 5.2.6.2.2")
