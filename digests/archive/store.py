"""Issues, pages and articles in the database, and keeping the search index in step."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any, Protocol

from digests.archive.base import (
    ArticleWords,
    IndexedArticle,
    IssueInfo,
    SectionInfo,
    StoredArticle,
    StoreReport,
)
from digests.archive.db import Db
from digests.archive.index import IndexDoc, SearchIndex
from digests.archive.query import compact, grams
from digests.archive.rows import (
    _INSERT_ARTICLE,
    ARTICLE_COLUMNS,
    _article_params,
    article_from_row,
    now_text,
)
from digests.model import Article, Issue, Page


class Words(Protocol):
    """The segmenter as the archive uses it (digests.words.Segmenter is one)."""

    def cut(self, text: str) -> list[str]: ...

    def search_words(self, words: Iterable[str]) -> list[str]: ...


_SYNC_BATCH = 2000


class Store:
    """The issue and article half of an archive; subclasses add people and search."""

    def __init__(self, db: Db, index: SearchIndex, words: Callable[[], Words]) -> None:
        self.db = db
        self.index = index
        self._words_factory = words
        self._words_made: Words | None = None

    @property
    def words(self) -> Words:
        """The segmenter, loaded on first need (a search or a store without words)."""
        if self._words_made is None:
            self._words_made = self._words_factory()
        return self._words_made

    def close(self) -> None:
        self.db.close()

    def _words(self, a: Article) -> ArticleWords:
        w = self.words
        return ArticleWords(
            tuple(w.search_words(w.cut(a.headline))), tuple(w.search_words(w.cut(a.text)))
        )

    # -- writing -------------------------------------------------------------------------
    def store_issue(
        self,
        issue: Issue,
        words: Mapping[str, ArticleWords] | None = None,
        *,
        merge: bool = False,
    ) -> StoreReport:
        words = words or {}
        day = issue.date.isoformat()
        numbers = [p.number for p in issue.pages]
        by_number = None not in numbers and len(set(numbers)) == len(numbers)
        rows: list[tuple[Any, ...]] = []
        page_rows: list[tuple[Any, ...]] = []
        for i, page in enumerate(issue.pages, 1):
            pi = page.number if by_number and page.number is not None else i
            page_rows.append((issue.newspaper, day, pi, page.number, page.name))
            for pos, a in enumerate(page.articles, 1):
                art = a if a.id else replace(a, id=f"{issue.newspaper}-{day}-{pi}-{pos}")
                sa = StoredArticle(art, issue.newspaper, issue.date, page.number, page.name, pos)
                rows.append(_article_params(sa, pi, words.get(art.id) or self._words(a), ""))
        key = (issue.newspaper, day)
        scope: str = ""
        scope_params: tuple[object, ...] = ()
        if merge and by_number and issue.pages:
            scope = f" AND page_index IN ({','.join('?' * len(numbers))})"
            scope_params = tuple(numbers)
        with self.db.write():
            self.db.lock_changes()
            replaced = self.db.one("SELECT 1 FROM issues WHERE newspaper = ? AND date = ?", key)
            where = "newspaper = ? AND date = ?" + scope
            old = self.db.rows(
                f"SELECT id, withdrawn FROM articles WHERE {where}", (*key, *scope_params)
            )
            self.db.run(f"DELETE FROM articles WHERE {where}", (*key, *scope_params))
            self.db.run(f"DELETE FROM pages WHERE {where}", (*key, *scope_params))
            self.db.run(
                "INSERT INTO issues (newspaper, date, number, stored_at, warnings) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (newspaper, date) DO UPDATE SET "
                "number = excluded.number, stored_at = excluded.stored_at, "
                "warnings = excluded.warnings",
                (*key, issue.number, now_text(), "\n".join(issue.warnings)),
            )
            self.db.run_many(
                "INSERT INTO pages (newspaper, date, page_index, number, name) "
                "VALUES (?, ?, ?, ?, ?)",
                page_rows,
            )
            self.db.run_many(_INSERT_ARTICLE, rows)
            # An editor's withdrawal outlives a re-post of an unchanged page.
            hidden = [(r[0],) for r in old if r[1]]
            self.db.run_many("UPDATE articles SET withdrawn = 1 WHERE id = ?", hidden)
            changed = {r[0] for r in old} | {r[0] for r in rows}
            self.db.run_many("INSERT INTO changes (article_id) VALUES (?)", [(i,) for i in changed])
            count = self.db.one(
                "SELECT (SELECT COUNT(*) FROM pages WHERE newspaper = ? AND date = ?), "
                "(SELECT COUNT(*) FROM articles WHERE newspaper = ? AND date = ?)",
                (*key, *key),
            )
        self.flush_index()
        pages, articles = (count[0], count[1]) if count else (0, 0)
        info = IssueInfo(issue.newspaper, issue.date, pages, articles)
        return StoreReport(info, replaced is not None, issue.warnings)

    def put_articles(self, items: Sequence[IndexedArticle]) -> int:
        issues = {(i.stored.newspaper, i.stored.date.isoformat()) for i in items}
        pages = {
            (i.stored.newspaper, i.stored.date.isoformat(), i.stored.page or 0, i.stored.page)
            for i in items
        }
        with self.db.write():
            self.db.lock_changes()
            stamp = now_text()
            self.db.run_many(
                "INSERT INTO issues (newspaper, date, stored_at) VALUES (?, ?, ?) "
                "ON CONFLICT (newspaper, date) DO NOTHING",
                [(*k, stamp) for k in sorted(issues)],
            )
            names = {(i.stored.newspaper, i.stored.page): i.stored.section for i in items}
            self.db.run_many(
                "INSERT INTO pages (newspaper, date, page_index, number, name) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (newspaper, date, page_index) DO NOTHING",
                [(*p, names.get((p[0], p[3]), "")) for p in sorted(pages, key=str)],
            )
            self.db.run_many(
                _INSERT_ARTICLE,
                [
                    _article_params(i.stored, i.stored.page or 0, i.words, i.source_hash)
                    for i in items
                ],
            )
            self.db.run_many(
                "INSERT INTO changes (article_id) VALUES (?)",
                [(i.stored.article.id,) for i in items],
            )
        return len(items)

    def known_hashes(self, ids: Sequence[str]) -> Mapping[str, str]:
        out: dict[str, str] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for r in self.db.rows(
                f"SELECT id, source_hash FROM articles WHERE id IN ({marks})", chunk
            ):
                out[r[0]] = r[1]
        return out

    def set_withdrawn(self, article_id: str, withdrawn: bool) -> bool:
        with self.db.write():
            self.db.lock_changes()
            n = self.db.run(
                "UPDATE articles SET withdrawn = ? WHERE id = ?", (int(withdrawn), article_id)
            )
            if n:
                self.db.run("INSERT INTO changes (article_id) VALUES (?)", (article_id,))
        self.flush_index()
        return n > 0

    # -- the search index ------------------------------------------------------------------
    def flush_index(self) -> None:
        """Replay the database's changes into the index; if another process is writing
        the index, just look at what it committed."""
        writer = self.index.writer()
        if writer is None:
            self.index.reload()
            return
        try:
            last = start = self.index.applied()
            while True:
                got = self.db.rows(
                    "SELECT seq, article_id FROM changes WHERE seq > ? ORDER BY seq LIMIT ?",
                    (last, _SYNC_BATCH),
                )
                if not got:
                    break
                ids = list(dict.fromkeys(r[1] for r in got))
                self.index.apply(writer, ids, self._index_docs(ids))
                last = got[-1][0]
            if last > start:
                self.index.commit(writer, last)
            else:  # another process applied them: look at its commit
                self.index.reload()
        finally:
            del writer

    def _index_docs(self, ids: Sequence[str]) -> list[IndexDoc]:
        marks = ",".join("?" * len(ids))
        rows = self.db.rows(
            "SELECT id, date, page, section, kicker, title, subtitle, head_words, body_words "
            f"FROM articles WHERE withdrawn = 0 AND id IN ({marks})",
            list(ids),
        )
        docs: list[IndexDoc] = []
        for r in rows:
            heads = [compact(x) for x in (r[4], r[5], r[6]) if x]
            # Same headline and body words: the same text printed again (words stand in
            # for the text; only equal texts give equal words).
            dup = hashlib.blake2b(f"{r[4]}\n{r[5]}\n{r[6]}\n{r[8]}".encode(), digest_size=12)
            docs.append(
                IndexDoc(
                    id=r[0],
                    day=int(r[1].replace("-", "")),
                    page=-1 if r[2] is None else int(r[2]),
                    section=r[3],
                    text=" ".join([r[7]] * self.index.head_repeat + [r[8]]),
                    grams=" ".join(g for h in heads for g in grams(h)),
                    dup=dup.hexdigest(),
                )
            )
        return docs

    def catch_up(self) -> None:
        """Before a search: bring the index up to the database if it fell behind."""
        row = self.db.one("SELECT MAX(seq) FROM changes")
        top = int(row[0]) if row and row[0] is not None else 0
        # The index, not this connection, knows what its searcher has loaded: connections
        # of one archive share it, and another may have committed what this one never saw.
        if top > self.index.loaded:
            self.flush_index()

    # -- reading -------------------------------------------------------------------------
    def _issue_key(self, date: dt.date | None, newspaper: str | None) -> tuple[str, str] | None:
        sql = "SELECT newspaper, date FROM issues WHERE 1 = 1"
        params: list[object] = []
        if newspaper:
            sql += " AND newspaper = ?"
            params.append(newspaper)
        if date:
            sql += " AND date = ?"
            params.append(date.isoformat())
        row = self.db.one(sql + " ORDER BY date DESC, stored_at DESC LIMIT 1", params)
        return (row[0], row[1]) if row else None

    def latest_date(self, newspaper: str | None = None) -> dt.date | None:
        key = self._issue_key(None, newspaper)
        return dt.date.fromisoformat(key[1]) if key else None

    def _articles(self, where: str, params: Sequence[object]) -> list[StoredArticle]:
        rows = self.db.rows(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE {where} "
            "ORDER BY date DESC, page_index, position",
            params,
        )
        return [article_from_row(r) for r in rows]

    def get_issue(self, date: dt.date | None = None, newspaper: str | None = None) -> Issue | None:
        key = self._issue_key(date, newspaper)
        if key is None:
            return None
        head = self.db.one(
            "SELECT number, warnings FROM issues WHERE newspaper = ? AND date = ?", key
        )
        pages = self.db.rows(
            "SELECT page_index, number, name FROM pages WHERE newspaper = ? AND date = ? "
            "ORDER BY page_index",
            key,
        )
        arts = self.db.rows(
            f"SELECT page_index, {ARTICLE_COLUMNS} FROM articles WHERE newspaper = ? "
            "AND date = ? AND withdrawn = 0 ORDER BY page_index, position",
            key,
        )
        by_page: dict[int, list[Article]] = {}
        for r in arts:
            by_page.setdefault(r[0], []).append(article_from_row(r[1:]).article)
        out = tuple(Page(p[1], p[2], tuple(by_page.get(p[0], ()))) for p in pages)
        warnings = tuple(w for w in (head[1] if head else "").split("\n") if w)
        return Issue(
            key[0], dt.date.fromisoformat(key[1]), out, head[0] if head else None, warnings
        )

    def list_issues(self, limit: int = 10) -> Sequence[IssueInfo]:
        rows = self.db.rows(
            "SELECT i.newspaper, i.date, i.stored_at, "
            "(SELECT COUNT(*) FROM pages p WHERE p.newspaper = i.newspaper AND p.date = i.date), "
            "(SELECT COUNT(*) FROM articles a WHERE a.newspaper = i.newspaper "
            "AND a.date = i.date AND a.withdrawn = 0) "
            "FROM issues i ORDER BY i.date DESC, i.newspaper LIMIT ?",
            (limit,),
        )
        return [
            IssueInfo(
                r[0], dt.date.fromisoformat(r[1]), r[3], r[4], dt.datetime.fromisoformat(r[2])
            )
            for r in rows
        ]

    def get_article(self, article_id: str) -> StoredArticle | None:
        got = self._articles("id = ?", (article_id,))
        return got[0] if got else None

    def sections(self, date: dt.date | None = None) -> Sequence[SectionInfo]:
        key = self._issue_key(date, None)
        if key is None:
            return []
        rows = self.db.rows(
            "SELECT p.number, p.name, (SELECT COUNT(*) FROM articles a WHERE "
            "a.newspaper = p.newspaper AND a.date = p.date AND a.page_index = p.page_index "
            "AND a.withdrawn = 0) FROM pages p WHERE p.newspaper = ? AND p.date = ? "
            "ORDER BY p.page_index",
            key,
        )
        return [SectionInfo(r[0], r[1], r[2]) for r in rows]

    def section(self, name_or_number: str, date: dt.date | None = None) -> Sequence[StoredArticle]:
        key = self._issue_key(date, None)
        wanted = name_or_number.strip()
        if key is None or not wanted:
            return []
        base = "newspaper = ? AND date = ? AND withdrawn = 0 AND "
        if wanted.isdigit():
            return self._articles(base + "page = ?", (*key, int(wanted)))
        return self._articles(base + "section = ?", (*key, wanted))
