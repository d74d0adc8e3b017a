"""Arelle on the validation corpus (tests/data/validate): for every file
expected.toml says Arelle checks, Arelle reports the rule kcxbrl reports, at
least at the level given, and nothing on the valid controls."""

from __future__ import annotations

import pytest

from arelle_runner import ArelleOptions, arelle_check, needs_arelle
from validate_corpus import CASES, DATA, case_id

# with the Units Registry and every kind of duplicate fact, as kcxbrl checks them
OPTIONS = ArelleOptions(calc="c11r", utr=True, duplicates="all")
RANK = {"info": 0, "warning": 1, "inconsistency": 2, "error": 3, "critical": 4, "fatal": 5}


@needs_arelle
@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_arelle_agrees(case: dict[str, object]) -> None:
    if not case.get("arelle"):
        pytest.skip(str(case.get("arelle_reason", "Arelle does not check this rule")))
    checked = arelle_check(DATA / str(case["file"]), OPTIONS)
    assert checked.logged
    if case.get("valid"):
        assert checked.problems == []
        return
    code, level = str(case["arelle_code"]), str(case["arelle_level"])
    assert any(m.code == code and RANK.get(m.level, 0) >= RANK[level] for m in checked.messages), checked.messages
