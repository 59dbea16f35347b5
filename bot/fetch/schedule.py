"""The scheduled fetch: each configured paper at its ``fetch_at``, retried every
``fetch_retry_every`` until ``fetch_until`` while it fails, as PTB JobQueue jobs (APScheduler
3, never a scheduler of its own). Every fault gets one line to the editors, naming the
next try; a fetched issue gets the preview an upload gets.

The clock and the work are injected, so a test drives the real jobs on a virtual clock.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.fetch.plans import FetchPlan
from digests.errors import ArchiveError, ConfigError, PaperboyError
from digests.notes import Note, note

if TYPE_CHECKING:
    # The fetch itself (e-paper parsers, the splitter, the summariser) loads when it runs.
    from bot.fetch.service import FetchResult

log = logging.getLogger(__name__)
JOB_PREFIX = "paperboy-fetch "
CATCH_UP_DELAY = dt.timedelta(seconds=5)  # after start-up, not in the middle of it

INTERNAL = note("fetch.internal")  # a fault with no message code of its own

Run = Callable[[FetchPlan, dt.date], Awaitable["FetchResult"]]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one try came to, for the editors: a result, or a fault and the next try.

    ``fault`` is the English line the log and the audit keep; ``reason`` is the same for
    the editors, said in each one's language."""

    plan: FetchPlan
    day: dt.date
    result: FetchResult | None = None
    fault: str = ""
    next_try: dt.datetime | None = None
    reason: Note = INTERNAL


Tell = Callable[[Any, Outcome], Awaitable[None]]


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class FetchSchedule:
    """One daily job per paper; a failed try books the next one with ``run_once``."""

    def __init__(
        self,
        queue: Any,
        run: Run,
        tell: Tell,
        timezone: str,
        now: Callable[[], dt.datetime] = _utcnow,
    ) -> None:
        from bot.push.schedule import zone

        self.queue = queue
        self.run = run
        self.tell = tell
        self.tz = zone(timezone)
        self.now = now

    def today(self) -> dt.date:
        return self.now().astimezone(self.tz).date()

    def install(self, plans: tuple[FetchPlan, ...], stored: Collection[str] = ()) -> None:
        """A daily job per plan; a plan inside its window now whose paper is not among
        those with today's issue ``stored`` (a restart at 06:10) gets a try right away,
        as the push catches up."""
        for plan in plans:
            if plan.newspaper not in stored:
                self._catch_up(plan)
            window = dt.datetime.combine(dt.date.min, plan.until) - dt.datetime.combine(
                dt.date.min, plan.at
            )
            self.queue.run_daily(
                self._daily,
                plan.at.replace(tzinfo=self.tz),
                name=JOB_PREFIX + plan.newspaper,
                data=plan,
                # A process that was down at fetch_at still fetches when it comes back.
                job_kwargs={
                    "misfire_grace_time": max(int(window.total_seconds()), 60),
                    "coalesce": True,
                },
            )

    def _catch_up(self, plan: FetchPlan) -> None:
        local = self.now().astimezone(self.tz)
        if not plan.at <= local.time().replace(tzinfo=None) <= plan.until:
            return
        self.queue.run_once(
            self._retry,
            self.now() + CATCH_UP_DELAY,
            name=f"{JOB_PREFIX}{plan.newspaper} catch-up",
            data=(plan, local.date()),
        )

    def next_try(self, plan: FetchPlan, day: dt.date) -> dt.datetime | None:
        """Now plus the retry interval, when that is still before the paper's fetch_until."""
        at = self.now() + plan.retry_every
        last = dt.datetime.combine(day, plan.until, tzinfo=self.tz)
        return at if at <= last else None

    async def _daily(self, context: Any) -> None:
        plan: FetchPlan = context.job.data
        await self.attempt(context, plan, self.today())

    async def _retry(self, context: Any) -> None:
        plan, day = context.job.data
        await self.attempt(context, plan, day)

    async def attempt(self, context: Any, plan: FetchPlan, day: dt.date) -> Outcome:
        """One try; a fault books the next one (if there is time left today)."""
        try:
            outcome = Outcome(plan, day, result=await self.run(plan, day))
        except PaperboyError as e:
            outcome = self._fault(plan, day, str(e), e.note or _unnamed(e))
        except Exception as e:  # a bug must not end the day's tries: log it, retry
            log.exception("scheduled fetch of %s failed", plan.newspaper)
            fault = f"internal error: {type(e).__name__}: {e}"
            outcome = self._fault(plan, day, fault, INTERNAL)
        await self.tell(context, outcome)
        return outcome

    def _fault(self, plan: FetchPlan, day: dt.date, fault: str, reason: Note) -> Outcome:
        nxt = self.next_try(plan, day)
        if nxt is not None:
            self.queue.run_once(
                self._retry, nxt, name=f"{JOB_PREFIX}{plan.newspaper} retry", data=(plan, day)
            )
        log.warning("fetch of %s %s failed: %s", plan.newspaper, day, fault)
        first = fault.splitlines()[0] if fault else "?"
        return Outcome(plan, day, fault=first, next_try=nxt, reason=reason)


def _unnamed(e: PaperboyError) -> Note:
    """An error with no message code: a setting or the archive, whose English line the
    log keeps for the operator; the editors learn where to look."""
    if isinstance(e, ConfigError):
        return note("fetch.config")
    if isinstance(e, ArchiveError):
        return note("fetch.archive")
    return INTERNAL
