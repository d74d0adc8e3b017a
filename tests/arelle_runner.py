"""The one way the tests run Arelle, the independent XBRL processor: offline,
in this process, through its supported API (``arelle.api.Session``).

:func:`arelle_check` loads and validates one file and returns what Arelle
logged and every fact it read, so one load serves both a validity check and a
comparison of facts.  Results are kept per file, options and file version:
the same instance checked by two tests is loaded once.  In process, a run
costs Arelle's work alone; a child process per file paid about two seconds
more to start Python and import Arelle each time.

Arelle knows the XBRL base schemas from its own resources, so the
``internetConnectivity="offline"`` runs need nothing from the network.  xBRL-JSON and
xBRL-CSV files are read with Arelle's ``loadFromOIM`` plug-in.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TypeVar

import pytest
from lxml import etree

HAVE_ARELLE = importlib.util.find_spec("arelle") is not None

# Levels Arelle writes that mean the file is not clean (a warning counts too).
BAD_LEVELS = frozenset({"error", "inconsistency", "critical", "fatal", "warning"})

Test = TypeVar("Test", bound=Callable[..., Any])


def needs_arelle(test: Test) -> Test:
    """Mark a test as running Arelle, skipped where Arelle is not installed."""
    skip = pytest.mark.skipif(not HAVE_ARELLE, reason="arelle-release is not installed (pip install -e '.[test]')")
    return pytest.mark.arelle(skip(test))


@dataclass(frozen=True)
class ArelleMessage:
    level: str
    code: str
    text: str


@dataclass(frozen=True)
class ArelleOptions:
    calc: str | None = "c11r"  # Calculations 1.1, round to nearest; None: no calculation check
    utr: bool = False  # the Units Registry
    duplicates: str | None = None  # "all": report every kind of duplicate fact
    save_oim: Path | None = None  # write what was read as xBRL-JSON (loadable OIM) to this file


@dataclass(frozen=True)
class ArelleResult:
    messages: tuple[ArelleMessage, ...]
    facts: Counter[str] = field(compare=False)  # each fact as a JSON record (a multiset)
    inline: bool  # Arelle read the file as Inline XBRL

    @property
    def logged(self) -> bool:
        """Arelle wrote its log (at least the 'loaded in' line)."""
        return any(m.code == "info" for m in self.messages)

    @property
    def problems(self) -> list[ArelleMessage]:
        return [m for m in self.messages if m.level in BAD_LEVELS]

    def has(self, code: str, level: str) -> bool:
        return any(m.code == code and m.level == level for m in self.messages)


_RESULTS: dict[tuple[Path, int, int, ArelleOptions], ArelleResult] = {}


def arelle_check(path: Path, options: ArelleOptions = ArelleOptions()) -> ArelleResult:
    """Load and validate ``path`` with Arelle (once per file version and options)."""
    stat = path.stat()
    key = (path.resolve(), stat.st_mtime_ns, stat.st_size, options)
    if options.save_oim is not None or key not in _RESULTS:
        _RESULTS[key] = _run(path, options)
    return _RESULTS[key]


def _run(path: Path, options: ArelleOptions) -> ArelleResult:
    from arelle.api.Session import Session
    from arelle.RuntimeOptions import RuntimeOptions

    plugins = ["loadFromOIM"] if path.suffix == ".json" else []
    extra = {}
    if options.save_oim is not None:
        plugins.append("saveLoadableOIM")
        extra["saveLoadableOIM"] = str(options.save_oim)
    runtime = RuntimeOptions(
        entrypointFile=str(path), validate=True, calcs=options.calc, utrValidate=options.utr or None,
        validateDuplicateFacts=options.duplicates, plugins="|".join(plugins) or None, pluginOptions=extra or None,
        internetConnectivity="offline", logFile="logToBuffer", keepOpen=True, disablePersistentConfig=True,
    )
    with Session() as session:
        session.run(runtime)
        log = session.get_logs("xml", clear_logs=True)
        facts: Counter[str] = Counter()
        inline = False
        for model in session.get_models():
            facts.update(_records(model))
            inline = inline or _is_inline(model)
            model.modelManager.close(model)
    return ArelleResult(_messages(log), facts, inline)


def _messages(log: str) -> tuple[ArelleMessage, ...]:
    root = etree.fromstring(log.encode("utf-8"))
    found = []
    for entry in root.iter("entry"):
        message = entry.find("message")
        found.append(ArelleMessage(entry.get("level", ""), entry.get("code", ""),
                                   "".join(message.itertext()) if message is not None else ""))
    return tuple(found)


def _is_inline(model: Any) -> bool:
    from arelle import ModelDocument

    return model.modelDocument is not None and model.modelDocument.type == ModelDocument.Type.INLINEXBRL


def _records(model: Any) -> list[str]:
    """Each fact as Arelle read it: concept, context id, period, dimensions, unit,
    decimals, value as parsed and the language of a string fact."""
    records = []
    for fact in model.facts:
        context = fact.context  # None where the instance breaks the rule that an item has one
        string = fact.concept is not None and fact.concept.baseXsdType in ("string", "normalizedString", "token")
        records.append(json.dumps([
            str(fact.qname), fact.contextID,
            context.startDatetime.isoformat() if context is not None and context.isStartEndPeriod else None,
            context.endDatetime.isoformat() if context is not None and context.endDatetime else None,
            sorted([str(d), str(m.memberQname or m.typedMember.stringValue)] for d, m in context.qnameDims.items())
            if context is not None else [],
            fact.unitID, fact.decimals, str(fact.xValue), fact.xmlLang if string else None,
        ]))
    return records
