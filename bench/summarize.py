"""Summarising speed: ms per ~2,400-character article after start-up, and one whole issue.

Run: .venv/bin/python bench/summarize.py
Uses ../shared/data (the dev summaries and the February archive) when present, else the demo
page. Everything runs on one core, in this process, after the segmenter is loaded; the
per-article figure covers what ingest does for each article: segment once, score, select.
"""

from __future__ import annotations

import gzip
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from digests.model import Article  # noqa: E402
from digests.summarizer import SummaryOptions, summarize_article  # noqa: E402
from digests.words import Segmenter  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
DEV = SHARED / "summaries" / "dev.jsonl"
ARCHIVE = SHARED / "archive" / "rmrb-2019-02.jsonl.gz"
DEMO = REPO / "config" / "demo" / "datong-2024-02-10-p01.txt"


def _dev_articles() -> list[Article]:
    if DEV.exists():
        rows = [json.loads(ln) for ln in DEV.open(encoding="utf-8") if ln.strip()]
        return [
            Article(
                id=r["id"],
                kicker=r.get("kicker", ""),
                title=r.get("title", ""),
                subtitle=r.get("subtitle", ""),
                paragraphs=tuple(r["article"].splitlines()),
            )
            for r in rows
        ]
    text = DEMO.read_text(encoding="utf-8")
    return [Article(id=f"demo{i}", paragraphs=tuple(text.splitlines())) for i in range(50)]


def _issue() -> tuple[str, list[Article]]:
    """The archive's biggest day (a national daily's issue is 16-24 pages)."""
    if not ARCHIVE.exists():
        arts = _dev_articles()
        return "dev articles as one issue", arts[:100]
    days: dict[str, list[Article]] = defaultdict(list)
    with gzip.open(ARCHIVE, "rt", encoding="utf-8") as f:
        for ln in f:
            r = json.loads(ln)
            days[r["date"]].append(
                Article(
                    id=r["id"],
                    kicker=r.get("kicker") or "",
                    title=r.get("title") or "",
                    subtitle=r.get("subtitle") or "",
                    paragraphs=tuple(r.get("paragraphs") or ()),
                )
            )
    sizes = {d: sum(len(a.text) for a in arts) for d, arts in days.items()}
    pages = {d: len({a.id.split("-")[1] for a in arts}) for d, arts in days.items()}
    day = max(sizes, key=lambda d: (sizes[d], d))
    return f"{day}, {pages[day]} pages", days[day]


def main() -> int:
    t0 = time.perf_counter()
    seg = Segmenter.load(REPO / "config")
    print(f"start-up (segmenter load): {1000 * (time.perf_counter() - t0):.0f} ms")
    options = SummaryOptions(max_chars=120)
    articles = _dev_articles()
    for a in articles[:20]:  # warm caches
        summarize_article(a, seg, options)
    per_article = []
    chars = []
    for _ in range(5):
        for a in articles:
            t = time.perf_counter()
            summarize_article(a, seg, options)
            per_article.append(time.perf_counter() - t)
            chars.append(len(a.text))
    mean_chars = statistics.fmean(chars)
    ms = 1000 * statistics.fmean(per_article)
    print(
        f"articles: {len(articles)}, mean {mean_chars:.0f} chars: mean {ms:.2f} ms per article, "
        f"{ms * 2400 / mean_chars:.2f} ms per 2,400 chars (median article "
        f"{1000 * statistics.median(per_article):.2f} ms; 5 passes)"
    )
    t = time.perf_counter()
    for a in articles:
        seg.cut(a.text)
    seg_ms = 1000 * (time.perf_counter() - t) / len(articles)
    print(f"  of which segmentation: {seg_ms:.2f} ms per article")
    name, issue = _issue()
    total = sum(len(a.text) for a in issue)
    runs = []
    for _ in range(5):
        t = time.perf_counter()
        for a in issue:
            summarize_article(a, seg, options)
        runs.append(time.perf_counter() - t)
    best, med = min(runs), statistics.median(runs)
    print(
        f"issue ({name}): {len(issue)} articles, {total:,} chars: best of 5 {best:.3f} s, "
        f"median {med:.3f} s"
    )
    print(
        f"  per 250,000 chars: best {250e3 * best / total:.3f} s, "
        f"median {250e3 * med / total:.3f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
