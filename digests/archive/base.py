"""The archive's interface: what the bot and the CLI may ask of storage.

Two backends implement it (SQLite by default, PostgreSQL at scale); both keep issues,
articles with their summaries and search index, subscribers, the delivery ledger, the
audit log, the serve lease and push requests. All SQL lives in the backends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from digests.model import Article, DeliveryState, Issue, Subscriber, SubscriberState
from digests.notes import Note


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as the archive returns it: the article plus where it was printed."""

    article: Article
    newspaper: str
    date: dt.date
    page: int | None
    section: str
    position: int
    withdrawn: bool = False


@dataclass(frozen=True, slots=True)
class ArticleWords:
    """An article's index words: the segmenter's search-mode words (``search_words``).

    ``head`` are the words of kicker, title and subtitle; ``body`` those of the paragraphs.
    Segmenting once and passing the words here spares the archive a second pass.
    """

    head: tuple[str, ...] = ()
    body: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class IndexedArticle:
    """An article ready for :meth:`Archive.put_articles`: where it stands and its words."""

    stored: StoredArticle
    words: ArticleWords
    source_hash: str = ""  # lets a re-run of ``import`` skip unchanged lines


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: dt.datetime
    actor: str
    action: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class LeaseInfo:
    name: str
    holder: str
    host: str
    pid: int
    heartbeat: dt.datetime


@dataclass(frozen=True, slots=True)
class IssueInfo:
    """One stored issue, for listings."""

    newspaper: str
    date: dt.date
    pages: int
    articles: int
    stored_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class SectionInfo:
    page: int | None
    name: str
    articles: int


@dataclass(frozen=True, slots=True)
class SearchOptions:
    limit: int = 10
    offset: int = 0
    since: dt.date | None = None
    until: dt.date | None = None
    section: str | None = None


@dataclass(frozen=True, slots=True)
class Printing:
    """Where one printing of a result's text appeared."""

    id: str
    date: dt.date
    page: int | None
    section: str = ""


@dataclass(frozen=True, slots=True)
class Hit:
    """One search or headline result: one text, however often it was printed."""

    id: str
    title: str
    date: dt.date
    page: int | None
    section: str
    score: float
    snippet: tuple[str, ...] = ()  # the text between matches at even places, matches at odd
    printings: tuple[Printing, ...] = ()  # every printing of the text, earliest (``id``) first


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    hits: tuple[Hit, ...] = ()
    total: int = 0
    notices: tuple[Note, ...] = ()  # e.g. search.partial when the fallback ran
    partial: bool = False


@dataclass(frozen=True, slots=True)
class StoreReport:
    issue: IssueInfo
    replaced: bool
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DeliveryCounts:
    pending: int = 0
    sent: int = 0
    failed: int = 0
    blocked: int = 0

    @property
    def total(self) -> int:
        return self.pending + self.sent + self.failed + self.blocked


@dataclass(frozen=True, slots=True)
class Delivery:
    """One row of the ledger: an issue's digest for one subscriber."""

    issue_key: str  # "<newspaper>/<YYYY-MM-DD>"
    channel: str
    chat_id: str
    state: DeliveryState
    attempts: int = 0
    message_ids: tuple[int, ...] = ()
    error: str = ""
    updated_at: dt.datetime | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Stats:
    subscribers: int
    active: int
    paused: int
    blocked: int
    searches_today: int
    issues: int
    articles: int


class Archive(Protocol):
    """Storage and search. Implementations are synchronous and safe to share in one thread."""

    def close(self) -> None: ...

    # -- issues and articles -------------------------------------------------------------
    def store_issue(
        self,
        issue: Issue,
        words: Mapping[str, ArticleWords] | None = None,
        *,
        merge: bool = False,
    ) -> StoreReport:
        """Store an issue atomically, replacing any stored issue of that newspaper and date.

        With ``merge``, only the stored pages whose numbers the issue carries are replaced
        (an editor posting one page at a time). ``words`` maps article ids to their index
        words (search-mode words); articles missing there are segmented by the archive.
        """

    def put_articles(self, items: Sequence[IndexedArticle]) -> int:
        """Insert or replace articles by id in one transaction (bulk import); returns rows
        written. Issues and pages they belong to are created as needed. The search index
        catches up on :meth:`flush_index` or the next search."""

    def known_hashes(self, ids: Sequence[str]) -> Mapping[str, str]:
        """The stored source hash of each of ``ids`` that is stored (for import re-runs)."""

    def flush_index(self) -> None:
        """Bring the search index up to date with the database now."""

    def latest_date(self, newspaper: str | None = None) -> dt.date | None: ...

    def get_issue(self, date: dt.date | None = None, newspaper: str | None = None) -> Issue | None:
        """The stored issue (the latest when date is None), withdrawn articles left out."""

    def list_issues(self, limit: int = 10) -> Sequence[IssueInfo]: ...

    def get_article(self, article_id: str) -> StoredArticle | None: ...

    def sections(self, date: dt.date | None = None) -> Sequence[SectionInfo]: ...

    def section(self, name_or_number: str, date: dt.date | None = None) -> Sequence[StoredArticle]:
        """Articles of one section (版名 or page number) on a date, the latest by default."""

    def search(self, query: str, options: SearchOptions = SearchOptions()) -> SearchResult: ...

    def headline(self, fragment: str, options: SearchOptions = SearchOptions()) -> SearchResult: ...

    def set_withdrawn(self, article_id: str, withdrawn: bool) -> bool:
        """Hide (or show again) an article in digests and search; False if no such id."""

    # -- people --------------------------------------------------------------------------
    def save_subscriber(self, subscriber: Subscriber) -> None: ...

    def get_subscriber(self, channel: str, chat_id: str) -> Subscriber | None: ...

    def remove_subscriber(self, channel: str, chat_id: str) -> bool: ...

    def set_subscriber_state(self, channel: str, chat_id: str, state: SubscriberState) -> None: ...

    def subscribers(self, state: SubscriberState | None = "active") -> Sequence[Subscriber]: ...

    def audit(self, actor: str, action: str, detail: str = "") -> None: ...

    def audit_entries(self, limit: int = 50) -> Sequence[AuditEntry]:
        """The newest audit entries first."""

    def record_search(self) -> None: ...

    def stats(self) -> Stats: ...

    # -- the delivery ledger -------------------------------------------------------------
    def plan_deliveries(self, issue_key: str, recipients: Iterable[tuple[str, str]]) -> int:
        """Add pending rows for (channel, chat_id) pairs that have none; returns rows added."""

    def pending_deliveries(self, issue_key: str, limit: int = 1000) -> Sequence[Delivery]: ...

    def mark_sent(
        self, issue_key: str, channel: str, chat_id: str, message_ids: Sequence[int]
    ) -> None: ...

    def mark_sent_many(
        self, issue_key: str, sent: Sequence[tuple[str, str, Sequence[int]]]
    ) -> None:
        """Mark many (channel, chat_id, message_ids) sent in one transaction."""

    def mark_progress_many(
        self, issue_key: str, rows: Sequence[tuple[str, str, Sequence[int]]]
    ) -> None:
        """Store (channel, chat_id, message_ids so far) of multi-part digests; rows stay
        pending, so a restart resumes at the next part."""

    def sent_since(self, issue_key: str, since: dt.datetime) -> int:
        """Rows of the issue that became sent at or after ``since``."""

    def get_delivery(self, issue_key: str, channel: str, chat_id: str) -> Delivery | None: ...

    def mark_failed(self, issue_key: str, channel: str, chat_id: str, error: str) -> None: ...

    def mark_blocked(self, issue_key: str, channel: str, chat_id: str, error: str) -> None: ...

    def delivery_counts(self, issue_key: str) -> DeliveryCounts: ...

    # -- coordination between processes --------------------------------------------------
    def acquire_lease(self, name: str, holder: str, ttl_s: float) -> bool:
        """Take or renew the named lease; False while another live holder has it."""

    def release_lease(self, name: str, holder: str) -> None: ...

    def lease(self, name: str) -> LeaseInfo | None: ...

    def request_push(self, issue_key: str, requested_by: str) -> None: ...

    def take_push_request(self) -> str | None:
        """The issue key of the oldest unhandled push request, marked taken; None if none."""
