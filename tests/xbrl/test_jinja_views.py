"""The one Jinja environment finds a view's keys at once and stays strict and escaping
(as markupsafe escapes); decimals are written plainly."""

from __future__ import annotations

from decimal import Decimal

import pytest
from jinja2 import UndefinedError
from markupsafe import Markup, escape

from kcxbrl.xbrl.jinja import environment, escape_output, xml_decimal


def test_a_dict_key_is_read_as_an_attribute_and_escaped() -> None:
    template = environment().from_string('<a id="{{ v.id }}">{{ v.text }}</a>')
    assert template.render(v={"id": 'x"1', "text": "R&D <net>"}) == '<a id="x&#34;1">R&amp;D &lt;net&gt;</a>'


def test_an_object_attribute_still_comes_first() -> None:
    class View:
        id = "from-attribute"

    assert environment().from_string("{{ v.id }}").render(v=View()) == "from-attribute"


def test_a_missing_key_is_an_error() -> None:
    with pytest.raises(UndefinedError):
        environment().from_string("{{ v.missing }}").render(v={"id": "x"})


@pytest.mark.parametrize("value", ['R&D <net> "x" \'y\'', "plain", "", 12, Decimal("1.50"), Markup("<b>kept</b>")])
def test_output_is_escaped_as_markupsafe_escapes_it(value: object) -> None:
    assert escape_output(value) == escape(value)
    assert environment().from_string("{{ v }}").render(v=value) == str(escape(value))


def test_an_undefined_value_written_is_still_an_error() -> None:
    with pytest.raises(UndefinedError):
        environment().from_string("{{ missing }}").render()


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1234000"), "1234000"),
        (Decimal("1.2E+6"), "1200000"),  # exponent form written out
        (Decimal("1.50"), "1.5"),
        (Decimal("-0.000"), "0"),
        (Decimal("1E-7"), "0.0000001"),
        (Decimal("-12.340"), "-12.34"),
        (Decimal("0"), "0"),
    ],
)
def test_xml_decimal_is_a_plain_decimal(value: Decimal, text: str) -> None:
    assert xml_decimal(value) == text
