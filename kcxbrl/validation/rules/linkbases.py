"""XBRL 2.1 rules on linkbases (section 3.5) and the links of an instance.

``roleRef`` and ``arcroleRef`` name a URI once; a role or arcrole declared in
the DTS is used only where its ``usedOn`` allows and only with a reference
to it in the same linkbase; a standard arcrole sits on its standard arc; two
arcs of one extended link never join the same labels (XLink 1.0 section
5.1.4); a ``linkbaseRef`` role matches the links of its target (section 4.3.3).
"""

from __future__ import annotations

from typing import Iterator
from urllib.parse import urljoin

from lxml import etree

from kcxbrl.findings import Finding, error
from kcxbrl.validation.dts import DocumentInfo, Dts
from kcxbrl.xbrl import ns
from kcxbrl.xbrl.ns import clark

_XS = "{" + ns.XSD + "}"
_LINK = "{" + ns.LINK + "}"
_LINKBASE = clark(ns.LINK, "linkbase")
_ROLE_REF = clark(ns.LINK, "roleRef")
_ARCROLE_REF = clark(ns.LINK, "arcroleRef")
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


def document_rules(dts: Dts, doc: DocumentInfo) -> tuple[Finding, ...]:
    """The rules on every linkbase of a document (itself, or those in a schema's appinfo).

    They depend on the DTS only through the declarations of the roles and
    arcroles the document uses: those name the result kept beside the document.
    """
    if doc.root is None or doc.kind not in ("linkbase", "schema"):
        return ()
    containers = doc.memo("linkbases", lambda: _containers(doc))
    used = doc.memo("roles used", lambda: _roles_used(containers))
    declared = tuple((uri, arc, _declaration(dts, uri, arc)) for uri, arc in used)
    where = str(doc.path)
    return doc.memo(("linkbase rules", where, declared),
                    lambda: tuple(f for c in containers for f in linkbase_rules(dts, c, where)))


def _containers(doc: DocumentInfo) -> tuple[etree._Element, ...]:
    assert doc.root is not None
    if doc.kind == "linkbase":
        return (doc.root,)
    return tuple(item for info in doc.root.iterfind(f"{_XS}annotation/{_XS}appinfo")
                 for item in info.iterchildren(_LINKBASE))


def _roles_used(containers: tuple[etree._Element, ...]) -> tuple[tuple[str, bool], ...]:
    """The roles (False) and arcroles (True) the links, resources and arcs use, outside the standard ones."""
    used: dict[tuple[str, bool], None] = {}
    for container in containers:
        for link in container:
            if not isinstance(link.tag, str) or link.get(ns.XLINK_TYPE) != "extended":
                continue
            used[(link.get(ns.XLINK_ROLE) or "", False)] = None
            for child in link:
                kind = child.get(ns.XLINK_TYPE) if isinstance(child.tag, str) else None
                if kind == "resource":
                    used[(child.get(ns.XLINK_ROLE) or "", False)] = None
                elif kind == "arc":
                    used[(child.get(ns.XLINK_ARCROLE) or "", True)] = None
    return tuple((uri, arc) for uri, arc in used if uri and not _is_standard(uri, arc))


def _declaration(dts: Dts, uri: str, arc: bool) -> tuple[str, ...] | None:
    """What the rules read of a role's or arcrole's declaration: where it may be used."""
    declared = dts.arcrole_types.get(uri) if arc else dts.role_types.get(uri)
    return None if declared is None else declared.used_on


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


def linkbase_refs(dts: Dts, documents: list[DocumentInfo]) -> Iterator[Finding]:
    """XBRL 2.1 section 4.3.3: a linkbaseRef role names the only kind of link its target holds."""
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
