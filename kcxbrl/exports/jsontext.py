"""JSON text as ``json.dumps(value, indent=2, ensure_ascii=False)`` writes it, made faster.

With an indent, the standard encoder takes its pure-Python path, a generator
for every value; the exports write thousands of small objects.  This writes
the same characters (the same separators, indentation, string escaping and
number forms) into one list.  A value the JSON types do not cover, or a
structure nested in itself, is left to ``json.dumps``, for its result or its
error.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring

_INDENT = 2


class _Unsupported(Exception):
    """A value this writer leaves to json.dumps."""


def dumps(value: object) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``."""
    out: list[str] = []
    try:
        _write(value, out, 0, set())
    except (_Unsupported, RecursionError):
        return json.dumps(value, indent=_INDENT, ensure_ascii=False)
    return "".join(out)


def _scalar(value: object) -> str | None:
    """The text of a value that is no container; None for a container."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return json.dumps(value)  # repr, or NaN / Infinity as json writes them
    if isinstance(value, (list, tuple, dict)):
        return None
    raise _Unsupported


def _key(key: object) -> str:
    if isinstance(key, str):
        return encode_basestring(key)
    if isinstance(key, (bool, int, float)) or key is None:
        return encode_basestring(json.dumps(key))  # json writes such a key as its JSON text, quoted
    raise _Unsupported


def _write(value: object, out: list[str], level: int, open_: set[int]) -> None:
    text = _scalar(value)
    if text is not None:
        out.append(text)
        return
    if not value:
        out.append("{}" if isinstance(value, dict) else "[]")
        return
    if id(value) in open_:
        raise _Unsupported  # nested in itself: json.dumps says so
    open_.add(id(value))
    inner = "\n" + " " * (_INDENT * (level + 1))
    if isinstance(value, dict):
        out.append("{")
        for n, (key, item) in enumerate(value.items()):
            out.append(inner if n == 0 else "," + inner)
            out.append(_key(key))
            out.append(": ")
            _write(item, out, level + 1, open_)
        out.append("\n" + " " * (_INDENT * level) + "}")
    else:
        out.append("[")
        for n, item in enumerate(value):  # type: ignore[arg-type]
            out.append(inner if n == 0 else "," + inner)
            _write(item, out, level + 1, open_)
        out.append("\n" + " " * (_INDENT * level) + "]")
    open_.discard(id(value))
