"""A slow archive call holds up only its own chat: the bot answers everyone else meanwhile.

The slow call is a real one: another connection (as another process would) holds the
SQLite file's write lock, so a reader's /subscribe waits for it inside SQLite's busy
timeout. Nothing in the bot is patched or delayed by hand; before the archive had its async
front that wait ran on the event loop and every chat stood still until the lock was gone.
"""

from __future__ import annotations

import sqlite3

from bot.settings import load_settings
from digests.archive.front import call
from tests.e2e.conftest import READER, Running

OTHER = 3003


async def test_a_write_waiting_for_a_lock_does_not_delay_another_chats_reply(
    bot: Running,
) -> None:
    """While the database's write lock is held elsewhere, one reader's /subscribe waits for
    it and another reader's /today is answered at once; the subscription lands afterwards."""
    api = bot.api
    api.user(READER)
    api.user(OTHER)
    await bot.say(OTHER, "/today")
    holder = sqlite3.connect(load_settings().sqlite_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the write lock, as a long import elsewhere holds it
    try:
        mark = api.mark()
        api.send_text(READER, "/subscribe")
        await api.await_for("getUpdates", since=mark, predicate=lambda c: bool(c.result))
        (answer,) = await bot.say(OTHER, "/today")
        assert "《" in answer.params["text"]
        assert api.calls_of("sendMessage", chat_id=READER, since=mark) == []
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    await api.await_for("sendMessage", chat_id=READER, since=mark, timeout=30)
    archive = bot.app.bot_data.services.archive
    assert archive.loop_calls == {}  # no archive call of the bot ran on the event loop
    assert await call(archive.get_subscriber, "telegram", str(READER)) is not None
