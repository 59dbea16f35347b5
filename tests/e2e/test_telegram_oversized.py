"""One broken item in the archive never breaks /today, /preview or the push for everyone."""

from __future__ import annotations

import datetime as dt

from bot.services import Services
from bot.settings import load_settings
from digests.model import Article, Issue, Page, Subscriber
from tests.e2e.conftest import ADMIN, READER, Running
from tests.fake_bot_checks import MAX_TEXT_UTF16

SUBSCRIBER = 5101


def _store_broken_issue() -> None:
    """A later issue than the demo: one 7,500-character title, one 5,000-character id."""
    articles = (
        Article(id="long-title", title="长" * 7500, summary="摘要一句。", paragraphs=("正文。",)),
        Article(id="x" * 5000, title="正常的标题", summary="摘要两句。", paragraphs=("正文。",)),
        Article(id="fine", title="另一篇正常文章", summary="摘要三句。", paragraphs=("正文。",)),
    )
    services = Services.open(load_settings())
    try:
        issue = Issue("大同日报", dt.date(2024, 3, 1), (Page(1, "要闻", articles),))
        services.archive.store_issue(issue)
        services.archive.save_subscriber(Subscriber("telegram", str(SUBSCRIBER), push_time="23:59"))
    finally:
        services.close()


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


async def test_today_preview_and_push_fit_despite_an_oversized_item(bot: Running) -> None:
    """Every message fits in 4096 units; the reader gets the digest, not an apology."""
    _store_broken_issue()
    bot.api.user(SUBSCRIBER)
    (today,) = await bot.say(READER, "/today")
    text = today.params["text"]
    assert "抱歉" not in text and "另一篇正常文章" in text and "长" * 50 in text
    assert _units(text) <= MAX_TEXT_UTF16
    note, digest = await bot.say(ADMIN, "/preview", count=2)
    assert "预览" in note.params["text"] and "另一篇正常文章" in digest.params["text"]
    for ask in ("/search 正文", "/headline 长长长长", "/headlines", "/section 要闻"):
        (found,) = await bot.say(READER, ask)
        # One short list in one message: the huge title is cut, not sent over pages.
        assert "抱歉" not in found.params["text"], ask
        assert "1. " in found.params["text"] and _units(found.params["text"]) <= 2000, ask
    (started,) = await bot.say(ADMIN, "/push now")
    assert "待发送" in started.params["text"]
    (pushed,) = await bot.api.await_for("sendMessage", chat_id=SUBSCRIBER, timeout=20)
    assert "另一篇正常文章" in pushed.params["text"]
    assert all(
        _units(str(c.params.get("text", ""))) <= MAX_TEXT_UTF16
        for c in bot.api.calls_of("sendMessage")
    )
