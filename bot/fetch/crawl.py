"""One issue of an e-paper site, fetched whole: the page list, every page's PDF (the link
read from the page), every article page. Nothing is stored here; see bot.fetch.service."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.fetch.client import FetchError, NotFound, PoliteClient, Response
from digests.epaper import (
    ArticleView,
    PageLink,
    PageView,
    System,
    decode_html,
    read_article,
    read_page,
    redirect_target,
    with_date,
)
from digests.notes import note

_MAX_HOPS = 4  # meta refreshes followed from an entry page (paperindex.htm → node_1.htm)


class NotAnEpaper(FetchError):
    """The page is no page of an e-paper system Paperboy reads."""


class NoIssue(FetchError):
    """The site has no pages for the date asked (not published yet, or never)."""


@dataclass(frozen=True, slots=True)
class FetchedPage:
    link: PageLink
    pdf: bytes | None
    pdf_url: str | None
    articles: tuple[ArticleView, ...]
    missing: tuple[str, ...] = ()  # article pages the site lists but answers 404 for


@dataclass(frozen=True, slots=True)
class FetchedIssue:
    url: str
    system: System
    date: dt.date | None
    pages: tuple[FetchedPage, ...]


async def _html(client: PoliteClient, url: str) -> tuple[str, str]:
    got: Response = await client.get(url)
    return decode_html(got.body, got.charset), got.url


async def entry_view(client: PoliteClient, url: str) -> PageView:
    """The issue page an entry URL leads to, following meta refreshes and scripts."""
    for _ in range(_MAX_HOPS + 1):
        html, final = await _html(client, url)
        view = read_page(html, final)
        if view is not None:
            return view
        target = redirect_target(html, final)
        if target is None or target == final:
            break
        url = target
    raise NotAnEpaper(
        f"{url}: not an e-paper page Paperboy can read (Founder html/ or pc/layout/, or shtml)",
        note("fetch.not_epaper", url=url),
    )


async def dated_view(client: PoliteClient, url: str, date: dt.date | None) -> PageView:
    """The first page of the issue of ``date`` (the entry's issue when no date is given)."""
    view = await entry_view(client, url)
    if date is None or view.date == date:
        return view
    target = with_date(view.pages[0].url if view.pages else view.url, date)
    if target is None:
        raise FetchError(
            f"{url}: its pages carry no date; give the URL of that day's page",
            note("fetch.undated", url=url),
        )
    said = note("fetch.no_issue", url=url, date=date)
    none_yet = NoIssue(f"{url}: no pages for {date} yet", said)
    try:
        html, final = await _html(client, target)
    except NotFound:
        raise none_yet from None
    dated = read_page(html, final)
    if dated is None or (dated.date is not None and dated.date != date):
        raise none_yet
    return dated


async def fetch_issue(client: PoliteClient, url: str, date: dt.date | None = None) -> FetchedIssue:
    """Every page of one issue with its PDF and articles; FetchError with one line if any
    part cannot be had (then nothing of the issue is used)."""
    first = await dated_view(client, url, date)
    pages: list[FetchedPage] = []
    for i, link in enumerate(first.pages):
        view = first if first.current == i else await _page_view(client, link, first.system)
        pdf = await _pdf(client, link, view.pdf_url) if view.pdf_url else None
        got = [(a.url, await _article(client, a.url, first.system)) for a in view.articles]
        articles = tuple(art for _, art in got if art is not None)
        missing = tuple(url for url, art in got if art is None)
        pages.append(FetchedPage(link, pdf, view.pdf_url, articles, missing))
    return FetchedIssue(url, first.system, first.date or date, tuple(pages))


async def _page_view(client: PoliteClient, link: PageLink, system: System) -> PageView:
    try:
        html, final = await _html(client, link.url)
    except NotFound:
        raise FetchError(
            f"page {link.number} ({link.url}) is missing on the site",
            note("fetch.page_missing", n=link.number, url=link.url),
        ) from None
    view = read_page(html, final)
    if view is None or view.system != system:
        raise FetchError(
            f"page {link.number} ({link.url}) is not a page of this e-paper",
            note("fetch.page_foreign", n=link.number, url=link.url),
        )
    return view


async def _pdf(client: PoliteClient, link: PageLink, url: str) -> bytes:
    try:
        return (await client.get(url)).body
    except NotFound:
        raise FetchError(
            f"page {link.number}'s PDF ({url}) is missing on the site",
            note("fetch.pdf_missing", n=link.number, url=url),
        ) from None


async def _article(client: PoliteClient, url: str, system: System) -> ArticleView | None:
    """The article page; None when the site lists it but has it not (a dead link must not
    keep the whole issue out: the PDF is the text, the article pages are evidence)."""
    try:
        html, _ = await _html(client, url)
    except NotFound:
        return None
    return read_article(html, system)
