"""Official schema URL → bundled file, for offline resolution.

Kept apart from ``kcxbrl.validation.schemas`` so that reading a DTS does not load
xmlschema, which only the fallback XSD path needs.
"""

from __future__ import annotations

from pathlib import Path

from kcxbrl.resources import taxonomy_dir


def _bundle_locations() -> dict[str, Path]:
    """Official URL -> bundled file, from the folder layout under taxonomy/xbrl."""
    try:
        root = taxonomy_dir() / "xbrl"
    except FileNotFoundError:
        return {}
    return {"http://" + p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*.xsd"))}


LOCATIONS: dict[str, Path] = _bundle_locations()
