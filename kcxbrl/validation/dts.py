"""Discover a DTS offline and gather what validation needs from it.

Discovery follows XBRL 2.1 section 3.2: from an instance, its ``link:schemaRef``
and ``link:linkbaseRef`` elements; from a schema, ``xs:import``, ``xs:include``
and ``link:linkbaseRef`` in ``xs:appinfo``; from a linkbase, locators,
``link:roleRef``, ``link:arcroleRef`` and ``link:linkbaseRef``.  Relative
addresses resolve against the referring document; official addresses
(``http://www.xbrl.org/...``) resolve through :data:`kcxbrl.validation.locations.LOCATIONS`
to bundled files.  The base schemas kcxbrl knows by heart
(:data:`kcxbrl.xbrl.ns.BUILTIN_SCHEMAS`) count as resolved even when not
bundled.  Nothing is fetched from the network.

The result, :class:`Dts`, is immutable: concepts with their type derived to
an xbrli base item type (XBRL 2.1 section 5.1.1.3), role and arcrole types,
and the relationships of every base set after prohibition and overriding
(XBRL 2.1 section 3.5.3.9.7).
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Iterator, Mapping
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from kcxbrl.findings import Finding, error
from kcxbrl.xbrl import ns
from kcxbrl.xbrl.ns import clark
from kcxbrl.validation.safexml import parse_file

log = logging.getLogger(__name__)

_XS_SCHEMA = clark(ns.XSD, "schema")
_XS_ELEMENT = clark(ns.XSD, "element")
_XS_IMPORT = clark(ns.XSD, "import")
_XS_INCLUDE = clark(ns.XSD, "include")
_XS_COMPLEX = clark(ns.XSD, "complexType")
_XS_SIMPLE = clark(ns.XSD, "simpleType")
_XS_ANNOTATION = clark(ns.XSD, "annotation")
_XS_APPINFO = clark(ns.XSD, "appinfo")
_LINKBASE = clark(ns.LINK, "linkbase")
_LINKBASE_REF = clark(ns.LINK, "linkbaseRef")
_SCHEMA_REF = clark(ns.LINK, "schemaRef")
_ROLE_REF = clark(ns.LINK, "roleRef")
_ARCROLE_REF = clark(ns.LINK, "arcroleRef")
_ROLE_TYPE = clark(ns.LINK, "roleType")
_ARCROLE_TYPE = clark(ns.LINK, "arcroleType")
_DEFINITION = clark(ns.LINK, "definition")
_USED_ON = clark(ns.LINK, "usedOn")
_LABEL = clark(ns.LINK, "label")
_LOC = clark(ns.LINK, "loc")
_XML_BASE = clark(ns.XML, "base")

_PERIOD_TYPE = clark(ns.XBRLI, "periodType")
_BALANCE = clark(ns.XBRLI, "balance")
_TYPED_DOMAIN_REF = clark(ns.XBRLDT, "typedDomainRef")
_CLOSED = clark(ns.XBRLDT, "closed")
_CONTEXT_ELEMENT = clark(ns.XBRLDT, "contextElement")
_TARGET_ROLE = clark(ns.XBRLDT, "targetRole")
_USABLE = clark(ns.XBRLDT, "usable")

# Attributes that do not take part in relationship equivalence (XBRL 2.1 3.5.3.9.7.4)
_EXEMPT = frozenset({"use", "priority", ns.XLINK_TYPE, ns.XLINK_FROM, ns.XLINK_TO, ns.XLINK_ARCROLE,
                     ns.XLINK_ROLE, clark(ns.XLINK, "title"), clark(ns.XLINK, "show"), clark(ns.XLINK, "actuate")})

_SUBSTITUTION_HEADS = {ns.HYPERCUBE_ITEM: ns.ITEM, ns.DIMENSION_ITEM: ns.ITEM}

SCHEMA_REF_MISSING = "xbrl.4.2:schemaRefMissing"
SCHEMA_REF_UNRESOLVABLE = "xbrl.4.2:schemaRefUnresolvable"
SCHEMA_REF_HREF = "xbrl.4.2.2:schemaRefHref"
HREF_UNRESOLVABLE = "xbrl.3.2:hrefUnresolvable"
REF_OUTSIDE_FOLDER = "kcxbrl:refOutsideFolder"
HREF_ID_NOT_FOUND = "xbrl.3.5.4:hrefIdNotFound"
TYPED_DOMAIN_REF = "xbrldte:TypedDomainRefError"
LOCATOR_TARGET = "xbrl.3.5.3.7.2:locatorTarget"
_RESOURCE_ARCROLES = frozenset({ns.CONCEPT_LABEL, ns.CONCEPT_REFERENCE})


# --------------------------------------------------------------------------
# The result
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Concept:
    """A global element declaration in the DTS (XBRL 2.1 section 5.1.1).

    ``<xs:element name="Revenues" type="xbrli:monetaryItemType"
    substitutionGroup="xbrli:item" xbrli:periodType="duration"
    xbrli:balance="credit"/>`` gives ``base_type`` ``{xbrli}monetaryItemType``
    and ``head`` ``{xbrli}item``.
    """

    qname: str  # Clark notation
    id: str | None
    type: str | None
    type_chain: tuple[str, ...]  # the declared type, then each base up to the xbrli item type
    substitution_group: str | None
    head: str | None  # {xbrli}item, {xbrli}tuple or None
    period_type: str | None
    balance: str | None
    abstract: bool
    nillable: bool
    typed_domain_ref: str | None  # Clark name of the typed-domain element, once resolved
    is_hypercube: bool
    is_dimension: bool
    file: str
    line: int | None
    default: str | None = None  # the declaration's default or fixed value
    # default or fixed values its type gives to attributes (decimals="2"), XML Schema 1.0 3.2
    attribute_defaults: tuple[tuple[str, str], ...] = ()

    @cached_property
    def base_type(self) -> str | None:
        last = self.type_chain[-1] if self.type_chain else None
        return last if last in ns.ITEM_TYPES else None

    @property
    def is_item(self) -> bool:
        return self.head == ns.ITEM

    @property
    def is_tuple(self) -> bool:
        return self.head == ns.TUPLE

    @property
    def is_numeric(self) -> bool:
        return self.base_type in ns.NUMERIC_ITEM_TYPES

    @property
    def is_decimal(self) -> bool:
        return self.base_type in ns.DECIMAL_ITEM_TYPES

    @property
    def is_fraction(self) -> bool:
        return self.base_type == ns.FRACTION_ITEM_TYPE

    @property
    def is_monetary(self) -> bool:
        return self.base_type == ns.MONETARY_ITEM_TYPE

    @property
    def is_shares(self) -> bool:
        return self.base_type == ns.SHARES_ITEM_TYPE

    @property
    def is_pure(self) -> bool:
        return self.base_type == ns.PURE_ITEM_TYPE

    @cached_property
    def is_per_share(self) -> bool:
        return any(t.startswith("{" + ns.DTR_TYPES_PREFIX) and t.endswith("}perShareItemType") for t in self.type_chain)

    @property
    def is_text(self) -> bool:
        return self.base_type in ns.TEXT_ITEM_TYPES

    @property
    def is_typed_dimension(self) -> bool:
        return self.is_dimension and self.typed_domain_ref is not None


@dataclass(frozen=True)
class RoleType:
    """``link:roleType`` (XBRL 2.1 section 5.1.3)."""

    uri: str
    definition: str | None
    used_on: tuple[str, ...]
    file: str
    line: int | None


@dataclass(frozen=True)
class ArcroleType:
    """``link:arcroleType`` (XBRL 2.1 section 5.1.4)."""

    uri: str
    definition: str | None
    used_on: tuple[str, ...]
    cycles_allowed: str
    file: str
    line: int | None


@dataclass(frozen=True)
class Relationship:
    """One arc between two concepts in a base set (XBRL 2.1 section 3.5.3.9).

    Dimensional attributes (Dimensions 1.0 section 2) are kept when present;
    ``weight`` only on summation-item arcs (XBRL 2.1 section 5.2.5.2).
    """

    arcrole: str
    link_role: str
    link_name: str
    arc_name: str
    source: str
    target: str
    order: Decimal
    weight: Decimal | None
    priority: int
    closed: bool
    context_element: str | None
    target_role: str | None
    usable: bool
    preferred_label: str | None
    file: str
    line: int | None

    @property
    def consecutive_role(self) -> str:
        """The link role where the next arc of a dimensional chain is found."""
        return self.target_role or self.link_role


@dataclass(frozen=True)
class Label:
    """A ``link:label`` resource reached from a concept (XBRL 2.1 section 5.2.2)."""

    concept: str
    role: str
    lang: str
    text: str


@dataclass(frozen=True)
class DocumentInfo:
    url: str
    path: Path | None  # None for built-in schemas that are not bundled
    kind: str  # "schema", "linkbase", "builtin"
    target_namespace: str | None = None
    # the parsed document, for the taxonomy rules (None for built-in schemas)
    root: etree._Element | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Dts:
    """The discovered taxonomy: immutable, indexed for the rules."""

    documents: Mapping[str, DocumentInfo]
    concepts: Mapping[str, Concept]
    role_types: Mapping[str, RoleType]
    arcrole_types: Mapping[str, ArcroleType]
    relationships: tuple[Relationship, ...]
    labels: tuple[Label, ...]
    entry_schemas: tuple[Path, ...]
    findings: tuple[Finding, ...] = field(default=())

    @cached_property
    def _by_arcrole(self) -> Mapping[str, tuple[Relationship, ...]]:
        grouped: dict[str, list[Relationship]] = defaultdict(list)
        for rel in self.relationships:
            grouped[rel.arcrole].append(rel)
        return MappingProxyType({k: tuple(v) for k, v in grouped.items()})

    @cached_property
    def _labels(self) -> Mapping[tuple[str, str, str], str]:
        return MappingProxyType({(l.concept, l.role, l.lang.lower()): l.text for l in self.labels})

    def base_sets(self, *arcroles: str) -> tuple[Relationship, ...]:
        """Every relationship with one of ``arcroles``, in document order."""
        if len(arcroles) == 1:
            return self._by_arcrole.get(arcroles[0], ())
        return tuple(r for a in arcroles for r in self._by_arcrole.get(a, ()))

    def label(self, concept: str, *, role: str = ns.STANDARD_LABEL, lang: str = "en") -> str | None:
        return self._labels.get((concept, role, lang.lower()))

    def schema_files(self) -> tuple[Path, ...]:
        return tuple(d.path for d in self.documents.values() if d.kind == "schema" and d.path is not None)


# --------------------------------------------------------------------------
# Discovery
# --------------------------------------------------------------------------


def discover(instance_path: Path, root: etree._Element, *, outside: bool = False) -> Dts:
    """The DTS of an instance whose root element is ``root``.

    A reference of the instance to a local file outside the instance's
    folder (``../../etc/passwd``) is a finding and is not opened, unless
    ``outside`` allows it: validating a file must not read what a stranger
    points it at.
    """
    loader = _Loader()
    base = instance_path.resolve().as_uri()
    where = str(instance_path)
    schema_refs = [e for e in root if e.tag == _SCHEMA_REF]
    if not schema_refs:
        loader.findings.append(
            error(
                SCHEMA_REF_MISSING,
                "the instance has no link:schemaRef; every XBRL instance must name its taxonomy schema",
                file=where,
                line=root.sourceline,
                element="xbrli:xbrl",
                ref="XBRL 2.1 section 4.2",
            )
        )
    refs = [(ref, "schema") for ref in schema_refs] + [
        (ref, "linkbase" if ref.tag == _LINKBASE_REF else "optional")
        for ref in root if ref.tag in (_LINKBASE_REF, _ROLE_REF, _ARCROLE_REF)
    ]
    if not outside:
        refs = [(ref, kind) for ref, kind in refs if _inside(instance_path, base, ref, loader)]
    key = tuple((kind, urljoin(element_base(base, ref), (ref.get(ns.XLINK_HREF) or "").strip())) for ref, kind in refs)
    cached = _cached(key)
    if cached is not None:
        return cached
    for ref, kind in refs:
        loader.entry(ref.get(ns.XLINK_HREF), element_base(base, ref), where, ref.sourceline, schema=kind == "schema",
                     optional=kind == "optional")
    return _remember(key, loader.build())


def _inside(instance_path: Path, base: str, ref: etree._Element, loader: _Loader) -> bool:
    """Whether a reference of the instance stays in the instance's folder (or is not a local file)."""
    url = urljoin(element_base(base, ref), (ref.get(ns.XLINK_HREF) or "").strip())
    parts = urlsplit(url)
    if parts.scheme != "file":
        return True  # official URLs map to the bundled schemas; other URLs are never fetched
    target = Path(unquote(parts.path)).resolve()
    folder = instance_path.resolve().parent
    if target == folder or folder in target.parents:
        return True
    loader.findings.append(error(
        REF_OUTSIDE_FOLDER,
        f"the reference to {url} leaves the instance's folder {folder}; it is not opened "
        "(kcxbrl validate --follow-outside-refs opens it)",
        file=str(instance_path), line=ref.sourceline, element=etree.QName(ref).localname,
        ref="XBRL 2.1 section 4.2 (schemaRef); kcxbrl's offline policy",
    ))
    return False


def discover_taxonomy(path: Path, root: etree._Element) -> Dts:
    """The DTS that starts at a taxonomy schema or a linkbase (XBRL 2.1 section 3.2)."""
    loader = _Loader()
    url = path.resolve().as_uri()
    key = (("taxonomy", url),)
    cached = _cached(key)
    if cached is not None:
        return cached
    loader.entry(url, url, str(path), root.sourceline, schema=root.tag == _XS_SCHEMA)
    return _remember(key, loader.build())


# Recently discovered DTSs by their entry points, for validating many
# instances of one taxonomy: reused while none of their files has changed.
# A DTS whose discovery had findings is not kept (they name the referring file).
_CACHE: OrderedDict[tuple[tuple[str, str], ...], tuple[Dts, tuple[tuple[Path, tuple[int, int]], ...]]] = OrderedDict()
_CACHE_SIZE = 32


def _cached(key: tuple[tuple[str, str], ...]) -> Dts | None:
    entry = _CACHE.get(key)
    if entry is None:
        return None
    dts, stamps = entry
    if any(_mtime(path) != stamp for path, stamp in stamps):
        del _CACHE[key]
        return None
    _CACHE.move_to_end(key)
    return dts


def _remember(key: tuple[tuple[str, str], ...], dts: Dts) -> Dts:
    if dts.findings or not key:
        return dts
    stamps = tuple((d.path, _mtime(d.path)) for d in dts.documents.values() if d.path is not None)
    _CACHE[key] = (dts, stamps)
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return dts


def _mtime(path: Path) -> tuple[int, int]:
    """Modification time and size: a file rewritten within the clock's resolution still shows."""
    try:
        stat = path.stat()
    except OSError:
        return (-1, -1)
    return (stat.st_mtime_ns, stat.st_size)


def load(entries: Iterable[Path | str]) -> Dts:
    """The DTS that starts at the given schema files or official addresses."""
    loader = _Loader()
    for entry in entries:
        url = entry.resolve().as_uri() if isinstance(entry, Path) else str(entry)
        loader.entry(url, url, str(entry), None, schema=True)
    return loader.build()


def _locations() -> Mapping[str, Path]:
    try:
        from kcxbrl.validation.locations import LOCATIONS
    except ImportError:  # the bundled base schemas are optional
        return {}
    return LOCATIONS


def url_to_path(url: str) -> Path | None:
    """The local file an address stands for, through the bundled-schema map."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return Path(unquote(parts.path))
    if parts.scheme in ("http", "https"):
        locations = _locations()
        for candidate in (url, _swap_scheme(url)):
            if candidate in locations:
                return Path(locations[candidate])
        return None
    if not parts.scheme:
        return Path(url)
    return None


def _swap_scheme(url: str) -> str:
    if url.startswith("https://"):
        return "http://" + url[len("https://") :]
    if url.startswith("http://"):
        return "https://" + url[len("http://") :]
    return url


def _is_builtin(url: str) -> bool:
    return url in ns.BUILTIN_SCHEMAS or _swap_scheme(url) in ns.BUILTIN_SCHEMAS


@dataclass
class _Doc:
    """A document while the DTS is being built (internal, mutable)."""

    url: str
    path: Path
    root: etree._Element
    kind: str
    target_namespace: str | None = None


class _Loader:
    """Builds a :class:`Dts`; used once, then thrown away."""

    def __init__(self) -> None:
        self._type_defaults: dict[str, dict[str, str]] = {}
        self._types: object | None = None  # xstypes.TypeIndex, built when an arc needs it
        self.findings: list[Finding] = []
        self.docs: dict[str, _Doc] = {}
        self.builtin: set[str] = set()
        self.unresolvable: set[str] = set()
        self.entry_schemas: list[Path] = []
        self.queue: list[tuple[str, str | None]] = []  # (url, chameleon namespace)
        self._joined: dict[tuple[str, str], str] = {}

    # -- discovery ---------------------------------------------------------

    def entry(self, href: str | None, base: str, where: str, line: int | None, *, schema: bool, optional: bool = False) -> None:
        if not href:
            return
        url = urljoin(base, href.strip()).partition("#")[0]
        ok = self._discover(url, None, where, line, code=SCHEMA_REF_UNRESOLVABLE if schema else HREF_UNRESOLVABLE,
                            optional=optional)
        if ok and schema and url in self.docs:
            if self.docs[url].kind == "schema":
                self.entry_schemas.append(self.docs[url].path)
            else:
                self.findings.append(
                    error(
                        SCHEMA_REF_HREF,
                        f"schemaRef {href.strip()} points to a document that is not an XML Schema",
                        file=where,
                        line=line,
                        element="link:schemaRef",
                        ref="XBRL 2.1 section 4.2.2",
                    )
                )
        self._drain()

    def _discover(self, url: str, chameleon: str | None, where: str, line: int | None, *, code: str,
                  optional: bool = False) -> bool:
        if url in self.docs or url in self.builtin:
            return True
        if url in self.unresolvable:
            return False
        path = url_to_path(url)
        if path is None or not path.is_file():
            if _is_builtin(url):
                self.builtin.add(url)
                return True
            self.unresolvable.add(url)
            if optional:
                return False
            where_kind = "schemaRef" if code == SCHEMA_REF_UNRESOLVABLE else "reference"
            self.findings.append(
                error(
                    code,
                    f"{where_kind} {url} cannot be resolved offline"
                    + ("" if path is None else f" (no file {path})"),
                    file=where,
                    line=line,
                    element="link:schemaRef" if code == SCHEMA_REF_UNRESOLVABLE else None,
                    ref="XBRL 2.1 section 3.2 (DTS discovery)" if code == HREF_UNRESOLVABLE else "XBRL 2.1 section 4.2.2",
                )
            )
            return False
        parsed = parse_file(path)
        if parsed.root is None:
            self.findings.extend(parsed.findings)
            self.unresolvable.add(url)
            return False
        root = parsed.root
        if root.tag == _XS_SCHEMA:
            tns = root.get("targetNamespace") or chameleon
            self.docs[url] = _Doc(url, path, root, "schema", tns)
        elif root.tag == _LINKBASE:
            self.docs[url] = _Doc(url, path, root, "linkbase")
        else:
            self.docs[url] = _Doc(url, path, root, "other")
        self.queue.append((url, chameleon))
        return True

    def _drain(self) -> None:
        while self.queue:
            url, _ = self.queue.pop()
            doc = self.docs[url]
            for href, line, code, chameleon in self._references(doc):
                target = urljoin(doc.url, href.strip()).partition("#")[0]
                if target:
                    self._discover(target, chameleon, str(doc.path), line, code=code)

    def _references(self, doc: _Doc) -> Iterator[tuple[str, int | None, str, str | None]]:
        root = doc.root
        if doc.kind == "schema":
            for child in root:
                if child.tag == _XS_IMPORT and child.get("schemaLocation"):
                    yield child.get("schemaLocation", ""), child.sourceline, HREF_UNRESOLVABLE, None
                elif child.tag == _XS_INCLUDE and child.get("schemaLocation"):
                    yield child.get("schemaLocation", ""), child.sourceline, HREF_UNRESOLVABLE, doc.target_namespace
            for appinfo in root.iterchildren(_XS_ANNOTATION):
                for info in appinfo.iterchildren(_XS_APPINFO):
                    for item in info:
                        if item.tag == _LINKBASE_REF and item.get(ns.XLINK_HREF):
                            href = urljoin(element_base(doc.url, item), item.get(ns.XLINK_HREF, "").strip())
                            yield href, item.sourceline, HREF_UNRESOLVABLE, None
                        elif item.tag == _LINKBASE:
                            yield from self._linkbase_references(doc.url, item)
        elif doc.kind == "linkbase":
            yield from self._linkbase_references(doc.url, root)

    @staticmethod
    def _linkbase_references(url: str, linkbase: etree._Element) -> Iterator[tuple[str, int | None, str, str | None]]:
        seen: set[str] = set()
        for child in linkbase:
            if not isinstance(child.tag, str):
                continue
            if child.tag in (_ROLE_REF, _ARCROLE_REF, _LINKBASE_REF):
                href = child.get(ns.XLINK_HREF)
                if href:
                    yield urljoin(element_base(url, child), href.strip()), child.sourceline, HREF_UNRESOLVABLE, None
            elif child.get(ns.XLINK_TYPE) == "extended":
                for loc in child:
                    # only link:loc takes part in discovery (XBRL 2.1 section 3.2)
                    if loc.tag == _LOC and loc.get(ns.XLINK_TYPE) == "locator":
                        doc_part = (loc.get(ns.XLINK_HREF) or "").strip().partition("#")[0]
                        target = urljoin(element_base(url, loc), doc_part) if doc_part else ""
                        if target not in seen:
                            seen.add(target)
                            if target:
                                yield target, loc.sourceline, HREF_UNRESOLVABLE, None

    # -- building ----------------------------------------------------------

    def build(self) -> Dts:
        schemas = [d for d in self.docs.values() if d.kind == "schema"]
        ids: dict[tuple[str, str], etree._Element] = {}
        for doc in self.docs.values():
            for elt in doc.root.iter():
                if isinstance(elt.tag, str):
                    ident = elt.get("id")
                    if ident is not None:
                        ids[(doc.url, ident)] = elt
        type_bases = _type_bases(schemas)
        self._type_defaults = _type_attribute_defaults(schemas)
        raw = _raw_concepts(schemas)
        concepts = self._concepts(raw, type_bases, ids)
        role_types, arcrole_types = self._role_types(schemas)
        rels, labels = self._relationships(ids)
        documents = {
            url: DocumentInfo(url, d.path, d.kind, d.target_namespace, d.root) for url, d in self.docs.items()
        }
        for url in sorted(self.builtin):
            documents[url] = DocumentInfo(url, None, "builtin")
        return Dts(
            documents=MappingProxyType(documents),
            concepts=MappingProxyType(concepts),
            role_types=MappingProxyType(role_types),
            arcrole_types=MappingProxyType(arcrole_types),
            relationships=tuple(rels),
            labels=tuple(labels),
            entry_schemas=tuple(dict.fromkeys(self.entry_schemas)),
            findings=tuple(self.findings),
        )

    def _concepts(self, raw: Mapping[str, tuple[_Doc, etree._Element]], type_bases: Mapping[str, str],
                  ids: Mapping[tuple[str, str], etree._Element]) -> dict[str, Concept]:
        sgroups = {name: _qname_attr(elt, "substitutionGroup") for name, (_, elt) in raw.items()}
        concepts: dict[str, Concept] = {}
        for name, (doc, elt) in raw.items():
            declared = _qname_attr(elt, "type") or _anonymous_base(elt)
            heads = _head_chain(name, sgroups)
            typed_ref = elt.get(_TYPED_DOMAIN_REF)
            typed_name: str | None = None
            if typed_ref is not None:
                typed_name = self._typed_domain(doc, elt, typed_ref, ids)
            concepts[name] = Concept(
                qname=name,
                id=elt.get("id"),
                type=declared,
                type_chain=_type_chain(declared, type_bases),
                substitution_group=sgroups[name],
                head=ns.ITEM if ns.ITEM in heads else ns.TUPLE if ns.TUPLE in heads else None,
                period_type=elt.get(_PERIOD_TYPE),
                balance=elt.get(_BALANCE),
                abstract=elt.get("abstract", "false").strip() in ("true", "1"),
                nillable=elt.get("nillable", "false").strip() in ("true", "1"),
                typed_domain_ref=typed_name,
                is_hypercube=ns.HYPERCUBE_ITEM in heads,
                is_dimension=ns.DIMENSION_ITEM in heads,
                file=str(doc.path),
                line=elt.sourceline,
                default=elt.get("fixed", elt.get("default")),
                attribute_defaults=_attribute_defaults(elt, _type_chain(declared, type_bases), self._type_defaults),
            )
        return concepts

    def _typed_domain(self, doc: _Doc, elt: etree._Element, href: str,
                      ids: Mapping[tuple[str, str], etree._Element]) -> str | None:
        url, _, frag = urljoin(doc.url, href.strip()).partition("#")
        target = ids.get((url, frag))
        target_doc = self.docs.get(url)
        if target is None or target.tag != _XS_ELEMENT or target_doc is None or target.getparent() is not target_doc.root:
            self.findings.append(
                error(
                    TYPED_DOMAIN_REF,
                    f"xbrldt:typedDomainRef {href!r} of {elt.get('name')} does not point to a global element declaration",
                    file=str(doc.path),
                    line=elt.sourceline,
                    element=elt.get("name"),
                    ref="XBRL Dimensions 1.0 section 2 (xbrldt:typedDomainRef)",
                )
            )
            return None
        return clark(target_doc.target_namespace, target.get("name", ""))

    def _resource_arc(self, arc: etree._Element, arcrole: str, ends: Mapping[str, set[str]], where: str) -> None:
        """Concept-label and concept-reference arcs go from concepts to resources (XBRL 2.1 5.2.2.3, 5.2.3.3);
        a locator to another linkbase's resource only on a prohibiting arc."""
        kind = "label" if arcrole == ns.CONCEPT_LABEL else "reference"
        section = "5.2.2.3" if kind == "label" else "5.2.3.3"
        sources = ends.get(arc.get(ns.XLINK_FROM, ""), set())
        targets = ends.get(arc.get(ns.XLINK_TO, ""), set())
        allowed = {"resource", "remote resource"} if arc.get("use") == "prohibited" else {"resource"}
        if sources - {"concept"}:
            problem = f"goes from something that is not a concept ({', '.join(sorted(sources - {'concept'}))})"
        elif targets - allowed:
            problem = f"goes to something it may not ({', '.join(sorted(targets - allowed))})"
        else:
            return
        self.findings.append(error(f"xbrl.{section}:concept{kind.title()}Arc", f"concept-{kind} arc {problem}",
                                   file=where, line=arc.sourceline, ref=f"XBRL 2.1 section {section}"))

    def _nonexempt(self, arc: etree._Element) -> tuple[tuple[str, object], ...]:
        """The arc's non-exempt attributes as typed values, defaults filled in (XBRL 2.1 3.5.3.9.7.4)."""
        values: dict[str, object] = {"order": Decimal(1)}
        for name, text in arc.attrib.items():
            if name in _EXEMPT:
                continue
            if name in ("order", "weight"):
                values[name] = _decimal(text) if _decimal(text) is not None else text.strip()
            else:
                values[name] = self._attribute_value(name, text)
        return tuple(sorted(values.items(), key=lambda kv: kv[0]))

    def _attribute_value(self, name: str, text: str) -> object:
        from kcxbrl.validation.rules.xstypes import TypeIndex, typed_value

        if self._types is None:
            self._types = TypeIndex(d.root for d in self.docs.values() if d.kind == "schema")
        return typed_value(text, self._types, self._types.global_attributes.get(name))

    def _join(self, base: str, href: str) -> tuple[str, str]:
        """``href`` resolved against ``base``, as (document address, fragment)."""
        doc_part, _, frag = href.strip().partition("#")
        key = (base, doc_part)
        url = self._joined.get(key)
        if url is None:
            url = urljoin(base, doc_part).partition("#")[0] if doc_part else base
            self._joined[key] = url
        return url, frag

    def _concept_name(self, url: str, target: etree._Element) -> str | None:
        doc = self.docs[url]
        if doc.kind == "schema" and target.tag == _XS_ELEMENT and target.getparent() is doc.root:
            name = target.get("name")
            if name:
                return clark(doc.target_namespace, name)
        return None

    def _role_types(self, schemas: list[_Doc]) -> tuple[dict[str, RoleType], dict[str, ArcroleType]]:
        roles: dict[str, RoleType] = {}
        arcroles: dict[str, ArcroleType] = {}
        for doc in schemas:
            for ann in doc.root.iterchildren(_XS_ANNOTATION):
                for info in ann.iterchildren(_XS_APPINFO):
                    for item in info:
                        if item.tag not in (_ROLE_TYPE, _ARCROLE_TYPE):
                            continue
                        definition = item.findtext(_DEFINITION)
                        used_on = tuple(
                            _resolve_qname(u, (u.text or "").strip()) or (u.text or "").strip()
                            for u in item.iterchildren(_USED_ON)
                        )
                        if item.tag == _ROLE_TYPE:
                            uri = item.get("roleURI", "")
                            roles.setdefault(uri, RoleType(uri, definition, used_on, str(doc.path), item.sourceline))
                        else:
                            uri = item.get("arcroleURI", "")
                            arcroles.setdefault(
                                uri,
                                ArcroleType(uri, definition, used_on, item.get("cyclesAllowed", ""), str(doc.path), item.sourceline),
                            )
        return roles, arcroles

    def _relationships(self, ids: Mapping[tuple[str, str], etree._Element]) -> tuple[list[Relationship], list[Label]]:
        arcs: list[tuple[tuple[object, ...], int, bool, Relationship]] = []
        labels: list[Label] = []
        for doc in self.docs.values():
            for link in _extended_links(doc):
                self._link(doc, link, ids, arcs, labels)
        return _effective(arcs), labels

    def _link(self, doc: _Doc, link: etree._Element, ids: Mapping[tuple[str, str], etree._Element],
              arcs: list[tuple[tuple[object, ...], int, bool, Relationship]], labels: list[Label]) -> None:
        where = str(doc.path)
        link_role = link.get(ns.XLINK_ROLE, "")
        concepts_by_label: dict[str, list[str]] = defaultdict(list)
        resources_by_label: dict[str, list[etree._Element]] = defaultdict(list)
        arc_elements: list[etree._Element] = []
        standard = link.tag.startswith("{" + ns.LINK + "}")
        ends: dict[str, set[str]] = defaultdict(set)  # label → kinds of what it names
        for child in link:
            if not isinstance(child.tag, str):
                continue
            kind = child.get(ns.XLINK_TYPE)
            if kind == "locator":
                href = child.get(ns.XLINK_HREF, "")
                url, frag = self._join(element_base(doc.url, child), href)
                if url in self.builtin or url in self.unresolvable or url not in self.docs:
                    continue
                target = _fragment(ids, self.docs.get(url), url, frag)
                if target is None:
                    self.findings.append(
                        error(
                            HREF_ID_NOT_FOUND,
                            f"locator href {href!r} points to nothing in {url}",
                            file=where,
                            line=child.sourceline,
                            ref="XBRL 2.1 section 3.5.4",
                        )
                    )
                    continue
                name = self._concept_name(url, target)
                label = child.get(ns.XLINK_LABEL, "")
                if name is not None:
                    concepts_by_label[label].append(name)
                    ends[label].add("concept")
                elif target.get(ns.XLINK_TYPE) == "resource":
                    ends[label].add("remote resource")
                else:
                    ends[label].add("other")
                    if standard:
                        self.findings.append(error(
                            LOCATOR_TARGET,
                            f"locator href {href!r} in a standard link points to neither a concept nor a resource",
                            file=where, line=child.sourceline, ref="XBRL 2.1 section 3.5.3.7.2"))
            elif kind == "resource":
                resources_by_label[child.get(ns.XLINK_LABEL, "")].append(child)
                ends[child.get(ns.XLINK_LABEL, "")].add("resource")
            elif kind == "arc":
                arc_elements.append(child)
        for arc in arc_elements:
            arcrole = arc.get(ns.XLINK_ARCROLE, "")
            if standard and arcrole in _RESOURCE_ARCROLES:
                self._resource_arc(arc, arcrole, ends, where)
            sources = concepts_by_label.get(arc.get(ns.XLINK_FROM, ""), ())
            to_label = arc.get(ns.XLINK_TO, "")
            if arcrole == ns.CONCEPT_LABEL:
                for source in sources:
                    for res in resources_by_label.get(to_label, ()):
                        if res.tag == _LABEL:
                            labels.append(Label(source, res.get(ns.XLINK_ROLE, ns.STANDARD_LABEL),
                                                _lang(res), "".join(res.itertext()).strip()))
                continue
            targets = concepts_by_label.get(to_label, ())
            if not sources or not targets:
                continue
            priority = _int(arc.get("priority"), 0)
            prohibited = arc.get("use") == "prohibited"
            order = _decimal(arc.get("order")) or Decimal(1)
            weight = _decimal(arc.get("weight")) if arcrole in (ns.SUMMATION_ITEM, ns.CALC11_SUMMATION_ITEM) else None
            nonexempt = self._nonexempt(arc)
            for source in sources:
                for target in targets:
                    rel = Relationship(
                        arcrole=arcrole,
                        link_role=link_role,
                        link_name=link.tag,
                        arc_name=arc.tag,
                        source=source,
                        target=target,
                        order=order,
                        weight=weight,
                        priority=priority,
                        closed=(arc.get(_CLOSED) or "false").strip() in ("true", "1"),
                        context_element=arc.get(_CONTEXT_ELEMENT),
                        target_role=arc.get(_TARGET_ROLE),
                        usable=(arc.get(_USABLE) or "true").strip() not in ("false", "0"),
                        preferred_label=arc.get("preferredLabel"),
                        file=where,
                        line=arc.sourceline,
                    )
                    key = (arcrole, link_role, link.tag, arc.tag, source, target, nonexempt)
                    arcs.append((key, priority, prohibited, rel))


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def element_base(doc_url: str, elt: etree._Element) -> str:
    """The base URI of an element: its document's, changed by xml:base on it and its ancestors."""
    bases: list[str] = []
    node: etree._Element | None = elt
    while node is not None:
        value = node.get(_XML_BASE)
        if value is not None:
            bases.append(value.strip())
        node = node.getparent()
    url = doc_url
    for value in reversed(bases):
        url = urljoin(url, value)
    return url


def _extended_links(doc: _Doc) -> Iterator[etree._Element]:
    if doc.kind == "linkbase":
        linkbases: Iterable[etree._Element] = (doc.root,)
    elif doc.kind == "schema":
        linkbases = [
            item
            for ann in doc.root.iterchildren(_XS_ANNOTATION)
            for info in ann.iterchildren(_XS_APPINFO)
            for item in info.iterchildren(_LINKBASE)
        ]
    else:
        return
    for linkbase in linkbases:
        for child in linkbase:
            if isinstance(child.tag, str) and child.get(ns.XLINK_TYPE) == "extended":
                yield child


def _effective(arcs: list[tuple[tuple[object, ...], int, bool, Relationship]]) -> list[Relationship]:
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


def _fragment(ids: Mapping[tuple[str, str], etree._Element], doc: _Doc | None, url: str, frag: str) -> etree._Element | None:
    """The element an XPointer shorthand or element() scheme points to (XBRL 2.1 3.5.4)."""
    if doc is None:
        return None
    frag = unquote(frag)
    if not frag:
        return doc.root  # a locator to a whole document (XBRL 2.1 3.5.3.7.2)
    if frag.startswith("element(") and frag.count("element(") > 1:
        # a sequence of pointers: the first that points to something wins (XPointer framework)
        for part in re.findall(r"element\([^)]*\)", frag):
            found = _fragment(ids, doc, url, part)
            if found is not None:
                return found
        return None
    if frag.startswith("element(") and frag.endswith(")"):
        body = frag[len("element(") : -1]
        head, *steps = body.split("/")
        node: etree._Element | None = ids.get((url, head)) if head else None
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
    return ids.get((url, frag))


def _raw_concepts(schemas: list[_Doc]) -> dict[str, tuple[_Doc, etree._Element]]:
    raw: dict[str, tuple[_Doc, etree._Element]] = {}
    for doc in schemas:
        tns = doc.target_namespace
        for elt in doc.root.iterchildren(_XS_ELEMENT):
            name = elt.get("name")
            if name:
                raw.setdefault(clark(tns, name), (doc, elt))
    return raw


def _type_bases(schemas: list[_Doc]) -> dict[str, str]:
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


def _type_attribute_defaults(schemas: list[_Doc]) -> dict[str, dict[str, str]]:
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
            return _resolve_qname(node, base)
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


def _qname_attr(elt: etree._Element, attr: str) -> str | None:
    value = elt.get(attr)
    return _resolve_qname(elt, value.strip()) if value else None


def _resolve_qname(elt: etree._Element, value: str) -> str | None:
    prefix, sep, local = value.partition(":")
    if not sep:
        prefix, local = None, value  # type: ignore[assignment]
    namespace = elt.nsmap.get(prefix)
    if prefix is not None and namespace is None:
        return None
    return clark(namespace, local)


def _lang(elt: etree._Element) -> str:
    node: etree._Element | None = elt
    while node is not None:
        lang = node.get(ns.XML_LANG)
        if lang is not None:
            return lang
        node = node.getparent()
    return ""


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
