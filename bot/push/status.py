"""The push's lease and progress as any process sees them (no Telegram library needed).

The terminal channel and the CLI ask whether a ``serve`` runs and how its push goes through
these, without importing the engine (and with it PTB).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from digests.archive.base import Archive, DeliveryCounts, LeaseInfo

LEASE_TTL_S = 20.0
RATE_WINDOW_S = 30.0  # the rate another process reports: sends in this many seconds


def lease_name(token: str) -> str:
    """One lease per bot: its numeric id (the part of the token before the colon)."""
    return f"serve:{token.split(':', 1)[0] or 'console'}"


def lease_refusal(name: str, info: LeaseInfo | None) -> str:
    if info is None:
        return f"another paperboy serve holds the lease {name!r}; stop it first"
    age = (dt.datetime.now(dt.UTC) - info.heartbeat).total_seconds()
    return (
        f"another paperboy serve already runs this bot (pid {info.pid} on {info.host}, "
        f"heartbeat {age:.0f} s ago); stop it first, or wait {max(LEASE_TTL_S - age, 0):.0f} s "
        "if it died on another machine"
    )


@dataclass(frozen=True, slots=True)
class PushStatus:
    issue_key: str
    counts: DeliveryCounts
    rate: float  # messages per second
    remaining_messages: int
    in_flight: int

    @property
    def eta_s(self) -> float | None:
        if not self.remaining_messages:
            return 0.0
        return self.remaining_messages / self.rate if self.rate > 0 else None


def ledger_status(archive: Archive, key: str, now: dt.datetime) -> PushStatus:
    """A push's progress as the ledger tells it, for a process that is not running it."""
    counts = archive.delivery_counts(key)
    rate = archive.sent_since(key, now - dt.timedelta(seconds=RATE_WINDOW_S)) / RATE_WINDOW_S
    return PushStatus(key, counts, rate, counts.pending, 0)


def serve_alive(archive: Archive, token: str, now: dt.datetime) -> bool:
    """Whether a serve for this bot heartbeats: it will take push requests."""
    info = archive.lease(lease_name(token))
    return info is not None and (now - info.heartbeat).total_seconds() <= LEASE_TTL_S
