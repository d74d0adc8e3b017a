"""Shared pytest configuration."""

from __future__ import annotations

import pytest

import scratch


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "arelle: runs the Arelle XBRL processor")


@pytest.fixture(scope="session", autouse=True)
def _scratch_folders(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Session-wide caches write under pytest's temporary folder too."""
    scratch.use(tmp_path_factory)
