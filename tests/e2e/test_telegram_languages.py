"""An editor's answers read wholly in the editor's language: refused uploads (a wrong
encoding, a Word file, an empty, blank or huge file, a damaged PDF, a wrong kind) and the
scheduled fetch's fault line and preview, over the fake Bot API."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.ingest import today_in
from digests.digest import display_title
from tests.bot.fetch.conftest import fast_config
from tests.bot.fetch.server import Site, serve
from tests.builders.epaper import Resource, demo_issue, founder_classic
from tests.e2e.conftest import ADMIN, Running, running_app
from tests.e2e.test_telegram_fetch import far_window, fetch_job
from tests.fake_bot_api import FakeBotApi
from tests.languages import CJK, chinese_in_english, english_in_chinese

EDITOR_EN = 1002  # a second editor, who reads English

BAD_FILES: tuple[tuple[str, bytes, dict[str, Any]], ...] = (
    ("encoding.txt", bytes([0x81, 0x20, 0xFF, 0xFE, 0x80, 0x30] * 50), {}),
    ("issue.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), {}),  # a Word file
    ("issue.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), {}),
    ("empty.txt", b"", {}),
    ("blank.txt", b"  \n\n \n", {}),
    ("huge.txt", b"x", {"file_size": 21 * 1024 * 1024}),
    ("damaged.pdf", b"%PDF-1.4\n1 0 obj garbage\n", {"mime_type": "application/pdf"}),
)


async def _upload(bot: Running, name: str, content: bytes, lang: str, **kw: Any) -> str:
    mark = bot.api.mark()
    bot.api.send_document(ADMIN, content, name, language_code=lang, **kw)
    (reply,) = await bot.api.await_for("sendMessage", chat_id=ADMIN, since=mark, timeout=30)
    return str(reply.params["text"])


async def test_refused_uploads_read_wholly_in_chinese(bot: Running) -> None:
    for name, content, kw in BAD_FILES:
        text = await _upload(bot, name, content, "zh-hans", **kw)
        assert name.split(".")[-1] in text and CJK.search(text), text
        assert english_in_chinese(text) == set(), text


async def test_refused_uploads_read_wholly_in_english(bot: Running) -> None:
    for name, content, kw in BAD_FILES:
        text = await _upload(bot, name, content, "en", **kw)
        assert name.split(".")[-1] in text and not CJK.search(text), text


@pytest.fixture
async def two_editors(
    api: FakeBotApi, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[Running, Site]]:
    """The bot with a scheduled fetch of a site whose page 2 PDF is damaged (its text comes
    from the article pages), and two editors: ADMIN reads Chinese, EDITOR_EN English."""
    resources = founder_classic(demo_issue(today_in("Asia/Shanghai")))
    pdf = next(p for p in resources if p.endswith("02.pdf"))
    resources[pdf] = dataclasses.replace(resources[pdf], body=resources[pdf].body[:1500])
    with serve(resources) as site:
        papers = fast_config(tmp_path, monkeypatch) / "newspapers.toml"
        text = papers.read_text("utf-8").replace(
            'slug = "dtrb"',
            f'slug = "dtrb"\nfetch_url = "{site.url("/paperindex.htm")}"\n{far_window()}',
        )
        papers.write_text(text, "utf-8")
        async with running_app(api, monkeypatch, (ADMIN, EDITOR_EN)) as app:
            bot = Running(api, app)
            await bot.say(ADMIN, "/start")
            await bot.say(EDITOR_EN, "/lang en")
            yield bot, site


async def _told(bot: Running, job: Any) -> dict[int, str]:
    mark = bot.api.mark()
    await job.run(bot.app)
    told = {}
    for editor in (ADMIN, EDITOR_EN):
        (call,) = await bot.api.await_for("sendMessage", chat_id=editor, since=mark, timeout=30)
        told[editor] = str(call.params["text"])
    return told


async def _data(bot: Running) -> set[str]:
    """What a preview shows of the newspaper: its name, page names and headlines."""
    archive = bot.app.bot_data.services.archive
    issue = await asyncio.to_thread(archive.get_issue, today_in("Asia/Shanghai"))
    assert issue is not None
    return (
        {issue.newspaper}
        | {p.name for p in issue.pages}
        | {display_title(a) for a in issue.articles}
    )


async def test_the_fetch_speaks_to_each_editor_in_their_language(
    two_editors: tuple[Running, Site],
) -> None:
    """The preview of a fetched issue, its warning about the damaged PDF, and the line
    about a failed try: in Chinese to one editor, in English to the other."""
    bot, site = two_editors
    job = fetch_job(bot.app)
    told = await _told(bot, job)
    assert "第2版的 PDF 读不出文字" in told[ADMIN]
    assert "page 2: no text can be read from its PDF" in told[EDITOR_EN]
    data = await _data(bot)
    assert english_in_chinese(told[ADMIN]) == set(), told[ADMIN]
    assert chinese_in_english(told[EDITOR_EN], data) == [], told[EDITOR_EN]
    site.resources["/paperindex.htm"] = Resource(b"", status=503)
    told = await _told(bot, job)
    assert told[ADMIN].startswith("自动抓取《大同日报》") and "服务器回答 503" in told[ADMIN]
    assert english_in_chinese(told[ADMIN]) == set(), told[ADMIN]
    assert told[EDITOR_EN].startswith("The scheduled fetch of 大同日报")
    assert "answered 503" in told[EDITOR_EN]
    assert chinese_in_english(told[EDITOR_EN], data) == [], told[EDITOR_EN]
