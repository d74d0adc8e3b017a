"""The one Jinja environment finds a view's keys at once and stays strict and escaping."""

from __future__ import annotations

import pytest
from jinja2 import UndefinedError

from kcxbrl.xbrl.jinja import environment


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
