"""Put a filing's outputs in place only once they have been checked.

Every file of a filing is first written into a staging folder inside the
output folder, beside copies of the taxonomy files the instance references.
There the instance (with its extension schema and linkbases, which its DTS
takes in) is validated by the same rules as ``kcxbrl validate``, and the
xBRL-JSON export is compared with it (:mod:`kcxbrl.validation.outcheck`), and so are
the facts tagged in the Inline XBRL page (:mod:`kcxbrl.validation.ixbrl_check`).  A file that
passes is moved into place with one ``os.replace``: the staging folder sits
on the same file system, so the rename is atomic and a reader sees either the
older file whole or the new one whole, never a part.  A file that fails is
not put in place, and a finding names it.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import stat
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType
from typing import Iterable, Mapping, Sequence

from kcxbrl.errors import OutputError
from kcxbrl.findings import Finding, Level, error, has_errors
from kcxbrl.validation.ixbrl_check import check_inline
from kcxbrl.validation.outcheck import check_records, check_xbrl_json
from kcxbrl.validation.safexml import parse_file
from kcxbrl.validation.validator import iter_findings
from kcxbrl.xbrl.extension import safe_stem

NOT_WRITTEN = "kcxbrl:outputNotWritten"
# How an export is compared with its instance: X.json is xBRL-JSON, X/metadata.json an xBRL-CSV report.
_CHECKS = {".json": check_xbrl_json, "metadata.json": check_records, ".html": check_inline}
WRITE_FAILED = "kcxbrl:writeFailed"
STAGE_PREFIX = ".kcxbrl-staging-"
# what follows a prefix in the name of a folder kcxbrl made: the host, the process id, a random part
_OWNER = re.compile(r"(?P<host>[A-Za-z0-9_.]+)-(?P<pid>[0-9]+)-[a-z0-9_]+")


@dataclass(frozen=True)
class Output:
    """One file to write: its name in the output folder and its text."""

    name: str
    text: str


@dataclass(frozen=True)
class FilingOutputs:
    """Everything one filing writes.  The instance and its extension files
    stand or fall together; ``exports`` are derived from the same facts, so
    they are held back with a failing instance; ``report`` is a diagnosis
    and is written either way."""

    instance: Output
    extension: tuple[Output, ...] = ()
    exports: tuple[Output, ...] = ()
    report: Output | None = None


@dataclass(frozen=True)
class Written:
    """What writing one filing did: the files put in place and the findings."""

    paths: tuple[Path, ...]
    findings: tuple[Finding, ...]

    def holds(self, path: Path) -> bool:
        return path in self.paths


class Stage:
    """A staging folder inside ``out_dir``; removed again on leaving the ``with``."""

    def __init__(self, out_dir: Path, support: Mapping[str, Path]) -> None:
        self.out_dir = out_dir
        self.support = dict(support)  # name in the output folder -> file to copy
        self.folder: Path | None = None
        self.removed: list[Path] = []  # staging folders of stopped runs, taken away on entering

    def __enter__(self) -> Stage:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.removed = remove_stale(self.out_dir, STAGE_PREFIX)
        self.folder = Path(tempfile.mkdtemp(prefix=STAGE_PREFIX + owner_tag() + "-", dir=self.out_dir))
        for name, source in self.support.items():
            shutil.copyfile(source, self.folder / name)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    @property
    def _dir(self) -> Path:
        if self.folder is None:
            raise RuntimeError("the staging folder is used outside its 'with' block")
        return self.folder

    def publish_support(self) -> tuple[Path, ...]:
        """Put the taxonomy copies in place before any instance that references them."""
        placed = []
        for name in self.support:
            part = self._dir / f"{name}.part"
            shutil.copyfile(self._dir / name, part)
            os.replace(part, self.out_dir / name)
            placed.append(self.out_dir / name)
        return tuple(placed)

    def write(self, outputs: FilingOutputs) -> Written:
        """Stage, check and place one filing's files."""
        # extension files first: they are placed before the instance that references them
        files = [*outputs.extension, outputs.instance, *outputs.exports]
        if outputs.report is not None:
            files.append(outputs.report)
        self._check_names([o.name for o in files])
        try:
            return self._write(outputs, files)
        finally:
            for output in files:
                (self._dir / output.name).unlink(missing_ok=True)

    def _check_names(self, names: list[str]) -> None:
        """Plain, distinct names (a file, or a file in one folder of the output
        folder: ``X/metadata.json``) that leave the taxonomy copies alone:
        anything else is a bug."""
        clashes = [n for n in names if names.count(n) > 1 or n in self.support or not _plain(n)]
        if clashes:
            raise ValueError(f"output names must be plain, distinct and not the taxonomy's: {sorted(set(clashes))}")

    def _write(self, outputs: FilingOutputs, files: list[Output]) -> Written:
        findings: list[Finding] = []
        for output in files:
            try:
                (self._dir / output.name).parent.mkdir(exist_ok=True)
                (self._dir / output.name).write_text(output.text, encoding="utf-8")
            except OSError as exc:
                findings.append(error(WRITE_FAILED, f"cannot write the file: {exc.strerror or exc}",
                                      file=str(self.out_dir / output.name)))
        if findings:
            return Written((), tuple(findings) + self._not_written(files, "it could not be staged"))

        instance_findings = self._validate(outputs)
        findings += instance_findings
        held: dict[str, str] = {}
        if has_errors(instance_findings):
            why = f"the instance {outputs.instance.name} fails validation"
            held.update((o.name, why) for o in (*outputs.extension, *outputs.exports))
            held[outputs.instance.name] = "it fails validation"
        else:
            for export in outputs.exports:
                check = _CHECKS.get(Path(export.name).name if "/" in export.name else Path(export.name).suffix)
                if check is not None:
                    export_findings = self._shown(check(self._dir / export.name, self._dir / outputs.instance.name))
                    findings += export_findings
                    if has_errors(export_findings):
                        held[export.name] = f"{export.name} does not agree with {outputs.instance.name}"
                        if "/" in export.name:  # the tables of a report stand or fall with its metadata
                            folder = export.name.split("/")[0] + "/"
                            held.update((o.name, held[export.name]) for o in outputs.exports if o.name.startswith(folder))

        placed: list[Path] = []
        for output in files:
            target = self.out_dir / output.name
            if output.name in held:
                findings.append(self._held(output, held[output.name]))
                continue
            try:
                target.parent.mkdir(exist_ok=True)
                os.replace(self._dir / output.name, target)
            except OSError as exc:
                findings.append(error(WRITE_FAILED, f"cannot put the file in place: {exc.strerror or exc}",
                                      file=str(target)))
                if output in outputs.extension:  # the instance would reference a missing or older file
                    why = f"the extension file {output.name} could not be put in place"
                    held.update((o.name, why) for o in (outputs.instance, *outputs.exports))
                continue
            placed.append(target)
        return Written(tuple(placed), tuple(findings))

    def _validate(self, outputs: FilingOutputs) -> list[Finding]:
        """``kcxbrl validate``'s findings at error and warning level, plus any
        extension file that is not even well-formed (when no DTS reaches it)."""
        found = [f for f in iter_findings(self._dir / outputs.instance.name) if f.level is not Level.INFO]
        for output in outputs.extension:
            if output.name.endswith((".xsd", ".xml")):
                found += parse_file(self._dir / output.name).findings
        return _unique(self._shown(found))

    def _shown(self, findings: Iterable[Finding]) -> list[Finding]:
        """Findings name the file in the output folder, not its staged copy."""
        shown = str(self.out_dir) + os.sep
        # the DTS names the files it reached by absolute path or URL, the instance as it was given
        staged = {str(self._dir) + os.sep, str(self._dir.resolve()) + os.sep, self._dir.resolve().as_uri() + "/"}
        return [renamed(f, staged, shown) for f in findings]

    def _held(self, output: Output, why: str) -> Finding:
        return error(NOT_WRITTEN, f"{output.name} was not written: {why}; an older {output.name} "
                     "in the folder, if any, is left as it was", file=str(self.out_dir / output.name))

    def _not_written(self, files: list[Output], why: str) -> tuple[Finding, ...]:
        return tuple(self._held(o, why) for o in files)


def _plain(name: str) -> bool:
    parts = Path(name).parts
    return 1 <= len(parts) <= 2 and "/".join(parts) == name and not any(p in (".", "..") for p in parts)


def renamed(finding: Finding, staged: set[str], shown: str) -> Finding:
    """The finding with each prefix of ``staged`` in its file and message replaced by ``shown``."""
    file, message = finding.file, finding.message
    for prefix in sorted(staged, key=len, reverse=True):  # the URI before the path it contains
        if file and file.startswith(prefix):
            file = shown + file[len(prefix):]
        message = message.replace(prefix, shown)
    return replace(finding, file=file, message=message)


def _unique(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, str | None, int | None, str]] = set()
    kept = []
    for finding in findings:
        key = (finding.code, finding.file, finding.line, finding.message)
        if key not in seen:
            seen.add(key)
            kept.append(finding)
    return kept


def owner_tag() -> str:
    """This host and process, as written into the names of the folders it makes."""
    host = re.sub(r"[^A-Za-z0-9.]", "_", socket.gethostname()) or "host"
    return f"{host}-{os.getpid()}"


def remove_stale(folder: Path, prefix: str) -> list[Path]:
    """Remove the folders ``prefix`` + owner tag + random part in ``folder``
    whose process, on this host, is gone (a run killed with ``kill -9``).
    Folders of other hosts, of live processes, or named otherwise are left alone."""
    host = owner_tag().rsplit("-", 1)[0]
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = _OWNER.fullmatch(entry.name[len(prefix):]) if entry.name.startswith(prefix) else None
        if match is None or match["host"] != host or _alive(int(match["pid"])) or not entry.is_dir():
            continue
        shutil.rmtree(entry, ignore_errors=True)
        if not entry.exists():
            removed.append(entry)
    return removed


def _alive(pid: int) -> bool:
    if pid <= 0 or os.name != "posix":
        return True  # not a process id kcxbrl writes, or no signal 0 to ask with: leave the folder alone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process, or not a pid this system knows
    return True


# --- the names a run writes ------------------------------------------------------


def shown_path(path: Path) -> str:
    """The path as given, printable: a byte that is not UTF-8 shows as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def output_names(path: Path) -> tuple[str, ...]:
    """Every file converting ``path`` may write into the output folder."""
    stem, ext = path.stem, safe_stem(shown_path(path))
    return (
        f"{stem}.xbrl", f"{stem}.json", f"{stem}.csv", f"{stem}.report.txt", f"{stem}.html",
        f"{stem}/metadata.json", f"{stem}/facts.csv",
        f"{ext}-ext.xsd", *(f"{ext}-ext_{kind}.xml" for kind in ("lab", "pre", "cal")),
    )


def check_outputs(paths: Sequence[Path], out_dir: Path, support: Sequence[str]) -> None:
    """Refuse a run in which two filings would write the same file, or an
    output would replace an input: an OutputError naming both paths."""
    owner: dict[str, Path | None] = {name.casefold(): None for name in support}
    names = list(support)
    for path in paths:
        for name in output_names(path):
            other = owner.setdefault(name.casefold(), path)
            if other is None:
                raise OutputError(f"{shown_path(path)} would write {out_dir / name}, the name of a taxonomy "
                                  "file copied there: rename the filing")
            if other != path:
                raise OutputError(
                    f"{shown_path(other)} and {shown_path(path)} would both write {out_dir / name}: "
                    "rename one of them or convert them into different --out folders")
            names.append(name)
    # each output name and each input looked at once (a pair by pair check is
    # quadratic: millions of stat calls for a folder of a thousand filings)
    present: dict[tuple[int, int], str] = {}  # the file (device, inode) an output name already is
    for name in names:
        target = out_dir / name
        try:
            found = target.stat()
        except (OSError, ValueError):
            continue
        if not stat.S_ISREG(found.st_mode):
            raise OutputError(f"{shown_path(target)} is a folder or another non-file: an output cannot be "
                              "written there; move it away or choose another --out")
        present.setdefault((found.st_dev, found.st_ino), name)
    for path in paths if present else ():
        try:
            found = os.stat(path)
        except (OSError, ValueError):
            continue
        name = present.get((found.st_dev, found.st_ino))
        if name is not None:
            raise OutputError(f"{shown_path(path)} is an input and would be overwritten by the output "
                              f"{name}: move it out of {out_dir} or choose another --out")
