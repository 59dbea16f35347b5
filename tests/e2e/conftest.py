"""The real bot, as ``paperboy serve`` builds it, against the fake Bot API over loopback."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.app import build_application, run_application
from bot.settings import load_settings
from tests.fake_bot_api import Call, FakeBotApi

ADMIN = 1001
READER = 2002


@dataclass
class Running:
    """A running bot and its fake server, with helpers to talk to it as a person would."""

    api: FakeBotApi
    app: Any = None  # the running Application (its bot_data holds the services)

    async def say(self, user: int, text: str, *, count: int = 1, **kw: object) -> list[Call]:
        """Send ``text`` from ``user``; the bot's first ``count`` messages back."""
        mark = self.api.mark()
        self.api.send_text(user, text, **kw)  # type: ignore[arg-type]
        return await self.api.await_for("sendMessage", chat_id=user, since=mark, count=count)

    async def press(
        self, user: int, call: Call, data: str, method: str = "answerCallbackQuery"
    ) -> list[Call]:
        mark = self.api.mark()
        self.api.press(user, self.api.message(user, call.result["message_id"]), data)
        return await self.api.await_for(method, since=mark)

    def buttons(self, call: Call) -> list[tuple[str, str]]:
        markup = call.params.get("reply_markup") or {}
        return [
            (b["text"], b["callback_data"])
            for row in markup.get("inline_keyboard", [])
            for b in row
        ]


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as server:
        yield server


@asynccontextmanager
async def running_app(
    api: FakeBotApi, monkeypatch: pytest.MonkeyPatch, admins: tuple[int, ...] = (ADMIN,)
) -> AsyncIterator[Any]:
    """The bot as ``serve`` runs it, against ``api``, until the block ends."""
    monkeypatch.setenv("PAPERBOY_TELEGRAM_TOKEN", api.token)
    monkeypatch.setenv("PAPERBOY_TELEGRAM_BASE_URL", api.base_url)
    monkeypatch.setenv("PAPERBOY_ADMINS", ",".join(map(str, admins)))
    monkeypatch.delenv("PAPERBOY_TELEGRAM_WEBHOOK_URL", raising=False)
    app = build_application(load_settings())
    stop = asyncio.Event()
    task = asyncio.create_task(run_application(app, stop))
    await api.await_for("deleteWebhook", timeout=30)  # polling starts right after
    try:
        yield app
    finally:
        stop.set()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, 30)


@pytest.fixture
async def bot(
    api: FakeBotApi, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Running]:
    async with running_app(api, monkeypatch) as app:
        yield Running(api, app)
