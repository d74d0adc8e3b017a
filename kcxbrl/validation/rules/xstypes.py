"""Typed values of the XML in contexts, for s-equality (XBRL 2.1 section 4.10).

Two segments or scenarios are s-equal when their elements and attributes
have equal *values* (XML Schema), not equal text: ``1.0`` equals ``1`` for a
decimal, ``0.321E1`` equals ``321E-2`` for a double, ``1`` equals ``true``
for a boolean, and NaN equals nothing.  :class:`TypeIndex` reads from the
DTS the simple type of each element's content and attributes, as far as the
XML Schema built-in type they derive from; :func:`canonical` turns an
element into a hashable value that compares that way.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cached_property
from typing import Iterable

from lxml import etree

from kcxbrl.xbrl import ns
from kcxbrl.xbrl.ns import clark

_XS = "{" + ns.XSD + "}"
_DECIMALS = frozenset(clark(ns.XSD, n) for n in (
    "decimal integer nonPositiveInteger negativeInteger long int short byte nonNegativeInteger "
    "unsignedLong unsignedInt unsignedShort unsignedByte positiveInteger").split())
_FLOATS = frozenset({clark(ns.XSD, "float"), clark(ns.XSD, "double")})
_BOOLEAN = clark(ns.XSD, "boolean")
_NAN_IDS = itertools.count()


@dataclass(frozen=True)
class SchemaTypes:
    """What one schema document declares: its named types and global attributes, and every
    element declaration in document order (with the name it declares)."""

    global_attributes: dict[str, str]
    simple_base: dict[str, str]
    complex: dict[str, tuple[str | None, dict[str, str]]]
    complex_elements: dict[str, etree._Element]
    elements: tuple[tuple[str, etree._Element], ...]


def schema_types(root: etree._Element) -> SchemaTypes:
    """The declarations of one schema document (it depends on that document alone)."""
    found = SchemaTypes({}, {}, {}, {}, ())
    tns = root.get("targetNamespace")
    qualified = root.get("elementFormDefault") == "qualified"
    for child in root:
        name = child.get("name") if isinstance(child.tag, str) else None
        if not name:
            continue
        if child.tag == _XS + "attribute":
            declared = _qname(child, child.get("type"))
            simple = child.find(_XS + "simpleType")
            if declared is None and simple is not None:
                declared = _restriction_base(simple)
            if declared:
                found.global_attributes[clark(tns, name)] = declared
        elif child.tag == _XS + "simpleType":
            base = _restriction_base(child)
            if base:
                found.simple_base[clark(tns, name)] = base
        elif child.tag == _XS + "complexType":
            found.complex[clark(tns, name)] = _complex_parts(child)
            found.complex_elements[clark(tns, name)] = child
    elements = tuple((clark(tns if (elt.getparent() is root or qualified) else None, elt.get("name", "")), elt)
                     for elt in root.iter(_XS + "element") if elt.get("name"))
    return SchemaTypes(found.global_attributes, found.simple_base, found.complex, found.complex_elements, elements)


class TypeIndex:
    """Element and attribute types of the schemas of a DTS, reduced to built-in types.

    Built from each schema's :class:`SchemaTypes` (``parts``, which a caller
    may keep per document) or from the schema roots; the types of element
    content and attributes are worked out when first asked for.
    """

    def __init__(self, schemas: Iterable[etree._Element] = (), *, parts: Iterable[SchemaTypes] | None = None) -> None:
        self._parts = list(parts) if parts is not None else [schema_types(root) for root in schemas]
        self.global_attributes: dict[str, str] = {}  # global attribute → type
        self._simple_base: dict[str, str] = {}
        self._complex: dict[str, tuple[str | None, dict[str, str]]] = {}
        self._complex_elements: dict[str, etree._Element] = {}
        for part in self._parts:  # a later declaration of a name replaces an earlier one
            self.global_attributes.update(part.global_attributes)
            self._simple_base.update(part.simple_base)
            self._complex.update(part.complex)
            self._complex_elements.update(part.complex_elements)

    @property
    def content(self) -> dict[str, str]:
        """Element → type of its text."""
        return self._elements.content

    @property
    def attributes(self) -> dict[str, dict[str, str]]:
        """Element → attribute → type."""
        return self._elements.attributes

    @property
    def defaults(self) -> dict[str, str]:
        """Element → its default or fixed value."""
        return self._elements.defaults

    @property
    def attribute_defaults(self) -> dict[str, dict[str, str]]:
        """Element → attribute → default."""
        return self._elements.attribute_defaults

    @cached_property
    def _elements(self) -> _ElementTypes:
        found = _ElementTypes({}, {}, {}, {})
        for part in self._parts:
            for name, elt in part.elements:  # the first declaration of a name wins
                if name not in found.content and name not in found.attributes:
                    self._element(found, name, elt)
        return found

    def _element(self, found: _ElementTypes, name: str, elt: etree._Element) -> None:
        default = elt.get("fixed", elt.get("default"))
        if default is not None:
            found.defaults.setdefault(name, default)
        declared = _qname(elt, elt.get("type"))
        if declared is not None:
            if declared in self._complex:
                text, attrs = self._complex[declared]
                found.set(name, text, attrs)
                found.attribute_defaults_of(name, self._complex_elements[declared])
            else:
                found.set(name, declared, {})
            return
        complex_type = elt.find(_XS + "complexType")
        simple_type = elt.find(_XS + "simpleType")
        if complex_type is not None:
            text, attrs = _complex_parts(complex_type)
            found.set(name, text, attrs)
            found.attribute_defaults_of(name, complex_type)
        elif simple_type is not None:
            found.set(name, _restriction_base(simple_type), {})

    def builtin(self, type_name: str | None) -> str | None:
        seen = 0
        while type_name is not None and type_name in self._simple_base and seen < 32:
            type_name = self._simple_base[type_name]
            seen += 1
        if type_name in self._complex:
            return self.builtin(self._complex[type_name][0])
        return type_name


@dataclass(frozen=True)
class _ElementTypes:
    content: dict[str, str]
    attributes: dict[str, dict[str, str]]
    defaults: dict[str, str]
    attribute_defaults: dict[str, dict[str, str]]

    def set(self, name: str, text: str | None, attrs: dict[str, str]) -> None:
        if text is not None:
            self.content[name] = text
        if attrs:
            self.attributes[name] = attrs

    def attribute_defaults_of(self, name: str, complex_type: etree._Element) -> None:
        values = {a.get("name", ""): a.get("fixed", a.get("default", ""))
                  for a in complex_type.iter(_XS + "attribute")
                  if a.get("name") and (a.get("fixed") is not None or a.get("default") is not None)}
        if values:
            self.attribute_defaults[name] = values


def _qname(elt: etree._Element, value: str | None) -> str | None:
    if not value:
        return None
    prefix, sep, local = value.strip().partition(":")
    if not sep:
        return clark(elt.nsmap.get(None), value.strip())
    namespace = elt.nsmap.get(prefix)
    return clark(namespace, local) if namespace else None


def _restriction_base(simple_type: etree._Element) -> str | None:
    node = simple_type.find(_XS + "restriction")
    return _qname(node, node.get("base")) if node is not None else None


def _complex_parts(complex_type: etree._Element) -> tuple[str | None, dict[str, str]]:
    """(type of the text content, attribute types) of a complex type."""
    text: str | None = None
    simple = complex_type.find(_XS + "simpleContent")
    if simple is not None:
        for derivation in simple:
            if isinstance(derivation.tag, str) and derivation.get("base"):
                text = _qname(derivation, derivation.get("base"))
    attrs: dict[str, str] = {}
    for attr in complex_type.iter(_XS + "attribute"):
        name, declared = attr.get("name"), _qname(attr, attr.get("type"))
        if name and declared:
            attrs[name] = declared
    return text, attrs


def canonical(elt: etree._Element, types: TypeIndex | None) -> tuple[object, ...]:
    """A hashable form of ``elt`` equal for s-equal elements."""
    children = tuple(canonical(c, types) for c in elt if isinstance(c.tag, str))
    tag = elt.tag
    attr_types = types.attributes.get(tag, {}) if types is not None else {}
    present: dict[str, str] = dict(elt.attrib)
    if types is not None and tag in types.attribute_defaults:
        present = {**types.attribute_defaults[tag], **present}  # absent attributes take their defaults
    attrs = tuple(sorted((k, _value(v, types, attr_types.get(k))) for k, v in present.items()))
    if children:
        text: object = ""
    else:
        raw = str(elt.xpath("string()")) if len(elt) else (elt.text or "")
        if not raw and types is not None:
            raw = types.defaults.get(tag, "")  # an empty element has its declared default
        text = _value(raw, types, types.content.get(tag) if types is not None else None)
    return (tag, attrs, text, children)


_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_DECIMAL = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")
_FLOAT = re.compile(r"^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN)$")


def lexically_valid(text: str, builtin: str) -> bool:
    """Whether ``text`` is in the lexical space of a numeric or boolean built-in type; True for others."""
    value = text.strip()
    if builtin == clark(ns.XSD, "decimal"):
        return bool(_DECIMAL.match(value))
    if builtin in _DECIMALS:
        return bool(_INTEGER.match(value))
    if builtin in _FLOATS:
        return bool(_FLOAT.match(value))
    if builtin == _BOOLEAN:
        return value in ("true", "false", "1", "0")
    return True


def typed_value(text: str, types: TypeIndex | None, type_name: str | None) -> object:
    """``text`` as a value of ``type_name`` (decimal, double, boolean), else collapsed text."""
    return _value(text, types, type_name)


def _value(text: str, types: TypeIndex | None, type_name: str | None) -> object:
    base = types.builtin(type_name) if types is not None and type_name else None
    stripped = text.strip()
    try:
        if base in _DECIMALS:
            return Decimal(stripped)
        if base in _FLOATS:
            number = float(stripped.replace("INF", "inf"))
            return ("nan", next(_NAN_IDS)) if number != number else number
    except (InvalidOperation, ValueError):
        pass
    if base == _BOOLEAN and stripped in ("true", "1", "false", "0"):
        return stripped in ("true", "1")
    return " ".join(text.split())
