"""Search latency at scale: build a big SQLite archive from the dev month, time queries.

    .venv/bin/python bench/search.py [--articles 500000] [--dir /tmp/paperboy-bench] [--reuse]

The archive is ../shared/data/archive replicated with dates shifted back a month per copy
(synthetic scale, real text). It times, inside this process, the dev keyword and mixed
queries, the keyword queries made to need the partial-match fallback (words of two
unrelated queries, so no article has them all), and the dev headline fragments; it prints
p50/p95/max per kind and the sizes of the database and the index per million characters
of text.
Building 500,000 articles takes several minutes and a few GB of disk.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gzip
import json
import statistics
import time
from pathlib import Path

from bot.importer import ImportOptions, _Line, prepare
from digests.archive import SqlArchive, index_dir, open_archive
from digests.archive.base import IndexedArticle

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"


def month(options: ImportOptions) -> list[IndexedArticle]:
    path = SHARED / "archive" / "rmrb-2019-02.jsonl.gz"
    with gzip.open(path, "rb") as f:
        lines = [_Line(n, "", json.loads(raw)) for n, raw in enumerate(f, 1) if raw.strip()]
    return [r for r in prepare(lines, options) if isinstance(r, IndexedArticle)]


def copy(item: IndexedArticle, k: int) -> IndexedArticle:
    s = item.stored
    when = s.date - dt.timedelta(days=29 * k)
    art = dataclasses.replace(s.article, id=f"{s.article.id}~{k}" if k else s.article.id)
    stored = dataclasses.replace(s, article=art, date=when)
    return dataclasses.replace(item, stored=stored)


def build(archive: SqlArchive, n: int) -> int:
    base = month(ImportOptions(newspaper="人民日报", config_dir=REPO / "config"))
    chars = 0
    batch: list[IndexedArticle] = []
    t0 = time.perf_counter()
    for i in range(n):
        item = copy(base[i % len(base)], i // len(base))
        chars += sum(len(p) for p in item.stored.article.paragraphs)
        batch.append(item)
        if len(batch) == 5000:
            archive.put_articles(batch)
            batch = []
            print(f"  stored {i + 1:,} articles ({time.perf_counter() - t0:.0f} s)", flush=True)
    archive.put_articles(batch)
    print(f"\n  indexing… ({time.perf_counter() - t0:.0f} s)")
    archive.flush_index()
    print(f"  built in {time.perf_counter() - t0:.0f} s")
    return chars


def queries(name: str) -> list[str]:
    lines = (SHARED / "queries" / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(x)["query"] for x in lines if x.strip()]


def timed(fn: object, queries: list[str]) -> tuple[list[float], int]:
    out: list[float] = []
    partial = 0
    for q in queries:
        t = time.perf_counter()
        r = fn(q)  # type: ignore[operator]
        out.append((time.perf_counter() - t) * 1000)
        partial += bool(r.partial)
    return out, partial


def report(name: str, ms: list[float], partial: int) -> None:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    print(
        f"{name:22} n={len(ms):4}  p50 {statistics.median(ms):6.2f} ms  p95 {p95:6.2f} ms  "
        f"max {ms[-1]:6.2f} ms  (fallback ran on {partial})"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=500_000)
    ap.add_argument("--dir", type=Path, default=Path("/tmp/paperboy-bench"))
    ap.add_argument("--reuse", action="store_true", help="keep an archive already built there")
    args = ap.parse_args()
    db = args.dir / f"archive-{args.articles}.sqlite3"
    if not args.reuse:
        for p in args.dir.glob(f"archive-{args.articles}.sqlite3*"):
            if p.is_dir():
                import shutil

                shutil.rmtree(p)
            else:
                p.unlink()
    archive = open_archive("", db, config_dir=REPO / "config")
    chars = archive.stats().articles and 0
    if archive.stats().articles < args.articles:
        print(f"building {args.articles:,} articles in {db}")
        chars = build(archive, args.articles)
    else:
        row = archive.db.one("SELECT SUM(LENGTH(paragraphs)) FROM articles")
        chars = int(row[0]) if row else 0
    kw = queries("keyword.jsonl")
    mixed = queries("mixed.jsonl")
    hl = queries("headline.jsonl")
    apart = [f"{a} {b}" for a, b in zip(kw, kw[len(kw) // 2 :] + kw[: len(kw) // 2], strict=True)]
    archive.search("预热")  # load the segmenter
    kinds = (
        ("keyword", archive.search, kw),
        ("mixed", archive.search, mixed),
        ("keyword (fallback)", archive.search, apart),
        ("headline", archive.headline, hl),
    )
    for _name, fn, qs in kinds:
        timed(fn, qs)  # warm the page cache as a running bot's would be
    print(f"archive: {archive.stats().articles:,} articles, {chars / 1e6:.1f} M chars")
    for name, fn, qs in kinds:
        report(name, *timed(fn, qs))
    idx = index_dir("", db)
    size_db = sum(p.stat().st_size for p in args.dir.glob(db.name + "*") if p.is_file())
    size_ix = sum(p.stat().st_size for p in idx.rglob("*") if p.is_file())
    mc = chars / 1e6 or 1
    print(
        f"size: database {size_db / 1e6:.0f} MB ({size_db / 1e6 / mc:.2f} MB per M chars), "
        f"search index {size_ix / 1e6:.0f} MB ({size_ix / 1e6 / mc:.2f} MB per M chars)"
    )
    archive.close()


if __name__ == "__main__":
    main()
