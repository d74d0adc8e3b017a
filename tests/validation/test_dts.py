"""DTS discovery offline: concepts, relationships and labels; taxonomy documents are parsed
once per content and never confused with one another."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from kcxbrl.findings import Level
from kcxbrl.validation.dts import discover, load
from kcxbrl.validation.dts.documents import Source, read
from kcxbrl.validation.safexml import parse_file
from kcxbrl.validation.validator import validate_file
from kcxbrl.xbrl import ns
from paths import DATA

TAXONOMY = DATA / "validate"
FILES = ("kct-2026.xsd", "kct-2026_lab.xml", "kct-2026_pre.xml", "kct-2026_cal.xml", "kct-2026_def.xml")
GROSS_PROFIT = "{http://example.com/kctest/2026}GrossProfit"


def _copy(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        shutil.copyfile(TAXONOMY / name, folder / name)
    return folder / "kct-2026.xsd"


def _rewrite_keeping_size_and_time(path: Path, old: str, new: str) -> None:
    assert len(old) == len(new)
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as if rewritten within the clock's resolution
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns


def test_the_same_content_is_parsed_once(tmp_path: Path) -> None:
    entry = _copy(tmp_path)
    first, second = read(entry), read(entry)
    assert isinstance(first, Source) and first is second
    assert read(entry, shared=False) is not first  # a private copy when asked for


def test_a_rewritten_file_is_read_again_even_with_the_same_size_and_time(tmp_path: Path) -> None:
    entry = _copy(tmp_path)
    before = load([entry])
    assert before.label(GROSS_PROFIT) == "Gross profit"
    _rewrite_keeping_size_and_time(tmp_path / "kct-2026_lab.xml", ">Gross profit<", ">Gross PROFIT<")
    assert load([entry]).label(GROSS_PROFIT) == "Gross PROFIT"


def test_an_instance_sees_its_own_taxonomy_after_a_change(tmp_path: Path) -> None:
    """The DTS kept for an entry point is not reused once one of its files holds other content."""
    _copy(tmp_path)
    instance = tmp_path / "valid.xbrl"
    shutil.copyfile(TAXONOMY / "valid.xbrl", instance)
    assert validate_file(instance) == []
    # the calculation now says GrossProfit = Revenues + CostOfRevenues: the instance no longer adds up
    _rewrite_keeping_size_and_time(tmp_path / "kct-2026_cal.xml", 'weight="-1"', 'weight="+1"')
    codes = {f.code for f in validate_file(instance)}
    assert "calc11e:inconsistentCalculationUsingRounding" in codes


def test_files_of_one_name_in_two_folders_stay_apart(tmp_path: Path) -> None:
    a, b = _copy(tmp_path / "a"), _copy(tmp_path / "b")
    _rewrite_keeping_size_and_time(tmp_path / "b" / "kct-2026_lab.xml", ">Gross profit<", ">GROSS profit<")
    assert load([a]).label(GROSS_PROFIT) == "Gross profit"
    assert load([b]).label(GROSS_PROFIT) == "GROSS profit"
    assert {d.path for d in load([b]).documents.values() if d.path is not None} >= {tmp_path / "b" / "kct-2026.xsd"}


def test_one_file_reached_twice_in_a_dts_is_two_documents(tmp_path: Path) -> None:
    """Reached by two spellings of its address (``%2D`` for ``-``), a schema is two documents
    of the DTS with elements of their own, as it was before documents were shared."""
    entry = _copy(tmp_path)
    instance = tmp_path / "twice.xbrl"
    instance.write_text(f"""<xbrli:xbrl xmlns:xbrli="{ns.XBRLI}" xmlns:link="{ns.LINK}" xmlns:xlink="{ns.XLINK}">
  <link:schemaRef xlink:type="simple" xlink:href="kct-2026.xsd"/>
  <link:schemaRef xlink:type="simple" xlink:href="kct%2D2026.xsd"/>
</xbrli:xbrl>""", encoding="utf-8")
    root = parse_file(instance).root
    assert root is not None
    dts = discover(instance, root)
    roots = [d.root for d in dts.documents.values() if d.path is not None and d.path.name == entry.name]
    assert len(roots) == 2 and roots[0] is not roots[1]


def test_dts_offline() -> None:
    from kcxbrl.validation.dts import load

    dts = load([TAXONOMY / "kct-2026.xsd"])
    revenues = dts.concepts["{http://example.com/kctest/2026}Revenues"]
    assert revenues.is_monetary and revenues.period_type == "duration" and revenues.balance == "credit"
    eps = dts.concepts["{http://example.com/kctest/2026}EarningsPerShare"]
    assert eps.is_per_share and eps.is_decimal
    axis = dts.concepts["{http://example.com/kctest/2026}ContractAxis"]
    assert axis.is_typed_dimension and axis.typed_domain_ref == "{http://example.com/kctest/2026}ContractId"
    assert dts.label("{http://example.com/kctest/2026}GrossProfit") == "Gross profit"
    weights = {(r.source.split("}")[1], r.target.split("}")[1]): r.weight
               for r in dts.base_sets("http://www.xbrl.org/2003/arcrole/summation-item")}
    assert weights[("GrossProfit", "CostOfRevenues")] == -1
    assert not dts.findings


def _synthetic_taxonomy(folder: Path, count: int) -> Path:
    """A schema of ``count`` concepts with label, presentation and calculation links."""
    ns = "http://example.com/synthetic"
    elements = "".join(
        f'<xs:element id="s_C{i}" name="C{i}" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item" '
        f'xbrli:periodType="duration" xbrli:balance="credit"/>'
        for i in range(count)
    )
    refs = "".join(
        f'<link:linkbaseRef xlink:type="simple" xlink:href="s_{kind}.xml" '
        f'xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/>'
        for kind in ("lab", "pre", "cal")
    )
    (folder / "s.xsd").write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance" '
        'xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'targetNamespace="{ns}" elementFormDefault="qualified"><xs:annotation><xs:appinfo>{refs}'
        '</xs:appinfo></xs:annotation><xs:import namespace="http://www.xbrl.org/2003/instance" '
        f'schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>{elements}</xs:schema>'
    )
    head = ('<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" '
            'xmlns:xlink="http://www.w3.org/1999/xlink">')
    locs = "".join(f'<link:loc xlink:type="locator" xlink:href="s.xsd#s_C{i}" xlink:label="C{i}"/>' for i in range(count))
    labels = "".join(
        f'<link:label xlink:type="resource" xlink:label="L{i}" xlink:role="http://www.xbrl.org/2003/role/label" '
        f'xml:lang="en">Concept {i}</link:label><link:labelArc xlink:type="arc" '
        f'xlink:arcrole="http://www.xbrl.org/2003/arcrole/concept-label" xlink:from="C{i}" xlink:to="L{i}"/>'
        for i in range(count)
    )
    (folder / "s_lab.xml").write_text(
        f'{head}<link:labelLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">'
        f"{locs}{labels}</link:labelLink></link:linkbase>")
    for kind, arcrole, extra in (("pre", "parent-child", ""), ("cal", "summation-item", ' weight="1"')):
        arcs = "".join(
            f'<link:{kind}Arc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/{arcrole}" '
            f'xlink:from="C{i // 10}" xlink:to="C{i}" order="{i}"{extra}/>'
            for i in range(1, count)
        )
        link = "presentationLink" if kind == "pre" else "calculationLink"
        arc_name = "presentationArc" if kind == "pre" else "calculationArc"
        (folder / f"s_{kind}.xml").write_text(
            f'{head}<link:{link} xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">'
            f"{locs}{arcs.replace(f'link:{kind}Arc', f'link:{arc_name}')}</link:{link}></link:linkbase>")
    return folder / "s.xsd"


def test_dts_of_500_concepts(tmp_path: Path) -> None:
    """Every concept, relationship and label of a large generated taxonomy (its load time is
    measured by bench/validate_bench.py, not asserted)."""
    from kcxbrl.validation.dts import load

    entry = _synthetic_taxonomy(tmp_path, 500)
    dts = load([entry])
    assert len([c for c in dts.concepts if c.startswith("{http://example.com/synthetic}")]) == 500
    assert len(dts.base_sets("http://www.xbrl.org/2003/arcrole/summation-item")) == 499
    assert len(dts.labels) == 500
    assert not dts.findings
    weights = {r.weight for r in dts.base_sets("http://www.xbrl.org/2003/arcrole/summation-item")}
    assert weights == {1}


def test_presentation_cycle_in_a_taxonomy(tmp_path: Path) -> None:
    entry = _synthetic_taxonomy(tmp_path, 5)
    assert not [f for f in validate_file(entry) if f.level is Level.ERROR]
    pre = tmp_path / "s_pre.xml"
    back = ('<link:presentationArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/parent-child" '
            'xlink:from="C3" xlink:to="C0" order="9"/></link:presentationLink>')
    pre.write_text(pre.read_text().replace("</link:presentationLink>", back))
    [cycle] = [f for f in validate_file(entry) if f.level is Level.ERROR]
    assert cycle.code == "xbrl.5.2.4.2:relationshipCycle"
    assert "C0 -> C3 -> C0" in cycle.message
