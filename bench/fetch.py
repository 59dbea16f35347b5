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

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.fetch.cache import HttpCache  # noqa: E402
from bot.fetch.client import FetchOptions, PoliteClient  # noqa: E402
from bot.fetch.crawl import fetch_issue  # noqa: E402
from bot.fetch.service import store_fetched  # noqa: E402
from bot.settings import Settings  # noqa: E402
from digests.archive import open_archive  # noqa: E402
from digests.words import Segmenter  # noqa: E402
from tests.bot.fetch.server import serve  # noqa: E402
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


async def crawl(url: str, cache: HttpCache) -> tuple[float, object]:
    start = time.perf_counter()
    async with PoliteClient(OPTIONS, cache) as client:
        fetched = await fetch_issue(client, url)
    return time.perf_counter() - start, fetched


def run(system: str, site_pages: dict, entry: str, rounds: int) -> None:  # type: ignore[type-arg]
    segmenter = Segmenter.load(REPO / "config")
    best_crawl = best_store = best_again = float("inf")
    with serve(site_pages) as site:
        for _ in range(rounds):
            with tempfile.TemporaryDirectory() as tmp:
                settings = Settings(data_dir=Path(tmp), config_dir=REPO / "config")
                archive = open_archive("", settings.sqlite_path, config_dir=settings.config_dir)
                cache = HttpCache(Path(tmp) / "fetch")
                before = len(site.hits)
                took, fetched = asyncio.run(crawl(site.url(entry), cache))
                requests = len(site.hits) - before
                start = time.perf_counter()
                store_fetched(
                    fetched,
                    archive=archive,
                    settings=settings,  # type: ignore[arg-type]
                    newspaper="大同日报",
                    date=None,
                    cache=cache,
                    segmenter=segmenter,
                )
                best_store = min(best_store, time.perf_counter() - start)
                best_crawl = min(best_crawl, took)
                again, fetched = asyncio.run(crawl(site.url(entry), cache))
                start = time.perf_counter()
                result = store_fetched(
                    fetched,
                    archive=archive,
                    settings=settings,  # type: ignore[arg-type]
                    newspaper="大同日报",
                    date=None,
                    cache=cache,
                    segmenter=segmenter,
                )
                assert result.stored is None, "an unchanged re-fetch stored again"
                best_again = min(best_again, again + time.perf_counter() - start)
                archive.close()
    print(
        f"{system:16s} crawl {best_crawl:6.2f} s ({requests} requests)  "
        f"store {best_store:6.2f} s  unchanged re-fetch {best_again:6.2f} s"
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
