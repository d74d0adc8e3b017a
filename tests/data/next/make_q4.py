"""Source of the fixture q4_2025_release.txt and its golden facts.

A fourth-quarter and full-year 2025 press release that Kingsoft Cloud has not
published in this form: the text and q4_2025_release.expected.csv are both
written from the numbers in q4_figures.py, so the two cannot disagree.

Where the figures exist in the samples they are taken from there: the fourth
quarter of 2025 is the "Dec 31, 2025" column of samples/003, the years 2024 and
2025 are the annual columns of samples/002 (its US$ column included). The
fourth quarter of 2024 and the third quarter of 2025 are invented, plausible
and internally consistent; the third quarter of 2025 is deliberately a
profitable quarter (it does not reconcile with the half year of samples/004).
One operating expense row the samples do not have, "Provision for credit
losses", is carved out of general and administrative expenses so that every
printed total stays the samples' total.

US$ figures are RMB / 6.9931 (the convenience rate of samples/002) rounded to
thousands; a printed US$ total is the sum of its printed US$ parts.

The figures are in q4_figures.py, the text is written by q4_tables.py and
q4_prose.py, in the table form of fixture_text.py.

Run:  python tests/data/next/make_q4.py   (rewrites both files, checks the
arithmetic and stops with an error if a total does not add up).
"""
from __future__ import annotations

import csv
from decimal import Decimal

from fixture_text import HERE, write
from q4_figures import (
    ADS_OUT, BS, BS_CALC, CALC, CAPEX, CAPEX_USD_2025, CF, COLS, COST_PARTS, EPS, IS, LINKS, MARGIN_OF, NG, PERIOD,
    PRINTED_MARGINS, RATE, RMB_COLS, SHARES, SHARES_OUT, USD_OF, eps_usd, margin, q,
)
from q4_prose import note_usd_printed
from q4_tables import text

Row = tuple[str, ...]  # concept, period, unit, value, decimals[, dimensions]


# ======================================================================= arithmetic
def build_values() -> dict[str, dict[str, int | None]]:
    """concept -> column -> value in thousands (None = nil)."""
    data: dict[str, dict[str, int | None]] = {}
    for table in (IS, NG, CF):
        for concept, r in table.items():
            key = concept.replace(" ", "_")
            data[key] = {c: r[c] for c in RMB_COLS}
            data[key]["fy25u_printed"] = r["fy25u_printed"]
    # US$ columns: parts converted at the rate, totals summed from printed parts
    for key, vals in data.items():
        for ucol, rcol in USD_OF.items():
            v = vals[rcol]
            vals[ucol] = None if v is None else int(q(Decimal(v) / RATE))
        if vals["fy25u_printed"] is not None:  # samples/002 printed it
            vals["fy25u"] = vals["fy25u_printed"]
    for ucol in USD_OF:
        for _ in range(3):
            for total, parts in CALC:
                if total == "CashEnd":
                    continue
                if total == "ProfitLoss" and "NetIncomeLoss" in parts:
                    continue
                if total == "ComprehensiveIncomeIncludingNoncontrollingInterest" and "Parent" in parts:
                    continue
                data[total][ucol] = _sum(data, parts, ucol)
        # attributable to parent: the remainder, so both attributions add up
        data["NetIncomeLoss"][ucol] = data["ProfitLoss"][ucol] - data["NetIncomeLossAttributableToNoncontrollingInterest"][ucol]
        data["ComprehensiveIncomeAttributableToParent"][ucol] = (
            data["ComprehensiveIncomeIncludingNoncontrollingInterest"][ucol]
            - data["ComprehensiveIncomeAttributableToNoncontrollingInterest"][ucol])
        # cash at the end of the year is one figure; the beginning is what it implies
        # (samples/002's 874,754: the balance sheet's US$ cash plus restricted cash)
        data["CashEnd"][ucol] = data["CashEnd"]["fy25u_printed"]
        data["CashBegin"][ucol] = data["CashEnd"][ucol] - data["CashPeriodIncreaseDecrease"][ucol]
    for key, vals in data.items():
        printed = vals.pop("fy25u_printed")
        if key == "CashBegin":
            assert vals["fy25u"] == printed, (key, vals["fy25u"], printed)
        elif printed is not None:
            assert vals["fy25u"] == printed, (key, vals["fy25u"], printed)
    # the carved-out row keeps samples/002's US$ G&A total of 130,788
    assert data["GeneralAndAdministrativeExpense"]["fy25u"] + data["?Provision_for_credit_losses"]["fy25u"] == 130788
    return data


def _sum(data, parts: str, col: str) -> int:
    total = 0
    for p in parts.split():
        sign = -1 if p.startswith("-") else 1
        total += sign * (data[p.lstrip("-")][col] or 0)
    return total


def check(data) -> None:
    bad = []
    for col in COLS:
        for total, parts in CALC:
            got = _sum(data, parts, col)
            if (data[total][col] or 0) != got:
                bad.append(f"{col}: {total} {data[total][col]} != {got} ({parts})")
        for adj, line, sign in LINKS:
            if (data[adj][col] or 0) != sign * (data[line][col] or 0):
                bad.append(f"{col}: {adj} != {sign} * {line}")
    bs = {c: (a, b, u) for c, _, a, b, u, _ in BS if c}
    for i in range(3):
        for total, parts in BS_CALC:
            got = sum((-1 if p.startswith("-") else 1) * (bs[p.lstrip("-")][i] or 0) for p in parts.split())
            if bs[total][i] != got:
                bad.append(f"BS col {i}: {total} {bs[total][i]} != {got}")
    cash = {0: bs["CashAndCashEquivalents"], 1: bs["RestrictedCashCurrent"]}
    assert cash[0][0] + cash[1][0] == data["CashEnd"]["fy24"]
    assert cash[0][1] + cash[1][1] == data["CashEnd"]["fy25"]
    assert cash[0][2] + cash[1][2] == data["CashEnd"]["fy25u"]
    assert data["CashEnd"]["q4_25u"] == data["CashEnd"]["fy25u"]
    assert data["CashBegin"]["q4_25"] == data["CashEnd"]["q3_25"]
    assert data["CashEnd"]["q4_24"] == data["CashBegin"]["fy25"] == data["CashEnd"]["fy24"]
    assert sum(v[0] for v in COST_PARTS.values()) == data["CostOfRevenue"]["q4_25"]
    for col, eps in EPS.items():
        if col in SHARES:
            got = q(Decimal(data["NetIncomeLoss"][col]) * 1000 / SHARES[col], "0.01")
            if got != Decimal(eps):
                bad.append(f"EPS {col}: {eps} vs {got}")
    for col, margins in PRINTED_MARGINS.items():
        for m, printed in margins.items():
            if margin(data, m, col) != Decimal(printed):
                bad.append(f"margin {m} {col}: {margin(data, m, col)} vs printed {printed}")
    for col in USD_OF:
        for key, vals in data.items():
            direct = None if vals[USD_OF[col]] is None else q(Decimal(vals[USD_OF[col]]) / RATE)
            if direct is not None and abs(direct - vals[col]) > 3:
                bad.append(f"{col} {key}: {vals[col]} far from {direct}")
    if bad:
        raise SystemExit("arithmetic does not hold:\n" + "\n".join(bad))


# ======================================================================= golden facts
def period(col: str, kind: str = "duration") -> str:
    start, end, before = PERIOD[col]
    if kind == "start":
        return before
    if kind == "end":
        return end
    return f"{start}--{end}"


def unit(col: str) -> str:
    return "USD" if col.endswith("u") else "CNY"


def fact(concept: str, per: str, u: str, value: object, dec: object) -> Row:
    return (concept, per, u, str(value), str(dec))


def statement_facts(data) -> list[Row]:
    """The income statement and the reconciliations, per share figures and margins included."""
    rows = []
    for key in list(IS) + list(NG):
        k = key.replace(" ", "_")
        for col in COLS:
            rows.append(fact(key, period(col), unit(col), (data[k][col] or 0) * 1000, -3))
        if key == "NetIncomeLoss":
            eps = dict(EPS, q4_25u=eps_usd(data))
            for col in COLS:
                rows.append(fact("EarningsPerShareBasicAndDiluted", period(col), unit(col) + "/shares", eps[col], 2))
            for col in RMB_COLS:
                rows.append(fact("WeightedAverageSharesBasicAndDiluted", period(col), "shares", SHARES[col], 0))
    for m in MARGIN_OF:
        for col in RMB_COLS:
            rows.append(fact(m, period(col), "pure", margin(data, m, col) / 100, 3))
    return rows


def balance_and_cash_facts(data) -> list[Row]:
    rows = []
    for concept, _, a, bb, u, style in BS:
        if concept:
            for v, per, un in ((a, "2024-12-31", "CNY"), (bb, "2025-12-31", "CNY"), (u, "2025-12-31", "USD")):
                rows.append(fact(concept, per, un, (v or 0) * 1000, -3))
    for key in CF:
        if key.startswith("Cash") and key != "CashPeriodIncreaseDecrease":
            continue
        for col in COLS:
            rows.append(fact(key, period(col), unit(col), data[key][col] * 1000, -3))
    # cash at beginning and end of the periods: instants, one fact each
    seen = set()
    for col in COLS:
        for key, kind in (("CashBegin", "start"), ("CashEnd", "end")):
            per = period(col, kind)
            if (per, unit(col)) in seen:
                continue
            seen.add((per, unit(col)))
            rows.append(fact("CashCashEquivalentsAndRestrictedCash", per, unit(col), data[key][col] * 1000, -3))
    return rows


def hundreds(v: Decimal) -> int:
    """Thousands -> 0.1 million, in full units."""
    return int(q(v / 100)) * 100 * 1000


def prose_facts() -> list[Row]:
    """Figures only in the prose: millions with one decimal -> decimals -5."""
    rows = []
    for concept, (now, before) in COST_PARTS.items():
        rows.append(fact(concept, period("q4_25"), "CNY", hundreds(Decimal(now)), -5))
        rows.append(fact(concept, period("q4_25"), "USD", hundreds(Decimal(now) / RATE), -5))
        rows.append(fact(concept, period("q4_24"), "CNY", hundreds(Decimal(before)), -5))
    return rows + [
        fact("CapitalExpenditures", period("fy25"), "CNY", CAPEX[0] * 1000, -5),
        fact("CapitalExpenditures", period("fy25"), "USD", CAPEX_USD_2025 * 1000, -5),
        fact("CapitalExpenditures", period("fy24"), "CNY", CAPEX[1] * 1000, -5),
        fact("ConvenienceTranslationRate", "2025-12-31", "CNY/USD", RATE, 4),
        fact("OrdinarySharesOutstanding", "2025-12-31", "shares", SHARES_OUT, 0),
        fact("AdsEquivalentOfSharesOutstanding", "2025-12-31", "shares", ADS_OUT, 0),
    ]


def cover_facts() -> list[Row]:
    """The cover page of the 6-K (dei facts for the month of the report)."""
    month = "2026-03-01--2026-03-31"
    rows = []
    for concept, value in (
        ("AnnualReportForm", "20-F"),
        ("DocumentPeriodEndDate", "2026-03-31"),
        ("DocumentType", "6-K"),
        ("EntityAddressAddressLine1", "Building D, Xiaomi Science and Technology Park, No. 33 Xierqi Middle Road"),
        ("EntityAddressAddressLine2", "Haidian District"),
        ("EntityAddressCityOrTown", "Beijing"),
        ("EntityAddressCountryName", "the People's Republic of China"),
        ("EntityAddressPostalZipCode", "100085"),
        ("EntityFileNumber", "001-39278"),
        ("EntityRegistrantName", "Kingsoft Cloud Holdings Limited"),
        ("HkexStockCode", "3896"),
        ("SignatureDate", "2026-03-25"),
        ("SignerName", "Yi Li"),
        ("SignerTitle", "Chief Financial Officer"),
        ("TradingSymbol", "KC"),
    ):
        rows.append(fact(concept, month, "", value, ""))
    exhibit = "Press Release — Kingsoft Cloud Announces Unaudited Fourth Quarter and Fiscal Year 2025 Financial Results"
    rows.append(("ExhibitDescription", month, "", exhibit, "", "ExhibitNumberAxis=99.1"))
    return rows


def facts(data) -> list[list[str]]:
    """One line per fact (a figure printed twice is one fact with one value)."""
    uniq: dict[tuple, Row] = {}
    for r in statement_facts(data) + balance_and_cash_facts(data) + prose_facts() + cover_facts():
        keyr = r[:3]
        if keyr in uniq:
            assert uniq[keyr][3] == r[3], ("one fact, two values", r, uniq[keyr])
            continue
        uniq[keyr] = r
    return [list(r) if len(r) == 6 else [*r, ""] for r in uniq.values()]


def normalize_pure(v: str) -> str:
    d = Decimal(v).normalize()
    return format(d, "f")



def main() -> None:
    data = build_values()
    check(data)
    note_usd_printed(data)
    write("q4_2025_release.txt", text(data))
    with open(HERE / "q4_2025_release.expected.csv", "w", encoding="utf-8", newline="") as fh:
        wr = csv.writer(fh, lineterminator="\n")
        wr.writerow(["concept", "period", "unit", "value", "decimals", "dimensions"])
        for concept, per, u, v, dec, dims in facts(data):
            if u == "pure" or u.endswith("/shares") or u == "CNY/USD":
                v = normalize_pure(v)
            wr.writerow([concept.replace("_", " "), per, u, v, dec, dims])
    print("wrote q4_2025_release.txt and q4_2025_release.expected.csv")


if __name__ == "__main__":
    main()
