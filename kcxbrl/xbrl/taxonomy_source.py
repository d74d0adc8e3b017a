"""Read the local taxonomy from its compact TOML source (``taxonomy/src``), validated with pydantic.

Concepts, then each role's presentation tree (indented lines), calculations
(``Total = + Part - Other``), hypercube and column headers, then labels and
synonyms (``taxonomy/mapping/synonyms.toml``).  Every name is checked
against the concepts as it is read; a mistake is a TaxonomyError naming the
file and line.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Literal, Mapping

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from kcxbrl.errors import TaxonomyError
from kcxbrl.resources import taxonomy_dir
from kcxbrl.xbrl import ns
from kcxbrl.xbrl.normalize import normalize_label
from kcxbrl.xbrl.taxonomy_model import Axis, Calculation, Concept, ConceptType, Hypercube, Node, Role, Taxonomy


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
        return ns.NEGATED_PERIOD_START_LABEL if negated else ns.PERIOD_START_LABEL
    if "end" in flags:
        return ns.NEGATED_PERIOD_END_LABEL if negated else ns.PERIOD_END_LABEL
    if "total" in flags:
        return ns.NEGATED_TOTAL_LABEL if negated else ns.TOTAL_LABEL
    if negated:
        return ns.NEGATED_LABEL
    if normalize_label(printed) != normalize_label(concept.label):
        return ns.TERSE_LABEL
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
    concepts = _concepts(sources)
    roles = _roles(sources, concepts)
    return Taxonomy(
        concepts=concepts,
        roles=roles,
        labels=_labels(concepts, roles),
        synonyms=_synonyms(sources, concepts),
    )


def _concepts(sources: list[tuple[Path, _SourceFile]]) -> dict[str, Concept]:
    concepts: dict[str, Concept] = {}
    for path, source in sources:
        for name, spec in source.concepts.items():
            if name in concepts:
                raise TaxonomyError(f"{path}: concept '{name}' is defined twice")
            if spec.type == "monetary" and spec.balance is None:
                raise TaxonomyError(f"{path}: monetary concept '{name}' needs a balance")
            concepts[name] = Concept(name=name, **spec.model_dump())
    return concepts


def _roles(sources: list[tuple[Path, _SourceFile]], concepts: Mapping[str, Concept]) -> tuple[Role, ...]:
    roles: list[Role] = []
    for path, source in sources:
        for spec in source.roles:
            where = f"{path.name} role {spec.id}"
            roles.append(
                Role(
                    id=spec.id,
                    order=spec.order,
                    definition=spec.definition,
                    match=tuple(re.compile(p, re.I) for p in spec.match),
                    root=_parse_tree(spec.tree, concepts, where),
                    calculations=_parse_calc(spec.calc, concepts, where),
                    hypercube=_hypercube(spec.hypercube),
                    columns=_columns(spec.columns, concepts, where),
                )
            )
    return tuple(sorted(roles, key=lambda r: r.order))


def _hypercube(spec: _HypercubeSpec | None) -> Hypercube | None:
    if not spec:
        return None
    return Hypercube(
        table=spec.table,
        line_items=spec.line_items,
        axes=tuple(Axis(a.name, a.domain, tuple(a.members), a.typed) for a in spec.axes),
    )


def _labels(concepts: Mapping[str, Concept], roles: tuple[Role, ...]) -> dict[tuple[str, str], str]:
    """Each concept's standard label, then the text printed where a node prefers another role."""
    labels: dict[tuple[str, str], str] = {}
    for concept in concepts.values():
        labels[(concept.name, ns.STANDARD_LABEL)] = concept.label
    for role in roles:
        for node in role.nodes:
            if node.preferred_label:
                labels.setdefault((node.concept, node.preferred_label), node.printed)
    return labels


def _synonyms(sources: list[tuple[Path, _SourceFile]], concepts: Mapping[str, Concept]) -> dict[str, tuple[str, ...]]:
    synonyms: dict[str, list[str]] = {}
    for path, source in sources:
        for name, texts in source.synonyms.items():
            if name not in concepts:
                raise TaxonomyError(f"{path}: synonym for unknown concept '{name}'")
            for text in texts:
                bucket = synonyms.setdefault(text, [])
                if name not in bucket:
                    bucket.append(name)
    return {k: tuple(v) for k, v in synonyms.items()}
