"""Printed labels reduced to a comparable form, shared by the taxonomy reader and the mapper."""

from __future__ import annotations

import re

_NOISE = re.compile(r"\((?:non-gaap financial measures?|unaudited)\)", re.I)
_LEAD = re.compile(r"^(?:less|add|plus)\s*:\s*|^[-–—•*]+\s*", re.I)
_PUNCT = re.compile(r"[^a-z0-9()%&$ ]+")


def normalize_label(text: str) -> str:
    """Lowercase, unify quotes and dashes, drop noise words and punctuation."""
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    text = _NOISE.sub(" ", text.strip())
    previous = None
    while previous != text:
        previous = text
        text = _LEAD.sub("", text.strip())
    text = text.lower().replace("'", "")
    text = _PUNCT.sub(" ", text)
    text = re.sub(r"\(\s*", "(", text)
    text = re.sub(r"\s*\)", ")", text)
    return " ".join(text.split())
