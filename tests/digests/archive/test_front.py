"""The archive's async front: a connection per thread, one writer thread, on both backends."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from digests.archive import open_front
from digests.archive.front import call
from digests.model import Subscriber
from digests.words import Segmenter


@pytest.fixture
def front(database_url: str, tmp_path: Path, segmenter: Segmenter) -> Iterator[Any]:
    archive = open_front(database_url, tmp_path / "archive.sqlite3", words=lambda: segmenter)
    yield archive
    archive.close()


def test_each_thread_gets_a_connection_of_its_own(front: Any) -> None:
    """Two threads read on two connections; what one thread wrote the other sees."""
    dbs: list[object] = []

    def work(chat_id: str) -> None:
        front.save_subscriber(Subscriber("telegram", chat_id))
        dbs.append(front.db)

    threads = [threading.Thread(target=work, args=(str(n),)) for n in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(db) for db in dbs}) == 2
    assert {s.chat_id for s in front.subscribers()} == {"1", "2"}


def test_writes_from_many_threads_run_one_at_a_time(front: Any) -> None:
    """Forty writes from eight threads all land (one writer: no lock errors between them)."""

    def work(base: int) -> None:
        for n in range(5):
            front.save_subscriber(Subscriber("telegram", str(base * 10 + n)))
            front.audit("editor", "test", str(base))

    threads = [threading.Thread(target=work, args=(b,)) for b in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(front.subscribers(None)) == 40
    assert len(front.audit_entries(100)) == 40


async def test_call_keeps_the_loop_free(front: Any) -> None:
    """Archive work handed to ``call`` runs off the loop: nothing is counted as blocking it."""
    await call(front.save_subscriber, Subscriber("telegram", "7"))
    got = await asyncio.gather(*(call(front.get_subscriber, "telegram", "7") for _ in range(8)))
    assert all(s is not None and s.chat_id == "7" for s in got)
    assert front.loop_calls == {}
    front.get_subscriber("telegram", "7")  # on the loop itself: counted
    assert front.loop_calls == {"get_subscriber": 1}
