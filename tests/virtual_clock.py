"""An event loop on a virtual clock: time jumps ahead whenever the loop would only wait.

The push's tests spend nearly all their time sleeping (a second per chat, evenly spaced
slots, retry_after). On this loop ``loop.time()`` is the real monotonic clock plus a skew;
when the loop has nothing to run and no socket is ready, the skew grows by exactly the wait
to the next timer instead of sleeping through it. Everything else stays real: the fake Bot
API serves real HTTP on the same loop (so a request in flight is a ready socket, never a
hidden wait), and the bot, its limiter and the server all read the same clock.

Work the loop cannot see (a thread of ``run_in_executor`` or ``to_thread``) stops the jumps
until it ends: the loop then waits in real time, as any loop would.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import selectors
from collections.abc import Callable
from typing import Any

# Before a jump the loop looks once more for ready sockets, this long in real time: bytes
# written on loopback are normally readable at once, but a loaded kernel may defer them.
SETTLE_S = 0.001
THREAD_POLL_S = 0.002  # while a thread works, how often the loop looks for its result


class _Selector(selectors.DefaultSelector):  # type: ignore[misc,valid-type]
    def __init__(self, loop: VirtualLoop) -> None:
        super().__init__()
        self._loop = loop

    def select(self, timeout: float | None = None) -> list[Any]:
        events: list[Any] = super().select(0)
        if events or timeout == 0:
            return events
        if timeout is None:
            return list(super().select(None))  # nothing scheduled: only I/O can wake us
        if self._loop.threads:
            # Someone works outside the loop: wait for real, never past the next timer.
            return list(super().select(min(timeout, THREAD_POLL_S)))
        events = super().select(SETTLE_S)
        if events:
            return list(events)
        self._loop.skew += max(timeout - SETTLE_S, 0.0)
        return []


class VirtualLoop(asyncio.SelectorEventLoop):
    """``asyncio.SelectorEventLoop`` whose idle waits take no real time."""

    def __init__(self) -> None:
        self.skew = 0.0
        self.threads = 0
        super().__init__(_Selector(self))

    def time(self) -> float:
        return super().time() + self.skew

    def run_in_executor(  # type: ignore[override]
        self, executor: concurrent.futures.Executor | None, func: Callable[..., Any], *args: Any
    ) -> asyncio.Future[Any]:
        self.threads += 1
        future = super().run_in_executor(executor, func, *args)

        def done(_: object) -> None:
            self.threads -= 1

        future.add_done_callback(done)
        return future


def is_virtual(loop: asyncio.AbstractEventLoop | None = None) -> bool:
    return isinstance(loop or asyncio.get_running_loop(), VirtualLoop)
