"""XBRL Dimensions 1.0: dimension values in contexts, and facts against hypercubes.

Context checks (Dimensions 1.0, instance validation): each ``xbrldi:explicitMember``
names an explicit dimension and a global member that is not the dimension's
default; each ``xbrldi:typedMember`` names a typed dimension and holds
exactly its typed-domain element; no dimension appears twice.

Fact checks: a primary item linked to hypercubes by
``all``/``notAll`` arcs (directly, or inherited through domain-member arcs
in the same link role) is valid in a context when, for some link role, the
context satisfies every ``all`` hypercube and no ``notAll`` hypercube there.
A context satisfies a hypercube when each of its dimensions has a usable
domain member (or a default) in the context element the arc names, and, if
the hypercube is closed, that context element holds nothing else.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from kcxbrl.validation.dts import Concept, Dts, Relationship
from kcxbrl.findings import Finding, error
from kcxbrl.xbrl import ns
from kcxbrl.validation.rules.contexts import Context, DimensionValue
from kcxbrl.validation.rules.report import Report

_REF = "XBRL Dimensions 1.0 section 3 (dimensional validity of instances)"


class _Structure:
    """Dimensional relationships of a DTS, indexed for lookups (built once per report)."""

    def __init__(self, dts: Dts) -> None:
        self.dts = dts
        self.has_hypercube: dict[str, list[Relationship]] = defaultdict(list)
        for rel in dts.base_sets(ns.ALL, ns.NOT_ALL):
            self.has_hypercube[rel.source].append(rel)
        self.domain_member_to: dict[str, list[Relationship]] = defaultdict(list)
        self.domain_member_from: dict[tuple[str, str], list[Relationship]] = defaultdict(list)
        for rel in dts.base_sets(ns.DOMAIN_MEMBER):
            self.domain_member_to[rel.target].append(rel)
            self.domain_member_from[(rel.source, rel.link_role)].append(rel)
        self.hypercube_dims: dict[tuple[str, str], list[Relationship]] = defaultdict(list)
        for rel in dts.base_sets(ns.HYPERCUBE_DIMENSION):
            self.hypercube_dims[(rel.source, rel.link_role)].append(rel)
        self.dimension_domain: dict[tuple[str, str], list[Relationship]] = defaultdict(list)
        for rel in dts.base_sets(ns.DIMENSION_DOMAIN):
            self.dimension_domain[(rel.source, rel.link_role)].append(rel)
        self.defaults: dict[str, str] = {}
        for rel in dts.base_sets(ns.DIMENSION_DEFAULT):
            self.defaults.setdefault(rel.source, rel.target)
        self._elr_cache: dict[str, dict[str, list[Relationship]]] = {}
        self._usable: dict[tuple[str, str], frozenset[str]] = {}

    def hypercubes_by_role(self, primary: str) -> dict[str, list[Relationship]]:
        """Has-hypercube arcs that apply to ``primary``, grouped by their link role."""
        cached = self._elr_cache.get(primary)
        if cached is None:
            cached = defaultdict(list)
            self._collect(primary, None, cached, set())
            self._elr_cache[primary] = cached
        return cached

    def _collect(self, item: str, role: str | None, found: dict[str, list[Relationship]],
                 seen: set[tuple[str, str | None]]) -> None:
        if (item, role) in seen:
            return
        seen.add((item, role))
        for rel in self.has_hypercube.get(item, ()):
            if role is None or rel.link_role == role:
                found[rel.link_role].append(rel)
        # inherited from ancestors in the domain-member network
        for rel in self.domain_member_to.get(item, ()):
            if role is None or rel.consecutive_role == role:
                self._collect(rel.source, rel.link_role, found, seen)

    def usable_members(self, dimension: str, role: str) -> frozenset[str]:
        key = (dimension, role)
        cached = self._usable.get(key)
        if cached is None:
            usable: set[str] = set()
            unusable: set[str] = set()
            self._members(self.dimension_domain.get(key, ()), role, usable, unusable, set())
            cached = frozenset(usable - unusable)
            self._usable[key] = cached
        return cached

    def _members(self, rels: list[Relationship], role: str, usable: set[str], unusable: set[str],
                 path: set[tuple[str, str]]) -> None:
        for rel in rels:
            (usable if rel.usable else unusable).add(rel.target)
            nxt = rel.consecutive_role
            if (rel.target, nxt) in path:
                continue  # a cycle; Dimensions 1.0 forbids it, the taxonomy check reports it
            path.add((rel.target, nxt))
            self._members(self.domain_member_from.get((rel.target, nxt), []), nxt, usable, unusable, path)
            path.discard((rel.target, nxt))


def check(report: Report) -> Iterator[Finding]:
    dts = report.dts
    structure = _Structure(dts)
    for context in report.contexts.values():
        yield from _context(report, structure, context)
    if not structure.has_hypercube:
        return
    valid: dict[tuple[str, str], bool] = {}
    for fact in report.facts:
        concept = fact.concept
        if concept is None or not concept.is_item:
            continue
        context = report.contexts.get(fact.context_ref or "")
        if context is None:
            continue
        key = (fact.tag, context.id)
        if key not in valid:
            valid[key] = _fact_valid(structure, fact.tag, context)
        if not valid[key]:
            yield error(
                "xbrldie:PrimaryItemDimensionallyInvalidError",
                f"fact {fact.label} is not dimensionally valid in context {context.id}: "
                + _explain(structure, fact.tag, context),
                file=report.file, line=fact.line, element=fact.label, ref=_REF,
            )


def _context(report: Report, structure: _Structure, context: Context) -> Iterator[Finding]:
    dts = report.dts
    seen: dict[str, DimensionValue] = {}
    for dim in context.dimensions:
        where = {"file": report.file, "line": dim.line, "element": context.id, "ref": _REF}
        concept = dts.concepts.get(dim.dimension or "")
        if concept is None or not concept.is_dimension or dim.is_typed != concept.is_typed_dimension:
            code = "xbrldie:TypedMemberNotTypedDimensionError" if dim.is_typed else "xbrldie:ExplicitMemberNotExplicitDimensionError"
            kind = "a typed" if dim.is_typed else "an explicit"
            yield error(code, f"context {context.id}: {dim.text.partition('=')[0]} is not {kind} dimension", **where)
        elif dim.is_typed:
            content = dim.typed_content
            if len(content) != 1 or content[0].tag != concept.typed_domain_ref:
                problem = "no content" if not content else (
                    "more than one element" if len(content) > 1 else f"element {ns.local_name(content[0].tag)}")
                expected = ns.local_name(concept.typed_domain_ref) if concept.typed_domain_ref else "(unresolved)"
                yield error("xbrldie:IllegalTypedDimensionContentError",
                            f"context {context.id}: typed dimension {dim.text} holds {problem}; "
                            f"it must hold one {expected} element", **where)
        if not dim.is_typed:
            member = dts.concepts.get(dim.member or "")
            if member is None:
                yield error("xbrldie:ExplicitMemberUndefinedQNameError",
                            f"context {context.id}: member {dim.text.partition('=')[2]} of {dim.text.partition('=')[0]} "
                            "is not a concept of the DTS", **where)
            elif concept is not None and structure.defaults.get(concept.qname) == member.qname:
                yield error("xbrldie:DefaultValueUsedInInstanceError",
                            f"context {context.id}: member {dim.text.partition('=')[2]} is the default of "
                            f"{dim.text.partition('=')[0]}; leave the dimension out instead", **where)
        if dim.dimension is not None:
            if dim.dimension in seen:
                yield error("xbrldie:RepeatedDimensionInInstanceError",
                            f"context {context.id}: dimension {ns.local_name(dim.dimension)} appears twice "
                            f"(also line {seen[dim.dimension].line})", **where)
            seen.setdefault(dim.dimension, dim)


def _fact_valid(structure: _Structure, primary: str, context: Context) -> bool:
    by_role = structure.hypercubes_by_role(primary)
    if not by_role:
        return True
    return any(all(_cube_ok(structure, rel, context) for rel in rels) for rels in by_role.values())


def _cube_ok(structure: _Structure, has_hc: Relationship, context: Context) -> bool:
    satisfied = _cube_satisfied(structure, has_hc, context)
    return not satisfied if has_hc.arcrole == ns.NOT_ALL else satisfied


def _cube_satisfied(structure: _Structure, has_hc: Relationship, context: Context) -> bool:
    container = has_hc.context_element or "segment"
    values = context.dims_in(container)
    if has_hc.closed and context.others_in(container):
        return False
    remaining = set(values)
    dim_role = has_hc.consecutive_role
    for hd in structure.hypercube_dims.get((has_hc.target, dim_role), ()):
        dimension = hd.target
        concept: Concept | None = structure.dts.concepts.get(dimension)
        if dimension in values:
            remaining.discard(dimension)
            member = values[dimension].member
            if values[dimension].is_typed:
                continue
        elif dimension in structure.defaults:
            member = structure.defaults[dimension]
        else:
            return False
        if concept is not None and concept.is_typed_dimension:
            continue
        if member not in structure.usable_members(dimension, hd.consecutive_role):
            return False
    return not (has_hc.closed and remaining)


def _explain(structure: _Structure, primary: str, context: Context) -> str:
    """A short reason for the first link role, to help the reader find the problem."""
    by_role = structure.hypercubes_by_role(primary)
    for role, rels in by_role.items():
        for rel in rels:
            if _cube_ok(structure, rel, context):
                continue
            cube = ns.local_name(rel.target)
            if rel.arcrole == ns.NOT_ALL:
                return f"the context matches excluded hypercube {cube} (link role {role})"
            container = rel.context_element or "segment"
            values = context.dims_in(container)
            hds = structure.hypercube_dims.get((rel.target, rel.consecutive_role), ())
            dims = [hd.target for hd in hds]
            for hd in hds:
                dim_value = values.get(hd.target)
                if dim_value is None:
                    if hd.target not in structure.defaults:
                        return f"hypercube {cube} (link role {role}) needs a value for {ns.local_name(hd.target)}"
                    continue
                if not dim_value.is_typed and dim_value.member not in structure.usable_members(
                        hd.target, hd.consecutive_role):
                    return (f"{dim_value.text.partition('=')[2]} is not a usable member of "
                            f"{ns.local_name(hd.target)} in hypercube {cube} (link role {role})")
            extra = [ns.local_name(d) for d in values if d not in dims and d is not None]
            if rel.closed and extra:
                return f"closed hypercube {cube} (link role {role}) has no dimension {', '.join(extra)}"
            return f"the {container} does not fit hypercube {cube} (link role {role})"
    return "no hypercube accepts the context"
