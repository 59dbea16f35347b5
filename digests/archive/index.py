"""The search index: a tantivy index on local disk, derived from the database.

Why tantivy beside SQLite: SQLite FTS5 scores every matching row with bm25 before it can
sort, so at 500,000 articles a query over common words (and the partial-match fallback,
an OR over all words) costs hundreds of milliseconds; headline lookup over character pairs
is worse still. tantivy prunes with block-max WAND and answers both in a few milliseconds.

The database stays the truth. Every change to an article appends a row to its ``changes``
table; the index records the last sequence number it applied (a file written after each
tantivy commit) and replays what came after. A crash between the two replays a few
changes, which is harmless: each change deletes the article's document before adding the
current one. The same scheme gives each machine of a PostgreSQL deployment its own index.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import tantivy

from digests.archive.query import ParsedQuery

FORMAT = 1  # bump when the fields change: an index of another format is rebuilt
_TITLE_WEIGHT = 1.0  # a title hit adds to the body hit (headline words are in both fields)
_TIE = 0.3


@dataclass(frozen=True, slots=True)
class IndexDoc:
    id: str
    day: int  # YYYYMMDD
    page: int  # -1 when unknown
    section: str
    head: str  # index terms, space-separated
    body: str
    grams: str


@dataclass(frozen=True, slots=True)
class Filters:
    since: int | None = None
    until: int | None = None
    section: str | None = None
    page: int | None = None


def _schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    sb.add_integer_field("day", stored=True, indexed=True, fast=True)
    sb.add_integer_field("page", indexed=True)
    sb.add_text_field("section", tokenizer_name="raw", index_option="basic")
    sb.add_text_field("head", tokenizer_name="ws", index_option="freq")
    sb.add_text_field("body", tokenizer_name="ws", index_option="position")
    sb.add_text_field("grams", tokenizer_name="ws", index_option="freq")
    return sb.build()


class SearchIndex:
    """One index directory; readers and (one at a time, across processes) a writer."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._seq_file = path / f"applied-seq.v{FORMAT}"
        path.mkdir(parents=True, exist_ok=True)
        if not self._seq_file.exists() and any(path.iterdir()):
            self._wipe()
        self.schema = _schema()
        # The changes the searcher can see: read before opening, so it never claims more.
        self.loaded = self.applied()
        self.index = tantivy.Index(self.schema, path=str(path), reuse=True)
        analyzer = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
        self.index.register_tokenizer("ws", analyzer)
        self._searcher = self.index.searcher()

    def _wipe(self) -> None:
        for child in self.path.iterdir():
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()

    # -- keeping up with the database ------------------------------------------------------
    def applied(self) -> int:
        try:
            return int(self._seq_file.read_text().strip() or 0)
        except (FileNotFoundError, ValueError):
            return 0

    def writer(self) -> tantivy.IndexWriter | None:
        """The index writer, or None while another process (or thread) holds it."""
        try:
            return self.index.writer(heap_size=128_000_000)
        except ValueError:
            return None

    def apply(
        self, writer: tantivy.IndexWriter, ids: Sequence[str], docs: Sequence[IndexDoc]
    ) -> None:
        """Replace the documents of ``ids`` by ``docs`` (ids without a doc are deleted)."""
        for article_id in ids:
            writer.delete_documents_by_term("id", article_id)
        for d in docs:
            writer.add_document(
                tantivy.Document(
                    id=d.id,
                    day=d.day,
                    page=d.page,
                    section=d.section,
                    head=d.head,
                    body=d.body,
                    grams=d.grams,
                )
            )

    def commit(self, writer: tantivy.IndexWriter, seq: int) -> None:
        writer.commit()
        writer.wait_merging_threads()
        tmp = self._seq_file.with_suffix(".tmp")
        tmp.write_text(str(seq))
        os.replace(tmp, self._seq_file)
        self.reload()

    def reload(self) -> None:
        applied = self.applied()
        with contextlib.suppress(ValueError):
            self.index.reload()
        self._searcher = self.index.searcher()
        self.loaded = applied

    def size_bytes(self) -> int:
        return sum(f.stat().st_size for f in self.path.rglob("*") if f.is_file())

    # -- queries -------------------------------------------------------------------------
    def known(self, term: str) -> bool:
        """Whether any article has this index term."""
        return self._searcher.doc_freq("body", term) > 0

    def _term(self, field: str, value: object) -> tantivy.Query:
        return tantivy.Query.term_query(self.schema, field, value)

    def _word(self, term: str) -> tantivy.Query:
        head = tantivy.Query.boost_query(self._term("head", term), _TITLE_WEIGHT)
        return tantivy.Query.disjunction_max_query([head, self._term("body", term)], _TIE)

    def _phrase(self, words: Sequence[str]) -> tantivy.Query:
        if len(words) == 1:
            return self._word(words[0])
        return tantivy.Query.phrase_query(self.schema, "body", list(words))

    def _filters(self, f: Filters) -> list[tuple[tantivy.Occur, tantivy.Query]]:
        out: list[tuple[tantivy.Occur, tantivy.Query]] = []
        if f.since is not None or f.until is not None:
            rq = tantivy.Query.range_query(
                self.schema, "day", tantivy.FieldType.Integer, f.since, f.until
            )
            out.append((tantivy.Occur.Must, rq))
        if f.section is not None:
            out.append((tantivy.Occur.Must, self._term("section", f.section)))
        if f.page is not None:
            out.append((tantivy.Occur.Must, self._term("page", f.page)))
        return out

    def _run(self, q: tantivy.Query, k: int) -> list[tuple[str, float, int]]:
        s = self._searcher
        out: list[tuple[str, float, int]] = []
        for score, addr in s.search(q, k, count=False).hits:
            doc = s.doc(addr)
            out.append((str(doc.get_first("id")), float(score), int(doc.get_first("day") or 0)))
        return out

    def keyword(
        self, parsed: ParsedQuery, f: Filters, k: int, every: bool
    ) -> list[tuple[str, float, int]]:
        """(id, score, day) of the best ``k``: all words and phrases when ``every``, else any.

        The any-word query is a flat OR of term queries, which tantivy prunes with block-max
        WAND; the all-words one scores each word by its better field (title or body).
        """
        if every:
            if not all(self.known(t) for t in parsed.terms):
                return []
            parts = [(tantivy.Occur.Must, self._word(t)) for t in parsed.terms]
        else:
            parts = []
            for t in parsed.terms:
                head = tantivy.Query.boost_query(self._term("head", t), _TITLE_WEIGHT)
                parts += [
                    (tantivy.Occur.Should, self._term("body", t)),
                    (tantivy.Occur.Should, head),
                ]
        occur = tantivy.Occur.Must if every else tantivy.Occur.Should
        parts += [(occur, self._phrase(p)) for p in parsed.phrases]
        q = tantivy.Query.boolean_query(parts)
        filters = self._filters(f)
        if filters:
            q = tantivy.Query.boolean_query([(tantivy.Occur.Must, q), *filters])
        return self._run(q, k)

    def headline(
        self, gram_terms: Sequence[str], f: Filters, k: int
    ) -> list[tuple[str, float, int]]:
        """(id, score, day) of the ``k`` headlines sharing most (and rarest) character pairs."""
        parts = [(tantivy.Occur.Should, self._term("grams", g)) for g in gram_terms]
        q = tantivy.Query.boolean_query(parts)
        filters = self._filters(f)
        if filters:
            q = tantivy.Query.boolean_query([(tantivy.Occur.Must, q), *filters])
        return self._run(q, k)
