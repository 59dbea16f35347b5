"""Bad input gets a clear answer, never a traceback; markup is escaped; floods slow down."""

from __future__ import annotations

import itertools

import pytest

from bot.replies import Responder
from tests.e2e.conftest import ADMIN, READER, Running

LONG_ARTICLE = "第1版 要闻\n\n很长的测试文章\n\n" + "".join(
    f"本报讯 这是第{i}段，用来测试长文拆分。每一句都以句号结束。古城的灯会吸引了很多游客。\n\n"
    for i in range(120)
)


async def test_unknown_command_hints_help(bot: Running) -> None:
    (reply,) = await bot.say(READER, "/frobnicate")
    assert "/frobnicate" in reply.params["text"] and "/help" in reply.params["text"]


@pytest.mark.parametrize("command", ["/section", "/headline", "/search", "/article"])
async def test_missing_arguments_give_usage(bot: Running, command: str) -> None:
    (reply,) = await bot.say(READER, command)
    assert reply.params["text"].startswith("用法：" + command)


async def test_bad_dates_are_named(bot: Running) -> None:
    (reply,) = await bot.say(READER, "/headlines 2024-13-45")
    assert "2024-13-45" in reply.params["text"]


async def test_markup_in_queries_is_escaped(bot: Running) -> None:
    """Tags and ampersands a reader types come back as text (the fake refuses bad HTML)."""
    (reply,) = await bot.say(READER, "<b>古城</b> & <script>")
    assert reply.ok and "&lt;b&gt;古城&lt;/b&gt; &amp; &lt;script&gt;" in reply.params["text"]
    (reply,) = await bot.say(READER, "/headline <i>x")
    assert reply.ok and "&lt;i&gt;x" in reply.params["text"]


async def test_a_long_article_is_split_at_sentences(bot: Running) -> None:
    """Full text over 4096 units comes in several messages, each ending a sentence."""
    mark = bot.api.mark()
    bot.api.send_document(ADMIN, LONG_ARTICLE.encode(), "long-2024-04-01.txt")
    await bot.api.await_for("sendMessage", chat_id=ADMIN, since=mark, timeout=30)
    (listed,) = await bot.say(READER, "/headline 很长的测试文章")
    number = dict(bot.buttons(listed))["1"]
    mark = bot.api.mark()
    await bot.press(READER, listed, number)
    parts = await bot.api.await_for("sendMessage", chat_id=READER, since=mark, count=2)
    await bot.api.await_for("answerCallbackQuery", since=mark)
    parts = bot.api.calls_of("sendMessage", chat_id=READER, since=mark)
    assert len(parts) >= 2 and all(p.ok for p in parts)
    assert all(p.params["text"].rstrip().endswith("。") for p in parts)
    # Telegram allows about one message a second per private chat.
    assert all(b.at - a.at >= 1.0 for a, b in itertools.pairwise(parts))
    assert "很长的测试文章" in parts[0].params["text"]


async def test_a_long_query_still_pages(bot: Running) -> None:
    """A query too long for callback data is read back from the result list's first line."""
    query = "古城 " + "新春灯会" * 12
    (first,) = await bot.say(READER, f"/search {query}")
    buttons = dict(bot.buttons(first))
    if "下一页 »" not in buttons:
        pytest.skip("this query has a single page of results")
    assert buttons["下一页 »"].endswith("~")
    mark = bot.api.mark()
    await bot.press(READER, first, buttons["下一页 »"])
    (edit,) = await bot.api.await_for("editMessageText", since=mark)
    assert edit.params["text"].startswith("🔎 " + query)


async def test_a_flood_gets_one_polite_slow_down(bot: Running) -> None:
    """More than 20 messages in 10 s: one slow-down note, the rest unanswered."""
    mark = bot.api.mark()
    for _ in range(25):
        bot.api.send_text(4004, "/help")
    await bot.api.await_for("sendMessage", chat_id=4004, since=mark, count=21, timeout=20)
    await bot.say(READER, "/help")  # a later update, answered after all of 4004's
    texts = [c.params["text"] for c in bot.api.calls_of("sendMessage", chat_id=4004, since=mark)]
    assert sum("太快" in t for t in texts) == 1
    assert len(texts) == 21


async def test_an_old_or_foreign_button_is_answered(bot: Running) -> None:
    (reply,) = await bot.say(READER, "/start")
    mark = bot.api.mark()
    await bot.press(READER, reply, "zz:nonsense")
    (answer,) = await bot.api.await_for("answerCallbackQuery", since=mark)
    assert "失效" in answer.params["text"]


async def test_a_crash_gets_an_apology_with_an_incident_id(
    bot: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Responder, who: object, text: str) -> None:
        raise RuntimeError("the archive fell over")

    monkeypatch.setattr(Responder, "text", broken)
    (reply,) = await bot.say(READER, "/today")
    assert "事件编号" in reply.params["text"] and "archive" not in reply.params["text"]
