"""Pure text helpers of search: index tokens, headline grams, snippets.

Index terms are the segmenter's words cut down to letters and digits and lower-cased, so
punctuation and emoji never reach the engine (query syntax is read in
:mod:`digests.archive.syntax`).
"""

from __future__ import annotations

import functools
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


# Where the characters are that fold to one letter, digit or ideograph other than
# themselves: capitals, full-width forms, enclosed and mathematical letters and digits,
# compatibility ideographs and radicals.
_VARIANT_RANGES = (
    (0x41, 0x5A),
    (0xC0, 0x24F),
    (0x2070, 0x209F),
    (0x2460, 0x24FF),
    (0x2E80, 0x2FDF),
    (0x3200, 0x33FF),
    (0xF900, 0xFAFF),
    (0xFF00, 0xFFEF),
    (0x1D400, 0x1D7FF),
    (0x1F100, 0x1F1FF),
    (0x2F800, 0x2FA1F),
)


@functools.cache
def _variants() -> dict[str, str]:
    """Each letter, digit or ideograph, and the other characters that fold to it alone
    ("A" and "Ａ" to "a", "①" to "1", a compatibility ideograph to its ideograph): what a
    folded needle matches in text that was never folded."""
    chars = [chr(c) for lo, hi in _VARIANT_RANGES for c in range(lo, hi + 1)]
    # One normalisation of them all: a NUL between two characters keeps them apart.
    folded = fold("\0".join(chars)).split("\0")
    out: dict[str, str] = {}
    for c, f in zip(chars, folded, strict=True):
        if len(f) == 1 and f != c and _WORD_CHAR.match(f):
            out[f] = out.get(f, "") + c
    return out


def _needle(key: str) -> str:
    """A pattern for one folded needle in unfolded text."""
    v = _variants()
    return "".join(f"[{re.escape(c)}{re.escape(v[c])}]" if c in v else re.escape(c) for c in key)


def _pattern(needles: Sequence[str]) -> re.Pattern[str] | None:
    """The needles, longest first, as they may be printed (see :func:`_variants`)."""
    keys = sorted({n for n in needles if n}, key=len, reverse=True)
    return re.compile("|".join(_needle(k) for k in keys)) if keys else None


def _first(paras: Sequence[str], pattern: re.Pattern[str] | None) -> tuple[int, int, int]:
    """(paragraph, offset, characters before it) of the first needle, or of the text's
    start: whitespace runs count as one space, empty paragraphs not at all."""
    before = 0
    if pattern is not None:
        for n, raw in enumerate(paras):
            p = " ".join(raw.split())
            m = pattern.search(p)
            if m is not None:
                return n, m.start(), before
            before += len(p) + 1 if p else 0
    return 0, -1, 0


def snippet(
    paragraphs: Sequence[str], needles: Sequence[str], width: int = SNIPPET_CHARS
) -> tuple[str, ...]:
    """A window of the text around the first needle, as parts: the text between matches at
    even places, each match at an odd place (the shell marks them as its channel can).

    Nothing is folded: the needles are matched in the text as printed, by every character
    that folds to theirs, and past the first needle only the window is read, so a long
    article costs little more than a short one.
    """
    pattern = _pattern(needles)
    n, first, before = _first(paragraphs, pattern)
    start = max(0, first - width // 4) if first >= 0 else 0
    parts: list[str] = []
    size, upto = 0, n
    while upto < len(paragraphs) and size <= start + width:
        p = " ".join(paragraphs[upto].split())
        upto += 1
        if p:
            parts.append(p)
            size += len(p) + 1
    tail = " ".join(parts)
    window = tail[start : start + width]
    more = start + width < len(tail) or any(not p.isspace() and p for p in paragraphs[upto:])
    prefix = "…" if before + start > 0 else ""
    suffix = "…" if more else ""
    text = prefix + window + suffix
    if pattern is None:
        return (text,)
    return _parts(pattern, text)


def _parts(pattern: re.Pattern[str], text: str) -> tuple[str, ...]:
    parts: list[str] = []
    at = 0
    for m in pattern.finditer(text):
        parts += [text[at : m.start()], m.group(0)]
        at = m.end()
    return (*parts, text[at:])
