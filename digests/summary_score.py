"""How much a sentence says what the article is about.

A sentence scores for its similarity to the whole article (its content words are the
article's frequent ones), for sharing words with the headline (kicker, title, subtitle say
what the article is about), and for coming early (news puts the point first). Quotations and
questions rarely make a good key point and lose some score.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from digests.summary_text import Unit
from digests.words import Segmenter

if TYPE_CHECKING:
    from digests.summarizer import SummaryOptions


def quoted_share(text: str) -> float:
    """Share of a sentence's characters inside “…” quotation marks."""
    depth, inside = 0, 0
    for c in text:
        if c == "“":
            depth += 1
        elif c == "”":
            depth = max(0, depth - 1)
        elif depth:
            inside += 1
    return inside / max(1, len(text))


def _scaled(values: list[float]) -> list[float]:
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0] * len(values)


def score_units(
    units: Sequence[Unit],
    unit_words: Sequence[Sequence[str]],
    headline_words: Sequence[str],
    segmenter: Segmenter,
    options: SummaryOptions,
) -> list[float]:
    """One score per unit, higher is better."""
    sets = [{w for w in ws if segmenter.is_content(w)} for ws in unit_words]
    df: Counter[str] = Counter()
    for s in sets:
        df.update(s)
    head = {w for w in headline_words if segmenter.is_content(w)}
    centroid, headline, position = [], [], []
    for u, s in zip(units, sets, strict=True):
        norm = math.sqrt(len(s)) or 1.0
        centroid.append(sum(df[w] - 1 for w in s) / norm)
        headline.append(len(s & head) / norm)
        position.append(1.0 / (1.0 + u.order) ** options.position_decay)
    centroid, headline = _scaled(centroid), _scaled(headline)
    out = []
    for u, c, h, p in zip(units, centroid, headline, position, strict=True):
        score = options.centroid_weight * c + options.headline_weight * h
        score += options.position_weight * p
        if quoted_share(u.text) > 0.5 or u.text.rstrip("”’」』\"')）").endswith(("？", "?")):
            score -= options.quote_penalty
        out.append(score)
    return out
