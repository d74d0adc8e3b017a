"""Extension concepts for rows the taxonomy does not know (``convert --extend``).

Each unmatched row of a known statement or note gets a concept in a schema
of the filing's own (``X-ext.xsd``, prefix ``kcx``) that imports the base
taxonomy, with a standard label (the printed row label) and a place under
the root of its table's presentation tree; its values then reach the
instance.  The concept is monetary where the column states a currency, a
ratio for percentages and a plain decimal otherwise; its balance is the one
printed as positive where the row stands, so printed values keep their sign.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kcxbrl.jinja import render
from kcxbrl.mapping import UnmatchedRow
from kcxbrl.model import Draft, Provenance
from kcxbrl.taxonomy import Concept, Taxonomy
from kcxbrl.values import as_ratio, scaled

PREFIX = "kcx"
NAMESPACE_BASE = "http://kcxbrl.org/taxonomy/2026/ext/"


@dataclass(frozen=True)
class Extension:
    stem: str
    concepts: tuple[tuple[Concept, str], ...]  # (concept, role id)

    @property
    def namespace(self) -> str:
        return NAMESPACE_BASE + self.stem

    @property
    def schema_file(self) -> str:
        return f"{self.stem}-ext.xsd"

    def files(self, taxonomy: Taxonomy) -> dict[str, str]:
        """File name → text of the extension schema and its two linkbases."""
        label_file = f"{self.stem}-ext_lab.xml"
        presentation_file = f"{self.stem}-ext_pre.xml"
        views = [
            {"name": c.name, "item_type": c.item_type, "period": c.period, "balance": c.balance, "label": c.label}
            for c, _ in self.concepts
        ]
        links = []
        for role in taxonomy.roles:
            mine = [c for c, role_id in self.concepts if role_id == role.id]
            if mine:
                links.append({
                    "uri": role.uri, "role_id": role.id, "root": role.root.concept,
                    "concepts": [{"name": c.name, "order": 1000 + i} for i, c in enumerate(mine, 1)],
                })
        common = {
            "source": self.stem, "prefix": PREFIX, "namespace": self.namespace,
            "schema_file": self.schema_file, "base_schema": taxonomy.schema_file,
            "base_namespace": taxonomy.namespace, "base_prefix": taxonomy.prefix,
        }
        return {
            self.schema_file: render(
                "taxonomy/ext-schema.xsd.j2", concepts=views, label_file=label_file,
                presentation_file=presentation_file, **common,
            ),
            label_file: render("taxonomy/ext-label.xml.j2", concepts=views, **common),
            presentation_file: render("taxonomy/ext-presentation.xml.j2", links=links, **common),
        }


def _name(label: str, taken: set[str]) -> str:
    words = re.findall(r"[A-Za-z0-9]+", label)
    name = "".join(w[:1].upper() + w[1:] for w in words) or "Row"
    if not name[0].isalpha():
        name = "Row" + name
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}{n}"
    taken.add(candidate)
    return candidate


def extend(
    rows: list[UnmatchedRow], taxonomy: Taxonomy, stem: str, source: str
) -> tuple[Extension, Taxonomy, list[Draft]]:
    """The extension, a taxonomy that also knows its concepts, and the rows' drafts."""
    taken = set(taxonomy.concepts)
    concepts: list[tuple[Concept, str]] = []
    drafts: list[Draft] = []
    for row in rows:
        columns = [c for c, _, _ in row.values]
        percent = any(n.percent or c.percent for c, _, n in row.values)
        monetary = not percent and any(c.currency for c in columns)
        instant = all(c.period is not None and c.period.is_instant for c in columns)
        concept = Concept(
            name=_name(row.label, taken),
            type="monetary" if monetary else ("pure" if percent else "decimal"),
            label=row.label,
            period="instant" if instant else "duration",
            balance=(row.natural or "credit") if monetary else None,
        )
        concepts.append((concept, row.role))
        for column, text, number in row.values:
            if column.period is None:
                continue
            if monetary:
                value, decimals = scaled(number, column.scale)
            elif percent:
                value, decimals = as_ratio(number)
            else:
                value, decimals = number.value, number.decimals
            drafts.append(Draft(
                concept=f"{PREFIX}:{concept.name}",
                period=column.period,
                value=value,
                decimals=decimals,
                source=Provenance(source, row.line, row.table, row.label, column.header),
                currency=column.currency if monetary else None,
            ))
    extension = Extension(stem, tuple(concepts))
    merged = dict(taxonomy.concepts)
    for concept, _ in concepts:
        merged[f"{PREFIX}:{concept.name}"] = concept
    return extension, replace(taxonomy, concepts=merged), drafts
