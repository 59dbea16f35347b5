"""Subscribers: who gets a digest, when, of which sections, in which language."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from digests.archive.db import Db, Row
from digests.model import Subscriber, SubscriberState

_SUB_COLUMNS = "channel, chat_id, push_time, timezone, sections, language, state, created_at"
_SUB_STATES: tuple[SubscriberState, ...] = ("active", "paused", "blocked")


def _sub_state(raw: str) -> SubscriberState:
    return next((s for s in _SUB_STATES if s == raw), "active")


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


class Subscribers:
    """The archive's part for subscribers."""

    def __init__(self, db: Db) -> None:
        self.db = db

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
