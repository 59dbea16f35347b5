"""Search quality and latency on ~10,000 articles, beside a plain FTS5 + jieba baseline.

    .venv/bin/python bench/search_eval.py [--dir DIR] [--queries 2000] [--distractors 8211]
                                          [--rare 20]

Imports the archive month plus synthetic distractors (see bench/search_corpus.py for both
recipes) with ``paperboy import``'s own code into a data directory (a temporary one unless
--dir names one; a directory already built with the same recipe is reused), generates
queries of every kind with fixed seeds, and runs each through the real ``Archive.search``
/ ``Archive.headline`` and through the baseline: SQLite FTS5 over the same jieba words,
headline words and body words as two columns, every word required (any word when none
has them all), ranked by bm25 with title weight 10.

Targets on odd days are the fit set (weights are chosen on it, bench/search_fit.py); even
days are held out. Prints MRR@10, hit@1, hit@10 per kind and set (score_search.py's own
``metrics``), the 100 dev queries of each kind against the whole corpus, and p50/p95 per
kind in ms (in-process, warm). Timings are noisy on a shared machine: repeat and take the
best. The text is for evaluation only and stays in the data directory.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import search_corpus as corpus  # noqa: E402

from bot.importer import ImportOptions, import_archive  # noqa: E402
from bot.ingest import newspaper_sections  # noqa: E402
from digests.archive import SqlArchive, open_archive  # noqa: E402
from digests.archive.base import SearchResult  # noqa: E402
from digests.archive.index import Filters  # noqa: E402
from digests.archive.query import terms_of  # noqa: E402
from digests.archive.syntax import ParsedQuery  # noqa: E402
from digests.words import Segmenter  # noqa: E402

SCORER = REPO.parent / "shared" / "eval" / "score_search.py"
RARE_HELP = "distractors rename words in at most this many month articles (0: none)"
KINDS = ("keyword", "mixed", "headline", "typo")
NEWSPAPER = "人民日报"


def scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score_search", SCORER)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def build(data: Path, seg: Segmenter, distractors: int, rare: int = corpus.RARE) -> None:
    """Import the month and the distractors into ``data`` unless that is done already."""
    data.mkdir(parents=True, exist_ok=True)
    stamp = data / f"built-v{corpus.VERSION}-{distractors}-rare{rare}"
    if stamp.exists():
        return
    for p in [*data.glob("archive.sqlite3*"), *data.glob("fts5-*"), *data.glob("built-*")]:
        if p.is_file():
            p.unlink()
    arts = corpus.month()
    t0 = time.perf_counter()
    extra = corpus.distractors(arts, distractors, seg.cut, rare=rare)
    src = data / "corpus.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for a in [*arts, *extra]:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    print(f"made {len(extra):,} distractors in {time.perf_counter() - t0:.0f} s; importing…")
    archive = open_archive("", data / "archive.sqlite3", config_dir=REPO / "config")
    options = ImportOptions(
        newspaper=NEWSPAPER,
        sections=newspaper_sections(REPO / "config", NEWSPAPER),
        config_dir=REPO / "config",
    )
    r = import_archive(src, archive, options)
    archive.close()
    src.unlink()
    print(f"imported {r.stored:,} articles in {r.seconds:.0f} s")
    stamp.touch()


class Fts5:
    """The baseline: FTS5 over the archive's own jieba words, bm25 with title weight 10."""

    def __init__(self, data: Path, archive: SqlArchive, seg: Segmenter) -> None:
        self.seg = seg
        path = data / f"fts5-v{corpus.VERSION}.sqlite3"
        fresh = not path.exists()
        self.db = sqlite3.connect(path)
        if fresh:
            self.db.execute("CREATE VIRTUAL TABLE fts USING fts5(id UNINDEXED, head, body)")
            rows = archive.db.rows("SELECT id, head_words, body_words FROM articles")
            self.db.executemany("INSERT INTO fts VALUES (?, ?, ?)", rows)
            self.db.commit()

    def _run(self, terms: Sequence[str], op: str) -> list[str]:
        expr = f" {op} ".join('"' + t.replace('"', "") + '"' for t in terms)
        sql = "SELECT id FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 0, 10.0, 1.0) LIMIT 10"
        return [r[0] for r in self.db.execute(sql, (expr,))]

    def search(self, query: str) -> list[str]:
        terms = list(dict.fromkeys(terms_of(self.seg.cut(query))))
        if not terms:
            return []
        return self._run(terms, "AND") or self._run(terms, "OR")

    def headline(self, query: str) -> list[str]:
        terms = list(dict.fromkeys(terms_of(self.seg.cut(query))))
        return self._run(terms, "OR") if terms else []


def generated(archive: SqlArchive, seg: Segmenter, n: int) -> list[corpus.Query]:
    """The generated queries of every kind, keyword ones held by few of all articles."""

    def holding(words: list[str]) -> int:
        parsed = ParsedQuery(terms=tuple(dict.fromkeys(terms_of(words))))
        return len(archive.index.keyword(parsed, Filters(), 21, True))

    return corpus.queries(corpus.month(), seg.cut, seg.is_content, n, holding=holding)


def result_ids(r: SearchResult) -> list[str]:
    """The ids as ``paperboy search --json`` lists them: every printing of each text."""
    return [p.id for h in r.hits for p in (h.printings or [h])]


def run(ask: Callable[[corpus.Query], list[str]], qs: Sequence[corpus.Query]) -> tuple:
    """Each query's rank of its target (None past 10) and time in ms."""
    ranks: list[int | None] = []
    ms: list[float] = []
    for q in qs:
        t = time.perf_counter()
        ids = ask(q)
        ms.append((time.perf_counter() - t) * 1000)
        seen = list(dict.fromkeys(ids))[:10]
        ranks.append(seen.index(q.target_id) + 1 if q.target_id in seen else None)
    return ranks, ms


def asker(archive: SqlArchive) -> Callable[[corpus.Query], list[str]]:
    def ask(q: corpus.Query) -> list[str]:
        fn = archive.search if q.kind in ("keyword", "mixed") else archive.headline
        return result_ids(fn(q.query))

    return ask


def fts_asker(fts: Fts5) -> Callable[[corpus.Query], list[str]]:
    return lambda q: (
        fts.search(q.query) if q.kind in ("keyword", "mixed") else fts.headline(q.query)
    )


def pct(ms: Sequence[float], p: float) -> float:
    s = sorted(ms)
    return s[min(len(s) - 1, int(p * len(s)))] if s else 0.0


def table(metrics: Any, qs: Sequence[corpus.Query], mine: tuple, base: tuple, label: str) -> None:
    for kind in KINDS:
        for part, keep in (("fit", 1), ("held-out", 0)):
            idx = [i for i, q in enumerate(qs) if q.kind == kind and q.day % 2 == keep]
            if label == "dev" and part == "held-out":
                idx = [i for i, q in enumerate(qs) if q.kind == kind]
                part = "all"
            elif label == "dev":
                continue
            if not idx:
                continue
            m = metrics([mine[0][i] for i in idx])
            b = metrics([base[0][i] for i in idx])
            print(
                f"{label:4} {kind:9} {part:9} n={len(idx):5}  MRR@10 {m[0]:.3f} hit@1 {m[1]:.3f} "
                f"hit@10 {m[2]:.3f}   | FTS5 {b[0]:.3f} {b[1]:.3f} {b[2]:.3f}"
            )


def latency(qs: Sequence[corpus.Query], mine: tuple, base: tuple) -> None:
    for kind in KINDS:
        ms = [mine[1][i] for i, q in enumerate(qs) if q.kind == kind]
        fb = [base[1][i] for i, q in enumerate(qs) if q.kind == kind]
        if ms:
            print(
                f"time {kind:9} p50 {statistics.median(ms):6.2f} ms  p95 {pct(ms, 0.95):6.2f} ms"
                f"  max {max(ms):6.1f} ms   | FTS5 p50 {statistics.median(fb):6.2f} "
                f"p95 {pct(fb, 0.95):6.2f}"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, help="data directory to build in or reuse")
    ap.add_argument("--queries", type=int, default=2000, help="per kind")
    ap.add_argument("--distractors", type=int, default=8211)
    ap.add_argument("--rare", type=int, default=corpus.RARE, help=RARE_HELP)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = args.dir or Path(tmp)
        data.mkdir(parents=True, exist_ok=True)
        seg = Segmenter.load(REPO / "config")
        build(data, seg, args.distractors, args.rare)
        archive = open_archive("", data / "archive.sqlite3", config_dir=REPO / "config")
        print(f"archive: {archive.stats().articles:,} articles")
        fts = Fts5(data, archive, seg)
        gen = generated(archive, seg, args.queries)
        dev = corpus.dev_queries()
        metrics = scorer().metrics
        ask, base = asker(archive), fts_asker(fts)
        run(ask, gen[:: max(1, len(gen) // 200)])  # warm the caches as a running bot's are
        for label, qs in (("gen", gen), ("dev", dev)):
            mine, theirs = run(ask, qs), run(base, qs)
            table(metrics, qs, mine, theirs, label)
            if label == "gen":
                latency(qs, mine, theirs)
        archive.close()


if __name__ == "__main__":
    main()
