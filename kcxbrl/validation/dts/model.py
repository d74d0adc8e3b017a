"""What DTS discovery gathers, as the rules read it: immutable records.

Concepts with their type derived to an xbrli base item type (XBRL 2.1
section 5.1.1.3), role and arcrole types, the relationships of every base
set after prohibition and overriding (XBRL 2.1 section 3.5.3.9.7), labels,
and the documents reached.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Hashable, Mapping, TypeVar

from lxml import etree

from kcxbrl.findings import Finding
from kcxbrl.validation.rules.xstypes import TypeIndex
from kcxbrl.xbrl import ns

T = TypeVar("T")


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
    # where what is derived from the document is kept (its parsed source's memo), if anywhere
    derived: Callable[[Hashable, Callable[[], T]], T] | None = field(default=None, compare=False, repr=False)

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """What ``compute`` derives from this document, kept beside it under ``key`` when it can be:
        ``key`` names everything outside the document the result depends on."""
        return compute() if self.derived is None else self.derived(key, compute)


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
    # where the type index comes from (see ``types``): the loader's, which reads each schema once
    types_from: Callable[[], TypeIndex] | None = field(default=None, compare=False, repr=False)

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

    @cached_property
    def types(self) -> TypeIndex:
        """Element and attribute types of the DTS's schemas, read once and shared by the rules."""
        if self.types_from is not None:
            return self.types_from()
        return TypeIndex(d.root for d in self.documents.values() if d.kind == "schema" and d.root is not None)

    def schema_files(self) -> tuple[Path, ...]:
        return tuple(d.path for d in self.documents.values() if d.kind == "schema" and d.path is not None)
