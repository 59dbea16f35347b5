"""What goes wrong on real sites: slow, missing, broken-off and wrong-charset pages, PDFs
without text, robots.txt. A fault is one line and leaves the archive as it was."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt

import pytest

from bot.fetch.client import FetchError, FetchOptions
from bot.fetch.service import FetchResult, fetch_and_ingest
from bot.settings import Settings
from digests.archive import SqlArchive
from digests.notes import note
from tests.bot.fetch.server import Site, serve
from tests.builders.epaper import Resource, demo_issue, founder_classic, founder_new

FAST = FetchOptions(timeout_s=0.5, retries=1, backoff_s=0.0, delay_s=0.0)
CLASSIC = "/paperindex.htm"
NEW = "/pc/layout/202403/08/node_01.html"


def fetch(
    site: Site, path: str, archive: SqlArchive, settings: Settings, options: FetchOptions = FAST
) -> FetchResult:
    return asyncio.run(
        fetch_and_ingest(site.url(path), archive=archive, settings=settings, options=options)
    )


def test_a_page_beyond_the_timeout_is_retried_then_reported(
    archive: SqlArchive, settings: Settings
) -> None:
    """A page slower than the timeout is asked twice (one retry), then named in one line;
    nothing of the issue is stored."""
    resources = founder_classic(demo_issue())
    slow = next(p for p in resources if p.endswith("content_2_1.htm"))
    resources[slow] = dataclasses.replace(resources[slow], delay_s=1.5)
    with serve(resources) as site, pytest.raises(FetchError, match=r"no answer within 0\.5 s"):
        fetch(site, CLASSIC, archive, settings)
    assert len(site.asked("content_2_1.htm")) == 2
    assert archive.list_issues() == []


def test_a_download_that_breaks_off_is_reported_and_nothing_is_stored(
    archive: SqlArchive, settings: Settings
) -> None:
    resources = founder_classic(demo_issue())
    pdf = next(p for p in resources if p.endswith("02.pdf"))
    resources[pdf] = dataclasses.replace(resources[pdf], cut_to=500)
    with serve(resources) as site, pytest.raises(FetchError, match=r"the download broke off"):
        fetch(site, CLASSIC, archive, settings)
    assert archive.list_issues() == []


def test_a_truncated_pdf_falls_back_to_the_article_pages(
    archive: SqlArchive, settings: Settings
) -> None:
    """A PDF that arrives whole but was truncated on the server: its page's text comes
    from the site's article pages, and the preview says so."""
    resources = founder_new(demo_issue())
    pdf = next(p for p in resources if p.endswith(".pdf") and "/02a" in p)
    resources[pdf] = Resource(resources[pdf].body[:1500], "application/pdf")
    with serve(resources) as site:
        result = fetch(site, NEW, archive, settings)
    assert result.stored is not None
    assert any("page 2: no text can be read from its PDF" in w for w in result.stored.warnings)
    assert note("fetch.pdf_unreadable_site", n=2) in result.stored.notes
    assert result.stored.issue.pages[1].articles[0].title == "图书馆里过新年"


def test_a_truncated_pdf_without_article_pages_stops_the_fetch(
    archive: SqlArchive, settings: Settings
) -> None:
    resources = founder_new(demo_issue())
    pdf = next(p for p in resources if p.endswith(".pdf") and "/02a" in p)
    resources[pdf] = Resource(resources[pdf].body[:1500], "application/pdf")
    for path in [p for p in resources if p.endswith(("30003.html", "30004.html", "30005.html"))]:
        del resources[path]
    node = next(p for p in resources if p.endswith("node_02.html"))
    html = resources[node].body.split(b'<ul class="news-list">')[0]
    resources[node] = Resource(html)
    with (
        serve(resources) as site,
        pytest.raises(FetchError, match=r"page 2: the PDF .* is truncated"),
    ):
        fetch(site, NEW, archive, settings)
    assert archive.list_issues() == []


def test_image_only_pdfs_take_the_text_from_the_article_pages(
    archive: SqlArchive, settings: Settings
) -> None:
    with serve(founder_new(demo_issue(pdf="image"))) as site:
        result = fetch(site, NEW, archive, settings)
    assert result.stored is not None
    assert len(result.stored.issue.articles) == 5
    assert any("no text can be read from its PDF" in w for w in result.stored.warnings)


def test_a_missing_page_is_named(archive: SqlArchive, settings: Settings) -> None:
    resources = founder_classic(demo_issue())
    del resources[next(p for p in resources if p.endswith("node_17.htm"))]
    with serve(resources) as site, pytest.raises(FetchError, match=r"page 2 .* is missing"):
        fetch(site, CLASSIC, archive, settings)
    assert archive.list_issues() == []


@pytest.mark.parametrize(("actual", "declared"), [("gbk", "utf-8"), ("utf-8", "gbk")])
def test_pages_in_another_charset_than_declared_read_right(
    actual: str, declared: str, archive: SqlArchive, settings: Settings
) -> None:
    with serve(founder_classic(demo_issue(), charset=actual, declared=declared)) as site:
        result = fetch(site, CLASSIC, archive, settings)
    assert result.stored is not None
    assert [p.name for p in result.stored.issue.pages] == ["要闻", "社会"]
    assert result.stored.issue.articles[0].kicker == "青柳县交通建设再提速"


def test_it_is_a_polite_client(archive: SqlArchive, settings: Settings) -> None:
    """One request at a time, a User-Agent naming the bot, robots.txt read first."""
    resources = founder_classic(demo_issue())
    resources["/robots.txt"] = Resource(b"User-agent: *\nDisallow: /private/\n", "text/plain")
    with serve(resources) as site:
        fetch(site, CLASSIC, archive, settings, dataclasses.replace(FAST, delay_s=0.01))
    assert site.hits[0].path == "/robots.txt"
    assert all(h.headers["user-agent"].startswith("Paperboy/") for h in site.hits)
    assert not site.overlapped()
    assert len(site.asked("/robots.txt")) == 1


def test_robots_txt_that_forbids_stops_the_fetch(archive: SqlArchive, settings: Settings) -> None:
    resources = founder_classic(demo_issue())
    resources["/robots.txt"] = Resource(b"User-agent: Paperboy\nDisallow: /html/\n", "text/plain")
    with serve(resources) as site, pytest.raises(FetchError, match=r"robots\.txt does not allow"):
        fetch(site, CLASSIC, archive, settings)
    assert not site.asked(".pdf")


def test_a_body_over_the_size_limit_is_refused(archive: SqlArchive, settings: Settings) -> None:
    with (
        serve(founder_classic(demo_issue())) as site,
        pytest.raises(FetchError, match=r"too large"),
    ):
        fetch(site, CLASSIC, archive, settings, dataclasses.replace(FAST, max_bytes=2_000))


def test_a_dated_issue_is_found_from_the_entry_of_another_day(
    archive: SqlArchive, settings: Settings
) -> None:
    """The entry redirects to the latest issue; --date asks for an earlier one by the
    same URL pattern."""
    resources = founder_classic(demo_issue(dt.date(2024, 3, 7)))
    resources.update(founder_classic(demo_issue(dt.date(2024, 3, 8))))
    with serve(resources) as site:
        result = asyncio.run(
            fetch_and_ingest(
                site.url(CLASSIC),
                archive=archive,
                settings=settings,
                options=FAST,
                date=dt.date(2024, 3, 7),
            )
        )
    assert result.date == dt.date(2024, 3, 7)
    assert archive.get_issue(dt.date(2024, 3, 7)) is not None


def test_the_cache_forgets_what_was_not_used_for_a_week(
    archive: SqlArchive, settings: Settings
) -> None:
    """Bodies kept for conditional requests do not pile up day after day."""
    import time

    from bot.fetch.service import cache_for

    with serve(founder_classic(demo_issue())) as site:
        fetch(site, CLASSIC, archive, settings)
    cache = cache_for(settings)
    kept = len(list(cache.root.iterdir()))
    assert kept > 10
    assert cache.prune(now=time.time() + 3 * 24 * 3600) == 0
    assert cache.prune(now=time.time() + 9 * 24 * 3600) == kept


def test_a_dead_article_link_does_not_keep_the_issue_out(
    archive: SqlArchive, settings: Settings
) -> None:
    """With page PDFs the issue is stored whole; on a site of article pages only, the
    page keeps the articles it has and the preview counts the missing one."""
    resources = founder_classic(demo_issue())
    del resources[next(p for p in resources if p.endswith("content_2_3.htm"))]
    with serve(resources) as site:
        result = fetch(site, CLASSIC, archive, settings)
    assert result.stored is not None and len(result.stored.issue.articles) == 5
    resources = founder_new(demo_issue(pdf="none"))
    del resources[next(p for p in resources if p.endswith("content_30005.html"))]
    with serve(resources) as site:
        result = fetch(site, NEW, archive, settings)
    assert result.stored is not None and len(result.stored.issue.articles) == 4
    assert any("1 of its article pages are missing" in w for w in result.stored.warnings)


async def test_a_busy_server_is_asked_again_after_its_retry_after() -> None:
    """503 with Retry-After: the client waits what the server asks (a virtual sleep
    here), then gets the page."""
    from bot.fetch.client import PoliteClient

    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    resources = founder_classic(demo_issue())
    resources[CLASSIC] = dataclasses.replace(resources[CLASSIC], busy_first=1)
    with serve(resources) as site:
        async with PoliteClient(FAST, sleep=sleep) as client:
            got = await client.get(site.url(CLASSIC))
    assert b"refresh" in got.body
    assert [h.status for h in site.asked(CLASSIC)] == [503, 200]
    assert 7.0 in waits
