"""Choosing whole sentences that fit the budget: the best first, nothing said twice.

Greedy: take the sentence with the highest score, then again the best of those that still
fit, its score reduced by how much it overlaps what is already chosen. Stop when nothing
fits or the best remaining adds too little (a weak extra sentence costs the summary more in
precision than it brings). The chosen sentences are returned in text order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from digests.sentences import char_len
from digests.summary_text import Unit

if TYPE_CHECKING:
    from digests.summarizer import SummaryOptions


def overlap(a: set[str], b: set[str]) -> float:
    """Share of the smaller set's words that the other set has too."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def select(
    units: Sequence[Unit],
    sets: Sequence[set[str]],
    scores: Sequence[float],
    budget: int,
    options: SummaryOptions,
) -> list[int]:
    """Indices of the chosen units in text order; empty when no unit fits the budget.

    ``sets`` are the units' content words, for telling how much two units overlap."""
    lengths = [char_len(u.text) for u in units]
    chosen: list[int] = []
    left = budget
    candidates = [i for i in range(len(units)) if lengths[i] <= budget]

    def gain(i: int) -> float:
        red = max((overlap(sets[i], sets[j]) for j in chosen), default=0.0)
        return scores[i] * (1.0 - options.redundancy * red)

    while candidates:
        best = max(candidates, key=lambda i: (gain(i), -i))
        if chosen and gain(best) < options.min_gain:
            break
        chosen.append(best)
        left -= lengths[best]
        candidates = [i for i in candidates if i != best and lengths[i] <= left]
    return sorted(chosen)
