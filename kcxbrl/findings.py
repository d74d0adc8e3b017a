"""Findings as data: a small frozen record with a stable code.

Codes for XBRL rules follow the spec sections Arelle uses
(``xbrl.4.6.1:itemContextRef``); codes for what kcxbrl sees in a filing use
the ``kcxbrl:`` prefix.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Iterable


class Level(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_RANK = {Level.ERROR: 0, Level.WARNING: 1, Level.INFO: 2}


@dataclass(frozen=True)
class Finding:
    level: Level
    code: str
    message: str
    file: str | None = None
    line: int | None = None
    element: str | None = None  # element name or fact id, where known
    ref: str | None = None  # spec section the rule comes from

    def __str__(self) -> str:
        where = self.file or "-"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.level.value} {self.code} {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "level": self.level.value,
            "code": self.code,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "element": self.element,
            "ref": self.ref,
        }


def error(code: str, message: str, **where: object) -> Finding:
    return Finding(Level.ERROR, code, message, **where)  # type: ignore[arg-type]


def warning(code: str, message: str, **where: object) -> Finding:
    return Finding(Level.WARNING, code, message, **where)  # type: ignore[arg-type]


def info(code: str, message: str, **where: object) -> Finding:
    return Finding(Level.INFO, code, message, **where)  # type: ignore[arg-type]


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.level is Level.ERROR for f in findings)


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """Stable order for reports: file, line, level, code, message."""
    return sorted(
        findings,
        key=lambda f: (f.file or "", f.line or 0, _RANK[f.level], f.code, f.message),
    )
