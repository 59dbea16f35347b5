"""Pure text helpers of search: index tokens, query parsing, headline grams, snippets.

Index terms are the segmenter's words cut down to letters and digits and lower-cased, so
punctuation, emoji and query syntax never reach the engine as operators: a query is only
ever a set of terms and quoted phrases.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

_TERM = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
_QUOTED = re.compile(r"[\"“”「」『』]([^\"“”「」『』]*)[\"“”「」『』]?")
# Caps that keep a pasted page from turning into a thousand-term query.
MAX_TERMS = 24
MAX_GRAMS = 64
MAX_QUERY_CHARS = 2000
SNIPPET_CHARS = 80

Cut = Callable[[str], Sequence[str]]  # the segmenter: text in, words out


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """Terms that must all match, phrases that must match exactly (each a list of terms)."""

    terms: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    phrase_texts: tuple[str, ...] = ()
    truncated: bool = False

    @property
    def empty(self) -> bool:
        return not self.terms and not self.phrases


def fold(text: str) -> str:
    """NFKC and lower case: full-width letters and digits become ASCII."""
    return unicodedata.normalize("NFKC", text).lower()


def terms_of(words: Iterable[str]) -> list[str]:
    """Index terms of segmented words: letters and digits only, lower-cased."""
    out: list[str] = []
    for w in words:
        out.extend(_TERM.findall(fold(w)))
    return out


def parse_query(query: str, cut: Cut, known: Callable[[str], bool]) -> ParsedQuery:
    """Split a typed query into terms and quoted phrases; anything else is plain text.

    A space-separated chunk that is an index term as typed stays whole: cut alone, out of
    its sentence, the segmenter may split a word it kept whole in the text ("万场").
    """
    truncated = len(query) > MAX_QUERY_CHARS
    text = query[:MAX_QUERY_CHARS]
    phrases: list[tuple[str, ...]] = []
    phrase_texts: list[str] = []
    for m in _QUOTED.finditer(text):
        inner = m.group(1)
        phrase = tuple(terms_of(cut(inner)))
        if phrase:
            phrases.append(phrase)
            phrase_texts.append(compact(inner))
    rest = _QUOTED.sub(" ", text)
    terms: list[str] = []
    for chunk in rest.split():
        whole = _TERM.findall(fold(chunk))
        words: list[str] = whole if len(whole) == 1 and known(whole[0]) else terms_of(cut(chunk))
        for t in words:
            if t not in terms:
                terms.append(t)
    if len(terms) > MAX_TERMS:
        terms, truncated = terms[:MAX_TERMS], True
    return ParsedQuery(tuple(terms), tuple(phrases[:4]), tuple(phrase_texts[:4]), truncated)


def compact(text: str) -> str:
    """Letters and digits only, folded: how a reader types a headline."""
    return "".join(_WORD_CHAR.findall(fold(text)))


def grams(text: str) -> list[str]:
    """Headline index terms of compacted text: its characters and character pairs."""
    chars = list(text)
    return chars + [a + b for a, b in itertools.pairwise(chars)]


def query_grams(fragment: str) -> list[str]:
    """The terms a headline fragment is looked up by: pairs, or the character when alone."""
    if len(fragment) == 1:
        return [fragment]
    seen: dict[str, None] = {}
    for a, b in itertools.pairwise(fragment):
        seen[a + b] = None
    return list(seen)[:MAX_GRAMS]


def snippet(text: str, needles: Sequence[str], width: int = SNIPPET_CHARS) -> str:
    """A window of ``text`` around the first needle, every needle in it marked 【like this】."""
    flat = " ".join(text.split())
    low = fold(flat) if len(fold(flat)) == len(flat) else flat.lower()
    keys = sorted({n for n in needles if n}, key=len, reverse=True)
    first = min((i for i in (low.find(k) for k in keys) if i >= 0), default=-1)
    start = max(0, first - width // 4) if first >= 0 else 0
    window = flat[start : start + width]
    lwin = low[start : start + width]
    if not keys:
        return window + ("…" if start + width < len(flat) else "")
    pattern = re.compile("|".join(re.escape(k) for k in keys))
    out: list[str] = []
    pos = 0
    for m in pattern.finditer(lwin):
        out.append(window[pos : m.start()])
        out.append(f"【{window[m.start() : m.end()]}】")
        pos = m.end()
    out.append(window[pos:])
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(flat) else ""
    return prefix + "".join(out) + suffix
