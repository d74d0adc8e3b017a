"""The currencies the filings print, kept as one table (taxonomy/mapping/currencies.toml).

In: a printed form of a currency (`RMB`, `US$`, `HK$`, `Renminbi`).  Out: its
ISO 4217 code, which is also the id of the unit an amount in it is written
with.  Every reader of amounts asks here (numbers in cells, column headers
and captions, the monthly return, sentences), and so do the cross-checks and
the readable views (the codes, and the sign an amount is printed back with).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kcxbrl.errors import TaxonomyError
from kcxbrl.resources import taxonomy_dir

_CODE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Currency:
    code: str  # ISO 4217, and the unit id
    sign: str  # how an amount is printed back: "RMB", "US$"
    marks: tuple[str, ...]  # printed before a figure or in a cell of its own
    names: tuple[str, ...]  # words naming it in a header or caption


def _mark(mark: str) -> str:
    """A mark as a regular expression: a `$` after letters may be set off by one space."""
    return re.sub(r"(?<=[A-Za-z])\\\$", r"\\s?\\$", re.escape(mark))


def _name(name: str) -> str:
    return re.escape(name).replace(r"\ ", r"\s+")


def _bounded(pattern: str, printed: str) -> str:
    """Word boundaries on the sides where the form begins or ends with a letter or digit."""
    start = r"\b" if printed[:1].isalnum() else ""
    end = r"\b" if printed[-1:].isalnum() else ""
    return start + pattern + end


def _longest_first(forms: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return sorted(forms, key=lambda f: -len(f[1]))


@dataclass(frozen=True)
class Currencies:
    currencies: tuple[Currency, ...]
    reporting: str  # the currency the results are reported in
    convenience: str  # the currency of their convenience translations
    bare: tuple[str, ...] = ()  # signs that name no currency by themselves ("$")

    def code(self, printed: str) -> str | None:
        """The code of a printed mark (`US $`, `hkd`), or None."""
        wanted = re.sub(r"\s+", "", printed).upper()
        for currency in self.currencies:
            if wanted in (m.upper() for m in currency.marks):
                return currency.code
        return None

    def sign(self, code: str) -> str:
        return next((c.sign for c in self.currencies if c.code == code), code)

    def signs(self) -> dict[str, str]:
        """Code → the sign an amount in it is printed back with."""
        return {c.code: c.sign for c in self.currencies}

    @lru_cache(maxsize=None)
    def marks(self, *codes: str) -> str:
        """A regular expression matching the marks of these currencies (of all when none is named)."""
        chosen = [c for c in self.currencies if not codes or c.code in codes]
        forms = _longest_first([(_mark(m), m) for c in chosen for m in c.marks])
        return "|".join(p for p, _ in forms)

    @lru_cache(maxsize=None)
    def number_signs(self) -> str:
        """What a printed number may carry before it: every mark, and the bare signs."""
        return "|".join([self.marks(), *(re.escape(b) for b in self.bare)])

    @lru_cache(maxsize=None)
    def any_word(self) -> str:
        """Every mark and name, for a caption that names the currency only."""
        forms = [(_mark(m), m) for c in self.currencies for m in c.marks]
        forms += [(_name(n), n) for c in self.currencies for n in c.names]
        return "|".join(p for p, _ in _longest_first(forms))

    @lru_cache(maxsize=None)  # the table is frozen; readers ask for every line
    def words(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        """For each currency, a pattern of its marks and names as words of a header, any case."""
        out = []
        for c in self.currencies:
            forms = [(_mark(m), m) for m in c.marks] + [(_name(n), n) for n in c.names]
            alternatives = "|".join(_bounded(p, printed) for p, printed in _longest_first(forms))
            out.append((re.compile(alternatives, re.IGNORECASE), c.code))
        return tuple(out)


def load_currencies(path: Path) -> Currencies:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        table = tuple(Currency(c["code"], c["sign"], tuple(c["marks"]), tuple(c.get("names", ())))
                      for c in data["currencies"])
        loaded = Currencies(table, data["reporting"], data["convenience"], tuple(data.get("bare", ())))
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise TaxonomyError(f"{path}: {exc!r}") from exc
    codes = [c.code for c in table]
    problems = [f"'{c}' is no ISO 4217 code" for c in codes if not _CODE.match(c)]
    problems += [f"currency {c} is listed twice" for c in sorted(set(codes)) if codes.count(c) > 1]
    problems += [f"{key} currency {code} is not listed" for key, code in
                 (("reporting", loaded.reporting), ("convenience", loaded.convenience)) if code not in codes]
    marks = [m.upper() for c in table for m in c.marks]
    problems += [f"mark '{m}' names two currencies" for m in sorted(set(marks)) if marks.count(m) > 1]
    if problems:
        raise TaxonomyError(f"{path}: " + "; ".join(problems))
    return loaded


@lru_cache(maxsize=1)
def currencies() -> Currencies:
    """The bundled currency table."""
    return load_currencies(taxonomy_dir() / "mapping" / "currencies.toml")
