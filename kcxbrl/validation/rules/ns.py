"""Namespaces, arcroles and the standard XBRL names the validator knows by heart.

Names are kept in Clark notation (``{namespace}local``), the form lxml uses
for tags, so a fact element's tag is its concept key.
"""

from __future__ import annotations

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
DTR_TYPES_PREFIX = "http://www.xbrl.org/dtr/type/"


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

# Arcroles (XBRL 2.1 section 5.2; Dimensions 1.0 section 2)
SUMMATION_ITEM = "http://www.xbrl.org/2003/arcrole/summation-item"
CALC11_SUMMATION_ITEM = "https://xbrl.org/2023/arcrole/summation-item"
PARENT_CHILD = "http://www.xbrl.org/2003/arcrole/parent-child"
CONCEPT_LABEL = "http://www.xbrl.org/2003/arcrole/concept-label"
ALL = "http://xbrl.org/int/dim/arcrole/all"
NOT_ALL = "http://xbrl.org/int/dim/arcrole/notAll"
HYPERCUBE_DIMENSION = "http://xbrl.org/int/dim/arcrole/hypercube-dimension"
DIMENSION_DOMAIN = "http://xbrl.org/int/dim/arcrole/dimension-domain"
DOMAIN_MEMBER = "http://xbrl.org/int/dim/arcrole/domain-member"
DIMENSION_DEFAULT = "http://xbrl.org/int/dim/arcrole/dimension-default"

STANDARD_LABEL = "http://www.xbrl.org/2003/role/label"
STANDARD_LINK_ROLE = "http://www.xbrl.org/2003/role/link"

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
        "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd",
        "http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd",
        "http://www.xbrl.org/2003/xl-2003-12-31.xsd",
        "http://www.xbrl.org/2003/xlink-2003-12-31.xsd",
        "http://www.xbrl.org/2005/xbrldt-2005.xsd",
        "http://www.xbrl.org/2006/xbrldi-2006.xsd",
        "http://www.xbrl.org/dtr/type/numeric-2009-12-16.xsd",
        "http://www.xbrl.org/dtr/type/nonNumeric-2009-12-16.xsd",
        "http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd",
        "http://www.xbrl.org/lrr/role/net-2009-12-16.xsd",
        "http://www.xbrl.org/lrr/role/deprecated-2009-12-16.xsd",
        "http://www.w3.org/2001/xml.xsd",
    }
)
