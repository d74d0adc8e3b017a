"""A caption's scale reaches the tables of its section, no further.

"(All amounts in thousands)" under a statement's title scales that statement;
a later section printed in full units is never multiplied by 1000, and a table
of whole amounts with no scale stated in reach is read in full units with a
warning naming its line.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import pytest

from kcxbrl.pipeline import convert_document
from kcxbrl.extract.coverage import cover
from kcxbrl.extract.headers import scale_from_text
from kcxbrl.xbrl.model import Document
from kcxbrl.text.read import read_filing, read_text
from kcxbrl.extract.tables import PlacedTable, describe_scale, place_tables
from kcxbrl.xbrl.taxonomy import Taxonomy, default_taxonomy

from converted import sample
from sample_tables import SAMPLE_SCALES, STATEMENT_HEAD

STATEMENT = STATEMENT_HEAD + "Total revenues\t7,785,180\t9,558,619\t1,366,864\n\n"
BALANCE_SHEET = (
    "UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS\n"
    "\n"
    "{caption}"
    "\tAs at December 31,\t\n"
    "\t2024\t2025\n"
    "\tRMB\tRMB\n"
    "Cash and cash equivalents\t2,648,764\t6,018,022\n"
)


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    return default_taxonomy()


def placed(text: str) -> tuple[list[PlacedTable], list[str]]:
    tables, findings = place_tables(read_text(text, "t.txt"), taxonomy())
    return tables, [f"{f.code}@{f.line}" for f in findings]


def facts(doc: Document) -> dict[tuple[str, str, str], tuple[Decimal, int | None]]:
    conversion = convert_document(doc, taxonomy())
    return {
        (f.concept, f.context.id, f.unit.id if f.unit else ""): (f.value, f.decimals)
        for f in conversion.instance.facts
        if isinstance(f.value, Decimal)
    }


# --- what states a scale ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "scale"),
    [
        ("(in RMB)", 0),
        ("(Amounts in RMB)", 0),
        ("All amounts expressed in US$", 0),
        ("in U.S. dollars", 0),
        # a sentence naming a currency states no scale
        ("We transact a majority of our business in RMB, and have transactional currency exposures.", None),
        ("presented in RMB and all values are rounded to the nearest thousand (RMB’000)", 3),
        ("(in RMB thousands)", None),  # no such phrase in the filings; "in thousands" is
        ("(RMB in thousands)", 3),
    ],
)
def test_full_unit_captions(text: str, scale: int | None) -> None:
    assert scale_from_text(text) == scale


# --- reach ------------------------------------------------------------------


@pytest.mark.parametrize("caption", ["(in RMB)\n\n", ""], ids=["in-RMB", "no-caption"])
def test_later_statement_is_not_scaled_by_an_earlier_caption(caption: str) -> None:
    text = STATEMENT + BALANCE_SHEET.format(caption=caption)
    (income, balance), codes = placed(text)
    assert (income.scale, income.scale_line) == (3, 3)
    assert [c.scale for c in income.layout.value_columns] == [3, 3, 3]
    assert balance.scale == 0
    assert [c.scale for c in balance.layout.value_columns] == [0, 0]
    if caption:
        assert balance.scale_line == 12
        assert codes == []
    else:
        assert balance.scale_line is None
        assert codes == ["kcxbrl:scaleUnknown@12"]


def test_facts_of_each_section_keep_their_own_scale() -> None:
    doc = read_text(STATEMENT + BALANCE_SHEET.format(caption="(in RMB)\n\n"), "t.txt")
    found = facts(doc)
    # FY2025 total revenues 9,558,619 thousand RMB
    assert found[("Revenues", "FY2025", "CNY")] == (Decimal("9558619000"), -3)
    assert found[("Revenues", "FY2025", "USD")] == (Decimal("1366864000"), -3)
    # printed in full units under "(in RMB)": never x1000
    assert found[("CashAndCashEquivalents", "AsOf2025-12-31", "CNY")] == (Decimal("6018022"), 0)


def test_scale_unknown_is_a_warning_naming_the_table_and_reads_full_units() -> None:
    doc = read_text(STATEMENT + BALANCE_SHEET.format(caption=""), "t.txt")
    conversion = convert_document(doc, taxonomy())
    (finding,) = [f for f in conversion.findings if f.code == "kcxbrl:scaleUnknown"]
    assert (finding.level.value, finding.file, finding.line) == ("warning", "t.txt", 12)
    assert "first at line 15" in finding.message and "full units" in finding.message
    cash = [f for f in conversion.instance.facts if f.concept == "CashAndCashEquivalents" and f.unit.id == "CNY"]
    assert sorted((f.value, f.decimals) for f in cash) == [(Decimal("2648764"), 0), (Decimal("6018022"), 0)]


def test_scale_from_the_column_header_needs_no_caption() -> None:
    text = (
        "FINANCIAL HIGHLIGHTS\n\n"
        "\tFor the year ended December 31,\t\n\t2024\t2025\n\tRMB'000\tRMB'000\n"
        "Total revenues\t7,785,180\t9,558,619\n"
    )
    (table,), codes = placed(text)
    assert codes == []
    assert (table.scale, table.scale_line) == (0, None)
    assert [c.scale for c in table.layout.value_columns] == [3, 3]
    assert describe_scale(table) == "amounts x1000 (scale from the column header) in columns 1, 2"


LOSS_PER_SHARE = (
    "6. LOSS PER SHARE\n\n"
    "Basic and diluted loss per share for each of the years presented are calculated as follows:\n\n"
    "\tFor the year ended December 31,\t\n\t2024\t2025\n\tRMB\tRMB\n"
)


@pytest.mark.parametrize(
    "rows",
    [
        "Basic and diluted net loss per share\t(0.54)\t(0.23)\n",
        "Weighted average number of shares\t3,640,118,466\t3,953,962,117\n",
        "Gross margin\t17.2%\t15.7%\n",
    ],
    ids=["per-share", "share-count", "percent"],
)
def test_no_scale_warning_for_per_share_share_counts_and_percentages(rows: str) -> None:
    text = LOSS_PER_SHARE + rows
    (table,), codes = placed(text)
    assert table.role is not None and table.role.id == "LossPerShare"
    assert codes == []


def test_share_based_compensation_is_an_amount() -> None:
    (table,), codes = placed(LOSS_PER_SHARE + "Share-based compensation expenses\t280,136\t411,823\n")
    assert table.role is not None
    assert codes == ["kcxbrl:scaleUnknown@5"]


def test_continuation_after_a_page_break_keeps_the_scale() -> None:
    text = STATEMENT.rstrip("\n") + "\n\n\tFor the year ended December 31,\t\t\n\t2024\t2025\t2025\n\tRMB\tRMB\tUS$\n" \
        "Net loss\t(1,979,042)\t(943,692)\t(134,946)\n"
    tables, codes = placed(text)
    assert codes == []
    assert [(t.scale, t.scale_line) for t in tables] == [(3, 3), (3, 3)]


@pytest.mark.parametrize(
    ("between", "expected", "codes"),
    [
        ("**(Unaudited)**\n\n", (3, 3), []),
        ("**KINGSOFT CLOUD HOLDINGS LIMITED**\n\n", (3, 3), []),
        # a statement's title starts another statement: the caption above it is not its own
        ("UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS\n\n", (0, None), ["kcxbrl:scaleUnknown@7"]),
    ],
    ids=["unaudited", "company", "other-statement"],
)
def test_heading_between_a_caption_and_its_table(between: str, expected: tuple[int, int | None], codes: list[str]) -> None:
    text = STATEMENT.replace("\n\n\tFor", "\n\n" + between + "\tFor", 1)
    (table,), found = placed(text)
    assert (table.scale, table.scale_line) == expected
    assert found == codes


NOTES = (
    "NOTES TO THE UNAUDITED CONDENSED CONSOLIDATED FINANCIAL STATEMENTS\n\n"
    "(Amounts in thousands of Renminbi (“RMB”) and U.S. dollars (“US$”), except for number of shares)\n\n"
    "2. SUMMARY OF SIGNIFICANT ACCOUNTING POLICIES\n\n"
    "Amounts in this note are in millions.\n\n"
    "3. REVENUES\n\n"
    "The following table presents the Group's other loss, net:\n\n"
    "\tFor the year ended December 31,\t\n\t2024\t2025\n\tRMB\tRMB\n"
    "Government grants\t79,263\t271,933\n\n"
    "5. TAXATION\n\n"
    "Loss before income taxes consists of:\n\n"
    "\tFor the year ended December 31,\t\n\t2024\t2025\n\tRMB\tRMB\n"
    "Chinese mainland\t(2,001,624)\t(966,311)\n\n"
    "UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS\n\n"
    "\tAs at December 31,\t\n\t2024\t2025\n\tRMB\tRMB\n"
    "Cash and cash equivalents\t2,648,764\t6,018,022\n"
)


def test_scale_under_the_notes_title_reaches_every_note_and_ends_with_the_notes() -> None:
    tables, codes = placed(NOTES)
    # the millions of note 2 end with note 2; "5. TAXATION" is a note of one
    # capitalised word, still a numbered note heading; the statement after the
    # notes states no scale
    assert [(t.scale, t.scale_line) for t in tables] == [(3, 3), (3, 3), (0, None)]
    assert codes == [f"kcxbrl:scaleUnknown@{tables[2].table.line}"]


def test_coverage_report_names_the_scale_of_each_table() -> None:
    doc = read_text(STATEMENT + BALANCE_SHEET.format(caption="(in RMB)\n\n"), "t.txt")
    conversion = convert_document(doc, taxonomy())
    report = cover(conversion, taxonomy()).report().splitlines()
    assert "# t.txt:5 table 1: amounts x1000 (scale from line 3) in columns 1, 2, 3" in report
    assert "# t.txt:14 table 2: amounts in full units (scale from line 12) in columns 1, 2" in report
    # the table's line comes right before its first number
    at = report.index("# t.txt:14 table 2: amounts in full units (scale from line 12) in columns 1, 2")
    assert report[at + 1] == "t.txt:14 table 2 cell 1 '31': skipped year or date in a header"
    assert "t.txt:17 table 2 cell 2 '6,018,022': fact kc:CashAndCashEquivalents context AsOf2025-12-31 unit CNY" in report


# --- the samples keep the scale of every table --------------------------------


@pytest.mark.parametrize("prefix", sorted(SAMPLE_SCALES))
def test_sample_tables_keep_their_scale(prefix: str) -> None:
    tables, findings = place_tables(read_filing(sample(prefix)), taxonomy())
    assert {t.table.line: (t.scale, t.scale_line) for t in tables if t.role} == SAMPLE_SCALES[prefix]
    assert not [f for f in findings if f.code == "kcxbrl:scaleUnknown"]
    # every currency column of a table with a role reads thousands, from a caption or its header
    for t in tables:
        if t.role:
            assert {c.scale for c in t.layout.value_columns if c.currency and not c.percent} <= {3}
