"""Drafts into an instance (kcxbrl.xbrl.assemble) and the names it makes (kcxbrl.xbrl.names)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kcxbrl.findings import Level
from kcxbrl.xbrl import ns
from kcxbrl.xbrl.assemble import _in_order, assemble, context_id, unit_for
from kcxbrl.xbrl.model import Context, Draft, Entity, Fact, Member, Period, Provenance
from kcxbrl.xbrl.names import camel, unique
from kcxbrl.xbrl.taxonomy import default_taxonomy

ENTITY = Entity(ns.SEC_CIK, "0001795589")
FY = Period(date(2025, 1, 1), date(2025, 12, 31))
Q4 = Period(date(2025, 10, 1), date(2025, 12, 31))


def _draft(concept: str, value: str, line: int, *, decimals: int = -3, period: Period = FY,
           currency: str | None = "CNY", members: tuple[Member, ...] = ()) -> Draft:
    return Draft(concept, period, Decimal(value), decimals, Provenance("f.txt", line), currency, members)


def test_names_are_camel_case_and_unique() -> None:
    assert camel(["other", "income", "net"]) == "OtherIncomeNet"
    assert camel(["iPhone", "99.1"]) == "IPhone99.1"  # only the first letter changes
    taken: set[str] = set()
    assert [unique("Row", taken), unique("Row", taken), unique("Row", taken)] == ["Row", "Row2", "Row3"]
    assert unique("FY2025", {"FY2025"}, separator="_") == "FY2025_2"


def test_context_ids_name_period_and_members() -> None:
    assert context_id(FY, ()) == "FY2025"
    assert context_id(Q4, ()) == "Q4-2025"
    assert context_id(Period.instant(date(2025, 12, 31)), ()) == "AsOf2025-12-31"
    typed = Member("kc:ExhibitAxis", "Exhibit 99.1", typed=True)
    assert context_id(FY, (Member("kc:SegmentAxis", "kc:CloudMember"), typed)) == "FY2025_CloudMember_Exhibit99.1"


def test_units_follow_the_concept_type() -> None:
    assert unit_for("monetary", "CNY").numerator == ("iso4217:CNY",)  # type: ignore[union-attr]
    per_share = unit_for("perShare", "USD")
    assert per_share is not None and (per_share.id, per_share.denominator) == ("USDPerShare", ("xbrli:shares",))
    assert unit_for("rate", "CNY/USD").id == "CNYPerUSD"  # type: ignore[union-attr]
    assert unit_for("string", "CNY") is None


def test_a_figure_printed_twice_is_one_fact_with_both_places() -> None:
    taxonomy = default_taxonomy()
    name = next(c.name for c in taxonomy.concepts.values() if c.type == "monetary")
    drafts = [_draft(name, "1234000", 10), _draft(name, "1234000", 80, decimals=-3),
              _draft(name, "1234400", 90, decimals=0), _draft(name, "999000", 12, period=Q4)]
    instance, findings = assemble(drafts, ENTITY, taxonomy, "f.txt", "S-ext.xsd")
    assert findings == []
    [fy, q4] = instance.facts
    # the more precise printing wins the value; every place is kept
    assert (fy.value, fy.decimals, [s.line for s in fy.sources]) == (Decimal(1234400), 0, [10, 80, 90])
    assert (q4.context.id, q4.value) == ("Q4-2025", Decimal(999000))
    assert [u.id for u in instance.units] == ["CNY"]
    assert [c.id for c in instance.contexts] == ["FY2025", "Q4-2025"]


def test_two_values_for_one_fact_are_an_error_and_the_first_is_kept() -> None:
    taxonomy = default_taxonomy()
    name = next(c.name for c in taxonomy.concepts.values() if c.type == "monetary")
    instance, findings = assemble([_draft(name, "1000", 5), _draft(name, "2000", 7)], ENTITY, taxonomy, "f.txt", "x.xsd")
    [finding] = findings
    assert finding.code == "kcxbrl:inconsistentDuplicate" and finding.level is Level.ERROR and finding.line == 7
    assert instance.facts[0].value == Decimal(1000)


def test_a_fact_made_at_once_is_the_fact_its_constructor_makes() -> None:
    context = Context("FY2025", ENTITY, FY)
    unit = unit_for("monetary", "CNY")
    fields = ("Revenues", context, Decimal(5), unit, -3, None, (Provenance("f.txt", 3),))
    made, built = Fact.made(*fields), Fact(*fields)
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert type(made) is Fact and made.is_numeric


def test_sources_in_order_are_those_sorted_once_each() -> None:
    a, b, c = Provenance("f.txt", 9, 2, "Revenues", "2025"), Provenance("f.txt", 3), Provenance("e.txt", 40, 1)
    sources = [a, b, a, c, Provenance("f.txt", 3)]
    assert _in_order(sources) == tuple(sorted(set(sources))) == (c, b, a)
    assert _in_order([a]) == (a,)
