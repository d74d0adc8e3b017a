"""What kcxbrl writes for each sample is clean in an independent XBRL processor
(Arelle): no errors, no warnings, no calculation inconsistencies
(Calculations 1.1), and Arelle reads as many facts as kcxbrl wrote."""

from __future__ import annotations

import pytest

from arelle_runner import arelle_check, needs_arelle
from case_runs import sample_run

PREFIXES = ["000", "001", "002", "003", "004"]


@needs_arelle
@pytest.mark.parametrize("prefix", PREFIXES)
def test_arelle_finds_nothing(prefix: str) -> None:
    run = sample_run(prefix)
    checked = arelle_check(run.file(".xbrl"))
    assert checked.logged and checked.problems == []
    assert sum(checked.facts.values()) == len(run.conversion.instance.facts)
