"""A numeric fact's accuracy as XBRL reads it: from ``decimals``, or inferred from ``precision``.

``None`` means exact (``INF``); :data:`UNKNOWN`, that nothing is known
(``precision="0"``, or an attribute that is not a number).  The value ranges
built on it are Calculations 1.1 arithmetic (:mod:`kcxbrl.xbrl.calc11`).
"""

from __future__ import annotations

from kcxbrl.validation.rules.report import Fact

UNKNOWN = object()  # precision="0": nothing is known about the value's accuracy


def accuracy(fact: Fact) -> int | None | object:
    """Decimals of a numeric fact (inferred from precision when needed); None if exact."""
    if fact.decimals is not None:
        return _places(fact.decimals)
    if fact.precision is not None:
        precision = _places(fact.precision)
        if precision is None:
            return None
        value = fact.number
        if precision == 0 or precision is UNKNOWN or value is None:
            return UNKNOWN
        if value == 0:
            return None
        # XBRL 2.1 4.6.6: decimals = precision - int(floor(log10(|v|))) - 1
        return precision - value.copy_abs().adjusted() - 1  # type: ignore[operator]
    return UNKNOWN


def _places(text: str) -> int | None | object:
    """``decimals`` or ``precision`` as written: an int, None for INF, UNKNOWN for anything else."""
    text = text.strip()
    if text == "INF":
        return None
    try:
        return int(text)
    except ValueError:
        return UNKNOWN
