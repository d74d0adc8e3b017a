"""kcxbrl.xbrl.render on a small instance built from the model: the XML it
writes, fact by fact, and the fact ids every output shares."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from lxml import etree

from kcxbrl.xbrl.render import comment_text, fact_id, fact_ids, render_instance
from kcxbrl.xbrl.taxonomy import default_taxonomy
from small_instance import INSTANCE, REVENUES

XBRLI = "{http://www.xbrl.org/2003/instance}"
XBRLDI = "{http://xbrl.org/2006/xbrldi}"
KC = "{http://kcxbrl.org/taxonomy/2026}"

@pytest.fixture(scope="module")
def root() -> etree._Element:
    return etree.fromstring(render_instance(INSTANCE, default_taxonomy()).encode("utf-8"))


def _fact(root: etree._Element, local: str) -> etree._Element:
    [element] = root.iter(f"{KC}{local}")
    return element


def test_a_monetary_fact_has_its_value_in_full_units_context_unit_and_decimals(root) -> None:
    revenues = _fact(root, "Revenues")
    assert revenues.text == "9558619000"
    assert (revenues.get("contextRef"), revenues.get("unitRef"), revenues.get("decimals")) == ("FY2025", "CNY", "-3")
    assert revenues.get("id") == fact_id(REVENUES)


def test_trailing_zeros_go_and_the_sign_stays(root) -> None:
    eps = _fact(root, "EarningsPerShareBasicAndDiluted")
    assert (eps.text, eps.get("unitRef"), eps.get("decimals")) == ("-0.23", "CNYPerShare", "2")
    margin = _fact(root, "GrossMargin")
    assert (margin.text, margin.get("unitRef"), margin.get("decimals")) == ("0.157", "pure", "3")
    assert _fact(root, "CashAndCashEquivalents").text == "6018043000"


def test_a_text_fact_has_its_language_no_unit_and_is_escaped(root) -> None:
    text = _fact(root, "ExhibitDescription")
    assert text.text == "Press release & results"
    assert text.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert text.get("unitRef") is None and text.get("decimals") is None


def test_contexts_units_and_the_schema_ref(root) -> None:
    contexts = {c.get("id"): c for c in root.iter(f"{XBRLI}context")}
    assert sorted(contexts) == ["AsOf2025-12-31", "FY2025", "M2026-03_X"]
    assert contexts["FY2025"].findtext(f".//{XBRLI}startDate") == "2025-01-01"
    assert contexts["AsOf2025-12-31"].findtext(f".//{XBRLI}instant") == "2025-12-31"
    [typed] = contexts["M2026-03_X"].iter(f"{XBRLDI}typedMember")
    assert typed.get("dimension") == "kc:ExhibitNumberAxis" and "".join(typed.itertext()) == "99.1"
    divide = next(u for u in root.iter(f"{XBRLI}unit") if u.get("id") == "CNYPerShare")
    assert [m.text for m in divide.iter(f"{XBRLI}measure")] == ["iso4217:CNY", "xbrli:shares"]
    [ref] = root.iter("{http://www.xbrl.org/2003/linkbase}schemaRef")
    assert ref.get("{http://www.w3.org/1999/xlink}href") == "filing-ext.xsd"


def test_a_file_name_becomes_text_a_comment_may_hold() -> None:
    assert comment_text("filing--1.txt") == "filing- -1.txt"
    assert comment_text("a\x00b\x1fc") == "abc"


def test_rendering_is_the_same_bytes_for_the_same_instance() -> None:
    assert render_instance(INSTANCE, default_taxonomy()) == render_instance(INSTANCE, default_taxonomy())


def test_ids_name_the_concept_and_two_facts_of_one_identity_are_refused() -> None:
    ids = fact_ids(INSTANCE)
    assert [i.rsplit("_", 1)[0] for i in ids] == [
        "Revenues", "EarningsPerShareBasicAndDiluted", "GrossMargin", "CashAndCashEquivalents", "ExhibitDescription"]
    assert all(len(i.rsplit("_", 1)[1]) == 12 for i in ids)
    # another value is the same fact (a duplicate), so the same id
    assert fact_id(replace(REVENUES, value=Decimal(1))) == fact_id(REVENUES)
    with pytest.raises(ValueError, match="share an identity"):
        fact_ids(replace(INSTANCE, facts=(REVENUES, replace(REVENUES, value=Decimal(1)))))


def test_the_ids_of_the_instance_asked_again_are_kept_and_another_instance_gets_its_own() -> None:
    ids = fact_ids(INSTANCE)
    assert fact_ids(INSTANCE) is ids  # the instance and each export ask in turn
    fewer = replace(INSTANCE, facts=INSTANCE.facts[:2])
    assert fact_ids(fewer) == ids[:2]
    assert fact_ids(INSTANCE) == ids == tuple(fact_id(f) for f in INSTANCE.facts)
