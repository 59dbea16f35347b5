"""The archive is a thin facade: every method of the interface is one part's method."""

from __future__ import annotations

import inspect
from pathlib import Path

from digests.archive import SqlArchive
from digests.archive.base import Archive
from digests.archive.db import SqliteDb
from digests.archive.ledger import Ledger
from digests.archive.subscribers import Subscribers
from digests.model import Subscriber


def test_every_archive_method_is_a_parts_own() -> None:
    """Each method the bot may call forwards to the part that holds its SQL."""
    wanted = {
        name
        for name, member in inspect.getmembers(Archive, inspect.isfunction)
        if not name.startswith("_")
    }
    on_facade = {name for name in wanted if hasattr(SqlArchive, name)}
    assert on_facade == wanted
    forwarded = {name: getattr(SqlArchive.__dict__.get(name), "part", None) for name in wanted}
    assert {name for name, part in forwarded.items() if part is None} == {"close"}


def test_a_part_works_on_its_own(tmp_path: Path) -> None:
    """The ledger and the subscribers need nothing but a connection."""
    db = SqliteDb(tmp_path / "a.sqlite3")
    db.migrate()
    people, ledger = Subscribers(db), Ledger(db)
    people.save_subscriber(Subscriber("telegram", "1"))
    assert ledger.plan_deliveries("报/2024-02-10", [("telegram", "1")]) == 1
    ledger.mark_sent("报/2024-02-10", "telegram", "1", [7])
    assert ledger.delivery_counts("报/2024-02-10").sent == 1
    assert [s.chat_id for s in people.subscribers()] == ["1"]
    db.close()
