"""A table's header rows resolved into columns: period, currency, scale.

Headers in the filings are split over up to four rows (`Three Months Ended`
/ `Mar 31,` / `2025` / `RMB`) and a phrase printed once spans the empty cells
to its right.  Each column's texts are joined top to bottom and read as one.

A period phrase printed over a group of columns (`Three Months Ended` over
four, `Year Ended` over three) may also sit in the middle of its group, with
empty cells on both sides.  Then the columns are split into groups so that
each phrase lies over its own group and no group holds two columns printing
the same date and currency; a column that more than one split gives to
different phrases is a finding, never a guess.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from itertools import combinations
from math import comb

from kcxbrl.findings import Finding, warning
from kcxbrl.text.memo import text_cache
from kcxbrl.text.screen import FOLDS
from kcxbrl.xbrl.model import Column, ColumnKind, Layout, Period, Row, Table
from kcxbrl.extract.periods import months_ended
from kcxbrl.text.currencies import currencies
from kcxbrl.text.values import MONTHS, find_dates, is_year, parse_number

log = logging.getLogger(__name__)

PERIOD_UNKNOWN = "kcxbrl:columnPeriodUnknown"
PERIOD_AMBIGUOUS = "kcxbrl:columnPeriodAmbiguous"
CURRENCY_AMBIGUOUS = "kcxbrl:columnCurrencyAmbiguous"
GROUP_AMBIGUOUS = "kcxbrl:columnGroupAmbiguous"

# First cells that mark a header row over the label column.
HEADER_WORDS = frozenset({"notes", "note", "function", "exhibit no.", "exhibit no", "exhibit number"})

# The scales a caption or header may state, as (pattern, power of ten): the first
# statement printed wins, and at one place the smaller scale (the order below).
# Read in ASCII text brought to lower case (see _ascii_stand_in).
_SCALE_WORDS = (
    (r"\bin\s+thousands?\b|\bthousands\s+of\b|'000\b(?!,000)", 3),
    (r"\bin\s+millions?\b|\bmillions\s+of\b|'000,000\b", 6),
    (r"\bin\s+billions?\b|\bbillions\s+of\b", 9),
)
_SCALE = re.compile("|".join(f"(?P<s{scale}>{words})" for words, scale in _SCALE_WORDS))
# every statement prints one of these, and starts at it or at the "in" before it
_SCALE_HINTS = ("thousand", "'000", "million", "billion")
# a caption of its own naming the currency only: amounts in full units (anchored: it
# matches at the start or nowhere, and before any other statement)
_CURRENCY_CAPTION = re.compile(
    r"^\(?\s*(?:all\s+)?(?:amounts?\s+)?(?:are\s+)?(?:(?:expressed|stated|presented)\s+)?in\s+"
    rf"(?:{currencies().any_word()})\s*\)?$",
    re.IGNORECASE,
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NOISE = re.compile(r"\((?:un)?audited\)", re.IGNORECASE)
_NOTE = re.compile(r"notes?|note\(s\)", re.IGNORECASE)
_CHANGE = re.compile(
    r"\bchanges?\b|\byoy\b|\bqoq\b|\b(?:year|quarter|period)[\s-]+(?:on|over)[\s-]+(?:year|quarter|period)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\(%\)|(?<!\S)%(?!\S)|\bpercent(?:age)?\b|\bper\s+cent\b", re.IGNORECASE)
_DURATIONS = (
    (re.compile(r"\b(?:three|3)[\s-]+months?\s+end(?:ed|ing)\b|\bquarters?\s+end(?:ed|ing)\b", re.I), 3),
    (re.compile(r"\b(?:six|6)[\s-]+months?\s+end(?:ed|ing)\b|\bhalf[\s-]+years?\s+end(?:ed|ing)\b", re.I), 6),
    (re.compile(r"\b(?:nine|9)[\s-]+months?\s+end(?:ed|ing)\b", re.I), 9),
    (re.compile(r"\b(?:twelve|12)[\s-]+months?\s+end(?:ed|ing)\b|\byears?\s+end(?:ed|ing)\b", re.I), 12),
    (re.compile(r"\bmonth\s+end(?:ed|ing)\b", re.I), 1),
)
# A phrase that names a period for the columns under it (what a group header says).
_GROUP_PHRASE = re.compile(
    "|".join(p.pattern for p, _ in _DURATIONS) + r"|\bas\s+(?:of|at)\b", re.IGNORECASE
)
# Splits of a group row's columns worth trying; more is no header a filing prints.
_MAX_SPLITS = 5000
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d|2100)(?!\d)")
_MONTH_DAY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})\b(?!\s*%)|\b(\d{1,2})\s+([A-Za-z]{3,9})\b")


@text_cache()
def scale_from_text(text: str) -> int | None:
    """The power of ten a caption or header states for its amounts, if any."""
    if _CURRENCY_CAPTION.match(text):
        return 0
    if not text.isascii():
        text = _NON_ASCII.sub(_ascii_stand_in, text)
    lower = text.lower()
    starts: set[int] = set()
    for hint in _SCALE_HINTS:  # most lines print none: a few substring searches, no pattern
        at = lower.find(hint)
        while at >= 0:
            if hint == "'000" or lower.startswith("s", at + len(hint)):  # `'000`, `thousands of`
                starts.add(at)
            before = len(lower[:at].rstrip()) - 2
            if before >= 0 and lower.startswith("in", before):  # `in thousands`
                starts.add(before)
            at = lower.find(hint, at + 1)
    for start in sorted(starts):  # the first statement wins; one statement at most starts at a place
        match = _SCALE.match(lower, start)
        if match:
            return int(match.lastgroup[1:])  # type: ignore[index]
    return None


def _ascii_stand_in(match: re.Match[str]) -> str:
    """A character outside ASCII as the scale patterns read it (case-insensitively):
    the ASCII letter it folds to, a space, the apostrophe, or a word character
    ("x") or other character ("#") neither pattern prints."""
    char = match.group(0)
    if char in FOLDS:
        return FOLDS[char]
    if char == "’":
        return "'"
    if char.isspace():
        return " "
    return "x" if char.isalnum() else "#"


def resolve_layout(table: Table, source: str, default_scale: int = 0) -> tuple[Layout, list[Finding]]:
    """Read a table's leading header rows into one Column per value cell."""
    count = _header_count(table)
    heads = table.rows[:count]
    width = table.width
    texts, lines, contested = _column_texts(heads, width)
    findings: list[Finding] = []
    columns: list[Column] = []
    for j in range(1, width):
        header = " ".join(texts[j])
        line = lines[j] or table.line
        column, problems = _column(j, header, default_scale, contested=j in contested)
        # a column under no header at all holds cells of misshapen rows; the rows say so
        if problems and header and column.kind is ColumnKind.VALUE and count and _holds_numbers(table.rows[count:], j):
            findings.extend(
                _finding(code, table, j, header, source, line, contested.get(j, ())) for code in problems
            )
        columns.append(column)
    log.debug("table %d: %d header rows, %d columns", table.index, count, len(columns))
    return Layout(header_rows=count, columns=tuple(columns)), findings


def data_rows(table: Table, layout: Layout) -> tuple[Row, ...]:
    """The rows below the header."""
    return table.rows[layout.header_rows :]


def _header_count(table: Table) -> int:
    for count, row in enumerate(table.rows):
        if not _is_header_row(row):
            return count
    return len(table.rows)


def _is_header_row(row: Row) -> bool:
    first = row.label.strip().rstrip(":").lower()
    if first and first not in HEADER_WORDS:
        return False
    return not any(_is_amount(cell) for cell in row.cells[1:])


def _is_amount(cell: str) -> bool:
    number = parse_number(cell)
    return number is not None and not is_year(number)


def _column_texts(
    heads: tuple[Row, ...], width: int
) -> tuple[list[list[str]], list[int | None], dict[int, tuple[str, ...]]]:
    """Per column, the header texts top to bottom, the line of the first, and
    the columns two or more group phrases could head (with those phrases)."""
    texts: list[list[str]] = [[] for _ in range(width)]
    lines: list[int | None] = [None] * width
    contested: dict[int, tuple[str, ...]] = {}
    owners_above: list[list[int | None]] = []
    rows = [[c.strip() for c in row.cells] + [""] * (width - len(row.cells)) for row in heads]
    reach = max((len(row.cells) for row in heads), default=0)  # columns past every header row have none
    for position, (row, cells) in enumerate(zip(heads, rows)):
        owners, doubtful = _owners(cells, owners_above, rows[position + 1 :])
        owners[reach:] = [None] * (width - reach)
        for k, phrases in doubtful.items():
            contested[k] = contested.get(k, ()) + tuple(cells[p] for p in phrases)
            lines[k] = lines[k] or row.line
        for k in range(1, width):
            owner = owners[k]
            if owner is None:
                continue
            texts[k].append(cells[owner])
            if lines[k] is None:
                lines[k] = row.line
        owners_above.append(owners)
    return texts, lines, contested


def _signatures(below: list[list[str]], width: int) -> list[str]:
    """What the rows under a header row print in each column (`Dec 31, 2025 RMB`)."""
    return [" ".join(cells[k] for cells in below if cells[k]) for k in range(width)]


def _owners(
    cells: list[str], above: list[list[int | None]], rows_below: list[list[str]]
) -> tuple[list[int | None], dict[int, list[int]]]:
    """Which cell's text each column takes in this row (merged cells span right),
    and the columns whose phrase cannot be told (with the candidate cells).

    A cell spans the empty cells after it only while the rows above group those
    columns with it: a lower header row subdivides the upper one, never crosses it.
    Period phrases printed over the middle of their groups are placed by
    ``_centred``.
    """
    owners: list[int | None] = [k if cells[k] else None for k in range(len(cells))]
    for j in range(1, len(cells)):
        if not cells[j]:
            continue
        k = j + 1
        while k < len(cells) and not cells[k] and all(row[k] == row[j] for row in above):
            owners[k] = j
            k += 1
    doubtful: dict[int, list[int]] = {}
    below: list[str] = []  # what the rows below print per column, read once a group phrase asks
    for block in _blocks(len(cells), above):
        phrases = [k for k in block if cells[k]]
        if not phrases or not all(_GROUP_PHRASE.search(cells[k]) for k in phrases):
            continue
        below = below or _signatures(rows_below, len(cells))
        leaves = [k for k in block if below[k]]
        if not leaves or not _needs_regrouping(phrases, leaves, owners, below):
            continue
        _centred(phrases, leaves, below, owners, doubtful)
    return owners, doubtful


def _blocks(width: int, above: list[list[int | None]]) -> list[list[int]]:
    """Runs of value columns the rows above keep together."""
    blocks: list[list[int]] = []
    for k in range(1, width):
        if blocks and all(row[k] == row[k - 1] for row in above):
            blocks[-1].append(k)
        else:
            blocks.append([k])
    return blocks


def _needs_regrouping(phrases: list[int], leaves: list[int], owners: list[int | None], below: list[str]) -> bool:
    """Spanning to the right leaves a column before the first phrase without
    one, or puts two columns of the same date and currency under one of two
    or more phrases (another split may keep them apart)."""
    if leaves[0] < phrases[0]:
        return True
    if len(phrases) == 1:
        return False
    groups: dict[int, list[str]] = {}
    for k in leaves:
        owner = owners[k]
        if owner is not None:
            groups.setdefault(owner, []).append(below[k])
    return any(len(set(g)) < len(g) for g in groups.values())


def _centred(
    phrases: list[int], leaves: list[int], below: list[str],
    owners: list[int | None], doubtful: dict[int, list[int]],
) -> None:
    """Give each column the phrase of its group, for phrases printed over
    their groups: every split of the columns into runs, one per phrase, where
    each phrase lies over its run and no run repeats a date and currency."""
    splits: list[tuple[int, ...]] = []
    if comb(len(leaves) - 1, len(phrases) - 1) > _MAX_SPLITS:
        return _undecided(phrases, leaves, owners, doubtful)
    for cuts in combinations(range(1, len(leaves)), len(phrases) - 1):
        bounds = (0, *cuts, len(leaves))
        runs = [leaves[a:b] for a, b in zip(bounds, bounds[1:])]
        if all(run[0] <= p <= run[-1] and len({below[k] for k in run}) == len(run) for p, run in zip(phrases, runs)):
            splits.append(tuple(p for p, run in zip(phrases, runs) for _ in run))
    if not splits:  # no reading fits
        return _undecided(phrases, leaves, owners, doubtful)
    for i, k in enumerate(leaves):
        choices = sorted({split[i] for split in splits})
        if len(choices) == 1:
            owners[k] = choices[0]
        else:
            owners[k] = None
            doubtful[k] = choices


def _undecided(
    phrases: list[int], leaves: list[int], owners: list[int | None], doubtful: dict[int, list[int]]
) -> None:
    """No column of the block takes a phrase; each is a finding."""
    for k in leaves:
        owners[k] = None
        doubtful[k] = list(phrases)


def _column(j: int, header: str, default_scale: int, *, contested: bool = False) -> tuple[Column, list[str]]:
    said, problems = _header_says(header, default_scale, contested)
    return Column(j, *said), list(problems)


_Said = tuple[ColumnKind, str, Period | None, str | None, int, bool]  # a Column's fields after its index


@text_cache()
def _header_says(header: str, default_scale: int, contested: bool) -> tuple[_Said, tuple[str, ...]]:
    """What a column header says (tables repeat their headers: read once), and its problems."""
    body = " ".join(_NOISE.sub(" ", header).split())
    if _NOTE.fullmatch(body):
        return (ColumnKind.NOTE, header, None, None, 0, False), ()
    percent = _PERCENT.search(body) is not None
    currency, problems = _currency(body)
    if percent:
        scale = 0  # a percentage carries no scale, whatever the caption says
    else:
        stated = scale_from_text(body)
        scale = default_scale if stated is None else stated
    if _CHANGE.search(body):
        return (ColumnKind.CHANGE, header, None, currency, scale, percent), ()
    if contested:  # its date alone would read as an instant: no period at all
        return (ColumnKind.VALUE, header, None, currency, scale, percent), (*problems, GROUP_AMBIGUOUS)
    period, code = _period(body)
    if code:
        problems.append(code)
    return (ColumnKind.VALUE, header, period, currency, scale, percent), tuple(problems)


def _currency(body: str) -> tuple[str | None, list[str]]:
    found = {code for pattern, code in currencies().words() if pattern.search(body)}
    if len(found) > 1:
        return None, [CURRENCY_AMBIGUOUS]
    return (found.pop() if found else None), []


def _period(body: str) -> tuple[Period | None, str | None]:
    """The period a column header names, or the finding code saying why not."""
    years = {int(y) for y in _YEAR.findall(body)}
    days = _month_days(body)
    dates = set(find_dates(body))
    if len(years) > 1 or len(days) > 1 or len(dates) > 1:
        return None, PERIOD_AMBIGUOUS
    if dates:
        end = dates.pop()
    elif days and years:
        # `December 31,` and `2024` printed apart, other header text between them
        (month, day), year = days.pop(), years.pop()
        try:
            end = date(year, month, day)
        except ValueError:
            return None, PERIOD_UNKNOWN
    else:
        return None, PERIOD_UNKNOWN
    durations = {n for pattern, n in _DURATIONS if pattern.search(body)}
    if len(durations) > 1:  # two group phrases over one column
        return None, PERIOD_AMBIGUOUS
    months = durations.pop() if durations else None
    if months is None:
        return Period(None, end), None  # `As at` or a bare date: an instant
    return months_ended(end, months), None


def _month_days(body: str) -> set[tuple[int, int]]:
    """The (month, day) pairs a header prints, with or without a year."""
    days: set[tuple[int, int]] = set()
    for match in _MONTH_DAY.finditer(body):
        name, day = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        month = MONTHS.get(name.lower())
        if month is not None:
            days.add((month, int(day)))
    return days


def _holds_numbers(rows: tuple[Row, ...], j: int) -> bool:
    return any(j < len(r.cells) and parse_number(r.cells[j]) is not None for r in rows)


def _finding(
    code: str, table: Table, j: int, header: str, source: str, line: int, phrases: tuple[str, ...] = ()
) -> Finding:
    if code == PERIOD_AMBIGUOUS:
        what = "names more than one period"
    elif code == GROUP_AMBIGUOUS:
        named = " or ".join(f"'{p}'" for p in dict.fromkeys(phrases))
        what = f"may belong to the group headed {named}; its period is left open"
    elif code == CURRENCY_AMBIGUOUS:
        what = "names more than one currency"
    else:
        what = "names no period (no date, or no year with a month and day)"
    return warning(code, f"table {table.index} column {j}: header '{header}' {what}", file=source, line=line)
