"""Time the splitter on a 16-page issue of about 250,000 characters, on one core.

The issue is built from the dev pages in ../shared/data/pages (page.txt) when they are
there, else from the demo page; pages are repeated until the issue has 16 pages and about
250,000 characters, separated by form feeds. Prints the split time (target: at most 1 s)
and the throughput. Run: .venv/bin/python bench/split.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from digests.loader import decode_text, split_options  # noqa: E402
from digests.split import join_continuations, split_text  # noqa: E402
from digests.split import rules as rules  # noqa: E402

PAGES_DIR = REPO.parent / "shared" / "data" / "pages"
DEMO = REPO / "config" / "demo" / "datong-2024-02-10-p01.txt"
TARGET_CHARS = 250_000
PAGE_COUNT = 16


def source_pages() -> tuple[list[str], str]:
    """Page texts to build the issue from, and where they came from."""
    found = sorted(PAGES_DIR.glob("*/page.txt")) if PAGES_DIR.is_dir() else []
    if found:
        return [decode_text(p.read_bytes(), str(p)) for p in found], str(PAGES_DIR)
    return [DEMO.read_text(encoding="utf-8")], str(DEMO)


def _without_headers(text: str) -> str:
    return "\n".join(
        x for x in text.splitlines() if not (rules.page_header(x) or rules.date_line(x))
    )


def build_issue(pages: list[str]) -> str:
    """16 pages of about TARGET_CHARS characters in all: each page is one or more source
    pages run together (their own headers left out) under a "第NN版：名" header."""
    per_page = TARGET_CHARS // PAGE_COUNT
    bodies = [_without_headers(p) for p in pages]
    out: list[str] = []
    k = 0
    for n in range(1, PAGE_COUNT + 1):
        parts = [f"第{n:02d}版：要闻"]
        while sum(len(x) for x in parts) + len(bodies[k % len(bodies)]) // 2 < per_page:
            parts.append(bodies[k % len(bodies)])
            k += 1
        out.append("\n".join(parts))
    return "\f".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5, help="timed runs; the best is shown")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    pages, origin = source_pages()
    text = build_issue(pages)
    options = split_options(REPO / "config", "人民日报")
    split_text(text, options)  # warm up: compiled patterns, cached properties
    times = []
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        result = join_continuations(split_text(text, options))
        times.append(time.perf_counter() - start)
    best = min(times)
    articles = sum(len(p.articles) for p in result)
    print(f"source: {origin} ({len(pages)} page texts)")
    print(f"issue: {len(result)} pages, {len(text):,} characters, {articles} items")
    print(f"split: best {best:.3f} s, median {sorted(times)[len(times) // 2]:.3f} s (one core)")
    print(f"throughput: {len(text) / best:,.0f} chars/s (target: 250,000 chars in <= 1 s)")


if __name__ == "__main__":
    main()
