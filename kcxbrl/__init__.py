"""kcxbrl: the text of Kingsoft Cloud 6-K filings into validated XBRL 2.1.

The Python API (:mod:`kcxbrl.api`), imported when first used:

* ``kcxbrl.convert(path, *, extend=True)`` converts a filing in memory and
  returns a :class:`~kcxbrl.api.Conversion` (facts, findings, records, write);
* ``kcxbrl.load(path)`` reads an XBRL instance or xBRL-JSON file's facts;
* ``kcxbrl.validate(path)`` returns the findings of ``kcxbrl validate``.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"
__all__ = ["Conversion", "Facts", "FactRecord", "convert", "load", "validate", "__version__"]

_API = {
    "Conversion": "kcxbrl.api", "Facts": "kcxbrl.api", "convert": "kcxbrl.api", "load": "kcxbrl.api",
    "validate": "kcxbrl.api", "FactRecord": "kcxbrl.exports.records",
}


def __getattr__(name: str) -> object:  # the heavy modules load on first use, not on `import kcxbrl`
    if name in _API:
        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'kcxbrl' has no attribute {name!r}")
