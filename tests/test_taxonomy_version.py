"""The taxonomy version is data (taxonomy/version.toml): every versioned name is made from it."""

from __future__ import annotations

from lxml import etree

from kcxbrl.resources import taxonomy_dir, taxonomy_version
from kcxbrl.xbrl.extension import NAMESPACE_BASE
from kcxbrl.xbrl.taxonomy import NAMESPACE, ROLE_BASE, SCHEMA_FILE, default_taxonomy
from kcxbrl.xbrl.taxonomy_writer import DEI_NAMESPACE, USGAAP_NAMESPACE


def test_versioned_names_come_from_the_version_file() -> None:
    version = taxonomy_version()
    assert (version.version, version.us_gaap, version.dei) == ("2026", "2025", "2025")
    assert NAMESPACE == "http://kcxbrl.org/taxonomy/2026"
    assert SCHEMA_FILE == "kc-2026.xsd"
    assert ROLE_BASE == "http://kcxbrl.org/taxonomy/2026/role/"
    assert NAMESPACE_BASE == "http://kcxbrl.org/taxonomy/2026/ext/"
    assert (USGAAP_NAMESPACE, DEI_NAMESPACE) == ("http://fasb.org/us-gaap/2025", "http://xbrl.sec.gov/dei/2025")
    assert default_taxonomy().schema_file == SCHEMA_FILE


def test_the_bundled_schema_carries_the_version() -> None:
    schema = taxonomy_dir() / taxonomy_version().schema_file
    root = etree.parse(str(schema)).getroot()
    assert root.get("targetNamespace") == taxonomy_version().namespace
    text = schema.read_text(encoding="utf-8")
    assert taxonomy_version().us_gaap_namespace in text and taxonomy_version().dei_namespace in text
