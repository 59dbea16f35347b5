"""Coordination between processes: the serve lease and push requests."""

from __future__ import annotations

import datetime as dt
import os
import socket
import time

from digests.archive.base import LeaseInfo
from digests.archive.db import Db
from digests.archive.rows import now_text


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Leases:
    """The archive's part for the serve lease and the push requests other processes leave."""

    def __init__(self, db: Db) -> None:
        self.db = db

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
