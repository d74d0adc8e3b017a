"""Short cuts in reading numbers and label keys give what the full reading gives."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kcxbrl.text import labels, values
from kcxbrl.text.labels import exact_key, vocabulary
from kcxbrl.text.read import clean_text
from kcxbrl.text.values import parse_number, scaled
from kcxbrl.xbrl.model import Number
from kcxbrl.xbrl.taxonomy import default_taxonomy
from paths import DATA, SAMPLES

FILES = sorted(SAMPLES.glob("*.txt")) + sorted((DATA / "next").glob("*.txt")) + sorted((DATA / "hostile").glob("*.txt"))
CELLS = sorted({
    cell for path in FILES for line in path.read_text(encoding="utf-8", errors="replace").split("\n")
    for cell in line.split("\t")
} | {"(1,234", "1,234)", "12,34", "1234.", ".5", "(0.50)", "007", "1,234,567.890", "\\(12)", "<u>(5)</u>", " 12 "})


def _full_reading(text: str) -> Number | None:
    """parse_number with only the full cleaning and the full pattern."""
    cleaned = clean_text(text)
    if cleaned in values._NILS:
        return Number(Decimal(0), 0, False, True, cleaned)
    return values._read_number(cleaned)


def test_every_cell_reads_as_the_full_pattern_reads_it() -> None:
    numbers = 0
    for cell in CELLS:
        number = parse_number(cell)
        assert repr(number) == repr(_full_reading(cell)), cell
        numbers += number is not None
    assert numbers > 500


@pytest.mark.parametrize("scale", [-3, 0, 1, 3, 6, 9])
def test_scaled_writes_values_as_a_shift_of_the_digits_does(scale: int) -> None:
    for cell in CELLS:
        number = parse_number(cell)
        if number is not None:
            value, decimals = scaled(number, scale)
            shifted = values._shift(number.value, scale)
            assert (str(value), decimals) == (str(shifted), number.decimals - scale), cell


def _phrases_in_turn(text: str) -> str:
    for words, pattern, replacement in vocabulary().phrases:
        if words in text:
            text = pattern.sub(replacement, text)
    return text


def test_phrases_are_tried_where_their_first_word_is_printed() -> None:
    vocab = vocabulary()
    texts = [labels._pre(labels._strip(cell)) for cell in CELLS]
    texts += [words for words, _, _ in vocab.phrases]
    texts += [f"net cash {words} x {words}" for words, _, _ in vocab.phrases]
    changed = 0
    for text in texts:
        assert labels._phrases(text, vocab) == _phrases_in_turn(text), text
        changed += _phrases_in_turn(text) != text
    assert changed > len(vocab.phrases)


def test_the_taxonomy_keeps_the_keys_of_the_labels_it_indexes() -> None:
    taxonomy = default_taxonomy()
    index = taxonomy.label_index("BalanceSheet")
    assert len(index.keys) > 100
    for text, (exact, loose) in list(index.keys.items())[:300]:
        assert (exact, loose) == (labels.exact_key(text), labels.loose_key(text))
        assert taxonomy.exact_key(text) == exact
    assert taxonomy.exact_key("Total revenues, as printed nowhere") == exact_key("Total revenues, as printed nowhere")


def test_a_role_counts_its_items_and_the_keys_naming_them() -> None:
    taxonomy = default_taxonomy()
    role = taxonomy.role("BalanceSheet")
    items, naming = taxonomy.items(role.id)
    assert items == sum(1 for n in role.nodes if not taxonomy.concepts[n.concept].abstract)
    assert exact_key("Total assets") in naming
    assert exact_key("Balance sheets") not in naming  # the role's abstract root names no item
