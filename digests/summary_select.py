"""Choosing whole sentences that fit the budget: good ones first, no saying a thing twice."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from digests.sentences import char_len
from digests.summary_text import Unit
from digests.words import Segmenter

if TYPE_CHECKING:
    from digests.summarizer import SummaryOptions


def _overlap(a: set[str], b: set[str]) -> float:
    """Share of the smaller set's words that the other set has too."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def select(
    units: Sequence[Unit],
    unit_words: Sequence[Sequence[str]],
    scores: Sequence[float],
    budget: int,
    segmenter: Segmenter,
    options: SummaryOptions,
) -> list[int]:
    """Indices of the chosen units in text order; empty when no unit fits the budget."""
    sets = [{w for w in ws if segmenter.is_content(w)} for ws in unit_words]
    lengths = [char_len(u.text) for u in units]
    chosen: list[int] = []
    left = budget
    candidates = [i for i in range(len(units)) if lengths[i] <= budget]
    while candidates:

        def gain(i: int) -> float:
            red = max((_overlap(sets[i], sets[j]) for j in chosen), default=0.0)
            return scores[i] * (1.0 - options.redundancy * red)

        best = max(candidates, key=lambda i: (gain(i), -i))
        chosen.append(best)
        left -= lengths[best]
        candidates = [i for i in candidates if i != best and lengths[i] <= left]
    return sorted(chosen)
