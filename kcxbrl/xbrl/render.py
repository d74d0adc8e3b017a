"""Instance → XBRL 2.1 XML text, through templates/instance.xbrl.j2.

The template context is built here, from the model only; the output is
byte-for-byte the same for the same instance.
"""

from __future__ import annotations

import hashlib
import re
import weakref
from collections import Counter
from decimal import Decimal
from typing import NamedTuple

from kcxbrl import __version__
from kcxbrl.xbrl.jinja import render, xml_decimal
from kcxbrl.xbrl.model import Context, Fact, Instance
from kcxbrl.xbrl.taxonomy import Taxonomy


# The views the templates read are tuples: a fact's, built for every fact, a plain one
# the template's loop unpacks: (qname, id, context, unit, decimals, value, lang); the
# others named tuples, whose attributes Jinja finds at once (a dict's key costs it a
# failed attribute lookup first).
_FactView = tuple[str, str, str, str | None, str | None, str, str | None]


class _MemberView(NamedTuple):
    dimension: str
    value: str
    typed: bool
    domain: str | None


class _ContextView(NamedTuple):
    id: str
    scheme: str
    identifier: str
    members: tuple[_MemberView, ...]
    instant: str | None
    start: str | None
    end: str


class _UnitView(NamedTuple):
    id: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]


# A file name goes into a comment: XML forbids '--' there and control characters anywhere.
_NOT_IN_ID = re.compile(r"[^A-Za-z0-9_.-]")
_ID_START = re.compile(r"[A-Za-z_]")
_NOT_IN_COMMENT = re.compile(r"-(?=-)|[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def comment_text(text: str) -> str:
    return _NOT_IN_COMMENT.sub(lambda m: "- " if m.group(0) == "-" else "", text)


def fact_identity(fact: Fact, contexts: dict[int, str] | None = None) -> str:
    """What makes a fact the fact it is: concept, entity, period, dimensions, unit, language.
    ``contexts`` keeps the part of each context already written (by the context's id())."""
    return _Identities(contexts).identity(fact)


class _Identities:
    """Fact ids of one instance's facts: what facts share (a context's part of the
    identity, a unit's measures, a concept's part of the id) is written once, by id()."""

    def __init__(self, contexts: dict[int, str] | None = None) -> None:
        self.contexts = {} if contexts is None else contexts
        self.units: dict[int, str] = {}
        self.names: dict[str, str] = {}  # concept -> what its facts' ids start with

    def identity(self, fact: Fact) -> str:
        context, unit = fact.context, fact.unit
        where = self.contexts.get(id(context))
        if where is None:
            where = self.contexts[id(context)] = _context_identity(context)
        measures = self.units.get(id(unit))
        if measures is None:
            measures = self.units[id(unit)] = (
                "*".join(unit.numerator) + "/" + "*".join(unit.denominator) if unit else "")
        return "\x1f".join((fact.concept, where, measures, fact.lang or ""))

    def fact_id(self, fact: Fact) -> str:
        start = self.names.get(fact.concept)
        if start is None:
            local = _NOT_IN_ID.sub("_", fact.concept.rsplit(":", 1)[-1])[:60]
            start = self.names[fact.concept] = f"{local}_" if _ID_START.match(local) else f"f_{local}_"
        return start + hashlib.sha256(self.identity(fact).encode("utf-8")).hexdigest()[:12]


def _context_identity(context: Context) -> str:
    period = context.period
    return "\x1f".join([
        f"{context.entity.scheme}#{context.entity.identifier}",
        period.start.isoformat() if period.start else "",
        period.end.isoformat(),
        *(f"{m.dimension}{'~' if m.typed else '='}{m.value}" for m in sorted(context.members)),
    ])


def fact_id(fact: Fact, contexts: dict[int, str] | None = None) -> str:
    """The fact's id in the instance and in every export: the concept's local
    name and a digest of the fact's identity, so a fact keeps its id when
    other facts come or go (a valid XML ID: NCName)."""
    return _Identities(contexts).fact_id(fact)


# The ids of the instance asked for last: the instance and every export of one filing ask
# for them in turn (a weak reference: a filing's instance is not kept alive by it).
_last_ids: tuple[weakref.ref[Instance], tuple[str, ...]] | None = None


def fact_ids(instance: Instance) -> tuple[str, ...]:
    """The ids of the instance's facts, in order; two facts with one id are a bug."""
    global _last_ids
    if _last_ids is not None and _last_ids[0]() is instance:
        return _last_ids[1]
    identities = _Identities()  # facts share their contexts, units and concepts: each is written once
    ids = tuple(identities.fact_id(f) for f in instance.facts)
    if len(set(ids)) != len(ids):
        twice = sorted(fid for fid, count in Counter(ids).items() if count > 1)
        raise ValueError(f"facts share an identity: {twice[:5]}")
    _last_ids = (weakref.ref(instance), ids)
    return ids


def _fact_views(instance: Instance, taxonomy: Taxonomy) -> list[_FactView]:
    """The facts as instance.xbrl.j2 writes them; what facts share is worked out once."""
    qnames: dict[str, str] = {}
    views = []
    for fact, fid in zip(instance.facts, fact_ids(instance)):
        value, unit = fact.value, fact.unit
        qname = qnames.get(fact.concept)
        if qname is None:
            qname = qnames[fact.concept] = taxonomy.qname(fact.concept)
        text = xml_decimal(value) if isinstance(value, Decimal) else str(value)
        if unit is None:
            views.append((qname, fid, fact.context.id, None, None, text, fact.lang))
        else:
            decimals = str(fact.decimals) if fact.decimals is not None else None
            views.append((qname, fid, fact.context.id, unit.id, decimals, text, fact.lang))
    return views


def context_views(instance: Instance, taxonomy: Taxonomy) -> list[_ContextView]:
    """The instance's contexts as the templates write them (instance and Inline XBRL alike)."""
    contexts: list[_ContextView] = []
    for c in instance.contexts:
        members = []
        for m in c.members:
            domain = None
            if m.typed:
                axis = taxonomy.concept(m.dimension.split(":", 1)[1])
                domain = f"{taxonomy.prefix}:{axis.typed_domain}"
            members.append(_MemberView(m.dimension, m.value, m.typed, domain))
        contexts.append(_ContextView(
            id=c.id,
            scheme=c.entity.scheme,
            identifier=c.entity.identifier,
            members=tuple(members),
            instant=c.period.end.isoformat() if c.period.is_instant else None,
            start=c.period.start.isoformat() if c.period.start else None,
            end=c.period.end.isoformat(),
        ))
    return contexts


def unit_views(instance: Instance) -> list[_UnitView]:
    return [_UnitView(u.id, tuple(u.numerator), tuple(u.denominator)) for u in instance.units]


def instance_views(instance: Instance, taxonomy: Taxonomy) -> dict[str, object]:
    """What every template of an instance (XML or Inline XBRL) is given about it."""
    return {
        "version": __version__,
        "prefix": taxonomy.prefix,
        "namespace": taxonomy.namespace,
        "schema_ref": instance.schema_ref,
        "extra_namespaces": list(instance.extra_namespaces),
        "contexts": context_views(instance, taxonomy),
        "units": unit_views(instance),
    }


def render_instance(instance: Instance, taxonomy: Taxonomy) -> str:
    return render("instance.xbrl.j2", source=comment_text(instance.source), facts=_fact_views(instance, taxonomy),
                  **instance_views(instance, taxonomy))
