"""The package stays readable: modules that fit on a few screens, short functions."""

from __future__ import annotations

import ast

import pytest

from paths import ROOT

MODULE_LINES = 400
FUNCTION_LINES = 60
SOURCES = sorted(p for folder in ("kcxbrl", "bench") for p in (ROOT / folder).rglob("*.py"))


def _too_long(path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    out = [f"module of {text.count(chr(10))} lines"] if text.count("\n") > MODULE_LINES else []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = node.end_lineno - node.lineno + 1
            if length > FUNCTION_LINES:
                out.append(f"{node.name} (line {node.lineno}) of {length} lines")
    return out


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_module_and_function_sizes(path) -> None:
    assert _too_long(path) == []


def test_every_subpackage_says_what_goes_in_and_out() -> None:
    for init in sorted((ROOT / "kcxbrl").glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "In:" in doc and "Out:" in doc, init
