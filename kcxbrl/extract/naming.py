"""Which node of a role a printed row label names.

A label is looked up among the printed labels of the table's role, the
concepts' labels and the synonyms (:class:`kcxbrl.xbrl.taxonomy.LabelIndex`).
When several nodes answer, the section the row sits in decides; when it
cannot, the row is ambiguous: never a first pick.
"""

from __future__ import annotations

from dataclasses import dataclass

from kcxbrl.xbrl.taxonomy import LabelIndex, Node, Taxonomy


def _under(node: Node, section: Node | None) -> bool:
    return section is not None and any(node is n for n in section.walk()[1:])


@dataclass(frozen=True)
class Pick:
    """The node a label names, or the candidates no section decides between."""

    node: Node | None
    ambiguous: tuple[Node, ...] = ()
    loose: bool = False  # found only through the loose key


def _distinct(nodes: tuple[Node, ...]) -> list[Node]:
    """Nodes that would give different facts (the same concept printed twice
    at one place of a tree gives the same fact)."""
    seen: dict[tuple[object, ...], Node] = {}
    for node in nodes:
        seen.setdefault((node.concept, node.flags & {"start", "end"}, node.members, node.negated), node)
    return list(seen.values())


def choose(
    index: LabelIndex, text: str, section: Node | None, taxonomy: Taxonomy, *, values: bool
) -> Pick:
    """The node a row label names.  A row with values never names an abstract
    heading; a heading prefers one.  Among several candidates the current
    section decides; when it cannot, the row is ambiguous (never a first pick)."""
    found, loose = index.find(text)
    abstract = [n for n in found if taxonomy.concepts[n.concept].abstract]
    if values:
        found = tuple(n for n in found if not taxonomy.concepts[n.concept].abstract)
    elif abstract:
        found = tuple(abstract)
    candidates = _distinct(found) if len(found) > 1 else list(found)
    if not candidates:
        return Pick(None)
    if len(candidates) == 1:
        return Pick(candidates[0], loose=loose)
    inside = [n for n in candidates if _under(n, section)]
    if len(inside) == 1:
        return Pick(inside[0], loose=loose)
    return Pick(None, tuple(inside or candidates), loose)


def name_row(
    index: LabelIndex, label: str, pending: str | None, section: Node | None, taxonomy: Taxonomy
) -> tuple[Pick, str, Node | None]:
    """The node a row with values names, the label that named it, and the section.

    Tried in turn: the label joined to a heading-less line above it (a label
    wrapped onto two rows), the label, and the part after "Heading:".
    """
    tried = ([f"{pending} {label}"] if pending else []) + [label]
    head_text, colon, tail = label.partition(":")
    if colon and tail.strip():
        tried.append(tail)
    first_ambiguous: Pick | None = None
    for text in tried:
        if text is tail and colon:
            head = choose(index, head_text, section, taxonomy, values=False).node
            section = head or section
        pick = choose(index, text, section, taxonomy, values=True)
        if pick.node is not None:
            return pick, text.strip(), section
        first_ambiguous = first_ambiguous or (pick if pick.ambiguous else None)
    return first_ambiguous or Pick(None), label, section
