"""The roles presenting each concept, indexed once, pick the statement a walk of every role picks."""

from __future__ import annotations

from kcxbrl.exports.records import SUMMARY_ROLES, Presenting, Statement, role_statement, statement_of
from kcxbrl.xbrl.taxonomy import Taxonomy, default_taxonomy


def walked(concept: str, axes: frozenset[str], taxonomy: Taxonomy) -> Statement | None:
    """The statement found by looking at every node of every role, for this one fact."""
    candidates = [r for r in taxonomy.roles if any(n.concept == concept for n in r.nodes)]
    if axes:
        fitting = [r for r in candidates
                   if axes <= {m.rsplit(":", 1)[-1] for n in r.nodes for m, _ in n.members}
                   | ({a.name for a in r.hypercube.axes} if r.hypercube else set())]
        candidates = fitting or candidates
    else:
        plain = [r for r in candidates if any(n.concept == concept and not n.members for n in r.nodes)]
        candidates = plain or candidates
    return role_statement(min(candidates, key=lambda r: (r.id in SUMMARY_ROLES, r.order))) if candidates else None


def test_the_index_agrees_with_a_walk_for_every_concept_and_axis() -> None:
    taxonomy = default_taxonomy()
    presenting = Presenting(taxonomy)
    axis_sets = {frozenset()} | {frozenset({a}) for axes in presenting.axes.values() for a in axes}
    for concept in taxonomy.concepts:
        for axes in axis_sets:
            assert statement_of(concept, axes, taxonomy, presenting) == walked(concept, axes, taxonomy), (concept, axes)


def test_known_statements() -> None:
    taxonomy = default_taxonomy()
    assert statement_of("Revenues", frozenset(), taxonomy) == Statement("Statements of comprehensive loss", 1001)
    employees = statement_of("NumberOfEmployees", frozenset({"FunctionAxis"}), taxonomy)
    assert employees == Statement("Employees by function", 4001)
    assert statement_of("NoSuchConcept", frozenset(), taxonomy) is None
