"""Subscribers, the delivery ledger, audit log, counters, lease and push requests."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys

from digests.archive import SqlArchive
from digests.model import Subscriber

KEY = "大同日报/2024-02-10"


def test_subscribers_are_saved_updated_and_listed_by_state(archive: SqlArchive) -> None:
    """Saving again updates; lists filter by state; removal says whether there was one."""
    archive.save_subscriber(Subscriber("telegram", "1", sections=("要闻",)))
    archive.save_subscriber(Subscriber("telegram", "2", push_time="08:30"))
    archive.save_subscriber(Subscriber("telegram", "1", push_time="06:00", sections=("经济",)))
    got = archive.get_subscriber("telegram", "1")
    assert got is not None
    assert (got.push_time, got.sections, got.state) == ("06:00", ("经济",), "active")
    archive.set_subscriber_state("telegram", "2", "paused")
    assert [s.chat_id for s in archive.subscribers()] == ["1"]
    assert [s.chat_id for s in archive.subscribers("paused")] == ["2"]
    assert len(archive.subscribers(None)) == 2
    assert archive.remove_subscriber("telegram", "2")
    assert not archive.remove_subscriber("telegram", "2")
    assert archive.get_subscriber("telegram", "2") is None


def test_the_ledger_adds_each_recipient_once(archive: SqlArchive) -> None:
    """Planning twice adds only the new recipients."""
    assert archive.plan_deliveries(KEY, [("telegram", "1"), ("telegram", "2")]) == 2
    assert archive.plan_deliveries(KEY, [("telegram", "2"), ("telegram", "3")]) == 1
    assert [d.chat_id for d in archive.pending_deliveries(KEY)] == ["1", "2", "3"]


def test_marks_move_rows_out_of_pending(archive: SqlArchive) -> None:
    """Sent, failed and blocked rows leave the pending list and show in the counts."""
    archive.plan_deliveries(KEY, [("telegram", str(i)) for i in range(6)])
    archive.mark_sent(KEY, "telegram", "0", [101, 102])
    archive.mark_sent_many(KEY, [("telegram", "1", [103]), ("telegram", "2", [104])])
    archive.mark_failed(KEY, "telegram", "3", "timed out")
    archive.mark_blocked(KEY, "telegram", "4", "bot was blocked by the user")
    archive.mark_progress_many(KEY, [("telegram", "5", [105])])
    counts = archive.delivery_counts(KEY)
    assert (counts.pending, counts.sent, counts.failed, counts.blocked) == (1, 3, 1, 1)
    assert counts.total == 6
    pending = archive.pending_deliveries(KEY)
    assert [(d.chat_id, d.message_ids) for d in pending] == [("5", (105,))]
    sent = archive.get_delivery(KEY, "telegram", "0")
    assert sent is not None and (sent.state, sent.message_ids, sent.attempts) == (
        "sent",
        (101, 102),
        1,
    )
    since = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    assert archive.sent_since(KEY, since) == 3


def test_mark_sent_many_leaves_finished_rows_alone(archive: SqlArchive) -> None:
    """A batch confirmation does not turn a blocked row back into sent."""
    archive.plan_deliveries(KEY, [("telegram", "1")])
    archive.mark_blocked(KEY, "telegram", "1", "blocked")
    archive.mark_sent_many(KEY, [("telegram", "1", [9])])
    got = archive.get_delivery(KEY, "telegram", "1")
    assert got is not None and got.state == "blocked"


def test_audit_and_search_counts(archive: SqlArchive) -> None:
    """The audit log lists newest first; searches are counted per day in the stats."""
    archive.audit("editor:1", "withdraw", "dtrb20240210p01n02")
    archive.audit("editor:1", "ingest", "2024-02-10")
    assert [e.action for e in archive.audit_entries()] == ["ingest", "withdraw"]
    archive.record_search()
    archive.record_search()
    archive.save_subscriber(Subscriber("telegram", "1"))
    s = archive.stats()
    assert (s.searches_today, s.subscribers, s.active, s.issues) == (2, 1, 1, 0)


def test_a_live_lease_is_refused_to_others(archive: SqlArchive) -> None:
    """The holder renews its lease; another holder is refused while it is fresh."""
    assert archive.acquire_lease("serve", "a", ttl_s=60)
    assert archive.acquire_lease("serve", "a", ttl_s=60)
    assert not archive.acquire_lease("serve", "b", ttl_s=60)
    info = archive.lease("serve")
    assert info is not None and (info.holder, info.pid) == ("a", os.getpid())
    archive.release_lease("serve", "a")
    assert archive.acquire_lease("serve", "b", ttl_s=60)


def test_a_stale_lease_is_taken_over(archive: SqlArchive) -> None:
    """A holder that stopped heartbeating loses the lease at once."""
    assert archive.acquire_lease("serve", "a", ttl_s=60)
    assert archive.acquire_lease("serve", "b", ttl_s=0)


def test_a_lease_of_a_dead_process_on_this_host_is_taken_over(archive: SqlArchive) -> None:
    """When the holder's pid on this host is gone, a restart takes the lease at once."""
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    pid = int(dead.stdout)
    archive.db.run(
        "INSERT INTO leases (name, holder, host, pid, heartbeat) VALUES (?, ?, ?, ?, ?)",
        ("serve", "old", socket.gethostname(), pid, 4e9),
    )
    assert archive.acquire_lease("serve", "new", ttl_s=60)


def test_push_requests_are_taken_once_in_order(archive: SqlArchive, open_new: object) -> None:
    """Requests come out oldest first, each once."""
    archive.request_push("k1", "cli")
    archive.request_push("k2", "cli")
    assert archive.take_push_request() == "k1"
    assert archive.take_push_request() == "k2"
    assert archive.take_push_request() is None
