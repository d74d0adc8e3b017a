"""Column groups side by side: a quarter and a full year in one table.

A fourth-quarter press release prints "Three Months Ended" over four columns
and "Year Ended" over three, dates on the next line and currencies on a third.
Every header shape below must give each column its own period, currency and
scale; a column two group phrases could head is a finding, never a guess.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Callable

import pytest

from kcxbrl.pipeline import convert_document
from kcxbrl.extract.headers import resolve_layout
from kcxbrl.extract.mapping import TableResult, map_table
from kcxbrl.xbrl.model import ColumnKind, Layout, Period, Table
from kcxbrl.text.read import read_filing, read_text
from kcxbrl.extract.tables import place_tables
from kcxbrl.xbrl.taxonomy import default_taxonomy
from paths import SAMPLES
from sample_tables import STATEMENT_HEAD


Q4_2024 = Period(date(2024, 10, 1), date(2024, 12, 31))
Q3_2025 = Period(date(2025, 7, 1), date(2025, 9, 30))
Q4_2025 = Period(date(2025, 10, 1), date(2025, 12, 31))
FY2024 = Period(date(2024, 1, 1), date(2024, 12, 31))
FY2025 = Period(date(2025, 1, 1), date(2025, 12, 31))

DATES = [date(2024, 12, 31), date(2025, 9, 30), date(2025, 12, 31), date(2025, 12, 31),
         date(2024, 12, 31), date(2025, 12, 31), date(2025, 12, 31)]
CURRENCIES = ["RMB", "RMB", "RMB", "US$", "RMB", "RMB", "US$"]
EXPECTED = [
    (Q4_2024, "CNY"), (Q3_2025, "CNY"), (Q4_2025, "CNY"), (Q4_2025, "USD"),
    (FY2024, "CNY"), (FY2025, "CNY"), (FY2025, "USD"),
]
# Kingsoft Cloud's fourth quarter and full year 2025 revenues (RMB thousands, US$ thousands)
REVENUES = ["2,228,153", "2,478,468", "2,773,542", "396,610", "7,785,180", "9,558,619", "1,366,864"]

DATE_SHAPES: dict[str, Callable[[date], list[str]]] = {
    "Dec 31, 2025": lambda d: [d.strftime("%b %-d, %Y")],
    "December 31, 2025": lambda d: [d.strftime("%B %-d, %Y")],
    "Dec. 31, 2025": lambda d: [d.strftime("%b. %-d, %Y")],
    "31 December 2025": lambda d: [d.strftime("%-d %B %Y")],
    "2025-12-31": lambda d: [d.isoformat()],
    "Dec 31, / 2025": lambda d: [d.strftime("%b %-d,"), str(d.year)],
}

PHRASES = [
    ("Three Months Ended", "Year Ended"),
    ("Three months ended", "Year ended"),
    ("For the three months ended", "For the year ended"),
    ("Quarter ended", "Twelve months ended"),
]

# Where the group phrase sits in its row, for groups of four and three columns.
PLACEMENTS: dict[str, Callable[[str, str], list[str]]] = {
    "over the first column": lambda q, y: [q, "", "", "", y, "", ""],
    "centred, left of middle": lambda q, y: ["", q, "", "", "", y, ""],
    "centred, right of middle": lambda q, y: ["", "", q, "", "", y, ""],
    "printed over every column": lambda q, y: [q, q, q, q, y, y, y],
}


def render(rows: list[list[str]], form: str) -> str:
    """Rows of cells as tab-separated lines or as a Markdown pipe table."""
    if form == "tab":
        return "".join("\t".join(r) + "\n" for r in rows)
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    lines.insert(1, "|" + "---|" * len(rows[0]))
    return "\n".join(lines) + "\n"


def header_rows(group: list[str], dates: Callable[[date], list[str]]) -> list[list[str]]:
    printed = [dates(d) for d in DATES]
    date_rows = [[""] + [p[i] for p in printed] for i in range(len(printed[0]))]
    return [[""] + group, *date_rows, [""] + CURRENCIES]


def table_text(group: list[str], dates: Callable[[date], list[str]], form: str) -> str:
    return render([*header_rows(group, dates), ["Total revenues", *REVENUES]], form)


def columns(layout: Layout) -> list[tuple[Period | None, str | None, int]]:
    return [(c.period, c.currency, c.scale) for c in layout.value_columns]


def only_table(text: str) -> Table:
    (table,) = read_text(text, "t.txt").tables
    return table


@pytest.mark.parametrize("form", ["tab", "pipe"])
@pytest.mark.parametrize("placement", sorted(PLACEMENTS))
@pytest.mark.parametrize("phrases", PHRASES, ids=[q for q, _ in PHRASES])
def test_quarter_and_year_groups(form: str, placement: str, phrases: tuple[str, str]) -> None:
    text = table_text(PLACEMENTS[placement](*phrases), DATE_SHAPES["Dec 31, 2025"], form)
    layout, findings = resolve_layout(only_table(text), "t.txt", default_scale=3)
    assert findings == []
    assert layout.header_rows == 3
    assert columns(layout) == [(p, c, 3) for p, c in EXPECTED]


@pytest.mark.parametrize("form", ["tab", "pipe"])
@pytest.mark.parametrize("shape", sorted(DATE_SHAPES))
@pytest.mark.parametrize("placement", ["over the first column", "centred, left of middle"])
def test_date_shapes(form: str, shape: str, placement: str) -> None:
    text = table_text(PLACEMENTS[placement]("Three Months Ended", "Year Ended"), DATE_SHAPES[shape], form)
    layout, findings = resolve_layout(only_table(text), "t.txt", default_scale=3)
    assert findings == []
    assert columns(layout) == [(p, c, 3) for p, c in EXPECTED]


@pytest.mark.parametrize("form", ["tab", "pipe"])
def test_scale_printed_with_each_currency(form: str) -> None:
    rows = header_rows(PLACEMENTS["centred, left of middle"]("Three Months Ended", "Year Ended"),
                       DATE_SHAPES["Dec 31, 2025"])
    rows[-1] = [""] + [f"{c}'000" for c in CURRENCIES]
    layout, findings = resolve_layout(only_table(render([*rows, ["Total revenues", *REVENUES]], form)), "t.txt")
    assert findings == []
    assert columns(layout) == [(p, c, 3) for p, c in EXPECTED]


@pytest.mark.parametrize("form", ["tab", "pipe"])
def test_caption_scale_reaches_every_column_through_place_tables(form: str) -> None:
    body = table_text(PLACEMENTS["centred, left of middle"]("Three Months Ended", "Year Ended"),
                      DATE_SHAPES["Dec 31, 2025"], form)
    doc = read_text("UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF COMPREHENSIVE LOSS\n\n"
                    "(All amounts in thousands, except for share and per share data)\n\n" + body, "t.txt")
    (placed,), findings = place_tables(doc, default_taxonomy())
    assert findings == []
    assert (placed.scale, placed.scale_line) == (3, 3)
    assert columns(placed.layout) == [(p, c, 3) for p, c in EXPECTED]


@pytest.mark.parametrize("form", ["tab", "pipe"])
@pytest.mark.parametrize(
    "group",
    [
        ["Three Months Ended", "", "As of", ""],
        ["", "Three Months Ended", "As of", ""],
        ["Three Months Ended", "Three Months Ended", "As of", "As of"],
    ],
    ids=["first", "centred", "repeated"],
)
def test_durations_next_to_instants(form: str, group: list[str]) -> None:
    rows = [
        [""] + group,
        ["", "Sep 30, 2025", "Dec 31, 2025", "Dec 31, 2024", "Dec 31, 2025"],
        ["", "RMB", "RMB", "RMB", "RMB"],
        ["Cash and cash equivalents", "5,234,100", "6,018,022", "2,648,764", "6,018,022"],
    ]
    layout, findings = resolve_layout(only_table(render(rows, form)), "t.txt", default_scale=3)
    assert findings == []
    assert [c.period for c in layout.value_columns] == [
        Q3_2025, Q4_2025, Period.instant(date(2024, 12, 31)), Period.instant(date(2025, 12, 31))]


@pytest.mark.parametrize(
    ("first", "periods", "codes"),
    [
        ("As of", [Period.instant(date(2024, 12, 31)), Period.instant(date(2025, 12, 31)), Q3_2025, Q4_2025, Q4_2025],
         []),
        # no phrase over the first two columns: instants or part of a centred
        # quarter group? Their bare dates must not decide it
        ("", [None] * 5, ["kcxbrl:columnGroupAmbiguous"] * 5),
    ],
    ids=["as-of", "no-phrase"],
)
def test_columns_before_a_group(first: str, periods: list[Period | None], codes: list[str]) -> None:
    rows = [
        ["", first, "", "Three Months Ended", "", ""],
        ["", "Dec 31, 2024", "Dec 31, 2025", "Sep 30, 2025", "Dec 31, 2025", "Dec 31, 2025"],
        ["", "RMB", "RMB", "RMB", "RMB", "US$"],
        ["Total", "1", "2", "3", "4", "5"],
    ]
    layout, findings = resolve_layout(only_table(render(rows, "tab")), "t.txt")
    assert [f.code for f in findings] == codes
    assert [c.period for c in layout.value_columns] == periods


def test_group_phrase_that_could_head_two_groups_is_a_finding() -> None:
    # "Year Ended" at the last column: the third column is either the quarter's
    # second column or the year's first; nothing in the header decides
    rows = [
        ["", "", "Three Months Ended", "", "Year Ended"],
        ["", "Mar 31, 2025", "Jun 30, 2025", "Dec 31, 2023", "Dec 31, 2024"],
        ["", "RMB", "RMB", "RMB", "RMB"],
        ["Total revenues", "1,000", "2,000", "3,000", "4,000"],
    ]
    layout, findings = resolve_layout(only_table(render(rows, "tab")), "t.txt")
    periods = [c.period for c in layout.value_columns]
    assert periods[:2] == [Period(date(2025, 1, 1), date(2025, 3, 31)), Period(date(2025, 4, 1), date(2025, 6, 30))]
    assert periods[2] is None  # never the instant its bare date would give
    assert periods[3] == FY2024
    assert [(f.code, f.line) for f in findings] == [("kcxbrl:columnGroupAmbiguous", 1)]
    assert "column 3" in findings[0].message
    assert "'Three Months Ended' or 'Year Ended'" in findings[0].message


def test_two_group_phrases_over_one_column_are_ambiguous() -> None:
    rows = [
        ["", "Three Months Ended", "", "", ""],
        ["", "", "", "Year Ended", ""],
        ["", "Sep 30, 2025", "Dec 31, 2025", "Dec 31, 2024", "Dec 31, 2025"],
        ["Total revenues", "1,000", "2,000", "3,000", "4,000"],
    ]
    layout, findings = resolve_layout(only_table(render(rows, "tab")), "t.txt")
    assert [c.period for c in layout.value_columns] == [None] * 4
    assert {f.code for f in findings} <= {"kcxbrl:columnPeriodAmbiguous", "kcxbrl:columnGroupAmbiguous"}
    assert len(findings) == 4


def test_no_split_fits_leaves_every_column_of_the_group_row_open() -> None:
    # the first column has no phrase, and no split into two runs avoids a repeated date
    rows = [
        ["", "", "Three Months Ended", "", "Year Ended", ""],
        ["", "Dec 31, 2025", "Sep 30, 2025", "Dec 31, 2025", "Dec 31, 2024", "Dec 31, 2025"],
        ["Total revenues", "1", "2", "3", "4", "5"],
    ]
    layout, findings = resolve_layout(only_table(render(rows, "tab")), "t.txt")
    assert [c.period for c in layout.value_columns] == [None] * 5
    assert [f.code for f in findings] == ["kcxbrl:columnGroupAmbiguous"] * 5


def test_change_phrase_over_the_last_column_is_not_a_centred_group() -> None:
    rows = [
        ["", "", "", "Change"],
        ["", "Dec 31, 2024", "Dec 31, 2025", "%"],
        ["Total revenues", "7,785,180", "9,558,619", "22.8%"],
    ]
    layout, findings = resolve_layout(only_table(render(rows, "tab")), "t.txt")
    assert findings == []
    assert [(c.kind, c.period) for c in layout.columns] == [
        (ColumnKind.VALUE, Period.instant(date(2024, 12, 31))),
        (ColumnKind.VALUE, Period.instant(date(2025, 12, 31))),
        (ColumnKind.CHANGE, None),
    ]


# --- rows against columns ---------------------------------------------------------

STATEMENT = STATEMENT_HEAD
ROW_LINE = 8  # the first row under the header


def mapped(rows: str) -> TableResult:
    (placed,), _ = place_tables(read_text(STATEMENT + rows, "t.txt"), default_taxonomy())
    return map_table(placed, default_taxonomy(), "t.txt")


def facts_of(result: TableResult) -> list[tuple[str, Period, str | None, Decimal]]:
    return [(d.concept, d.period, d.currency, d.value) for d in result.drafts]


def codes_of(result: TableResult) -> list[tuple[str, int | None]]:
    return [(f.code, f.line) for f in result.findings]


@pytest.mark.parametrize(
    "row",
    [
        "Total revenues\t7,785,180\t9,558,619\t1,366,864\n",  # full width
        "Total revenues\t7,785,180\t9,558,619\t1,366,864\t\n",  # an empty cell more at the end
    ],
)
def test_row_of_the_header_width_fills_its_columns(row: str) -> None:
    result = mapped(row)
    assert codes_of(result) == []
    assert facts_of(result) == [
        ("Revenues", FY2024, "CNY", Decimal("7785180000")),
        ("Revenues", FY2025, "CNY", Decimal("9558619000")),
        ("Revenues", FY2025, "USD", Decimal("1366864000")),
    ]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # a row ending in an empty cell: what it lost at its end was empty
        ("Total revenues\t7,785,180\t9,558,619\t\n", [(FY2024, "CNY", "7785180000"), (FY2025, "CNY", "9558619000")]),
        ("Total revenues\t7,785,180\t\n", [(FY2024, "CNY", "7785180000")]),
        # an empty placeholder keeps the next value in its column
        ("Total revenues\t\t9,558,619\t\n", [(FY2025, "CNY", "9558619000")]),
        ("Total revenues\t\t\t1,366,864\n", [(FY2025, "USD", "1366864000")]),
    ],
)
def test_row_ending_early_keeps_its_values_in_place(row: str, expected: list[tuple[Period, str, str]]) -> None:
    result = mapped(row)
    assert codes_of(result) == []
    assert facts_of(result) == [("Revenues", p, c, Decimal(v)) for p, c, v in expected]


@pytest.mark.parametrize(
    "row",
    [
        "Total revenues\t7,785,180\t9,558,619\n",  # a value lost: first, middle or last?
        "Total revenues\t7,785,180\n",
        "Total revenues\t\t9,558,619\n",
    ],
)
def test_row_stopping_short_at_a_value_places_none(row: str) -> None:
    result = mapped(row)
    assert result.drafts == ()
    assert codes_of(result) == [("kcxbrl:rowShapeMismatch", ROW_LINE)]
    assert "nothing marks which is missing" in result.findings[0].message
    printed = [t for t in row.strip("\n").split("\t")[1:] if t]
    assert [(c.text, c.outcome) for c in result.cells] == [(t, "unmapped") for t in printed]


def test_more_values_than_header_columns_places_none() -> None:
    result = mapped("Total revenues\t7,785,180\t9,558,619\t1,366,864\t22.8%\n")
    assert result.drafts == ()
    assert codes_of(result) == [("kcxbrl:rowShapeMismatch", ROW_LINE)]
    assert "prints 4 cell(s) where the header names 3 column(s)" in result.findings[0].message
    assert [(c.line, c.column, c.text, c.outcome) for c in result.cells] == [
        (ROW_LINE, 1, "7,785,180", "unmapped"), (ROW_LINE, 2, "9,558,619", "unmapped"),
        (ROW_LINE, 3, "1,366,864", "unmapped"), (ROW_LINE, 4, "22.8%", "unmapped")]
    assert all("does not fit the columns" in c.detail for c in result.cells)


@pytest.mark.parametrize(
    "row",
    [
        "\tTotal revenues\t9,558,619\n",  # one value for three columns: which one?
        "\tTotal revenues\t7,785,180\t9,558,619\n",
        "\tTotal revenues\t\t9,558,619\n",  # a placeholder, still one cell short
    ],
)
def test_label_in_a_value_cell_with_cells_missing_places_none(row: str) -> None:
    result = mapped(row)
    assert result.drafts == ()
    assert codes_of(result) == [("kcxbrl:rowShapeMismatch", ROW_LINE)]
    printed = [t for t in row.strip("\n").split("\t")[2:] if t]
    assert [(c.text, c.outcome) for c in result.cells] == [(t, "unmapped") for t in printed]
    assert "are left unplaced" in result.findings[0].message


def test_label_in_a_value_cell_with_every_column_filled_is_read_from_the_first_column() -> None:
    result = mapped("\tTotal revenues\t7,785,180\t9,558,619\t1,366,864\n")
    assert codes_of(result) == [("kcxbrl:malformedRow", ROW_LINE)]
    assert facts_of(result) == [
        ("Revenues", FY2024, "CNY", Decimal("7785180000")),
        ("Revenues", FY2025, "CNY", Decimal("9558619000")),
        ("Revenues", FY2025, "USD", Decimal("1366864000")),
    ]


def test_heading_printed_in_a_value_cell_is_still_a_heading() -> None:
    result = mapped("\tRevenues:\n" "Total revenues\t7,785,180\t9,558,619\t1,366,864\n")
    assert codes_of(result) == []
    assert len(result.drafts) == 3


def test_sample_004_malformed_margin_row_places_no_value() -> None:
    path = next(p for p in SAMPLES.glob("004_*.txt"))
    conversion = convert_document(read_filing(path), default_taxonomy())
    (finding,) = [f for f in conversion.findings if f.line == 103]
    assert (finding.code, finding.level.value) == ("kcxbrl:rowShapeMismatch", "warning")
    assert "'Gross margin'" in finding.message and "(16.7%)" in finding.message
    assert [(c.text, c.outcome) for c in conversion.cells if c.line == 103] == [("16.7%", "unmapped")]
    # H1 2024's gross margin is still a fact: the MD&A states it ("compared with 16.7% in the
    # same period of 2024"), and no table row gives it
    (margin,) = [f for f in conversion.instance.facts if f.concept == "GrossMargin" and f.context.id == "H1-2024"]
    assert margin.value == Decimal("0.167")
    assert 220 in [s.line for s in margin.sources] and all(s.table is None for s in margin.sources)
