"""Where a DTS's documents are, and the documents themselves, parsed once per content.

Addresses resolve offline: ``file:`` URLs and plain paths to the file,
official ``http(s)://`` addresses through
:data:`kcxbrl.validation.locations.LOCATIONS` to the bundled copies.

A document is parsed once for as long as its content stays the same:
:func:`read` keeps the parsed trees of recently read files by resolved path
and content digest (bounded, least recently used first out), so validating
many filings of one taxonomy parses the base taxonomy and the bundled
schemas once.  A file rewritten in place, even with the same size and within
the clock's resolution, has another digest and is parsed again.  What is
derived from a document alone is kept beside it (:meth:`Source.memo`).
Shared trees are never changed: whoever must change one works on a copy.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Hashable, Mapping, TypeVar
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from kcxbrl.findings import Finding
from kcxbrl.validation.safexml import parse_bytes, read_limited
from kcxbrl.xbrl import ns

_XML_BASE = ns.clark(ns.XML, "base")
_XS_SCHEMA = ns.clark(ns.XSD, "schema")
_LINKBASE = ns.clark(ns.LINK, "linkbase")
_CACHE_SIZE = 256  # documents; the base taxonomy and the bundled schemas are a few dozen

T = TypeVar("T")


# --------------------------------------------------------------------------
# Addresses
# --------------------------------------------------------------------------


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


def is_builtin(url: str) -> bool:
    """A schema kcxbrl knows by heart: resolved even when it is not bundled."""
    return url in ns.BUILTIN_SCHEMAS or _swap_scheme(url) in ns.BUILTIN_SCHEMAS


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


def element_lang(elt: etree._Element) -> str | None:
    """The language of an element: ``xml:lang`` on it or on its nearest ancestor (XML 1.0 section 2.12)."""
    node: etree._Element | None = elt
    while node is not None:
        value = node.get(ns.XML_LANG)
        if value is not None:
            return value
        node = node.getparent()
    return None


# --------------------------------------------------------------------------
# Parsed documents
# --------------------------------------------------------------------------


@dataclass(eq=False)
class Source:
    """One file's parsed tree, shared by every DTS that reaches the same content."""

    key: str  # the resolved path
    digest: bytes
    root: etree._Element
    _memo: dict[Hashable, object] = field(default_factory=dict, repr=False)

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """What ``compute`` derives from this document alone, computed once per ``key``."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]

    @property
    def kind(self) -> str:
        if self.root.tag == _XS_SCHEMA:
            return "schema"
        return "linkbase" if self.root.tag == _LINKBASE else "other"


_SOURCES: OrderedDict[str, Source] = OrderedDict()


def read(path: Path, *, shared: bool = True) -> Source | tuple[Finding, ...]:
    """The parsed document at ``path``, or the findings that stopped it.

    With ``shared`` the tree may be one parsed before for the same content;
    without it the tree is new and is not kept.
    """
    data = read_limited(path)
    if isinstance(data, tuple):
        return data
    key = str(path.resolve())
    digest = hashlib.blake2b(data, digest_size=20).digest()
    known = _SOURCES.get(key) if shared else None
    if known is not None and known.digest == digest:
        _SOURCES.move_to_end(key)
        return known
    parsed = parse_bytes(data, path=path)
    if parsed.root is None:
        return parsed.findings
    source = Source(key, digest, parsed.root)
    if shared:
        _SOURCES[key] = source
        while len(_SOURCES) > _CACHE_SIZE:
            _SOURCES.popitem(last=False)
    return source


def is_current(path: Path, source: Source) -> bool:
    """Whether ``path`` still holds the content ``source`` was parsed from."""
    return read(path) is source


@dataclass
class Doc:
    """A document while a DTS is being built: where it was reached, and its parsed source."""

    url: str
    path: Path
    source: Source
    kind: str
    target_namespace: str | None = None

    @property
    def root(self) -> etree._Element:
        return self.source.root

    @property
    def ids(self) -> Mapping[str, etree._Element]:
        """Elements by their ``id`` attribute (the last one wins, as in document order)."""
        return self.source.memo("ids", self._ids)

    def _ids(self) -> dict[str, etree._Element]:
        found: dict[str, etree._Element] = {}
        for elt in self.root.iter():
            if isinstance(elt.tag, str):
                ident = elt.get("id")
                if ident is not None:
                    found[ident] = elt
        return found
