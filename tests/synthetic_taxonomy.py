"""A taxonomy of any size, written for tests and benchmarks of the DTS loader:
``count`` monetary concepts with labels, and presentation and calculation
trees in which concept ``i`` is a child of concept ``i // 10``."""

from __future__ import annotations

from pathlib import Path

NAMESPACE = "http://example.com/synthetic"
_HEAD = '<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink">'


def write_taxonomy(folder: Path, count: int) -> Path:
    """Write ``s.xsd`` and its linkbases into ``folder``; the schema's path."""
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
        f'targetNamespace="{NAMESPACE}" elementFormDefault="qualified"><xs:annotation><xs:appinfo>{refs}'
        '</xs:appinfo></xs:annotation><xs:import namespace="http://www.xbrl.org/2003/instance" '
        f'schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>{elements}</xs:schema>'
    )
    locs = "".join(f'<link:loc xlink:type="locator" xlink:href="s.xsd#s_C{i}" xlink:label="C{i}"/>' for i in range(count))
    labels = "".join(
        f'<link:label xlink:type="resource" xlink:label="L{i}" xlink:role="http://www.xbrl.org/2003/role/label" '
        f'xml:lang="en">Concept {i}</link:label><link:labelArc xlink:type="arc" '
        f'xlink:arcrole="http://www.xbrl.org/2003/arcrole/concept-label" xlink:from="C{i}" xlink:to="L{i}"/>'
        for i in range(count)
    )
    (folder / "s_lab.xml").write_text(
        f'{_HEAD}<link:labelLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">'
        f"{locs}{labels}</link:labelLink></link:linkbase>")
    for kind, arcrole, extra in (("pre", "parent-child", ""), ("cal", "summation-item", ' weight="1"')):
        link, arc = ("presentationLink", "presentationArc") if kind == "pre" else ("calculationLink", "calculationArc")
        arcs = "".join(
            f'<link:{arc} xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/{arcrole}" '
            f'xlink:from="C{i // 10}" xlink:to="C{i}" order="{i}"{extra}/>'
            for i in range(1, count)
        )
        (folder / f"s_{kind}.xml").write_text(
            f'{_HEAD}<link:{link} xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">'
            f"{locs}{arcs}</link:{link}></link:linkbase>")
    return folder / "s.xsd"
