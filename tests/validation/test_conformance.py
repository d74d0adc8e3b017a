"""The official XBRL 2.1 conformance suite (XBRL-CONF-2014-12-10), every variation.

Each variation names one entry point (an instance, a schema or a linkbase)
and the verdict the suite expects; kcxbrl validates the entry point in
XBRL 2.1 calculation mode and must reach the same verdict (valid means no
finding at error level).  Variations where kcxbrl is known to disagree are
listed, each with its reason, in tests/data/conformance/expected_failures.toml;
they run as strict expected failures, so fixing one makes the list shrink.

The suite is not in the repository: it is read from ../shared/xbrl-conformance
beside the repository root, or from KCXBRL_CONFORMANCE.
"""

from __future__ import annotations

import pytest

from conformance_suite import Variation, expected_failures, run, suite_root, variations

ROOT = suite_root()
VARIATIONS: list[Variation] = variations(ROOT) if ROOT is not None else []
KNOWN = expected_failures()
_ABSENT = "the XBRL 2.1 conformance suite is not at ../shared/xbrl-conformance (set KCXBRL_CONFORMANCE=path)"


def _param(variation: Variation) -> object:
    marks = []
    if variation.key in KNOWN:
        marks.append(pytest.mark.xfail(reason=KNOWN[variation.key], strict=True))
    return pytest.param(variation, id=variation.key, marks=marks)


@pytest.mark.skipif(ROOT is None, reason=_ABSENT)
def test_suite_is_complete() -> None:
    assert len(VARIATIONS) == 548
    assert len({v.key for v in VARIATIONS}) == len(VARIATIONS)
    assert sum(v.expected_valid for v in VARIATIONS) == 331
    assert {v.entry_kind for v in VARIATIONS} == {"instance", "xsd", "linkbase"}


@pytest.mark.skipif(ROOT is None, reason=_ABSENT)
def test_expected_failures_name_real_variations() -> None:
    keys = {v.key for v in VARIATIONS}
    assert set(KNOWN) <= keys, sorted(set(KNOWN) - keys)
    assert all(reason.strip() for reason in KNOWN.values())


@pytest.mark.skipif(ROOT is None, reason=_ABSENT)
@pytest.mark.parametrize("variation", [_param(v) for v in VARIATIONS] or [None])
def test_variation(variation: Variation) -> None:
    outcome = run(variation, calc="xbrl21")
    assert "kcxbrl:internalError" not in outcome.codes, outcome.codes
    expected = "valid" if variation.expected_valid else "invalid"
    assert outcome.agrees, f"{variation.description} expected {expected}, kcxbrl reported {outcome.codes or 'no error'}"


def test_suite_location_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    monkeypatch.setenv("KCXBRL_CONFORMANCE", str(tmp_path))
    assert suite_root() is None  # an empty folder: the suite's tests skip with their reason
    if ROOT is not None:
        monkeypatch.setenv("KCXBRL_CONFORMANCE", str(ROOT.parent))
        assert suite_root() == ROOT  # the folder above XBRL-CONF-2014-12-10 works too
