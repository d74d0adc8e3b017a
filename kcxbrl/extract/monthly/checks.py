"""Sums a monthly return's printed figures should satisfy: reported, never corrected.

Balance + movement = balance at the close (per scheme too); issued shares
excluding treasury + treasury shares = total issued; authorised shares x par
value = authorised capital; a part's code total (AA1) = the sum of its rows;
the totals of AA1 to EE1 = the movements of section II; an amount paid =
shares x price per share.  Each break is a warning naming the lines.
"""

from __future__ import annotations

from decimal import Decimal

from kcxbrl.extract.concepts import declared_by
from kcxbrl.extract.monthly.reader import Reader
from kcxbrl.xbrl.model import Draft, Member, Period

_concept = declared_by(__name__)
_EXCLUDING = _concept("IssuedSharesExcludingTreasury")
_TREASURY = _concept("TreasuryShares")
_TOTAL = _concept("IssuedSharesTotal")
_SHARES = _concept("AuthorisedShares")
_PAR = _concept("ParValuePerShare")
_CAPITAL = _concept("AuthorisedShareCapital")

_Index = dict[tuple[str, Period, tuple[Member, ...]], Draft]


def check(reader: Reader) -> None:
    index: _Index = {}
    for draft in reader.drafts:
        index.setdefault((draft.concept, draft.period, draft.members), draft)
    _check_roll_forwards(reader, index)
    _check_issued_total(reader, index)
    _check_code_totals(reader, index)
    _check_grand_totals(reader, index)
    _check_products(reader, index)


def _lines(*drafts: Draft | None) -> str:
    return ", ".join(str(n) for n in sorted({d.source.line for d in drafts if d is not None}))


def _check_roll_forwards(reader: Reader, index: _Index) -> None:
    opening, closing, month = reader.month.opening(), reader.month.closing(), reader.month
    schemes = sorted({d.members for d in reader.drafts if d.members})
    for rule in reader.form.roll_forwards:
        for members in [()] + schemes:
            first, last = index.get((rule.balance, opening, members)), index.get((rule.balance, closing, members))
            if first is None or last is None:
                continue
            move = index.get((rule.movement, month, members))
            # a return printing several movements of one scheme prints each by its kind
            moves = [move] if move is not None else [d for k in rule.kinds if (d := index.get((k, month, members)))]
            moved = sum((d.value for d in moves), Decimal(0))  # type: ignore[misc]
            if first.value + moved != last.value:  # type: ignore[operator]
                lines = _lines(first, *moves, last)
                who = f" of '{members[0].value}'" if members else ""
                reader.warn("kcxbrl:monthlyRollForward", f"{rule.balance}{who}: closing {last.value} is not "
                            f"preceding {first.value} plus movement {moved} (lines {lines})", last.source.line)


def _check_issued_total(reader: Reader, index: _Index) -> None:
    for instant in (reader.month.opening(), reader.month.closing()):
        parts = [index.get((c, instant, ())) for c in (_EXCLUDING, _TREASURY, _TOTAL)]
        excluding, treasury, total = parts
        if excluding and treasury and total:
            if excluding.value + treasury.value != total.value:  # type: ignore[operator]
                reader.warn("kcxbrl:monthlyIssuedTotal", f"total issued shares {total.value} at {instant.end} "
                            f"is not {excluding.value} + {treasury.value} treasury shares "
                            f"(lines {_lines(*parts)})", total.source.line)
        shares, par, capital = (index.get((c, instant, ())) for c in (_SHARES, _PAR, _CAPITAL))
        if shares and par and capital and par.currency == capital.currency:
            if shares.value * par.value != capital.value:  # type: ignore[operator]
                reader.warn("kcxbrl:monthlyAuthorisedCapital", f"authorised capital {capital.value} at "
                            f"{instant.end} is not {shares.value} shares x par {par.value} "
                            f"(lines {_lines(shares, par, capital)})", capital.source.line)


def _check_code_totals(reader: Reader, index: _Index) -> None:
    """`(AA1)` is the sum of the rows of part (A) it counts, and so on."""
    for rule in reader.form.code_totals:
        total = index.get((reader.form.codes[rule.code], reader.month, ()))
        if total is None:
            continue
        rows = [d for d in reader.drafts if d.concept in rule.parts and d.period == reader.month
                and d.members and reader.sections.get(d.members) == rule.section]
        summed = sum((d.value for d in rows), Decimal(0))  # type: ignore[misc]
        if summed != total.value:
            reader.warn("kcxbrl:monthlyCodeTotal", f"total {rule.code} {total.value} is not the sum {summed} of "
                        f"{' + '.join(rule.parts)} in part ({rule.section}) (lines {_lines(total, *rows)})",
                        total.source.line)


def _check_grand_totals(reader: Reader, index: _Index) -> None:
    """The totals of AA1 to EE1 and AA2 to EE2 are the movements of section II."""
    opening, closing, month = reader.month.opening(), reader.month.closing(), reader.month
    for rule in reader.form.grand_totals:
        total = index.get((rule.concept, month, ()))
        if total is None:
            continue
        move = index.get((rule.movement, month, ()))
        first, last = index.get((rule.balance, opening, ())), index.get((rule.balance, closing, ()))
        if move is not None:
            moved, shown = move.value, (move,)
        elif first is not None and last is not None:
            moved, shown = last.value - first.value, (first, last)  # type: ignore[operator]
        else:
            continue
        if moved != total.value:
            reader.warn("kcxbrl:monthlyGrandTotal", f"{rule.concept} {total.value} is not the movement {moved} "
                        f"of {rule.balance} in section II (lines {_lines(total, *shown)})", total.source.line)


def _check_products(reader: Reader, index: _Index) -> None:
    """Amount paid = shares x price per share, within the rounding of both printed figures."""
    items = sorted({d.members for d in reader.drafts if d.members})
    for rule in reader.form.products:
        for members in items:
            amount = index.get((rule.amount, reader.month, members))
            price = index.get((rule.price, reader.month, members))
            counts = [d for c in rule.shares if (d := index.get((c, reader.month, members))) is not None]
            if amount is None or price is None or not counts or amount.currency != price.currency:
                continue
            shares = max(abs(d.value) for d in counts)  # type: ignore[arg-type]
            slack = (shares * Decimal(1).scaleb(-(price.decimals or 0))  # type: ignore[operator]
                     + Decimal(1).scaleb(-(amount.decimals or 0))) / 2
            if abs(amount.value - shares * price.value) > slack:  # type: ignore[operator]
                reader.warn("kcxbrl:monthlyAmountPaid", f"amount paid {amount.value} of '{members[0].value}' is not "
                            f"{shares} shares x {price.value} per share (line {amount.source.line})",
                            amount.source.line)
