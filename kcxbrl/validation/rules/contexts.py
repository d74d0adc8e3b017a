"""Contexts and units of an instance as the rules see them (XBRL 2.1 sections 4.7, 4.8).

Periods are read as XBRL reads dates; dimension values keep their QNames as
Clark names; each context and unit has a ``key`` that is equal exactly when
two of them are s-equal (section 4.10).  Reading never fails: a date that is
not a date, a QName whose prefix is not declared, is kept in a form the
rules recognise and report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import cached_property

from lxml import etree

from kcxbrl.validation.rules.xstypes import TypeIndex, canonical
from kcxbrl.xbrl import ns
from kcxbrl.xbrl.ns import clark

_ENTITY = clark(ns.XBRLI, "entity")
_IDENTIFIER = clark(ns.XBRLI, "identifier")
_SEGMENT = clark(ns.XBRLI, "segment")
_SCENARIO = clark(ns.XBRLI, "scenario")
_PERIOD = clark(ns.XBRLI, "period")
_INSTANT = clark(ns.XBRLI, "instant")
_START = clark(ns.XBRLI, "startDate")
_END = clark(ns.XBRLI, "endDate")
_FOREVER = clark(ns.XBRLI, "forever")
_MEASURE = clark(ns.XBRLI, "measure")
_DIVIDE = clark(ns.XBRLI, "divide")
_NUMERATOR = clark(ns.XBRLI, "unitNumerator")
_DENOMINATOR = clark(ns.XBRLI, "unitDenominator")
_EXPLICIT = clark(ns.XBRLDI, "explicitMember")
_TYPED = clark(ns.XBRLDI, "typedMember")

INSTANT = "instant"
DURATION = "duration"
FOREVER = "forever"


@dataclass(frozen=True)
class Period:
    """``xbrli:period`` (XBRL 2.1 section 4.7.2).

    Dates are read as XBRL reads them: a date without a time means midnight
    at its start for ``startDate`` and midnight at its end for ``endDate`` and
    ``instant``.  ``error`` holds why a date could not be read.
    """

    kind: str  # instant, duration, forever, or "" when the period is malformed
    start: datetime | None
    end: datetime | None
    error: str | None = None

    @property
    def key(self) -> tuple[object, ...]:
        return (self.kind, self.start, self.end)


@dataclass(frozen=True)
class DimensionValue:
    """``xbrldi:explicitMember`` or ``xbrldi:typedMember`` (Dimensions 1.0 section 3.1)."""

    dimension: str | None  # Clark name; None when the QName does not resolve
    member: str | None  # explicit: Clark name of the member
    typed_content: tuple[etree._Element, ...]  # typed: the child elements
    is_typed: bool
    container: str  # "segment" or "scenario"
    line: int | None
    text: str  # as written, for messages

    @property
    def key(self) -> tuple[object, ...]:
        if self.is_typed:
            return ("t", self.dimension, tuple(_canonical(e) for e in self.typed_content))
        return ("e", self.dimension, self.member)


@dataclass(frozen=True)
class Context:
    """``xbrli:context`` (XBRL 2.1 section 4.7)."""

    id: str
    line: int | None
    scheme: str
    identifier: str
    identifier_line: int | None
    period: Period
    segment: etree._Element | None
    scenario: etree._Element | None
    dimensions: tuple[DimensionValue, ...]
    other_segment: tuple[etree._Element, ...]  # segment children that are not dimension values
    other_scenario: tuple[etree._Element, ...]
    types: TypeIndex | None = field(default=None, compare=False, repr=False)  # for typed s-equality

    def dims_in(self, container: str) -> dict[str | None, DimensionValue]:
        return {d.dimension: d for d in self.dimensions if d.container == container}

    def others_in(self, container: str) -> tuple[etree._Element, ...]:
        return self.other_segment if container == "segment" else self.other_scenario

    @cached_property
    def key(self) -> tuple[object, ...]:
        """Equal for s-equal contexts (XBRL 2.1 section 4.10), dimensions in any order."""
        types = self.types
        return (
            self.scheme,
            self.identifier,
            self.period.key,
            frozenset(self._dim_key(d) for d in self.dimensions if d.container == "segment"),
            tuple(canonical(e, types) for e in self.other_segment),
            frozenset(self._dim_key(d) for d in self.dimensions if d.container == "scenario"),
            tuple(canonical(e, types) for e in self.other_scenario),
        )

    def _dim_key(self, dim: DimensionValue) -> tuple[object, ...]:
        if dim.is_typed and self.types is not None:
            return ("t", dim.dimension, tuple(canonical(e, self.types) for e in dim.typed_content))
        return dim.key


@dataclass(frozen=True)
class Unit:
    """``xbrli:unit`` (XBRL 2.1 section 4.8): measures as Clark names."""

    id: str
    line: int | None
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    is_divide: bool

    @cached_property
    def key(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return (tuple(sorted(self.numerator)), tuple(sorted(self.denominator)))

    def __str__(self) -> str:
        num = "*".join(_short(m) for m in self.numerator)
        if self.denominator:
            return f"{num}/{'*'.join(_short(m) for m in self.denominator)}"
        return num


def read_context(elt: etree._Element) -> Context:
    entity = elt.find(_ENTITY)
    identifier = entity.find(_IDENTIFIER) if entity is not None else None
    segment = entity.find(_SEGMENT) if entity is not None else None
    scenario = elt.find(_SCENARIO)
    dims: list[DimensionValue] = []
    other_segment = _container(segment, "segment", dims)
    other_scenario = _container(scenario, "scenario", dims)
    return Context(
        id=elt.get("id", ""),
        line=elt.sourceline,
        scheme=(identifier.get("scheme", "") if identifier is not None else "").strip(),
        identifier=((identifier.text or "") if identifier is not None else "").strip(),
        identifier_line=identifier.sourceline if identifier is not None else elt.sourceline,
        period=_read_period(elt.find(_PERIOD)),
        segment=segment,
        scenario=scenario,
        dimensions=tuple(dims),
        other_segment=other_segment,
        other_scenario=other_scenario,
    )


def _container(elt: etree._Element | None, name: str, dims: list[DimensionValue]) -> tuple[etree._Element, ...]:
    if elt is None:
        return ()
    others: list[etree._Element] = []
    for child in elt:
        if not isinstance(child.tag, str):
            continue
        if child.tag in (_EXPLICIT, _TYPED):
            typed = child.tag == _TYPED
            dim_text = (child.get("dimension") or "").strip()
            member_text = "" if typed else (child.text or "").strip()
            dims.append(
                DimensionValue(
                    dimension=resolve_qname(child, dim_text),
                    member=None if typed else resolve_qname(child, member_text),
                    typed_content=tuple(c for c in child if isinstance(c.tag, str)) if typed else (),
                    is_typed=typed,
                    container=name,
                    line=child.sourceline,
                    text=f"{dim_text}={member_text}" if not typed else dim_text,
                )
            )
        else:
            others.append(child)
    return tuple(others)


def _read_period(elt: etree._Element | None) -> Period:
    if elt is None:
        return Period("", None, None, "no period")
    try:
        if elt.find(_FOREVER) is not None:
            return Period(FOREVER, None, None)
        instant = elt.find(_INSTANT)
        if instant is not None:
            return Period(INSTANT, None, parse_datetime(instant.text or "", end=True))
        start = elt.find(_START)
        end = elt.find(_END)
        if start is not None and end is not None:
            return Period(DURATION, parse_datetime(start.text or "", end=False), parse_datetime(end.text or "", end=True))
    except ValueError as exc:
        return Period("", None, None, str(exc))
    return Period("", None, None, "period has neither instant, startDate/endDate nor forever")


def parse_datetime(text: str, *, end: bool) -> datetime:
    """An xs:date or xs:dateTime as XBRL 2.1 section 4.7.2 reads it."""
    value = text.strip()
    if "T" in value:
        day, _, clock = value.partition("T")
        if clock.startswith("24:00:00"):
            moment = datetime.fromisoformat(day) + timedelta(days=1)
        else:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    else:
        body = value[:10] if len(value) >= 10 and value[10:11] in ("", "Z", "+", "-") else value
        moment = datetime.fromisoformat(body)
        if end:
            moment += timedelta(days=1)
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


def read_unit(elt: etree._Element) -> Unit:
    divide = elt.find(_DIVIDE)
    if divide is not None:
        num = divide.find(_NUMERATOR)
        den = divide.find(_DENOMINATOR)
        return Unit(
            id=elt.get("id", ""),
            line=elt.sourceline,
            numerator=_measures(num),
            denominator=_measures(den),
            is_divide=True,
        )
    return Unit(id=elt.get("id", ""), line=elt.sourceline, numerator=_measures(elt), denominator=(), is_divide=False)


def _measures(elt: etree._Element | None) -> tuple[str, ...]:
    if elt is None:
        return ()
    result = []
    for m in elt.iterchildren(_MEASURE):
        text = (m.text or "").strip()
        result.append(resolve_qname(m, text) or text)
    return tuple(result)


def resolve_qname(elt: etree._Element, text: str) -> str | None:
    """A QName in element content or an attribute, as a Clark name (None if unbound)."""
    if not text:
        return None
    prefix, sep, local = text.partition(":")
    if not sep:
        namespace = elt.nsmap.get(None)
        return clark(namespace, text)
    namespace = elt.nsmap.get(prefix)
    return clark(namespace, local) if namespace else None


def _short(name: str) -> str:
    namespace, local = ns.split_clark(name)
    if namespace == ns.ISO4217:
        return f"iso4217:{local}"
    if namespace == ns.XBRLI:
        return f"xbrli:{local}"
    return local


def _canonical(elt: etree._Element) -> tuple[object, ...]:
    """A hashable form of an element for s-equality (XBRL 2.1 section 4.10)."""
    children = tuple(_canonical(c) for c in elt if isinstance(c.tag, str))
    text = " ".join((elt.text or "").split()) if not children else ""
    return (elt.tag, tuple(sorted(elt.attrib.items())), text, children)
