"""``paperboy serve`` runs the WeChat channel when its settings are there: alone, or
beside Telegram with the same archive."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from bot.app import build_application, run_application
from bot.cli import main
from bot.settings import load_settings
from bot.wechat.runner import wechat_beside
from tests.bot.wechat.conftest import TOKEN, wechat_env
from tests.fake_bot_api import FakeBotApi
from tests.fake_wechat import FakeWeChatApi, FakeWeChatClient


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_runs_the_wechat_channel_alone(tmp_path: Path) -> None:
    """Without a Telegram token serve answers WeChat's URL check, and SIGTERM ends it (0)."""
    port = _free_port()
    with FakeWeChatApi() as api:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PAPERBOY_")}
        env |= wechat_env(api, tmp_path / "data") | {"PAPERBOY_WECHAT_LISTEN": f"127.0.0.1:{port}"}
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "serve"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            client = FakeWeChatClient(f"http://127.0.0.1:{port}", TOKEN)
            answer = _wait_for_echo(client, proc)
            assert answer == "hello"
        finally:
            proc.send_signal(signal.SIGTERM)
            _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Traceback" not in err


def _wait_for_echo(client: FakeWeChatClient, proc: subprocess.Popen[str]) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()[1]
        try:
            params = {**client.query(), "echostr": "hello"}
            return httpx.get(client.url, params=params, timeout=2).text
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError("the WeChat channel did not start")


def test_a_port_in_use_is_named(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A listen address already taken stops serve with one line naming the setting."""
    with FakeWeChatApi() as api, socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        env = wechat_env(api, data_dir)
        env["PAPERBOY_WECHAT_LISTEN"] = f"127.0.0.1:{taken.getsockname()[1]}"
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        assert main(["serve"]) == 1
    err = capsys.readouterr().err
    assert "PAPERBOY_WECHAT_LISTEN" in err and "Traceback" not in err


async def test_wechat_runs_beside_telegram(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both channels in one serve: a WeChat subscriber and a Telegram reader share the
    archive, and the WeChat delivery round runs as a JobQueue job."""
    with FakeBotApi() as bot_api, FakeWeChatApi() as api:
        env = wechat_env(api, data_dir) | {
            "PAPERBOY_TELEGRAM_TOKEN": bot_api.token,
            "PAPERBOY_TELEGRAM_BASE_URL": bot_api.base_url,
        }
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        settings = load_settings()
        app = build_application(settings)
        stop = asyncio.Event()

        async def run() -> None:
            async with wechat_beside(settings, app) as channel:
                assert channel is not None
                ready.set_result(channel)
                await run_application(app, stop)

        ready: asyncio.Future[object] = asyncio.get_running_loop().create_future()
        task = asyncio.create_task(run())
        try:
            channel = await asyncio.wait_for(ready, 60)
            await bot_api.await_for("deleteWebhook", timeout=30)
            client = FakeWeChatClient(f"http://127.0.0.1:{channel.server.port}", TOKEN)  # type: ignore[attr-defined]
            answer = await client.text("o_reader", "搜索 非遗")
            await client.aclose()
            assert "非遗文化绽放古都新春" in answer.fields["Content"]
            assert any(j.name == "wechat-delivery" for j in app.job_queue.jobs())  # type: ignore[union-attr]
        finally:
            stop.set()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(task, 30)


def _hours_from_now(timezone: str, hours: int) -> str:
    """A push time that is neither due nor late by the catch-up window, whenever the test
    runs: a fixed clock time is late (and sent at once) for half of each day."""
    return f"{datetime.now(ZoneInfo(timezone)) + timedelta(hours=hours):%H:%M}"


async def test_push_now_from_telegram_reaches_wechat_subscribers_too(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor's /push now in Telegram sends the issue to the WeChat subscribers as well
    (their digest not yet due), by the WeChat channel's own round, once each."""
    from bot.runtime import Runtime
    from digests.digest import issue_key

    editor = 1001
    with FakeBotApi() as bot_api, FakeWeChatApi() as api:
        env = wechat_env(api, data_dir) | {
            "PAPERBOY_TELEGRAM_TOKEN": bot_api.token,
            "PAPERBOY_TELEGRAM_BASE_URL": bot_api.base_url,
            "PAPERBOY_ADMINS": str(editor),
        }
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        settings = load_settings()
        runtime = await asyncio.to_thread(Runtime.open, settings)
        app = build_application(settings, runtime)
        stop = asyncio.Event()

        async def run() -> None:
            async with wechat_beside(settings, app, runtime) as channel:
                ready.set_result(channel)
                await run_application(app, stop)

        ready: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        task = asyncio.create_task(run())
        try:
            channel = await asyncio.wait_for(ready, 60)
            await bot_api.await_for("deleteWebhook", timeout=30)
            client = FakeWeChatClient(f"http://127.0.0.1:{channel.server.port}", TOKEN)
            await client.text("o_reader", f"订阅 {_hours_from_now(settings.timezone, 6)}")
            await client.aclose()
            await channel.tick()
            assert not api.texts_to("o_reader")  # not due: nothing yet
            mark = bot_api.mark()
            bot_api.send_text(editor, "/push now")
            await bot_api.await_for("sendMessage", chat_id=editor, since=mark, timeout=30)
            await channel.tick()
            sent = api.texts_to("o_reader")
            assert sent and "大同日报" in sent[0]
            issue = await asyncio.to_thread(runtime.archive.get_issue, None)
            assert issue is not None
            key = issue_key(issue.newspaper, issue.date)
            row = await asyncio.to_thread(runtime.archive.get_delivery, key, "wechat", "o_reader")
            assert row is not None and row.state == "sent"
            await channel.tick()
            assert api.texts_to("o_reader") == sent  # once
        finally:
            stop.set()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(task, 30)
            runtime.close()
