"""The DTS the validator loads, offline: concepts, labels and relationships of
the corpus taxonomy and of a synthetic one; schemas and linkbases as entry
points.  (How fast it loads is measured by bench/dts_bench.py.)"""

from __future__ import annotations

from pathlib import Path

from kcxbrl.findings import Level
from kcxbrl.validation.dts import load
from kcxbrl.validation.validator import validate_file
from synthetic_taxonomy import NAMESPACE, write_taxonomy
from validate_corpus import DATA

KCT = "{http://example.com/kctest/2026}"
SUMMATION = "http://www.xbrl.org/2003/arcrole/summation-item"


def test_the_corpus_taxonomy_loads_offline_with_its_concepts_labels_and_weights() -> None:
    dts = load([DATA / "kct-2026.xsd"])
    revenues = dts.concepts[f"{KCT}Revenues"]
    assert revenues.is_monetary and revenues.period_type == "duration" and revenues.balance == "credit"
    eps = dts.concepts[f"{KCT}EarningsPerShare"]
    assert eps.is_per_share and eps.is_decimal
    axis = dts.concepts[f"{KCT}ContractAxis"]
    assert axis.is_typed_dimension and axis.typed_domain_ref == f"{KCT}ContractId"
    assert dts.label(f"{KCT}GrossProfit") == "Gross profit"
    weights = {(r.source.split("}")[1], r.target.split("}")[1]): r.weight for r in dts.base_sets(SUMMATION)}
    assert weights[("GrossProfit", "CostOfRevenues")] == -1
    assert not dts.findings


def test_a_taxonomy_of_500_concepts_loads_every_concept_label_and_arc(tmp_path: Path) -> None:
    dts = load([write_taxonomy(tmp_path, 500)])
    assert len([c for c in dts.concepts if c.startswith(f"{{{NAMESPACE}}}")]) == 500
    assert len(dts.base_sets(SUMMATION)) == 499
    assert len(dts.labels) == 500
    assert dts.label(f"{{{NAMESPACE}}}C499") == "Concept 499"
    assert not dts.findings


def test_schema_and_linkbase_entry_points() -> None:
    assert not [f for f in validate_file(DATA / "kct-2026.xsd") if f.level is Level.ERROR]
    assert not [f for f in validate_file(DATA / "kct-2026_cal.xml") if f.level is Level.ERROR]


def test_presentation_cycle_in_a_taxonomy(tmp_path: Path) -> None:
    entry = write_taxonomy(tmp_path, 5)
    assert not [f for f in validate_file(entry) if f.level is Level.ERROR]
    pre = tmp_path / "s_pre.xml"
    back = ('<link:presentationArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/parent-child" '
            'xlink:from="C3" xlink:to="C0" order="9"/></link:presentationLink>')
    pre.write_text(pre.read_text().replace("</link:presentationLink>", back))
    [cycle] = [f for f in validate_file(entry) if f.level is Level.ERROR]
    assert cycle.code == "xbrl.5.2.4.2:relationshipCycle"
    assert "C0 -> C3 -> C0" in cycle.message
