"""The archive as one value: a thin facade over its parts.

Each part holds the SQL of one concern on the shared connection: issues and articles with
their search index (:mod:`digests.archive.store`, :mod:`digests.archive.search`),
subscribers, the delivery ledger, the serve lease and push requests, the audit log and
counters. The facade only forwards, so a reader finds each method's SQL in the part its
name says, and a part can be used (and tested) on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, overload

from digests.archive.audit import AuditLog
from digests.archive.db import Db
from digests.archive.index import SearchIndex
from digests.archive.lease import Leases
from digests.archive.ledger import Ledger
from digests.archive.search import Searching
from digests.archive.store import Words
from digests.archive.subscribers import Subscribers

P = ParamSpec("P")
R = TypeVar("R")


class _Via(Generic[P, R]):
    """A facade method: the method of the same name on one part."""

    def __init__(self, part: str, fn: Callable[Concatenate[Any, P], R]) -> None:
        self.part = part
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    @overload
    def __get__(self, obj: None, owner: type) -> _Via[P, R]: ...

    @overload
    def __get__(self, obj: object, owner: type) -> Callable[P, R]: ...

    def __get__(self, obj: object, owner: type) -> Any:
        if obj is None:
            return self
        method: Callable[P, R] = getattr(getattr(obj, self.part), self.name)
        return method


def via(part: str, fn: Callable[Concatenate[Any, P], R]) -> _Via[P, R]:
    return _Via(part, fn)


class SqlArchive:
    """Both backends (they differ only in their :class:`Db` connection), built from parts."""

    def __init__(self, db: Db, index: SearchIndex, words: Callable[[], Words]) -> None:
        self.db = db
        self.articles = Searching(db, index, words)  # issues, articles, the search index
        self.people = Subscribers(db)
        self.ledger = Ledger(db)
        self.leases = Leases(db)
        self.log = AuditLog(db)

    @property
    def index(self) -> SearchIndex:
        return self.articles.index

    @property
    def words(self) -> Words:
        return self.articles.words

    def close(self) -> None:
        self.db.close()

    # issues and articles, and searching them
    store_issue = via("articles", Searching.store_issue)
    put_articles = via("articles", Searching.put_articles)
    known_hashes = via("articles", Searching.known_hashes)
    flush_index = via("articles", Searching.flush_index)
    catch_up = via("articles", Searching.catch_up)
    latest_date = via("articles", Searching.latest_date)
    get_issue = via("articles", Searching.get_issue)
    list_issues = via("articles", Searching.list_issues)
    get_article = via("articles", Searching.get_article)
    sections = via("articles", Searching.sections)
    section = via("articles", Searching.section)
    set_withdrawn = via("articles", Searching.set_withdrawn)
    search = via("articles", Searching.search)
    headline = via("articles", Searching.headline)
    # subscribers
    save_subscriber = via("people", Subscribers.save_subscriber)
    get_subscriber = via("people", Subscribers.get_subscriber)
    remove_subscriber = via("people", Subscribers.remove_subscriber)
    set_subscriber_state = via("people", Subscribers.set_subscriber_state)
    subscribers = via("people", Subscribers.subscribers)
    # the audit log and counters
    audit = via("log", AuditLog.audit)
    audit_entries = via("log", AuditLog.audit_entries)
    record_search = via("log", AuditLog.record_search)
    stats = via("log", AuditLog.stats)
    # the delivery ledger
    plan_deliveries = via("ledger", Ledger.plan_deliveries)
    pending_deliveries = via("ledger", Ledger.pending_deliveries)
    get_delivery = via("ledger", Ledger.get_delivery)
    mark_sent = via("ledger", Ledger.mark_sent)
    mark_sent_many = via("ledger", Ledger.mark_sent_many)
    mark_progress_many = via("ledger", Ledger.mark_progress_many)
    sent_since = via("ledger", Ledger.sent_since)
    mark_failed = via("ledger", Ledger.mark_failed)
    mark_blocked = via("ledger", Ledger.mark_blocked)
    delivery_counts = via("ledger", Ledger.delivery_counts)
    # coordination between processes
    acquire_lease = via("leases", Leases.acquire_lease)
    release_lease = via("leases", Leases.release_lease)
    lease = via("leases", Leases.lease)
    request_push = via("leases", Leases.request_push)
    take_push_request = via("leases", Leases.take_push_request)
