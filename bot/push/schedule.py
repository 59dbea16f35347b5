"""When a digest is due, and the JobQueue jobs that deliver it.

A subscriber's digest of the latest issue is due

* at once, when the issue was posted less than the window after their push time that day
  (their time had passed when it came; an evening posting waits for the next morning);
* otherwise at the first push time after the posting, or a later one while the issue is
  at most a day and a window old (a new subscriber gets the paper at their first time).

A due digest is sent while it is at most the window late: that is the catch-up after a
restart. The ledger makes each send happen once, whoever asks.

The schedule is PTB's JobQueue (APScheduler 3): one daily job per distinct (push time, time
zone), with a misfire grace of the whole window and coalescing, so a busy or sleeping loop
delivers late instead of silently skipping the day.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from digests.model import Subscriber

DAY = dt.timedelta(days=1)
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def parse_time(push_time: str) -> dt.time | None:
    m = _TIME.match(push_time.strip())
    return dt.time(int(m.group(1)), int(m.group(2))) if m else None


def zone(name: str, fallback: str = "Asia/Shanghai") -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(fallback)


def last_occurrence(at: dt.datetime, clock: dt.time, tz: ZoneInfo) -> dt.datetime:
    """The latest moment not after ``at`` when the clock in ``tz`` shows ``clock``."""
    local = at.astimezone(tz)
    moment = dt.datetime.combine(local.date(), clock, tzinfo=tz)
    if moment > at:
        moment = dt.datetime.combine(local.date() - DAY, clock, tzinfo=tz)
    return moment


def is_due(
    push_time: str,
    tz: ZoneInfo,
    posted: dt.datetime,
    now: dt.datetime,
    window: dt.timedelta,
) -> bool:
    """Whether the digest of an issue posted at ``posted`` should go out now (see above)."""
    clock = parse_time(push_time)
    if clock is None or posted > now:
        return False
    before = last_occurrence(posted, clock, tz)
    if posted - before <= window and now - posted <= window:
        return True  # posted late for today's time: at once
    recent = last_occurrence(now, clock, tz)
    return posted <= recent and now - recent <= window and recent - posted <= DAY + window


def due_subscribers(
    subscribers: list[Subscriber],
    posted: dt.datetime,
    now: dt.datetime,
    window: dt.timedelta,
    default_tz: str,
) -> list[Subscriber]:
    return [
        s
        for s in subscribers
        if is_due(s.push_time, zone(s.timezone, default_tz), posted, now, window)
    ]


def job_name(push_time: str, timezone: str) -> str:
    return f"paperboy-push {push_time} {timezone}"
