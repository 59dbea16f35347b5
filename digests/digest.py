"""The daily digest as structure: which sections and items a reader gets, in print order.

Pure: no I/O, no clock, no markup and no sentences of its own. The chat layer
(``bot/render/digest.py``) says it in the reader's language, as Telegram HTML or plain
text, cut into messages at item boundaries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from digests.model import Article, Issue, Page
from digests.sentences import sentences

# Real headlines run to about 60 characters; a longer "title" is a broken source line,
# and it must not push its item (or the whole digest message) past a message's limit.
MAX_TITLE_CHARS = 120
_SUMMARY_CHARS = 120  # of an item's first sentence, when it has no summary

# Items a reader skims past in print get no place in a digest; photos and notices are
# named on one line, without a summary.
_SKIPPED_KINDS = frozenset({"ad"})
_ONE_LINE_KINDS = frozenset({"photo", "notice"})


@dataclass(frozen=True, slots=True)
class DigestOptions:
    """Whom a digest is for. ``sections`` (section names or page numbers; empty: every
    section) chooses the items; ``language`` and ``bot_username`` are carried to the
    renderer, which says the digest in that language and links titles through that bot."""

    sections: tuple[str, ...] = ()
    language: str = "zh"
    bot_username: str = ""


@dataclass(frozen=True, slots=True)
class DigestItem:
    """One listed item: its title as a reader sees it and its summary ("" for one-liners)."""

    article_id: str
    kind: str
    title: str
    summary: str


@dataclass(frozen=True, slots=True)
class DigestSection:
    """A page with the reader's items on it; either name or number may be missing."""

    number: int | None
    name: str
    items: tuple[DigestItem, ...]


@dataclass(frozen=True, slots=True)
class Digest:
    issue_key: str
    newspaper: str
    date: dt.date
    number: int | None
    sections: tuple[DigestSection, ...]
    options: DigestOptions = DigestOptions()

    @property
    def article_count(self) -> int:
        return sum(len(s.items) for s in self.sections)

    @property
    def items(self) -> tuple[DigestItem, ...]:
        return tuple(i for s in self.sections for i in s.items)


def issue_key(newspaper: str, date: dt.date) -> str:
    """The ledger's name for an issue: ``<newspaper>/<YYYY-MM-DD>``."""
    return f"{newspaper}/{date:%Y-%m-%d}"


def counted(article: Article) -> bool:
    """Whether an item is listed and counted for readers: everything but advertisements,
    in the digest, /sections, /section and /headlines alike."""
    return article.kind not in _SKIPPED_KINDS


def wants_page(page: Page, sections: tuple[str, ...]) -> bool:
    """Whether a reader who chose ``sections`` gets this page (empty: every page)."""
    if not sections:
        return True
    wanted = {s.strip() for s in sections if s.strip()}
    return page.name in wanted or (page.number is not None and str(page.number) in wanted)


def build_digest(issue: Issue, options: DigestOptions = DigestOptions()) -> Digest:
    """The sections and items a reader with these preferences gets of this issue."""
    found: list[DigestSection] = []
    for page in issue.pages:
        if not wants_page(page, options.sections):
            continue
        items = tuple(_item(a) for a in page.articles if counted(a))
        if items:
            found.append(DigestSection(page.number, page.name, items))
    key = issue_key(issue.newspaper, issue.date)
    return Digest(key, issue.newspaper, issue.date, issue.number, tuple(found), options)


def _item(article: Article) -> DigestItem:
    summary = "" if article.kind in _ONE_LINE_KINDS else _summary(article)
    return DigestItem(article.id, article.kind, display_title(article), summary)


def display_title(article: Article, limit: int = MAX_TITLE_CHARS) -> str:
    """What a reader sees as an item's name: its title (else kicker or subtitle), else the
    first sentence of its summary or text, never its id; cut to ``limit`` characters."""
    title = " ".join((article.title or article.kicker or article.subtitle).split())
    if title:
        return _cut(title, limit)
    return _first_sentence(article.summary or article.text, min(limit, 40))


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _first_sentence(text: str, limit: int) -> str:
    first = sentences(" ".join(text.split()))
    return _cut(first[0], limit) if first else ""


def _summary(article: Article) -> str:
    if article.summary:
        return " ".join(article.summary.split())
    return _first_sentence(article.text, _SUMMARY_CHARS)
