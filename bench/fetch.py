"""How long a fetch of one issue takes, and where the time goes, over loopback.

    .venv/bin/python bench/fetch.py [--pages 8] [--rounds 3]

A fixture site of each e-paper system (tests/builders/epaper.py: text written for the
tests, PDFs drawn with reportlab) with ``--pages`` pages is served on 127.0.0.1; for each
system it prints the best of ``--rounds`` runs of the crawl alone (HTTP + HTML parsing,
no pause between requests) and of the store (PDF split, summaries, archive), in wall
seconds, plus the requests made. A re-fetch of the unchanged issue is timed too: it costs
304s and no store. The politeness pause (0.5 s by default) adds that much per request on
a real site.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.fetch.cache import HttpCache  # noqa: E402
from bot.fetch.client import FetchOptions, PoliteClient  # noqa: E402
from bot.fetch.crawl import fetch_issue  # noqa: E402
from bot.fetch.service import FetchResult, store_fetched  # noqa: E402
from bot.settings import Settings  # noqa: E402
from digests.archive import open_archive  # noqa: E402
from digests.words import Segmenter  # noqa: E402
from tests.bot.fetch.server import Site, serve  # noqa: E402
from tests.builders.epaper import (  # noqa: E402
    FakeIssue,
    demo_issue,
    founder_classic,
    founder_new,
    shtml,
)

OPTIONS = FetchOptions(delay_s=0.0)


def issue_of(pages: int) -> FakeIssue:
    base = demo_issue()
    more = tuple(dataclasses.replace(base.pages[i % 2], name=f"版{i + 1}") for i in range(pages))
    return FakeIssue(base.date, more)


async def crawl(url: str, cache: HttpCache) -> tuple[float, Any]:
    start = time.perf_counter()
    async with PoliteClient(OPTIONS, cache) as client:
        fetched = await fetch_issue(client, url)
    return time.perf_counter() - start, fetched


def timed_store(
    fetched: Any, settings: Settings, archive: Any, cache: HttpCache, segmenter: Segmenter
) -> tuple[float, FetchResult]:
    start = time.perf_counter()
    result = store_fetched(
        fetched,
        archive=archive,
        settings=settings,
        newspaper="大同日报",
        date=None,
        cache=cache,
        segmenter=segmenter,
    )
    return time.perf_counter() - start, result


def one_round(site: Site, entry: str, segmenter: Segmenter) -> tuple[float, int, float, float]:
    """(crawl s, requests, store s, unchanged re-fetch s) into a fresh archive."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), config_dir=REPO / "config")
        archive = open_archive("", settings.sqlite_path, config_dir=settings.config_dir)
        cache = HttpCache(Path(tmp) / "fetch")
        before = len(site.hits)
        took, fetched = asyncio.run(crawl(site.url(entry), cache))
        requests = len(site.hits) - before
        stored, _ = timed_store(fetched, settings, archive, cache, segmenter)
        again, fetched = asyncio.run(crawl(site.url(entry), cache))
        again_store, result = timed_store(fetched, settings, archive, cache, segmenter)
        assert result.stored is None, "an unchanged re-fetch stored again"
        archive.close()
    return took, requests, stored, again + again_store


def run(system: str, site_pages: dict[str, Any], entry: str, rounds: int) -> None:
    segmenter = Segmenter.load(REPO / "config")
    with serve(site_pages) as site:
        runs = [one_round(site, entry, segmenter) for _ in range(rounds)]
    crawl_s, requests = min(r[0] for r in runs), runs[0][1]
    print(
        f"{system:16s} crawl {crawl_s:6.2f} s ({requests} requests)  "
        f"store {min(r[2] for r in runs):6.2f} s  "
        f"unchanged re-fetch {min(r[3] for r in runs):6.2f} s"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=8)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    issue = issue_of(args.pages)
    print(f"one issue of {args.pages} pages, best of {args.rounds} (wall seconds)")
    run("founder_classic", founder_classic(issue), "/paperindex.htm", args.rounds)
    run("founder_new", founder_new(issue), "/pc/layout/202403/08/node_01.html", args.rounds)
    run("shtml", shtml(issue), "/shtml/qlrb/20240308/index.shtml", args.rounds)


if __name__ == "__main__":
    main()
