"""The instance as the rules see it: contexts, units and facts, read once.

Each record keeps the source line of its element so every finding can point
at it.  Contexts and units are read by :mod:`kcxbrl.validation.rules.contexts`;
facts here, with the key that makes two of them duplicates.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from lxml import etree

from kcxbrl.validation.dts import Concept, Dts
from kcxbrl.validation.rules.contexts import Context, Unit, read_context, read_unit
from kcxbrl.xbrl import ns
from kcxbrl.xbrl.ns import clark

_CONTEXT = clark(ns.XBRLI, "context")
_UNIT = clark(ns.XBRLI, "unit")


@dataclass(frozen=True)
class Fact:
    """An item or tuple in the instance (XBRL 2.1 section 4.6, 4.9)."""

    index: int
    tag: str
    name: str  # prefixed, for messages
    concept: Concept | None
    id: str | None
    line: int | None
    context_ref: str | None
    unit_ref: str | None
    decimals: str | None
    precision: str | None
    nil: bool
    text: str
    lang: str | None
    parent: int  # index of the enclosing tuple fact, -1 at top level
    has_children: bool

    @property
    def label(self) -> str:
        """How findings name the fact: its id when it has one."""
        return self.id or self.name

    @property
    def number(self) -> Decimal | None:
        if self.nil:
            return None
        try:
            value = Decimal(self.text.strip())
        except InvalidOperation:
            return None
        return value if value.is_finite() else None


@dataclass(frozen=True)
class Report:
    """Everything a rule needs: the instance read, and its DTS."""

    path: Path
    root: etree._Element
    dts: Dts
    contexts: Mapping[str, Context]
    units: Mapping[str, Unit]
    facts: tuple[Fact, ...]
    context_elements: tuple[etree._Element, ...]
    unit_elements: tuple[etree._Element, ...]
    profile: str | None = None

    @property
    def file(self) -> str:
        return str(self.path)

    def duplicate_key(self, fact: Fact) -> tuple[object, ...] | None:
        """Equal for duplicate items (XBRL 2.1 section 4.10): the same name and parent, s-equal
        contexts and (numeric) units, the same language (text).  It is also the key a
        calculation binds facts by.  None for a fact that cannot be a duplicate: a tuple, an
        undeclared element, an item without its context or (numeric) unit."""
        concept = fact.concept
        if concept is None or not concept.is_item:
            return None
        context = self.contexts.get(fact.context_ref or "")
        if context is None:
            return None
        unit_key: object = None
        if concept.is_numeric:
            unit = self.units.get(fact.unit_ref or "")
            if unit is None:
                return None
            unit_key = unit.key
        lang = (fact.lang or "").lower() if concept.is_text else None
        return (fact.tag, fact.parent, context.key, unit_key, lang)

    @cached_property
    def duplicate_groups(self) -> Mapping[tuple[object, ...], tuple[Fact, ...]]:
        """Items by :meth:`duplicate_key`, each group in document order."""
        groups: dict[tuple[object, ...], list[Fact]] = {}
        for fact in self.facts:
            key = self.duplicate_key(fact)
            if key is not None:
                groups.setdefault(key, []).append(fact)
        return MappingProxyType({key: tuple(facts) for key, facts in groups.items()})


_NOT_FACTS = frozenset({_CONTEXT, _UNIT})


def read_report(path: Path, root: etree._Element, dts: Dts, *, profile: str | None = None) -> Report:
    contexts: dict[str, Context] = {}
    units: dict[str, Unit] = {}
    facts: list[Fact] = []
    context_elements: list[etree._Element] = []
    unit_elements: list[etree._Element] = []
    root_lang = root.get(ns.XML_LANG)
    has_xml_content = False
    concepts = dts.concepts
    for child in root:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == _CONTEXT:
            context_elements.append(child)
            context = read_context(child)
            contexts.setdefault(context.id, context)
            has_xml_content = has_xml_content or context.segment is not None or context.scenario is not None
        elif tag == _UNIT:
            unit_elements.append(child)
            unit = read_unit(child)
            units.setdefault(unit.id, unit)
        elif tag.startswith("{" + ns.LINK + "}"):
            continue  # schemaRef, linkbaseRef, roleRef, arcroleRef, footnoteLink
        else:
            _read_facts(child, concepts, root_lang, -1, facts)
    if has_xml_content:
        # segment and scenario content compares by typed value: read the types once
        contexts = {k: replace(c, types=dts.types) for k, c in contexts.items()}
    return Report(
        path=path,
        root=root,
        dts=dts,
        contexts=MappingProxyType(contexts),
        units=MappingProxyType(units),
        facts=tuple(facts),
        context_elements=tuple(context_elements),
        unit_elements=tuple(unit_elements),
        profile=profile,
    )


def _read_facts(elt: etree._Element, concepts: Mapping[str, Concept], lang: str | None, parent: int,
                out: list[Fact]) -> None:
    tag = elt.tag
    concept = concepts.get(tag)
    own_lang = elt.get(ns.XML_LANG, lang)
    children = [c for c in elt if isinstance(c.tag, str)]
    index = len(out)
    out.append(
        Fact(
            index=index,
            tag=tag,
            name=_prefixed(elt),
            concept=concept,
            id=elt.get("id"),
            line=elt.sourceline,
            context_ref=elt.get("contextRef"),
            unit_ref=elt.get("unitRef"),
            decimals=elt.get("decimals", _attribute_default(concept, "decimals")),
            precision=elt.get("precision", _attribute_default(concept, "precision")),
            nil=(elt.get(ns.XSI_NIL) or "").strip() in ("true", "1"),
            text="" if children else _text(elt, concept),
            lang=own_lang,
            parent=parent,
            has_children=bool(children),
        )
    )
    if concept is not None and concept.is_tuple:
        for child in children:
            _read_facts(child, concepts, own_lang, index, out)


def _attribute_default(concept: Concept | None, name: str) -> str | None:
    if concept is None or not concept.attribute_defaults:
        return None
    return dict(concept.attribute_defaults).get(name)


def _text(elt: etree._Element, concept: Concept | None) -> str:
    """The fact's value: its text, or the declared default of an empty element (XML Schema 1.0 3.3.1)."""
    text = elt.text or ""
    if len(elt):  # comments or processing instructions split the text
        text = str(elt.xpath("string()"))
    if not text and concept is not None and concept.default is not None:
        return concept.default
    return text


def _prefixed(elt: etree._Element) -> str:
    local = etree.QName(elt).localname
    return f"{elt.prefix}:{local}" if elt.prefix else local
