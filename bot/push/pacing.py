"""The clocks behind the rate limits: pure bookkeeping on monotonic times, no sleeping.

Times are ``loop.time()`` seconds. Every rule waits from the moment a response *arrived*,
which is never earlier than the moment Telegram saw the request, so a pause measured here is
at least as long as Telegram measures it.
"""

from __future__ import annotations

import collections
import math
from dataclasses import dataclass

PRIVATE_GAP_S = 1.0  # Telegram: about one message per second per private chat
GROUP_GAP_S = 3.0  # 20 messages per minute per group or channel
MARGIN_S = 0.05  # loopback and clock jitter between the server's stamps and ours
HIGH_RATE_HEADROOM = 0.94
CAP_SLACK_S = 0.03


def is_group(chat_id: object) -> bool:
    """Groups, supergroups and channels have negative ids or an ``@username``."""
    if isinstance(chat_id, str):
        try:
            return int(chat_id) < 0
        except ValueError:
            return True
    return isinstance(chat_id, int) and chat_id < 0


class Pacer:
    """Evenly spaced start times for an overall rate (a GCRA with a small burst).

    ``reserve`` hands out the next free start time; over any stretch of T seconds at most
    ``rate * T + burst`` starts are handed out. ``rate`` None means no limit.
    """

    def __init__(self, rate: float | None, burst: int = 1) -> None:
        self.rate = rate
        self.interval = 1.0 / rate if rate else 0.0
        self.tolerance = self.interval * max(burst - 1, 0)
        self._tat = -math.inf  # the theoretical arrival time of the next request

    def bump(self, now: float) -> None:
        """Account for a request that went out of turn (a reply): later slots move back."""
        if self.interval:
            self._tat = max(self._tat, now) + self.interval

    def delay(self, now: float) -> float:
        """How long a request reserving a slot now would wait for it."""
        if not self.interval:
            return 0.0
        return max(0.0, max(self._tat, now) - self.tolerance - now)

    def reserve(self, now: float) -> float:
        if not self.interval:
            return now
        tat = max(self._tat, now)
        start = max(now, tat - self.tolerance)
        self._tat = tat + self.interval
        return start


class WindowCap:
    """At most ``limit`` starts in any ``window`` seconds, counted on the real start times.

    The pacer spaces start times on paper; a busy loop may wake several late senders at
    once, and those bunch up. This cap counts what actually went out.
    """

    def __init__(self, limit: int | None, window: float = 1.0) -> None:
        self.limit = limit
        self.window = window
        self._starts: collections.deque[float] = collections.deque()

    def wait(self, now: float) -> float:
        """Seconds to wait before another start is allowed (0: go)."""
        if self.limit is None:
            return 0.0
        while self._starts and self._starts[0] <= now - self.window:
            self._starts.popleft()
        if len(self._starts) < self.limit:
            return 0.0
        return self._starts[0] + self.window - now

    def note(self, now: float) -> None:
        if self.limit is not None:
            self._starts.append(now)


def cap_for(rate: float | None) -> WindowCap:
    """The hard cap beside the pacer: the rate itself, a little under it at high rates."""
    if not rate:
        return WindowCap(None)
    # Counted over a little more than a second, so that a server whose clock bunches our
    # requests by up to CAP_SLACK_S still sees at most the limit in any one second.
    limit = rate if rate < 100 else rate * 0.97
    return WindowCap(max(1, int(limit)), window=1.0 + CAP_SLACK_S)


def pacer_for(rate: float | None) -> Pacer:
    """A pacer at the cap's own long-run rate (``rate`` starts per 1.03 s below 100 msg/s).

    Slots are absolute times reserved ahead by the waiting senders, so a late wake-up costs
    nothing: the sender goes at once and the next keeps its own slot. A slot is lost only
    when no sender waits for it (see ``bot.push.engine.concurrency_for``). No burst: credit
    saved while idle would come out as a bunch that the cap then repeats every second.
    """
    if not rate:
        return Pacer(None)
    if rate >= 100:
        # At high rates the server's clock and ours drift by more requests: keep more room.
        target = rate * HIGH_RATE_HEADROOM
        return Pacer(target, burst=max(1, int(target // 100)))
    # A hair under the cap's rate, so float rounding never makes the cap hold a start.
    return Pacer(rate / (1.0 + CAP_SLACK_S) * 0.999)


@dataclass(slots=True)
class _Chat:
    last_any: float = -math.inf  # when the last answer for this chat arrived
    last_push: float = -math.inf
    hold_until: float = -math.inf  # retry_after
    busy_push: int = 0  # requests in flight
    busy_other: int = 0


class ChatClock:
    """Per-chat spacing.

    A digest message waits for the chat's gap after *any* earlier send and for any
    ``retry_after``; a reply to the reader waits only for digest messages (so a /today reply
    is not delayed by the bot's own earlier reply, but never lands right on a digest part).
    """

    def __init__(self, private_gap: float = PRIVATE_GAP_S, group_gap: float = GROUP_GAP_S):
        self.private_gap = private_gap
        self.group_gap = group_gap
        self._chats: dict[object, _Chat] = {}

    def _gap(self, chat_id: object) -> float:
        return (self.group_gap if is_group(chat_id) else self.private_gap) + MARGIN_S

    def ready_at(self, chat_id: object, push: bool) -> float:
        """When a send to this chat may start; inf while a conflicting send is in flight."""
        chat = self._chats.get(chat_id)
        if chat is None:
            return -math.inf
        if chat.busy_push or (push and chat.busy_other):
            return math.inf
        last = chat.last_any if push else chat.last_push
        return max(last + self._gap(chat_id), chat.hold_until)

    def begin(self, chat_id: object, push: bool) -> None:
        chat = self._chats.setdefault(chat_id, _Chat())
        if push:
            chat.busy_push += 1
        else:
            chat.busy_other += 1

    def end(self, chat_id: object, push: bool, now: float) -> None:
        chat = self._chats.setdefault(chat_id, _Chat())
        if push:
            chat.busy_push = max(chat.busy_push - 1, 0)
            chat.last_push = now
        else:
            chat.busy_other = max(chat.busy_other - 1, 0)
        chat.last_any = now

    def hold(self, chat_id: object, until: float) -> None:
        """No send to this chat before ``until`` (a 429's retry_after)."""
        chat = self._chats.setdefault(chat_id, _Chat())
        chat.hold_until = max(chat.hold_until, until)

    def prune(self, now: float) -> None:
        """Forget idle chats whose every wait has run out."""
        if len(self._chats) < 4096:
            return
        horizon = now - self.group_gap - MARGIN_S
        for key in [
            k
            for k, c in self._chats.items()
            if not (c.busy_push or c.busy_other) and c.last_any < horizon and c.hold_until < now
        ]:
            del self._chats[key]


class Backoff:
    """The whole bot's pause after network errors and 5xx: 0.5 s, 1 s, 2 s … up to ``cap``.

    Errors that arrive while a pause runs belong to requests sent before it and do not
    lengthen it; a success ends the series.
    """

    def __init__(self, base: float = 0.5, cap: float = 8.0) -> None:
        self.base = base
        self.cap = cap
        self.delay = base
        self.paused_until = -math.inf
        self.failures = 0

    def failure(self, now: float) -> None:
        if now < self.paused_until:
            return
        self.failures += 1
        self.paused_until = now + self.delay
        self.delay = min(self.delay * 2, self.cap)

    def success(self) -> None:
        self.delay = self.base
        self.failures = 0


class FloodWatch:
    """Tells a bot-wide flood from one chat's: most recent answers being 429s.

    A 429 normally concerns one chat and holds only that chat. When more than half of the
    answers of the last second (at least ``min_count``) are 429s, the limit hit is the
    bot's own, and everything pauses for the retry_after.
    """

    def __init__(self, window: float = 1.0, min_count: int = 10) -> None:
        self.window = window
        self.min_count = min_count
        self._seen: collections.deque[tuple[float, bool]] = collections.deque()
        self._floods = 0

    def note(self, now: float, flooded: bool) -> bool:
        """Record an answer; True when the bot as a whole is being throttled."""
        self._seen.append((now, flooded))
        self._floods += flooded
        while self._seen and self._seen[0][0] < now - self.window:
            _, old = self._seen.popleft()
            self._floods -= old
        return len(self._seen) >= self.min_count and self._floods * 2 > len(self._seen)
