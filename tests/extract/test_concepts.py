"""Concept names the extraction code writes itself: declared, and checked against the taxonomy."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from kcxbrl.errors import TaxonomyError
from kcxbrl.extract import concepts
from kcxbrl.extract.concepts import base_taxonomy, check, declared, declared_by, require
from kcxbrl.extract.prose.rules import load_rules
from kcxbrl.resources import taxonomy_dir
from kcxbrl.xbrl.taxonomy import default_taxonomy
from paths import ROOT

importlib.import_module("kcxbrl.pipeline")  # every extraction module, so every declaration
EXTRACT = ROOT / "kcxbrl" / "extract"
# a name shaped like a concept: two or more capitalised words run together
_CONCEPT_SHAPE = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+")


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _literals(path: Path) -> list[tuple[int, str]]:
    """String literals of a module, leaving out docstrings and ``__all__``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skipped.add(id(body[0].value))
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            skipped.update(id(n) for n in ast.walk(node.value))
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skipped]


def test_every_declared_name_is_a_concept_of_the_taxonomy() -> None:
    check(default_taxonomy())
    assert base_taxonomy() is default_taxonomy()
    names = declared()
    assert {"DocumentType", "EntityFileNumber", "SignerTitle", "ExhibitNumberAxis"} <= names["kcxbrl.extract.cover"]
    assert {"NumberOfEmployees", "GearingRatio", "ProceedsFromIssuanceNet"} <= names["kcxbrl.extract.prose.shapes"]
    assert names["kcxbrl.extract.monthly.facts"] == {
        "MonthlyReturnStatus", "MonthlyReturnDateSubmitted", "MonthlyReturnSubmitterName",
        "MonthlyReturnSubmitterTitle"}
    assert names["kcxbrl.extract.concepts"] == {"ConvenienceTranslationRate"}


def test_a_misspelt_name_stops_the_taxonomy_load(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(concepts, "_DECLARED", {owner: set(names) for owner, names in declared().items()})
    declared_by("kcxbrl.extract.cover")("DocumentTyp")
    declared_by("kcxbrl.extract.prose.shapes")("GearingRation")
    base_taxonomy.cache_clear()
    try:
        with pytest.raises(TaxonomyError) as raised:
            base_taxonomy()
    finally:
        base_taxonomy.cache_clear()
    assert str(raised.value) == (
        "concepts named in code that the taxonomy does not define: "
        "kcxbrl.extract.cover: DocumentTyp; kcxbrl.extract.prose.shapes: GearingRation")


def test_a_misspelt_concept_of_prose_toml_is_named(tmp_path: Path) -> None:
    source = (taxonomy_dir() / "mapping" / "prose.toml").read_text(encoding="utf-8")
    path = tmp_path / "prose.toml"
    path.write_text(source.replace('concept = "CostOfRevenueIdc"', 'concept = "CostOfRevenueIDC"'), encoding="utf-8")
    rules = load_rules(path)
    assert "CostOfRevenueIDC" in rules.concepts()
    with pytest.raises(TaxonomyError, match=re.escape(f"{path} names concepts the taxonomy does not define: "
                                                      "CostOfRevenueIDC")):
        require(default_taxonomy(), rules.concepts(), str(path))


def test_no_concept_name_in_extraction_code_goes_undeclared() -> None:
    taxonomy = default_taxonomy()
    undeclared = []
    for path in sorted(EXTRACT.rglob("*.py")):
        module = _module(path)
        importlib.import_module(module)
        names = declared()
        for line, text in _literals(path):
            looks_like_one = text in taxonomy.concepts or _CONCEPT_SHAPE.fullmatch(text)
            if looks_like_one and text not in names.get(module, ()):
                undeclared.append(f"{module}:{line} {text}")
    assert undeclared == []
