"""The one currency table: printed forms → ISO 4217 codes, read by every reader of amounts."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from converted import facts
from kcxbrl.errors import TaxonomyError
from kcxbrl.extract.headers import scale_from_text
from kcxbrl.resources import taxonomy_dir
from kcxbrl.text.currencies import currencies, load_currencies
from kcxbrl.text.values import parse_number
from kcxbrl.validation.rules.instance import iso4217_codes

TABLE = taxonomy_dir() / "mapping" / "currencies.toml"


@pytest.mark.parametrize("printed, code", [
    ("RMB", "CNY"), ("CNY", "CNY"), ("US$", "USD"), ("US $", "USD"), ("usd", "USD"), (" HK$ ", "HKD"),
    ("HKD", "HKD"), ("Renminbi", None), ("$", None), ("EUR", None),
])
def test_printed_marks_give_iso_codes(printed: str, code: str | None) -> None:
    assert currencies().code(printed) == code


def test_every_code_is_iso_4217_and_the_filings_currencies_are_listed() -> None:
    table = currencies()
    assert [c.code for c in table.currencies] == ["CNY", "USD", "HKD"]
    assert set(c.code for c in table.currencies) <= iso4217_codes()
    assert (table.reporting, table.convenience) == ("CNY", "USD")
    assert table.signs() == {"CNY": "RMB", "USD": "US$", "HKD": "HK$"}


@pytest.mark.parametrize("header, code", [
    ("Amounts in thousands of Renminbi", "CNY"), ("2025 RMB", "CNY"), ("U.S. dollars", "USD"),
    ("2025 US$", "USD"), ("Hong Kong dollars", "HKD"), ("HK$'000", "HKD"),
])
def test_header_words_name_one_currency(header: str, code: str) -> None:
    assert [c for pattern, c in currencies().words() if pattern.search(header)] == [code]


def test_numbers_and_captions_read_the_same_table() -> None:
    assert parse_number("US$ 1,366.9").value == Decimal("1366.9")  # type: ignore[union-attr]
    assert parse_number("(HK$5.83)").value == Decimal("-5.83")  # type: ignore[union-attr]
    assert parse_number("EUR 5") is None
    assert scale_from_text("(Amounts expressed in Hong Kong dollars)") == 0


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_monthly_returns_write_iso_units(prefix: str) -> None:
    units = {unit for (_, _, unit) in facts(prefix) if unit}
    assert {"USD", "USDPerShare", "shares"} <= units
    assert not any("RMB" in unit for unit in units)
    capital = [f for (concept, _, _), f in facts(prefix).items() if concept == "AuthorisedShareCapital"]
    assert {f.unit for f in capital} == {"USD"}


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "currencies.toml"
    path.write_text(TABLE.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return path


def test_a_printed_form_as_code_is_no_iso_code(tmp_path: Path) -> None:
    # "RMB" is how the filings print the yuan; a table giving it as a code would write iso4217:RMB
    path = _edited(tmp_path, 'code = "CNY"', 'code = "RMB"')
    edited = path.read_text(encoding="utf-8").replace('reporting = "CNY"', 'reporting = "RMB"')
    path.write_text(edited, encoding="utf-8")
    table = load_currencies(path)
    assert {c.code for c in table.currencies} - iso4217_codes() == {"RMB"}


@pytest.mark.parametrize("old, new, complaint", [
    ('code = "CNY"', 'code = "yuan"', "'yuan' is no ISO 4217 code"),
    ('reporting = "CNY"', 'reporting = "EUR"', "reporting currency EUR is not listed"),
    ('marks = ["HK$", "HKD"]', 'marks = ["HK$", "HKD", "usd"]', "mark 'USD' names two currencies"),
    ('code = "HKD"', 'code = "USD"', "currency USD is listed twice"),
])
def test_a_broken_table_is_refused(tmp_path: Path, old: str, new: str, complaint: str) -> None:
    with pytest.raises(TaxonomyError, match=re.escape(complaint)):
        load_currencies(_edited(tmp_path, old, new))
