"""The exports' JSON text is exactly what json.dumps(indent=2, ensure_ascii=False) writes."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from kcxbrl.exports.jsontext import dumps


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        "plain",
        {"a": 1, "b": "R&D “net” \u2028 \"q\" \\ \n", "c": None, "d": True, "e": False, "f": -2.5},
        {"facts": {"f1": {"value": "12", "dimensions": {"concept": "kc:Revenues"}, "decimals": -3}}},
        {"list": [1, [], {}, [2, [3]], ("t", "u")], "empty": {}, "nested": {"x": {"y": {"z": []}}}},
        {1: "int key", 2.5: "float key", None: "null key", False: "bool key"},
        {"nan": float("nan"), "inf": float("-inf"), "big": 1e100, "small": 5e-324},
        [True, False, None, 0, -1, 10**30, "金山云"],
    ],
)
def test_the_same_text_as_json_dumps(value: object) -> None:
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_what_json_cannot_write_fails_as_json_dumps_fails() -> None:
    with pytest.raises(TypeError, match="Decimal"):
        dumps({"value": Decimal(1)})
    circular: dict[str, object] = {}
    circular["self"] = circular
    with pytest.raises(ValueError, match="Circular"):
        dumps(circular)


def test_a_value_twice_is_written_twice() -> None:
    shared = {"a": [1, 2]}
    value = {"x": shared, "y": shared}
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)
