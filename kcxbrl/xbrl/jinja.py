"""The one Jinja environment: strict undefined, XML autoescaping, our filters, the namespace table as ``ns``."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from kcxbrl.resources import templates_dir
from kcxbrl.xbrl import ns


def xml_decimal(value: Decimal) -> str:
    """A Decimal as an xs:decimal lexical value, never in exponent form."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class _Environment(Environment):
    """Jinja's environment, but ``x.name`` on a dict that holds the key ``name``
    gives the item at once (Jinja tries the attribute first and fails, which is
    slow); no template names a key after a dict method (``items``, ``get`` ...)."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = _Environment(
        loader=FileSystemLoader(str(templates_dir())),
        undefined=StrictUndefined,
        autoescape=True,  # every template writes XML
        keep_trailing_newline=True,
        auto_reload=False,  # the templates do not change while kcxbrl runs: no stat per render
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["xml_decimal"] = xml_decimal
    env.globals["ns"] = ns  # templates write their namespaces and roles from the one table
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
