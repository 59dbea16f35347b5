"""What the three e-paper systems share: page labels, links, dates in URLs, PDF links."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from urllib.parse import urljoin, urlsplit

from digests.epaper.html import Document, Node
from digests.epaper.model import ArticleLink, PageLink, PageView, System

# 第01版：要闻 / 第 1 版 要闻 / 01版:要闻 / A1版：要闻 / A01：要闻
_LABEL = re.compile(r"^\s*第?\s*([A-Za-z]?\s*\d{1,3})\s*(?:版|面)?\s*[:：\s]\s*(.*)$")
_LABEL_ONLY = re.compile(r"^\s*第?\s*([A-Za-z]?\s*\d{1,3})\s*(?:版|面)\s*$")
_DATES = (
    (re.compile(r"(?<!\d)(\d{4})-(\d{2})/(\d{2})(?=/)"), "{y:04d}-{m:02d}/{d:02d}"),
    (re.compile(r"(?<!\d)(\d{4})(\d{2})/(\d{2})(?=/)"), "{y:04d}{m:02d}/{d:02d}"),
    (re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?=/)"), "{y:04d}{m:02d}{d:02d}"),
)
_SPACES = re.compile(r"\s+")


def matcher(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """A test of URL paths: whether ``pattern`` is found in one."""
    return lambda path: pattern.search(path) is not None


def page_label(text: str) -> tuple[str, str] | None:
    """(label, name) of a page-list entry ("第01版：要闻" -> ("01", "要闻")), else None."""
    flat = _SPACES.sub(" ", text).strip()
    m = _LABEL.match(flat) or _LABEL_ONLY.match(flat)
    if not m:
        return None
    name = m.group(2).strip() if m.lastindex and m.lastindex >= 2 else ""
    return m.group(1).replace(" ", "").upper(), name


def number_pages(entries: Sequence[tuple[str, str, str]]) -> tuple[PageLink, ...]:
    """PageLinks from (url, label, name): the printed numbers when they are plain and
    distinct (01, 02 … or 1, 5, 9), else the position in the list (A1, B1 …)."""
    labels = [label for _, label, _ in entries]
    plain = all(x.isdigit() for x in labels) and len({int(x) for x in labels}) == len(labels)
    return tuple(
        PageLink(url, int(label) if plain else i, name, label)
        for i, (url, label, name) in enumerate(entries, 1)
    )


def links(doc: Document, tags: tuple[str, ...] = ("a",)) -> list[Node]:
    return doc.root.find_all(lambda n: n.tag in tags and bool(n.get("href").strip()))


def absolute(base: str, href: str) -> str:
    """The link resolved against its page, without the fragment."""
    return urljoin(base, href.strip()).split("#", 1)[0]


def path_of(url: str) -> str:
    return urlsplit(url).path


def page_list(doc: Document, base: str, is_page: Callable[[str], bool]) -> tuple[PageLink, ...]:
    """The issue's page list: links to page URLs whose text reads like a page label."""
    entries: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for a in links(doc):
        url = absolute(base, a.get("href"))
        label = page_label(a.text().replace("\n", " "))
        if label is None or not is_page(path_of(url)) or url in seen:
            continue
        seen.add(url)
        entries.append((url, *label))
    return number_pages(entries)


def article_links(
    doc: Document, base: str, is_article: Callable[[str], bool]
) -> tuple[ArticleLink, ...]:
    """Links to article pages in page order, once each; a titled link wins over an
    image-map area to the same article."""
    found: dict[str, str] = {}
    for a in links(doc, ("a", "area")):
        url = absolute(base, a.get("href"))
        if not is_article(path_of(url)):
            continue
        title = (a.get("title") or a.text()).replace("\n", " ").strip()
        if not found.get(url):
            found[url] = title
    return tuple(ArticleLink(url, title) for url, title in found.items())


def pdf_links(doc: Document, base: str) -> list[str]:
    """Every PDF the page links to, in document order, once each."""
    urls: list[str] = []
    for a in links(doc):
        url = absolute(base, a.get("href"))
        if path_of(url).lower().endswith(".pdf") and url not in urls:
            urls.append(url)
    return urls


def pdf_for(doc: Document, base: str, pages: Sequence[PageLink], current: int | None) -> str | None:
    """This page's PDF, read from the page: the only one linked, or, when the page links
    one per page of the issue, the one at this page's place."""
    pdfs = pdf_links(doc, base)
    if len(pdfs) == 1:
        return pdfs[0]
    if current is not None and len(pdfs) == len(pages) and current < len(pdfs):
        return pdfs[current]
    return None


def current_page(pages: Sequence[PageLink], url: str) -> int | None:
    """The index of the page shown at ``url`` in the page list."""
    path = path_of(url)
    return next((i for i, p in enumerate(pages) if path_of(p.url) == path), None)


def date_in_url(url: str) -> dt.date | None:
    """The issue date in an e-paper URL (…/2024-02/10/…, …/202402/10/…, …/20240210/…)."""
    path = path_of(url)
    for pattern, _ in _DATES:
        for m in pattern.finditer(path):
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                continue
    return None


def with_date(url: str, date: dt.date) -> str | None:
    """The same URL for another issue date, written as the URL writes dates; None when
    the URL carries no date."""
    parts = urlsplit(url)
    for pattern, form in _DATES:
        m = pattern.search(parts.path)
        if m:
            try:
                dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                continue
            text = form.format(y=date.year, m=date.month, d=date.day)
            path = parts.path[: m.start()] + text + parts.path[m.end() :]
            return parts._replace(path=path).geturl()
    return None


def clean_paragraphs(texts: Sequence[str]) -> tuple[str, ...]:
    """Paragraph texts without the indent spaces and empty lines."""
    out: list[str] = []
    for text in texts:
        for line in text.split("\n"):
            line = line.strip(" \t\u3000\u00a0")
            if line:
                out.append(line)
    return tuple(out)


def first_text(doc: Document, match: Callable[[Node], bool]) -> str:
    node = doc.root.find(match)
    return node.text().replace("\n", " ").strip() if node is not None else ""


def link_paths(doc: Document) -> list[tuple[Node, str]]:
    """Every link and image-map area with the path its href names (no query string)."""
    return [(a, "/" + a.get("href").split("?", 1)[0].strip()) for a in links(doc, ("a", "area"))]


def page_view(
    doc: Document,
    url: str,
    system: System,
    is_page: Callable[[str], bool],
    is_article: Callable[[str], bool],
    first_by_default: bool = False,
) -> PageView:
    """What a page of ``system`` lists; ``first_by_default``: a page that is not in its
    own page list (an issue's index) shows the first page."""
    pages = page_list(doc, url, is_page)
    current = current_page(pages, url)
    if current is None and pages and first_by_default:
        current = 0
    return PageView(
        system=system,
        url=url,
        date=date_in_url(url),
        pages=pages,
        current=current,
        pdf_url=pdf_for(doc, url, pages, current),
        articles=article_links(doc, url, is_article),
    )
