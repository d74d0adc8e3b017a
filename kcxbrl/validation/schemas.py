"""Offline XML Schema validation of XBRL instances.

An XBRL instance must be schema-valid against the schemas of its DTS
(XBRL 2.1 section 4). The base schemas (XBRL 2.1 appendix A, Dimensions 1.0, DTR, LRR) are
bundled under ``taxonomy/xbrl/<host>/<path>`` mirroring their official URLs,
and every import is resolved through :data:`LOCATIONS`; nothing is fetched.
"""

from __future__ import annotations

import re
import urllib.request
import warnings
from collections import deque
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

import xmlschema
from lxml import etree
from xmlschema.validators import XsdAttribute, XsdFacet, XsdSimpleType
from xmlschema.validators.exceptions import (
    XMLSchemaChildrenValidationError,
    XMLSchemaDecodeError,
    XMLSchemaValidationError,
)

from kcxbrl.errors import InputError
from kcxbrl.findings import Finding, error
from kcxbrl.resources import taxonomy_dir
from kcxbrl.validation.safexml import parse_file
from kcxbrl.xbrl import ns

CODE_SYNTAX = "xmlSchema:syntax"
CODE_VALUE = "xmlSchema:valueError"
_REF = "XML Schema 1.0 Part 1 (validity); XBRL 2.1 section 4 (instances)"

_SCHEMA_REFS = {f"{{{ns.XSD}}}{name}" for name in ("import", "include", "redefine", "override")}


from kcxbrl.validation.locations import LOCATIONS  # noqa: E402  (re-exported)

# Bundled file -> official URL, so relative locations inside bundled schemas
# resolve against the URL the file stands for.
_OFFICIAL: dict[Path, str] = {path.resolve(): url for url, path in LOCATIONS.items()}


def _canonical(url: str) -> str:
    """The LOCATIONS key for a URL: the registries publish the same files over https."""
    url = url.strip()
    if url.startswith("https://"):
        return "http://" + url[len("https://"):]
    return url


def _map_uri(uri: str) -> str:
    """uri_mapper for xmlschema: official URL -> file URI of the bundled copy."""
    path = LOCATIONS.get(_canonical(uri))
    return path.resolve().as_uri() if path is not None else uri


def _offline_opener() -> urllib.request.OpenerDirector:
    """An opener that can only read files, as a second guard against the network."""
    opener = urllib.request.OpenerDirector()
    opener.add_handler(urllib.request.FileHandler())
    opener.add_handler(urllib.request.UnknownHandler())
    return opener


def _resolve(location: str, base: str | Path) -> tuple[str, Path | None]:
    """Resolve a schemaLocation against its document: (URL or path text, local file)."""
    scheme = urlsplit(location).scheme.lower()
    if scheme in ("http", "https"):
        url = _canonical(location)
        return url, LOCATIONS.get(url)
    if scheme == "file":
        path = Path(url2pathname(urlsplit(location).path))
        return str(path), path
    if len(scheme) > 1:  # other schemes (ftp, urn, ...) are never fetched
        return location, None
    if isinstance(base, str):  # relative to an official URL
        url = _canonical(urljoin(base, location))
        return url, LOCATIONS.get(url)
    path = (base.parent / location).resolve()
    return str(path), path


def _parse_xsd(path: Path) -> etree._Element:
    parsed = parse_file(path)
    if parsed.root is None:
        reasons = "; ".join(f.message for f in parsed.findings) or "unreadable"
        raise InputError(f"cannot read schema {path}: {reasons}")
    return parsed.root


def _check_closure(entry: Path) -> None:
    """Walk imports/includes from ``entry``; every location must be bundled or local.

    Gives a clear error naming the URL and the importing file before
    xmlschema, which would only warn about an unreachable import.
    """
    seen: set[Path] = set()
    todo: deque[Path] = deque([entry.resolve()])
    while todo:
        doc = todo.popleft()
        if doc in seen:
            continue
        seen.add(doc)
        base: str | Path = _OFFICIAL.get(doc, doc)
        for ref in _parse_xsd(doc).iter(*_SCHEMA_REFS):
            location = ref.get("schemaLocation")
            if not location:
                continue  # namespace-only import: xmlschema uses its own local copies
            target, path = _resolve(location, base)
            if path is None:
                raise InputError(
                    f"schema {target} (imported by {doc}) is not bundled with kcxbrl "
                    "and schemas are never fetched from the network; "
                    f"add it under {taxonomy_dir() / 'xbrl'} or use a local path"
                )
            if not path.is_file():
                raise InputError(f"schema {target} (imported by {doc}) does not exist")
            todo.append(path.resolve())


def _build(entry: Path, extra: list[tuple[str, str]] | None = None) -> xmlschema.XMLSchema:
    """Build a schema with every resolution pinned to local files."""
    _check_closure(entry)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            schema = xmlschema.XMLSchema(
                str(entry),
                locations=extra,
                uri_mapper=_map_uri,
                allow="local",  # remote URLs are refused, mapped ones are files by now
                defuse="always",
                opener=_offline_opener(),
                use_location_hints=False,
            )
        except (xmlschema.XMLSchemaException, OSError) as exc:
            raise InputError(f"schema {entry} cannot be built: {exc}") from exc
    unreachable = (xmlschema.XMLSchemaImportWarning, xmlschema.XMLSchemaIncludeWarning)
    for warning in caught:
        # xmlschema reports an unreachable import as a warning; treat it as fatal
        if issubclass(warning.category, unreachable):
            raise InputError(f"schema {entry}: {warning.message}")
    return schema


_CACHE: dict[str, tuple[int, xmlschema.XMLSchema]] = {}


def load_schema(entry: Path) -> xmlschema.XMLSchema:
    """The schema of a DTS entry point (e.g. a company taxonomy schema), built offline.

    Cached per resolved path and modification time. Raises InputError when
    the file is unreadable, not a valid schema, or imports something that is
    neither bundled nor local.
    """
    path = Path(entry).resolve()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise InputError(f"cannot read schema {entry}: {exc}") from exc
    cached = _CACHE.get(str(path))
    if cached is not None and cached[0] == mtime:
        return cached[1]
    schema = _build(path)
    _CACHE[str(path)] = (mtime, schema)
    return schema


def clear_cache() -> None:
    """Forget every built schema (they are rebuilt on next use)."""
    _CACHE.clear()
    base_schema.cache_clear()


@lru_cache(maxsize=1)
def base_schema() -> xmlschema.XMLSchema:
    """The XBRL 2.1 instance schema plus xbrldi, for instances whose DTS cannot be loaded."""
    instance = LOCATIONS.get(ns.INSTANCE_SCHEMA)
    xbrldi = LOCATIONS.get(ns.XBRLDI_SCHEMA)
    if instance is None or xbrldi is None:
        raise InputError(f"bundled base schemas not found under {taxonomy_dir() / 'xbrl'}")
    return _build(instance, [(ns.XBRLDI, xbrldi.resolve().as_uri())])


def _qname(elem: object) -> str | None:
    """prefix:local of an lxml element, for Finding.element."""
    tag = getattr(elem, "tag", None)
    if not isinstance(tag, str):
        return None
    qn = etree.QName(tag)
    prefix = getattr(elem, "prefix", None)
    return f"{prefix}:{qn.localname}" if prefix else qn.localname


def _xpath(elem: etree._Element) -> str:
    """/prefix:name[n]/... of an element, in the style of xmlschema's paths."""
    steps: list[str] = []
    node: etree._Element | None = elem
    while node is not None:
        parent = node.getparent()
        step = _qname(node) or "*"
        if parent is not None:
            same = [child for child in parent if child.tag == node.tag]
            if len(same) > 1:
                step += f"[{same.index(node) + 1}]"
        steps.append(step)
        node = parent
    return "/" + "/".join(reversed(steps))


_IDREF_REASON = re.compile(r"IDREF '([^']+)' not found")


def _idref_source(root: etree._Element, reason: str) -> etree._Element | None:
    """The element holding a dangling IDREF; xmlschema reports those on the root."""
    match = _IDREF_REASON.search(reason)
    if match is None:
        return None
    for elem in root.iter():
        if match.group(1) in elem.attrib.values():
            return elem
    return None


def _classify(err: XMLSchemaValidationError) -> str:
    """Structure errors (children, attributes missing or not allowed) vs value errors."""
    if isinstance(err, XMLSchemaChildrenValidationError):
        return CODE_SYNTAX
    if isinstance(err, XMLSchemaDecodeError):
        return CODE_VALUE
    # facets, simple types and attribute declarations only ever judge a value
    if isinstance(err.validator, (XsdFacet, XsdSimpleType, XsdAttribute)):
        return CODE_VALUE
    return CODE_SYNTAX


def schema_findings(
    instance_path: Path,
    tree: etree._ElementTree,
    schema: xmlschema.XMLSchema,
) -> list[Finding]:
    """One error Finding per XML Schema violation in the parsed instance (XBRL 2.1 section 4).

    Validates the lxml tree itself, so every finding carries a source line.
    """
    findings: list[Finding] = []
    root = tree.getroot()
    namespaces = {k: v for k, v in root.nsmap.items() if k}
    for err in schema.iter_errors(tree, use_location_hints=False, namespaces=namespaces):
        if not isinstance(err, XMLSchemaValidationError):
            continue
        reason = (err.reason or err.message).strip()
        elem = err.invalid_child if err.invalid_child is not None else err.elem
        path = err.path
        if elem is root:
            holder = _idref_source(root, reason)
            if holder is not None:
                elem, path = holder, _xpath(holder)
        line = getattr(elem, "sourceline", None) or err.sourceline
        where = f" (at {path})" if path else ""
        findings.append(
            error(
                _classify(err),
                f"{reason}{where}",
                file=str(instance_path),
                line=line,
                element=_qname(elem),
                ref=_REF,
            )
        )
    return findings
