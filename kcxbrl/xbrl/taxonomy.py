"""Our local taxonomy: concepts, labels, presentation, calculation, dimensions.

The source is compact TOML in ``taxonomy/src`` (validated with pydantic);
``kcxbrl.xbrl.taxonomy_writer`` renders it to the XBRL schema and linkbases kept
in ``taxonomy/``.  Conversion reads the model built here; validation of any
instance reads the rendered XML (``kcxbrl.validation.dts``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal, Mapping

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from kcxbrl.errors import TaxonomyError
from kcxbrl.text.labels import exact_key, loose_key
from kcxbrl.resources import taxonomy_dir

NAMESPACE = "http://kcxbrl.org/taxonomy/2026"
PREFIX = "kc"
SCHEMA_FILE = "kc-2026.xsd"
ROLE_BASE = "http://kcxbrl.org/taxonomy/2026/role/"

# Label roles: XBRL 2.1 5.2.2.2.2 and the Link Role Registry (negated*).
LABEL = "http://www.xbrl.org/2003/role/label"
TERSE = "http://www.xbrl.org/2003/role/terseLabel"
TOTAL = "http://www.xbrl.org/2003/role/totalLabel"
PERIOD_START = "http://www.xbrl.org/2003/role/periodStartLabel"
PERIOD_END = "http://www.xbrl.org/2003/role/periodEndLabel"
NEGATED = "http://www.xbrl.org/2009/role/negatedLabel"
NEGATED_TOTAL = "http://www.xbrl.org/2009/role/negatedTotalLabel"
NEGATED_PERIOD_START = "http://www.xbrl.org/2009/role/negatedPeriodStartLabel"
NEGATED_PERIOD_END = "http://www.xbrl.org/2009/role/negatedPeriodEndLabel"
NEGATED_ROLES = frozenset({NEGATED, NEGATED_TOTAL, NEGATED_PERIOD_START, NEGATED_PERIOD_END})

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


# --------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------


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
    def _walked(self) -> tuple[Node, ...]:
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
        return ROLE_BASE + self.id

    @property
    def nodes(self) -> tuple[Node, ...]:
        return self.root.walk()  # kept by the root

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
    namespace: str = NAMESPACE
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
    def _label_indexes(self) -> dict[str, LabelIndex]:
        return {role.id: _label_index(role, self) for role in self.roles}

    def label_index(self, role_id: str) -> LabelIndex:
        """The role's nodes by the keys of every text that may name them
        (printed labels, concept labels of every role, synonyms)."""
        return self._label_indexes[role_id]


@dataclass(frozen=True)
class LabelIndex:
    """A role's nodes by exact key and by loose key (kcxbrl.text.labels)."""

    exact: Mapping[str, tuple[Node, ...]]
    loose: Mapping[str, tuple[Node, ...]]

    def find(self, text: str) -> tuple[tuple[Node, ...], bool]:
        """The nodes a printed label may name, and whether only the loose key found them."""
        found = self.exact.get(exact_key(text), ())
        if found:
            return found, False
        return self.loose.get(loose_key(text), ()), True


_BALANCE_FLAG = {
    PERIOD_START: "start", NEGATED_PERIOD_START: "start", PERIOD_END: "end", NEGATED_PERIOD_END: "end",
}


def _label_index(role: Role, taxonomy: Taxonomy) -> LabelIndex:
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
        for index, key in ((exact, exact_key(text)), (loose, loose_key(text))):
            bucket = index.setdefault(key, [])
            if node not in bucket:
                bucket.append(node)
    return LabelIndex(
        {k: tuple(v) for k, v in exact.items()}, {k: tuple(v) for k, v in loose.items()}
    )


# --------------------------------------------------------------------------
# Label normalization, shared by the taxonomy and the mapper
# --------------------------------------------------------------------------

_NOISE = re.compile(r"\((?:non-gaap financial measures?|unaudited)\)", re.I)
_LEAD = re.compile(r"^(?:less|add|plus)\s*:\s*|^[-–—•*]+\s*", re.I)
_PUNCT = re.compile(r"[^a-z0-9()%&$ ]+")


def normalize_label(text: str) -> str:
    """Lowercase, unify quotes and dashes, drop noise words and punctuation."""
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    text = _NOISE.sub(" ", text.strip())
    previous = None
    while previous != text:
        previous = text
        text = _LEAD.sub("", text.strip())
    text = text.lower().replace("'", "")
    text = _PUNCT.sub(" ", text)
    text = re.sub(r"\(\s*", "(", text)
    text = re.sub(r"\s*\)", ")", text)
    return " ".join(text.split())


# --------------------------------------------------------------------------
# Loading the TOML source
# --------------------------------------------------------------------------


class _ConceptSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    type: ConceptType
    label: str
    period: Literal["instant", "duration"] = "duration"
    balance: Literal["debit", "credit"] | None = None
    usgaap: str | None = None
    typed_domain: str | None = None
    dei: str | None = None


class _AxisSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    domain: str | None = None
    members: list[str] = []
    typed: bool = False


class _HypercubeSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    table: str
    line_items: str
    axes: list[_AxisSpec]


class _RoleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    order: int
    definition: str
    match: list[str] = []
    tree: str
    calc: str = ""
    hypercube: _HypercubeSpec | None = None
    columns: dict[str, str] = {}

    @field_validator("id")
    @classmethod
    def _ncname(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", value):
            raise ValueError(f"role id '{value}' is not an NCName")
        return value


class _SourceFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    concepts: dict[str, _ConceptSpec] = {}
    roles: list[_RoleSpec] = []
    synonyms: dict[str, list[str]] = {}


_TREE_LINE = re.compile(
    r"^(?P<indent> *)(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*"
    r"(?:\{(?P<members>[^}]*)\})?\s*(?:\[(?P<flags>[^\]]*)\])?\s*(?:\|\s*(?P<label>.*?))?\s*$"
)
_FLAGS = frozenset({"total", "start", "end", "debit", "credit", "blank"})


def _read_sources(folder: Path, pattern: str = "*.toml") -> list[tuple[Path, _SourceFile]]:
    sources = []
    for path in sorted(folder.glob(pattern)):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            sources.append((path, _SourceFile.model_validate(data)))
        except (tomllib.TOMLDecodeError, ValidationError) as exc:
            raise TaxonomyError(f"{path}: {exc}") from exc
    return sources


def _preferred(concept: Concept, flags: frozenset[str], negated: bool, printed: str) -> str | None:
    if "start" in flags:
        return NEGATED_PERIOD_START if negated else PERIOD_START
    if "end" in flags:
        return NEGATED_PERIOD_END if negated else PERIOD_END
    if "total" in flags:
        return NEGATED_TOTAL if negated else TOTAL
    if negated:
        return NEGATED
    if normalize_label(printed) != normalize_label(concept.label):
        return TERSE
    return None


def _parse_tree(
    text: str, concepts: Mapping[str, Concept], where: str
) -> Node:
    """Build the tree from indented lines; two spaces per level."""
    stack: list[tuple[int, dict[str, object]]] = []
    root: dict[str, object] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        match = _TREE_LINE.match(raw)
        if not match:
            raise TaxonomyError(f"{where} tree line {number}: cannot read '{raw.strip()}'")
        depth = len(match["indent"]) // 2
        name = match["name"]
        if name not in concepts:
            raise TaxonomyError(f"{where} tree line {number}: unknown concept '{name}'")
        flags = frozenset(f.strip() for f in (match["flags"] or "").split(",") if f.strip())
        if flags - _FLAGS:
            raise TaxonomyError(f"{where} tree line {number}: unknown flags {sorted(flags - _FLAGS)}")
        members = []
        for pair in (match["members"] or "").split(","):
            if not pair.strip():
                continue
            axis, _, member = (p.strip() for p in pair.partition("="))
            for part in (axis, member):
                if part not in concepts:
                    raise TaxonomyError(f"{where} tree line {number}: unknown concept '{part}'")
            members.append((axis, member))
        labels = [t.strip() for t in (match["label"] or "").split(" | ")]
        node: dict[str, object] = {
            "concept": name,
            "printed": labels[0] if labels[0] else concepts[name].label,
            "alternates": tuple(t for t in labels[1:] if t),
            "members": tuple(members),
            "flags": flags,
            "children": [],
        }
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if not stack:
            if root is not None:
                raise TaxonomyError(f"{where} tree line {number}: a second root '{name}'")
            root = node
        else:
            stack[-1][1]["children"].append(node)  # type: ignore[union-attr]
        stack.append((depth, node))
    if root is None:
        raise TaxonomyError(f"{where}: empty tree")
    return _freeze(root, concepts, (), None)


def _freeze(
    raw: dict[str, object],
    concepts: Mapping[str, Concept],
    ancestors: tuple[str, ...],
    natural: str | None,
) -> Node:
    flags: frozenset[str] = raw["flags"]  # type: ignore[assignment]
    for side in ("debit", "credit"):
        if side in flags:
            natural = side
    concept = concepts[raw["concept"]]  # type: ignore[index]
    negated = bool(concept.balance and natural and concept.balance != natural)
    printed: str = raw["printed"]  # type: ignore[assignment]
    members: tuple[tuple[str, str], ...] = raw["members"]  # type: ignore[assignment]
    children = tuple(
        _freeze(child, concepts, ancestors + (concept.name,), natural)
        for child in raw["children"]  # type: ignore[union-attr]
    )
    return Node(
        concept=concept.name,
        printed=printed,
        flags=flags,
        negated=negated,
        # a dimensional row prints a member's name, not a label of the concept
        preferred_label=None if members else _preferred(concept, flags, negated, printed),
        ancestors=ancestors,
        children=children,
        members=members,
        alternates=raw["alternates"],  # type: ignore[arg-type]
        natural=natural,
    )


_CALC_TERM = re.compile(r"([+-])\s*([A-Za-z_][A-Za-z0-9_]*)")
_CALC_NETWORK = re.compile(r"^\s*@([A-Za-z][A-Za-z0-9]*)\s+")


def _parse_calc(text: str, concepts: Mapping[str, Concept], where: str) -> tuple[Calculation, ...]:
    out = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        network = ""
        tagged = _CALC_NETWORK.match(raw)
        if tagged:
            network, raw = tagged[1], raw[tagged.end():]
        total, _, expr = raw.partition("=")
        total = total.strip()
        terms = _CALC_TERM.findall("+ " + expr.strip())
        if not total or not terms:
            raise TaxonomyError(f"{where} calc line {number}: cannot read '{raw.strip()}'")
        for name in (total, *(t[1] for t in terms)):
            if name not in concepts:
                raise TaxonomyError(f"{where} calc line {number}: unknown concept '{name}'")
        parts = tuple((name, 1 if sign == "+" else -1) for sign, name in terms)
        _check_weights(concepts[total], parts, concepts, f"{where} calc line {number}")
        out.append(Calculation(total, parts, network))
    return tuple(out)


def _check_weights(
    total: Concept, parts: tuple[tuple[str, int], ...], concepts: Mapping[str, Concept], where: str
) -> None:
    """XBRL 2.1 5.2.5.2: a weight's sign must agree with the two balances."""
    for name, weight in parts:
        part = concepts[name]
        if total.balance and part.balance:
            same = total.balance == part.balance
            if same != (weight > 0):
                raise TaxonomyError(
                    f"{where}: weight {weight} of {name} ({part.balance}) under "
                    f"{total.name} ({total.balance}) contradicts their balances"
                )


def _columns(columns: dict[str, str], concepts: Mapping[str, Concept], where: str) -> tuple[tuple[str, str], ...]:
    for name in columns.values():
        if name not in concepts:
            raise TaxonomyError(f"{where} columns: unknown concept '{name}'")
    return tuple((normalize_label(header), name) for header, name in columns.items())


def build(folder: Path | None = None) -> Taxonomy:
    """Read every ``*.toml`` of the source folder into one Taxonomy."""
    folder = folder or taxonomy_dir() / "src"
    sources = _read_sources(folder)
    mapping_dir = folder.parent / "mapping"
    if mapping_dir.is_dir():
        sources += _read_sources(mapping_dir, "synonyms.toml")

    concepts: dict[str, Concept] = {}
    for path, source in sources:
        for name, spec in source.concepts.items():
            if name in concepts:
                raise TaxonomyError(f"{path}: concept '{name}' is defined twice")
            if spec.type == "monetary" and spec.balance is None:
                raise TaxonomyError(f"{path}: monetary concept '{name}' needs a balance")
            concepts[name] = Concept(name=name, **spec.model_dump())

    roles: list[Role] = []
    for path, source in sources:
        for spec in source.roles:
            where = f"{path.name} role {spec.id}"
            hypercube = None
            if spec.hypercube:
                hypercube = Hypercube(
                    table=spec.hypercube.table,
                    line_items=spec.hypercube.line_items,
                    axes=tuple(
                        Axis(a.name, a.domain, tuple(a.members), a.typed) for a in spec.hypercube.axes
                    ),
                )
            roles.append(
                Role(
                    id=spec.id,
                    order=spec.order,
                    definition=spec.definition,
                    match=tuple(re.compile(p, re.I) for p in spec.match),
                    root=_parse_tree(spec.tree, concepts, where),
                    calculations=_parse_calc(spec.calc, concepts, where),
                    hypercube=hypercube,
                    columns=_columns(spec.columns, concepts, where),
                )
            )
    roles.sort(key=lambda r: r.order)

    labels: dict[tuple[str, str], str] = {}
    for concept in concepts.values():
        labels[(concept.name, LABEL)] = concept.label
    for role in roles:
        for node in role.nodes:
            if node.preferred_label:
                labels.setdefault((node.concept, node.preferred_label), node.printed)

    synonyms: dict[str, list[str]] = {}
    for path, source in sources:
        for name, texts in source.synonyms.items():
            if name not in concepts:
                raise TaxonomyError(f"{path}: synonym for unknown concept '{name}'")
            for text in texts:
                bucket = synonyms.setdefault(text, [])
                if name not in bucket:
                    bucket.append(name)
    return Taxonomy(
        concepts=concepts,
        roles=tuple(roles),
        labels=labels,
        synonyms={k: tuple(v) for k, v in synonyms.items()},
    )


@lru_cache(maxsize=1)
def default_taxonomy() -> Taxonomy:
    return build()
