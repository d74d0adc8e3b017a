"""The taxonomy version is data (taxonomy/version.toml): every versioned name is made from it."""

from __future__ import annotations

from lxml import etree

from kcxbrl.resources import taxonomy_dir, taxonomy_version
from kcxbrl.xbrl import ns
from kcxbrl.xbrl.taxonomy import SCHEMA_FILE, default_taxonomy


def test_versioned_names_come_from_the_version_file() -> None:
    version = taxonomy_version()
    assert (version.version, version.us_gaap, version.dei) == ("2026", "2025", "2025")
    assert ns.KC == ns.KC_TAXONOMY_BASE + "2026"
    assert SCHEMA_FILE == "kc-2026.xsd"
    assert ns.KC_ROLE_BASE == ns.KC + "/role/"
    assert ns.KC_EXT_BASE == ns.KC + "/ext/"
    assert (ns.US_GAAP, ns.DEI) == (ns.US_GAAP_BASE + "2025", ns.DEI_BASE + "2025")
    assert default_taxonomy().schema_file == SCHEMA_FILE


def test_the_bundled_schema_carries_the_version() -> None:
    schema = taxonomy_dir() / taxonomy_version().schema_file
    root = etree.parse(str(schema)).getroot()
    assert root.get("targetNamespace") == ns.KC
    text = schema.read_text(encoding="utf-8")
    assert ns.US_GAAP in text and ns.DEI in text
