"""Cell records link the draft each number became; coverage follows the links."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from functools import lru_cache

from kcxbrl.conversion import Conversion
from kcxbrl.extract.cells import FACT, SKIPPED, UNMAPPED
from kcxbrl.extract.coverage import FACT as COVERED_FACT
from kcxbrl.extract.coverage import cover
from kcxbrl.pipeline import convert_document
from kcxbrl.text.read import read_filing, read_text
from kcxbrl.text.values import parse_number
from kcxbrl.xbrl.taxonomy import default_taxonomy

from converted import sample
from paths import ROOT

BALANCE_SHEET = (
    "UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS\n"
    "(All amounts in thousands)\n"
    "\n"
    "\tAs of December 31, 2024\tAs of December 31, 2025\tAs of December 31, 2025\n"
    "\tRMB\tRMB\tUS$\n"
)
ROW_LINE = 6


@lru_cache(maxsize=1)
def converted_002() -> Conversion:
    return convert_document(read_filing(sample("002")), default_taxonomy())


def test_every_fact_cell_of_002_links_a_draft_of_its_number() -> None:
    conversion = converted_002()
    taxonomy = default_taxonomy()
    assert conversion.trace is not None
    linked = 0
    for placed, result in conversion.trace.tables:
        if result is None:
            continue
        rows = {row.line: row for row in placed.table.rows}
        for cell in result.cells:
            # the record names the cell that printed it
            assert rows[cell.line].cells[cell.column].strip() == cell.text
            if cell.outcome != FACT:
                assert cell.outcome in (SKIPPED, UNMAPPED) and cell.draft is None
                continue
            draft = cell.draft
            assert draft is not None and draft.concept == cell.detail
            assert (draft.source.line, draft.source.table) == (cell.line, placed.table.index)
            number = parse_number(cell.text)
            assert number is not None
            # the draft's value is the printed number: amounts in full units, percentages as
            # ratios, counts as printed; its sign is the node's
            kind = taxonomy.concepts[draft.concept].type
            columns = [c for c in placed.layout.columns if c.header == draft.source.column]
            shifts = {_shift(kind, c.scale, number.percent or c.percent) for c in columns}
            assert abs(draft.value) in {abs(number.value).scaleb(s) for s in shifts}, (cell, draft)
            linked += 1
    drafts = [d for _, r in conversion.trace.tables if r is not None for d in r.drafts]
    assert linked == len(drafts) == 507
    # each draft is linked by exactly one cell
    links = [id(c.draft) for _, r in conversion.trace.tables if r is not None for c in r.cells if c.draft]
    assert sorted(links) == sorted(id(d) for d in drafts)


def _shift(kind: str, scale: int, percent: bool) -> int:
    if kind == "monetary":
        return scale
    return -2 if kind in ("pure", "percent") and percent else 0


def test_coverage_reads_the_links_of_002() -> None:
    conversion = converted_002()
    coverage = cover(conversion, conversion.taxonomy or default_taxonomy())
    facts = {(n.line, n.column): n for n in coverage.numbers if n.outcome == COVERED_FACT}
    table_cells = [c for _, r in conversion.trace.tables if r is not None for c in r.cells if c.draft]
    # a cell that became a fact first printed there is reported with the draft's concept
    for cell in table_cells:
        number = facts.get((cell.line, cell.column))
        if number is not None:
            assert number.detail.split()[0] == f"kc:{cell.draft.concept}"
    assert len(facts) == 389


def test_a_shifted_row_of_equal_values_links_each_cell_to_its_own_column() -> None:
    # the label sits in the first value cell and the three values print alike: only the
    # link, not the text, tells which printed cell gave which fact
    row = "\tTotal assets\t1,000\t1,000\t1,000\n"
    conversion = convert_document(read_text(BALANCE_SHEET + row, "t.txt"), default_taxonomy())
    assert "kcxbrl:malformedRow" in [f.code for f in conversion.findings]
    records = [(c.column, c.text, c.outcome) for c in conversion.cells if c.line == ROW_LINE]
    assert records == [(2, "1,000", FACT), (3, "1,000", FACT), (4, "1,000", FACT)]
    contexts = [(c.draft.period.end.year, c.draft.currency) for c in conversion.cells if c.line == ROW_LINE]
    assert contexts == [(2024, "CNY"), (2025, "CNY"), (2025, "USD")]
    coverage = cover(conversion, conversion.taxonomy or default_taxonomy())
    numbers = [(n.column, n.outcome, n.detail) for n in coverage.numbers if n.line == ROW_LINE]
    assert numbers == [
        (2, COVERED_FACT, "kc:Assets context AsOf2024-12-31 unit CNY"),
        (3, COVERED_FACT, "kc:Assets context AsOf2025-12-31 unit CNY"),
        (4, COVERED_FACT, "kc:Assets context AsOf2025-12-31 unit USD"),
    ]
    assert [f.value for f in conversion.instance.facts if f.concept == "Assets"] == [Decimal(1000000)] * 3


def test_the_coverage_report_does_not_import_the_pipeline() -> None:
    code = "import sys, kcxbrl.extract.coverage, kcxbrl.exports.records; print('kcxbrl.pipeline' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "False"
