"""PTB's rate limiter for Paperboy: overall rate, per-chat pacing, per-chat 429, outages.

PTB's own ``AIORateLimiter`` pauses *every* chat when one answers 429 and retries without
regard to the chat's pace. This one holds only the chat that got the 429 (for its full
``retry_after``, measured from the answer's arrival), keeps the others going at the overall
pace, and pauses everything only when the bot as a whole is throttled or Telegram is
unreachable (network errors and 5xx: exponential back-off).

Digest messages pass ``rate_limit_args=PUSH``: they are never retried here (the push engine
re-queues them, so a chat waiting out a 429 does not occupy a sender), take evenly spaced
slots of the overall rate and wait for the chat's gap after any earlier message. Other
messages (replies to commands) go ahead of queued digest messages (which give a slot back),
are retried once after a 429 and wait only for digest messages to their chat, so a reply is
delayed neither by a push in progress nor by the bot's own earlier reply. A hard count of
the starts in the last second bounds both.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import math
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import BaseRateLimiter

from bot.push.pacing import (
    MARGIN_S,
    Backoff,
    ChatClock,
    FloodWatch,
    Pacer,
    cap_for,
    pacer_for,
)

PUSH = "push"
# For a reply's second and later messages: paced a second apart in their chat like the
# parts of a digest, but still a reply (its own queue, retried once after a 429).
PACED = "paced"
REPLY_BURST = 10
PAID_OVERFLOW_S = 0.0  # with paid broadcast on, a reply that would wait for the free rate is paid
_POLL_S = 0.05  # how often a send waiting on a chat with a request in flight looks again

_LOG = logging.getLogger(__name__)

Result = bool | dict[str, Any] | list[dict[str, Any]]


def retry_after_seconds(exc: RetryAfter) -> float:
    # The timedelta PTB keeps; its public `retry_after` warns about a coming type change.
    value = getattr(exc, "_retry_after", None)
    if not isinstance(value, dt.timedelta):
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


def is_transient(exc: BaseException) -> bool:
    """Network errors, timeouts and 5xx: worth trying again after a pause."""
    return isinstance(exc, NetworkError) and not isinstance(exc, BadRequest)


class _Pace:
    """One overall rate: evenly spaced slots for digests and for replies, and a hard cap."""

    def __init__(self, rate: float | None) -> None:
        self.digests = pacer_for(rate)
        # Replies may come ten at once (readers typing at the same moment); the cap below
        # still bounds every second.
        burst = max(1, min(REPLY_BURST, int(rate or 1)))
        self.replies = Pacer(self.digests.rate, burst=burst) if rate else Pacer(None)
        self.cap = cap_for(rate)


class PushRateLimiter(BaseRateLimiter[str]):
    """Install with ``ApplicationBuilder().rate_limiter(PushRateLimiter(rate, paid_rate))``.

    ``rate``: messages per second overall (None: unlimited). ``paid_rate``: the pace for
    requests sent with ``allow_paid_broadcast`` (None: those share ``rate``).
    """

    def __init__(self, rate: float | None, paid_rate: float | None = None) -> None:
        self.clock = ChatClock()
        self.backoff = Backoff()
        self.flood = FloodWatch()
        self._free = _Pace(rate)
        self._paid = _Pace(paid_rate) if paid_rate else None
        self.rate = paid_rate or rate
        self.answers = 0
        self.floods = 0
        self.outages = 0

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: str | None,
    ) -> Result:
        chat_id = data.get("chat_id")
        if chat_id is None:
            return await callback(*args, **kwargs)
        key = str(chat_id)
        push = rate_limit_args == PUSH
        paced = push or rate_limit_args == PACED
        loop = asyncio.get_running_loop()
        if self._paid and not push and self._free.replies.delay(loop.time()) > PAID_OVERFLOW_S:
            # The operator pays for speed: replies that would queue behind the free
            # 30 msg/s go out as paid broadcasts instead of keeping readers waiting.
            data["allow_paid_broadcast"] = True
        pace = self._paid if self._paid and data.get("allow_paid_broadcast") else self._free
        retries = 0 if push else 1
        while True:
            await self._wait_turn(loop, key, push, paced, pace)
            self.clock.begin(key, paced)
            try:
                result = await callback(*args, **kwargs)
            except RetryAfter as exc:
                self._flooded(loop.time(), key, retry_after_seconds(exc))
                if retries <= 0:
                    raise
                retries -= 1
                continue
            except Exception as exc:
                if is_transient(exc):
                    self.outages += 1
                    self.backoff.failure(loop.time())
                else:
                    self._answered(loop.time())
                raise
            finally:
                self.clock.end(key, paced, loop.time())
            self.backoff.success()
            self._answered(loop.time())
            return result

    async def wait_until_clear(self, chat_id: object) -> None:
        """Wait out the bot-wide pause and this chat's digest pace (for the push engine)."""
        loop = asyncio.get_running_loop()
        while True:
            ready = self.ready_at(chat_id)
            now = loop.time()
            if ready <= now:
                return
            await asyncio.sleep(_POLL_S if math.isinf(ready) else ready - now)

    def ready_at(self, chat_id: object) -> float:
        """When a digest message to this chat may start, bot-wide pauses included."""
        return max(self.backoff.paused_until, self.clock.ready_at(str(chat_id), True))

    async def _wait_turn(
        self,
        loop: asyncio.AbstractEventLoop,
        key: str,
        push: bool,
        paced: bool,
        pace: _Pace,
    ) -> None:
        # A reply takes a slot of its own queue (short, so it jumps the digests waiting
        # for theirs) and the digests give one slot back; both stay evenly spaced.
        pacer = pace.digests if push else pace.replies
        slot = False
        while True:
            now = loop.time()
            ready = max(self.backoff.paused_until, self.clock.ready_at(key, paced))
            if ready > now:
                await asyncio.sleep(_POLL_S if math.isinf(ready) else ready - now)
                slot = False  # a pause or another send to this chat began: queue again
                continue
            if not slot:
                slot = True
                start = pacer.reserve(now)
                if start > now:
                    await asyncio.sleep(start - now)
                    continue
            over = pace.cap.wait(now)
            if over > 0:
                await asyncio.sleep(over)
                continue
            pace.cap.note(now)
            if not push:
                pace.digests.bump(now)
            return

    def _answered(self, now: float) -> None:
        self.answers += 1
        self.flood.note(now, False)
        if self.answers % 4096 == 0:
            self.clock.prune(now)

    def _flooded(self, now: float, key: str, seconds: float) -> None:
        self.answers += 1
        self.floods += 1
        until = now + seconds + MARGIN_S
        self.clock.hold(key, until)
        if self.flood.note(now, True):
            # Most recent answers are 429s: the bot itself is over the limit.
            _LOG.warning("Telegram is throttling the whole bot; pausing %.1f s", seconds)
            self.backoff.paused_until = max(self.backoff.paused_until, until)
