"""The filing's own taxonomy: extension concepts and the calculations it prints.

Every filing gets a schema of its own, ``S-ext.xsd`` (prefix ``kcx``), that
imports the base taxonomy.  It carries

* a concept for each row of a known statement or note whose label names no
  base concept (unless ``convert --no-extend``), with a label linkbase and a
  presentation linkbase that places it where it is printed: after the node
  printed just above it, under the same parent (first under a heading when
  it opens that heading's rows);
* the filing's calculation linkbase: the base summations its printed
  figures bear out, with extension rows joined to the total they are printed
  under (see :mod:`kcxbrl.extract.crosscheck`).

What an extension concept is follows from where the row stands:

* Type: a percentage column makes a pure ratio; under a heading whose rows
  are all per-share amounts (or all share counts) the row is ``perShare``
  (``shares``); otherwise monetary where the column states a currency, a
  plain decimal where it does not.
* Period type: instant when every column is an instant (balance sheet),
  duration otherwise (income and cash-flow statements).
* Balance (monetary only).  The place gives the balance printed as positive
  there (``natural``: credit on the income statement, debit among assets,
  credit among liabilities and equity; see ``taxonomy_source._freeze``).  When the
  other rows under the same heading, totals left aside, all have one
  balance, the row takes it: an expense among operating expenses is a debit
  even though it is printed in parentheses on a credit-natural statement.
  Where the heading's rows disagree (the lines directly under the income
  statement between operating loss and loss before income taxes), the
  printed sign decides: a row printed negative in every column where it is
  not zero is of the other balance than the place's natural one ("Other
  expense" printed ``(7,012)`` is a debit); a row printed positive, or with
  both signs, takes the natural balance ("Government grants" is a credit).
* Sign: a concept whose balance differs from its place's natural balance is
  printed negated, as the base taxonomy's expenses are: its values are the
  printed amounts with the sign flipped (``(12,345)`` thousand is 12345000 of
  a debit concept) and its presentation arc uses the negated label.

The file stem comes from the input file's name but only keeps ASCII letters,
digits, ``.``, ``_`` and ``-`` (no ``--``); a name that had to change gets a
short hash of the original so two inputs never share one extension.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import PurePath

from kcxbrl.xbrl.jinja import render
from kcxbrl.extract.mapping import UnmatchedRow
from kcxbrl.xbrl.model import Draft, Number, Provenance
from kcxbrl.xbrl.names import camel, unique
from kcxbrl.xbrl.taxonomy import Concept, Node, Role, Taxonomy
from kcxbrl.xbrl.taxonomy_writer import presentation_order, role_ids
from kcxbrl.text.values import as_ratio, scaled
from kcxbrl.xbrl import ns

PREFIX = "kcx"
_SAFE_RUN = re.compile(r"[^A-Za-z0-9._]+")
# consecutive extension rows after one node: orders n.01, n.02, ...
_STEP = Decimal("0.01")


# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def safe_stem(source: str) -> str:
    """A file stem and namespace segment for the filing, whatever its file is called."""
    raw = PurePath(source).stem
    slug = _SAFE_RUN.sub("-", _ascii(raw)).strip("-._") or "filing"
    if slug != raw:
        digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:8]
        slug = f"{slug}-{digest}"
    return slug


def _name(label: str, taken: set[str]) -> str:
    name = camel(re.findall(r"[A-Za-z0-9]+", _ascii(label))) or "Row"
    if not name[0].isalpha():
        name = "Row" + name
    return unique(name, taken)


# --------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Placement:
    """Where a row is printed: its role, parent node and order among its siblings."""

    role: str
    parent: str  # concept name of the parent node
    order: Decimal
    natural: str | None

    @property
    def first(self) -> bool:
        """Printed first under its heading (before the heading's first base row)."""
        return self.order < 1


@dataclass(frozen=True)
class ExtensionConcept:
    concept: Concept
    label: str
    line: int
    table: int
    place: Placement
    negated: bool

    @property
    def qname(self) -> str:
        return f"{PREFIX}:{self.concept.name}"


@dataclass(frozen=True)
class FilingCalculation:
    """A summation the filing prints: total = sum(weight x part), in one link role."""

    link_role: str  # URI
    total: str  # fact concept: base name, or kcx:Name
    parts: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Extension:
    stem: str
    concepts: tuple[ExtensionConcept, ...] = ()
    calculations: tuple[FilingCalculation, ...] = ()

    @property
    def namespace(self) -> str:
        return ns.KC_EXT_BASE + self.stem

    @property
    def schema_file(self) -> str:
        return f"{self.stem}-ext.xsd"

    def files(self, taxonomy: Taxonomy) -> dict[str, str]:
        """File name → text of the extension schema and its linkbases."""
        names = {
            kind: f"{self.stem}-ext_{kind}.xml"
            for kind, present in (("lab", self.concepts), ("pre", self.concepts), ("cal", self.calculations))
            if present
        }
        common = {
            "prefix": PREFIX, "namespace": self.namespace, "schema_file": self.schema_file,
            "base_schema": taxonomy.schema_file, "base_namespace": taxonomy.namespace,
            "base_prefix": taxonomy.prefix,
        }
        out = {self.schema_file: render(
            "taxonomy/ext-schema.xsd.j2", concepts=[_view(c) for c in self.concepts],
            label_file=names.get("lab"), presentation_file=names.get("pre"),
            calculation_file=names.get("cal"), **common,
        )}
        if "lab" in names:
            out[names["lab"]] = render(
                "taxonomy/ext-label.xml.j2", concepts=[_view(c) for c in self.concepts],
                negated_role=ns.NEGATED_LABEL, **common,
            )
        if "pre" in names:
            out[names["pre"]] = render("taxonomy/ext-presentation.xml.j2", links=self._presentation(taxonomy), **common)
        if "cal" in names:
            out[names["cal"]] = render("taxonomy/ext-calculation.xml.j2", links=self._calculation(taxonomy), **common)
        return out

    def _presentation(self, taxonomy: Taxonomy) -> list[dict[str, object]]:
        links = []
        for role in taxonomy.roles:
            mine = [c for c in self.concepts if c.place.role == role.id]
            if not mine:
                continue
            parents = sorted({c.place.parent for c in mine})
            links.append({
                "uri": role.uri, "role_id": role.id, "parents": parents,
                "arcs": [
                    {"parent": c.place.parent, "name": c.concept.name, "order": str(c.place.order),
                     "preferred": ns.NEGATED_LABEL if c.negated else None}
                    for c in mine
                ],
            })
        return links

    def _calculation(self, taxonomy: Taxonomy) -> list[dict[str, object]]:
        """Each link role's locators (href, label) and arcs (from, to, order, weight), as
        ext-calculation.xml.j2 unpacks them."""
        ids = role_ids(taxonomy)
        by_role: dict[str, list[FilingCalculation]] = {}
        for calc in self.calculations:
            by_role.setdefault(calc.link_role, []).append(calc)
        links = []
        for uri, calcs in by_role.items():
            locs: dict[str, tuple[str, str]] = {}  # by name, in the order first met
            for calc in calcs:
                for name in (calc.total, *(p for p, _ in calc.parts)):
                    if name not in locs:
                        locs[name] = _loc(name, self.schema_file, taxonomy)
            arcs = [
                (_loc_label(calc.total), _loc_label(part), order, f"{weight}.0")
                for calc in calcs
                for order, (part, weight) in enumerate(calc.parts, 1)
            ]
            links.append({"uri": uri, "role_id": ids[uri], "locs": list(locs.values()), "arcs": arcs})
        return links


def _view(c: ExtensionConcept) -> dict[str, object]:
    return {
        "name": c.concept.name, "item_type": c.concept.item_type, "period": c.concept.period,
        "balance": c.concept.balance, "label": c.label, "negated": c.negated,
    }


def _loc_label(name: str) -> str:
    return "loc_" + name.replace(":", "_") if ":" in name else f"loc_base_{name}"


def _loc(name: str, schema_file: str, taxonomy: Taxonomy) -> tuple[str, str]:
    """A concept's locator: its href and label."""
    if name.startswith(PREFIX + ":"):
        href = f"{schema_file}#{PREFIX}_{name.split(':', 1)[1]}"
    else:
        href = f"{taxonomy.schema_file}#{taxonomy.prefix}_{name}"
    return href, _loc_label(name)


# --------------------------------------------------------------------------
# Where a row stands, and what it is
# --------------------------------------------------------------------------


def _parent_of(root: Node, node: Node) -> Node | None:
    for candidate in root.walk():
        if any(child is node for child in candidate.children):
            return candidate
    return None


def _totals(role: Role) -> set[str]:
    return {c.total for c in role.calculations}


def _siblings(parent: Node, role: Role, taxonomy: Taxonomy) -> list[Concept]:
    """The rows printed under the same heading, headings and totals left aside."""
    totals = _totals(role)
    out = []
    for child in parent.children:
        concept = taxonomy.concepts[child.concept]
        if concept.abstract or child.members or "total" in child.flags or child.concept in totals:
            continue
        out.append(concept)
    return out


def place_row(row: UnmatchedRow, role: Role, taxonomy: Taxonomy, after: int) -> tuple[Node, Placement]:
    """The parent node and placement of a row printed after ``row.previous``;
    ``after`` counts the extension rows already placed after the same node."""
    previous = row.previous
    if previous is None:
        parent, base = role.root, 0
    elif previous.children and taxonomy.concepts[previous.concept].abstract:
        parent, base = previous, 0  # the first row under a heading
    else:
        parent = _parent_of(role.root, previous) or role.root
        base = presentation_order(role, previous)
    order = Decimal(base) + _STEP * (after + 1)
    return parent, Placement(role.id, parent.concept, order, parent.natural)


def _printed_sign(numbers: list[Number]) -> int:
    """-1 printed negative wherever not zero, +1 positive, 0 both or neither."""
    signs = {n.value > 0 for n in numbers if not n.nil and n.value != 0}
    if signs == {False}:
        return -1
    if signs == {True}:
        return 1
    return 0


def _opposite(balance: str) -> str:
    return "debit" if balance == "credit" else "credit"


def _balance(natural: str | None, siblings: list[Concept], numbers: list[Number]) -> str:
    balances = {c.balance for c in siblings if c.type == "monetary" and c.balance}
    if len(balances) == 1:
        return balances.pop()
    base = natural or "credit"
    return _opposite(base) if _printed_sign(numbers) < 0 else base


def _type(row: UnmatchedRow, siblings: list[Concept]) -> str:
    if any(n.percent or c.percent for c, _, n in row.values):
        return "pure"
    kinds = {c.type for c in siblings}
    if len(kinds) == 1 and kinds & {"perShare", "shares"}:
        return kinds.pop()
    return "monetary" if any(c.currency for c, _, _ in row.values) else "decimal"


def _concept(row: UnmatchedRow, parent: Node, role: Role, taxonomy: Taxonomy, name: str) -> tuple[Concept, bool]:
    siblings = _siblings(parent, role, taxonomy)
    kind = _type(row, siblings)
    instant = all(c.period is not None and c.period.is_instant for c, _, _ in row.values)
    balance = None
    if kind == "monetary":
        balance = _balance(parent.natural, siblings, [n for _, _, n in row.values])
    negated = bool(balance and parent.natural and balance != parent.natural)
    concept = Concept(
        name=name, type=kind, label=row.label,
        period="instant" if instant else "duration", balance=balance,
    )
    return concept, negated


def _drafts(row: UnmatchedRow, concept: Concept, negated: bool, source: str) -> list[Draft]:
    drafts = []
    for column, _, number in row.values:
        if column.period is None:
            continue
        currency = None
        if concept.type == "monetary":
            value, decimals = scaled(number, column.scale)
            currency = column.currency
        elif concept.type == "pure":
            value, decimals = as_ratio(number)
        else:
            value, decimals = number.value, number.decimals
            if concept.type == "perShare":
                currency = column.currency
        if negated:
            value = -value
        drafts.append(Draft(
            concept=f"{PREFIX}:{concept.name}",
            period=column.period,
            value=value,
            decimals=decimals,
            source=Provenance(source, row.line, row.table, row.label, column.header),
            currency=currency,
        ))
    return drafts


def extend(
    rows: list[UnmatchedRow], taxonomy: Taxonomy, stem: str, source: str
) -> tuple[Extension, Taxonomy, list[Draft]]:
    """The extension, a taxonomy that also knows its concepts, and the rows' drafts."""
    taken = set(taxonomy.concepts)
    concepts: list[ExtensionConcept] = []
    drafts: list[Draft] = []
    after: dict[tuple[str, int], int] = {}  # (role, id of the node above) → rows placed after it
    for row in sorted(rows, key=lambda r: r.line):
        role = taxonomy.role(row.role)
        key = (row.role, id(row.previous))
        parent, place = place_row(row, role, taxonomy, after.get(key, 0))
        after[key] = after.get(key, 0) + 1
        concept, negated = _concept(row, parent, role, taxonomy, _name(row.label, taken))
        concepts.append(ExtensionConcept(concept, row.label, row.line, row.table, place, negated))
        drafts += _drafts(row, concept, negated, source)
    extension = Extension(stem, tuple(concepts))
    merged = dict(taxonomy.concepts)
    for c in concepts:
        merged[c.qname] = c.concept
    return extension, replace(taxonomy, concepts=merged), drafts
