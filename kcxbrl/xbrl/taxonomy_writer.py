"""Render the taxonomy model to its XBRL schema and linkbases (Jinja).

``python -m kcxbrl.xbrl.taxonomy_writer`` rewrites the files kept in
``taxonomy/``; a test checks that they match the TOML source.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from kcxbrl.xbrl.jinja import render
from kcxbrl.resources import taxonomy_dir
from kcxbrl.xbrl.taxonomy import NEGATED_ROLES, Node, Role, Taxonomy, build
from kcxbrl.xbrl import ns

_DIM_ARCROLES = {
    "all": ns.ALL,
    "hypercube-dimension": ns.HYPERCUBE_DIMENSION,
    "dimension-domain": ns.DIMENSION_DOMAIN,
    "domain-member": ns.DOMAIN_MEMBER,
    "dimension-default": ns.DIMENSION_DEFAULT,
}


def file_names(taxonomy: Taxonomy) -> dict[str, str]:
    stem = taxonomy.schema_file.removesuffix(".xsd")
    return {
        "schema": taxonomy.schema_file,
        "label": f"{stem}_lab.xml",
        "presentation": f"{stem}_pre.xml",
        "calculation": f"{stem}_cal.xml",
        "definition": f"{stem}_def.xml",
    }


def _role_refs(taxonomy: Taxonomy, uris: list[str]) -> list[dict[str, str]]:
    ids = _role_ids(taxonomy)
    return [{"uri": uri, "href": f"{taxonomy.schema_file}#{ids[uri]}"} for uri in uris]


def role_ids(taxonomy: Taxonomy) -> dict[str, str]:
    """Extended link role URI → the id of its roleType in the base schema."""
    return _role_ids(taxonomy)


def _role_ids(taxonomy: Taxonomy) -> dict[str, str]:
    ids = {}
    for role in taxonomy.roles:
        ids[role.uri] = role.id
        for uri in role.networks():
            ids.setdefault(uri, uri.rsplit("/", 1)[-1])
    return ids


def _schema(taxonomy: Taxonomy, names: dict[str, str]) -> str:
    linkbases = [
        {"href": names["label"], "role": ns.LABEL_LINKBASE_REF},
        {"href": names["presentation"], "role": ns.PRESENTATION_LINKBASE_REF},
        # no calculation linkbase here: each filing's extension schema carries
        # the summations its own printed figures show (kc-2026_cal.xml only
        # documents the relationships they are drawn from)
        {"href": names["definition"], "role": ns.DEFINITION_LINKBASE_REF},
    ]
    roles = []
    for role in taxonomy.roles:
        used = ["link:presentationLink", "link:calculationLink", "link:definitionLink"]
        roles.append({"uri": role.uri, "id": role.id, "definition": f"{role.order} - {role.definition}", "used_on": used})
        for uri in role.networks():
            if uri != role.uri:
                roles.append({
                    "uri": uri,
                    "id": uri.rsplit("/", 1)[-1],
                    "definition": f"{role.order} - {role.definition} ({uri.rsplit('.', 1)[-1].lower()})",
                    "used_on": ["link:calculationLink"],
                })
    typed_domains = {c.typed_domain for c in taxonomy.concepts.values() if c.typed_domain}
    concepts = [
        {
            "name": c.name,
            "item_type": c.item_type,
            "substitution_group": c.substitution_group,
            "period": c.period,
            "balance": c.balance,
            "abstract": "true" if c.abstract else "false",
            "typed_domain": c.typed_domain,
            "typed_domain_element": c.name in typed_domains,
            "usgaap": c.usgaap,
            "dei": c.dei,
        }
        for c in sorted(taxonomy.concepts.values(), key=lambda c: c.name)
    ]
    return render(
        "taxonomy/schema.xsd.j2",
        namespace=taxonomy.namespace,
        prefix=taxonomy.prefix,
        meta_namespace=ns.KC_META,
        usgaap_namespace=ns.US_GAAP,
        dei_namespace=ns.DEI,
        linkbases=linkbases,
        roles=roles,
        concepts=concepts,
    )


def _labels(taxonomy: Taxonomy) -> str:
    by_concept: dict[str, list[dict[str, str]]] = {}
    used_roles: set[str] = set()
    typed_domains = {c.typed_domain for c in taxonomy.concepts.values() if c.typed_domain}
    for (name, role), text in sorted(taxonomy.labels.items()):
        if name in typed_domains:
            continue
        short = role.rsplit("/", 1)[-1]
        by_concept.setdefault(name, []).append(
            {"id": f"lab_{name}_{short}", "role": role, "lang": "en", "text": text}
        )
        used_roles.add(role)
    role_refs = [
        {"uri": role, "href": f"{ns.LRR_NEGATED_SCHEMA}#{role.rsplit('/', 1)[-1]}"}
        for role in sorted(used_roles & NEGATED_ROLES)
    ]
    concepts = [{"name": name, "labels": labels} for name, labels in sorted(by_concept.items())]
    return render(
        "taxonomy/label.xml.j2",
        role_refs=role_refs,
        concepts=concepts,
        schema_file=taxonomy.schema_file,
        prefix=taxonomy.prefix,
    )


@dataclass(frozen=True)
class _Tree:
    """One role's presentation: locators, arcs, and the order of each placed node."""

    locs: list[dict[str, str]]
    arcs: list[dict[str, object]]
    orders: dict[int, int]  # id(node) → order of its arc under its parent


def _tree(role: Role) -> _Tree:
    # one locator per printed place: XLink forbids two arcs between the same
    # pair of labels, and a concept may be printed twice under one parent
    # (opening and closing balances)
    locs: list[dict[str, str]] = []
    seen: dict[str, int] = {}
    arcs: list[dict[str, object]] = []
    orders: dict[int, int] = {}
    placed: set[tuple[str, str, str | None]] = set()

    def loc(concept: str) -> str:
        count = seen.get(concept, 0) + 1
        seen[concept] = count
        label = concept if count == 1 else f"{concept}_{count}"
        locs.append({"label": label, "concept": concept})
        return label

    def place(node: Node, label: str) -> None:
        order = 0
        for child in node.children:
            # dimensional rows repeat a concept with members; the members
            # are presented by the hypercube below, the concept once
            key = (node.concept, child.concept, child.preferred_label)
            if child.members or key in placed:
                orders[id(child)] = order
                place(child, label)
                continue
            placed.add(key)
            order += 1
            orders[id(child)] = order
            child_label = loc(child.concept)
            arcs.append({"parent": label, "child": child_label, "order": order, "preferred": child.preferred_label})
            place(child, child_label)

    root = loc(role.root.concept)
    place(role.root, root)
    cube = role.hypercube
    if cube is not None:
        table = loc(cube.table)
        arcs.append({"parent": root, "child": table, "order": 0, "preferred": None})
        for a_order, axis in enumerate(cube.axes, 1):
            axis_label = loc(axis.name)
            arcs.append({"parent": table, "child": axis_label, "order": a_order, "preferred": None})
            if axis.domain:
                domain = loc(axis.domain)
                arcs.append({"parent": axis_label, "child": domain, "order": 1, "preferred": None})
                for m_order, member in enumerate(axis.members, 1):
                    arcs.append({"parent": domain, "child": loc(member), "order": m_order, "preferred": None})
    return _Tree(locs, arcs, orders)


def presentation_order(role: Role, node: Node) -> int:
    """The order of the base presentation arc that places ``node`` under its
    parent (for a row repeated with members: the order of the row before it)."""
    return _tree(role).orders.get(id(node), 0)


def _presentation(taxonomy: Taxonomy) -> str:
    links = []
    for role in taxonomy.roles:
        tree = _tree(role)
        links.append({"uri": role.uri, "locs": tree.locs, "arcs": tree.arcs})
    return render(
        "taxonomy/presentation.xml.j2",
        role_refs=_role_refs(taxonomy, [r.uri for r in taxonomy.roles]),
        links=links,
        schema_file=taxonomy.schema_file,
        prefix=taxonomy.prefix,
    )


def _calculation(taxonomy: Taxonomy) -> str:
    links = []
    for role in taxonomy.roles:
        for uri, calcs in role.networks().items():
            locs: list[str] = []
            arcs: list[dict[str, object]] = []
            for calc in calcs:
                for name in (calc.total, *(p for p, _ in calc.parts)):
                    if name not in locs:
                        locs.append(name)
                for order, (part, weight) in enumerate(calc.parts, 1):
                    arcs.append({"total": calc.total, "part": part, "order": order, "weight": f"{weight}.0"})
            links.append({"uri": uri, "locs": locs, "arcs": arcs})
    return render(
        "taxonomy/calculation.xml.j2",
        role_refs=_role_refs(taxonomy, [link["uri"] for link in links]),  # type: ignore[misc]
        links=links,
        schema_file=taxonomy.schema_file,
        prefix=taxonomy.prefix,
    )


def _definition(taxonomy: Taxonomy) -> str:
    links = []
    for role in taxonomy.roles:
        cube = role.hypercube
        if cube is None:
            continue
        arcs: list[dict[str, object]] = []

        locs: dict[str, str] = {}  # locator label → concept

        def arc(arcrole: str, source: str, target: str, order: int, closed: bool = False, tag: str = "") -> None:
            # a tag gives the target a locator of its own: XLink forbids two
            # arcs between one pair of labels (dimension-domain and -default)
            target_label = f"{target}_{tag}" if tag else target
            locs.setdefault(source, source)
            locs.setdefault(target_label, target)
            arcs.append({"arcrole": _DIM_ARCROLES[arcrole], "source": source, "target": target_label, "order": order, "closed": closed})

        arc("all", cube.line_items, cube.table, 1, closed=True)
        for order, axis in enumerate(cube.axes, 1):
            arc("hypercube-dimension", cube.table, axis.name, order)
            if axis.domain:
                arc("dimension-domain", axis.name, axis.domain, 1)
                arc("dimension-default", axis.name, axis.domain, 1, tag="default")
                for m_order, member in enumerate(axis.members, 1):
                    arc("domain-member", axis.domain, member, m_order)
        primaries = [n.concept for n in role.nodes if not taxonomy.concepts[n.concept].abstract]
        seen: list[str] = []
        for name in primaries:
            if name not in seen:
                seen.append(name)
        for order, name in enumerate(seen, 1):
            arc("domain-member", cube.line_items, name, order)
        links.append({"uri": role.uri, "locs": [{"label": k, "concept": v} for k, v in locs.items()], "arcs": arcs})
    used = sorted({a["arcrole"] for link in links for a in link["arcs"]})  # type: ignore[index, union-attr]
    arcrole_refs = [{"uri": uri, "href": f"{ns.XBRLDT_SCHEMA}#{uri.rsplit('/', 1)[-1]}"} for uri in used]
    return render(
        "taxonomy/definition.xml.j2",
        role_refs=_role_refs(taxonomy, [link["uri"] for link in links]),  # type: ignore[misc]
        arcrole_refs=arcrole_refs,
        links=links,
        schema_file=taxonomy.schema_file,
        prefix=taxonomy.prefix,
    )


def render_taxonomy(taxonomy: Taxonomy) -> dict[str, str]:
    """File name → XML text, for the schema and its four linkbases."""
    names = file_names(taxonomy)
    return {
        names["schema"]: _schema(taxonomy, names),
        names["label"]: _labels(taxonomy),
        names["presentation"]: _presentation(taxonomy),
        names["calculation"]: _calculation(taxonomy),
        names["definition"]: _definition(taxonomy),
    }


def write_taxonomy(taxonomy: Taxonomy, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_taxonomy(taxonomy).items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main() -> int:
    for path in write_taxonomy(build(), taxonomy_dir()):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
