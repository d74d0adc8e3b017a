"""The namespace table is the one place kcxbrl writes XBRL and XML namespace URIs."""

from __future__ import annotations

import re

from kcxbrl.xbrl import ns
from paths import ROOT as REPO

# the hosts of the namespaces, roles, arcroles and schema addresses kcxbrl uses
URI = re.compile(r"https?://(?:www\.)?(?:xbrl\.org|w3\.org|kcxbrl\.org|fasb\.org|xbrl\.sec\.gov|sec\.gov)/")


def test_no_module_or_template_spells_a_namespace_of_its_own() -> None:
    table = REPO / "kcxbrl" / "xbrl" / "ns.py"
    files = [*(REPO / "kcxbrl").rglob("*.py"), *(REPO / "templates").rglob("*.j2")]
    offenders = [f"{path.relative_to(REPO)}:{number}" for path in files if path != table
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if URI.search(line)]
    assert offenders == []


def test_the_table_holds_each_uri_once() -> None:
    values = [v for k, v in vars(ns).items() if k.isupper() and isinstance(v, str) and "://" in v]
    assert len(values) == len(set(values))
    assert ns.INSTANCE_SCHEMA in ns.BUILTIN_SCHEMAS and ns.CONCEPT_LABEL.startswith(ns.STANDARD_ARCROLE_PREFIX)
