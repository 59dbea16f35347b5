"""Founder new (``pc/layout/YYYYMM/DD/node_01.html``): page lists, PDFs, article pages.

Every node page lists the PDFs of all pages beside the page list, so a page's PDF is the
one at its place in that list. Article pages put 引题, 主题 and 副题 in headings around the
``<h1>`` and the text in ``#ozoom`` (or the article box's paragraphs).
"""

from __future__ import annotations

import re

from digests.epaper import common
from digests.epaper.html import Document, Node
from digests.epaper.model import ArticleView, PageView

_PAGE = re.compile(r"/(?:node_\w+|layout/\d{6}/\d{2}/\w+)\.html$", re.I)
_ARTICLE = re.compile(r"/(?:content_\d+|content/\d{6}/\d{2}/\w+)\.html$", re.I)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def is_page(path: str) -> bool:
    return bool(_PAGE.search(path)) and not is_article(path)


def is_article(path: str) -> bool:
    return bool(_ARTICLE.search(path))


def evidence(doc: Document) -> int:
    score = 0
    for _, path in common.link_paths(doc):
        score += 2 if is_page(path) else 0
        score += 1 if is_article(path) else 0
        score += 2 if "/attachement/" in path.lower() else 0
    return score


def read_page(doc: Document, url: str) -> PageView:
    return common.page_view(doc, url, "founder_new", is_page, is_article)


def headline_parts(box: Node, title_tag: str) -> tuple[str, str, str]:
    """(kicker, title, subtitle): the headings before the title are the kicker, those
    after it the subtitle."""
    heads = [n for n in box.iter() if n.tag in _HEADINGS]
    at = next((i for i, n in enumerate(heads) if n.tag == title_tag), None)
    if at is None:
        return "", "", ""

    def joined(nodes: list[Node]) -> str:
        return " ".join(t for n in nodes if (t := n.text().replace("\n", " ").strip()))

    after = [n for n in heads[at + 1 :] if n.tag != "h4"]
    return joined(heads[:at]), joined([heads[at]]), joined(after)


def read_article(doc: Document) -> ArticleView:
    box = doc.root.find(lambda n: n.tag == "div" and n.has_class("article")) or doc.root
    kicker, title, subtitle = headline_parts(box, "h1")
    text = doc.root.find(lambda n: n.get("id") == "ozoom") or box
    paras = [p.text() for p in text.iter() if p.tag == "p" and not p.has_class("sec")]
    author = common.first_text(doc, lambda n: n.tag == "h4" or n.has_class("author"))
    return ArticleView(
        title=title,
        kicker=kicker,
        subtitle=subtitle,
        author=author,
        paragraphs=common.clean_paragraphs(paras),
    )
