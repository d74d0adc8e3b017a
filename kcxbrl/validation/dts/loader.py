"""The DTS of an instance, a taxonomy entry point or a list of schemas, built into a :class:`Dts`.

Discovery (:mod:`~kcxbrl.validation.dts.discovery`) finds the documents;
their declarations (:mod:`~kcxbrl.validation.dts.declarations`) and
links (:mod:`~kcxbrl.validation.dts.links`) give concepts, role types,
relationships and labels.  A DTS discovered from the same entry points is
reused while every one of its documents keeps its content.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from types import MappingProxyType
from typing import Iterable
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from kcxbrl.findings import error
from kcxbrl.validation.dts import declarations, links
from kcxbrl.validation.dts.discovery import Discovery
from kcxbrl.validation.dts.documents import Doc, Source, element_base, is_current
from kcxbrl.validation.dts.model import DocumentInfo, Dts
from kcxbrl.validation.rules.xstypes import TypeIndex, schema_types
from kcxbrl.xbrl import ns

SCHEMA_REF_MISSING = "xbrl.4.2:schemaRefMissing"
REF_OUTSIDE_FOLDER = "kcxbrl:refOutsideFolder"

_XS_SCHEMA = ns.clark(ns.XSD, "schema")
_SCHEMA_REF = ns.clark(ns.LINK, "schemaRef")
_LINKBASE_REF = ns.clark(ns.LINK, "linkbaseRef")
_ROLE_REF = ns.clark(ns.LINK, "roleRef")
_ARCROLE_REF = ns.clark(ns.LINK, "arcroleRef")

EntryKey = tuple[tuple[str, str], ...]


def discover(instance_path: Path, root: etree._Element, *, outside: bool = False) -> Dts:
    """The DTS of an instance whose root element is ``root``.

    A reference of the instance to a local file outside the instance's
    folder (``../../etc/passwd``) is a finding and is not opened, unless
    ``outside`` allows it: validating a file must not read what a stranger
    points it at.
    """
    found = Discovery()
    base = instance_path.resolve().as_uri()
    where = str(instance_path)
    schema_refs = [e for e in root if e.tag == _SCHEMA_REF]
    if not schema_refs:
        found.findings.append(error(
            SCHEMA_REF_MISSING, "the instance has no link:schemaRef; every XBRL instance must name its taxonomy schema",
            file=where, line=root.sourceline, element="xbrli:xbrl", ref="XBRL 2.1 section 4.2"))
    refs = [(ref, "schema") for ref in schema_refs] + [
        (ref, "linkbase" if ref.tag == _LINKBASE_REF else "optional")
        for ref in root if ref.tag in (_LINKBASE_REF, _ROLE_REF, _ARCROLE_REF)
    ]
    if not outside:
        refs = [(ref, kind) for ref, kind in refs if _inside(instance_path, base, ref, found)]
    key = tuple((kind, urljoin(element_base(base, ref), (ref.get(ns.XLINK_HREF) or "").strip())) for ref, kind in refs)
    cached = _cached(key)
    if cached is not None:
        return cached
    for ref, kind in refs:
        found.entry(ref.get(ns.XLINK_HREF), element_base(base, ref), where, ref.sourceline, schema=kind == "schema",
                    optional=kind == "optional")
    return _remember(key, found)


def _inside(instance_path: Path, base: str, ref: etree._Element, found: Discovery) -> bool:
    """Whether a reference of the instance stays in the instance's folder (or is not a local file)."""
    url = urljoin(element_base(base, ref), (ref.get(ns.XLINK_HREF) or "").strip())
    parts = urlsplit(url)
    if parts.scheme != "file":
        return True  # official URLs map to the bundled schemas; other URLs are never fetched
    target = Path(unquote(parts.path)).resolve()
    folder = instance_path.resolve().parent
    if target == folder or folder in target.parents:
        return True
    found.findings.append(error(
        REF_OUTSIDE_FOLDER,
        f"the reference to {url} leaves the instance's folder {folder}; it is not opened "
        "(kcxbrl validate --follow-outside-refs opens it)",
        file=str(instance_path), line=ref.sourceline, element=etree.QName(ref).localname,
        ref="XBRL 2.1 section 4.2 (schemaRef); kcxbrl's offline policy",
    ))
    return False


def discover_taxonomy(path: Path, root: etree._Element) -> Dts:
    """The DTS that starts at a taxonomy schema or a linkbase (XBRL 2.1 section 3.2)."""
    url = path.resolve().as_uri()
    key = (("taxonomy", url),)
    cached = _cached(key)
    if cached is not None:
        return cached
    found = Discovery()
    found.entry(url, url, str(path), root.sourceline, schema=root.tag == _XS_SCHEMA)
    return _remember(key, found)


def load(entries: Iterable[Path | str]) -> Dts:
    """The DTS that starts at the given schema files or official addresses
    (the one an instance referring to just these schemas has: it is reused)."""
    named = [(entry.resolve().as_uri() if isinstance(entry, Path) else str(entry), entry) for entry in entries]
    key = tuple(("schema", url) for url, _ in named)
    cached = _cached(key)
    if cached is not None:
        return cached
    found = Discovery()
    for url, entry in named:
        found.entry(url, url, str(entry), None, schema=True)
    return _remember(key, found)


class _Types:
    """The DTS's type index, built when first asked for from what each schema declares
    (read once per schema document)."""

    def __init__(self, docs: Iterable[Doc]) -> None:
        self._schemas = [d for d in docs if d.kind == "schema"]
        self._built: TypeIndex | None = None

    def __call__(self) -> TypeIndex:
        if self._built is None:
            self._built = TypeIndex(parts=[d.source.memo("schema types", lambda d=d: schema_types(d.root))
                                           for d in self._schemas])
        return self._built


def build(found: Discovery) -> Dts:
    """The immutable DTS of what discovery found."""
    types = _Types(found.docs.values())
    findings = list(found.findings)
    concepts = declarations.concepts(found.docs, findings)
    role_types, arcrole_types = declarations.role_types(found.docs)
    rels, labels, link_findings = links.relationships(found.docs, found.builtin, found.unresolvable, types)
    findings += link_findings
    documents = {url: DocumentInfo(url, d.path, d.kind, d.target_namespace, d.root, d.source.memo)
                 for url, d in found.docs.items()}
    for url in sorted(found.builtin):
        documents[url] = DocumentInfo(url, None, "builtin")
    return Dts(
        documents=MappingProxyType(documents),
        concepts=MappingProxyType(concepts),
        role_types=MappingProxyType(role_types),
        arcrole_types=MappingProxyType(arcrole_types),
        relationships=tuple(rels),
        labels=tuple(labels),
        entry_schemas=tuple(dict.fromkeys(found.entry_schemas)),
        findings=tuple(findings),
        types_from=types,
    )


# Recently discovered DTSs by their entry points, for validating many
# instances of one taxonomy: reused while each of their files holds the
# content it was parsed from.  A DTS whose discovery had findings is not kept
# (they name the referring file).
_CACHE: OrderedDict[EntryKey, tuple[Dts, tuple[tuple[Path, Source], ...]]] = OrderedDict()
_CACHE_SIZE = 32


def _cached(key: EntryKey) -> Dts | None:
    entry = _CACHE.get(key)
    if entry is None:
        return None
    dts, sources = entry
    if not all(is_current(path, source) for path, source in sources):
        del _CACHE[key]
        return None
    _CACHE.move_to_end(key)
    return dts


def _remember(key: EntryKey, found: Discovery) -> Dts:
    dts = build(found)
    if dts.findings or not key:
        return dts
    _CACHE[key] = (dts, tuple((d.path, d.source) for d in found.docs.values()))
    # a DTS whose entry file is gone (a conversion's staging folder) can never be asked for again;
    # one stat per kept DTS, the entry being the first document discovered
    for gone in [k for k, (_, sources) in _CACHE.items() if sources and not sources[0][0].exists()]:
        del _CACHE[gone]
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return dts
