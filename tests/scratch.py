"""Folders for files the tests write, inside pytest's temporary folder.

Helpers that cache a conversion for the whole run (converted.py,
case_runs.py) cannot take the ``tmp_path_factory`` fixture; conftest.py
hands it over here at the start of the session, so every file lands under
pytest's base folder and goes when pytest removes it (pyproject.toml keeps
the folders of failed runs only).
"""

from __future__ import annotations

from pathlib import Path

import pytest

_factory: pytest.TempPathFactory | None = None


def use(factory: pytest.TempPathFactory) -> None:
    global _factory
    _factory = factory


def folder(name: str) -> Path:
    """A new, empty folder for this session (``name`` numbered if taken)."""
    if _factory is None:
        raise RuntimeError("scratch folders exist only in a pytest session (conftest.py sets them up)")
    return _factory.mktemp(name)
