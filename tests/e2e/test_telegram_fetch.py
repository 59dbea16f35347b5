"""The scheduled fetch inside the real bot: its job is booked by ``serve``'s wiring, and
when it runs the editors get the preview, or one line naming the fault and the next try,
through the fake Bot API."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.ingest import today_in
from tests.bot.fetch.conftest import fast_config
from tests.bot.fetch.server import Site, serve
from tests.builders.epaper import demo_issue, founder_classic
from tests.e2e.conftest import ADMIN, running_app
from tests.fake_bot_api import FakeBotApi


def far_window() -> str:
    """A fetch window hours away from now, so no catch-up try runs during the test."""
    hour = dt.datetime.now(ZoneInfo("Asia/Shanghai")).hour
    at = "23:00" if hour < 12 else "01:00"
    return f'fetch_at = "{at}"\nfetch_until = "{at[:3]}30"'


@pytest.fixture
async def fetching_bot(
    api: FakeBotApi, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[Any, Site]]:
    today = today_in("Asia/Shanghai")  # the daily job fetches today's issue
    with serve(founder_classic(demo_issue(today))) as site:
        papers = fast_config(tmp_path, monkeypatch) / "newspapers.toml"
        text = papers.read_text("utf-8").replace(
            'slug = "dtrb"',
            f'slug = "dtrb"\nfetch_url = "{site.url("/paperindex.htm")}"\n{far_window()}',
        )
        papers.write_text(text, "utf-8")
        async with running_app(api, monkeypatch) as app:
            yield app, site


def fetch_job(app: Any) -> Any:
    (job,) = [j for j in app.job_queue.jobs() if j.name == "paperboy-fetch 大同日报"]
    return job


async def test_the_editors_get_the_preview_or_one_line(
    fetching_bot: tuple[Any, Site], api: FakeBotApi
) -> None:
    app, site = fetching_bot
    mark = api.mark()
    api.send_text(ADMIN, "/start")  # the bot may write to an editor who opened the chat
    await api.await_for("sendMessage", chat_id=ADMIN, since=mark, timeout=30)
    job = fetch_job(app)
    mark = api.mark()
    await job.run(app)
    (preview,) = await api.await_for("sendMessage", chat_id=ADMIN, since=mark, timeout=30)
    text = str(preview.params["text"])
    assert "已发布《大同日报》" in text and "乡村公路通到家门口" in text
    site.resources.clear()
    mark = api.mark()
    await job.run(app)
    (fault,) = await api.await_for("sendMessage", chat_id=ADMIN, since=mark, timeout=30)
    line = str(fault.params["text"])
    assert line.startswith("自动抓取《大同日报》") and "重试" in line and "\n" not in line
