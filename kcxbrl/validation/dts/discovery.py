"""DTS discovery (XBRL 2.1 section 3.2): which documents a DTS holds.

From an instance, its ``link:schemaRef`` and ``link:linkbaseRef`` elements;
from a schema, ``xs:import``, ``xs:include`` and ``link:linkbaseRef`` in
``xs:appinfo``; from a linkbase, locators, ``link:roleRef``,
``link:arcroleRef`` and ``link:linkbaseRef``.  Relative addresses resolve
against the referring document; official addresses to the bundled files
(:mod:`kcxbrl.validation.dts.documents`).  The base schemas kcxbrl knows by
heart count as resolved even when not bundled.  Nothing is fetched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator
from urllib.parse import urljoin

from lxml import etree

from kcxbrl.findings import Finding, error
from kcxbrl.validation.dts.documents import Doc, Source, element_base, is_builtin, read, url_to_path
from kcxbrl.xbrl import ns

SCHEMA_REF_UNRESOLVABLE = "xbrl.4.2:schemaRefUnresolvable"
SCHEMA_REF_HREF = "xbrl.4.2.2:schemaRefHref"
HREF_UNRESOLVABLE = "xbrl.3.2:hrefUnresolvable"

_XS_IMPORT = ns.clark(ns.XSD, "import")
_XS_INCLUDE = ns.clark(ns.XSD, "include")
_XS_ANNOTATION = ns.clark(ns.XSD, "annotation")
_XS_APPINFO = ns.clark(ns.XSD, "appinfo")
_LINKBASE = ns.clark(ns.LINK, "linkbase")
_LINKBASE_REF = ns.clark(ns.LINK, "linkbaseRef")
_ROLE_REF = ns.clark(ns.LINK, "roleRef")
_ARCROLE_REF = ns.clark(ns.LINK, "arcroleRef")
_LOC = ns.clark(ns.LINK, "loc")

# (address, source line, finding code when unresolvable, chameleon namespace)
Reference = tuple[str, int | None, str, str | None]


class Discovery:
    """The documents reached from some entry points; used once, then built into a Dts."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.docs: dict[str, Doc] = {}
        self.builtin: set[str] = set()
        self.unresolvable: set[str] = set()
        self.entry_schemas: list[Path] = []
        self._queue: list[str] = []
        self._sources: set[int] = set()  # ids of the shared sources this DTS holds

    def entry(self, href: str | None, base: str, where: str, line: int | None, *, schema: bool,
              optional: bool = False) -> None:
        """Discover from one reference of an instance (or from a taxonomy entry point)."""
        if not href:
            return
        url = urljoin(base, href.strip()).partition("#")[0]
        ok = self._discover(url, None, where, line, code=SCHEMA_REF_UNRESOLVABLE if schema else HREF_UNRESOLVABLE,
                            optional=optional)
        if ok and schema and url in self.docs:
            if self.docs[url].kind == "schema":
                self.entry_schemas.append(self.docs[url].path)
            else:
                self.findings.append(error(
                    SCHEMA_REF_HREF, f"schemaRef {href.strip()} points to a document that is not an XML Schema",
                    file=where, line=line, element="link:schemaRef", ref="XBRL 2.1 section 4.2.2"))
        self._drain()

    def _discover(self, url: str, chameleon: str | None, where: str, line: int | None, *, code: str,
                  optional: bool = False) -> bool:
        if url in self.docs or url in self.builtin:
            return True
        if url in self.unresolvable:
            return False
        path = url_to_path(url)
        if path is None or not path.is_file():
            if is_builtin(url):
                self.builtin.add(url)
                return True
            self.unresolvable.add(url)
            if not optional:
                self.findings.append(_unresolvable(url, path, code, where, line))
            return False
        source = self._read(path)
        if isinstance(source, tuple):
            self.findings.extend(source)
            self.unresolvable.add(url)
            return False
        tns = (source.root.get("targetNamespace") or chameleon) if source.kind == "schema" else None
        self.docs[url] = Doc(url, path, source, source.kind, tns)
        self._queue.append(url)
        return True

    def _read(self, path: Path) -> Source | tuple[Finding, ...]:
        """A shared tree, unless this DTS holds it already under another address: then a copy of its
        own, so no two documents of one DTS share elements."""
        source = read(path)
        if isinstance(source, Source) and id(source) in self._sources:
            return read(path, shared=False)
        if isinstance(source, Source):
            self._sources.add(id(source))
        return source

    def _drain(self) -> None:
        while self._queue:
            doc = self.docs[self._queue.pop()]
            for href, line, code, chameleon in references(doc):
                target = urljoin(doc.url, href.strip()).partition("#")[0]
                if target:
                    self._discover(target, chameleon, str(doc.path), line, code=code)


def _unresolvable(url: str, path: Path | None, code: str, where: str, line: int | None) -> Finding:
    schema_ref = code == SCHEMA_REF_UNRESOLVABLE
    return error(
        code,
        f"{'schemaRef' if schema_ref else 'reference'} {url} cannot be resolved offline"
        + ("" if path is None else f" (no file {path})"),
        file=where, line=line, element="link:schemaRef" if schema_ref else None,
        ref="XBRL 2.1 section 4.2.2" if schema_ref else "XBRL 2.1 section 3.2 (DTS discovery)",
    )


def references(doc: Doc) -> tuple[Reference, ...]:
    """What a document refers to, in the order discovery follows it (once per document)."""
    key = ("references", doc.url, doc.kind, doc.target_namespace)
    return doc.source.memo(key, lambda: tuple(_references(doc)))


def _references(doc: Doc) -> Iterator[Reference]:
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
                        yield from _linkbase_references(doc.url, item)
    elif doc.kind == "linkbase":
        yield from _linkbase_references(doc.url, root)


def _linkbase_references(url: str, linkbase: etree._Element) -> Iterator[Reference]:
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
