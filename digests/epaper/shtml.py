"""The shtml system (``shtml/<paper>/YYYYMMDD/index.shtml``, pages ``vNN.shtml``).

Many of its papers publish page images only, so the article pages (``<id>.shtml``: title
in ``h2.detConTit``, text in ``div.details p``) are the text of the issue.
"""

from __future__ import annotations

import re

from digests.epaper import common
from digests.epaper.founder_new import headline_parts
from digests.epaper.html import Document
from digests.epaper.model import ArticleView, PageView

_PAGE = re.compile(r"/(?:v\w{1,4}|index)\.shtml$", re.I)
_ARTICLE = re.compile(r"/\d{6,}\.shtml$", re.I)


is_page = common.matcher(_PAGE)
is_article = common.matcher(_ARTICLE)


def evidence(doc: Document) -> int:
    score = 0
    for _, path in common.link_paths(doc):
        score += 2 if is_page(path) else 0
        score += 1 if is_article(path) else 0
    score += 3 * sum(1 for n in doc.root.iter() if n.has_class("detConTit"))
    return score


def read_page(doc: Document, url: str) -> PageView:
    # The index.shtml shows its first page.
    return common.page_view(doc, url, "shtml", is_page, is_article, first_by_default=True)


def read_article(doc: Document) -> ArticleView:
    title = doc.root.find(lambda n: n.tag == "h2" and n.has_class("detConTit"))
    box = title.parent if title is not None and title.parent is not None else doc.root
    kicker, head, subtitle = headline_parts(box, "h2")
    details = doc.root.find(lambda n: n.tag == "div" and n.has_class("details"))
    paras = [p.text() for p in details.iter() if p.tag == "p"] if details is not None else []
    return ArticleView(
        title=head or (title.text() if title is not None else ""),
        kicker=kicker,
        subtitle=subtitle,
        paragraphs=common.clean_paragraphs(paras),
    )
