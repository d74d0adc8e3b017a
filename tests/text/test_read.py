from __future__ import annotations

from pathlib import Path

import pytest

from kcxbrl.errors import InputError
from kcxbrl.xbrl.model import Document, Row, Table, TextLine
from kcxbrl.text.read import clean_text, read_filing, read_text
from paths import SAMPLES

SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def sample(prefix: str) -> Document:
    (path,) = [p for p in SAMPLE_FILES if p.name.startswith(prefix)]
    return read_filing(path)


def text_at(doc: Document, line: int) -> TextLine:
    (found,) = [t for t in doc.text_lines if t.line == line]
    return found


def row_at(doc: Document, line: int) -> Row:
    (found,) = [r for t in doc.tables for r in t.rows if r.line == line]
    return found


def table_at(doc: Document, line: int) -> Table:
    (found,) = [t for t in doc.tables if t.line == line]
    return found


# --- synthetic inputs -------------------------------------------------------


def test_text_lines_keep_their_line_numbers() -> None:
    doc = read_text("\n\nFirst line\n\nSecond line\n", "x.txt")
    assert doc.path == "x.txt"
    assert doc.lines == ("", "", "First line", "", "Second line")
    assert doc.blocks == (TextLine(3, "First line"), TextLine(5, "Second line"))


def test_crlf_and_bom_are_tolerated() -> None:
    doc = read_text("\ufeffOne\r\nTwo\tthree\r\n", "x.txt")
    assert doc.lines == ("One", "Two\tthree")
    assert doc.blocks[0] == TextLine(1, "One")
    assert doc.tables[0].rows == (Row(2, ("Two", "three")),)


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("Price US\\$11.27 per ADS", "Price US$11.27 per ADS"),
        ("Increase: \\_\\_\\_\\_\\_ Ordinary shares", "Increase: _____ Ordinary shares"),
        ("Increase: _____ Ordinary shares", "Increase: _____ Ordinary shares"),
        ("a \\*literal\\* star and \\# hash", "a *literal* star and # hash"),
        ("The **Board** met", "The Board met"),
        ("*Chairman of the Board*", "Chairman of the Board"),
        ("Title: CFO  ", "Title: CFO"),
        ("See [99.1](#) and [the plan](https://example.com/a)", "See 99.1 and the plan"),
        ("Visit <https://ir.ksyun.com/x> now", "Visit https://ir.ksyun.com/x now"),
        ("Email: [ksc-ir@kingsoft.com](mailto:ksc-ir@kingsoft.com)", "Email: ksc-ir@kingsoft.com"),
        ('<a href="#">99.1</a> <u>Notice</u> <i>x</i>', "99.1 Notice x"),
        ("one<br>two<br/>three", "one two three"),
        ("US\\$392.0<sup>1</sup> million", "US$392.0 million"),
        ("**Non-GAAP operating loss**<sup>3</sup> was", "Non-GAAP operating loss was"),
        ("Ernst &amp; Young &#36;5 & co", "Ernst & Young $5 & co"),
        ("- (i) all money due", "- (i) all money due"),
        ("5 * 3 = 15", "5 * 3 = 15"),
        ("“**Board**”", "“Board”"),
        ("trailing break\\", "trailing break"),
    ],
)
def test_inline_markup_is_removed(raw: str, text: str) -> None:
    doc = read_text(raw, "x.md")
    assert [b.text for b in doc.text_lines] == [text]
    assert clean_text(raw) == text


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("# Title", "Title"),
        ("#### EXPLANATORY NOTE", "EXPLANATORY NOTE"),
        ("###### Six ######", "Six"),
        ("### **Conference Call Information**", "Conference Call Information"),
        ("**SIGNATURE**", "SIGNATURE"),
        ("**Kingsoft Cloud Holdings Limited**  ", "Kingsoft Cloud Holdings Limited"),
        ("<b>Exhibit index</b>", "Exhibit index"),
        ("FINANCIAL HIGHLIGHTS", "FINANCIAL HIGHLIGHTS"),
        ("UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS", "UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS"),
        ("FORM 6-K", "FORM 6-K"),
        ("PURSUANT TO RULE 13a-16 OR 15d-16 OF", "PURSUANT TO RULE 13a-16 OR 15d-16 OF"),
        ("1. CORPORATE INFORMATION", "1. CORPORATE INFORMATION"),
    ],
)
def test_headings(raw: str, text: str) -> None:
    assert read_text(raw, "x").blocks == (TextLine(1, text, heading=True),)


@pytest.mark.parametrize(
    "raw",
    [
        "Exhibit No. **Description**",
        "**Total Revenues** reached RMB2,703.7 million",
        "Notes",
        "RMB'000",
        "Form 20-F Form 40-F",
        "(Stock Code: 3896)",
        "#hashtag is not a heading",
        "金山云控股有限公司",
    ],
)
def test_not_headings(raw: str) -> None:
    (line,) = read_text(raw, "x").text_lines
    assert line.heading is False


def test_bold_spanning_lines_makes_each_line_a_heading() -> None:
    doc = read_text("**UNITED STATES\nSecurities and Exchange Commission**\nWashington, D.C. 20549", "x")
    assert [(t.line, t.text, t.heading) for t in doc.text_lines] == [
        (1, "UNITED STATES", True),
        (2, "Securities and Exchange Commission", True),
        (3, "Washington, D.C. 20549", False),
    ]


def test_unclosed_bold_stops_at_blank_line() -> None:
    doc = read_text("**Opened and never closed\n\nplain text after", "x")
    assert [t.heading for t in doc.text_lines] == [True, False]


@pytest.mark.parametrize("rule", ["---", "***", "- - -", "-----------"])
def test_rules_and_blank_lines_make_no_block(rule: str) -> None:
    doc = read_text(f"before\n{rule}\n\n   \nafter", "x")
    assert doc.blocks == (TextLine(1, "before"), TextLine(5, "after"))


def test_tab_rows_keep_empty_cells() -> None:
    doc = read_text("Caption\n\tFor the year ended December 31,\t\t\nRevenues:\t\t\t\nTotal\t<u>1</u>\t–\t(2)", "x")
    (table,) = doc.tables
    assert table.index == 1
    assert table.rows == (
        Row(2, ("", "For the year ended December 31,", "", "")),
        Row(3, ("Revenues:", "", "", "")),
        Row(4, ("Total", "1", "–", "(2)")),
    )
    assert table.width == 4
    assert doc.blocks[0] == TextLine(1, "Caption")


def test_markdown_pipe_table_with_delimiter_row() -> None:
    raw = "| | 2024 | 2025 |\n|---|:--:|---:|\n| **Revenues** | 1,234 | US\\$5 |\n| a \\| b | | x |"
    (table,) = read_text(raw, "x.md").tables
    assert table.rows == (
        Row(1, ("", "2024", "2025")),
        Row(3, ("Revenues", "1,234", "US$5")),
        Row(4, ("a | b", "", "x")),
    )


def test_tab_dash_rows_are_not_rows_and_do_not_break_the_table() -> None:
    raw = "Total A\t0\tOrdinary shares\n--\t---\t-----\nTotal B\t\tOrdinary shares"
    (table,) = read_text(raw, "x").tables
    assert [r.line for r in table.rows] == [1, 3]


def test_row_of_nils_is_kept() -> None:
    (table,) = read_text("A\t1\t2\n\t-\t-", "x").tables
    assert table.rows[1] == Row(2, ("", "-", "-"))


def test_blank_line_and_text_separate_tables() -> None:
    raw = "a\t1\nb\t2\n\nc\t3\ntext between\nd\t4"
    doc = read_text(raw, "x")
    assert [(t.index, [r.line for r in t.rows]) for t in doc.tables] == [(1, [1, 2]), (2, [4]), (3, [6])]
    assert [type(b).__name__ for b in doc.blocks] == ["Table", "Table", "TextLine", "Table"]


def test_html_cells_are_cleaned() -> None:
    (table,) = read_text("<b>Total assets</b>\t<b>26,729,189</b>\t<i>RMB</i> <i>(unaudited)</i>", "x").tables
    assert table.rows[0].cells == ("Total assets", "26,729,189", "RMB (unaudited)")


def test_read_filing_names_the_document(tmp_path: Path) -> None:
    path = tmp_path / "filing.txt"
    path.write_bytes("\ufeffHello\n".encode())
    assert read_filing(path).path == "filing.txt"
    assert read_filing(path, name="shown.txt").path == "shown.txt"
    assert read_filing(path).text_lines == (TextLine(1, "Hello"),)


def test_undecodable_file_with_bom_counts_bytes_from_the_start(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfok\n\xc3(")
    with pytest.raises(InputError, match=r"byte 6 \(line 2\)"):
        read_filing(path)


def test_missing_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nope.txt"):
        read_filing(tmp_path / "nope.txt")


def test_undecodable_file_names_byte_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"ok\nalso ok\nbad \xff here\n")
    with pytest.raises(InputError, match=r"bad\.txt.*byte 15 \(line 3\)"):
        read_filing(path)


# --- the bundled samples ----------------------------------------------------


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name[:3])
def test_every_table_line_reads_without_losing_a_cell(path: Path) -> None:
    raw_lines = path.read_text(encoding="utf-8").split("\n")
    doc = read_filing(path)
    assert doc.lines == tuple(raw_lines)
    rows = {r.line: r for t in doc.tables for r in t.rows}
    tab_lines = [n for n, raw in enumerate(raw_lines, 1) if "\t" in raw and set(raw) - set("-\t")]
    assert sorted(rows) == tab_lines
    for number in tab_lines:
        raw_cells = raw_lines[number - 1].split("\t")
        assert len(rows[number].cells) == len(raw_cells)
        for raw, cell in zip(raw_cells, rows[number].cells):
            assert bool(raw.strip()) == bool(cell), (number, raw)


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name[:3])
def test_text_lines_point_at_their_raw_line(path: Path) -> None:
    doc = read_filing(path)
    for line in doc.text_lines:
        first_word = line.text.split()[0].strip("*").replace("$", "")
        assert first_word[:3] in doc.lines[line.line - 1].replace("\\", ""), line


@pytest.mark.parametrize(
    ("prefix", "tables"),
    [("000", 6), ("001", 7), ("002", 23), ("003", 9), ("004", 22)],
)
def test_sample_table_counts(prefix: str, tables: int) -> None:
    doc = sample(prefix)
    assert len(doc.tables) == tables
    assert [t.index for t in doc.tables] == list(range(1, tables + 1))


def test_sample_000_plain_text() -> None:
    doc = sample("000")
    assert text_at(doc, 28) == TextLine(28, "EXPLANATORY NOTE", heading=True)
    assert text_at(doc, 95).text == "Increase in issued shares (excluding treasury shares): _____ Ordinary shares (AA1)"
    assert row_at(doc, 92).cells == (
        "1).", "2013 Share Option Scheme", "14,572,606", "Others", "-85,575", "14,487,031", "", "", "13,924,889", "",
    )
    assert row_at(doc, 70).cells[1] == "40,000,000,000"


def test_sample_001_markdown() -> None:
    doc = sample("001")
    assert text_at(doc, 45) == TextLine(45, "EXPLANATORY NOTE", heading=True)
    assert text_at(doc, 58) == TextLine(58, "SIGNATURE", heading=True)
    assert text_at(doc, 92) == TextLine(92, "II. Movements in Issued Shares and/or Treasury Shares", heading=True)
    assert text_at(doc, 111).text == (
        "Increase in issued shares (excluding treasury shares): _____ Ordinary shares (AA1)"
    )
    assert text_at(doc, 115).text.endswith("USD _____ 175,955.06")
    assert text_at(doc, 153).heading is False  # bold lead-in followed by plain text
    assert row_at(doc, 54).cells == ("99.1", "Monthly Return for Equity Issuer on Movements in Securities")
    assert [t.rows for t in doc.tables if t.line in (147, 150)] == [
        (row_at(doc, 147),),
        (row_at(doc, 150),),
    ]
    assert row_at(doc, 150).cells[1:] == ("", "Ordinary shares")
    assert all(r.line not in (148, 151) for t in doc.tables for r in t.rows)


def test_sample_002_tags_and_escapes() -> None:
    doc = sample("002")
    assert [(t.line, t.heading) for t in doc.text_lines if t.line in (2, 3, 4)] == [(2, True), (3, True), (4, False)]
    assert text_at(doc, 69) == TextLine(69, "FINANCIAL HIGHLIGHTS", heading=True)
    assert text_at(doc, 189).text == "(All amounts in thousands, except for share and per share data)"
    assert row_at(doc, 73).cells == ("", "RMB'000", "RMB'000", "%")
    assert row_at(doc, 95).cells == ("", "RMB'000", "RMB'000", "US$'000")
    assert row_at(doc, 119).cells == (
        "Adjusted net loss (Non-GAAP Financial Measure)", "(825,346)", "(556,930)", "(79,640)",
    )
    assert row_at(doc, 118).cells == ("Impairment of long-lived assets", "919,724", "–", "–")
    assert row_at(doc, 360).cells == ("", "Notes", "For the year ended December 31,", "", "")
    assert text_at(doc, 655) == TextLine(655, "Chairman of the Board, Executive Director")


def test_sample_003_html_in_cells() -> None:
    doc = sample("003")
    assert row_at(doc, 49).cells == ("Exhibit No.", "Description")
    assert row_at(doc, 185).cells == ("Total current assets", "11,023,419", "10,500,262", "1,522,217")
    assert row_at(doc, 267).cells == ("", "Mar 31,", "Dec 31,", "Mar 31,", "Mar 31,")
    assert row_at(doc, 269).cells == ("", "RMB", "RMB", "RMB", "US$")
    assert text_at(doc, 64).text == "_____"
    assert "US$392.0 million" in text_at(doc, 81).text
    assert "https://register-conf.media-server.com/register/" in text_at(doc, 125).text
    assert text_at(doc, 121) == TextLine(121, "Conference Call Information", heading=True)
    assert text_at(doc, 173) == TextLine(173, "UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS", heading=True)
    assert text_at(doc, 174) == TextLine(174, "(All amounts in thousands)")


def test_sample_004_links_and_malformed_table() -> None:
    doc = sample("004")
    assert text_at(doc, 32).text == "99.1 Interim Results Announcement for the Six Months Ended June 30, 2025"
    margin = table_at(doc, 101)
    assert [r.cells for r in margin.rows] == [
        ("", "For the six months ended June 30,", ""),
        ("", "2024", "2025"),
        ("", "Gross margin", "16.7%"),
        ("Adjusted gross margin (Non-GAAP Financial Measure)", "17.0%", "15.7%"),
    ]
    assert row_at(doc, 429).cells == ("Notes", "As at", "", "")
    assert row_at(doc, 559).cells == ("", "RMB", "RMB (unaudited)", "US$ (unaudited)")
