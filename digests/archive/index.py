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

from digests.archive.syntax import ParsedQuery

FORMAT = 2  # bump when the fields change: an index of another format is rebuilt
# Headline words go into the one text field this many times before the body's words, so
# they count more inside the same BM25 saturation and length norm as the body's: a title
# word helps, but several body hits still outweigh it (fitted by bench/search_fit.py).
HEAD_REPEAT = 2


@dataclass(frozen=True, slots=True)
class IndexDoc:
    id: str
    day: int  # YYYYMMDD
    page: int  # -1 when unknown
    section: str
    text: str  # index terms, space-separated: the headline's (repeated), then the body's
    grams: str
    dup: str  # the same for every printing of the same text (duplicate printings collapse)


Found = tuple[str, float, int, str]  # (id, score, day, dup)


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
    sb.add_text_field("text", tokenizer_name="ws", index_option="freq")
    sb.add_text_field("grams", tokenizer_name="ws", index_option="freq")
    sb.add_text_field("dup", stored=True, tokenizer_name="raw", index_option="basic")
    return sb.build()


class SearchIndex:
    """One index directory; readers and (one at a time, across processes) a writer."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.head_repeat = HEAD_REPEAT
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
                    text=d.text,
                    grams=d.grams,
                    dup=d.dup,
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
        return self._searcher.doc_freq("text", term) > 0

    def doc_freq(self, term: str) -> int:
        return int(self._searcher.doc_freq("text", term))

    def size(self) -> int:
        return int(self._searcher.num_docs)

    def _term(self, field: str, value: object) -> tantivy.Query:
        return tantivy.Query.term_query(self.schema, field, value)

    def _all(self, terms: Sequence[str]) -> tantivy.Query:
        if len(terms) == 1:
            return self._term("text", terms[0])
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, self._term("text", t)) for t in terms]
        )

    def _filtered(self, q: tantivy.Query, f: Filters) -> tantivy.Query:
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
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, q), *out]) if out else q

    def _run(self, q: tantivy.Query, k: int) -> list[Found]:
        s = self._searcher
        out: list[Found] = []
        for score, addr in s.search(q, k, count=False).hits:
            doc = s.doc(addr)
            out.append(
                (
                    str(doc.get_first("id")),
                    float(score),
                    int(doc.get_first("day") or 0),
                    str(doc.get_first("dup") or ""),
                )
            )
        return out

    def keyword(self, parsed: ParsedQuery, f: Filters, k: int, every: bool) -> list[Found]:
        """The best ``k`` by one BM25 field: every requirement of the query when ``every``
        (a phrase's words here; the archive checks the phrase as printed), else any of its
        words (a flat OR, which tantivy prunes with block-max WAND); never an excluded one.
        """
        must, should = tantivy.Occur.Must, tantivy.Occur.Should
        if every:
            if not all(self.known(t) for t in parsed.terms):
                return []
            parts = [(must, self._term("text", t)) for t in parsed.terms]
            for p in parsed.phrases:
                words = [t for t in p if self.known(t)]
                parts += [(must, self._all(words))] if words else []
            for group in parsed.any_of:
                alts = [(should, self._all(alt)) for alt in group]
                parts.append((must, tantivy.Query.boolean_query(alts)))
        else:
            parts = [(should, self._term("text", t)) for t in parsed.words]
        if not parts:
            return []
        parts += [(tantivy.Occur.MustNot, self._all(x)) for x in parsed.excluded]
        return self._run(self._filtered(tantivy.Query.boolean_query(parts), f), k)

    def headline(self, gram_terms: Sequence[str], f: Filters, k: int) -> list[Found]:
        """The ``k`` headlines sharing most (and rarest) character pairs."""
        parts = [(tantivy.Occur.Should, self._term("grams", g)) for g in gram_terms]
        return self._run(self._filtered(tantivy.Query.boolean_query(parts), f), k)

    def printings(self, dup: str, f: Filters) -> list[str]:
        """The ids of every printing of one text."""
        return [i for i, _, _, _ in self._run(self._filtered(self._term("dup", dup), f), 100)]
