"""Offline XML Schema validation against the bundled XBRL base schemas."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from lxml import etree

from kcxbrl.validation import schemas
from kcxbrl.errors import InputError
from kcxbrl.findings import Finding, Level
from kcxbrl.xbrl import ns

from arelle_runner import ArelleOptions, arelle_check, needs_arelle

BUNDLED = {
    "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd": "http://www.xbrl.org/2003/instance",
    "http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd": "http://www.xbrl.org/2003/linkbase",
    "http://www.xbrl.org/2003/xl-2003-12-31.xsd": "http://www.xbrl.org/2003/XLink",
    "http://www.xbrl.org/2003/xlink-2003-12-31.xsd": "http://www.w3.org/1999/xlink",
    "http://www.xbrl.org/2005/xbrldt-2005.xsd": "http://xbrl.org/2005/xbrldt",
    "http://www.xbrl.org/2006/xbrldi-2006.xsd": "http://xbrl.org/2006/xbrldi",
    "http://www.xbrl.org/dtr/type/numeric-2009-12-16.xsd": "http://www.xbrl.org/dtr/type/numeric",
    "http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd": "http://www.xbrl.org/2009/role/negated",
    "http://www.w3.org/2001/xml.xsd": "http://www.w3.org/XML/1998/namespace",
}

# XBRL 2.1 section 5.1.1.3: every item type an instance may use.
ITEM_TYPES = [
    "decimal", "float", "double", "monetary", "shares", "pure", "fraction",
    "integer", "nonPositiveInteger", "negativeInteger", "long", "int", "short", "byte",
    "nonNegativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
    "positiveInteger", "string", "boolean", "hexBinary", "base64Binary", "anyURI", "QName",
    "duration", "dateTime", "time", "date", "gYearMonth", "gYear", "gMonthDay", "gDay",
    "gMonth", "normalizedString", "token", "language", "Name", "NCName",
]

COMPANY_XSD = """<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xbrli="http://www.xbrl.org/2003/instance"
           xmlns:xbrldt="http://xbrl.org/2005/xbrldt"
           xmlns:num="http://www.xbrl.org/dtr/type/numeric"
           targetNamespace="http://example.com/kc/2024"
           elementFormDefault="qualified" attributeFormDefault="unqualified">
  <xs:import namespace="http://www.xbrl.org/2003/instance"
             schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
  <xs:import namespace="http://xbrl.org/2005/xbrldt"
             schemaLocation="http://www.xbrl.org/2005/xbrldt-2005.xsd"/>
  <xs:import namespace="http://www.xbrl.org/dtr/type/numeric"
             schemaLocation="http://www.xbrl.org/dtr/type/numeric-2009-12-16.xsd"/>
  <xs:element id="kc_Revenues" name="Revenues" type="xbrli:monetaryItemType"
              substitutionGroup="xbrli:item" xbrli:periodType="duration"
              xbrli:balance="credit" nillable="true"/>
  <xs:element id="kc_SharesOutstanding" name="SharesOutstanding" type="xbrli:sharesItemType"
              substitutionGroup="xbrli:item" xbrli:periodType="instant" nillable="true"/>
  <xs:element id="kc_EarningsPerShare" name="EarningsPerShare" type="num:perShareItemType"
              substitutionGroup="xbrli:item" xbrli:periodType="duration" nillable="true"/>
  <xs:element id="kc_CompanyName" name="CompanyName" type="xbrli:stringItemType"
              substitutionGroup="xbrli:item" xbrli:periodType="duration" nillable="true"/>
  <xs:element id="kc_PeriodEndDate" name="PeriodEndDate" type="xbrli:dateItemType"
              substitutionGroup="xbrli:item" xbrli:periodType="duration" nillable="true"/>
  <xs:element id="kc_SegmentAxis" name="SegmentAxis" type="xbrli:stringItemType"
              substitutionGroup="xbrldt:dimensionItem" abstract="true"
              xbrli:periodType="duration" nillable="true"/>
  <xs:element id="kc_CloudMember" name="CloudMember" type="xbrli:stringItemType"
              substitutionGroup="xbrli:item" abstract="true"
              xbrli:periodType="duration" nillable="true"/>
</xs:schema>
"""

VALID_INSTANCE = """<?xml version="1.0" encoding="UTF-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance"
            xmlns:link="http://www.xbrl.org/2003/linkbase"
            xmlns:xlink="http://www.w3.org/1999/xlink"
            xmlns:xbrldi="http://xbrl.org/2006/xbrldi"
            xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
            xmlns:kc="http://example.com/kc/2024">
  <link:schemaRef xlink:type="simple" xlink:href="kc.xsd"/>
  <xbrli:context id="D2024Q1">
    <xbrli:entity>
      <xbrli:identifier scheme="http://www.sec.gov/CIK">0001795589</xbrli:identifier>
    </xbrli:entity>
    <xbrli:period>
      <xbrli:startDate>2024-01-01</xbrli:startDate>
      <xbrli:endDate>2024-03-31</xbrli:endDate>
    </xbrli:period>
  </xbrli:context>
  <xbrli:context id="I2024Q1">
    <xbrli:entity>
      <xbrli:identifier scheme="http://www.sec.gov/CIK">0001795589</xbrli:identifier>
    </xbrli:entity>
    <xbrli:period>
      <xbrli:instant>2024-03-31</xbrli:instant>
    </xbrli:period>
  </xbrli:context>
  <xbrli:context id="D2024Q1_Cloud">
    <xbrli:entity>
      <xbrli:identifier scheme="http://www.sec.gov/CIK">0001795589</xbrli:identifier>
      <xbrli:segment>
        <xbrldi:explicitMember dimension="kc:SegmentAxis">kc:CloudMember</xbrldi:explicitMember>
      </xbrli:segment>
    </xbrli:entity>
    <xbrli:period>
      <xbrli:startDate>2024-01-01</xbrli:startDate>
      <xbrli:endDate>2024-03-31</xbrli:endDate>
    </xbrli:period>
  </xbrli:context>
  <xbrli:unit id="CNY">
    <xbrli:measure>iso4217:CNY</xbrli:measure>
  </xbrli:unit>
  <xbrli:unit id="shares">
    <xbrli:measure>xbrli:shares</xbrli:measure>
  </xbrli:unit>
  <xbrli:unit id="CNYPerShare">
    <xbrli:divide>
      <xbrli:unitNumerator>
        <xbrli:measure>iso4217:CNY</xbrli:measure>
      </xbrli:unitNumerator>
      <xbrli:unitDenominator>
        <xbrli:measure>xbrli:shares</xbrli:measure>
      </xbrli:unitDenominator>
    </xbrli:divide>
  </xbrli:unit>
  <kc:Revenues contextRef="D2024Q1" unitRef="CNY" decimals="-3">1789000000</kc:Revenues>
  <kc:Revenues contextRef="D2024Q1_Cloud" unitRef="CNY" decimals="-3">1200000000</kc:Revenues>
  <kc:SharesOutstanding contextRef="I2024Q1" unitRef="shares" decimals="INF">3800000000</kc:SharesOutstanding>
  <kc:EarningsPerShare contextRef="D2024Q1" unitRef="CNYPerShare" decimals="2">-0.15</kc:EarningsPerShare>
  <kc:CompanyName contextRef="D2024Q1" xml:lang="en">Kingsoft Cloud Holdings Limited</kc:CompanyName>
  <kc:PeriodEndDate contextRef="D2024Q1">2024-03-31</kc:PeriodEndDate>
</xbrli:xbrl>
"""

# (case id, text to replace, replacement, text on the offending line, expected code)
INVALID_CASES = [
    (
        "unknown-element-in-context",
        '<xbrli:context id="I2024Q1">\n    <xbrli:entity>',
        '<xbrli:context id="I2024Q1">\n    <xbrli:bogus>x</xbrli:bogus>\n    <xbrli:entity>',
        "<xbrli:bogus>",
        schemas.CODE_SYNTAX,
    ),
    (
        "monetary-not-a-number",
        'decimals="-3">1789000000<',
        'decimals="-3">abc<',
        ">abc<",
        schemas.CODE_VALUE,
    ),
    (
        "instant-and-start-date",
        "<xbrli:instant>2024-03-31</xbrli:instant>",
        "<xbrli:instant>2024-03-31</xbrli:instant>\n"
        "      <xbrli:startDate>2023-12-31</xbrli:startDate>",
        "2023-12-31",
        schemas.CODE_SYNTAX,
    ),
    (
        "unit-without-measure",
        '<xbrli:unit id="shares">\n'
        "    <xbrli:measure>xbrli:shares</xbrli:measure>\n"
        "  </xbrli:unit>",
        '<xbrli:unit id="shares">\n  </xbrli:unit>',
        '<xbrli:unit id="shares">',
        schemas.CODE_SYNTAX,
    ),
    (
        "dangling-context-ref",
        'contextRef="I2024Q1"',
        'contextRef="Nowhere"',
        'contextRef="Nowhere"',
        schemas.CODE_SYNTAX,
    ),
    (
        "decimals-not-an-integer",
        'decimals="2">-0.15<',
        'decimals="two">-0.15<',
        'decimals="two"',
        schemas.CODE_VALUE,
    ),
]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection attempt fails the test; caches are emptied so builds happen now."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    schemas.clear_cache()


@pytest.fixture
def company(tmp_path: Path) -> Path:
    path = tmp_path / "kc.xsd"
    path.write_text(COMPANY_XSD, encoding="utf-8")
    return path


def _write_instance(
    folder: Path, text: str, name: str = "kc.xml"
) -> tuple[Path, etree._ElementTree]:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path, etree.parse(str(path))


def _line_of(text: str, needle: str) -> int:
    assert text.count(needle) == 1, needle
    return text[: text.index(needle)].count("\n") + 1


def test_locations_cover_the_bundled_schemas() -> None:
    assert set(schemas.LOCATIONS) == set(BUNDLED)
    for url, path in schemas.LOCATIONS.items():
        assert path.is_file(), url
        assert path.as_posix().endswith(url.removeprefix("http://"))


@pytest.mark.parametrize("url", sorted(BUNDLED))
def test_every_bundled_schema_builds_offline(url: str, no_network: None) -> None:
    schema = schemas.load_schema(schemas.LOCATIONS[url])
    assert schema.target_namespace == BUNDLED[url]
    # every file the build read is a bundled copy or xmlschema's own meta-schemas
    for loaded in schema.maps.iter_schemas():
        assert loaded.url is not None and loaded.url.startswith("file:"), loaded.url


def test_base_schema_has_every_item_type(no_network: None) -> None:
    types = schemas.base_schema().maps.types
    missing = [t for t in ITEM_TYPES if f"{{{ns.XBRLI}}}{t}ItemType" not in types]
    assert missing == []
    elements = schemas.base_schema().maps.elements
    assert f"{{{ns.XBRLDI}}}explicitMember" in elements
    assert f"{{{ns.XBRLDI}}}typedMember" in elements


def test_dtr_numeric_types(no_network: None) -> None:
    url = "http://www.xbrl.org/dtr/type/numeric-2009-12-16.xsd"
    schema = schemas.load_schema(schemas.LOCATIONS[url])
    num = "http://www.xbrl.org/dtr/type/numeric"
    bases = {
        "perShareItemType": "decimalItemType",
        "percentItemType": "pureItemType",  # the registry derives percentages from pure
        "areaItemType": "decimalItemType",
        "volumeItemType": "decimalItemType",
    }
    for name, base in bases.items():
        base_type = schema.maps.types[f"{{{ns.XBRLI}}}{base}"]
        assert schema.maps.types[f"{{{num}}}{name}"].is_derived(base_type, "restriction"), name


def test_negated_label_roles() -> None:
    path = schemas.LOCATIONS["http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd"]
    link = "{http://www.xbrl.org/2003/linkbase}"
    roles = {e.get("id"): e.get("roleURI") for e in etree.parse(str(path)).iter(f"{link}roleType")}
    for name in ("negatedLabel", "negatedTotalLabel", "negatedPeriodStartLabel",
                 "negatedPeriodEndLabel", "negatedTerseLabel"):
        assert roles[name] == f"http://www.xbrl.org/2009/role/{name}"


def test_valid_instance_has_no_findings(tmp_path: Path, company: Path, no_network: None) -> None:
    path, tree = _write_instance(tmp_path, VALID_INSTANCE)
    assert schemas.schema_findings(path, tree, schemas.load_schema(company)) == []


@pytest.mark.parametrize(
    ("old", "new", "needle", "code"),
    [case[1:] for case in INVALID_CASES],
    ids=[case[0] for case in INVALID_CASES],
)
def test_invalid_instance_findings(
    tmp_path: Path, company: Path, no_network: None, old: str, new: str, needle: str, code: str
) -> None:
    text = VALID_INSTANCE.replace(old, new)
    assert text != VALID_INSTANCE
    path, tree = _write_instance(tmp_path, text)
    findings = schemas.schema_findings(path, tree, schemas.load_schema(company))
    assert findings, "expected at least one finding"
    first: Finding = findings[0]
    assert first.level is Level.ERROR
    assert first.code == code
    assert first.file == str(path)
    assert first.line == _line_of(text, needle)
    assert "/xbrli:xbrl" in first.message  # the xpath of the offending element


def test_base_schema_validates_contexts_and_units(tmp_path: Path, no_network: None) -> None:
    start = VALID_INSTANCE.index("  <kc:Revenues")
    end = VALID_INSTANCE.index("</xbrli:xbrl>")
    text = VALID_INSTANCE[:start] + VALID_INSTANCE[end:]
    path, tree = _write_instance(tmp_path, text)
    assert schemas.schema_findings(path, tree, schemas.base_schema()) == []


def test_unmapped_import_is_refused_offline(tmp_path: Path, no_network: None) -> None:
    entry = tmp_path / "remote.xsd"
    entry.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:kc:t">\n'
        '  <xs:import namespace="urn:kc:x" schemaLocation="http://example.com/x.xsd"/>\n'
        "</xs:schema>\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        schemas.load_schema(entry)
    assert "http://example.com/x.xsd" in str(caught.value)
    assert str(entry) in str(caught.value)


def test_missing_local_import_is_refused(tmp_path: Path, no_network: None) -> None:
    entry = tmp_path / "local.xsd"
    entry.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:kc:t">\n'
        '  <xs:import namespace="urn:kc:x" schemaLocation="nowhere.xsd"/>\n'
        "</xs:schema>\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="nowhere.xsd"):
        schemas.load_schema(entry)


def test_local_and_https_imports_resolve(tmp_path: Path, no_network: None) -> None:
    (tmp_path / "types.xsd").write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"\n'
        '           xmlns:xbrli="http://www.xbrl.org/2003/instance"\n'
        '           targetNamespace="urn:kc:types">\n'
        '  <xs:import namespace="http://www.xbrl.org/2003/instance"\n'
        '             schemaLocation="https://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>\n'
        '  <xs:complexType name="ratioItemType">\n'
        '    <xs:simpleContent><xs:restriction base="xbrli:pureItemType"/></xs:simpleContent>\n'
        "  </xs:complexType>\n"
        "</xs:schema>\n",
        encoding="utf-8",
    )
    entry = tmp_path / "entry.xsd"
    entry.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:kc:t">\n'
        '  <xs:import namespace="urn:kc:types" schemaLocation="types.xsd"/>\n'
        "</xs:schema>\n",
        encoding="utf-8",
    )
    schema = schemas.load_schema(entry)
    assert "{urn:kc:types}ratioItemType" in schema.maps.types


def test_load_schema_is_cached_until_the_file_changes(company: Path) -> None:
    first = schemas.load_schema(company)
    assert schemas.load_schema(company) is first
    stat = company.stat()
    os.utime(company, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert schemas.load_schema(company) is not first


@needs_arelle
def test_arelle_accepts_the_valid_instance(tmp_path: Path, company: Path) -> None:
    path, _ = _write_instance(tmp_path, VALID_INSTANCE)
    checked = arelle_check(path, ArelleOptions(calc=None))
    assert checked.logged and checked.problems == []


@needs_arelle
def test_arelle_agrees_on_a_value_error(tmp_path: Path, company: Path) -> None:
    text = VALID_INSTANCE.replace('decimals="-3">1789000000<', 'decimals="-3">abc<')
    path, tree = _write_instance(tmp_path, text)
    ours = schemas.schema_findings(path, tree, schemas.load_schema(company))
    assert arelle_check(path, ArelleOptions(calc=None)).has(ours[0].code, Level.ERROR.value)
