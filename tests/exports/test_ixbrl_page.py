"""The Inline XBRL page in a real browser: headless Chromium renders it.

``--dump-dom`` gives the document as the browser built it (parsed as HTML,
as a browser opens a saved ``.html`` file); ``--screenshot`` draws it.  The
screenshot is kept in ``tests/artifacts/`` (not in version control) to look at.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import lxml.html
import pytest

from case_runs import sample_run
from converted import sample
from paths import TESTS

ARTIFACTS = TESTS / "artifacts"
WIDTH, HEIGHT = 1280, 2000
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _browser() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


pytestmark = pytest.mark.skipif(_browser() is None, reason="no chromium binary found (apt-get install chromium)")


def _chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    command = [
        str(_browser()), "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars",
        f"--user-data-dir={profile}", *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=True)


@pytest.fixture(scope="module")
def page() -> Path:
    """Sample 002's page, from its golden case run (converted with --ixbrl)."""
    return sample_run("002").file(".html")


def _statement_rows(dom: lxml.html.HtmlElement) -> tuple[list[str], dict[str, list[str]]]:
    """The income statement's first table: its column headers and each row's cells by label."""
    section = dom.get_element_by_id("s-StatementOfComprehensiveLoss")
    table = section.find_class("statement")[0]
    headers = [" ".join(th.text_content().split()) for th in table.findall("./thead/tr/th")]
    rows = {}
    for tr in table.findall("./tbody/tr"):
        cells = [" ".join(td.text_content().split()) for td in tr.findall("./td")]
        rows.setdefault(cells[0], cells)
    return headers, rows


def test_the_browser_shows_the_income_statement(page: Path, tmp_path: Path) -> None:
    dumped = _chromium("--dump-dom", page.as_uri(), profile=tmp_path / "profile").stdout
    dom = lxml.html.fromstring(dumped)
    assert dom.find(".//h1").text_content() == "Kingsoft Cloud Holdings Limited"
    headers, rows = _statement_rows(dom)
    column = next(i for i, h in enumerate(headers) if "2025" in h and "RMB" in h)
    assert "2024" in headers[column - 1] and "US$" in headers[column + 1]
    assert rows["Total revenues"][column] == "9,558,619"
    assert rows["Cost of revenues"][column] == "(8,055,211)"
    assert rows["Net loss attributable to Kingsoft Cloud Holdings Limited"][column] == "(936,251)"
    assert rows["Others"][column] == "–"
    # every number says where it was printed
    line = next(n for n, text in enumerate(sample("002").read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("Total revenues"))
    titles = [td.get("title") for td in dom.get_element_by_id("s-StatementOfComprehensiveLoss").iter("td")]
    assert any(t and t.startswith(f"{sample_run('002').case.input}:{line} ") for t in titles)
    # the summary counts what the instance holds
    counts = {" ".join(td.text_content().split()) for td in dom.find_class("counts")[0].iter("td")}
    assert {"442 facts", "45 contexts", "0 errors"} <= counts


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_a_screenshot_is_kept(page: Path, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "ixbrl-page-002.png"
    shot.unlink(missing_ok=True)
    _chromium(f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}", page.as_uri(), profile=tmp_path / "profile")
    data = shot.read_bytes()
    assert _png_size(data) == (WIDTH, HEIGHT)
    assert len(data) > 50_000  # a drawn page, not a blank one
    print(f"screenshot: {shot}")
