"""Short extractive summaries: whole sentences of the article, in article order, in budget.

The pieces: ``summary_text`` says which sentences are material (no datelines, credits,
headings, repeats), ``summary_score`` rates each sentence, ``summary_select`` picks the set
that fits the budget. This module holds the rules around them: a photo's summary is its
caption's first sentence, an article within budget is its own summary, and only when no
sentence fits is one cut at a clause boundary and ended with "…".
"""

from __future__ import annotations

from dataclasses import dataclass

from digests.model import Article
from digests.sentences import char_len, clauses
from digests.summary_score import score_units
from digests.summary_select import select
from digests.summary_text import Unit, split_article
from digests.words import Segmenter

ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class SummaryOptions:
    """How summaries are made. ``max_chars`` counts every non-whitespace character."""

    max_chars: int = 120
    # Linear model of a sentence's worth over summary_score.FEATURES, fit on the dev set
    # (ridge regression on each sentence's ROUGE-2 F1 against the editors' key points).
    bias: float = -0.0977
    weights: tuple[float, ...] = (
        0.0484, 0.0227, 0.0258, 0.0539, 0.0526, 0.0011, -0.0165,
        0.0189, -0.0039, -0.0101, -0.0816, 0.0274, -0.0406, 0.025,
    )  # fmt: skip
    # Share of a sentence's score lost per unit of word overlap with a chosen sentence.
    redundancy: float = 0.6
    # A further sentence must score at least this much to be added.
    min_gain: float = 0.04
    keywords: int = 8


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """An article's summary with its keywords and all its words (for the search index)."""

    summary: str
    keywords: tuple[str, ...]
    words: tuple[str, ...]


def _cut_at_clause(sentence: str, budget: int) -> str:
    """The longest run of whole clauses from the start that fits with a closing "…"."""
    out = ""
    for clause in clauses(sentence):
        if char_len(out + clause) + 1 > budget:
            break
        out += clause
    if not out:
        return ""  # not even the first clause fits
    return out.rstrip("，；：,;:。！？!?") + ELLIPSIS


def _fallback(units: list[Unit], scores: list[float], budget: int) -> str:
    """No sentence fits: the best sentence whose first clause does, cut at a clause end."""
    ranked = sorted(range(len(units)), key=lambda i: (-scores[i], i))
    for i in ranked:
        cut = _cut_at_clause(units[i].text, budget)
        if cut:
            return cut
    return ""


def _headline(title: str, kicker: str, subtitle: str) -> str:
    return "\n".join(p for p in (kicker, title, subtitle) if p)


def _summarize_units(
    units: list[Unit],
    word_sets: list[set[str]],
    headline_words: set[str],
    kind: str,
    options: SummaryOptions,
) -> str:
    budget = options.max_chars
    if not units or budget <= 0:
        return ""
    if kind == "photo":
        first = units[0].text
        return first if char_len(first) <= budget else _cut_at_clause(first, budget)
    whole = "".join(u.text for u in units)
    if char_len(whole) <= budget:
        return whole
    scores = score_units(units, word_sets, headline_words, options)
    chosen = select(units, word_sets, scores, budget, options)
    if not chosen:
        return _fallback(units, scores, budget)
    return "".join(units[i].text for i in chosen)


def summarize(
    text: str,
    *,
    title: str = "",
    kicker: str = "",
    subtitle: str = "",
    kind: str = "article",
    segmenter: Segmenter,
    options: SummaryOptions,
) -> str:
    """A summary of ``text`` (paragraphs separated by newlines) within ``options.max_chars``."""
    units, _rest = split_article(text)
    word_sets = [set(segmenter.content_words(segmenter.cut(u.text))) for u in units]
    headline = set(segmenter.content_words(segmenter.cut(_headline(title, kicker, subtitle))))
    return _summarize_units(units, word_sets, headline, kind, options)


def keywords_of(content: list[str], headline: set[str], n: int) -> list[str]:
    """The article's most frequent content words of two or more characters, headline first."""
    counts: dict[str, int] = {}
    for w in content:
        if len(w) > 1:
            counts[w] = counts.get(w, 0) + 1
    for w in headline:
        if w in counts:
            counts[w] += 2
    return sorted(counts, key=lambda w: (-counts[w], w))[:n]


def summarize_article(
    article: Article, segmenter: Segmenter, options: SummaryOptions
) -> ArticleSummary:
    """Summary, keywords and words of an article, segmenting its text once.

    ``words`` are the headline's and the body's words in order (credits and headings
    included, repeated sentences once, no spaces), for the archive's search index.
    """
    units, rest = split_article(article.text)
    unit_words = [segmenter.cut(u.text) for u in units]
    headline_words = segmenter.cut(article.headline)
    contents = [segmenter.content_words(ws) for ws in unit_words]
    headline = set(segmenter.content_words(headline_words))
    summary = _summarize_units(units, [set(c) for c in contents], headline, article.kind, options)
    words = list(headline_words)
    for ws in unit_words:
        words.extend(ws)
    for r in rest:
        words.extend(segmenter.cut(r))
    keys = keywords_of([w for c in contents for w in c], headline, options.keywords)
    return ArticleSummary(summary, tuple(keys), tuple([w for w in words if not w.isspace()]))
