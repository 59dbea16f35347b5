"""The delivery ledger: one row per (issue, subscriber), what makes a push exactly-once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from digests.archive.base import Delivery, DeliveryCounts
from digests.archive.db import Db, Row
from digests.archive.rows import now_text
from digests.model import DeliveryState

_DELIVERY_COLUMNS = "issue_key, channel, chat_id, state, attempts, message_ids, error, updated_at"
_DELIVERY_STATES: tuple[DeliveryState, ...] = ("pending", "sent", "failed", "blocked")
_MARK_SENT = (
    "UPDATE deliveries SET state = 'sent', attempts = attempts + 1, message_ids = ?, "
    "error = '', updated_at = ? WHERE issue_key = ? AND channel = ? AND chat_id = ?"
)


def _delivery_state(raw: str) -> DeliveryState:
    return next((s for s in _DELIVERY_STATES if s == raw), "pending")


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


class Ledger:
    """The archive's part for the delivery ledger."""

    def __init__(self, db: Db) -> None:
        self.db = db

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
