"""Subscribers, the delivery ledger, the audit log, counters, the serve lease, push requests."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import time
from collections.abc import Iterable, Sequence

from digests.archive.base import AuditEntry, Delivery, DeliveryCounts, LeaseInfo, Stats
from digests.archive.db import Row
from digests.archive.store import Store, now_text
from digests.model import DeliveryState, Subscriber, SubscriberState

_SUB_COLUMNS = "channel, chat_id, push_time, timezone, sections, language, state, created_at"
_DELIVERY_COLUMNS = "issue_key, channel, chat_id, state, attempts, message_ids, error, updated_at"
_SUB_STATES: tuple[SubscriberState, ...] = ("active", "paused", "blocked")
_DELIVERY_STATES: tuple[DeliveryState, ...] = ("pending", "sent", "failed", "blocked")
_MARK_SENT = (
    "UPDATE deliveries SET state = 'sent', attempts = attempts + 1, message_ids = ?, "
    "error = '', updated_at = ? WHERE issue_key = ? AND channel = ? AND chat_id = ?"
)


def _sub_state(raw: str) -> SubscriberState:
    return next((s for s in _SUB_STATES if s == raw), "active")


def _delivery_state(raw: str) -> DeliveryState:
    return next((s for s in _DELIVERY_STATES if s == raw), "pending")


def _subscriber(r: Row) -> Subscriber:
    return Subscriber(
        channel=r[0],
        chat_id=r[1],
        push_time=r[2],
        timezone=r[3],
        sections=tuple(json.loads(r[4])),
        language=r[5],
        state=_sub_state(r[6]),
        created_at=dt.datetime.fromisoformat(r[7]),
    )


def _delivery(r: Row) -> Delivery:
    return Delivery(
        issue_key=r[0],
        channel=r[1],
        chat_id=r[2],
        state=_delivery_state(r[3]),
        attempts=r[4],
        message_ids=tuple(int(x) for x in r[5].split(",") if x),
        error=r[6],
        updated_at=dt.datetime.fromisoformat(r[7]),
    )


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class People(Store):
    # -- subscribers -----------------------------------------------------------------------
    def save_subscriber(self, subscriber: Subscriber) -> None:
        s = subscriber
        created = (s.created_at or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
        self.db.run(
            f"INSERT INTO subscribers ({_SUB_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (channel, chat_id) DO UPDATE SET push_time = excluded.push_time, "
            "timezone = excluded.timezone, sections = excluded.sections, "
            "language = excluded.language, state = excluded.state",
            (
                s.channel,
                s.chat_id,
                s.push_time,
                s.timezone,
                json.dumps(list(s.sections), ensure_ascii=False),
                s.language,
                s.state,
                created,
            ),
        )

    def get_subscriber(self, channel: str, chat_id: str) -> Subscriber | None:
        row = self.db.one(
            f"SELECT {_SUB_COLUMNS} FROM subscribers WHERE channel = ? AND chat_id = ?",
            (channel, chat_id),
        )
        return _subscriber(row) if row else None

    def remove_subscriber(self, channel: str, chat_id: str) -> bool:
        return (
            self.db.run(
                "DELETE FROM subscribers WHERE channel = ? AND chat_id = ?", (channel, chat_id)
            )
            > 0
        )

    def set_subscriber_state(self, channel: str, chat_id: str, state: SubscriberState) -> None:
        self.db.run(
            "UPDATE subscribers SET state = ? WHERE channel = ? AND chat_id = ?",
            (state, channel, chat_id),
        )

    def subscribers(self, state: SubscriberState | None = "active") -> Sequence[Subscriber]:
        sql = f"SELECT {_SUB_COLUMNS} FROM subscribers"
        params: tuple[object, ...] = ()
        if state is not None:
            sql, params = sql + " WHERE state = ?", (state,)
        return [_subscriber(r) for r in self.db.rows(sql + " ORDER BY channel, chat_id", params)]

    # -- audit and counters ----------------------------------------------------------------
    def audit(self, actor: str, action: str, detail: str = "") -> None:
        self.db.run(
            "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)",
            (now_text(), actor, action, detail),
        )

    def audit_entries(self, limit: int = 50) -> Sequence[AuditEntry]:
        rows = self.db.rows(
            "SELECT at, actor, action, detail FROM audit_log ORDER BY id DESC LIMIT ?", (limit,)
        )
        return [AuditEntry(dt.datetime.fromisoformat(r[0]), r[1], r[2], r[3]) for r in rows]

    def record_search(self) -> None:
        self.db.run(
            "INSERT INTO search_counts (day, n) VALUES (?, 1) "
            "ON CONFLICT (day) DO UPDATE SET n = search_counts.n + 1",
            (dt.datetime.now(dt.UTC).date().isoformat(),),
        )

    def stats(self) -> Stats:
        counts: dict[str, int] = dict(
            self.db.rows("SELECT state, COUNT(*) FROM subscribers GROUP BY state")
        )
        today = self.db.one(
            "SELECT n FROM search_counts WHERE day = ?",
            (dt.datetime.now(dt.UTC).date().isoformat(),),
        )
        issues = self.db.one("SELECT COUNT(*) FROM issues")
        articles = self.db.one("SELECT COUNT(*) FROM articles WHERE withdrawn = 0")
        return Stats(
            subscribers=sum(counts.values()),
            active=counts.get("active", 0),
            paused=counts.get("paused", 0),
            blocked=counts.get("blocked", 0),
            searches_today=today[0] if today else 0,
            issues=issues[0] if issues else 0,
            articles=articles[0] if articles else 0,
        )

    # -- the delivery ledger ---------------------------------------------------------------
    def plan_deliveries(self, issue_key: str, recipients: Iterable[tuple[str, str]]) -> int:
        stamp = now_text()
        rows = [(issue_key, ch, cid, stamp) for ch, cid in dict.fromkeys(recipients)]
        with self.db.write():
            before = self.db.one(
                "SELECT COUNT(*) FROM deliveries WHERE issue_key = ?", (issue_key,)
            )
            self.db.run_many(
                "INSERT INTO deliveries (issue_key, channel, chat_id, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (issue_key, channel, chat_id) DO NOTHING",
                rows,
            )
            after = self.db.one("SELECT COUNT(*) FROM deliveries WHERE issue_key = ?", (issue_key,))
        return int(after[0] if after else 0) - int(before[0] if before else 0)

    def pending_deliveries(self, issue_key: str, limit: int = 1000) -> Sequence[Delivery]:
        rows = self.db.rows(
            f"SELECT {_DELIVERY_COLUMNS} FROM deliveries WHERE issue_key = ? AND state = 'pending' "
            "ORDER BY channel, chat_id LIMIT ?",
            (issue_key, limit),
        )
        return [_delivery(r) for r in rows]

    def get_delivery(self, issue_key: str, channel: str, chat_id: str) -> Delivery | None:
        row = self.db.one(
            f"SELECT {_DELIVERY_COLUMNS} FROM deliveries "
            "WHERE issue_key = ? AND channel = ? AND chat_id = ?",
            (issue_key, channel, chat_id),
        )
        return _delivery(row) if row else None

    def mark_sent(
        self, issue_key: str, channel: str, chat_id: str, message_ids: Sequence[int]
    ) -> None:
        ids = ",".join(str(i) for i in message_ids)
        self.db.run(_MARK_SENT, (ids, now_text(), issue_key, channel, chat_id))

    def mark_sent_many(
        self, issue_key: str, sent: Sequence[tuple[str, str, Sequence[int]]]
    ) -> None:
        stamp = now_text()
        rows = [
            (",".join(str(i) for i in mids), stamp, issue_key, ch, cid) for ch, cid, mids in sent
        ]
        with self.db.write():
            self.db.run_many(_MARK_SENT + " AND state = 'pending'", rows)

    def mark_progress_many(
        self, issue_key: str, rows: Sequence[tuple[str, str, Sequence[int]]]
    ) -> None:
        """Record the message ids of a multi-part digest sent so far; the row stays pending."""
        stamp = now_text()
        params = [
            (",".join(str(i) for i in mids), stamp, issue_key, ch, cid) for ch, cid, mids in rows
        ]
        with self.db.write():
            self.db.run_many(
                "UPDATE deliveries SET message_ids = ?, updated_at = ? WHERE issue_key = ? "
                "AND channel = ? AND chat_id = ? AND state = 'pending'",
                params,
            )

    def sent_since(self, issue_key: str, since: dt.datetime) -> int:
        row = self.db.one(
            "SELECT COUNT(*) FROM deliveries WHERE issue_key = ? AND state = 'sent' "
            "AND updated_at >= ?",
            (issue_key, since.astimezone(dt.UTC).isoformat(timespec="seconds")),
        )
        return int(row[0]) if row else 0

    def _mark(self, issue_key: str, channel: str, chat_id: str, state: str, error: str) -> None:
        self.db.run(
            "UPDATE deliveries SET state = ?, attempts = attempts + 1, error = ?, updated_at = ? "
            "WHERE issue_key = ? AND channel = ? AND chat_id = ?",
            (state, error[:500], now_text(), issue_key, channel, chat_id),
        )

    def mark_failed(self, issue_key: str, channel: str, chat_id: str, error: str) -> None:
        self._mark(issue_key, channel, chat_id, "failed", error)

    def mark_blocked(self, issue_key: str, channel: str, chat_id: str, error: str) -> None:
        self._mark(issue_key, channel, chat_id, "blocked", error)

    def delivery_counts(self, issue_key: str) -> DeliveryCounts:
        counts: dict[str, int] = dict(
            self.db.rows(
                "SELECT state, COUNT(*) FROM deliveries WHERE issue_key = ? GROUP BY state",
                (issue_key,),
            )
        )
        return DeliveryCounts(
            pending=counts.get("pending", 0),
            sent=counts.get("sent", 0),
            failed=counts.get("failed", 0),
            blocked=counts.get("blocked", 0),
        )

    # -- coordination ----------------------------------------------------------------------
    def acquire_lease(self, name: str, holder: str, ttl_s: float) -> bool:
        host, pid, now = socket.gethostname(), os.getpid(), time.time()
        with self.db.write():
            self.db.run(
                "INSERT INTO leases (name, holder, host, pid, heartbeat) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (name) DO NOTHING",
                (name, holder, host, pid, now),
            )
            sql = "SELECT holder, host, pid, heartbeat FROM leases WHERE name = ?"
            if self.db.dialect == "postgresql":
                sql += " FOR UPDATE"
            row = self.db.one(sql, (name,))
            if row is None:
                return False
            mine = row[0] == holder
            stale = row[3] < now - ttl_s
            dead = row[1] == host and not _pid_alive(int(row[2]))
            if not (mine or stale or dead):
                return False
            self.db.run(
                "UPDATE leases SET holder = ?, host = ?, pid = ?, heartbeat = ? WHERE name = ?",
                (holder, host, pid, now, name),
            )
        return True

    def release_lease(self, name: str, holder: str) -> None:
        self.db.run("DELETE FROM leases WHERE name = ? AND holder = ?", (name, holder))

    def lease(self, name: str) -> LeaseInfo | None:
        row = self.db.one("SELECT holder, host, pid, heartbeat FROM leases WHERE name = ?", (name,))
        if row is None:
            return None
        beat = dt.datetime.fromtimestamp(float(row[3]), dt.UTC)
        return LeaseInfo(name, row[0], row[1], int(row[2]), beat)

    def request_push(self, issue_key: str, requested_by: str) -> None:
        self.db.run(
            "INSERT INTO push_requests (issue_key, requested_by, requested_at) VALUES (?, ?, ?)",
            (issue_key, requested_by, now_text()),
        )

    def take_push_request(self) -> str | None:
        sql = "SELECT id, issue_key FROM push_requests WHERE taken_at IS NULL ORDER BY id LIMIT 1"
        if self.db.dialect == "postgresql":
            sql += " FOR UPDATE SKIP LOCKED"
        with self.db.write():
            row = self.db.one(sql)
            if row is None:
                return None
            self.db.run("UPDATE push_requests SET taken_at = ? WHERE id = ?", (now_text(), row[0]))
        return str(row[1])
