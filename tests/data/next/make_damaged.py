"""Source of the fixture damaged_003.txt: samples/003 with four kinds of damage
that real text conversions of filings show. damaged_003.md says what each one
is and what an honest conversion does with it.

Run:  python tests/data/next/make_damaged.py
"""
from __future__ import annotations

from fixture_text import sample_lines, write

SAMPLE = "003_15ccf7b249ddd7c5.txt"

# (sample line, exact text of that line, replacement lines)
EDITS = [
    # a US$ cell that says n/a instead of an amount
    (181, "Restricted cash\t99,194\t46,897\t6,799", ["Restricted cash\t99,194\t46,897\tn/a"]),
    # a page break inside the income statement, the column header printed again
    (246, "Other (expense) income, net\t(7,012)\t74\t(372)\t(54)",
     ["Other (expense) income, net\t(7,012)\t74\t(372)\t(54)", "", "---", "",
      "\tThree Months Ended\t\t\t",
      "\tMar 31, 2025 RMB\tDec 31, 2025 RMB\tMar 31, 2026 RMB\tMar 31, 2026 US\\$"]),
    # a row that lost its Dec 31, 2025 value: the others moved one column left
    (242, "Interest income\t4,946\t39,039\t32,030\t4,643", ["Interest income\t4,946\t32,030\t4,643"]),
    # the title of the cash flow statement is missing
    (343, "**UNAUDITED CONDENSED CONSOLIDATED STATEMENT OF CASH FLOWS**  ", []),
]


def main() -> None:
    lines = sample_lines(SAMPLE)
    for n, text, repl in sorted(EDITS, reverse=True):
        assert lines[n - 1] == text, (n, lines[n - 1])
        lines[n - 1:n] = repl
    write("damaged_003.txt", "\n".join(lines))
    print("wrote damaged_003.txt")


if __name__ == "__main__":
    main()
