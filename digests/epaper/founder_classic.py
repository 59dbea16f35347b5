"""Founder classic (方正翔宇, ``html/YYYY-MM/DD/node_N.htm``): page lists, article pages.

Article pages carry the headline in ``<founder-title>``, the text in ``<founder-content>``
and often every part again in an ``<!--enpproperty … /enpproperty-->`` comment; the
kicker (引题) sits in ``td.font02`` or the comment's ``<introtitle>``.
"""

from __future__ import annotations

import re

from digests.epaper import common
from digests.epaper.html import Document, Node
from digests.epaper.model import ArticleView, PageView

_PAGE = re.compile(r"/node_\d+\.htm$", re.I)
_ARTICLE = re.compile(r"/content_\d+(?:_\d+)?\.htm$", re.I)
_FIELD = re.compile(r"<([a-z][\w-]*)>(.*?)</\1>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")


is_page = common.matcher(_PAGE)
is_article = common.matcher(_ARTICLE)


def evidence(doc: Document) -> int:
    """How much of the page looks like Founder classic (0: none)."""
    score = 0
    for a, path in common.link_paths(doc):
        score += 2 if a.get("id") == "pageLink" and path.lower().endswith(".htm") else 0
        score += 1 if is_article(path) else 0
    score += 3 * sum(1 for n in doc.root.iter() if n.tag.startswith("founder-"))
    score += 3 * sum(1 for c in doc.comments if "enpproperty" in c)
    return score


def read_page(doc: Document, url: str) -> PageView:
    return common.page_view(doc, url, "founder_classic", is_page, is_article)


def _properties(doc: Document) -> dict[str, str]:
    """The fields of the enpproperty comment (title, subtitle, introtitle, author …)."""
    for comment in doc.comments:
        if "enpproperty" in comment:
            return {m[1].lower(): _TAG.sub("", m[2]).strip() for m in _FIELD.finditer(comment)}
    return {}


def _tag_text(doc: Document, tag: str) -> str:
    return common.first_text(doc, lambda n: n.tag == tag)


def _paragraphs(content: Node | None) -> tuple[str, ...]:
    if content is None:
        return ()
    paras = [p.text() for p in content.iter() if p.tag == "p"]
    return common.clean_paragraphs(paras or [content.text()])


def read_article(doc: Document) -> ArticleView:
    props = _properties(doc)
    kicker = common.first_text(doc, lambda n: n.tag == "td" and n.has_class("font02"))
    return ArticleView(
        title=_tag_text(doc, "founder-title")
        or props.get("founder-title", "")
        or props.get("title", ""),
        kicker=kicker or props.get("introtitle", ""),
        subtitle=_tag_text(doc, "founder-subtitle")
        or props.get("founder-subtitle", "")
        or props.get("subtitle", ""),
        author=_tag_text(doc, "founder-author") or props.get("author", ""),
        paragraphs=_paragraphs(doc.root.find(lambda n: n.tag == "founder-content")),
    )
