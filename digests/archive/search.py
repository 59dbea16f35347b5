"""Keyword search and headline lookup: candidates from the index, details from the database.

Keyword search asks for every word first; when no article has them all it falls back to
articles with some of them, ranked, and says so. Headline lookup finds candidates that
share character pairs with the fragment and re-ranks them by fuzzy partial similarity, so
a missing or wrong character, or left-out punctuation, still finds the headline.
Rows come from the database, so a withdrawn article never shows even if the index lags.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rapidfuzz import fuzz

from digests.archive.base import Hit, SearchOptions, SearchResult, StoredArticle
from digests.archive.index import Filters
from digests.archive.query import (
    MAX_QUERY_CHARS,
    MAX_TERMS,
    ParsedQuery,
    compact,
    parse_query,
    query_grams,
    snippet,
)
from digests.archive.rows import ARTICLE_COLUMNS, article_from_row
from digests.archive.store import Store
from digests.notes import note

NOTICE_EMPTY = note("search.empty")
NOTICE_HEADLINE_EMPTY = note("search.headline_empty")
NOTICE_PARTIAL = note("search.partial")
NOTICE_NONE = note("search.none")
NOTICE_LONG = note("search.long", n=MAX_TERMS)
_HEADLINE_CANDIDATES = 50
_SHORT_FRAGMENT = 3  # characters: below this, looking up by single characters is the fallback
DEFAULT_OPTIONS = SearchOptions()
_GRAM_WEIGHT = 0.1  # how much the pair-overlap score adds to the fuzzy score (0..1)


def _day(d: dt.date | None) -> int | None:
    return None if d is None else int(d.strftime("%Y%m%d"))


def _filters(options: SearchOptions) -> Filters:
    section = (options.section or "").strip() or None
    page = int(section) if section is not None and section.isdigit() else None
    return Filters(
        since=_day(options.since),
        until=_day(options.until),
        section=None if page is not None else section,
        page=page,
    )


def _ranked(scored: list[tuple[float, int, StoredArticle]]) -> list[tuple[float, StoredArticle]]:
    """Best score first; equal scores (to the fourth digit) go to the newer issue."""
    scored.sort(key=lambda t: (-round(t[0], 4), -t[1]))
    return [(s, a) for s, _, a in scored]


def _hit(sa: StoredArticle, score: float, text: str) -> Hit:
    return Hit(
        id=sa.article.id,
        title=_title(sa),
        date=sa.date,
        page=sa.page,
        section=sa.section,
        score=round(score, 4),
        snippet=text,
    )


def _title(sa: StoredArticle) -> str:
    a = sa.article
    return a.title or a.headline or a.text[:30]


class Searching(Store):
    """The archive's part for issues and articles (:class:`Store`) and searching them."""

    def _fetch(self, ids: Sequence[str]) -> dict[str, StoredArticle]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.db.rows(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE withdrawn = 0 AND id IN ({marks})",
            list(ids),
        )
        return {r[0]: article_from_row(r) for r in rows}

    def _keyword_hits(
        self, parsed: ParsedQuery, f: Filters, k: int, every: bool, need: int
    ) -> list[tuple[float, StoredArticle]]:
        """The best ``need`` stored, visible articles of the index's best ``k``, in rank order
        (rows are fetched a window at a time: only what is shown is read)."""
        found = self.index.keyword(parsed, f, k, every)
        found.sort(key=lambda t: (-round(t[1], 4), -t[2]))
        out: list[tuple[float, StoredArticle]] = []
        pos = 0
        while pos < len(found) and len(out) < need:
            window = found[pos : pos + need - len(out) + 2]
            pos += len(window)
            rows = self._fetch([i for i, _, _ in window])
            for article_id, score, _day in window:
                sa = rows.get(article_id)
                if sa is None:
                    continue
                if every and parsed.phrase_texts:
                    text = compact(sa.article.headline + sa.article.text)
                    if not all(p in text for p in parsed.phrase_texts):
                        continue
                out.append((score, sa))
        return out

    def search(self, query: str, options: SearchOptions = DEFAULT_OPTIONS) -> SearchResult:
        self.catch_up()
        parsed = parse_query(query, self.words.cut, self.index.known)
        if parsed.empty:
            return SearchResult(query, notices=(NOTICE_EMPTY,))
        f = _filters(options)
        need = options.offset + options.limit
        want = need + 10 if not parsed.phrases else max(need + 10, 200)
        found = self._keyword_hits(parsed, f, want, True, need)
        partial = False
        if not found and len(parsed.terms) + len(parsed.phrases) > 1:
            found, partial = self._keyword_hits(parsed, f, want, False, need), True
        ranked = found
        needles = [*parsed.terms, *(w for p in parsed.phrases for w in p)]
        hits = tuple(
            _hit(sa, score, snippet(sa.article.text or sa.article.headline, needles))
            for score, sa in ranked[options.offset : options.offset + options.limit]
        )
        notices = []
        if parsed.truncated:
            notices.append(NOTICE_LONG)
        if not hits:
            notices.append(NOTICE_NONE)
        elif partial:
            notices.append(NOTICE_PARTIAL)
        return SearchResult(query, hits, len(ranked), tuple(notices), partial and bool(hits))

    def headline(self, fragment: str, options: SearchOptions = DEFAULT_OPTIONS) -> SearchResult:
        frag = compact(fragment[:MAX_QUERY_CHARS])[:200]
        if not frag:
            return SearchResult(fragment, notices=(NOTICE_HEADLINE_EMPTY,))
        self.catch_up()
        found = self.index.headline(query_grams(frag), _filters(options), _HEADLINE_CANDIDATES)
        if not found and len(frag) <= _SHORT_FRAGMENT:
            # In two or three characters one typo spoils every pair; the characters still
            # find candidates, and the fuzzy ranking below orders them.
            found = self.index.headline(
                list(dict.fromkeys(frag)), _filters(options), _HEADLINE_CANDIDATES
            )
        if not found:
            return SearchResult(fragment, notices=(NOTICE_NONE,))
        rows = self._fetch([i for i, _, _ in found])
        top = max(s for _, s, _ in found) or 1.0
        scored: list[tuple[float, int, StoredArticle]] = []
        for article_id, gram_score, day in found:
            sa = rows.get(article_id)
            if sa is None:
                continue
            a = sa.article
            parts = [compact(p) for p in (a.kicker, a.title, a.subtitle) if p]
            parts.append("".join(parts))
            similar = max(fuzz.partial_ratio(frag, p) for p in parts) / 100.0
            scored.append((similar + _GRAM_WEIGHT * gram_score / top, day, sa))
        ranked = _ranked(scored)
        hits = tuple(
            _hit(sa, score, sa.article.headline[:120])
            for score, sa in ranked[options.offset : options.offset + options.limit]
        )
        return SearchResult(fragment, hits, len(ranked), () if hits else (NOTICE_NONE,))
