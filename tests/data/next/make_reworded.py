"""Source of the fixtures reworded_002.txt, reworded_003.txt, reworded_004.txt
and of reworded.md, the list of what was reworded.

Each reworded copy is its sample with the statement, note and reconciliation
titles, at least ten row labels and the comparatives of the prose worded the
way another release team would word them. No number is changed (the script
checks that every copy prints the same numbers as its sample, footnote letters
aside), so the facts of a copy are the facts of its sample.

Rules, applied to the sample's lines (line numbers are the sample's):
  ("title"|"prose", N, old, new)   replace `old` in line N
  ("prose", (N, M), old, new)      replace `old` in every line N..M that has it
  ("row", old, new[, (N, M)])      a table row label, wherever a row has it (in lines N..M)
  ("insert", N, text)              a new line after line N

Run:  python tests/data/next/make_reworded.py
"""
from __future__ import annotations

import re
from collections import Counter

from fixture_text import sample_lines, split_row, write

# ------------------------------------------------------------------ sample 002
R002 = [
    ("title", 69, "FINANCIAL HIGHLIGHTS", "SUMMARY OF FINANCIAL RESULTS"),
    ("title", 81, "NON-GAAP FINANCIAL MEASURES", "USE OF NON-GAAP FINANCIAL MEASURES"),
    ("title", 89, "Adjusted Gross Profit and Adjusted Gross Margin (Non-GAAP Financial Measures)",
     "Reconciliation of Gross Profit to Adjusted Gross Profit (Non-GAAP)"),
    ("title", 107, "Adjusted Net Loss (Margin), Adjusted EBITDA (Margin) and Adjusted Operating Loss (Margin) (Non-GAAP Financial Measures)",
     "Reconciliations of GAAP to non-GAAP measures"),
    ("title", 187, "UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF COMPREHENSIVE LOSS",
     "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS AND COMPREHENSIVE LOSS (UNAUDITED)"),
    ("title", 356, "UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF COMPREHENSIVE LOSS",
     "UNAUDITED CONSOLIDATED STATEMENTS OF OPERATIONS AND COMPREHENSIVE LOSS"),
    ("title", 401, "UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS", "Consolidated Statements of Financial Position (Unaudited)"),
    ("title", 458, "UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS", "Condensed Consolidated Statements of Cash Flow (Unaudited)"),
    ("title", 473, "NOTES TO THE UNAUDITED CONDENSED CONSOLIDATED FINANCIAL STATEMENTS",
     "Notes to the condensed consolidated financial statements (unaudited)"),
    ("title", 519, "3. REVENUES, OTHER LOSS, NET AND OTHER (EXPENSE) INCOME, NET",
     "3. REVENUE, OTHER LOSSES, NET AND OTHER INCOME/(EXPENSE), NET"),
    ("title", 521, "The following table presents the Group's revenues from contracts with customers disaggregated by material revenue category:",
     "Revenue from contracts with customers, broken down by major revenue type, is set out below:"),
    ("title", 535, "The following table presents the Group's other loss, net:", "Other losses, net comprise:"),
    ("title", 546, "The following table presents the Group's other (expense) income, net:", "Other income/(expense), net comprises:"),
    ("title", 558, "4. ACCOUNTS RECEIVABLE, NET", "4. ACCOUNTS RECEIVABLE, NET OF ALLOWANCE"),
    ("title", 567, "An aging analysis of the accounts receivable as at the end of the reporting period, based on the past due date and net of provisions, is as follows:",
     "The ageing of accounts receivable at the reporting date, by past due date and net of allowance, is set out below:"),
    ("title", 579, "5. TAXATION", "5. INCOME TAXES"),
    ("title", 595, "Loss before income taxes consists of:", "The components of loss before income tax are as follows:"),
    ("title", 604, "The current and deferred components of income tax benefit appearing in the unaudited condensed consolidated statements of comprehensive loss are as follows:",
     "Income tax benefit in the statements of operations comprises current and deferred tax as follows:"),
    ("title", 613, "6. LOSS PER SHARE", "6. NET LOSS PER SHARE"),
    ("title", 615, "Basic and diluted loss per share for each of the years presented are calculated as follows:",
     "The computation of basic and diluted net loss per share is as follows:"),
    ("title", 628, "7. DIVIDENDS", "7. DIVIDEND"),
    ("title", 632, "8. ACCOUNTS PAYABLE", "8. ACCOUNTS PAYABLE AGEING"),
    ("title", 634, "An ageing analysis of the accounts payable at the end of each reporting period, based on the invoice date, is as follows:",
     "Accounts payable, aged by invoice date at each reporting date:"),
    ("title", 285, "The following table sets forth a breakdown of our employees by function as of December 31, 2025:",
     "Our employees by function as of December 31, 2025 were as follows:"),
    # row labels
    ("row", "Loss before income taxes", "Loss before income tax"),
    ("row", "Public cloud services", "Public cloud service"),
    ("row", "Enterprise cloud services", "Enterprise cloud service"),
    ("row", "Cost of revenues", "Cost of revenue"),
    ("row", "Total operating expenses", "Operating expenses, total"),
    ("row", "Impairment of long-lived assets", "Impairment of long-lived assets*", (187, 217)),
    ("row", "Foreign exchange (loss) gain", "Foreign exchange gain (loss)"),
    ("row", "Other loss, net", "Other losses, net"),
    ("row", "Other (expense) income, net", "Other income/(expense), net"),
    ("row", "Less: net loss attributable to non-controlling interests", "Net loss attributable to non-controlling interests"),
    ("row", "Net loss attributable to Kingsoft Cloud Holdings Limited", "Net loss attributable to Kingsoft Cloud Holdings Limited shareholders"),
    ("row", "Foreign currency translation adjustments", "Foreign currency translation adjustment, net of nil tax"),
    ("row", "Less: Comprehensive loss attributable to non-controlling interests", "Comprehensive loss attributable to non-controlling interests"),
    ("row", "Property and equipment, net", "Net property and equipment"),
    ("row", "Total current assets", "Current assets, total"),
    ("row", "Amounts due from related parties", "Amount due from related parties"),
    ("row", "Statutory reserves funds", "Statutory reserve funds"),
    ("row", "Accumulated other comprehensive income", "Accumulated other comprehensive income/(loss)"),
    ("row", "Net cash generated from operating activities", "Net cash provided by operating activities"),
    ("row", "Net cash generated from financing activities", "Net cash provided by financing activities"),
    ("row", "Net increase in cash, cash equivalents and restricted cash", "Increase in cash, cash equivalents and restricted cash, net"),
    ("row", "Share-based compensation expenses", "Share-based compensation expense"),
    ("row", "Foreign exchange loss (gain)", "Foreign exchange (gain)/loss"),
    ("row", "Adjusted net loss (Non-GAAP Financial Measure)", "Non-GAAP adjusted net loss"),
    ("row", "Depreciation and amortization", "Depreciation and amortization expenses"),
    ("row", "Changes in fair value of currency swap", "Change in fair value of currency swaps"),
    ("row", "Income from ADS Reimbursement", "ADS reimbursement income"),
    ("row", "Allowance for credit losses", "Less: allowance for credit losses"),
    ("row", "Non-Chinese mainland", "Outside Chinese mainland"),
    ("row", "Current income tax expense", "Current tax expense"),
    ("row", "Deferred income tax benefit", "Deferred tax benefit"),
    ("row", "Weighted average number of ordinary shares outstanding – basic and diluted",
     "Weighted average ordinary shares outstanding, basic and diluted"),
    ("row", "Basic and diluted loss per share", "Loss per share, basic and diluted"),
    ("insert", 218, "* No impairment of long-lived assets was recognized in the current year."),
    ("insert", 218, ""),
    # prose comparatives
    ("prose", 153, "increased by 13.5% from RMB1,357.8 million in 2024", "up 13.5% from RMB1,357.8 million in the prior year"),
    ("prose", 167, "compared with RMB4,124.7 million for the year ended December 31, 2024", "versus RMB4,124.7 million for fiscal year 2024"),
    ("prose", (219, 245), "representing an increase of ", "up "),
    ("prose", (219, 245), "representing a decrease of ", "down "),
    ("prose", (219, 245), "compared with RMB", "versus RMB"),
    ("prose", (219, 245), " in 2024", " for fiscal year 2024"),
    ("prose", 253, "representing an increase of 127.2% from RMB2,648.8 million of December 31, 2024",
     "up 127.2% from RMB2,648.8 million as at December 31, 2024"),
    ("prose", 269, "compared with 68.7% as at December 31, 2024", "down from 68.7% as at December 31, 2024"),
    ("prose", 495, "the Group had an accumulated deficit and net current assets of RMB15,247,868 (US\\$2,180,416) and RMB1,602,075 (US\\$229,094), respectively.",
     "the Group had an accumulated deficit of RMB15,247,868 (US\\$2,180,416) and net current assets of RMB1,602,075 (US\\$229,094)."),
]

# ------------------------------------------------------------------ sample 003
REC003 = "**RECONCILIATIONS OF GAAP TO NON-GAAP MEASURES**  "
R003 = [
    ("title", 79, "**First Quarter 2026 Financial Results**", "**Financial Results for the First Quarter of 2026**"),
    ("title", 173, "**UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS**", "**CONDENSED CONSOLIDATED STATEMENTS OF FINANCIAL POSITION (UNAUDITED)**"),
    ("title", 225, "**UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF COMPREHENSIVE LOSS**",
     "**UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS AND COMPREHENSIVE LOSS**"),
    ("title", 263, "**RECONCILIATION OF GAAP AND NON-GAAP RESULTS**  ", REC003),
    ("title", 278, "**RECONCILIATION OF GAAP AND NON-GAAP RESULTS**  ", "**Reconciliation of GAAP to Non-GAAP Margins**  "),
    ("title", 289, "**RECONCILIATION OF GAAP AND NON-GAAP RESULTS**  ", REC003),
    ("title", 311, "**RECONCILIATION OF GAAP AND NON-GAAP RESULTS**  ", REC003),
    ("title", 328, "**RECONCILIATION OF GAAP AND NON-GAAP RESULTS**  ", "**Reconciliation of GAAP to Non-GAAP Margins**  "),
    ("title", 343, "**UNAUDITED CONDENSED CONSOLIDATED STATEMENT OF CASH FLOWS**", "**SUMMARY OF UNAUDITED CONSOLIDATED CASH FLOW DATA**"),
    # row labels
    ("row", "Accounts receivable, net", "Accounts receivable, net of allowance"),
    ("row", "Total current assets", "Current assets, total"),
    ("row", "Property and equipment, net", "Net property and equipment"),
    ("row", "Statutory reserves funds", "Statutory reserve funds"),
    ("row", "Public cloud services", "Public cloud service"),
    ("row", "Enterprise cloud services", "Enterprise cloud service"),
    ("row", "Cost of revenues", "Cost of revenue"),
    ("row", "Operating loss", "Loss from operations"),
    ("row", "Foreign exchange gain (loss)", "Foreign exchange gains/(losses)"),
    ("row", "Other gain (loss), net", "Other gains (losses), net"),
    ("row", "Other (expense) income, net", "Other income/(expense), net"),
    ("row", "Income tax (expense) benefit", "Income tax benefit (expense)"),
    ("row", "Less: net (loss) profit attributable to non-controlling interests", "Net (loss) income attributable to non-controlling interests"),
    ("row", "Net loss attributable to Kingsoft Cloud Holdings Limited", "Net loss attributable to Kingsoft Cloud Holdings Limited shareholders"),
    ("row", "Foreign currency translation adjustments", "Foreign currency translation adjustment, net of nil tax"),
    ("row", "– Share-based compensation expenses", "– Share-based compensation expense"),
    ("row", "– Foreign exchange (gain) loss", "– Foreign exchange (gain)/loss"),
    ("row", "Adjusted net loss (Non-GAAP Financial Measure)", "Non-GAAP adjusted net loss"),
    ("row", "Adjusted EBITDA (Non-GAAP Financial Measure)", "Adjusted EBITDA (Non-GAAP Financial Measure)<sup>a</sup>"),
    ("row", "Net cash (used in) generated from operating activities", "Net cash provided by (used in) operating activities"),
    ("row", "Net cash generated from financing activities", "Net cash provided by financing activities"),
    ("row", "Net (decrease) increase in cash, cash equivalents and restricted cash", "Net change in cash, cash equivalents and restricted cash"),
    ("insert", 308, ""),
    ("insert", 308, "<sup>a</sup> See “Use of Non-GAAP Financial Measures” above."),
    # prose comparatives
    ("prose", 81, "increased by 37.2% year-over-year from RMB1,970.0 million", "up 37.2% year-over-year from RMB1,970.0 million"),
    ("prose", 81, "from RMB2,761.4 million in the fourth quarter of 2025", "from RMB2,761.4 million in the previous quarter"),
    ("prose", (81, 117), "in the same quarter of 2025", "in the same period of the prior year"),
    ("prose", (81, 117), "in the same period in 2025", "a year earlier"),
    ("prose", (81, 117), "last quarter", "in the preceding quarter"),
    ("prose", 93, "16.9% in the fourth quarter last year", "16.9% in the prior quarter"),
    ("prose", (111, 115), "compared with RMB", "versus RMB"),
    ("prose", 117, "compared with RMB6,018.0 million as of December 31, 2025", "down from RMB6,018.0 million as of December 31, 2025"),
]

# ------------------------------------------------------------------ sample 004
R004 = [
    ("title", 70, "FINANCIAL HIGHLIGHTS", "SUMMARY OF FINANCIAL RESULTS"),
    ("title", 81, "NON-GAAP FINANCIAL MEASURES", "USE OF NON-GAAP FINANCIAL MEASURES"),
    ("title", 89, "Adjusted Gross Profit and Adjusted Gross Margin (Non-GAAP Measures)", "Reconciliation of Gross Profit to Adjusted Gross Profit (Non-GAAP)"),
    ("title", 106, "Adjusted Net Loss (Margin), Adjusted EBITDA (Margin) and Adjusted Operating Loss (Margin) (Non-GAAP Financial Measures)",
     "Reconciliations of GAAP to non-GAAP measures"),
    ("title", 181, "UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF COMPREHENSIVE LOSS", "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS AND COMPREHENSIVE LOSS"),
    ("title", 343, "UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF COMPREHENSIVE LOSS",
     "UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS AND COMPREHENSIVE LOSS"),
    ("title", 373, "UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF COMPREHENSIVE LOSS",
     "UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS AND COMPREHENSIVE LOSS (CONTINUED)"),
    ("title", 391, "UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS", "Condensed Consolidated Statements of Financial Position (Unaudited)"),
    ("title", 425, "UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS", "Condensed Consolidated Statements of Financial Position (Unaudited) (continued)"),
    ("title", 453, "UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS", "Condensed Consolidated Statements of Cash Flow (Unaudited)"),
    ("title", 470, "NOTES TO THE UNAUDITED CONDENSED CONSOLIDATED FINANCIAL STATEMENTS", "Notes to the condensed consolidated financial statements (unaudited)"),
    ("title", 518, "3. REVENUES, OTHER (LOSS) GAIN, NET AND OTHER (EXPENSE) INCOME, NET", "3. REVENUE, OTHER GAINS/(LOSSES), NET AND OTHER INCOME/(EXPENSE), NET"),
    ("title", 520, "The following table presents the Group's revenues from contracts with customers disaggregated by material revenue category:",
     "Revenue from contracts with customers, broken down by major revenue type, is set out below:"),
    ("title", 534, "The following table presents the Group's other (loss) gain, net:", "Other gains/(losses), net comprise:"),
    ("title", 544, "The following table presents the Group's other (expense) income, net:", "Other income/(expense), net comprises:"),
    ("title", 555, "4. ACCOUNTS RECEIVABLE, NET", "4. ACCOUNTS RECEIVABLE, NET OF ALLOWANCE"),
    ("title", 564, "An aging analysis of the accounts receivable as at the end of the reporting period, based on the past due date and net of provisions, is as follows:",
     "The ageing of accounts receivable at the reporting date, by past due date and net of allowance, is set out below:"),
    ("title", 576, "5. TAXATION", "5. INCOME TAXES"),
    ("title", 592, "Loss before income taxes consists of:", "The components of loss before income tax are as follows:"),
    ("title", 601, "The current and deferred components of income tax (benefit) expense appearing in the unaudited condensed consolidated statements of comprehensive loss are as follows:",
     "Income tax (benefit)/expense in the statements of operations comprises current and deferred tax as follows:"),
    ("title", 610, "6. LOSS PER SHARE", "6. NET LOSS PER SHARE"),
    ("title", 612, "Basic and diluted loss per share during the periods are calculated as follows:",
     "The computation of basic and diluted net loss per share is as follows:"),
    ("title", 629, "8. ACCOUNTS PAYABLE", "8. ACCOUNTS PAYABLE AGEING"),
    ("title", 631, "An aging analysis of the accounts payable as at the end of the reporting period, based on the invoice date, is as follows:",
     "Accounts payable, aged by invoice date at the reporting date:"),
    ("title", 278, "The following table sets forth a breakdown of our employees by function:", "A breakdown of our employees by function is set out below:"),
    # row labels
    ("row", "Loss before income taxes", "Loss before income tax"),
    ("row", "Public cloud services", "Public cloud service"),
    ("row", "Enterprise cloud services", "Enterprise cloud service"),
    ("row", "Cost of revenues", "Cost of revenue"),
    ("row", "Total operating expenses", "Operating expenses, total"),
    ("row", "Foreign exchange loss", "Foreign exchange losses"),
    ("row", "Other (loss) gain, net", "Other gains/(losses), net"),
    ("row", "Other (expense) income, net", "Other income/(expense), net"),
    ("row", "Income tax benefit (expense)", "Income tax (expense)/benefit"),
    ("row", "Less: net loss attributable to non-controlling interests", "Net loss attributable to non-controlling interests"),
    ("row", "Net loss attributable to Kingsoft Cloud Holdings Limited", "Net loss attributable to Kingsoft Cloud Holdings Limited shareholders"),
    ("row", "Less: Comprehensive loss attributable to Non-controlling interests", "Comprehensive loss attributable to non-controlling interests"),
    ("row", "Property and equipment, net", "Net property and equipment"),
    ("row", "Total current assets", "Current assets, total"),
    ("row", "Amounts due from related parties", "Amount due from related parties"),
    ("row", "Statutory reserves funds", "Statutory reserve funds"),
    ("row", "Net cash (used in) generated from operating activities", "Net cash provided by (used in) operating activities"),
    ("row", "Net cash generated from financing activities", "Net cash provided by financing activities"),
    ("row", "Net (decrease) increase in cash, cash equivalents and restricted cash", "Net increase (decrease) in cash, cash equivalents and restricted cash"),
    ("row", "– Share-based compensation expenses", "– Share-based compensation expense"),
    ("row", "– Foreign exchange loss", "– Foreign exchange losses"),
    ("row", "Adjusted net loss (Non-GAAP Financial Measure)", "Non-GAAP adjusted net loss"),
    ("row", "– Depreciation and amortization", "– Depreciation and amortization expenses"),
    ("row", "– Amortization of intangible assets", "– Amortization of intangible assets¹"),
    ("row", "Share of losses from an equity method investment", "Share of loss of an equity method investee"),
    ("row", "Changes in fair value of currency swap", "Change in fair value of currency swaps"),
    ("row", "Income from ADS Reimbursement", "ADS reimbursement income"),
    ("row", "Allowance for credit losses", "Less: allowance for credit losses"),
    ("row", "Non-mainland China", "Outside mainland China"),
    ("row", "Current income tax expense", "Current tax expense"),
    ("row", "Deferred income tax benefit", "Deferred tax benefit"),
    ("row", "Weighted average number of ordinary shares outstanding – basic and diluted",
     "Weighted average ordinary shares outstanding, basic and diluted"),
    ("row", "Basic and diluted loss per share", "Loss per share, basic and diluted"),
    ("insert", 137, "¹ Amortization of intangible assets acquired in business combinations."),
    ("insert", 137, ""),
    # prose comparatives
    ("prose", 212, "representing an increase of 17.8% from RMB3,667.5 million in the same period of 2024",
     "up 17.8% from RMB3,667.5 million for the first half of 2024"),
    ("prose", (214, 236), "in the same period of 2024", "in the first half of 2024"),
    ("prose", (214, 236), "of the same period of 2024", "in the first half of 2024"),
    ("prose", (218, 236), "representing an increase of ", "up "),
    ("prose", (222, 236), "compared with RMB", "versus RMB"),
    ("prose", 244, "representing an increase of 106.3% from RMB2,648.8 million of December 31, 2024",
     "up 106.3% from RMB2,648.8 million as at December 31, 2024"),
    ("prose", 262, "compared with 68.7% as at 31 December 2024", "up from 68.7% as at 31 December 2024"),
    ("prose", 492, "the Group had an accumulated deficit and net current liabilities of RMB15,063,348 (US\\$2,102,762) and RMB430,515 (US\\$60,097), respectively.",
     "the Group had an accumulated deficit of RMB15,063,348 (US\\$2,102,762) and net current liabilities of RMB430,515 (US\\$60,097)."),
]

JOBS = [("002_f9d89c61d7d6e4d6.txt", "reworded_002.txt", R002),
        ("003_15ccf7b249ddd7c5.txt", "reworded_003.txt", R003),
        ("004_8410975dc4ccff92.txt", "reworded_004.txt", R004)]

def apply(lines: list[str], rules) -> tuple[list[str], list[tuple]]:
    new = list(lines)
    changes: list[tuple] = []  # (original line number, kind, before, after)
    inserts: dict[int, list[str]] = {}
    for rule in rules:
        kind = rule[0]
        if kind == "row":
            old, repl = rule[1], rule[2]
            first, last = rule[3] if len(rule) > 3 else (1, len(new))
            hits = 0
            for i, line in enumerate(new):
                parts = split_row(line) if first <= i + 1 <= last else None
                if parts and parts[1] == old:
                    new[i] = parts[0] + repl + parts[2]
                    changes.append((i + 1, "row label", old, repl))
                    hits += 1
            assert hits, f"no row labelled {old!r}"
        elif kind == "insert":
            _, n, text = rule
            inserts.setdefault(n, []).append(text)
            if text:
                changes.append((n, "footnote added", "", text))
        else:
            _, where, old, repl = rule
            first, last = where if isinstance(where, tuple) else (where, where)
            hits = 0
            for i in range(first - 1, last):
                if old in new[i]:
                    new[i] = new[i].replace(old, repl)
                    changes.append((i + 1, kind, old, repl))
                    hits += 1
            assert hits, f"{old!r} not in line(s) {where}"
    out: list[str] = []
    where_now: dict[int, int] = {}
    for i, line in enumerate(new, start=1):
        out.append(line)
        where_now[i] = len(out)
        for text in inserts.get(i, []):
            out.append(text)
    changes = [(n, where_now[n] + (1 if k == "footnote added" else 0), k, a, b) for n, k, a, b in changes]
    return out, sorted(changes)


NUM = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def amounts(lines: list[str]) -> list[str]:
    """The numbers of a text, less years and days of the month (comparatives may name them differently)."""
    found = NUM.findall("\n".join(lines))
    return sorted(n for n in found if "," in n or "." in n or not (n.isdigit() and (int(n) <= 31 or 1990 <= int(n) <= 2099)))


def same_numbers(a: list[str], b: list[str]) -> None:
    na, nb = amounts(a), amounts(b)
    diff = (Counter(na) - Counter(nb)) + (Counter(nb) - Counter(na))
    assert not diff, f"numbers differ: {dict(diff)}"


def main() -> None:
    md = ["# Reworded copies of the results samples", "",
          "Written by `make_reworded.py`. Each copy prints the same numbers as its sample (the script checks it);",
          "titles, row labels and the comparatives of the prose are worded differently, as another release team",
          "would word them. The facts of a copy are the facts of its sample. Line numbers: `sample` is the line in",
          "`samples/<file>`, `copy` the line in the reworded copy.", ""]
    for src, dst, rules in JOBS:
        lines = sample_lines(src)
        text = "\n".join(lines)
        out, changes = apply(lines, rules)
        same_numbers(lines, out)
        write(dst, "\n".join(out))
        kinds = {k: sum(1 for c in changes if c[2] == k) for k in ("title", "row label", "prose", "footnote added")}
        distinct_rows = len({c[3] for c in changes if c[2] == "row label"})
        md += [f"## `{dst}` from `samples/{src}`", "",
               f"{kinds['title']} titles, {distinct_rows} distinct row labels in {kinds['row label']} rows, "
               f"{kinds['prose']} prose changes, {kinds['footnote added']} footnote lines added; "
               f"{text.count(chr(10))} lines in the sample, {text.count(chr(10)) + len(out) - len(lines)} in the copy.", "",
               "| sample | copy | kind | before | after |", "|---:|---:|---|---|---|"]
        for n, m, kind, before, after in changes:
            md.append(f"| {n} | {m} | {kind} | {esc(before)} | {esc(after)} |")
        md.append("")
    write("reworded.md", "\n".join(md))
    print("wrote reworded_002.txt, reworded_003.txt, reworded_004.txt and reworded.md")


def esc(s: str) -> str:
    return s.replace("|", "\\|").replace("<", "&lt;") if s else "—"


if __name__ == "__main__":
    main()
