"""The filings a run's arguments name: files, folders walked, URLs."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import Sequence

from kcxbrl import pipeline

FILING_SUFFIXES = (".txt", ".md")


def is_filing(name: str) -> bool:
    """A file a folder stands for: a text filing, not hidden, not a README beside the filings."""
    path = PurePosixPath(name)
    return (not name.startswith(".") and path.stem.casefold() != "readme"
            and path.suffix.lower() in FILING_SUFFIXES)


def expand(arguments: Sequence[str], out: Path | str) -> tuple[list[Path], list[str], list[str]]:
    """The filings the arguments name, what is wrong with the others, and notes.

    A folder stands for the ``*.txt`` and ``*.md`` files below it, sorted by
    their path within it, leaving out hidden files and folders, README files
    and the output folder; an argument with a protocol (``s3://``,
    ``memory://`` …) is read through fsspec.  A filing named twice is
    converted once, with a note."""
    from kcxbrl.batch import remote

    found: list[Path] = []
    problems: list[str] = []
    for argument in arguments:
        if remote.is_url(argument):
            inside, problem = remote.expand(argument, out)
        else:
            inside, problem = _local(Path(argument), out)
        found += inside
        if problem is not None:
            problems.append(problem)
    kept, notes = _distinct(found)
    return kept, problems, notes


def _local(path: Path, out: Path | str) -> tuple[list[Path], str | None]:
    if path.is_dir():
        inside = _walk(path, out)
        return inside, None if inside else f"{pipeline.shown_path(path)}: a folder with no filings (*.txt, *.md) in it"
    if path.is_file():
        return [path], None
    return [], f"{pipeline.shown_path(path)}: no such file"


def _walk(folder: Path, out: Path | str) -> list[Path]:
    skip = _resolved(out) if isinstance(out, Path) else None
    found = []
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = [d for d in dirs if not d.startswith(".") and _resolved(here / d) != skip]
        found += [here / name for name in files if is_filing(name) and (here / name).is_file()]
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def _resolved(path: Path) -> Path | None:
    try:
        return path.resolve()
    except OSError:
        return None


def _distinct(paths: list[Path]) -> tuple[list[Path], list[str]]:
    seen: dict[object, Path] = {}
    kept, notes = [], []
    for path in paths:
        key = path if not isinstance(path, Path) else _resolved(path) or path
        if key in seen:
            notes.append(f"{pipeline.shown_path(path)}: the same filing as {pipeline.shown_path(seen[key])}, "
                         "converted once")
            continue
        seen[key] = path
        kept.append(path)
    return kept, notes
