"""Validation results for continuous integration: per-file outcomes and their formats.

``kcxbrl validate`` prints one summary line per file on stderr and the
findings on stdout in one of four formats:

``text``    ``file:line: level code message``, one finding a line;
``json``    ``{"files": [{"file", "status", "errors", "warnings", "infos",
            "findings": [...]}], "summary": {...}}``;
``junit``   JUnit XML, one test case per file, a failure when it fails;
``github``  GitHub Actions workflow commands (``::error file=…,line=…::``),
            which the runner shows as annotations on the pull request.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from lxml import etree

from kcxbrl.findings import Finding, Level, ordered

FORMATS = ("text", "json", "junit", "github")
# what a folder argument validates: instances, by name or by their root element
_INSTANCE_SUFFIXES = (".xbrl",)
_SNIFFED_SUFFIXES = (".xml",)
_XBRL_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?xbrl[\s>/]")
_SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True)
class FileResult:
    """The outcome of validating one file."""

    path: str
    findings: tuple[Finding, ...]
    unreadable: bool = False

    def count(self, level: Level) -> int:
        return sum(1 for f in self.findings if f.level is level)

    def failed(self, strict: bool) -> bool:
        return self.unreadable or self.count(Level.ERROR) > 0 or (strict and self.count(Level.WARNING) > 0)

    @property
    def status(self) -> str:
        if self.unreadable:
            return "unreadable"
        if self.count(Level.ERROR):
            return "errors"
        return "warnings" if self.count(Level.WARNING) else "ok"

    def summary(self) -> str:
        """``FILE: ok`` or ``FILE: 2 errors, 1 warning``."""
        if self.unreadable and not self.findings:
            return f"{self.path}: unreadable"
        errors, warnings = self.count(Level.ERROR), self.count(Level.WARNING)
        if not errors and not warnings:
            return f"{self.path}: ok"
        parts = [_plural(errors, "error"), _plural(warnings, "warning")]
        return f"{self.path}: " + ", ".join(parts) + (" (unreadable)" if self.unreadable else "")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def expand(arguments: Iterable[str]) -> list[Path]:
    """Files to validate: files as given, folders replaced by the XBRL instances in them (recursively)."""
    result: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            result.extend(p for p in sorted(path.rglob("*")) if p.is_file() and _is_instance_file(p))
        else:
            result.append(path)
    return result


def _is_instance_file(path: Path) -> bool:
    suffix = path.suffix.lower()
    if suffix in _INSTANCE_SUFFIXES:
        return True
    if suffix not in _SNIFFED_SUFFIXES:
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
    return bool(_XBRL_ROOT.search(head))


# --------------------------------------------------------------------------
# Formats
# --------------------------------------------------------------------------


def render(results: Sequence[FileResult], fmt: str, *, strict: bool = False) -> str:
    if fmt == "json":
        return render_json(results, strict=strict)
    if fmt == "junit":
        return render_junit(results, strict=strict)
    if fmt == "github":
        return render_github(results)
    return "".join(f"{finding}\n" for r in results for finding in ordered(r.findings))


def render_json(results: Sequence[FileResult], *, strict: bool = False) -> str:
    files = [
        {
            "file": r.path,
            "status": r.status,
            "passed": not r.failed(strict),
            "errors": r.count(Level.ERROR),
            "warnings": r.count(Level.WARNING),
            "infos": r.count(Level.INFO),
            "findings": [f.as_dict() for f in ordered(r.findings)],
        }
        for r in results
    ]
    summary = {
        "files": len(results),
        "failed": sum(1 for r in results if r.failed(strict)),
        "errors": sum(r.count(Level.ERROR) for r in results),
        "warnings": sum(r.count(Level.WARNING) for r in results),
        "strict": strict,
    }
    return json.dumps({"files": files, "summary": summary}, indent=2) + "\n"


def render_junit(results: Sequence[FileResult], *, strict: bool = False) -> str:
    suites = etree.Element("testsuites", name="kcxbrl validate")
    failures = sum(1 for r in results if r.failed(strict))
    suite = etree.SubElement(suites, "testsuite", name="kcxbrl validate", tests=str(len(results)),
                             failures=str(failures), errors="0", skipped="0")
    for result in results:
        case = etree.SubElement(suite, "testcase", name=result.path, classname="kcxbrl.validation.validator")
        shown = [f for f in ordered(result.findings) if f.level is not Level.INFO]
        if result.failed(strict):
            failure = etree.SubElement(case, "failure", message=result.summary(),
                                       type="unreadable" if result.unreadable else "validation")
            failure.text = "".join(f"{f}\n" for f in shown)
        elif shown:
            out = etree.SubElement(case, "system-out")
            out.text = "".join(f"{f}\n" for f in shown)
    return etree.tostring(suites, pretty_print=True, xml_declaration=True, encoding="UTF-8").decode("utf-8")


_GITHUB_COMMAND = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}


def render_github(results: Sequence[FileResult]) -> str:
    lines = []
    for result in results:
        for finding in ordered(result.findings):
            if finding.level is Level.INFO:
                continue
            props = [f"file={_escape_property(finding.file or result.path)}"]
            if finding.line:
                props.append(f"line={finding.line}")
            props.append(f"title={_escape_property(finding.code)}")
            lines.append(f"::{_GITHUB_COMMAND[finding.level]} {','.join(props)}::{_escape_data(finding.message)}\n")
    return "".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
