"""How much a sentence says what the article is about.

Each sentence gets a few features, and its score is a linear function of them that
estimates how well the sentence alone would match an editor's key-point box (its
character-bigram ROUGE-2 F1). The strongest features: similarity to the whole article
(its words and character pairs recur in other sentences), sharing words and character pairs
with the headline (kicker, title and subtitle say what the article is about), and coming
early or in the last paragraph. Long chains of commas (narrative detail), numbers,
quotations and reported speech count against a sentence.

The weights (SummaryOptions.weights) were fit by ridge regression on the development set's
sentences; ``bench/summary_cv.py`` refits them by repeated k-fold cross-validation and scores
the held-out folds (2x5-fold R-L 25.7, the same as in-sample, so they do not overfit). Tried
there and rejected, each lowering cross-validated R-L by 0.1-1.5: fitting to ROUGE-L, bigram
precision, oracle-sentence labels or per-key-point alignment instead of ROUGE-2; pairwise
ranking; binned (non-linear) features; idf-weighted, trigram, lead-similarity and title-pair
features; a lexical prior from the references; weights tuned on summary R-L directly; and a
knapsack over the top sentences instead of greedy selection (it trades the single best
sentence for several weaker ones).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from digests.summary_text import Unit

if TYPE_CHECKING:
    from digests.summarizer import SummaryOptions

FEATURES = (
    "centroid_pairs",  # shared character pairs with the rest of the article
    "centroid_words",  # shared content words with the rest of the article
    "headline_words",
    "headline_pairs",
    "position",  # 1/sqrt(1 + place among the article's sentences)
    "paragraph_start",
    "first_paragraph",
    "last_paragraph",
    "quotation",  # mostly inside “…”
    "reported_speech",  # 说, 表示, 介绍 …
    "comma_density",
    "log_length",
    "digit_share",
    "very_short",  # under 12 characters
)

_SAY_RE = re.compile("说|表示|介绍|告诉|坦言|笑道")
_NON_TEXT_RE = re.compile(r"[\W_]+")
_DIGIT_RE = re.compile(r"\d")
_SHORT = 12


def _text_chars(text: str) -> str:
    """The characters that carry content: CJK, letters and digits."""
    return _NON_TEXT_RE.sub("", text)


def _pairs(chars: str) -> set[str]:
    return {chars[k : k + 2] for k in range(len(chars) - 1)}


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
    """Values divided by the article's largest, so that long and short articles compare."""
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0] * len(values)


def _recurrence(items: Sequence[set[str]]) -> list[float]:
    """For each set, how often its members occur in the other sets, per sqrt of its size."""
    df: Counter[str] = Counter()
    for s in items:
        df.update(s)
    get = df.__getitem__
    return _scaled([(sum(map(get, s)) - len(s)) / (math.sqrt(len(s)) or 1.0) for s in items])


def _shared(items: Sequence[set[str]], other: set[str]) -> list[float]:
    return _scaled([len(s & other) / (math.sqrt(len(s)) or 1.0) for s in items])


def sentence_features(
    units: Sequence[Unit], word_sets: Sequence[set[str]], headline: set[str]
) -> list[tuple[float, ...]]:
    """One tuple of FEATURES per unit, from its content words and the headline's."""
    chars = [_text_chars(u.text) for u in units]
    pair_sets = [_pairs(c) for c in chars]
    head_words = headline
    head_pairs = set().union(*(_pairs(w) for w in headline))
    cen_pairs, cen_words = _recurrence(pair_sets), _recurrence(word_sets)
    hw, hp = _shared(word_sets, head_words), _shared(pair_sets, head_pairs)
    last = max((u.paragraph for u in units), default=0)
    out: list[tuple[float, ...]] = []
    for i, u in enumerate(units):
        text, n = u.text, max(1, len(chars[i]))
        out.append(
            (
                cen_pairs[i],
                cen_words[i],
                hw[i],
                hp[i],
                1.0 / math.sqrt(1.0 + u.order),
                float(u.index == 0),
                float(u.paragraph == 0),
                float(u.paragraph == last and last > 1),
                float(quoted_share(text) > 0.5),
                float(_SAY_RE.search(text) is not None),
                (text.count("，") + text.count(",")) / n,
                math.log(n),
                len(_DIGIT_RE.findall(chars[i])) / n,
                float(n < _SHORT),
            )
        )
    return out


def score_units(
    units: Sequence[Unit],
    word_sets: Sequence[set[str]],
    headline: set[str],
    options: SummaryOptions,
) -> list[float]:
    """One score per unit, higher is better (about the ROUGE-2 F1 the sentence alone gets)."""
    bias, weights = options.bias, options.weights
    return [
        bias + sum(w * f for w, f in zip(weights, feats, strict=True))
        for feats in sentence_features(units, word_sets, headline)
    ]
