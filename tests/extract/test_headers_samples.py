"""Column headers of the bundled samples' tables: each layout as
kcxbrl.extract.headers resolves it with the scale of the caption in reach,
the scale being the one place_tables gives the table (asserted here too)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import pytest

from header_periods import FY2024, FY2025, H1_2024, H1_2025, Q1_2025, Q1_2026, Q4_2025, summary
from kcxbrl.extract.headers import data_rows, resolve_layout
from kcxbrl.extract.tables import place_tables
from kcxbrl.xbrl.model import ColumnKind, Document, Layout, Period, Row, Table, TextLine
from kcxbrl.text.read import read_filing
from kcxbrl.xbrl.taxonomy import default_taxonomy
from paths import SAMPLES
from sample_tables import SAMPLE_SCALES


def sample(prefix: str) -> Document:
    (path,) = [p for p in SAMPLES.glob("*.txt") if p.name.startswith(prefix)]
    return read_filing(path)


@lru_cache(maxsize=8)
def caption_scales(prefix: str) -> dict[int, int]:
    """Table line -> the scale of the caption in reach, as place_tables gives it."""
    placed, _ = place_tables(sample(prefix), default_taxonomy())
    return {t.table.line: t.scale for t in placed}


# tables without a role: the exhibit index and the definitions (002), the exhibit
# index (003); no caption in reach states a scale for them
WITHOUT_ROLE = {"002": [30, 755], "003": [49], "004": []}


@pytest.mark.parametrize("prefix", sorted(WITHOUT_ROLE))
def test_the_layouts_here_take_the_caption_scale_the_filing_states(prefix: str) -> None:
    """The scale every sample layout below is resolved with: place_tables' answer, as read off the filing."""
    expected = {line: scale for line, (scale, _) in SAMPLE_SCALES[prefix].items()}
    expected |= {line: 0 for line in WITHOUT_ROLE[prefix]}
    assert caption_scales(prefix) == expected


def sample_layout(prefix: str, line: int) -> tuple[Table, Layout, list[str]]:
    doc = sample(prefix)
    (table,) = [t for t in doc.tables if t.line == line]
    layout, findings = resolve_layout(table, doc.path, caption_scales(prefix)[line])
    return table, layout, [f.code for f in findings]


# --- the bundled samples ----------------------------------------------------


def test_002_total_revenues_table() -> None:
    doc = sample("002")
    (table,) = [t for t in doc.tables if any(r.label == "Total revenues" for r in t.rows) and t.line == 191]
    assert TextLine(189, "(All amounts in thousands, except for share and per share data)") in doc.text_lines
    layout, findings = resolve_layout(table, doc.path, caption_scales("002")[table.line])
    assert findings == []
    assert summary(layout) == [
        (ColumnKind.VALUE, FY2024, "CNY", 3, False),
        (ColumnKind.VALUE, FY2025, "CNY", 3, False),
        (ColumnKind.VALUE, FY2025, "USD", 3, False),
    ]
    assert data_rows(table, layout)[0] == Row(194, ("Revenues:", "", "", ""))


def test_002_notes_column_in_second_print_of_the_statement() -> None:
    table, layout, codes = sample_layout("002", 360)
    assert codes == []
    assert summary(layout) == [
        (ColumnKind.NOTE, None, None, 0, False),
        (ColumnKind.VALUE, FY2024, "CNY", 3, False),
        (ColumnKind.VALUE, FY2025, "CNY", 3, False),
        (ColumnKind.VALUE, FY2025, "USD", 3, False),
    ]
    assert data_rows(table, layout)[1].cells[:3] == ("Public cloud services", "3", "5,007,251")


def test_002_financial_highlights_change_column() -> None:
    _, layout, codes = sample_layout("002", 71)
    assert codes == []
    assert summary(layout) == [
        (ColumnKind.VALUE, FY2024, "CNY", 3, False),
        (ColumnKind.VALUE, FY2025, "CNY", 3, False),
        (ColumnKind.CHANGE, None, None, 0, True),
    ]
    assert layout.columns[2].header == "Year-on-year Change %"


def test_002_percent_tables() -> None:
    _, layout, codes = sample_layout("002", 137)
    assert codes == []
    assert summary(layout) == [(ColumnKind.VALUE, FY2024, None, 0, True), (ColumnKind.VALUE, FY2025, None, 0, True)]


@pytest.mark.parametrize("line", [405, 435])
def test_002_balance_sheet_split_by_page_break(line: int) -> None:
    _, layout, codes = sample_layout("002", line)
    assert codes == []
    instants = [c.period for c in layout.value_columns]
    assert instants == [
        Period(None, date(2024, 12, 31)),
        Period(None, date(2025, 12, 31)),
        Period(None, date(2025, 12, 31)),
    ]
    assert [c.currency for c in layout.value_columns] == ["CNY", "CNY", "USD"]


def test_003_balance_sheet_dates_without_as_at() -> None:
    _, layout, codes = sample_layout("003", 176)
    assert codes == []
    assert summary(layout) == [
        (ColumnKind.VALUE, Period(None, date(2025, 12, 31)), "CNY", 3, False),
        (ColumnKind.VALUE, Period(None, date(2026, 3, 31)), "CNY", 3, False),
        (ColumnKind.VALUE, Period(None, date(2026, 3, 31)), "USD", 3, False),
    ]


def test_003_quarterly_statement() -> None:
    table, layout, codes = sample_layout("003", 228)
    assert codes == []
    assert layout.header_rows == 2
    assert summary(layout) == [
        (ColumnKind.VALUE, Q1_2025, "CNY", 3, False),
        (ColumnKind.VALUE, Q4_2025, "CNY", 3, False),
        (ColumnKind.VALUE, Q1_2026, "CNY", 3, False),
        (ColumnKind.VALUE, Q1_2026, "USD", 3, False),
    ]
    assert data_rows(table, layout)[0].label == "Revenues:"


@pytest.mark.parametrize("line", [266, 314])
def test_003_reconciliation_header_over_four_rows(line: int) -> None:
    table, layout, codes = sample_layout("003", line)
    assert codes == []
    assert layout.header_rows == 4
    assert [c.period for c in layout.columns] == [Q1_2025, Q4_2025, Q1_2026, Q1_2026]
    assert [c.currency for c in layout.columns] == ["CNY", "CNY", "CNY", "USD"]
    assert layout.columns[0].header == "Three Months Ended Mar 31, 2025 RMB"
    assert data_rows(table, layout)[0].cells[:2] in (("Gross profit", "318,306"), ("Operating loss", "(234,201)"))


@pytest.mark.parametrize("line", [281, 331])
def test_003_percentage_tables(line: int) -> None:
    _, layout, codes = sample_layout("003", line)
    assert codes == []
    assert [(c.period, c.currency) for c in layout.columns] == [(Q1_2025, None), (Q4_2025, None), (Q1_2026, None)]


def test_004_balance_sheet_instants() -> None:
    _, layout, codes = sample_layout("004", 395)
    assert codes == []
    assert summary(layout) == [
        (ColumnKind.NOTE, None, None, 0, False),
        (ColumnKind.VALUE, Period(None, date(2024, 12, 31)), "CNY", 3, False),
        (ColumnKind.VALUE, Period(None, date(2025, 6, 30)), "CNY", 3, False),
        (ColumnKind.VALUE, Period(None, date(2025, 6, 30)), "USD", 3, False),
    ]
    assert layout.columns[1].header == "As at Dec 31, 2024 RMB"


def test_004_notes_in_label_cell_is_not_a_notes_column() -> None:
    table, layout, codes = sample_layout("004", 429)
    assert codes == []
    assert layout.header_rows == 3
    assert [c.kind for c in layout.columns] == [ColumnKind.VALUE] * 3
    assert [c.period for c in layout.columns] == [
        Period(None, date(2024, 12, 31)),
        Period(None, date(2025, 6, 30)),
        Period(None, date(2025, 6, 30)),
    ]
    assert data_rows(table, layout)[0] == Row(432, ("Non-current liabilities:", "", "", ""))


@pytest.mark.parametrize("line", [557, 566, 633])
def test_004_receivable_and_payable_notes_with_unaudited(line: int) -> None:
    _, layout, codes = sample_layout("004", line)
    assert codes == []
    assert [(c.period, c.currency) for c in layout.columns] == [
        (Period(None, date(2024, 12, 31)), "CNY"),
        (Period(None, date(2025, 6, 30)), "CNY"),
        (Period(None, date(2025, 6, 30)), "USD"),
    ]


def test_004_malformed_margin_table() -> None:
    table, layout, codes = sample_layout("004", 101)
    assert codes == []
    assert layout.header_rows == 2
    assert [(c.kind, c.period) for c in layout.columns] == [(ColumnKind.VALUE, H1_2024), (ColumnKind.VALUE, H1_2025)]
    assert [r.line for r in data_rows(table, layout)] == [103, 104]


def test_004_financial_highlights() -> None:
    _, layout, codes = sample_layout("004", 72)
    assert codes == []
    assert summary(layout) == [
        (ColumnKind.VALUE, H1_2024, "CNY", 3, False),
        (ColumnKind.VALUE, H1_2025, "CNY", 3, False),
        (ColumnKind.CHANGE, None, None, 0, True),
    ]


def test_003_bold_tagged_cells_resolve() -> None:
    doc = sample("003")
    (table,) = [t for t in doc.tables if t.line == 266]
    assert table.rows[0].cells == ("", "Three Months Ended", "", "", "")
    layout, _ = resolve_layout(table, doc.path, 3)
    assert data_rows(table, layout)[0].cells == ("Gross profit", "318,306", "465,350", "345,748", "50,123")


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_monthly_return_tables_resolve_without_findings(prefix: str) -> None:
    doc = sample(prefix)
    for table in doc.tables:
        layout, findings = resolve_layout(table, doc.path)
        assert findings == []
        assert len(layout.columns) == table.width - 1


UNRESOLVED = {
    "002": [(30, []), (287, ["kcxbrl:columnPeriodUnknown"] * 2)],
    "003": [(49, [])],
    "004": [(280, ["kcxbrl:columnPeriodUnknown"] * 2)],
}


@pytest.mark.parametrize("prefix", sorted(UNRESOLVED))
def test_every_financial_table_resolves_its_periods(prefix: str) -> None:
    doc = sample(prefix)
    unresolved = []
    for table in doc.tables:
        layout, findings = resolve_layout(table, doc.path, caption_scales(prefix)[table.line])
        if layout.header_rows and any(c.period is None for c in layout.value_columns):
            unresolved.append((table.line, [f.code for f in findings]))
    # Only the exhibit index (text, no findings) and the employees-by-function
    # table (its date is in the sentence above) name no period in a header.
    assert unresolved == UNRESOLVED[prefix]


@pytest.mark.parametrize("prefix", ["002", "003", "004"])
def test_sample_layouts_here_are_the_ones_place_tables_gives(prefix: str) -> None:
    doc = sample(prefix)
    placed, _ = place_tables(doc, default_taxonomy())
    for t in placed:
        layout, _ = resolve_layout(t.table, doc.path, caption_scales(prefix)[t.table.line])
        assert layout.header_rows == t.layout.header_rows
        assert [(c.kind, c.currency, c.scale) for c in layout.columns] == [
            (c.kind, c.currency, c.scale) for c in t.layout.columns]
