"""Which e-paper system made a page, told from its HTML (never from the host), and the
redirect an entry page (``paperindex.htm``) makes to the current issue."""

from __future__ import annotations

import re
from collections.abc import Callable

from digests.epaper import founder_classic, founder_new, shtml
from digests.epaper.common import absolute
from digests.epaper.html import Document, parse
from digests.epaper.model import ArticleView, PageView, System

_EVIDENCE: dict[System, Callable[[Document], int]] = {
    "founder_classic": founder_classic.evidence,
    "founder_new": founder_new.evidence,
    "shtml": shtml.evidence,
}
_READ_PAGE: dict[System, Callable[[Document, str], PageView]] = {
    "founder_classic": founder_classic.read_page,
    "founder_new": founder_new.read_page,
    "shtml": shtml.read_page,
}
_READ_ARTICLE: dict[System, Callable[[Document], ArticleView]] = {
    "founder_classic": founder_classic.read_article,
    "founder_new": founder_new.read_article,
    "shtml": shtml.read_article,
}
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.I)
_SCRIPT_GO = re.compile(
    r"(?:window\.|document\.|self\.|top\.)?location(?:\.href)?\s*=\s*['\"]([^'\"]+)['\"]"
    r"|location\.replace\(\s*['\"]([^'\"]+)['\"]\s*\)",
    re.I,
)
_MIN_EVIDENCE = 3


def detect(doc: Document) -> System | None:
    """The system with the most evidence in the page, None when none has enough."""
    scores = {system: score(doc) for system, score in _EVIDENCE.items()}
    best = max(scores, key=lambda s: scores[s])
    return best if scores[best] >= _MIN_EVIDENCE else None


def read_page(html: str, url: str) -> PageView | None:
    """The page list, this page's PDF and articles; None when this is not a page of an
    e-paper system we know (or it lists no pages)."""
    doc = parse(html)
    system = detect(doc)
    if system is None:
        return None
    view = _READ_PAGE[system](doc, url)
    return view if view.pages else None


def read_article(html: str, system: System) -> ArticleView:
    return _READ_ARTICLE[system](parse(html))


def redirect_target(html: str, url: str) -> str | None:
    """Where an entry page sends the reader: a meta refresh, or a one-line script."""
    doc = parse(html)
    for meta in doc.root.find_all(lambda n: n.tag == "meta"):
        if meta.get("http-equiv").strip().lower() == "refresh":
            m = _REFRESH_URL.search(meta.get("content"))
            if m:
                return absolute(url, m.group(1).strip())
    for script in doc.root.find_all(lambda n: n.tag == "script"):
        text = "".join(c for c in script.children if isinstance(c, str))
        m = _SCRIPT_GO.search(text)
        if m:
            return absolute(url, (m.group(1) or m.group(2)).strip())
    return None
