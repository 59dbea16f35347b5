"""What an e-paper site says, as frozen values: the pages of an issue, one page's links,
one article. URLs are absolute (resolved against the page they were read from)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

System = Literal["founder_classic", "founder_new", "shtml"]
SYSTEMS: tuple[System, ...] = ("founder_classic", "founder_new", "shtml")


@dataclass(frozen=True, slots=True)
class PageLink:
    """One entry of an issue's page list: 第01版：要闻 -> number 1, name 要闻."""

    url: str
    number: int
    name: str = ""
    label: str = ""  # as printed: "01", "A1"


@dataclass(frozen=True, slots=True)
class ArticleLink:
    url: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class PageView:
    """What one page of the e-paper (a node or vNN page) lists."""

    system: System
    url: str
    date: dt.date | None
    pages: tuple[PageLink, ...]  # the whole issue's page list
    current: int | None  # index into ``pages`` of the page shown, when known
    pdf_url: str | None  # this page's PDF, as linked from the page
    articles: tuple[ArticleLink, ...]  # this page's articles


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One article page: headline parts, byline and paragraphs."""

    title: str
    kicker: str = ""
    subtitle: str = ""
    author: str = ""
    paragraphs: tuple[str, ...] = ()
