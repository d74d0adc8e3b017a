"""Column headers of a table: periods, currencies, scales and column kinds
(kcxbrl.extract.headers), on small tables written here.  The tables of the
bundled samples are test_headers_samples.py."""

from __future__ import annotations

from datetime import date

import pytest

from header_periods import FY2024, FY2025, H1_2024, H1_2025, Q1_2025, Q1_2026, Q4_2025, summary
from kcxbrl.findings import Level
from kcxbrl.extract.headers import data_rows, resolve_layout, scale_from_text
from kcxbrl.xbrl.model import ColumnKind, Period, Row, Table
from kcxbrl.text.read import read_text


def table_of(text: str) -> Table:
    (table,) = read_text(text, "t.txt").tables
    return table


# --- scale_from_text --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "scale"),
    [
        ("(All amounts in thousands, except for share and per share data)", 3),
        ("(All amounts in thousands)", 3),
        ("(All amounts in thousands, except for percentage)", 3),
        ("(Amounts in thousands of Renminbi (“RMB”) and U.S. dollars (“US$”), except for number of shares)", 3),
        ("RMB'000", 3),
        ("RMB’000", 3),
        ("US$'000", 3),
        ("US\\$'000", 3),
        ("(in millions)", 6),
        ("RMB in millions", 6),
        ("Amounts in billions of RMB", 9),
        ("UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS", None),
        ("For the year ended December 31,", None),
        ("", None),
        ("revenues of RMB9,558.6 million", None),
    ],
)
def test_scale_from_text(text: str, scale: int | None) -> None:
    assert scale_from_text(text) == scale


# --- synthetic tables -------------------------------------------------------


def test_year_header_over_three_rows() -> None:
    table = table_of(
        "\tFor the year ended December 31,\t\t\n"
        "\t2024\t2025\t2025\n"
        "\tRMB\tRMB\tUS$\n"
        "Total revenues\t7,785,180\t9,558,619\t1,366,864\n"
    )
    layout, findings = resolve_layout(table, "t.txt", default_scale=3)
    assert findings == []
    assert layout.header_rows == 3
    assert summary(layout) == [
        (ColumnKind.VALUE, FY2024, "CNY", 3, False),
        (ColumnKind.VALUE, FY2025, "CNY", 3, False),
        (ColumnKind.VALUE, FY2025, "USD", 3, False),
    ]
    assert [c.header for c in layout.columns] == [
        "For the year ended December 31, 2024 RMB",
        "For the year ended December 31, 2025 RMB",
        "For the year ended December 31, 2025 US$",
    ]
    assert [c.index for c in layout.columns] == [1, 2, 3]
    assert data_rows(table, layout) == (table.rows[3],)


@pytest.mark.parametrize(
    ("phrase", "end_cell", "period"),
    [
        ("Three Months Ended", "Mar 31, 2025", Q1_2025),
        ("Three Months Ended", "Dec 31, 2025", Q4_2025),
        ("For the quarter ended", "March 31, 2026", Q1_2026),
        ("For the six months ended June 30,", "2025", H1_2025),
        ("Six months ended", "30 June 2024", H1_2024),
        ("Nine months ended", "Sep 30, 2025", Period(date(2025, 1, 1), date(2025, 9, 30))),
        ("For the month ended", "31 December 2025", Period(date(2025, 12, 1), date(2025, 12, 31))),
        ("Year ended", "Dec 31, 2024", FY2024),
        ("Twelve months ended", "June 30, 2025", Period(date(2024, 7, 1), date(2025, 6, 30))),
        ("As at", "Dec 31, 2024", Period(None, date(2024, 12, 31))),
        ("As of December 31,", "2025", Period(None, date(2025, 12, 31))),
        ("", "Mar 31, 2026", Period(None, date(2026, 3, 31))),
    ],
)
def test_period_phrases(phrase: str, end_cell: str, period: Period) -> None:
    table = table_of(f"\t{phrase}\n\t{end_cell}\nCash\t1,234\n")
    layout, findings = resolve_layout(table, "t.txt")
    assert findings == []
    assert layout.columns[0].period == period


def test_four_row_header_with_merged_phrase() -> None:
    table = table_of(
        "\tThree Months Ended\t\t\t\n"
        "\tMar 31,\tDec 31,\tMar 31,\tMar 31,\n"
        "\t2025\t2025\t2026\t2026\n"
        "\tRMB\tRMB\tRMB\tUS$\n"
        "Operating loss\t(234,201)\t(66,450)\t(166,108)\t(24,081)\n"
    )
    layout, findings = resolve_layout(table, "t.txt", 3)
    assert findings == []
    assert layout.header_rows == 4
    assert [c.period for c in layout.columns] == [Q1_2025, Q4_2025, Q1_2026, Q1_2026]
    assert [c.currency for c in layout.columns] == ["CNY", "CNY", "CNY", "USD"]


def test_thousands_header_sets_scale_per_column() -> None:
    table = table_of("\tFor the year ended December 31,\t\n\t2024\t2025\n\tRMB'000\tUS$'000\nA\t1\t2\n")
    layout, _ = resolve_layout(table, "t.txt", default_scale=0)
    assert [(c.currency, c.scale) for c in layout.columns] == [("CNY", 3), ("USD", 3)]


@pytest.mark.parametrize(
    ("token", "currency"),
    [("RMB", "CNY"), ("US$", "USD"), ("US\\$", "USD"), ("USD", "USD"), ("HK$", "HKD")],
)
def test_currency_tokens(token: str, currency: str) -> None:
    table = table_of(f"\tAs at Dec 31, 2025\n\t{token}\nCash\t1\n")
    layout, _ = resolve_layout(table, "t.txt")
    assert layout.columns[0].currency == currency


def test_notes_column_and_label_notes() -> None:
    with_notes = table_of("\tNotes\tAs at December 31,\t\n\t\t2024\t2025\nReceivables\t4\t1,468,663\t1,740,472\n")
    layout, findings = resolve_layout(with_notes, "t.txt", 3)
    assert findings == []
    assert [c.kind for c in layout.columns] == [ColumnKind.NOTE, ColumnKind.VALUE, ColumnKind.VALUE]
    assert layout.columns[0].period is None
    assert [c.period for c in layout.value_columns] == [
        Period(None, date(2024, 12, 31)),
        Period(None, date(2025, 12, 31)),
    ]

    label_notes = table_of("Notes\tAs at\t\n\tDec 31, 2024\tJun 30, 2025\nBorrowings\t1,660,584\t2,396,554\n")
    layout, findings = resolve_layout(label_notes, "t.txt", 3)
    assert findings == []
    assert layout.header_rows == 2
    assert [c.kind for c in layout.columns] == [ColumnKind.VALUE, ColumnKind.VALUE]


@pytest.mark.parametrize("header", ["Year-on-year\tChange", "Change", "YoY", "Year-over-year change %"])
def test_change_columns(header: str) -> None:
    top, bottom = (header.split("\t") + [""])[:2]
    table = table_of(f"\tFor the year ended December 31,\t\t{top}\n\t2024\t2025\t{bottom}\nRevenues\t1\t2\t22.8%\n")
    layout, findings = resolve_layout(table, "t.txt")
    assert findings == []
    assert [c.kind for c in layout.columns] == [ColumnKind.VALUE, ColumnKind.VALUE, ColumnKind.CHANGE]
    assert layout.columns[2].period is None


def test_lower_rows_do_not_span_into_a_column_the_upper_row_separated() -> None:
    table = table_of(
        "\tFor the six months ended June 30,\t\tYear-on-year Change %\n"
        "\t2024\t2025\t\n"
        "\tRMB'000\tRMB'000\t\n"
        "Revenues\t3,667,464\t4,319,204\t17.8%\n"
    )
    layout, _ = resolve_layout(table, "t.txt")
    change = layout.columns[2]
    assert change.header == "Year-on-year Change %"
    assert (change.kind, change.currency, change.percent) == (ColumnKind.CHANGE, None, True)


def test_percent_header_columns() -> None:
    table = table_of("\tFor the year ended December 31,\t\n\t2024\t2025\n\t(%)\t(%)\nNet loss margin\t(25.4)\t(9.9)\n")
    layout, findings = resolve_layout(table, "t.txt", default_scale=3)
    assert findings == []
    assert summary(layout) == [
        (ColumnKind.VALUE, FY2024, None, 0, True),
        (ColumnKind.VALUE, FY2025, None, 0, True),
    ]


def test_percentage_values_without_currency() -> None:
    table = table_of("\tThree Months Ended\t\n\tMar 31, 2025\tDec 31, 2025\nNet loss margin\t-16.0%\t-5.9%\n")
    layout, findings = resolve_layout(table, "t.txt", default_scale=3)
    assert findings == []
    assert [(c.period, c.currency, c.percent) for c in layout.columns] == [
        (Q1_2025, None, False),
        (Q4_2025, None, False),
    ]


def test_unaudited_is_noise() -> None:
    table = table_of("\tAs at\t\n\tDecember 31, 2024\tJune 30, 2025\n\tRMB\tRMB (unaudited)\nA\t1\t2\n")
    layout, findings = resolve_layout(table, "t.txt")
    assert findings == []
    assert layout.columns[1].header == "As at June 30, 2025 RMB (unaudited)"
    assert (layout.columns[1].period, layout.columns[1].currency) == (Period(None, date(2025, 6, 30)), "CNY")


def test_table_without_header_rows() -> None:
    table = table_of("Balance at close of preceding month\t40,000,000,000\tUSD\t0.001\nIncrease\t\t\t\n")
    layout, findings = resolve_layout(table, "t.txt", 3)
    assert findings == []
    assert layout.header_rows == 0
    assert [(c.kind, c.period, c.header, c.scale) for c in layout.columns] == [
        (ColumnKind.VALUE, None, "", 3),
        (ColumnKind.VALUE, None, "", 3),
        (ColumnKind.VALUE, None, "", 3),
    ]
    assert data_rows(table, layout) == table.rows


def test_unknown_period_is_a_warning_at_the_header_line() -> None:
    doc = read_text("Caption\n\n\t2024\t2025\nRevenues\t1\t2\n", "f.txt")
    layout, findings = resolve_layout(doc.tables[0], "f.txt")
    assert layout.columns[0].period is None
    assert [(f.level, f.code, f.file, f.line) for f in findings] == [
        (Level.WARNING, "kcxbrl:columnPeriodUnknown", "f.txt", 3),
        (Level.WARNING, "kcxbrl:columnPeriodUnknown", "f.txt", 3),
    ]
    assert "'2024'" in findings[0].message


def test_unknown_period_for_function_table() -> None:
    table = table_of("Function\tNumber of Employees\tPercentage\nResearch and development\t1,120\t7.4%\n")
    layout, findings = resolve_layout(table, "t.txt")
    assert layout.header_rows == 1
    assert [(c.header, c.percent) for c in layout.columns] == [("Number of Employees", False), ("Percentage", True)]
    assert [f.code for f in findings] == ["kcxbrl:columnPeriodUnknown"] * 2
    assert "'Number of Employees'" in findings[0].message


def test_column_without_numbers_gets_no_finding() -> None:
    table = table_of("Exhibit No.\tDescription\n99.1\tMonthly Return\n")
    layout, findings = resolve_layout(table, "t.txt")
    assert layout.header_rows == 1
    assert findings == []


@pytest.mark.parametrize(
    "header",
    [
        "For the years ended December 31, 2024 and 2025",
        "As at Dec 31, 2024 and Jun 30, 2025",
        "As at June 30, December 31, 2025",
    ],
)
def test_two_periods_in_one_column_are_ambiguous(header: str) -> None:
    table = table_of(f"\t{header}\nRevenues\t1\n")
    layout, findings = resolve_layout(table, "t.txt")
    assert layout.columns[0].period is None
    assert [(f.code, f.line) for f in findings] == [("kcxbrl:columnPeriodAmbiguous", 1)]


def test_malformed_margin_table_keeps_its_data_row() -> None:
    table = table_of(
        "\tFor the six months ended June 30,\t\n"
        "\t2024\t2025\n"
        "\tGross margin\t16.7%\n"
        "Adjusted gross margin (Non-GAAP Financial Measure)\t17.0%\t15.7%\n"
    )
    layout, findings = resolve_layout(table, "t.txt")
    assert findings == []
    assert layout.header_rows == 2
    assert [(c.kind, c.period) for c in layout.columns] == [(ColumnKind.VALUE, H1_2024), (ColumnKind.VALUE, H1_2025)]
    assert data_rows(table, layout)[0].cells == ("", "Gross margin", "16.7%")


def test_short_header_rows_are_padded() -> None:
    # the phrase row lost its trailing empty cell; the date row reaches both columns
    table = Table(1, (Row(1, ("", "As at")), Row(2, ("", "Dec 31, 2024", "Dec 31, 2025")), Row(3, ("Cash", "1", "2"))))
    layout, findings = resolve_layout(table, "t.txt")
    assert [c.header for c in layout.columns] == ["As at Dec 31, 2024", "As at Dec 31, 2025"]
    assert findings == []


def test_column_past_every_header_row_has_no_header() -> None:
    # a value under no header belongs to a misshapen row (map_table reports the row)
    table = Table(1, (Row(1, ("", "As at Dec 31, 2025")), Row(2, ("Cash", "1", "2"))))
    layout, findings = resolve_layout(table, "t.txt")
    assert [(c.header, c.period) for c in layout.columns] == [
        ("As at Dec 31, 2025", Period(None, date(2025, 12, 31))), ("", None)]
    assert findings == []


def test_header_only_table() -> None:
    table = table_of("\tAs at\n\tDec 31, 2025\n")
    layout, findings = resolve_layout(table, "t.txt")
    assert layout.header_rows == 2
    assert data_rows(table, layout) == ()
    assert findings == []
