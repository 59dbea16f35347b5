"""A fetched issue stored as an upload would be: pages from the PDFs (the site's article
pages give the headlines, and the text where a PDF has none), then one ingest of the
whole issue. An issue fetched again unchanged is not stored again.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
from dataclasses import dataclass, replace

from bot.fetch.cache import HttpCache
from bot.fetch.client import FetchError, FetchOptions, PoliteClient
from bot.fetch.crawl import FetchedIssue, FetchedPage, fetch_issue
from bot.ingest import IngestResult, ingest_pages
from bot.settings import Settings
from digests.archive.base import Archive
from digests.epaper import page_from_articles, with_headlines
from digests.errors import PdfError
from digests.loader import split_documents, split_options
from digests.model import Page
from digests.notes import Note, note
from digests.split import SplitOptions, join_continuations
from digests.words import Segmenter


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What a fetch did: ``stored`` is None when the issue was already stored unchanged."""

    newspaper: str
    date: dt.date
    pages: int
    stored: IngestResult | None

    def describe(self) -> str:
        if self.stored is not None:
            return self.stored.describe()
        return f"unchanged {self.newspaper} {self.date}: {self.pages} pages, nothing stored again"


def cache_for(settings: Settings) -> HttpCache:
    return HttpCache(settings.data_dir / "fetch")


async def fetch_and_ingest(
    url: str,
    *,
    archive: Archive,
    settings: Settings,
    newspaper: str | None = None,
    date: dt.date | None = None,
    options: FetchOptions | None = None,
    segmenter: Segmenter | None = None,
) -> FetchResult:
    """``paperboy fetch`` and the scheduled fetch: the whole issue first, then one store."""
    name = newspaper or settings.newspaper
    cache = cache_for(settings)
    await asyncio.to_thread(cache.prune)
    async with PoliteClient(options or FetchOptions(), cache) as client:
        fetched = await fetch_issue(client, url, date)
    # The split and the summaries are CPU work: keep the event loop free meanwhile.
    return await asyncio.to_thread(
        store_fetched,
        fetched,
        archive=archive,
        settings=settings,
        newspaper=name,
        date=date,
        cache=cache,
        segmenter=segmenter,
    )


def store_fetched(
    fetched: FetchedIssue,
    *,
    archive: Archive,
    settings: Settings,
    newspaper: str,
    date: dt.date | None,
    cache: HttpCache,
    segmenter: Segmenter | None = None,
) -> FetchResult:
    when = fetched.date or date
    mark = fingerprint(fetched)
    if when is not None:
        day = when.isoformat()
        if cache.fingerprint(newspaper, day) == mark and archive.get_issue(when, newspaper):
            return FetchResult(newspaper, when, len(fetched.pages), None)
    pages, warnings = issue_pages(fetched, split_options(settings.config_dir, newspaper))
    result = ingest_pages(
        pages,
        archive=archive,
        settings=settings,
        date=when,
        newspaper=newspaper,
        segmenter=segmenter,
        warnings=warnings,
    )
    cache.set_fingerprint(newspaper, result.issue.date.isoformat(), mark)
    return FetchResult(newspaper, result.issue.date, len(pages), result)


def fingerprint(fetched: FetchedIssue) -> str:
    """A digest of everything the issue is made of: equal digests, equal issue."""
    h = hashlib.sha256(f"{fetched.system} {fetched.date}".encode())
    for page in fetched.pages:
        h.update(f"\0{page.link.number}\0{page.link.name}\0".encode())
        h.update(hashlib.sha256(page.pdf or b"").digest())
        h.update(repr(page.articles).encode())
    return h.hexdigest()


def issue_pages(
    fetched: FetchedIssue, options: SplitOptions
) -> tuple[tuple[Page, ...], tuple[Note, ...]]:
    """The issue's pages, and notes for each page whose text came from elsewhere."""
    pages: list[Page] = []
    notes: list[Note] = []
    for fp in fetched.pages:
        page, said = _page(fp, options)
        pages.append(page)
        notes += said
    return tuple(join_continuations(pages)), tuple(notes)


def _page(fp: FetchedPage, options: SplitOptions) -> tuple[Page, tuple[Note, ...]]:
    n, name = fp.link.number, fp.link.name
    problem = ""  # "" (no PDF), "no_text" (no text layer) or "unreadable"
    if fp.pdf is not None:
        try:
            split = split_documents([(f"p{n:02d}.pdf", fp.pdf)], replace(options, page_number=n))
            arts = tuple(a for p in split.pages for a in p.articles)
            if arts:
                printed = next((p.name for p in split.pages if p.name), "")
                return with_headlines(Page(n, name or printed, arts), fp.articles), ()
            problem = "no_text"
        except PdfError:
            problem = "unreadable"
    if fp.articles:
        said = [_from_site(n, problem)] if problem else []
        if fp.missing:
            said.append(note("fetch.articles_missing", n=n, missing=len(fp.missing)))
        return page_from_articles(n, name, fp.articles), tuple(said)
    if problem and fp.pdf is not None and not _complete(fp.pdf):
        raise FetchError(
            f"page {n}: the PDF {fp.pdf_url} is truncated",
            note("fetch.pdf_truncated", n=n, url=fp.pdf_url or ""),
        )
    return Page(n, name), (_no_text(n, problem),)


def _from_site(n: int, problem: str) -> Note:
    """The page's PDF gave no text, so the site's article pages did."""
    if problem == "no_text":
        return note("fetch.pdf_no_text_site", n=n)
    return note("fetch.pdf_unreadable_site", n=n)


def _no_text(n: int, problem: str) -> Note:
    """A page stored empty: neither its PDF nor the site gave any text."""
    if problem == "no_text":
        return note("fetch.page_pdf_no_text", n=n)
    if problem == "unreadable":
        return note("fetch.page_pdf_unreadable", n=n)
    return note("fetch.page_no_text", n=n)


def _complete(pdf: bytes) -> bool:
    return b"%%EOF" in pdf[-2048:]
