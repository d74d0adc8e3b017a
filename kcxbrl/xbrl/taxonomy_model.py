"""The local taxonomy as conversion reads it: concepts, presentation trees, calculations, dimensions.

Frozen records built from the TOML source by :mod:`kcxbrl.xbrl.taxonomy_source`;
:mod:`kcxbrl.xbrl.taxonomy` is the name the rest of kcxbrl imports them by.
Label roles and namespaces come from :mod:`kcxbrl.xbrl.ns`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, Mapping

from kcxbrl.errors import TaxonomyError
from kcxbrl.text.labels import exact_key, loose_key
from kcxbrl.resources import taxonomy_version
from kcxbrl.xbrl import ns

PREFIX = "kc"
SCHEMA_FILE = taxonomy_version().schema_file
NEGATED_ROLES = frozenset({ns.NEGATED_LABEL, ns.NEGATED_TOTAL_LABEL, ns.NEGATED_PERIOD_START_LABEL,
                           ns.NEGATED_PERIOD_END_LABEL})

# Our short type names → (item type QName, numeric kind).
ITEM_TYPES: dict[str, str] = {
    "monetary": "xbrli:monetaryItemType",
    "shares": "xbrli:sharesItemType",
    "perShare": "num:perShareItemType",
    "pure": "xbrli:pureItemType",
    "percent": "num:percentItemType",
    "decimal": "xbrli:decimalItemType",
    "rate": "xbrli:decimalItemType",
    "integer": "xbrli:integerItemType",
    "string": "xbrli:stringItemType",
    "date": "xbrli:dateItemType",
    "abstract": "xbrli:stringItemType",
    "domain": "xbrli:stringItemType",
    "member": "xbrli:stringItemType",
    "axis": "xbrli:stringItemType",
    "table": "xbrli:stringItemType",
}
NUMERIC_TYPES = frozenset({"monetary", "shares", "perShare", "pure", "percent", "decimal", "integer", "rate"})
ConceptType = Literal[
    "monetary", "shares", "perShare", "pure", "percent", "decimal", "integer", "rate",
    "string", "date", "abstract", "domain", "member", "axis", "table",
]


@dataclass(frozen=True)
class Concept:
    """An xs:element in our schema (XBRL 2.1 5.1.1)."""

    name: str
    type: str
    label: str
    period: str = "duration"
    balance: str | None = None
    usgaap: str | None = None
    typed_domain: str | None = None  # typed dimensions: the domain element's name
    dei: str | None = None  # the SEC dei concept this one corresponds to

    @property
    def abstract(self) -> bool:
        return self.type in ("abstract", "domain", "member", "axis", "table")

    @property
    def numeric(self) -> bool:
        return self.type in NUMERIC_TYPES

    @property
    def item_type(self) -> str:
        return ITEM_TYPES[self.type]

    @property
    def substitution_group(self) -> str:
        if self.type == "axis":
            return "xbrldt:dimensionItem"
        if self.type == "table":
            return "xbrldt:hypercubeItem"
        return "xbrli:item"


@dataclass(frozen=True)
class Node:
    """A presentation node: a concept as printed at one place of a statement."""

    concept: str
    printed: str
    flags: frozenset[str]
    negated: bool
    preferred_label: str | None
    ancestors: tuple[str, ...]
    children: tuple[Node, ...] = ()
    members: tuple[tuple[str, str], ...] = ()  # (axis, member) of a dimensional row
    alternates: tuple[str, ...] = ()  # other printed forms of the same row
    natural: str | None = None  # the balance printed as positive at this place

    @property
    def blank(self) -> bool:
        """Stands for an unlabelled (sub)total row."""
        return "blank" in self.flags

    def walk(self) -> tuple[Node, ...]:
        return self._walked

    @cached_property
    def _walked(self) -> tuple[Node, ...]:  # kept: roles walk their trees for every row
        out: list[Node] = [self]
        for child in self.children:
            out.extend(child.walk())
        return tuple(out)


@dataclass(frozen=True)
class Calculation:
    """A summation-item relationship set: total = sum(weight x part).

    ``network`` names a separate extended link role for relationships that
    must not merge with the statement's own (an attribution of a total that
    is itself summed in the statement).
    """

    total: str
    parts: tuple[tuple[str, int], ...]
    network: str = ""


@dataclass(frozen=True)
class Axis:
    """An explicit or typed dimension of a hypercube (XBRL Dimensions 1.0)."""

    name: str
    domain: str | None
    members: tuple[str, ...] = ()
    typed: bool = False


@dataclass(frozen=True)
class Hypercube:
    table: str
    line_items: str
    axes: tuple[Axis, ...]


@dataclass(frozen=True)
class Role:
    """An extended link role: one statement or note, with its trees."""

    id: str
    order: int
    definition: str
    match: tuple[re.Pattern[str], ...]
    root: Node
    calculations: tuple[Calculation, ...]
    hypercube: Hypercube | None = None
    columns: tuple[tuple[str, str], ...] = ()  # normalized header → concept

    @property
    def uri(self) -> str:
        return ns.KC_ROLE_BASE + self.id

    @property
    def nodes(self) -> tuple[Node, ...]:
        return self.root.walk()

    @cached_property
    def blanks(self) -> tuple[Node, ...]:
        """The nodes standing for unlabelled (sub)total rows, in printed order."""
        return tuple(n for n in self.nodes if n.blank)

    def networks(self) -> dict[str, tuple[Calculation, ...]]:
        """Calculations grouped by extended link role URI."""
        out: dict[str, list[Calculation]] = {}
        for calc in self.calculations:
            uri = self.uri + (f".{calc.network}" if calc.network else "")
            out.setdefault(uri, []).append(calc)
        return {uri: tuple(calcs) for uri, calcs in out.items()}


@dataclass(frozen=True)
class Taxonomy:
    concepts: Mapping[str, Concept]
    roles: tuple[Role, ...]
    labels: Mapping[tuple[str, str], str]  # (concept, role URI) → text
    synonyms: Mapping[str, tuple[str, ...]]  # printed label → concepts
    namespace: str = ns.KC
    prefix: str = PREFIX
    schema_file: str = SCHEMA_FILE

    def concept(self, name: str) -> Concept:
        try:
            return self.concepts[name]
        except KeyError:
            raise TaxonomyError(f"unknown concept '{name}'") from None

    def role(self, role_id: str) -> Role:
        for role in self.roles:
            if role.id == role_id:
                return role
        raise TaxonomyError(f"unknown role '{role_id}'")

    def qname(self, concept: str) -> str:
        """A fact's concept as a QName: ours carry no prefix, extension ones do."""
        return concept if ":" in concept else f"{self.prefix}:{concept}"

    @cached_property
    def _labels(self) -> tuple[dict[str, LabelIndex], dict[str, tuple[str, str]]]:
        """Every role's label index, and the (exact, loose) keys of the texts they are built from."""
        keys: dict[str, tuple[str, str]] = {}
        return {role.id: _label_index(role, self, keys) for role in self.roles}, keys

    def label_index(self, role_id: str) -> LabelIndex:
        """The role's nodes by the keys of every text that may name them
        (printed labels, concept labels of every role, synonyms)."""
        return self._labels[0][role_id]

    def items(self, role_id: str) -> tuple[int, frozenset[str]]:
        """How many items (nodes of concepts that are not abstract) a role prints, and the
        exact keys that name one of them."""
        return self._items[role_id]

    @cached_property
    def _items(self) -> dict[str, tuple[int, frozenset[str]]]:
        out = {}
        for role in self.roles:
            index = self.label_index(role.id)
            naming = frozenset(k for k, nodes in index.exact.items() if any(not self.concepts[n.concept].abstract for n in nodes))
            out[role.id] = (sum(1 for n in role.nodes if not self.concepts[n.concept].abstract), naming)
        return out

    def exact_key(self, text: str) -> str:
        """A label's exact key (kcxbrl.text.labels); that of a text the label indexes
        were built from was worked out with them and is looked up."""
        known = self._labels[1].get(text)
        return known[0] if known else exact_key(text)


@dataclass(frozen=True)
class LabelIndex:
    """A role's nodes by exact key and by loose key (kcxbrl.text.labels)."""

    exact: Mapping[str, tuple[Node, ...]]
    loose: Mapping[str, tuple[Node, ...]]
    # (exact key, loose key) of every text the taxonomy's indexes were built from: a
    # label printed as the taxonomy prints it is looked up, not read again
    keys: Mapping[str, tuple[str, str]] = field(default_factory=dict)

    def find(self, text: str) -> tuple[tuple[Node, ...], bool]:
        """The nodes a printed label may name, and whether only the loose key found them."""
        keys = self.keys.get(text)
        found = self.exact.get(keys[0] if keys else exact_key(text), ())
        if found:
            return found, False
        return self.loose.get(keys[1] if keys else loose_key(text), ()), True


_BALANCE_FLAG = {
    ns.PERIOD_START_LABEL: "start", ns.NEGATED_PERIOD_START_LABEL: "start",
    ns.PERIOD_END_LABEL: "end", ns.NEGATED_PERIOD_END_LABEL: "end",
}


def _label_index(role: Role, taxonomy: Taxonomy, keys: dict[str, tuple[str, str]]) -> LabelIndex:
    by_concept: dict[str, list[Node]] = {}
    for node in role.nodes:
        by_concept.setdefault(node.concept, []).append(node)
    plain = {name: [n for n in nodes if not n.members and not n.blank] for name, nodes in by_concept.items()}
    texts: list[tuple[str, Node]] = []
    for node in role.nodes:
        if node.blank:
            continue
        texts += [(node.printed, node)] + [(alt, node) for alt in node.alternates]
    texts += [(taxonomy.concepts[n.concept].label, n) for nodes in plain.values() for n in nodes]
    for (name, label_role), text in taxonomy.labels.items():
        # an opening or closing balance label names only the node printed as such
        flag = _BALANCE_FLAG.get(label_role)
        texts += [(text, n) for n in plain.get(name, ()) if flag is None or flag in n.flags]
    for text, names in taxonomy.synonyms.items():
        texts += [(text, n) for name in names for n in plain.get(name, ())]
    exact: dict[str, list[Node]] = {}
    loose: dict[str, list[Node]] = {}
    for text, node in texts:
        if text not in keys:
            keys[text] = (exact_key(text), loose_key(text))
        for index, key in zip((exact, loose), keys[text]):
            bucket = index.setdefault(key, [])
            if node not in bucket:
                bucket.append(node)
    return LabelIndex(
        {k: tuple(v) for k, v in exact.items()}, {k: tuple(v) for k, v in loose.items()}, keys
    )
