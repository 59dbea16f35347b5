"""With PAPERBOY_TELEGRAM_WEBHOOK_URL set, serve takes updates by webhook with a secret."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from pathlib import Path

import httpx
import pytest

from bot.app import build_application, run_application
from bot.settings import load_settings
from tests.fake_bot_api import FakeBotApi


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_webhook_with_secret_token(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bot sets its webhook with a secret; updates posted with it are answered, others 403."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    with FakeBotApi() as api:
        monkeypatch.setenv("PAPERBOY_TELEGRAM_TOKEN", api.token)
        monkeypatch.setenv("PAPERBOY_TELEGRAM_BASE_URL", api.base_url)
        monkeypatch.setenv("PAPERBOY_TELEGRAM_WEBHOOK_URL", url)
        monkeypatch.setenv("PAPERBOY_TELEGRAM_WEBHOOK_LISTEN", f"127.0.0.1:{port}")
        monkeypatch.setenv("PAPERBOY_TELEGRAM_WEBHOOK_SECRET", "s3cret-token")
        stop = asyncio.Event()
        task = asyncio.create_task(run_application(build_application(load_settings()), stop))
        try:
            (hook,) = await api.await_for("setWebhook", timeout=30)
            assert hook.params["url"] == url and hook.params["secret_token"] == "s3cret-token"
            mark = api.mark()
            api.send_text(5005, "/today")
            (reply,) = await api.await_for("sendMessage", chat_id=5005, since=mark)
            assert "《大同日报》" in reply.params["text"]
            async with httpx.AsyncClient() as client:
                forged = await client.post(url, json={"update_id": 99}, headers={})
            assert forged.status_code == 403
            assert not api.calls_of("getUpdates")
        finally:
            stop.set()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(task, 30)
