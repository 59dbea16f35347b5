"""The push engine: sends each planned digest once, paced, and records it in the ledger.

Work comes from the ledger: a push plans one pending row per (issue, subscriber) and every
pending row not yet queued becomes a job. A job is one subscriber's digest, sent one message
at a time; each message is recorded as soon as Telegram confirms it (in one transaction per
event-loop turn), so after a crash only the messages in flight can go out twice, and a
restart resumes at the next unsent message.

A dispatcher hands the job whose chat is ready soonest to one of ``concurrency`` senders;
the rate limiter (:mod:`bot.push.limiter`) keeps the overall pace and holds chats that got
a 429. A chat that got a 429, or any error worth retrying, goes back into the queue and
frees its sender for other chats.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import heapq
import itertools
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.push.limiter import PUSH, PushRateLimiter, is_transient
from digests.archive.base import Archive
from digests.archive.front import call
from digests.digest import Digest, DigestOptions, build_digest, issue_key
from digests.model import Issue, Subscriber

TELEGRAM = "telegram"
_LOG = logging.getLogger(__name__)
_GONE = ("chat not found", "user not found", "peer_id_invalid", "chat_id is empty")

# Renders one digest of an issue, in a language, into (html, reply_markup JSON or None)
# per message.
Renderer = Callable[[Issue, Digest, str], tuple[tuple[str, str | None], ...]]


def concurrency_for(rate: float | None) -> int:
    """Senders for a rate: enough that half a second of slots always has one waiting.

    A sender holds its slot from reservation to answer; with too few, a slow answer or a
    ledger commit leaves every sender in flight and the pacer's slots pass unused.
    """
    return 64 if rate is None else max(8, min(64, int(rate / 2)))


@dataclass(frozen=True, slots=True)
class EngineOptions:
    paid_broadcast: bool = False
    concurrency: int = 32
    channel: str = TELEGRAM


@dataclass(slots=True)
class _Job:
    issue_key: str
    channel: str
    chat_id: str
    parts: tuple[tuple[str, str | None], ...]
    sent: list[int] = field(default_factory=list)
    attempts: int = 0


@dataclass(frozen=True, slots=True)
class EngineStatus:
    queued_jobs: int
    queued_messages: int
    in_flight: int
    rate: float  # messages per second over the last few seconds
    sent_messages: int


class RateMeter:
    """Messages per second over a sliding window."""

    def __init__(self, window: float = 10.0) -> None:
        self.window = window
        self._times: collections.deque[float] = collections.deque()

    def tick(self, now: float) -> None:
        self._times.append(now)
        self._trim(now)

    def rate(self, now: float) -> float:
        self._trim(now)
        if len(self._times) < 2:
            return 0.0
        span = max(now - self._times[0], 1.0)
        return len(self._times) / span

    def _trim(self, now: float) -> None:
        while self._times and self._times[0] < now - self.window:
            self._times.popleft()


class PushEngine:
    """Start with :meth:`start` inside the running loop; feed it with :meth:`push`."""

    def __init__(
        self,
        bot: ExtBot[Any],
        archive: Archive,
        limiter: PushRateLimiter | None,
        render: Renderer,
        options: EngineOptions = EngineOptions(),
    ) -> None:
        self._bot = bot
        # Through the bot's own limiter when it has one; else the engine applies `limiter`.
        self._wrap = limiter is not None and bot.rate_limiter is None
        self._archive = archive
        self._limiter = limiter
        self._render = render
        self._options = options
        # Digests under way (their next part, a retry) go before digests not yet begun, so
        # a reader's parts arrive about a second apart even in a push to thousands.
        self._heap: list[tuple[float, int, _Job]] = []
        self._fresh: list[tuple[float, int, _Job]] = []
        self._seq = itertools.count()
        self._queued: set[tuple[str, str, str]] = set()
        # push/resume may run on an archive worker thread (a reply's /push now): the queues
        # are shared with the loop's dispatcher under this lock.
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        self._slots: asyncio.Semaphore | None = None
        self._runner: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._confirmed: list[tuple[_Job, bool]] = []
        self._flusher: asyncio.Task[None] | None = None
        self._digests: dict[tuple[str, tuple[str, ...], str], tuple[tuple[str, str | None], ...]]
        self._digests = {}
        self.meter = RateMeter()
        self.sent_messages = 0
        self.bot_username = ""

    # -- life cycle ----------------------------------------------------------------------
    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        self._slots = asyncio.Semaphore(self._options.concurrency)
        self._runner = asyncio.get_running_loop().create_task(self._dispatch())

    async def stop(self) -> None:
        """Stop sending; what is in flight stays pending in the ledger for the next start."""
        tasks = [t for t in (self._runner, *self._tasks) if t is not None]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._flusher is not None:
            with contextlib.suppress(Exception):
                await self._flusher
        await call(self._write, self._take_confirmed())
        self._runner = None

    async def idle(self) -> None:
        """Wait until every queued job is done (for tests and the CLI)."""
        while self._heap or self._fresh or self._tasks or self._confirmed or self._flushing():
            await asyncio.sleep(0.05)

    # -- feeding -------------------------------------------------------------------------
    def push(self, issue: Issue, recipients: Sequence[Subscriber]) -> int:
        """Plan this issue for these subscribers and queue whatever is pending; jobs queued."""
        key = issue_key(issue.newspaper, issue.date)
        self._archive.plan_deliveries(key, [(s.channel, s.chat_id) for s in recipients])
        return self.resume(issue)

    def resume(self, issue: Issue) -> int:
        """Queue every pending ledger row of this issue that is not queued yet."""
        key = issue_key(issue.newspaper, issue.date)
        rows = self._archive.pending_deliveries(key, limit=10_000_000)
        with self._lock:
            fresh = [r for r in rows if (key, r.channel, r.chat_id) not in self._queued]
        fresh = [r for r in fresh if r.channel == self._options.channel]
        if not fresh:
            return 0
        people = {(s.channel, s.chat_id): s for s in self._archive.subscribers(None)}
        queued = 0
        for row in fresh:
            sub = people.get((row.channel, row.chat_id))
            if sub is None or sub.state != "active":
                why = "unsubscribed" if sub is None else sub.state
                self._archive.mark_failed(key, row.channel, row.chat_id, why)
                continue
            job = _Job(key, row.channel, row.chat_id, self._parts(issue, sub), [*row.message_ids])
            if len(job.sent) >= len(job.parts):
                self._archive.mark_sent(key, row.channel, row.chat_id, job.sent)
                continue
            with self._lock:
                if (key, row.channel, row.chat_id) in self._queued:
                    continue
                self._queued.add((key, row.channel, row.chat_id))
            self._schedule(job, self._ready_at(job.chat_id))
            queued += 1
        return queued

    def _parts(self, issue: Issue, sub: Subscriber) -> tuple[tuple[str, str | None], ...]:
        key = (issue_key(issue.newspaper, issue.date), sub.sections, sub.language)
        parts = self._digests.get(key)
        if parts is None:
            options = DigestOptions(
                sections=sub.sections, language=sub.language, bot_username=self.bot_username
            )
            parts = self._render(issue, build_digest(issue, options), sub.language)
            self._digests[key] = parts
        return parts

    def render(
        self, issue: Issue, digest: Digest, language: str
    ) -> tuple[tuple[str, str | None], ...]:
        """The messages of a digest exactly as the push sends them."""
        return self._render(issue, digest, language)

    def forget_digests(self) -> None:
        """Drop rendered digests (after an issue was replaced or withdrawn from)."""
        self._digests.clear()

    # -- status --------------------------------------------------------------------------
    def status(self) -> EngineStatus:
        now = self._loop.time() if self._loop is not None else 0.0
        with self._lock:
            queued = [j for _, _, j in (*self._heap, *self._fresh)]
        messages = sum(len(j.parts) - len(j.sent) for j in queued)
        return EngineStatus(
            queued_jobs=len(queued),
            queued_messages=messages,
            in_flight=len(self._tasks),
            rate=self.meter.rate(now),
            sent_messages=self.sent_messages,
        )

    # -- dispatching ---------------------------------------------------------------------
    def _ready_at(self, chat_id: str) -> float:
        return self._limiter.ready_at(chat_id) if self._limiter else 0.0

    def _schedule(self, job: _Job, ready: float) -> None:
        begun = job.sent or job.attempts
        with self._lock:
            heapq.heappush(self._heap if begun else self._fresh, (ready, next(self._seq), job))
        if self._wake is None or self._loop is None:
            return
        try:
            on_loop = asyncio.get_running_loop() is self._loop
        except RuntimeError:
            on_loop = False
        if on_loop:
            self._wake.set()
        else:
            self._loop.call_soon_threadsafe(self._wake.set)

    async def _dispatch(self) -> None:
        assert self._wake is not None and self._slots is not None
        loop = asyncio.get_running_loop()
        while True:
            await self._slots.acquire()
            try:
                job = await self._next_ready(loop)
            except BaseException:
                self._slots.release()
                raise
            task = loop.create_task(self._send(job))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _next_ready(self, loop: asyncio.AbstractEventLoop) -> _Job:
        assert self._wake is not None
        while True:
            self._wake.clear()
            heads = [q for q in (self._heap, self._fresh) if q]
            if not heads:
                await self._wake.wait()
                continue
            now = loop.time()
            paused = self._limiter.backoff.paused_until if self._limiter is not None else now
            with self._lock:
                for queue in heads:
                    if max(queue[0][0], paused) <= now:
                        return heapq.heappop(queue)[2]
            wait = max(min(q[0][0] for q in heads), paused) - now
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), wait)

    async def _send(self, job: _Job) -> None:
        assert self._slots is not None
        try:
            await self._send_one(job)
        finally:
            self._slots.release()

    async def _send_one(self, job: _Job) -> None:
        text, markup = job.parts[len(job.sent)]
        extra: dict[str, Any] = {"reply_markup": markup} if markup else {}
        if self._options.paid_broadcast:
            extra["allow_paid_broadcast"] = True
        try:
            message_id = await self._deliver(int(job.chat_id), text, extra)
        except RetryAfter:
            job.attempts += 1
            self._schedule(job, self._ready_at(job.chat_id))
        except Forbidden as exc:
            await call(self._finish, job, "blocked", str(exc))
        except ChatMigrated as exc:
            await call(self._finish, job, "failed", f"chat moved to {exc.new_chat_id}")
        except BadRequest as exc:
            gone = any(g in str(exc).lower() for g in _GONE)
            await call(self._finish, job, "blocked" if gone else "failed", str(exc))
        except TelegramError as exc:
            if not is_transient(exc):
                await call(self._finish, job, "failed", str(exc))
                return
            job.attempts += 1
            _LOG.info("send to %s failed (%s); retrying", job.chat_id, exc)
            self._schedule(job, self._ready_at(job.chat_id))
        else:
            job.sent.append(message_id)
            done = len(job.sent) == len(job.parts)
            self._confirm(job, done)
            if not done:
                self._schedule(job, self._ready_at(job.chat_id))

    async def _deliver(self, chat_id: int, text: str, extra: dict[str, Any]) -> int:
        kwargs: dict[str, Any] = {
            "chat_id": chat_id,
            "text": text,
            "parse_mode": ParseMode.HTML,
            "disable_web_page_preview": True,
            "api_kwargs": extra,
        }
        if self._wrap:
            assert self._limiter is not None
            data = {"chat_id": chat_id, **extra}
            send: Any = self._bot.send_message
            message: Any = await self._limiter.process_request(
                send, (), kwargs, "sendMessage", data, PUSH
            )
        else:
            if self._bot.rate_limiter is not None:
                kwargs["rate_limit_args"] = PUSH
            message = await self._bot.send_message(**kwargs)
        return int(message.message_id)

    # -- the ledger ----------------------------------------------------------------------
    def _confirm(self, job: _Job, done: bool) -> None:
        now = asyncio.get_running_loop().time()
        self.meter.tick(now)
        self.sent_messages += 1
        self._confirmed.append((job, done))
        if done:
            with self._lock:
                self._queued.discard((job.issue_key, job.channel, job.chat_id))
        if not self._flushing():
            self._flusher = asyncio.get_running_loop().create_task(self._drain())

    def _flushing(self) -> bool:
        return self._flusher is not None and not self._flusher.done()

    async def _drain(self) -> None:
        # One writer at a time, in order: a later batch may hold the same digest further on.
        # Everything confirmed while a batch was being written goes into the next one.
        while self._confirmed:
            await call(self._write, self._take_confirmed())

    def _take_confirmed(self) -> list[tuple[_Job, bool]]:
        batch, self._confirmed = self._confirmed, []
        return batch

    def _write(self, batch: list[tuple[_Job, bool]]) -> None:
        if not batch:
            return
        done: dict[str, list[tuple[str, str, Sequence[int]]]] = {}
        partial: dict[str, list[tuple[str, str, Sequence[int]]]] = {}
        for job, complete in batch:
            row = (job.channel, job.chat_id, tuple(job.sent))
            (done if complete else partial).setdefault(job.issue_key, []).append(row)
        for key, rows in done.items():
            self._archive.mark_sent_many(key, rows)
        for key, rows in partial.items():
            self._archive.mark_progress_many(key, rows)

    def _finish(self, job: _Job, state: str, error: str) -> None:
        with self._lock:
            self._queued.discard((job.issue_key, job.channel, job.chat_id))
        if state == "blocked":
            self._archive.mark_blocked(job.issue_key, job.channel, job.chat_id, error)
            self._archive.set_subscriber_state(job.channel, job.chat_id, "blocked")
        else:
            _LOG.warning("digest for %s failed: %s", job.chat_id, error)
            self._archive.mark_failed(job.issue_key, job.channel, job.chat_id, error)
