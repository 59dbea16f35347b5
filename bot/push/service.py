"""The push inside ``serve``: lease, schedule, catch-up, push requests and status.

One object per running Application, kept in ``application.bot_data``. All its periodic work
runs as PTB JobQueue jobs (never a scheduler of its own): the lease heartbeat, a watch that
takes push requests and notices newly posted issues, and one daily job per push time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import socket
import uuid
from collections.abc import Callable
from typing import Any

from telegram.ext import Application, ContextTypes, Job

from bot.i18n import Messages
from bot.push.engine import TELEGRAM, EngineOptions, PushEngine, concurrency_for
from bot.push.limiter import PushRateLimiter
from bot.push.render import telegram_parts
from bot.push.schedule import due_subscribers, job_name, parse_time, zone
from bot.push.status import (  # noqa: F401  (re-exported: the push's public names)
    LEASE_TTL_S,
    PushStatus,
    lease_name,
    lease_refusal,
    ledger_status,
    serve_alive,
)
from bot.services import Services
from digests.archive.base import DeliveryCounts, IssueInfo
from digests.archive.front import call
from digests.digest import issue_key
from digests.errors import LeaseHeldError
from digests.model import Issue, Subscriber

HEARTBEAT_S = 5.0
WATCH_S = 2.0
RECONCILE_EVERY = 10  # watches between two reconciliations of the daily jobs
_LOG = logging.getLogger(__name__)


class PushService:
    def __init__(self, application: Application[Any, Any, Any, Any, Any, Any], services: Services):
        self.application = application
        self.services = services
        settings = services.settings
        self.window = dt.timedelta(hours=settings.catchup_window_hours)
        self.lease = lease_name(settings.telegram_token)
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        limiter = application.bot.rate_limiter
        self.limiter = limiter if isinstance(limiter, PushRateLimiter) else None
        if self.limiter is None:
            _LOG.warning("the bot has no PushRateLimiter: pushes are not paced")
        rate = settings.push_rate
        texts = _texts(settings)
        self.engine = PushEngine(
            application.bot,
            services.archive,
            self.limiter,
            lambda issue, digest, language: telegram_parts(issue, digest, language, texts),
            EngineOptions(
                paid_broadcast=settings.paid_broadcast,
                concurrency=concurrency_for(rate),
            ),
        )
        self.now: Callable[[], dt.datetime] = _utcnow  # replaceable in tests
        self._seen: tuple[str, dt.datetime | None] | None = None
        self._watches = 0
        self._jobs: list[Job[Any]] = []

    # -- life cycle ----------------------------------------------------------------------
    async def start(self) -> None:
        # Archive work runs on its worker threads (digests.archive.front), never on the loop.
        archive = self.services.archive
        if not await call(archive.acquire_lease, self.lease, self.holder, LEASE_TTL_S):
            info = await call(archive.lease, self.lease)
            raise LeaseHeldError(lease_refusal(self.lease, info))
        # No t.me links: /today (bot.handlers.telegram) renders titles with their /a_<id>
        # commands, and a pushed digest must read the same.
        self.engine.bot_username = ""
        self.engine.start()
        queue = self.application.job_queue
        if queue is None:
            raise RuntimeError("PTB was installed without its job-queue extra")
        self._jobs = [
            queue.run_repeating(self._heartbeat, HEARTBEAT_S, first=HEARTBEAT_S, name="lease"),
            queue.run_repeating(self._watch, WATCH_S, first=0.1, name="push-watch"),
        ]
        await call(self.catch_up)
        self.reconcile(await call(self._subscribers))

    async def stop(self) -> None:
        queue = self.application.job_queue
        if queue is not None and queue.scheduler.running:
            for job in self._jobs:
                with contextlib.suppress(LookupError):
                    job.schedule_removal()
        self._jobs = []
        await self.engine.stop()
        await call(self.services.archive.release_lease, self.lease, self.holder)

    async def _heartbeat(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        if await call(self.services.archive.acquire_lease, self.lease, self.holder, LEASE_TTL_S):
            return
        _LOG.error("lost the serve lease %s to another process; stopping", self.lease)
        await self.engine.stop()
        self.application.stop_running()

    # -- what to push --------------------------------------------------------------------
    def latest(self) -> tuple[Issue, IssueInfo] | None:
        infos = self.services.archive.list_issues(1)
        if not infos:
            return None
        issue = self.services.archive.get_issue(infos[0].date, infos[0].newspaper)
        return (issue, infos[0]) if issue else None

    def _subscribers(self) -> list[Subscriber]:
        return [s for s in self.services.archive.subscribers("active") if s.channel == TELEGRAM]

    def _everyone(self) -> list[Subscriber]:
        """Who a push now is for: Telegram's subscribers, and WeChat's when this serve runs
        that channel too. Their ledger rows are planned here; the WeChat channel's round
        (every few seconds) sends the pending rows of the latest issue, as it does for
        digests that fell due, and this engine sends only Telegram's."""
        channels = {TELEGRAM}
        if self.services.settings.wechat.enabled:
            from bot.wechat.chat import CHANNEL

            channels.add(CHANNEL)
        return [s for s in self.services.archive.subscribers("active") if s.channel in channels]

    def _posted(self, info: IssueInfo) -> dt.datetime:
        if info.stored_at is not None:
            stamp = info.stored_at
            return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)
        tz = zone(self.services.settings.timezone)
        return dt.datetime.combine(info.date, dt.time(0), tzinfo=tz)

    def deliver_due(self, only: tuple[str, str] | None = None) -> int:
        """Queue the latest issue for every subscriber whose digest is due now."""
        latest = self.latest()
        if latest is None:
            return 0
        issue, info = latest
        subs = self._subscribers()
        if only is not None:
            subs = [s for s in subs if (s.push_time, s.timezone) == only]
        due = due_subscribers(
            subs,
            self._posted(info),
            self.now(),
            self.window,
            self.services.settings.timezone,
        )
        return self.engine.push(issue, due) if due else 0

    def push_now(self, key: str | None = None) -> tuple[str, DeliveryCounts] | None:
        """Push an issue (the latest by default) to every active subscriber now."""
        if key is None:
            latest = self.latest()
            issue = latest[0] if latest else None
        else:
            newspaper, _, day = key.rpartition("/")
            try:
                issue = self.services.archive.get_issue(dt.date.fromisoformat(day), newspaper)
            except ValueError:
                issue = None
        if issue is None:
            return None
        self.engine.push(issue, self._everyone())
        key = issue_key(issue.newspaper, issue.date)
        return key, self.services.archive.delivery_counts(key)

    def catch_up(self) -> None:
        """On start: resume pending rows of the latest issue and send what fell due."""
        latest = self.latest()
        if latest is None:
            return
        self.engine.resume(latest[0])
        self._seen = (issue_key(latest[1].newspaper, latest[1].date), latest[1].stored_at)
        queued = self.deliver_due()
        if queued:
            _LOG.info("catching up: %d digests queued", queued)

    # -- periodic work -------------------------------------------------------------------
    async def _watch(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        await call(self.watch)
        self._watches += 1
        if self._watches % RECONCILE_EVERY == 0:
            self.reconcile(await call(self._subscribers))

    def watch(self) -> None:
        """Take push requests; push a newly posted issue to whoever is due (a worker's job)."""
        archive = self.services.archive
        while (key := archive.take_push_request()) is not None:
            if self.push_now(key) is None:
                _LOG.warning("push request for %s: no such issue", key)
        infos = archive.list_issues(1)
        if infos:
            seen = (issue_key(infos[0].newspaper, infos[0].date), infos[0].stored_at)
            if seen != self._seen:
                # A new issue was posted (or the latest replaced): send it to whoever is due.
                self._seen = seen
                self.engine.forget_digests()
                self.deliver_due()

    def reconcile(self, subscribers: list[Subscriber] | None = None) -> None:
        """One daily job per distinct (push time, time zone) of the active subscribers
        (read from the archive unless given)."""
        queue = self.application.job_queue
        if queue is None:
            return
        people = self._subscribers() if subscribers is None else subscribers
        wanted = {(s.push_time, s.timezone) for s in people}
        have = {
            job.name: job
            for job in queue.jobs()
            if job.name and job.name.startswith("paperboy-push ")
        }
        names = {job_name(t, tz): (t, tz) for t, tz in wanted}
        for name, job in have.items():
            if name not in names:
                job.schedule_removal()
        grace = max(int(self.window.total_seconds()), 60)
        default_tz = self.services.settings.timezone
        for name, (push_time, tz) in names.items():
            clock = parse_time(push_time)
            if name in have or clock is None:
                continue
            queue.run_daily(
                self._daily,
                clock.replace(tzinfo=zone(tz, default_tz)),
                name=name,
                data=(push_time, tz),
                job_kwargs={"misfire_grace_time": grace, "coalesce": True},
            )

    async def _daily(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        job = context.job
        if job is None or not isinstance(job.data, tuple):
            return
        queued = await call(self.deliver_due, job.data)
        _LOG.info("push time %s %s: %d digests queued", *job.data, queued)

    # -- status --------------------------------------------------------------------------
    def status(self) -> PushStatus | None:
        latest = self.latest()
        if latest is None:
            return None
        key = issue_key(latest[1].newspaper, latest[1].date)
        engine = self.engine.status()
        return PushStatus(
            issue_key=key,
            counts=self.services.archive.delivery_counts(key),
            rate=engine.rate,
            remaining_messages=engine.queued_messages + engine.in_flight,
            in_flight=engine.in_flight,
        )


def _texts(settings: Any) -> Messages:
    """The bot's texts: the digest's words and the buttons' labels."""
    return Messages.load(settings.config_dir)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
