"""Calculations 1.1 on one small instance: the validator's rule and the conversion's cross-check agree.

The instance uses the test taxonomy in tests/data/validate, whose calculation
linkbase says GrossProfit = Revenues - CostOfRevenues.  With decimals -3 each
value stands for half a thousand either side, so Revenues 7,785,000 and
CostOfRevenues 6,210,000 allow any gross profit in [1,574,000, 1,576,000];
a reported 1,576,000 (range [1,575,500, 1,576,500]) meets it, 1,577,000 does not.
"""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kcxbrl.extract.crosscheck import filing_calculations
from kcxbrl.validation.rules import calc, duplicates
from kcxbrl.validation.rules.report import read_report
from kcxbrl.validation.dts import discover
from kcxbrl.validation.safexml import parse_file
from kcxbrl.xbrl import calc11, ns
from kcxbrl.xbrl.model import Context, Entity, Fact, Instance, Period, Unit
from kcxbrl.xbrl.taxonomy import Calculation, Concept, Node, Role, Taxonomy
from paths import DATA

TAXONOMY = DATA / "validate"
REVENUES, COST = Decimal(7785000), Decimal(6210000)
# gross profit reported → consistent under Calculations 1.1 (round-to-nearest)
CASES = [(1575000, True), (1576000, True), (1574000, True), (1577000, False), (1573000, False)]


def _instance(folder: Path, gross: int, extra: str = "") -> Path:
    for name in ("kct-2026.xsd", "kct-2026_lab.xml", "kct-2026_pre.xml", "kct-2026_cal.xml", "kct-2026_def.xml"):
        shutil.copyfile(TAXONOMY / name, folder / name)
    path = folder / "small.xbrl"
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<xbrli:xbrl xmlns:xbrli="{ns.XBRLI}" xmlns:link="{ns.LINK}" xmlns:xlink="{ns.XLINK}"
    xmlns:iso4217="{ns.ISO4217}" xmlns:kct="http://example.com/kctest/2026">
  <link:schemaRef xlink:type="simple" xlink:href="kct-2026.xsd"/>
  <xbrli:context id="FY2025">
    <xbrli:entity><xbrli:identifier scheme="{ns.SEC_CIK}">0001795589</xbrli:identifier></xbrli:entity>
    <xbrli:period><xbrli:startDate>2025-01-01</xbrli:startDate><xbrli:endDate>2025-12-31</xbrli:endDate></xbrli:period>
  </xbrli:context>
  <xbrli:unit id="CNY"><xbrli:measure>iso4217:CNY</xbrli:measure></xbrli:unit>
  <kct:Revenues contextRef="FY2025" unitRef="CNY" decimals="-3">{REVENUES}</kct:Revenues>
  <kct:CostOfRevenues contextRef="FY2025" unitRef="CNY" decimals="-3">{COST}</kct:CostOfRevenues>
  <kct:GrossProfit contextRef="FY2025" unitRef="CNY" decimals="-3">{gross}</kct:GrossProfit>{extra}
</xbrli:xbrl>
""", encoding="utf-8")
    return path


def _validator_findings(path: Path) -> list[str]:
    root = parse_file(path).root
    assert root is not None
    report = read_report(path, root, discover(path, root))
    return [f.code for f in calc.check(report)]


def _model_findings(gross: int) -> list[str]:
    """The conversion's cross-check of the same three figures, on a one-role model taxonomy."""
    concepts = {name: Concept(name, "monetary", name, balance=balance) for name, balance in
                (("Revenues", "credit"), ("CostOfRevenues", "debit"), ("GrossProfit", "credit"))}
    root = Node("GrossProfit", "Gross profit", frozenset(), False, None, ())
    role = Role("IncomeStatement", 1, "Income statement", (), root,
                (Calculation("GrossProfit", (("Revenues", 1), ("CostOfRevenues", -1))),))
    taxonomy = Taxonomy(concepts, (role,), {}, {})
    entity = Entity(ns.SEC_CIK, "0001795589")
    context = Context("FY2025", entity, Period(date(2025, 1, 1), date(2025, 12, 31)))
    unit = Unit("CNY", ("iso4217:CNY",))
    facts = tuple(Fact(name, context, Decimal(value), unit, -3)
                  for name, value in (("Revenues", REVENUES), ("CostOfRevenues", COST), ("GrossProfit", gross)))
    instance = Instance("small.txt", "S-ext.xsd", entity, (context,), (unit,), facts)
    calcs, findings = filing_calculations(instance, taxonomy)
    assert (len(calcs) == 1) == (not findings)  # a summation is kept exactly when it holds
    return [f.code for f in findings]


@pytest.mark.parametrize(("gross", "consistent"), CASES)
def test_validator_and_cross_check_reach_the_same_verdict(tmp_path: Path, gross: int, consistent: bool) -> None:
    total = calc11.interval(Decimal(gross), -3)
    parts = [(calc11.interval(REVENUES, -3), 1), (calc11.interval(COST, -3), -1)]
    assert calc11.consistent(total, parts) is consistent
    assert _validator_findings(_instance(tmp_path, gross)) == ([] if consistent else [calc.INCONSISTENT])
    assert _model_findings(gross) == ([] if consistent else ["kcxbrl:filingCalcInconsistency"])


def test_inconsistency_names_the_ranges(tmp_path: Path) -> None:
    path = _instance(tmp_path, 1577000)
    root = parse_file(path).root
    assert root is not None
    [finding] = calc.check(read_report(path, root, discover(path, root)))
    assert finding.line == 12 and finding.element == "kct:GrossProfit"
    assert "range [1576500, 1577500]" in finding.message and "sum to [1574000, 1576000]" in finding.message


def test_duplicates_narrow_the_range_before_the_sum(tmp_path: Path) -> None:
    """A second, more precise GrossProfit (1,576,400 at decimals 0) agrees with the first
    within its accuracy; the calculation then checks the meet of the two ranges."""
    extra = '\n  <kct:GrossProfit contextRef="FY2025" unitRef="CNY" decimals="0">1576400</kct:GrossProfit>'
    path = _instance(tmp_path, 1576000, extra)
    root = parse_file(path).root
    assert root is not None
    report = read_report(path, root, discover(path, root))
    [group] = duplicates.duplicate_sets(report)
    assert [f.text for f in group] == ["1576000", "1576400"]
    assert duplicates.classify(group) == duplicates.CONSISTENT
    assert calc11.agreed_range([(Decimal(1576000), -3), (Decimal(1576400), 0)]) == calc11.Interval(
        Decimal("1576399.5"), Decimal("1576400.5"))
    # [1576399.5, 1576400.5] lies outside [1574000, 1576000]: the meet decides, not the first fact
    assert [f.code for f in calc.check(report)] == [calc.INCONSISTENT]
