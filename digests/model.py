"""Frozen values that flow through Paperboy: issues, pages, articles, subscribers.

These are the data model of DESIGN.md. Sequences are tuples so that every value is
hashable and safe to share between the splitter, the archive and the bot.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

ArticleKind = Literal["article", "photo", "brief", "notice", "ad"]
SubscriberState = Literal["active", "paused", "blocked"]
DeliveryState = Literal["pending", "sent", "failed", "blocked"]

ARTICLE_KINDS: tuple[ArticleKind, ...] = ("article", "photo", "brief", "notice", "ad")


@dataclass(frozen=True, slots=True)
class Article:
    """One item of a page as an editor would list it."""

    id: str = ""
    kind: ArticleKind = "article"
    kicker: str = ""
    title: str = ""
    subtitle: str = ""
    byline: str = ""
    column: str = ""
    section_heads: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    continued_to: int | None = None
    continued_from: int | None = None
    summary: str = ""
    keywords: tuple[str, ...] = ()

    @property
    def headline(self) -> str:
        """Kicker, title and subtitle together: what headline lookup matches against."""
        return " ".join(part for part in (self.kicker, self.title, self.subtitle) if part)

    @property
    def text(self) -> str:
        """The body, paragraphs separated by newlines."""
        return "\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class Page:
    """One printed page (版): its number, its name (版名) and its items in reading order."""

    number: int | None
    name: str = ""
    articles: tuple[Article, ...] = ()
    date: dt.date | None = None  # the issue date its header printed, when it printed one


@dataclass(frozen=True, slots=True)
class Issue:
    """One day's newspaper."""

    newspaper: str
    date: dt.date
    pages: tuple[Page, ...] = ()
    number: int | None = None
    warnings: tuple[str, ...] = ()

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(a for p in self.pages for a in p.articles)


@dataclass(frozen=True, slots=True)
class Subscriber:
    """A chat that receives the daily digest."""

    channel: str
    chat_id: str
    push_time: str = "07:00"
    timezone: str = "Asia/Shanghai"
    sections: tuple[str, ...] = ()  # empty means every section
    language: str = "zh"
    state: SubscriberState = "active"
    created_at: dt.datetime | None = field(default=None, compare=False)
