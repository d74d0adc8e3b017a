"""What the schemas of a DTS declare: concepts and role and arcrole types.

A concept's type is followed through named and anonymous type derivations to
an xbrli base item type (XBRL 2.1 section 5.1.1.3), its substitution group up
to ``xbrli:item`` or ``xbrli:tuple`` (Dimensions 1.0 heads included), and the
defaults its type gives to attributes (``decimals``, XML Schema 1.0 section 3.2).
"""

from __future__ import annotations

from typing import Mapping
from urllib.parse import urljoin

from lxml import etree

from kcxbrl.findings import Finding, error
from kcxbrl.validation.dts.documents import Doc
from kcxbrl.validation.dts.model import ArcroleType, Concept, RoleType
from kcxbrl.xbrl import ns
from kcxbrl.xbrl.ns import clark

TYPED_DOMAIN_REF = "xbrldte:TypedDomainRefError"

_XS_ELEMENT = clark(ns.XSD, "element")
_XS_COMPLEX = clark(ns.XSD, "complexType")
_XS_SIMPLE = clark(ns.XSD, "simpleType")
_XS_ANNOTATION = clark(ns.XSD, "annotation")
_XS_APPINFO = clark(ns.XSD, "appinfo")
_ROLE_TYPE = clark(ns.LINK, "roleType")
_ARCROLE_TYPE = clark(ns.LINK, "arcroleType")
_DEFINITION = clark(ns.LINK, "definition")
_USED_ON = clark(ns.LINK, "usedOn")
_PERIOD_TYPE = clark(ns.XBRLI, "periodType")
_BALANCE = clark(ns.XBRLI, "balance")
_TYPED_DOMAIN_REF = clark(ns.XBRLDT, "typedDomainRef")
_SUBSTITUTION_HEADS = {ns.HYPERCUBE_ITEM: ns.ITEM, ns.DIMENSION_ITEM: ns.ITEM}


def concepts(docs: Mapping[str, Doc], findings: list[Finding]) -> dict[str, Concept]:
    """Every global element declaration of the DTS's schemas, by Clark name (the first one wins)."""
    schemas = [d for d in docs.values() if d.kind == "schema"]
    raw = _raw_concepts(schemas)
    type_bases = _type_bases(schemas)
    type_defaults = _type_attribute_defaults(schemas)
    sgroups = {name: qname_attr(elt, "substitutionGroup") for name, (_, elt) in raw.items()}
    out: dict[str, Concept] = {}
    for name, (doc, elt) in raw.items():
        declared = qname_attr(elt, "type") or _anonymous_base(elt)
        heads = _head_chain(name, sgroups)
        typed_ref = elt.get(_TYPED_DOMAIN_REF)
        chain = _type_chain(declared, type_bases)
        out[name] = Concept(
            qname=name,
            id=elt.get("id"),
            type=declared,
            type_chain=chain,
            substitution_group=sgroups[name],
            head=ns.ITEM if ns.ITEM in heads else ns.TUPLE if ns.TUPLE in heads else None,
            period_type=elt.get(_PERIOD_TYPE),
            balance=elt.get(_BALANCE),
            abstract=elt.get("abstract", "false").strip() in ("true", "1"),
            nillable=elt.get("nillable", "false").strip() in ("true", "1"),
            typed_domain_ref=None if typed_ref is None else _typed_domain(docs, doc, elt, typed_ref, findings),
            is_hypercube=ns.HYPERCUBE_ITEM in heads,
            is_dimension=ns.DIMENSION_ITEM in heads,
            file=str(doc.path),
            line=elt.sourceline,
            default=elt.get("fixed", elt.get("default")),
            attribute_defaults=_attribute_defaults(elt, chain, type_defaults),
        )
    return out


def _typed_domain(docs: Mapping[str, Doc], doc: Doc, elt: etree._Element, href: str,
                  findings: list[Finding]) -> str | None:
    url, _, frag = urljoin(doc.url, href.strip()).partition("#")
    target_doc = docs.get(url)
    target = target_doc.ids.get(frag) if target_doc is not None else None
    if target is None or target.tag != _XS_ELEMENT or target_doc is None or target.getparent() is not target_doc.root:
        findings.append(error(
            TYPED_DOMAIN_REF,
            f"xbrldt:typedDomainRef {href!r} of {elt.get('name')} does not point to a global element declaration",
            file=str(doc.path), line=elt.sourceline, element=elt.get("name"),
            ref="XBRL Dimensions 1.0 section 2 (xbrldt:typedDomainRef)",
        ))
        return None
    return clark(target_doc.target_namespace, target.get("name", ""))


def role_types(docs: Mapping[str, Doc]) -> tuple[dict[str, RoleType], dict[str, ArcroleType]]:
    """``link:roleType`` and ``link:arcroleType`` by URI (the first declaration wins)."""
    roles: dict[str, RoleType] = {}
    arcroles: dict[str, ArcroleType] = {}
    for doc in docs.values():
        if doc.kind != "schema":
            continue
        for item in _role_type_elements(doc.root):
            definition = item.findtext(_DEFINITION)
            used_on = tuple(
                resolve_qname(u, (u.text or "").strip()) or (u.text or "").strip() for u in item.iterchildren(_USED_ON)
            )
            if item.tag == _ROLE_TYPE:
                uri = item.get("roleURI", "")
                roles.setdefault(uri, RoleType(uri, definition, used_on, str(doc.path), item.sourceline))
            else:
                uri = item.get("arcroleURI", "")
                arcroles.setdefault(uri, ArcroleType(uri, definition, used_on, item.get("cyclesAllowed", ""),
                                                     str(doc.path), item.sourceline))
    return roles, arcroles


def _role_type_elements(root: etree._Element) -> list[etree._Element]:
    return [item for ann in root.iterchildren(_XS_ANNOTATION) for info in ann.iterchildren(_XS_APPINFO)
            for item in info if item.tag in (_ROLE_TYPE, _ARCROLE_TYPE)]


def _raw_concepts(schemas: list[Doc]) -> dict[str, tuple[Doc, etree._Element]]:
    raw: dict[str, tuple[Doc, etree._Element]] = {}
    for doc in schemas:
        tns = doc.target_namespace
        for elt in doc.root.iterchildren(_XS_ELEMENT):
            name = elt.get("name")
            if name:
                raw.setdefault(clark(tns, name), (doc, elt))
    return raw


def _type_bases(schemas: list[Doc]) -> dict[str, str]:
    """Named type → its base type, for every named type in the DTS."""
    bases: dict[str, str] = {}
    for doc in schemas:
        tns = doc.target_namespace
        for elt in doc.root:
            if elt.tag in (_XS_COMPLEX, _XS_SIMPLE) and elt.get("name"):
                base = _derivation_base(elt)
                if base:
                    bases[clark(tns, elt.get("name", ""))] = base
    return bases


def _type_attribute_defaults(schemas: list[Doc]) -> dict[str, dict[str, str]]:
    """Named complex type → attribute → the default or fixed value it declares."""
    result: dict[str, dict[str, str]] = {}
    for doc in schemas:
        for elt in doc.root.iterchildren(_XS_COMPLEX):
            values = _declared_defaults(elt)
            if values and elt.get("name"):
                result[clark(doc.target_namespace, elt.get("name", ""))] = values
    return result


def _declared_defaults(type_elt: etree._Element) -> dict[str, str]:
    values: dict[str, str] = {}
    for attr in type_elt.iter(clark(ns.XSD, "attribute")):
        value = attr.get("fixed", attr.get("default"))
        if attr.get("name") and value is not None:
            values.setdefault(attr.get("name", ""), value)
    return values


def _attribute_defaults(elt: etree._Element, chain: tuple[str, ...],
                        by_type: Mapping[str, Mapping[str, str]]) -> tuple[tuple[str, str], ...]:
    values: dict[str, str] = {}
    for child in elt.iterchildren(_XS_COMPLEX):
        values.update(_declared_defaults(child))
    for type_name in chain:  # the nearest declaration wins
        for name, value in by_type.get(type_name, {}).items():
            values.setdefault(name, value)
    return tuple(sorted(values.items()))


def _derivation_base(type_elt: etree._Element) -> str | None:
    for node in type_elt.iter(clark(ns.XSD, "restriction"), clark(ns.XSD, "extension")):
        base = node.get("base")
        if base:
            return resolve_qname(node, base)
    return None


def _anonymous_base(elt: etree._Element) -> str | None:
    for child in elt:
        if child.tag in (_XS_COMPLEX, _XS_SIMPLE):
            return _derivation_base(child)
    return None


def _type_chain(declared: str | None, bases: Mapping[str, str]) -> tuple[str, ...]:
    if declared is None:
        return ()
    chain = [declared]
    current = declared
    while current not in ns.ITEM_TYPES and len(chain) < 32:
        nxt = bases.get(current) or _builtin_base(current)
        if nxt is None or nxt in chain:
            break
        chain.append(nxt)
        current = nxt
    return tuple(chain)


def _builtin_base(type_name: str) -> str | None:
    namespace, local = ns.split_clark(type_name)
    if namespace.startswith(ns.DTR_TYPES_PREFIX):
        base = ns.DTR_NUMERIC_BASES.get(local) or ns.DTR_NON_NUMERIC_BASES.get(local)
        return clark(ns.XBRLI, base) if base else None
    return None


def _head_chain(name: str, sgroups: Mapping[str, str | None]) -> tuple[str, ...]:
    chain: list[str] = []
    current: str | None = sgroups.get(name)
    while current is not None and current not in chain and len(chain) < 32:
        chain.append(current)
        current = sgroups.get(current) if current in sgroups else _SUBSTITUTION_HEADS.get(current)
    return tuple(chain)


def qname_attr(elt: etree._Element, attr: str) -> str | None:
    value = elt.get(attr)
    return resolve_qname(elt, value.strip()) if value else None


def resolve_qname(elt: etree._Element, value: str) -> str | None:
    prefix, sep, local = value.partition(":")
    if not sep:
        prefix, local = None, value  # type: ignore[assignment]
    namespace = elt.nsmap.get(prefix)
    if prefix is not None and namespace is None:
        return None
    return clark(namespace, local)
