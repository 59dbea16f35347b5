"""Start-up against a Bot API server that is less than perfect."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest

from bot.app import build_application, run_application
from bot.settings import load_settings
from tests.e2e.conftest import READER, Running
from tests.fake_bot_api import FakeBotApi


async def test_a_refused_command_menu_does_not_stop_the_bot(
    api: FakeBotApi, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It still answers readers when the server refuses setMyCommands."""
    api.fail("setMyCommands", 400, "Bad Request: not supported here", times=10)
    monkeypatch.setenv("PAPERBOY_TELEGRAM_TOKEN", api.token)
    monkeypatch.setenv("PAPERBOY_TELEGRAM_BASE_URL", api.base_url)
    app = build_application(load_settings())
    stop = asyncio.Event()
    task = asyncio.create_task(run_application(app, stop))
    try:
        await api.await_for("deleteWebhook", timeout=30)
        mark = api.mark()
        api.send_text(READER, "/today")
        (reply,) = await api.await_for("sendMessage", chat_id=READER, since=mark)
        assert "大同日报" in reply.params["text"]
    finally:
        stop.set()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, 30)


async def test_the_segmenter_and_index_load_once_the_first_answer_is_out(bot: Running) -> None:
    """After its first answer the bot loads the segmenter and the search index beside the
    next ones (the warm-up), and a search then finds the demo issue."""
    state = bot.app.bot_data
    (reply,) = await bot.say(READER, "/today")
    assert "大同日报" in reply.params["text"]
    for _ in range(1000):  # it starts on the loop as the answer's handling ends
        if state.warming is not None:
            break
        await asyncio.sleep(0.01)
    assert state.warming is not None
    await state.warming  # it ran, and did not fail
    (found,) = await bot.say(READER, "/search 非遗")
    assert "非遗" in found.params["text"]
