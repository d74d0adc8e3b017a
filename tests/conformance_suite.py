"""Read the XBRL 2.1 conformance suite and run kcxbrl on its variations.

The suite (XBRL International, XBRL-CONF-2014-12-10) is not part of the
repository: it is looked for at ``../shared/xbrl-conformance/`` beside the
repository root, or wherever ``KCXBRL_CONFORMANCE`` points (the folder that
holds ``xbrl.xml``, or one above it).  Its index ``xbrl.xml`` lists the
testcases; each testcase file lists variations, each naming one entry point
(``readMeFirst="true"``: an instance, a schema or a linkbase) and the
expected result, valid or invalid.

Used by tests/test_conformance.py and by the scripts in bench/.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parent.parent
SUITE_NAME = "XBRL-CONF-2014-12-10"
DEFAULT_LOCATION = REPO.parent / "shared" / "xbrl-conformance"
EXPECTED_FAILURES = Path(__file__).resolve().parent / "data" / "conformance" / "expected_failures.toml"


@dataclass(frozen=True)
class Variation:
    """One variation: an entry point and the verdict the suite expects."""

    key: str  # "<testcase file relative to the suite>#<variation id>", unique
    testcase: str
    id: str
    name: str
    description: str
    entry: Path
    entry_kind: str  # instance, xsd or linkbase
    expected_valid: bool


def suite_root() -> Path | None:
    """The folder holding ``xbrl.xml``, or None when the suite is not there."""
    configured = os.environ.get("KCXBRL_CONFORMANCE")
    base = Path(configured) if configured else DEFAULT_LOCATION
    for candidate in (base, base / SUITE_NAME):
        if (candidate / "xbrl.xml").is_file():
            return candidate
    return None


def _local(elt: etree._Element) -> str:
    return etree.QName(elt).localname


def variations(root: Path) -> list[Variation]:
    """Every variation of every testcase that ``xbrl.xml`` lists, in suite order."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    index = etree.parse(str(root / "xbrl.xml"), parser).getroot()
    result: list[Variation] = []
    for ref in index.iter("testcase"):
        uri = ref.get("uri", "")
        path = root / uri
        testcase = etree.parse(str(path), parser).getroot()
        for var in testcase.iter("{*}variation"):
            data = var.find("{*}data")
            outcome = var.find("{*}result")
            if data is None or outcome is None:
                continue
            entries = [e for e in data if isinstance(e.tag, str) and e.get("readMeFirst") == "true"]
            if len(entries) != 1:
                raise ValueError(f"{uri} variation {var.get('id')}: {len(entries)} entry points")
            entry = entries[0]
            result.append(
                Variation(
                    key=f"{uri}#{var.get('id')}",
                    testcase=uri,
                    id=var.get("id", ""),
                    name=var.get("name", ""),
                    description=" ".join((var.findtext("{*}description") or "").split()),
                    entry=path.parent / (entry.text or "").strip(),
                    entry_kind=_local(entry),
                    expected_valid=outcome.get("expected") == "valid",
                )
            )
    return result


def expected_failures() -> dict[str, str]:
    """Variation key → why kcxbrl disagrees with the suite there."""
    if not EXPECTED_FAILURES.is_file():
        return {}
    data = tomllib.loads(EXPECTED_FAILURES.read_text(encoding="utf-8"))
    return {str(c["variation"]): str(c["reason"]) for c in data.get("case", [])}


@dataclass(frozen=True)
class Outcome:
    variation: Variation
    valid: bool  # kcxbrl's verdict: no finding at error level
    codes: tuple[str, ...]  # the error codes kcxbrl reported

    @property
    def agrees(self) -> bool:
        return self.valid == self.variation.expected_valid


def run(variation: Variation, *, calc: str = "xbrl21") -> Outcome:
    """kcxbrl's verdict on one variation: XBRL 2.1 alone (its calculations, no Units Registry)."""
    from kcxbrl.findings import Level
    from kcxbrl.validation.validator import validate_file

    findings = validate_file(variation.entry, calc=calc, utr=False)
    codes = tuple(sorted({f.code for f in findings if f.level is Level.ERROR}))
    return Outcome(variation, not codes, codes)
