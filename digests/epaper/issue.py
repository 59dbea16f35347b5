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
    exact, the PDF's are guessed from type sizes."""
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
        out.append(replace(art, kicker=view.kicker, title=view.title, subtitle=view.subtitle))
    return replace(page, articles=tuple(out))
