"""E-paper articles as the core's model: a page made from article pages (when the page
PDF has no text), and the article pages' headlines put on articles split from a PDF."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from digests.epaper.model import ArticleView
from digests.model import Article, Page

_NOT_TEXT = re.compile(r"[\s\u3000,，。.、:：;；!！?？“”\"'‘’()（）《》—-]+")
_PROBE = 16  # characters of a body that identify it on a page
_COVER = 0.9  # the share of an article's PDF text the site's text must match in length


def to_article(view: ArticleView) -> Article:
    return Article(
        kicker=view.kicker,
        title=view.title,
        subtitle=view.subtitle,
        byline=view.author,
        paragraphs=view.paragraphs,
    )


def page_from_articles(number: int, name: str, views: Sequence[ArticleView]) -> Page:
    """A page whose items are the site's own article pages, in the site's order."""
    arts = tuple(to_article(v) for v in views if v.title or v.paragraphs)
    return Page(number, name, arts)


def _compact(text: str) -> str:
    return _NOT_TEXT.sub("", text)


def with_headlines(page: Page, views: Sequence[ArticleView]) -> Page:
    """The page split from its PDF, with each article's kicker, title and subtitle taken
    from the site's article page whose text it holds: the site's headline parts are
    exact, the PDF's are guessed from type sizes. Where the site's text covers the whole
    article (not a part continued from or to another page), its paragraphs and byline
    replace the PDF's too: the PDF's are rebuilt from the layout."""
    probes = [
        (_compact("".join(v.paragraphs))[:_PROBE], v) for v in views if v.title and v.paragraphs
    ]
    probes = [(p, v) for p, v in probes if len(p) == _PROBE]
    if not probes:
        return page
    out: list[Article] = []
    for art in page.articles:
        body = _compact(art.text)
        view = next((v for p, v in probes if p in body), None)
        if view is None or art.kind not in ("article", "brief"):
            out.append(art)
            continue
        art = replace(art, kicker=view.kicker, title=view.title, subtitle=view.subtitle)
        if _covers(view, art, body):
            art = replace(art, paragraphs=view.paragraphs, byline=view.author or art.byline)
        out.append(art)
    return replace(page, articles=tuple(out))


def _covers(view: ArticleView, art: Article, body: str) -> bool:
    """The site's text is all of this article: no continuation, and at least nearly as
    long as what the PDF holds (byline included), so nothing the PDF has is dropped."""
    if art.continued_to is not None or art.continued_from is not None:
        return False
    site = _compact("".join(view.paragraphs)) + _compact(view.author)
    return len(site) >= _COVER * len(body)
