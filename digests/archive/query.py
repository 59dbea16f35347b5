"""Pure text helpers of search: index tokens, headline grams, snippets.

Index terms are the segmenter's words cut down to letters and digits and lower-cased, so
punctuation and emoji never reach the engine (query syntax is read in
:mod:`digests.archive.syntax`).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence

_TERM = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
MAX_GRAMS = 64
MAX_QUERY_CHARS = 2000
SNIPPET_CHARS = 80


def fold(text: str) -> str:
    """NFKC and lower case: full-width letters and digits become ASCII."""
    return unicodedata.normalize("NFKC", text).lower()


def terms_of(words: Iterable[str]) -> list[str]:
    """Index terms of segmented words: letters and digits only, lower-cased."""
    out: list[str] = []
    for w in words:
        out.extend(_TERM.findall(fold(w)))
    return out


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


def _find_first(paragraphs: Sequence[str], keys: Sequence[str]) -> tuple[int, int]:
    """(paragraph, offset) of the first needle, folding one paragraph at a time."""
    for n, p in enumerate(paragraphs):
        low = _folded(p)
        hits = [i for i in (low.find(k) for k in keys) if i >= 0]
        if hits:
            return n, min(hits)
    return 0, -1


def _folded(text: str) -> str:
    """Folded text of the same length (so offsets carry over to the original)."""
    f = fold(text)
    return f if len(f) == len(text) else text.lower()


def snippet(paragraphs: Sequence[str], needles: Sequence[str], width: int = SNIPPET_CHARS) -> str:
    """A window of the text around the first needle, every needle in it marked 【like this】.

    Only the paragraphs up to the first needle and the window itself are folded: a long
    article costs no more than a short one.
    """
    paras = [" ".join(p.split()) for p in paragraphs]
    paras = [p for p in paras if p]
    keys = sorted({n for n in needles if n}, key=len, reverse=True)
    n, first = _find_first(paras, keys) if keys else (0, -1)
    before = sum(len(p) + 1 for p in paras[:n])
    start = max(0, first - width // 4) if first >= 0 else 0
    need, upto = start + width + 1, n
    while upto < len(paras) and sum(len(p) + 1 for p in paras[n:upto]) < need:
        upto += 1
    tail = " ".join(paras[n:upto])
    window = tail[start : start + width]
    more = start + width < len(tail) or upto < len(paras)
    prefix = "…" if before + start > 0 else ""
    suffix = "…" if more else ""
    if not keys:
        return prefix + window + suffix
    lwin = _folded(window)
    pattern = re.compile("|".join(re.escape(k) for k in keys))
    out: list[str] = []
    pos = 0
    for m in pattern.finditer(lwin):
        out.append(window[pos : m.start()])
        out.append(f"【{window[m.start() : m.end()]}】")
        pos = m.end()
    out.append(window[pos:])
    return prefix + "".join(out) + suffix
