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
) -> tuple[tuple[Page, ...], tuple[str, ...]]:
    """The issue's pages, and a warning for each page whose text came from elsewhere."""
    pages: list[Page] = []
    warnings: list[str] = []
    for fp in fetched.pages:
        page, note = _page(fp, options)
        pages.append(page)
        if note:
            warnings.append(note)
    return tuple(join_continuations(pages)), tuple(warnings)


def _page(fp: FetchedPage, options: SplitOptions) -> tuple[Page, str]:
    n, name = fp.link.number, fp.link.name
    where = f"page {n}" + (f" ({name})" if name else "")
    problem = ""
    if fp.pdf is not None:
        try:
            split = split_documents([(f"p{n:02d}.pdf", fp.pdf)], replace(options, page_number=n))
            arts = tuple(a for p in split.pages for a in p.articles)
            if arts:
                printed = next((p.name for p in split.pages if p.name), "")
                return with_headlines(Page(n, name or printed, arts), fp.articles), ""
            problem = "its PDF has no text layer"
        except PdfError as e:
            problem = f"its PDF cannot be read ({_tail(str(e))})"
    if fp.articles:
        note = (
            f"{where}: {problem}; the text comes from the site's article pages" if problem else ""
        )
        if fp.missing:
            note = (
                f"{note or where}; {len(fp.missing)} of its article pages are missing on the site"
            )
        return page_from_articles(n, name, fp.articles), note
    if problem and fp.pdf is not None and not _complete(fp.pdf):
        raise FetchError(f"{where}: the PDF {fp.pdf_url} is truncated")
    return Page(n, name), f"{where}: no text ({problem or 'no PDF and no articles'})"


def _complete(pdf: bytes) -> bool:
    return b"%%EOF" in pdf[-2048:]


def _tail(message: str) -> str:
    return message.split(": ", 1)[-1] if message.startswith("p") else message
