"""The push inside serve: the lease, push requests, catch-up, the daily jobs, editor commands."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import subprocess
import sys
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from telegram.ext import Application

from bot.push import install_push, uninstall_push
from bot.push.service import PushService, lease_name
from bot.services import Services
from bot.settings import Settings
from digests.archive import SqlArchive
from digests.errors import LeaseHeldError
from tests.bot.push.conftest import KEY, build_app, make_issue, subscribe
from tests.fake_bot_api import FakeBotApi

App = Application[Any, Any, Any, Any, Any, Any]
ADMIN = 7
SH = ZoneInfo("Asia/Shanghai")


def settings_for(api: FakeBotApi) -> Settings:
    return Settings(telegram_token=api.token, push_rate=200.0, admins=frozenset({ADMIN}))


def service_of(app: App) -> PushService:
    service = app.bot_data["push"]
    assert isinstance(service, PushService)
    return service


async def start(api: FakeBotApi, archive: SqlArchive, polling: bool = False) -> App:
    """An Application as serve runs it: push installed from post_init, then started."""
    app = build_app(api)
    await app.initialize()
    await install_push(app, Services(settings_for(api), archive))
    await app.start()
    if polling:
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
    return app


async def stop(app: App) -> None:
    if app.updater is not None and app.updater.running:
        await app.updater.stop()
    await app.stop()
    await uninstall_push(app, service_of(app).services)
    await app.shutdown()


@pytest.fixture
async def serve(api: FakeBotApi, archive: SqlArchive) -> AsyncIterator[App]:
    app = await start(api, archive, polling=True)
    yield app
    await stop(app)


def hhmm(moment: dt.datetime) -> str:
    return f"{moment.astimezone(SH):%H:%M}"


async def test_a_second_serve_refuses_to_start(serve: App, api: FakeBotApi) -> None:
    """While one serve holds the lease, another for the same bot stops with a clear reason."""
    other = build_app(api)
    await other.initialize()
    archive = service_of(serve).services.archive
    with pytest.raises(LeaseHeldError, match="another paperboy serve already runs this bot"):
        await install_push(other, Services(settings_for(api), archive))
    await other.shutdown()


async def test_a_dead_holders_lease_is_taken_at_once(
    api: FakeBotApi, archive: SqlArchive, tmp_path: Path
) -> None:
    """A lease left by a process that died on this host does not delay a restart."""
    script = (
        "from digests.archive import open_archive; from pathlib import Path; "
        f"a = open_archive('', Path({str(tmp_path)!r}) / 'archive.sqlite3'); "
        f"assert a.acquire_lease({lease_name(api.token)!r}, 'crashed', 600)"
    )
    subprocess.run([sys.executable, "-c", script], check=True)
    app = await start(api, archive)
    await stop(app)


async def test_push_now_from_another_process(
    serve: App, api: FakeBotApi, archive: SqlArchive
) -> None:
    """A push request in the database (``paperboy push --now``) makes serve push."""
    later = hhmm(dt.datetime.now(dt.UTC) + dt.timedelta(hours=3))
    chats = subscribe(api, archive, 5, push_time=later)
    archive.store_issue(make_issue())
    archive.request_push(KEY, "cli:test")
    await api.await_for("sendMessage", count=5, timeout=20)
    await asyncio.wait_for(service_of(serve).engine.idle(), 20)
    assert Counter(c.chat_id for c in api.calls_of("sendMessage")) == Counter(chats)


async def test_catch_up_on_start_sends_once(api: FakeBotApi, archive: SqlArchive) -> None:
    """A digest due while serve was down goes out on start, and not again on the next."""
    now = dt.datetime.now(dt.UTC)
    chats = subscribe(api, archive, 3, push_time=hhmm(now - dt.timedelta(hours=1)))
    subscribe(api, archive, 2, first=2001, push_time=hhmm(now - dt.timedelta(hours=13)))
    archive.store_issue(make_issue())
    for _ in range(2):
        app = await start(api, archive)
        await asyncio.wait_for(service_of(app).engine.idle(), 20)
        await stop(app)
    assert Counter(c.chat_id for c in api.calls_of("sendMessage")) == Counter(chats)


async def test_one_daily_job_per_push_time(
    serve: App, api: FakeBotApi, archive: SqlArchive
) -> None:
    """Each distinct time and zone gets one job, with a generous misfire grace, coalescing."""
    subscribe(api, archive, 2, push_time="07:00")
    subscribe(api, archive, 1, first=3001, push_time="08:30")
    subscribe(api, archive, 1, first=4001, push_time="07:00", timezone="Europe/London")
    service = service_of(serve)
    service.reconcile()
    queue = serve.job_queue
    assert queue is not None
    jobs = {j.name: j for j in queue.jobs() if j.name and j.name.startswith("paperboy-push")}
    assert set(jobs) == {
        "paperboy-push 07:00 Asia/Shanghai",
        "paperboy-push 08:30 Asia/Shanghai",
        "paperboy-push 07:00 Europe/London",
    }
    job = jobs["paperboy-push 08:30 Asia/Shanghai"].job
    assert job.misfire_grace_time == 12 * 3600 and job.coalesce
    local = job.next_run_time.astimezone(SH)
    assert (local.hour, local.minute) == (8, 30)
    archive.remove_subscriber("telegram", "3001")
    service.reconcile()
    await asyncio.sleep(0.1)
    names = {j.name for j in queue.jobs() if j.name and j.name.startswith("paperboy-push")}
    assert "paperboy-push 08:30 Asia/Shanghai" not in names


async def test_the_daily_job_delivers_at_the_push_time(
    serve: App, api: FakeBotApi, archive: SqlArchive
) -> None:
    """When a reader's time comes, their job sends them the issue (and nobody else)."""
    archive.store_issue(make_issue())
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=2)
    chats = subscribe(api, archive, 2, push_time=hhmm(soon))
    subscribe(api, archive, 1, first=5001, push_time=hhmm(soon + dt.timedelta(hours=3)))
    service = service_of(serve)
    service.reconcile()
    await asyncio.sleep(0.5)
    assert api.calls_of("sendMessage") == []  # not yet their time
    service.now = lambda: soon + dt.timedelta(seconds=20)
    queue = serve.job_queue
    assert queue is not None
    (job,) = queue.get_jobs_by_name(f"paperboy-push {hhmm(soon)} Asia/Shanghai")
    await job.run(serve)
    await asyncio.wait_for(service.engine.idle(), 20)
    assert Counter(c.chat_id for c in api.calls_of("sendMessage")) == Counter(chats)


async def test_the_pushed_digest_is_the_one_today_shows(
    serve: App, api: FakeBotApi, archive: SqlArchive
) -> None:
    """A pushed digest has the text and the 全文 buttons /today answers with."""
    from bot.i18n import Messages
    from bot.replies import Responder
    from bot.settings import config_dir

    (chat,) = subscribe(api, archive, 1, push_time="03:00", sections=("要闻",))
    archive.store_issue(make_issue(3, 1800))
    service_of(serve).push_now()
    await asyncio.wait_for(service_of(serve).engine.idle(), 20)
    pushed = api.calls_of("sendMessage", chat_id=chat)
    responder = Responder(service_of(serve).services, Messages.load(config_dir()), ())
    today = responder.text(responder.who("telegram", str(chat), chat, "zh"), "/today")
    assert [c.params["text"] for c in pushed] == [m.html for m in today.messages]
    for call, message in zip(pushed, today.messages, strict=True):
        markup = call.params["reply_markup"]
        rows = (json.loads(markup) if isinstance(markup, str) else markup)["inline_keyboard"]
        assert [[(b["text"], b["callback_data"]) for b in row] for row in rows] == [
            [(b.label, b.data) for b in row] for row in message.buttons
        ]
