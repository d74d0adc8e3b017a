"""Our local taxonomy: concepts, labels, presentation, calculation, dimensions.

The source is compact TOML in ``taxonomy/src``, read by
:mod:`kcxbrl.xbrl.taxonomy_source` into the frozen records of
:mod:`kcxbrl.xbrl.taxonomy_model`; ``kcxbrl.xbrl.taxonomy_writer`` renders
them to the XBRL schema and linkbases kept in ``taxonomy/``.  Conversion
reads the model built here; validation of any instance reads the rendered
XML (``kcxbrl.validation.dts``).  This module is the name the rest of
kcxbrl imports all of it by.
"""

from __future__ import annotations

from functools import lru_cache

from kcxbrl.xbrl.normalize import normalize_label
from kcxbrl.xbrl.taxonomy_model import (
    ITEM_TYPES, NEGATED_ROLES, NUMERIC_TYPES, PREFIX, SCHEMA_FILE, Axis, Calculation, Concept, ConceptType,
    Hypercube, LabelIndex, Node, Role, Taxonomy,
)
from kcxbrl.xbrl.taxonomy_source import build

__all__ = [
    "ITEM_TYPES", "NEGATED_ROLES", "NUMERIC_TYPES", "PREFIX", "SCHEMA_FILE", "Axis", "Calculation", "Concept",
    "ConceptType", "Hypercube", "LabelIndex", "Node", "Role", "Taxonomy", "build", "default_taxonomy",
    "normalize_label",
]


@lru_cache(maxsize=1)
def default_taxonomy() -> Taxonomy:
    return build()
