"""The one Jinja environment: strict undefined, XML autoescaping, our filters, the namespace table as ``ns``."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import escape

try:
    from markupsafe import _escape_inner  # the C replacement markupsafe's escape wraps
except ImportError:  # pragma: no cover - an older markupsafe
    def _escape_inner(text: str) -> str:
        return str(escape(text))

from kcxbrl.resources import templates_dir
from kcxbrl.xbrl import ns


def xml_decimal(value: Decimal) -> str:
    """A Decimal as an xs:decimal lexical value, never in exponent form."""
    text = str(value)  # plain unless it has an exponent: quicker than format, the same text then
    if "E" in text or "e" in text:
        text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def escape_output(value: Any) -> Any:
    """What autoescaping writes for ``{{ value }}``: markupsafe's escape, the same
    characters replaced; a plain string comes back a plain string, without the
    Markup object built around every value written (which cost more than the escaping)."""
    if type(value) is str:
        return _escape_inner(value)
    return escape(value)  # Markup as it is, numbers as text, an undefined value raises


class _Template(Template):
    """A template whose output is escaped by :func:`escape_output`."""

    @classmethod
    def _from_namespace(cls, environment: Environment, namespace: Any, globals: Any) -> Template:
        namespace["escape"] = escape_output  # the name the compiled template writes its output through
        return super()._from_namespace(environment, namespace, globals)


class _Environment(Environment):
    """Jinja's environment, but ``x.name`` on a dict that holds the key ``name``
    gives the item at once (Jinja tries the attribute first and fails, which is
    slow); no template names a key after a dict method (``items``, ``get`` ...)."""

    template_class = _Template

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        try:  # what Jinja tries first, here without a second call
            return getattr(obj, attribute)
        except AttributeError:
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
