"""WeChat retries a callback it got no answer to three times: answer each message once.

A bounded store keeps each message's answer (by MsgId, events by FromUserName and
CreateTime) for a few minutes: a retry gets the same passive reply again, or "success"
when the answer went out as a customer-service message, and never runs the command twice.
"""

from __future__ import annotations

import asyncio
import collections
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.wechat.chat import Outgoing

KEEP_S = 300.0  # WeChat's three retries come within about 15 s
MAX_ENTRIES = 20_000


@dataclass(slots=True)
class Entry:
    task: asyncio.Task[Outgoing]
    at: float
    deferred: bool = False  # the passive reply was "success": the answer goes out later
    followed_up: bool = False  # the parts after the first were sent


@dataclass(slots=True)
class Seen:
    """The answers of recent messages, oldest dropped first (by age or count)."""

    keep_s: float = KEEP_S
    limit: int = MAX_ENTRIES
    clock: Callable[[], float] = time.monotonic
    _entries: collections.OrderedDict[str, Entry] = field(default_factory=collections.OrderedDict)

    def get(self, key: str) -> Entry | None:
        self._trim()
        return self._entries.get(key)

    def add(self, key: str, task: asyncio.Task[Outgoing]) -> Entry:
        entry = self._entries[key] = Entry(task, self.clock())
        self._trim()
        return entry

    def __len__(self) -> int:
        return len(self._entries)

    def _trim(self) -> None:
        now = self.clock()
        while self._entries:
            oldest = next(iter(self._entries.values()))
            if len(self._entries) <= self.limit and now - oldest.at <= self.keep_s:
                break
            self._entries.popitem(last=False)
