"""The audit log of editors' actions, and the counters /stats reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from digests.archive.base import AuditEntry, Stats
from digests.archive.db import Db
from digests.archive.rows import now_text


class AuditLog:
    """The archive's part for the audit log and the counters."""

    def __init__(self, db: Db) -> None:
        self.db = db

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
