"""XBRL 2.1 rules on relationship networks (sections 5.2.4.2, 5.2.6.2, 5.1.4.3).

No directed cycle where only undirected ones are allowed, no cycle at all
where ``cyclesAllowed="none"``; a preferred label exists; essence and alias
concepts agree in type, period type and balance.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from kcxbrl.findings import Finding, error
from kcxbrl.validation.dts import Dts, Relationship
from kcxbrl.xbrl import ns

_LINK = "{" + ns.LINK + "}"
# XBRL 2.1 section 5.2: the cycles each standard arcrole allows
STANDARD_CYCLES = {
    ns.PARENT_CHILD: "undirected",
    ns.SUMMATION_ITEM: "any",
    ns.GENERAL_SPECIAL: "undirected",
    ns.ESSENCE_ALIAS: "undirected",
    ns.SIMILAR_TUPLES: "any",
    ns.REQUIRES_ELEMENT: "any",
}


def check(dts: Dts) -> Iterator[Finding]:
    yield from _cycles(dts)
    yield from _preferred_labels(dts)
    yield from _essence_alias(dts)


def _cycles(dts: Dts) -> Iterator[Finding]:
    networks: dict[tuple[str, str, str, str], list[Relationship]] = defaultdict(list)
    for rel in dts.relationships:
        networks[(rel.arcrole, rel.link_role, rel.link_name, rel.arc_name)].append(rel)
    for (arcrole, link_role, _, arc_name), rels in networks.items():
        allowed = STANDARD_CYCLES.get(arcrole)
        if allowed is None:
            # a declared arcrole governs the standard arcs that use it; custom arcs are XLink's
            declared = dts.arcrole_types.get(arcrole) if arc_name.startswith(_LINK) else None
            allowed = declared.cycles_allowed if declared is not None else "any"
        if allowed == "any":
            continue
        cycle = _directed_cycle(rels) if allowed == "undirected" else _undirected_cycle(rels)
        if cycle is not None:
            kind = "directed " if allowed == "undirected" else ""
            yield error(
                "xbrl.5.2.4.2:relationshipCycle" if allowed == "undirected" else "xbrl.5.1.4.3:cyclesAllowedNone",
                f"the {arcrole} relationships in link role {link_role} form a {kind}cycle through "
                + " -> ".join(ns.local_name(c) for c in cycle)
                + f"; this arcrole allows {'undirected cycles only' if allowed == 'undirected' else 'no cycles'}",
                file=rels[0].file, line=rels[0].line, ref="XBRL 2.1 sections 5.1.4.3, 5.2.4.2, 5.2.6.2",
            )


def _directed_cycle(rels: list[Relationship]) -> list[str] | None:
    graph: dict[str, list[str]] = defaultdict(list)
    for rel in rels:
        graph[rel.source].append(rel.target)
    state: dict[str, int] = {}  # 1 on the path, 2 done
    for start in list(graph):
        if state.get(start):
            continue
        path: list[str] = [start]
        stack: list[Iterator[str]] = [iter(graph[start])]
        state[start] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
                continue
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(graph.get(nxt, ())))
    return None


def _undirected_cycle(rels: list[Relationship]) -> list[str] | None:
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for rel in rels:
        a, b = find(rel.source), find(rel.target)
        if a == b:
            return [rel.source, rel.target]
        parent[a] = b
    return None


def _preferred_labels(dts: Dts) -> Iterator[Finding]:
    roles: dict[str, set[str]] = defaultdict(set)
    for label in dts.labels:
        roles[label.concept].add(label.role)
    for rel in dts.base_sets(ns.PARENT_CHILD):
        if rel.preferred_label and rel.preferred_label not in roles.get(rel.target, ()):
            yield error("xbrl.5.2.4.2.1:preferredLabelMissing",
                        f"presentation arc to {ns.local_name(rel.target)} prefers the label role "
                        f"{rel.preferred_label}, but the concept has no label of that role",
                        file=rel.file, line=rel.line, ref="XBRL 2.1 section 5.2.4.2.1")


def _essence_alias(dts: Dts) -> Iterator[Finding]:
    for rel in dts.base_sets(ns.ESSENCE_ALIAS):
        essence, alias = dts.concepts.get(rel.source), dts.concepts.get(rel.target)
        if essence is None or alias is None:
            continue
        if (essence.type != alias.type or essence.period_type != alias.period_type
                or (essence.balance and alias.balance and essence.balance != alias.balance)):
            yield error("xbrl.5.2.6.2.2:essenceAliasTypes",
                        f"essence-alias from {ns.local_name(rel.source)} to {ns.local_name(rel.target)} joins concepts "
                        "that differ in type, period type or balance",
                        file=rel.file, line=rel.line, ref="XBRL 2.1 section 5.2.6.2.2")
