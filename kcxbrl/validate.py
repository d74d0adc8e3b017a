"""``kcxbrl validate``: check any XBRL 2.1 instance offline.

One generator, :func:`iter_findings`, runs every stage and yields findings;
:func:`validate_file` and :func:`is_valid` are built on it.  The stages:

1. parse safely (:mod:`kcxbrl.safexml`): no DTDs, no entities, a size limit;
2. discover the DTS offline (:mod:`kcxbrl.dts`, XBRL 2.1 section 3.2);
3. read contexts, units and facts (:mod:`kcxbrl.rules.report`);
4. XBRL 2.1 item, context and unit rules (:mod:`kcxbrl.rules.instance`),
   duplicate facts (:mod:`kcxbrl.rules.duplicates`), XBRL Dimensions 1.0
   (:mod:`kcxbrl.rules.dims`), calculations (:mod:`kcxbrl.rules.calc`,
   Calculations 1.1 round-to-nearest) and, on request, the EDGAR rules of
   the ``sec`` profile (:mod:`kcxbrl.rules.sec`);
5. XML Schema validity against the DTS (:mod:`kcxbrl.rules.xsd`).

Codes match Arelle's where the rule is the same, so a report can be
compared line by line with ``arelleCmdLine --validate --calc c11r --utr``.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kcxbrl.callable_modules import callable_module
from kcxbrl.dts import discover
from kcxbrl.errors import InputError
from kcxbrl.findings import Finding, Level, error, ordered
from kcxbrl.rules import calc, dims, duplicates, instance, sec, xsd
from kcxbrl.rules.ns import XBRLI, clark
from kcxbrl.rules.report import read_report
from kcxbrl.safexml import DEFAULT_MAX_BYTES, TOO_LARGE, UNREADABLE, XML_SYNTAX, parse_file

log = logging.getLogger(__name__)

PROFILES = ("sec",)
NOT_INSTANCE = "kcxbrl:notInstance"
INTERNAL_ERROR = "kcxbrl:internalError"
# Findings that mean the input could not be read as an XBRL instance at all
# (the command line exits with 2 for them).
INPUT_CODES = frozenset({UNREADABLE, TOO_LARGE, XML_SYNTAX, NOT_INSTANCE})

_XBRL = clark(XBRLI, "xbrl")
# Generic findings that a more specific one on the same line replaces.
_SUPERSEDES = {"xmlSchema:abstractElement": ("xmlSchema:elementUnexpected", "xmlSchema:syntax")}


def iter_findings(path: Path, *, profile: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Finding]:
    """Every finding for the instance at ``path``, in no particular order."""
    if profile is not None and profile not in PROFILES:
        raise InputError(f"unknown validation profile {profile!r}; choose one of {', '.join(PROFILES)}")
    # One finding per code and line: the rules run before XML Schema
    # validation, so their message is the one kept.
    seen: set[tuple[str, str | None, int | None]] = set()
    where = str(path)
    for finding in _guarded("validation", lambda: _findings(Path(path), profile, max_bytes), where):
        if profile == "sec" and finding.code in sec.RECODED:
            code, level, ref = sec.RECODED[finding.code]
            finding = dataclasses.replace(finding, code=code, level=level, ref=ref)
        key = (finding.code, finding.file, finding.line)
        if key in seen and finding.line is not None:
            continue
        seen.add(key)
        seen.update((generic, finding.file, finding.line) for generic in _SUPERSEDES.get(finding.code, ()))
        yield finding


def validate_file(path: Path, *, profile: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Finding]:
    """All findings for one instance, in report order (file, line, level, code)."""
    return ordered(iter_findings(path, profile=profile, max_bytes=max_bytes))


def is_valid(path: Path, *, profile: str | None = None) -> bool:
    """True when the instance has no finding at error level."""
    return not any(f.level is Level.ERROR for f in iter_findings(path, profile=profile))


def _findings(path: Path, profile: str | None, max_bytes: int) -> Iterator[Finding]:
    parsed = parse_file(path, max_bytes=max_bytes)
    if parsed.tree is None or parsed.root is None:
        yield from parsed.findings
        return
    root = parsed.root
    where = str(path)
    if root.tag != _XBRL:
        yield error(
            NOT_INSTANCE,
            f"root element is {root.tag!r}, not xbrli:xbrl; this is not an XBRL instance",
            file=where,
            line=root.sourceline,
            ref="XBRL 2.1 section 4.1",
        )
        return
    dts = discover(path, root)
    yield from dts.findings
    if not dts.entry_schemas:
        return  # nothing defines the facts; the DTS findings say why
    report = read_report(path, root, dts, profile=profile)
    rules: list[tuple[str, Callable[[], Iterable[Finding]]]] = [
        ("instance", lambda: instance.check(report)),
        ("duplicates", lambda: duplicates.check(report)),
        ("dimensions", lambda: dims.check(report)),
        ("calculation taxonomy", lambda: calc.check_taxonomy(dts)),
        ("calculations", lambda: calc.check(report)),
    ]
    if profile == "sec":
        rules.append(("sec profile", lambda: sec.check(report)))
    rules.append(("XML Schema", lambda: xsd.check(path, parsed.tree, dts)))  # type: ignore[arg-type]
    for name, rule in rules:
        yield from _guarded(name, rule, where)


def _guarded(name: str, rule: Callable[[], Iterable[Finding]], where: str) -> Iterator[Finding]:
    """Run one rule; a bug in it becomes a finding instead of a traceback."""
    try:
        yield from rule()
    except Exception as exc:  # noqa: BLE001 - reported, and the other rules still run
        log.debug("rule %s failed", name, exc_info=True)
        yield error(
            INTERNAL_ERROR,
            f"the {name} checks stopped on an internal error ({exc.__class__.__name__}: {exc}); "
            "their results are incomplete",
            file=where,
        )


# ``kcxbrl.validate(path)`` is this module called: see kcxbrl.callable_modules
callable_module(__name__, "validate")
