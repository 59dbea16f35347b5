"""The archive behind an async front: a connection per worker thread, one writer thread.

This is datasette's pattern. The archive's methods stay synchronous (the CLI, the terminal
channel and the replies call them as they are), but every thread gets a database connection
of its own, and every write goes to one writer thread. The event loop never runs archive
code: it hands the work to a worker with :func:`call`, so a slow search or a write waiting
for a lock held by another process holds up that worker alone, never another chat's reply
or the push. PostgreSQL is the same: a connection per thread, one writer.

The search index and the word segmenter are shared by all connections (both are safe to
use from several threads; the index takes its writer lock per flush, as it does between
processes).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from digests.archive.base import Archive

T = TypeVar("T")
_LOG = logging.getLogger(__name__)

# Methods that change the database: they run on the writer thread, one at a time.
WRITES = frozenset(
    {
        "store_issue",
        "put_articles",
        "set_withdrawn",
        "flush_index",
        "save_subscriber",
        "remove_subscriber",
        "set_subscriber_state",
        "audit",
        "record_search",
        "plan_deliveries",
        "mark_sent",
        "mark_sent_many",
        "mark_progress_many",
        "mark_failed",
        "mark_blocked",
        "acquire_lease",
        "release_lease",
        "request_push",
        "take_push_request",
    }
)


async def call(fn: Callable[..., T], *args: Any) -> T:
    """Run ``fn(*args)`` on a worker thread (archive calls in it use that thread's
    connection) and wait for it without blocking the loop."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, functools.partial(fn, *args))


class ArchiveFront:
    """An :class:`Archive` that gives each calling thread its own connection.

    ``connect`` opens one more connection (sharing the first one's index and segmenter).
    ``loop_calls`` counts calls made on a thread running an event loop: they block it, and
    a test of the bot asserts there are none.
    """

    def __init__(self, first: Archive, connect: Callable[[], Archive]) -> None:
        self._connect = connect
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[Archive] = []
        self._writer: concurrent.futures.ThreadPoolExecutor | None = None
        self._writer_ident = -1
        self._closed = False
        self.first = first  # the connection the opening thread uses
        self._local.archive = first
        self._all.append(first)
        self.loop_calls: dict[str, int] = {}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        target = getattr(self.first, name)
        if not callable(target):
            return getattr(self._mine(), name)
        return functools.partial(self._dispatch, name)

    def _dispatch(self, name: str, *args: Any, **kwargs: Any) -> Any:
        self._note_loop(name)
        if name in WRITES and threading.get_ident() != self._writer_ident:
            return self._writer_pool().submit(self._on_writer, name, args, kwargs).result()
        return getattr(self._mine(), name)(*args, **kwargs)

    def _on_writer(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        self._writer_ident = threading.get_ident()
        return getattr(self._mine(), name)(*args, **kwargs)

    def _note_loop(self, name: str) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return
        if name not in self.loop_calls:
            _LOG.warning("archive.%s ran on the event loop: it blocks every chat", name)
        self.loop_calls[name] = self.loop_calls.get(name, 0) + 1

    def _mine(self) -> Archive:
        archive: Archive | None = getattr(self._local, "archive", None)
        if archive is None:
            with self._lock:
                if self._closed:
                    raise RuntimeError("the archive is closed")
                archive = self._connect()
                self._all.append(archive)
            self._local.archive = archive
        return archive

    def _writer_pool(self) -> concurrent.futures.ThreadPoolExecutor:
        with self._lock:
            if self._writer is None:
                self._writer = concurrent.futures.ThreadPoolExecutor(
                    1, thread_name_prefix="archive-writer"
                )
            return self._writer

    def close(self) -> None:
        with self._lock:
            self._closed = True
            writer, self._writer = self._writer, None
        if writer is not None:
            writer.shutdown(wait=True)
        with self._lock:
            every, self._all = self._all, []
        for archive in every:
            archive.close()
