"""``kcxbrl validate``: check any XBRL 2.1 instance, taxonomy schema or linkbase offline.

One generator, :func:`iter_findings`, runs every stage and yields findings;
:func:`validate_file` and :func:`is_valid` are built on it.  The stages:

1. parse safely (:mod:`kcxbrl.validation.safexml`): no DTDs, no entities, a size limit;
2. discover the DTS offline from the entry point, an instance, a schema or a
   linkbase (:mod:`kcxbrl.validation.dts`, XBRL 2.1 section 3.2);
3. the taxonomy rules (:mod:`kcxbrl.validation.rules.taxonomy`: concept declarations,
   role and arcrole types, linkbases, relationship cycles) and XML Schema
   validity of the DTS's linkbases (:mod:`kcxbrl.validation.rules.xsd`);
4. for an instance: XML Schema validity (first, as it fills in default and
   fixed attribute values), then contexts, units and facts read once
   (:mod:`kcxbrl.validation.rules.report`), the XBRL 2.1 item, context and unit rules
   (:mod:`kcxbrl.validation.rules.instance`), duplicate facts
   (:mod:`kcxbrl.validation.rules.duplicates`), footnote links
   (:mod:`kcxbrl.validation.rules.footnotes`), essence-alias facts
   (:mod:`kcxbrl.validation.rules.essence`), XBRL Dimensions 1.0
   (:mod:`kcxbrl.validation.rules.dims`), calculations in the chosen mode
   (``c11r``: :mod:`kcxbrl.validation.rules.calc`, Calculations 1.1 round-to-nearest;
   ``xbrl21``: :mod:`kcxbrl.validation.rules.calc21`, XBRL 2.1 section 5.2.5.2; ``none``)
   and, on request, the EDGAR rules of the ``sec`` profile
   (:mod:`kcxbrl.validation.rules.sec`).

Codes match Arelle's where the rule is the same, so a report can be
compared line by line with ``arelleCmdLine --validate --calc c11r --utr``.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import OrderedDict
from pathlib import Path
from typing import Callable, Iterable, Iterator


from lxml import etree

from kcxbrl.validation.dts import Dts, discover, discover_taxonomy
from kcxbrl.errors import InputError
from kcxbrl.findings import Finding, Level, error, ordered
from kcxbrl.validation.rules import calc, calc21, dims, duplicates, essence, footnotes, instance, linkbases, sec, taxonomy, xsd
from kcxbrl.xbrl.ns import LINK, XBRLI, XSD, clark
from kcxbrl.validation.rules.report import read_report
from kcxbrl.validation.safexml import DEFAULT_MAX_BYTES, TOO_LARGE, UNREADABLE, XML_SYNTAX, parse_file

log = logging.getLogger(__name__)

PROFILES = ("sec",)
NOT_INSTANCE = "kcxbrl:notInstance"
INTERNAL_ERROR = "kcxbrl:internalError"
# Findings that mean the input could not be read as an XBRL instance at all
# (the command line exits with 2 for them).
INPUT_CODES = frozenset({UNREADABLE, TOO_LARGE, XML_SYNTAX, NOT_INSTANCE})

CALC_MODES = ("c11r", "xbrl21", "none")
_XBRL = clark(XBRLI, "xbrl")
_TAXONOMY_ROOTS = frozenset({clark(XSD, "schema"), clark(LINK, "linkbase")})
# Warnings that --strict and the profiles turn into errors.
_ERROR_WHEN_STRICT = frozenset({duplicates.INCONSISTENT})
# Generic findings that a more specific one on the same line replaces.
_SUPERSEDES = {"xmlSchema:abstractElement": ("xmlSchema:elementUnexpected", "xmlSchema:syntax")}


def iter_findings(path: Path, *, profile: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                  calc: str = "c11r", strict: bool = False, utr: bool = True,
                  outside: bool = False) -> Iterator[Finding]:
    """Every finding for the instance, schema or linkbase at ``path``, in no particular order.

    ``calc`` chooses the calculation semantics: ``c11r`` (Calculations 1.1,
    round-to-nearest), ``xbrl21`` (XBRL 2.1 section 5.2.5.2) or ``none``.
    ``strict`` makes what XBRL 2.1 allows but a report should avoid an error
    (inconsistent duplicate facts), as a profile does.  ``utr`` checks the
    units of per-share and pure items against the Units Registry.
    ``outside`` follows an instance's references to local files outside its
    folder; without it they are findings and are not opened.
    """
    if profile is not None and profile not in PROFILES:
        raise InputError(f"unknown validation profile {profile!r}; choose one of {', '.join(PROFILES)}")
    if calc not in CALC_MODES:
        raise InputError(f"unknown calculation mode {calc!r}; choose one of {', '.join(CALC_MODES)}")
    # One finding per code and line: the rules run before XML Schema
    # validation, so their message is the one kept.
    seen: set[tuple[str, str | None, int | None]] = set()
    where = str(path)
    for finding in _guarded("validation", lambda: _findings(Path(path), profile, max_bytes, calc, utr, outside), where):
        if profile == "sec" and finding.code in sec.RECODED:
            code, level, ref = sec.RECODED[finding.code]
            finding = dataclasses.replace(finding, code=code, level=level, ref=ref)
        elif (strict or profile is not None) and finding.code in _ERROR_WHEN_STRICT:
            finding = dataclasses.replace(finding, level=Level.ERROR)
        key = (finding.code, finding.file, finding.line)
        if key in seen and finding.line is not None:
            continue
        seen.add(key)
        seen.update((generic, finding.file, finding.line) for generic in _SUPERSEDES.get(finding.code, ()))
        yield finding


def validate_file(path: Path, *, profile: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                  calc: str = "c11r", strict: bool = False, utr: bool = True,
                  outside: bool = False) -> list[Finding]:
    """All findings for one instance, schema or linkbase, in report order (file, line, level, code)."""
    return ordered(iter_findings(path, profile=profile, max_bytes=max_bytes, calc=calc, strict=strict, utr=utr,
                                 outside=outside))


def is_valid(path: Path, *, profile: str | None = None, calc: str = "c11r") -> bool:
    """True when the document has no finding at error level."""
    return not any(f.level is Level.ERROR for f in iter_findings(path, profile=profile, calc=calc))


def _findings(
    path: Path, profile: str | None, max_bytes: int, calc_mode: str, utr: bool, outside: bool
) -> Iterator[Finding]:
    parsed = parse_file(path, max_bytes=max_bytes)
    if parsed.tree is None or parsed.root is None:
        yield from parsed.findings
        return
    root = parsed.root
    where = str(path)
    if root.tag in _TAXONOMY_ROOTS:
        yield from _taxonomy_findings(path, root, calc_mode)
        return
    if root.tag != _XBRL:
        yield error(
            NOT_INSTANCE,
            f"root element is {root.tag!r}; this is neither an XBRL instance (xbrli:xbrl) "
            "nor a taxonomy schema (xs:schema) nor a linkbase (link:linkbase)",
            file=where,
            line=root.sourceline,
            ref="XBRL 2.1 sections 3.2 and 4.1",
        )
        return
    dts = discover(path, root, outside=outside)
    yield from dts.findings
    yield from _taxonomy_rules(dts, where)
    yield from _guarded("instance links", lambda: linkbases.linkbase_rules(dts, root, where), where)
    if not dts.entry_schemas:
        return  # nothing defines the facts; the DTS findings say why
    # XML Schema first: validation fills in default and fixed attribute values
    # the rules must see; its findings are reported after theirs
    schema_findings = list(_guarded("XML Schema", lambda: xsd.check(path, parsed.tree, dts), where))  # type: ignore[arg-type]
    report = read_report(path, root, dts, profile=profile)
    rules: list[tuple[str, Callable[[], Iterable[Finding]]]] = [
        ("instance", lambda: instance.check(report, utr=utr)),
        ("duplicates", lambda: duplicates.check(report)),
        ("footnotes", lambda: footnotes.check(report)),
        ("essence-alias", lambda: essence.check(report)),
        ("dimensions", lambda: dims.check(report)),
        ("calculation taxonomy", lambda: calc.check_taxonomy(dts, mode=calc_mode)),
    ]
    if calc_mode == "c11r":
        rules.append(("calculations", lambda: calc.check(report)))
    elif calc_mode == "xbrl21":
        rules.append(("calculations", lambda: calc21.check(report)))
    if profile == "sec":
        rules.append(("sec profile", lambda: sec.check(report)))
    rules.append(("XML Schema", lambda: schema_findings))
    for name, rule in rules:
        yield from _guarded(name, rule, where)


def _taxonomy_findings(path: Path, root: etree._Element, calc_mode: str) -> Iterator[Finding]:
    """A schema or linkbase as the entry point of a DTS: discovery and the taxonomy rules."""
    where = str(path)
    dts = discover_taxonomy(path, root)
    yield from dts.findings
    yield from _taxonomy_rules(dts, where)
    yield from _guarded("calculation taxonomy", lambda: calc.check_taxonomy(dts, mode=calc_mode), where)


# Findings of the taxonomy rules for the DTSs kcxbrl.validation.dts keeps: a taxonomy
# shared by many instances is checked once.  Keyed by identity; the DTS is
# kept alive with its findings so the identity cannot be reused.
_TAXONOMY_FINDINGS: OrderedDict[int, tuple[Dts, tuple[Finding, ...]]] = OrderedDict()


def _taxonomy_rules(dts: Dts, where: str) -> Iterator[Finding]:
    known = _TAXONOMY_FINDINGS.get(id(dts))
    if known is not None and known[0] is dts:
        yield from known[1]
        return
    found = tuple(_guarded("taxonomy", lambda: taxonomy.check(dts), where)) + tuple(
        _guarded("taxonomy XML Schema", lambda: xsd.check_taxonomy(dts), where))
    _TAXONOMY_FINDINGS[id(dts)] = (dts, found)
    while len(_TAXONOMY_FINDINGS) > 32:
        _TAXONOMY_FINDINGS.popitem(last=False)
    yield from found


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
