"""Row labels brought to one form, so another release's wording still matches.

Two keys per label (the vocabulary is data: ``taxonomy/mapping/labels.toml``):

* ``exact_key``: case, punctuation, plurals, footnote marks, a leading
  "Less:", where "net" and "total" stand and the order of a printed pair
  ("gain (loss)", "(loss) gain", "gains/(losses)") do not count;
* ``loose_key``: one side of a pair stands for the family ("Operating
  income" = "Operating loss"), "total" and "net" are dropped.  The mapper
  tries it only when no exact key matches, and a loose key naming two
  concepts is reported, never picked from.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from kcxbrl.resources import taxonomy_dir
from kcxbrl.text.memo import text_cache

_NOISE = re.compile(r"\((?:non-gaap(?: financial)?(?: measures?)?|unaudited|audited)\)", re.I)
_LEAD = re.compile(r"^(?:less|add|plus|deduct|of which|including)\s*:\s*|^[-–—•*·]+\s*", re.I)
_FOOTNOTE = re.compile(r"(?:\s*(?:\(\d{1,2}\)|\[\^?\d{1,2}\]|[*†‡#]+|\([a-h]\)))+\s*$")
_TOKEN = re.compile(r"[a-z0-9%$]+|[()/]")
_PUNCTUATION = re.compile(r"[^a-z0-9%$()/]+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
# what _LEAD can take away starts with one of these or holds a colon; what _FOOTNOTE can, ends in one of these
_LEAD_MARKS = "-–—•*·"
_FOOTNOTE_ENDS = ")]*†‡#"
_RUN = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Vocabulary:
    pairs: frozenset[frozenset[str]]
    families: dict[str, str]
    phrases: tuple[tuple[str, re.Pattern[str], str], ...]  # (words, where they stand alone, replacement)
    ignore: frozenset[str]
    # The phrases (by their place above) by the first run of letters and digits they print:
    # where a phrase stands alone that run is printed whole.  Phrases with none are always tried.
    starting: dict[str, tuple[int, ...]]
    always: tuple[int, ...] = ()


def _pre(text: str) -> str:
    """Lower case, unified quotes, apostrophes dropped, punctuation as spaces."""
    if not text.isascii():  # (_QUOTES maps no ASCII character)
        text = text.translate(_QUOTES)
    text = text.lower().replace("'", "").replace("&", " and ")
    return " ".join(_PUNCTUATION.sub(" ", text).split())


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = tomllib.loads((taxonomy_dir() / "mapping" / "labels.toml").read_text(encoding="utf-8"))
    phrases = sorted(((_pre(k), _pre(v)) for k, v in data["phrases"].items()), key=lambda kv: -len(kv[0]))
    starting: dict[str, list[int]] = {}
    always: list[int] = []
    for i, (words, _) in enumerate(phrases):
        first = _RUN.search(words)
        if first:
            starting.setdefault(first.group(), []).append(i)
        else:
            always.append(i)
    return Vocabulary(
        pairs=frozenset(frozenset(_stem(w) for w in pair) for pair in data["pairs"]),
        families={_stem(k): v for k, v in data["families"].items()},
        phrases=tuple((k, re.compile(rf"(?<![a-z0-9]){re.escape(k)}(?![a-z0-9])"), v) for k, v in phrases),
        ignore=frozenset(data["ignore"]),
        starting={run: tuple(places) for run, places in starting.items()},
        always=tuple(always),
    )


@text_cache(maxsize=4096)
def _stem(word: str) -> str:
    """Singular of an English plural, as far as labels need it."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("s"):
        return word[:-1]
    return word


def _strip(text: str) -> str:
    if not text.isascii():
        text = text.translate(_QUOTES)
    text = text.strip()
    if "(" in text:
        text = _NOISE.sub(" ", text)
    previous = None
    while previous != text:  # each pattern only where it can take something away
        previous = text
        text = text.strip()
        if ":" in text or text[:1] in _LEAD_MARKS:
            text = _LEAD.sub("", text)
        if text.rstrip()[-1:] in _FOOTNOTE_ENDS:
            text = _FOOTNOTE.sub("", text)
    return text.strip().rstrip(":").strip()


def _phrases(text: str, vocab: Vocabulary) -> str:
    """The vocabulary's phrases replaced in their order, each where it stands alone; a
    phrase is tried only where the first run of letters and digits it prints is printed."""
    start, starting = 0, vocab.starting
    while True:
        tried = [i for run in _RUN.findall(text) if run in starting for i in starting[run] if i >= start]
        tried += [i for i in vocab.always if i >= start]
        for i in sorted(tried):  # (a phrase tried twice is replaced once)
            words, pattern, replacement = vocab.phrases[i]
            if words in text:
                replaced = pattern.sub(replacement, text)
                if replaced != text:
                    text, start = replaced, i + 1
                    break
        else:
            return text


def _tokens(text: str, vocab: Vocabulary) -> list[str]:
    text = _phrases(_pre(_strip(text)), vocab)
    ignore = vocab.ignore
    words = [_stem(t) for t in _TOKEN.findall(text) if t not in ignore]
    # a word printed twice in a row ("Non-GAAP adjusted" read as "adjusted adjusted") counts once
    return [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]


def _is_word(token: str) -> bool:
    return token not in ("(", ")", "/")


def _pair(a: str, b: str, vocab: Vocabulary) -> str | None:
    if a == b:
        return a
    if frozenset((a, b)) in vocab.pairs:
        return "|".join(sorted((a, b)))
    return None


def _fold_pairs(tokens: list[str], vocab: Vocabulary) -> list[str]:
    """"A (B)", "(B) A", "A / B", "A/(B)", "A or B" of a pair become one token."""
    # a single word in parentheses next to a slash loses its parentheses
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if (
            tokens[i] == "(" and i + 2 < len(tokens) and tokens[i + 2] == ")" and _is_word(tokens[i + 1])
            and ((out and out[-1] == "/") or (i + 3 < len(tokens) and tokens[i + 3] == "/"))
        ):
            out.append(tokens[i + 1])
            i += 3
            continue
        out.append(tokens[i])
        i += 1
    tokens, out = out, []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t == "(" and i + 2 < len(tokens) and tokens[i + 2] == ")" and _is_word(tokens[i + 1]):
            inner = tokens[i + 1]
            if out and _is_word(out[-1]) and (joined := _pair(out[-1], inner, vocab)):
                out[-1] = joined
                i += 3
                continue
            if i + 3 < len(tokens) and _is_word(tokens[i + 3]) and (joined := _pair(inner, tokens[i + 3], vocab)):
                out.append(joined)
                i += 4
                continue
        if t in ("/", "or") and out and _is_word(out[-1]) and i + 1 < len(tokens) and _is_word(tokens[i + 1]):
            joined = _pair(out[-1], tokens[i + 1], vocab)
            if joined:
                out[-1] = joined
                i += 2
                continue
        out.append(t)
        i += 1
    return [t for t in out if t not in ("(", ")", "/")]


def _place_net_total(words: list[str]) -> list[str]:
    """"Net X" = "X, net"; "Total X" = "X, total"."""
    total = "total" in words
    net = "net" in words
    words = [w for w in words if w not in ("net", "total")]
    return (["total"] if total else []) + words + (["net"] if net else [])


@text_cache(maxsize=8192)
def exact_key(text: str) -> str:
    vocab = vocabulary()
    return " ".join(_place_net_total(_fold_pairs(_tokens(text, vocab), vocab)))


@text_cache(maxsize=8192)
def loose_key(text: str) -> str:
    vocab = vocabulary()
    words = []
    for word in exact_key(text).split():
        if word in ("net", "total"):
            continue
        members = word.split("|")
        families = {vocab.families.get(m) for m in members}
        if len(families) == 1 and None not in families:
            word = families.pop()  # type: ignore[assignment]
        words.append(word)
    return " ".join(words)
