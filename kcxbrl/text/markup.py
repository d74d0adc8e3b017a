"""Inline markup taken out of one line or cell: Markdown emphasis, escapes and
links, HTML tags and references, and the characters no output may carry.

Each step runs only where the characters it looks for are printed, so a line
without markup costs a few substring tests.
"""

from __future__ import annotations

import html
import re

# Backslash escapes are parked on private-use characters while the markup is
# stripped, so an escaped `*` or `_` is never taken for emphasis.
PARK = 0xE000
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_PARKED = re.compile("[\ue000-\ue07f]")

# Markers for bold spans; they are dropped once the line has been walked.
_BOLD_ON = "\ue100"
_BOLD_OFF = "\ue101"
_BOLD_FLIP = "\ue102"
_MARKERS = (_BOLD_ON, _BOLD_OFF, _BOLD_FLIP)
_MARKER_SPLIT = re.compile(f"([{_BOLD_ON}{_BOLD_OFF}{_BOLD_FLIP}])")

_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+\.[A-Za-z]+)>")
_SUP = re.compile(r"<sup\b[^>]*>.*?</sup\s*>", re.IGNORECASE)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BOLD_TAG = re.compile(r"<\s*(/?)\s*(?:b|strong)\b[^>]*>", re.IGNORECASE)
_INLINE_NAMES = ("i", "em", "u", "a", "span", "font", "small", "big", "sub", "sup", "s", "strike", "del", "ins",
                 "mark", "code", "tt")
_INLINE_TAG = re.compile(rf"</?\s*(?:{'|'.join(_INLINE_NAMES)})\b[^>]*>", re.IGNORECASE)
_BLOCK_NAMES = ("p", "div", "center", "td", "th", "tr", "table", "tbody", "thead", "tfoot", "ul", "ol", "li",
                "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre")
_BLOCK_TAG = re.compile(rf"</?\s*(?:{'|'.join(_BLOCK_NAMES)})\b[^>]*>", re.IGNORECASE)
# Every tag pattern above starts "<", spaces, maybe "/", spaces, then its name: in
# ASCII text the names printed after "<" say which patterns can match at all.
_TAG_NAME = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9]*)")
_STARS = re.compile(r"\*\**")  # (as `\*+`; a pattern starting with a literal is found faster)
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")

# What no output may carry: the C0 controls but tab (line breaks are split off
# first), U+FFFE, U+FFFF and lone surrogates, none of which XML 1.0 allows;
# DEL and the C1 controls too, which XML allows but which print nothing.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Controls that stand between words become a space, so the words stay apart.
_SPACING = frozenset("\x0b\x0c\x0d\x1c\x1d\x1e\x1f\x85")
# The private-use characters escapes and bold marks are parked on.
_PRIVATE = "\ue000-\ue07f\ue100-\ue102"
# What strip_markup may change beyond spacing: escapes, tags, links, emphasis, references,
# controls, and the private-use characters it parks escapes and bold marks on.
MARKUP = re.compile(rf"[\\<\[*&{_PRIVATE}]|" + CONTROL.pattern)
# What a text must not hold to be read as ``scrubbed``: controls and those private-use characters.
UNSCRUBBED = re.compile(rf"[{_PRIVATE}]|" + CONTROL.pattern)


def has_markup(text: str, scrubbed: bool) -> bool:
    """Whether ``strip_markup`` has more to do than spacing.  Text holding no
    control and no private-use character can only hold markup as one of five characters."""
    if scrubbed:
        return "\\" in text or "<" in text or "[" in text or "*" in text or "&" in text
    return MARKUP.search(text) is not None


def strip_markup(text: str, bold: bool, scrubbed: bool = False) -> tuple[str, bool, bool]:
    """Text (already read as plain characters) without its markup; whether a
    bold span is still open at its end; whether every visible character sat
    inside a bold span.  ``bold``: a bold span is open where it starts;
    ``scrubbed``: the text holds nothing ``UNSCRUBBED`` matches (the reader knows)."""
    text = text.rstrip()
    if not has_markup(text, scrubbed):  # most lines: spacing only
        if "\t" in text or "  " in text:  # plain() has made every other space a " "
            text = SPACES.sub(" ", text)
        text = text.strip()
        return text, bold, bold and bool(text)
    # A text whose characters all print holds no control, no private-use character
    # and no mark of ours yet.
    printable = scrubbed or text.isprintable()
    ascii_text = text.isascii()
    escaped = "\\" in text
    if escaped:
        text = ESCAPE.sub(park, text)
        if text.endswith("\\"):
            text = text[:-1]  # a Markdown hard line break
    if "<" in text:
        if ":" in text or "@" in text:
            text = _AUTOLINK.sub(r"\1", text)
        if not ascii_text or "<sup" in text.lower():
            text = _SUP.sub("", text)
    if "[" in text:
        text = _LINK.sub(r"\1", text)
    if "<" in text:
        text = _strip_tags(text, ascii_text)
    if "*" in text:
        text = _STARS.sub(_star_run, text)
    if _BOLD_ON in text or _BOLD_OFF in text or _BOLD_FLIP in text:
        text, bold, all_bold = _walk_bold(text, bold)
    else:  # no bold mark: the text keeps the state it starts in
        all_bold = bold and not text.isspace() and text != ""
    entity = "&" in text
    if entity:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    if entity or not printable:
        # a reference the line scrub did not see (e.g. in a cell passed here alone) is scrubbed too
        text = scrub(text)
    if escaped or entity or not printable:
        text = unpark(text)
    if entity or "\t" in text or "  " in text:  # a reference may stand for a space of another kind
        text = SPACES.sub(" ", text)
    return text.strip(), bold, all_bold


def _bold_mark(match: re.Match[str]) -> str:
    return _BOLD_OFF if match.group(1) else _BOLD_ON


# Tags in the order they are taken out, with the names each pattern matches.
_TAG_STEPS = (
    (_BREAK, frozenset({"br"}), " "),
    (_BOLD_TAG, frozenset({"b", "strong"}), _bold_mark),
    (_INLINE_TAG, frozenset(_INLINE_NAMES), ""),
    (_BLOCK_TAG, frozenset(_BLOCK_NAMES), " "),
)


def _strip_tags(text: str, ascii_text: bool) -> str:
    """HTML tags, step by step.  In text that was ASCII (escapes parked aside) a
    step runs only if one of its names is printed after a "<" (read again after
    a step that changed the text: taking a tag out may join a "<" to a name)."""
    names = {name.lower() for name in _TAG_NAME.findall(text)} if ascii_text else None
    for pattern, wanted, replacement in _TAG_STEPS:
        if "<" not in text:
            break
        if names is not None and names.isdisjoint(wanted):
            continue
        text, count = pattern.subn(replacement, text)
        if count and names is not None and "<" in text:
            names = {name.lower() for name in _TAG_NAME.findall(text)}
    return text


def _walk_bold(text: str, bold: bool) -> tuple[str, bool, bool]:
    """The text without its bold marks, whether bold is on at its end, and
    whether every visible character sat inside a bold span."""
    kinds = [mark for mark in _MARKERS if mark in text]
    if len(kinds) == 1:  # one kind of mark (emphasis by asterisks): a plain split finds them
        parts = text.split(kinds[0])
        marks = kinds * (len(parts) - 1)
    else:
        pieces = _MARKER_SPLIT.split(text)  # runs of text between the bold marks, and the marks
        parts, marks = pieces[0::2], pieces[1::2]
    seen_bold = seen_plain = False
    for i, part in enumerate(parts):
        if i:
            mark = marks[i - 1]
            bold = mark == _BOLD_ON or (mark == _BOLD_FLIP and not bold)
        if part.strip():  # a visible character
            if bold:
                seen_bold = True
            else:
                seen_plain = True
    return "".join(parts), bold, seen_bold and not seen_plain


def _star_run(match: re.Match[str]) -> str:
    """Asterisks that open or close emphasis go; a lone `*` between spaces stays."""
    text = match.string
    before = text[match.start() - 1] if match.start() > 0 else " "
    after = text[match.end()] if match.end() < len(text) else " "
    if before.isspace() and after.isspace():
        return match.group(0)
    return _BOLD_FLIP if len(match.group(0)) >= 2 else ""


def park(match: re.Match[str]) -> str:
    """An escaped character on its private-use stand-in."""
    return chr(PARK + ord(match.group(1)))


def unpark(text: str) -> str:
    return _PARKED.sub(lambda m: chr(ord(m.group(0)) - PARK), text)


def scrub(text: str) -> str:
    """Text without the characters no output may carry."""
    return CONTROL.sub(lambda m: " " if m.group(0) in _SPACING else "", text)
