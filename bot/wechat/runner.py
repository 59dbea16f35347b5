"""The WeChat channel inside ``paperboy serve``: beside Telegram, or on its own.

It opens its own Services (the same archive) and Responder (the same texts and sections),
runs the callback server and, every :data:`TICK_S`, renews its lease and sends the digests
that fell due. Beside Telegram the tick is a job on the Application's JobQueue; alone it is
the one job of an APScheduler AsyncIOScheduler (the scheduler PTB's JobQueue is made of):
one scheduler per process either way.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import socket
import uuid
from collections.abc import AsyncIterator
from typing import Any

from bot.settings import Settings
from digests.errors import LeaseHeldError, PaperboyError

TICK_S = 10.0
LEASE_TTL_S = 30.0
_LOG = logging.getLogger(__name__)


class WeChatChannel:
    """Everything the channel runs, opened by :meth:`open` and closed by :meth:`close`."""

    def __init__(
        self, settings: Settings, *, take_push_requests: bool = False, runtime: Any = None
    ) -> None:
        from bot.demo import load_demo_if_empty
        from bot.services import Services
        from bot.wechat.api import WeChatApi
        from bot.wechat.chat import WeChatChat
        from bot.wechat.delivery import Presence, WeChatDelivery
        from bot.wechat.server import WeChatServer

        wechat = settings.wechat
        self.settings = settings
        self.take_push_requests = take_push_requests
        # Beside Telegram, serve's one runtime (its archive, segmenter and Responder).
        self.owns_services = runtime is None
        self.services = runtime if runtime is not None else Services.open(settings)
        try:
            load_demo_if_empty(self.services)
            texts = self.services.texts
            self.responder = self.services.responder()
            if self.owns_services:  # beside Telegram, its warm-up after its first answer
                self.services.warm_up()  # the index and segmenter, before a reader
        except BaseException:
            if self.owns_services:
                self.services.close()
            raise
        self.api = WeChatApi(wechat)
        self.presence = Presence()
        self.chat = WeChatChat(self.responder, wechat.link_base)
        self.server = WeChatServer(wechat, self.chat, self.api, on_follower=self.presence.saw)
        self.delivery = WeChatDelivery(self.services, self.api, texts, self.presence)
        self.lease = f"serve:wechat:{wechat.appid}"
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

    async def start(self) -> None:
        archive = self.services.archive
        if not archive.acquire_lease(self.lease, self.holder, LEASE_TTL_S):
            info = archive.lease(self.lease)
            who = f"pid {info.pid} on {info.host}" if info else "another process"
            raise LeaseHeldError(f"another paperboy serve ({who}) runs this WeChat account")
        try:
            await self.server.start()
        except OSError as e:
            archive.release_lease(self.lease, self.holder)
            raise PaperboyError(
                f"cannot listen on PAPERBOY_WECHAT_LISTEN={self.settings.wechat.listen}: "
                f"{e.strerror or e}"
            ) from None

    async def tick(self) -> None:
        """Renew the lease, take push requests (when alone) and send what fell due."""
        archive = self.services.archive
        if not archive.acquire_lease(self.lease, self.holder, LEASE_TTL_S):
            _LOG.error("lost the WeChat lease %s to another process", self.lease)
            return
        try:
            if self.take_push_requests:
                while (key := archive.take_push_request()) is not None:
                    newspaper, _, day = key.rpartition("/")
                    issue = archive.get_issue(dt.date.fromisoformat(day), newspaper)
                    if issue is not None:
                        await self.delivery.push(issue, self.delivery.subscribers())
            report = await self.delivery.deliver_due()
            if report.custom or report.mass or report.failed:
                _LOG.info("WeChat digests: %s", report)
        except Exception:
            _LOG.exception("WeChat delivery round failed")  # the next tick tries again

    async def close(self) -> None:
        try:
            await self.server.stop()
            await self.api.aclose()
            self.services.archive.release_lease(self.lease, self.holder)
        finally:
            if self.owns_services:
                self.services.close()


@contextlib.asynccontextmanager
async def wechat_beside(
    settings: Settings, app: Any, runtime: Any = None
) -> AsyncIterator[WeChatChannel | None]:
    """Run the channel while the Telegram Application runs (nothing when not configured),
    on the Telegram channel's runtime when given."""
    if not settings.wechat.enabled:
        yield None
        return
    channel = await asyncio.to_thread(WeChatChannel, settings, runtime=runtime)
    job = None
    try:
        await channel.start()
        if app.job_queue is not None:

            async def tick(context: object) -> None:
                await channel.tick()

            job = app.job_queue.run_repeating(tick, TICK_S, first=1.0, name="wechat-delivery")
        yield channel
    finally:
        if job is not None:
            with contextlib.suppress(Exception):  # the JobQueue may have shut down first
                job.schedule_removal()
        await channel.close()


async def run_wechat(settings: Settings, stop: asyncio.Event) -> None:
    """The channel alone, until ``stop`` is set."""
    from apscheduler.schedulers.asyncio import AsyncIOScheduler  # type: ignore[import-untyped]

    channel = await asyncio.to_thread(WeChatChannel, settings, take_push_requests=True)
    scheduler = AsyncIOScheduler(timezone=dt.UTC)
    try:
        await channel.start()
        scheduler.add_job(
            channel.tick,
            "interval",
            seconds=TICK_S,
            next_run_time=dt.datetime.now(dt.UTC),
            coalesce=True,
            max_instances=1,
            misfire_grace_time=int(TICK_S * 6),
        )
        scheduler.start()
        await stop.wait()
    finally:
        if scheduler.running:
            scheduler.shutdown(wait=False)
        await channel.close()
