"""Property tests: the value parser, random table cells and randomly damaged
samples.  Whatever the damage, kcxbrl raises nothing but its own errors, never
writes a file that fails validation, and never writes a fact whose number is
not printed on the line its source names.

CI runs a bounded, repeatable search (50 examples; fewer for whole filings).
A longer, random search:
    KCXBRL_HYPOTHESIS_EXAMPLES=2000 python -m pytest tests/test_hostile_properties.py
"""

from __future__ import annotations

import os
import re
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from kcxbrl.pipeline import ConversionResult, convert_document, convert_files
from kcxbrl.errors import KcxbrlError
from kcxbrl.findings import Level
from kcxbrl.text.read import clean_text, decode, read_text
from kcxbrl.validation.validator import validate_file
from kcxbrl.text.values import parse_date, parse_number
from paths import SAMPLES

LONG = int(os.environ.get("KCXBRL_HYPOTHESIS_EXAMPLES", "0"))


def bounded(examples: int) -> settings:
    """``examples`` in CI, repeatable; the longer random run when the variable is set."""
    return settings(
        max_examples=LONG or examples, deadline=None, derandomize=not LONG, database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def sample_text(prefix: str) -> str:
    return next(SAMPLES.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


# --- the value parser -------------------------------------------------------------------

_WIDE = {ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789,."}


@st.composite
def printed_decimals(draw: st.DrawFn) -> tuple[Decimal, int, bool, str]:
    """A Decimal and one way a filing prints it: grouping, sign style, currency, percent, markup."""
    places = draw(st.integers(0, 4))
    value = draw(st.decimals(min_value=-10**13, max_value=10**13, places=places, allow_nan=False,
                             allow_infinity=False))
    digits = f"{abs(value):,.{places}f}" if draw(st.booleans()) else f"{abs(value):.{places}f}"
    if draw(st.booleans()):
        digits = digits.translate(_WIDE)
    currency = draw(st.sampled_from(["", "RMB", "US$", "HK$", "USD ", "RMB\u00a0"]))
    percent = draw(st.booleans()) and not currency
    negative = value < 0
    if negative:
        style = draw(st.sampled_from(["({c}{d})", "{c}({d})", "-{c}{d}", "\u2212{c}{d}", "\u2013{c}{d}"]))
    else:
        style = "{c}{d}"
    text = style.format(c=currency, d=digits)
    if percent:
        text += "%"
    text = draw(st.sampled_from(["{}", "**{}**", "<b>{}</b>", " {} ", "<i>{}</i>"])).format(text)
    return value, places, percent, text


@bounded(50)
@given(printed_decimals())
def test_every_printed_decimal_reads_back(case: tuple[Decimal, int, bool, str]) -> None:
    value, places, percent, text = case
    number = parse_number(text)
    assert number is not None, text
    assert number.value == value and number.decimals == places and number.percent is percent, text


@bounded(50)
@given(st.text(max_size=40))
def test_any_text_is_a_number_or_none_and_never_an_exception(text: str) -> None:
    number = parse_number(text)
    assert number is None or isinstance(number.value, Decimal)
    parse_date(text)


# --- random table cells --------------------------------------------------------------------

_CELL = st.text(alphabet=st.sampled_from(list("0123456789,.()-\u2013%$ RMBUSDHKn/a*<>|&#;'\u00a0\uff10x")),
                max_size=12)
_LABELS = st.sampled_from(["Cash and cash equivalents", "Total assets", "Revenues", "Gross profit",
                           "Total current liabilities", "", "Widgets"]) | st.text(max_size=20)


@bounded(50)
@given(st.lists(st.tuples(_LABELS, st.lists(_CELL, max_size=7)), min_size=1, max_size=8),
       st.sampled_from(["\tDec 31, 2025\tMar 31, 2026\tMar 31, 2026", "\t2024\t2025", "", "\tNote\t2031"]),
       st.sampled_from(["\tRMB\tRMB\tUS$", "\tRMB'000\tRMB'000", "", "\tHKD"]))
def test_random_cell_shapes_raise_nothing_but_kcxbrl_errors(rows, header: str, currency: str) -> None:
    body = "\n".join(label.replace("\n", " ") + "".join("\t" + c for c in cells) for label, cells in rows)
    text = (
        "FORM 6-K\n\nFor the month of May 2026\n\nEXHIBIT INDEX\n\nExhibit No.\tDescription\n"
        "99.1\tFirst Quarter 2026 Financial Results\n\n"
        "**UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS**\n(All amounts in thousands)\n\n"
        f"{header}\n{currency}\n{body}\n"
    )
    try:
        conversion = convert_document(read_text(text, "random.txt"))
    except KcxbrlError:
        return
    lines = text.split("\n")
    for fact in conversion.instance.facts:
        if not isinstance(fact.value, str):
            for source in fact.sources:
                assert printed_on(lines[source.line - 1], fact.value), (fact, source)


# --- damaged samples through the whole pipeline ------------------------------------------------

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_NIL = re.compile(r"[-\u2013\u2014\u2212]|(?<![\d.])0(?![\d.])")
# the scales a printed figure may carry: percent, units, thousands, millions, billions
_SCALES = (-2, 0, 3, 6, 9)


def printed_on(line: str, value: Decimal) -> bool:
    """The fact's number (in any of the filing's scales) is printed on the line."""
    text = clean_text(line)
    target = abs(value)
    if target == 0 and _NIL.search(text):
        return True
    return any(Decimal(m.replace(",", "")).scaleb(k) == target for m in _NUMBER.findall(text) for k in _SCALES)


def _lines(path: Path) -> list[str]:
    return re.split(r"\r\n|\r|\n", decode(path.read_bytes(), path.name))


def check_result(result: ConversionResult, path: Path, out: Path) -> None:
    """Nothing invalid written, every number on its cited line."""
    instance = out / f"{path.stem}.xbrl"
    if result.unreadable is not None or not result.written:
        assert not instance.exists()
        return
    assert [f for f in validate_file(instance) if f.level is Level.ERROR] == []
    for written in out.iterdir():
        if written.suffix in (".xsd", ".xml", ".xbrl"):
            etree.parse(str(written))  # well-formed, or this raises
    lines = _lines(path)
    for fact in result.conversion.instance.facts:
        if isinstance(fact.value, str):
            continue
        assert fact.sources, fact
        for source in fact.sources:
            assert source.file == str(path)
            assert printed_on(lines[source.line - 1], fact.value), (fact.concept, fact.value, source)


def _table_starts(lines: list[str]) -> list[int]:
    """The index of the first line of every run of table lines."""
    table = [("\t" in line or line.lstrip().startswith("|")) and bool(line.strip()) for line in lines]
    return [i for i, is_row in enumerate(table) if is_row and (i == 0 or not table[i - 1])]


_OPS = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 10**6)),
    st.tuples(st.just("duplicate"), st.integers(0, 10**6)),
    st.tuples(st.just("shift"), st.integers(0, 10**6)),
    st.tuples(st.just("garbage"), st.integers(0, 10**6), st.integers(1, 6),
              st.sampled_from(["n/a", "1,2,3", "(12", "12)", "--", "x", "", "1.2.3", "\u00a0", "9" * 30, "(0)"])),
    st.tuples(st.just("truncate"), st.integers(0, 10**6)),
    st.tuples(st.just("flip"), st.integers(0, 10**7), st.integers(1, 127)),  # ASCII stays ASCII: control characters, not only refusals
)


def mutate(text: str, ops: list[tuple]) -> bytes:
    lines = text.split("\n")
    flips = []
    for op in ops:
        kind, where = op[0], op[1]
        rows = [i for i, line in enumerate(lines) if "\t" in line] or [0]
        row = rows[where % len(rows)]
        if kind == "delete":
            del lines[row]
        elif kind == "duplicate":
            lines.insert(row, lines[row])
        elif kind == "shift":
            lines[row] = "\t" + lines[row]
        elif kind == "garbage":
            cells = lines[row].split("\t")
            cells[op[2] % len(cells)] = op[3]
            lines[row] = "\t".join(cells)
        elif kind == "truncate":
            starts = _table_starts(lines) or [len(lines)]
            start = starts[where % len(starts)]
            lines = lines[: start + where % 7]  # at a table, or a few rows into it
        else:
            flips.append(op)
    data = bytearray("\n".join(lines).encode("utf-8"))
    for _, where, byte in flips:
        if data:
            data[where % len(data)] ^= byte
    return bytes(data)


@pytest.fixture(scope="module")
def damaged_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where each example writes (a folder of its own, removed after it)."""
    return tmp_path_factory.mktemp("hostile")


@bounded(20)
@given(st.sampled_from(["000", "003", "003", "004", "002"]), st.lists(_OPS, min_size=1, max_size=3))
def test_damaged_samples_never_raise_never_write_invalid_files_never_misplace_a_number(
        damaged_root: Path, prefix: str, ops) -> None:
    with tempfile.TemporaryDirectory(dir=damaged_root) as folder:
        path = Path(folder) / f"{prefix}_damaged.txt"
        path.write_bytes(mutate(sample_text(prefix), ops))
        out = Path(folder) / "out"
        (result,) = convert_files([path], out)
        check_result(result, path, out)


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_truncation_at_every_table(prefix: str, tmp_path: Path) -> None:
    """Cut just before each table: the instance stays valid and every number sits on its line."""
    lines = sample_text(prefix).split("\n")
    starts = _table_starts(lines)
    assert len(starts) > 5
    for start in starts:
        path = tmp_path / f"{prefix}_cut_{start}.txt"
        path.write_text("\n".join(lines[:start]), encoding="utf-8")
        out = tmp_path / f"out_{start}"
        (result,) = convert_files([path], out)
        check_result(result, path, out)


def test_a_cut_results_filing_says_its_statements_are_missing(tmp_path: Path) -> None:
    lines = sample_text("003").split("\n")
    cut = next(i for i, line in enumerate(lines) if "STATEMENTS OF COMPREHENSIVE LOSS" in line.upper())
    path = tmp_path / "003_cut.txt"
    path.write_text("\n".join(lines[:cut]), encoding="utf-8")
    (result,) = convert_files([path], tmp_path / "out")
    missing = sorted(f.message.split(" role ")[1].split()[0] for f in result.findings
                     if f.code == "kcxbrl:statementMissing")
    assert missing == ["CashFlowStatement", "StatementOfComprehensiveLoss"]
