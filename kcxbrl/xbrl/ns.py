"""Namespaces, roles, arcroles and the standard XBRL names kcxbrl knows by heart: the one table.

Every module that writes or reads XBRL takes its URIs from here, and so do
the templates (the Jinja environment passes this module as ``ns``).  Names
are kept in Clark notation (``{namespace}local``), the form lxml uses for
tags, so a fact element's tag is its concept key.
"""

from __future__ import annotations

from kcxbrl.resources import taxonomy_version

XSD = "http://www.w3.org/2001/XMLSchema"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = "http://www.w3.org/XML/1998/namespace"
XLINK = "http://www.w3.org/1999/xlink"
XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XL = "http://www.xbrl.org/2003/XLink"
XBRLDT = "http://xbrl.org/2005/xbrldt"
XBRLDI = "http://xbrl.org/2006/xbrldi"
ISO4217 = "http://www.xbrl.org/2003/iso4217"
XHTML = "http://www.w3.org/1999/xhtml"
IX = "http://www.xbrl.org/2013/inlineXBRL"
IXT = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
DTR_TYPES_PREFIX = "http://www.xbrl.org/dtr/type/"
DTR_NUMERIC = DTR_TYPES_PREFIX + "numeric"
# later versions of the DTR types namespace, read in exports made by others
DTR_TYPES_2020 = DTR_TYPES_PREFIX + "2020-01-21"
DTR_TYPES_2022 = DTR_TYPES_PREFIX + "2022-03-31"

# kcxbrl's own taxonomy, the filings' extensions, and the taxonomies it corresponds to
# (each versioned namespace is its base followed by the release)
KC_TAXONOMY_BASE = "http://kcxbrl.org/taxonomy/"
_VERSION = taxonomy_version()  # the release numbers are data: taxonomy/version.toml
US_GAAP_BASE = "http://fasb.org/us-gaap/"
DEI_BASE = "http://xbrl.sec.gov/dei/"
KC = KC_TAXONOMY_BASE + _VERSION.version
KC_ROLE_BASE = KC + "/role/"
KC_EXT_BASE = KC + "/ext/"
KC_META = KC_TAXONOMY_BASE + "meta"
US_GAAP = US_GAAP_BASE + _VERSION.us_gaap
DEI = DEI_BASE + _VERSION.dei

# The Open Information Model's formats (xBRL-JSON 1.0, xBRL-CSV 1.0)
OIM = "https://xbrl.org/2021"
XBRL_JSON = OIM + "/xbrl-json"
XBRL_CSV = OIM + "/xbrl-csv"

# Entity identifier schemes (XBRL 2.1 section 4.7.3; EDGAR)
SEC_CIK = "http://www.sec.gov/CIK"
SEC_FILE_NUMBER = "http://www.sec.gov/fileNumber"

# Official schema addresses (XBRL 2.1, Dimensions 1.0, the registries)
INSTANCE_SCHEMA = "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"
LINKBASE_SCHEMA = "http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd"
XBRLDT_SCHEMA = "http://www.xbrl.org/2005/xbrldt-2005.xsd"
XBRLDI_SCHEMA = "http://www.xbrl.org/2006/xbrldi-2006.xsd"
DTR_NUMERIC_SCHEMA = "http://www.xbrl.org/dtr/type/numeric-2009-12-16.xsd"
LRR_NEGATED_SCHEMA = "http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd"


def clark(namespace: str | None, local: str) -> str:
    return f"{{{namespace}}}{local}" if namespace else local


def split_clark(name: str) -> tuple[str, str]:
    if name.startswith("{"):
        ns, _, local = name[1:].partition("}")
        return ns, local
    return "", name


def local_name(name: str) -> str:
    return name.rpartition("}")[2]


# XLink attributes (XLink 1.0 section 5)
XLINK_TYPE = clark(XLINK, "type")
XLINK_HREF = clark(XLINK, "href")
XLINK_ROLE = clark(XLINK, "role")
XLINK_ARCROLE = clark(XLINK, "arcrole")
XLINK_LABEL = clark(XLINK, "label")
XLINK_FROM = clark(XLINK, "from")
XLINK_TO = clark(XLINK, "to")
XML_LANG = clark(XML, "lang")
XSI_NIL = clark(XSI, "nil")

# Arcroles (XBRL 2.1 section 5.2; Dimensions 1.0 section 2; Calculations 1.1)
STANDARD_ARCROLE_PREFIX = "http://www.xbrl.org/2003/arcrole/"
SUMMATION_ITEM = STANDARD_ARCROLE_PREFIX + "summation-item"
CALC11_SUMMATION_ITEM = "https://xbrl.org/2023/arcrole/summation-item"
PARENT_CHILD = STANDARD_ARCROLE_PREFIX + "parent-child"
CONCEPT_LABEL = STANDARD_ARCROLE_PREFIX + "concept-label"
CONCEPT_REFERENCE = STANDARD_ARCROLE_PREFIX + "concept-reference"
FACT_FOOTNOTE = STANDARD_ARCROLE_PREFIX + "fact-footnote"
ESSENCE_ALIAS = STANDARD_ARCROLE_PREFIX + "essence-alias"
GENERAL_SPECIAL = STANDARD_ARCROLE_PREFIX + "general-special"
SIMILAR_TUPLES = STANDARD_ARCROLE_PREFIX + "similar-tuples"
REQUIRES_ELEMENT = STANDARD_ARCROLE_PREFIX + "requires-element"
LINKBASE_ARCROLE = "http://www.w3.org/1999/xlink/properties/linkbase"  # linkbaseRef (XBRL 2.1 4.3.4)
DIM_ARCROLE_PREFIX = "http://xbrl.org/int/dim/arcrole/"
ALL = DIM_ARCROLE_PREFIX + "all"
NOT_ALL = DIM_ARCROLE_PREFIX + "notAll"
HYPERCUBE_DIMENSION = DIM_ARCROLE_PREFIX + "hypercube-dimension"
DIMENSION_DOMAIN = DIM_ARCROLE_PREFIX + "dimension-domain"
DOMAIN_MEMBER = DIM_ARCROLE_PREFIX + "domain-member"
DIMENSION_DEFAULT = DIM_ARCROLE_PREFIX + "dimension-default"

# Roles (XBRL 2.1 sections 4.3.3, 5.2.2.2.2; the Link Role Registry's negated labels)
STANDARD_ROLE_PREFIX = "http://www.xbrl.org/2003/role/"
STANDARD_LABEL = STANDARD_ROLE_PREFIX + "label"
STANDARD_LINK_ROLE = STANDARD_ROLE_PREFIX + "link"
TERSE_LABEL = STANDARD_ROLE_PREFIX + "terseLabel"
TOTAL_LABEL = STANDARD_ROLE_PREFIX + "totalLabel"
PERIOD_START_LABEL = STANDARD_ROLE_PREFIX + "periodStartLabel"
PERIOD_END_LABEL = STANDARD_ROLE_PREFIX + "periodEndLabel"
LRR_ROLE_PREFIX = "http://www.xbrl.org/2009/role/"
NEGATED_LABEL = LRR_ROLE_PREFIX + "negatedLabel"
NEGATED_TOTAL_LABEL = LRR_ROLE_PREFIX + "negatedTotalLabel"
NEGATED_PERIOD_START_LABEL = LRR_ROLE_PREFIX + "negatedPeriodStartLabel"
NEGATED_PERIOD_END_LABEL = LRR_ROLE_PREFIX + "negatedPeriodEndLabel"
LABEL_LINKBASE_REF = STANDARD_ROLE_PREFIX + "labelLinkbaseRef"
REFERENCE_LINKBASE_REF = STANDARD_ROLE_PREFIX + "referenceLinkbaseRef"
PRESENTATION_LINKBASE_REF = STANDARD_ROLE_PREFIX + "presentationLinkbaseRef"
CALCULATION_LINKBASE_REF = STANDARD_ROLE_PREFIX + "calculationLinkbaseRef"
DEFINITION_LINKBASE_REF = STANDARD_ROLE_PREFIX + "definitionLinkbaseRef"

# Substitution group heads
ITEM = clark(XBRLI, "item")
TUPLE = clark(XBRLI, "tuple")
HYPERCUBE_ITEM = clark(XBRLDT, "hypercubeItem")
DIMENSION_ITEM = clark(XBRLDT, "dimensionItem")

# The xbrli base item types (XBRL 2.1 section 5.1.1.3), by kind
_INTEGER_TYPES = (
    "integerItemType nonPositiveIntegerItemType negativeIntegerItemType longItemType "
    "intItemType shortItemType byteItemType nonNegativeIntegerItemType unsignedLongItemType "
    "unsignedIntItemType unsignedShortItemType unsignedByteItemType positiveIntegerItemType"
).split()
DECIMAL_ITEM_TYPES = frozenset(
    clark(XBRLI, n) for n in ["decimalItemType", "monetaryItemType", "sharesItemType", "pureItemType", *_INTEGER_TYPES]
)
NUMERIC_ITEM_TYPES = DECIMAL_ITEM_TYPES | {
    clark(XBRLI, "floatItemType"),
    clark(XBRLI, "doubleItemType"),
    clark(XBRLI, "fractionItemType"),
}
_NON_NUMERIC = (
    "stringItemType booleanItemType hexBinaryItemType base64BinaryItemType anyURIItemType "
    "QNameItemType durationItemType dateTimeItemType timeItemType dateItemType gYearMonthItemType "
    "gYearItemType gMonthDayItemType gDayItemType gMonthItemType normalizedStringItemType "
    "tokenItemType languageItemType NameItemType NCNameItemType"
).split()
ITEM_TYPES = NUMERIC_ITEM_TYPES | {clark(XBRLI, n) for n in _NON_NUMERIC}

MONETARY_ITEM_TYPE = clark(XBRLI, "monetaryItemType")
SHARES_ITEM_TYPE = clark(XBRLI, "sharesItemType")
PURE_ITEM_TYPE = clark(XBRLI, "pureItemType")
FRACTION_ITEM_TYPE = clark(XBRLI, "fractionItemType")
# Text whose language matters (the types EDGAR also treats as language-bearing)
TEXT_ITEM_TYPES = frozenset({clark(XBRLI, "stringItemType"), clark(XBRLI, "normalizedStringItemType")})

SHARES_MEASURE = clark(XBRLI, "shares")
PURE_MEASURE = clark(XBRLI, "pure")

# DTR numeric types (numeric-2009-12-16.xsd) and the xbrli type each restricts;
# used when the DTR schema itself is not bundled.
DTR_NUMERIC_BASES: dict[str, str] = {
    "percentItemType": "pureItemType",
    "perShareItemType": "decimalItemType",
    "areaItemType": "decimalItemType",
    "volumeItemType": "decimalItemType",
    "massItemType": "decimalItemType",
    "weightItemType": "decimalItemType",
    "energyItemType": "decimalItemType",
    "powerItemType": "decimalItemType",
    "lengthItemType": "decimalItemType",
    "memoryItemType": "decimalItemType",
    "noDecimalsMonetaryItemType": "monetaryItemType",
    "nonNegativeMonetaryItemType": "monetaryItemType",
    "nonNegativeNoDecimalsMonetaryItemType": "monetaryItemType",
}
# DTR non-numeric types and the xbrli type each restricts.
DTR_NON_NUMERIC_BASES: dict[str, str] = {
    "textBlockItemType": "stringItemType",
    "escapedItemType": "stringItemType",
    "xmlNodesItemType": "stringItemType",
    "xmlItemType": "stringItemType",
    "domainItemType": "stringItemType",
    "noLangTokenItemType": "tokenItemType",
    "noLangStringItemType": "stringItemType",
    "prefixedContentItemType": "tokenItemType",
    "SQNameItemType": "tokenItemType",
    "SQNamesItemType": "tokenItemType",
    "enumerationItemType": "QNameItemType",
}

# Schemas every DTS may import by their official address; kcxbrl knows
# what they define, so they count as resolved even when not bundled.
BUILTIN_SCHEMAS = frozenset(
    {
        INSTANCE_SCHEMA,
        LINKBASE_SCHEMA,
        "http://www.xbrl.org/2003/xl-2003-12-31.xsd",
        "http://www.xbrl.org/2003/xlink-2003-12-31.xsd",
        XBRLDT_SCHEMA,
        XBRLDI_SCHEMA,
        DTR_NUMERIC_SCHEMA,
        "http://www.xbrl.org/dtr/type/nonNumeric-2009-12-16.xsd",
        LRR_NEGATED_SCHEMA,
        "http://www.xbrl.org/lrr/role/net-2009-12-16.xsd",
        "http://www.xbrl.org/lrr/role/deprecated-2009-12-16.xsd",
        "http://www.w3.org/2001/xml.xsd",
    }
)
