"""Keyword search and headline lookup: candidates from the index, details from the database.

Keyword search asks for every word first; when no article has them all it falls back to
articles with some of them, ranked, and says so. Headline and body words are ranked in one
BM25 field (headline words repeated, see ``index.HEAD_REPEAT``). Headline lookup finds
candidates that share character pairs with the fragment and ranks them by the edit
distance of the fragment to the best-matching stretch of the headline, so a missing or
wrong character, or left-out punctuation, still finds it, and by evidence of how readers
type titles (:mod:`digests.archive.headmatch`); what is still equal goes by a hash of the
text, neither newest nor oldest first.
The same text printed on several pages or days is one result naming every printing (its
id is the earliest). Rows come from the database, so a withdrawn article never shows even
if the index lags.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from digests.archive.base import Hit, Printing, SearchOptions, SearchResult, StoredArticle
from digests.archive.db import Row
from digests.archive.headmatch import HeadlineMatch, HeadlineWeights, match
from digests.archive.index import Filters, Found
from digests.archive.query import MAX_QUERY_CHARS, compact, query_grams, snippet
from digests.archive.rank import Bm25f, FieldWords, bm25f, idf
from digests.archive.rows import ARTICLE_COLUMNS, article_from_row
from digests.archive.store import Store
from digests.archive.syntax import MAX_TERMS, ParsedQuery, parse_query
from digests.notes import Note, note

NOTICE_EMPTY = note("search.empty")
NOTICE_HEADLINE_EMPTY = note("search.headline_empty")
NOTICE_PARTIAL = note("search.partial")
NOTICE_NONE = note("search.none")
NOTICE_PHRASE = note("search.phrase")
NOTICE_LONG = note("search.long", n=MAX_TERMS)
_SHORT_FRAGMENT = 3  # characters: below this, looking up by single characters is the fallback
DEFAULT_OPTIONS = SearchOptions()


HEADLINE = HeadlineWeights()
KEYWORD = Bm25f()
Scored = tuple[float, StoredArticle, tuple[Printing, ...]]


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


def _hit(
    sa: StoredArticle, score: float, text: tuple[str, ...], printings: tuple[Printing, ...]
) -> Hit:
    return Hit(
        id=sa.article.id,
        title=_title(sa),
        date=sa.date,
        page=sa.page,
        section=sa.section,
        score=round(score, 4),
        snippet=text,
        printings=printings,
    )


def _title(sa: StoredArticle) -> str:
    a = sa.article
    return a.title or a.headline or a.text[:30]


def _groups(found: Sequence[tuple[float, Found]]) -> list[tuple[float, str, str]]:
    """(score, dup, first id) per text, best first: printings of one text are one group."""
    out: dict[str, tuple[float, str, str]] = {}
    for score, (article_id, _s, _d, dup) in found:
        key = dup or article_id
        if key not in out:
            out[key] = (score, dup, article_id)
    return list(out.values())


def _distinct(found: Sequence[Found]) -> list[Found]:
    """The first of each text's printings (they rank alike; :meth:`_collapsed` lists all)."""
    seen: set[str] = set()
    out: list[Found] = []
    for t in found:
        key = t[3] or t[0]
        if key not in seen:
            seen.add(key)
            out.append(t)
    return out


class Searching(Store):
    """The archive's part for issues and articles (:class:`Store`) and searching them."""

    def _visible(self, columns: str, ids: Sequence[str]) -> list[Row]:
        """Rows of the articles of ``ids`` that are not withdrawn."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return self.db.rows(
            f"SELECT {columns} FROM articles WHERE withdrawn = 0 AND id IN ({marks})", list(ids)
        )

    def _fetch(self, ids: Sequence[str]) -> dict[str, StoredArticle]:
        return {r[0]: article_from_row(r) for r in self._visible(ARTICLE_COLUMNS, ids)}

    def _printings(self, ids: Sequence[str]) -> list[Printing]:
        """The visible ones of ``ids``, earliest first (date, page, position, id)."""
        rows = self._visible("id, date, page, position, section", ids)
        rows.sort(key=lambda r: (r[1], -1 if r[2] is None else r[2], r[3], r[0]))
        return [Printing(r[0], dt.date.fromisoformat(r[1]), r[2], r[4] or "") for r in rows]

    def _collapsed(
        self,
        groups: Sequence[tuple[float, str, str]],
        f: Filters,
        need: int,
        accept: Callable[[StoredArticle], bool] | None = None,
    ) -> list[Scored]:
        """The best ``need`` texts, each as its earliest visible printing plus all of them
        (rows are fetched a window at a time: only what is shown is read)."""
        out: list[Scored] = []
        pos = 0
        while pos < len(groups) and len(out) < need:
            window = groups[pos : pos + need - len(out) + 2]
            pos += len(window)
            members = [self.index.printings(dup, f) if dup else [i] for _, dup, i in window]
            places = self._printings([i for m in members for i in m])
            by_group: list[tuple[Printing, ...]] = []
            for m in members:
                mine = set(m)
                by_group.append(tuple(p for p in places if p.id in mine))
            rows = self._fetch([g[0].id for g in by_group if g])
            for (score, _dup, _id), printed in zip(window, by_group, strict=True):
                sa = rows.get(printed[0].id) if printed else None
                if sa is not None and (accept is None or accept(sa)):
                    out.append((score, sa, printed))
        return out[:need]

    def _keyword_hits(
        self, parsed: ParsedQuery, f: Filters, k: int, every: bool, need: int
    ) -> list[Scored]:
        terms, found, words = self.keyword_candidates(parsed, f, k, every)
        scored = [(bm25f(words[t[0]], terms, KEYWORD), t) for t in found]
        scored.sort(key=lambda st: (-round(st[0], 6), st[1][3] or st[1][0]))

        phrases = parsed.phrase_texts if every else ()
        unwanted = parsed.excluded_texts

        def exact(sa: StoredArticle) -> bool:
            text = compact(sa.article.headline + sa.article.text)
            return all(p in text for p in phrases) and not any(x in text for x in unwanted)

        return self._collapsed(_groups(scored), f, need, exact if phrases or unwanted else None)

    def keyword_candidates(
        self, parsed: ParsedQuery, f: Filters, k: int, every: bool
    ) -> tuple[list[tuple[str, float]], list[Found], dict[str, FieldWords]]:
        """The index's best candidates, their words, and the query's terms with their idf:
        what BM25F ranks them by."""
        found = self.index.keyword(parsed, f, max(k, KEYWORD.candidates), every)
        if not found:
            return [], [], {}
        n = self.index.size()
        terms = [(t, idf(self.index.doc_freq(t), n)) for t in parsed.words]
        marks = ",".join("?" * len(found))
        rows = self.db.rows(
            f"SELECT id, head_words, body_words FROM articles WHERE id IN ({marks})",
            [t[0] for t in found],
        )
        words = {r[0]: FieldWords.of(r[1], r[2]) for r in rows}
        return terms, [t for t in found if t[0] in words], words

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
        if not found and len(parsed.words) > 1:
            found, partial = self._keyword_hits(parsed, f, want, False, need), True
        needles = parsed.words
        hits = tuple(
            _hit(sa, score, snippet(sa.article.paragraphs or (sa.article.headline,), needles), pr)
            for score, sa, pr in found[options.offset : options.offset + options.limit]
        )
        notices: list[Note] = []
        if parsed.truncated:
            notices.append(NOTICE_LONG)
        if not hits:
            notices.append(NOTICE_NONE)
        elif partial:
            notices.append(NOTICE_PHRASE if parsed.phrases else NOTICE_PARTIAL)
        return SearchResult(query, hits, len(found), tuple(notices), partial and bool(hits))

    def _headlines(self, ids: Sequence[str]) -> dict[str, tuple[str, str, str]]:
        rows = self._visible("id, kicker, title, subtitle", ids)
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def headline_candidates(self, frag: str, f: Filters) -> list[tuple[HeadlineMatch, Found]]:
        """What ranks each candidate headline for a compacted fragment."""
        # Twice the candidates, then one per text: a headline printed on several pages
        # would otherwise take several of the places and push others past the cut.
        wanted = 2 * HEADLINE.candidates
        found = self.index.headline(query_grams(frag), f, wanted)
        if not found and len(frag) <= _SHORT_FRAGMENT:
            # In two or three characters one typo spoils every pair; the characters still
            # find candidates, and the edit distance orders them.
            found = self.index.headline(list(dict.fromkeys(frag)), f, wanted)
        found = _distinct(found)[: HEADLINE.candidates]
        if not found:
            return []
        heads = self._headlines([t[0] for t in found])
        top = max(t[1] for t in found) or 1.0
        out: list[tuple[HeadlineMatch, Found]] = []
        for t in found:
            head = heads.get(t[0])
            if head is not None:
                out.append((match(frag, *head, t[1] / top), t))
        return out

    def headline(self, fragment: str, options: SearchOptions = DEFAULT_OPTIONS) -> SearchResult:
        frag = compact(fragment[:MAX_QUERY_CHARS])[:200]
        if not frag:
            return SearchResult(fragment, notices=(NOTICE_HEADLINE_EMPTY,))
        self.catch_up()
        f = _filters(options)
        scored = [(m.score(HEADLINE), t) for m, t in self.headline_candidates(frag, f)]
        scored.sort(key=lambda st: (-round(st[0], 6), st[1][3] or st[1][0]))
        need = options.offset + options.limit
        ranked = self._collapsed(_groups(scored), f, need)
        hits = tuple(
            _hit(sa, score, (sa.article.headline[:120],), pr)
            for score, sa, pr in ranked[options.offset : options.offset + options.limit]
        )
        return SearchResult(fragment, hits, len(ranked), () if hits else (NOTICE_NONE,))
