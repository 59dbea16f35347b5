"""Pure ranking helpers of search: BM25F over headline and body words, and the edit
distance of a headline fragment to its best stretch.

BM25F (Robertson, Zaragoza & Taylor 2004) adds each field's length-normalised term count,
weighted, before one saturation: a headline word counts like a few body hits of it, and
several body hits still outweigh one headline hit, whatever the article's length. A
headline word the body never mentions counts less. An article whose headline holds two or
more of the query's words loses a fixed amount: a reader who remembers a headline types one
word of it beside words of the text (or looks the headline up), so the headline evidence
should not pile up across query words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bm25f:
    """The weights (fitted by bench/search_fit.py on the fit days)."""

    k1: float = 8.0  # gentle saturation: a word printed more often keeps counting
    head: float = 6.0  # a headline occurrence counts as this many body occurrences
    # ... times this when the body never has the word: a headline word the text is about
    # recurs in it; one that stays in the headline (a pun, a borrowed phrase) says less.
    head_alone: float = 0.1
    # subtracted when two or more query words are in the headline (fitted like the rest)
    crowded: float = 1.0
    b_head: float = 0.3
    b_body: float = 0.75
    avg_head: float = 13.0  # typical lengths in index terms (the dev month's means)
    avg_body: float = 760.0
    candidates: int = 60  # the index's best this many are ranked again by BM25F


@dataclass(frozen=True, slots=True)
class FieldWords:
    """One article's index terms, two spaces apart and at each end (so that counting
    " term " also counts a term right after itself), and their numbers."""

    head: str
    body: str
    head_len: int
    body_len: int

    @classmethod
    def of(cls, head: str, body: str) -> FieldWords:
        return cls(
            f"  {head.replace(' ', '  ')}  ",
            f"  {body.replace(' ', '  ')}  ",
            head.count(" ") + 1,
            body.count(" ") + 1,
        )


def idf(df: int, n: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def bm25f(words: FieldWords, terms: Sequence[tuple[str, float]], w: Bm25f) -> float:
    """The score of one article for ``terms``: (space-joined term or phrase, idf) pairs."""
    nh = 1 - w.b_head + w.b_head * words.head_len / w.avg_head
    nb = 1 - w.b_body + w.b_body * words.body_len / w.avg_body
    score = 0.0
    in_head = 0
    for term, weight in terms:
        needle = f" {term} "
        body = words.body.count(needle)
        hits = words.head.count(needle)
        in_head += hits > 0
        tf = w.head * hits * (1.0 if body else w.head_alone) / nh + body / nb
        score += weight * tf / (w.k1 + tf)
    return score - w.crowded if in_head >= 2 else score


def stretch_distance(fragment: str, text: str) -> int:
    """Edit distance of ``fragment`` to the stretch of ``text`` it matches best.

    Myers' bit-parallel approximate matching (the whole fragment against any substring),
    so a short text wholly inside the fragment costs the fragment's extra characters:
    only a fragment typed from the text itself is a perfect match.
    """
    m = len(fragment)
    if m == 0:
        return 0
    peq: dict[str, int] = {}
    for i, c in enumerate(fragment):
        peq[c] = peq.get(c, 0) | (1 << i)
    full, high = (1 << m) - 1, 1 << (m - 1)
    pv, mv, score = full, 0, m
    best = m
    for c in text:
        eq = peq.get(c, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & full)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = (ph << 1) & full
        mh = (mh << 1) & full
        pv = mh | (~(xv | ph) & full)
        mv = ph & xv
        best = min(best, score)
    return best
