"""Convert the bundled samples once per test run, through the CLI, into one folder."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from lxml import etree

import scratch
from paths import SAMPLES
from kcxbrl.cli import main

XBRLI = "http://www.xbrl.org/2003/instance"
XBRLDI = "http://xbrl.org/2006/xbrldi"
KC = "http://kcxbrl.org/taxonomy/2026"


def sample(prefix: str) -> Path:
    return next(SAMPLES.glob(f"{prefix}_*.txt"))


@lru_cache(maxsize=1)
def converted() -> tuple[Path, int]:
    """The output folder and the exit code of one `kcxbrl convert` of all samples."""
    out = scratch.folder("converted") / "out"
    code = main(["convert", *map(str, sorted(SAMPLES.glob("*.txt"))), "--out", str(out), "--quiet"])
    return out, code


@dataclass(frozen=True)
class ReadFact:
    concept: str
    context: str
    unit: str | None
    value: str
    decimals: str | None
    lang: str | None


@lru_cache(maxsize=8)
def facts(prefix: str) -> dict[tuple[str, str, str | None], ReadFact]:
    """(concept local name, context id, unit id) → fact, read from the written file."""
    out, _ = converted()
    tree = etree.parse(str(out / (sample(prefix).stem + ".xbrl")))
    found: dict[tuple[str, str, str | None], ReadFact] = {}
    for element in tree.getroot():
        if not isinstance(element.tag, str) or not element.tag.startswith("{" + KC + "}"):
            continue
        concept = etree.QName(element).localname
        fact = ReadFact(
            concept,
            element.get("contextRef"),
            element.get("unitRef"),
            element.text or "",
            element.get("decimals"),
            element.get("{http://www.w3.org/XML/1998/namespace}lang"),
        )
        key = (concept, fact.context, fact.unit)
        assert key not in found, f"fact {key} written twice"
        found[key] = fact
    return found


def value_of(fact: ReadFact) -> Decimal:
    return Decimal(fact.value)


def assert_fact(prefix: str, concept: str, context: str, unit: str | None, value: str, decimals: str) -> None:
    """The written instance of sample `prefix` holds this fact, value and decimals."""
    found = facts(prefix).get((concept, context, unit))
    assert found is not None, f"no fact {concept} {context} {unit}"
    assert Decimal(found.value) == Decimal(value)
    assert found.decimals == decimals


@lru_cache(maxsize=8)
def dimensional(prefix: str) -> list[tuple[str, str | None, str, dict[str, str], str, str | None]]:
    """(concept, period start, period end, {axis: typed value}, value, unit) of every fact."""
    out, _ = converted()
    root = etree.parse(str(out / (sample(prefix).stem + ".xbrl"))).getroot()
    contexts = {}
    for ctx in root.iter(f"{{{XBRLI}}}context"):
        start = ctx.findtext(f".//{{{XBRLI}}}startDate")
        end = ctx.findtext(f".//{{{XBRLI}}}endDate") or ctx.findtext(f".//{{{XBRLI}}}instant")
        members = {m.get("dimension"): "".join(m.itertext()) for m in ctx.iter(f"{{{XBRLDI}}}typedMember")}
        contexts[ctx.get("id")] = (start, end, members)
    found = []
    for el in root:
        if isinstance(el.tag, str) and el.tag.startswith(f"{{{KC}}}"):
            start, end, members = contexts[el.get("contextRef")]
            found.append((etree.QName(el).localname, start, end, members, el.text or "", el.get("unitRef")))
    return found
