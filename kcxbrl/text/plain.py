"""Look-alike characters read as their ASCII forms, so patterns need know only those.

Full-width letters, digits and punctuation, small forms, every kind of space
and the digits of other scripts become ASCII (NFKC where it cannot change a
meaning); invisible characters that only split a word go.
"""

from __future__ import annotations

import re
import unicodedata

from kcxbrl.text.memo import text_cache

# Forms NFKC reads as ASCII: full-width letters, digits and punctuation, small forms.
# Superscripts, fractions and ligatures are left as they are: NFKC would turn a
# footnote mark `¹` into a digit of the figure.
_WIDE_FORMS = ((0xFF01, 0xFF5E), (0xFFE0, 0xFFE6), (0xFE50, 0xFE6B))
# Invisible characters that only split a word: zero-width spaces and joiners,
# word joiner, soft hyphen, a byte order mark inside the text.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\u00ad\ufeff")
# Where the characters plain() changes lie (no-break and other spaces, digits of other
# scripts, invisible characters, full-width and small forms); quotes, dashes and
# CJK text lie outside and are never looked at.  A test holds every changed
# character to be inside.
CHANGEABLE = re.compile(
    "[\u00a0\u00ad\u0600-\u1fff\u2000-\u200d\u202f\u205f\u2060\u3000"
    "\ua600-\uabff\ufe50-\ufeff\uff00-\uffef\U00010000-\U0010ffff]"
)


def plain(text: str) -> str:
    """Text with look-alike characters read as their ASCII forms: `RMB＇０００` is
    `RMB'000`, `３１，２０２５` is `31,2025`, a no-break or full-width space a space."""
    if text.isascii():
        return text
    return CHANGEABLE.sub(_plain_match, text)


def _plain_match(match: re.Match[str]) -> str:
    return _plain_char(match.group(0))


@text_cache(maxsize=4096)
def _plain_char(ch: str) -> str:
    if ch in _INVISIBLE:
        return ""
    category = unicodedata.category(ch)
    if category == "Zs":
        return " "
    if category == "Nd":
        return str(unicodedata.digit(ch))
    code = ord(ch)
    if any(low <= code <= high for low, high in _WIDE_FORMS):
        return unicodedata.normalize("NFKC", ch)
    return ch
