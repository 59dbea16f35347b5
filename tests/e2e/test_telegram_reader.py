"""Readers talk to the real bot over HTTP: every reader command and the pagination."""

from __future__ import annotations

from tests.e2e.conftest import READER, Running


async def test_start_registers_commands_and_welcomes(bot: Running) -> None:
    """On start the bot registers its commands in zh and en (beside its first answers, not
    before them); /start welcomes with a button."""
    await bot.api.await_for("setMyCommands", count=3)
    assert {"", "zh", "en"} <= {lang for _, lang in bot.api.commands}
    assert any(c["command"] == "today" for c in bot.api.commands[("default", "zh")])
    (reply,) = await bot.say(READER, "/start")
    assert "欢迎使用报童" in reply.params["text"]
    assert [label for label, _ in bot.buttons(reply)] == ["订阅每日推送"]


async def test_today_gives_the_demo_digest(bot: Running) -> None:
    """/today answers with the demo issue's digest and full-text buttons."""
    (reply,) = await bot.say(READER, "/today")
    assert "大同日报" in reply.params["text"] and "2024年2月10日" in reply.params["text"]
    assert any(data.startswith("a:") for _, data in bot.buttons(reply))


async def test_sections_and_section_by_name_number_and_date(bot: Running) -> None:
    """/sections lists sections with counts; /section takes a name or number and a date."""
    (reply,) = await bot.say(READER, "/sections")
    assert "要闻" in reply.params["text"] and "篇" in reply.params["text"]
    for text in ("/section 要闻", "/section 1", "/section 要闻 2024-02-10"):
        (reply,) = await bot.say(READER, text)
        assert "做好服务保障 守护浓浓年味" in reply.params["text"], text
    (reply,) = await bot.say(READER, "/section 体育")
    assert "没有找到版面" in reply.params["text"]


async def test_section_pages_with_buttons(bot: Running) -> None:
    """A long list pages: next edits the message to page 2, previous back to page 1."""
    (first,) = await bot.say(READER, "/section 要闻")
    labels = dict(bot.buttons(first))
    assert "下一页 »" in labels and "1/2" in labels
    mark = bot.api.mark()
    await bot.press(READER, first, labels["下一页 »"])
    (edit,) = await bot.api.await_for("editMessageText", since=mark)
    assert "6." in edit.params["text"] and "« 上一页" in dict(bot.buttons(edit))
    mark = bot.api.mark()
    await bot.press(READER, edit, dict(bot.buttons(edit))["« 上一页"])
    (back,) = await bot.api.await_for("editMessageText", since=mark)
    assert "1." in back.params["text"]


async def test_full_text_button_and_deep_link(bot: Running) -> None:
    """A number button and /a_<id> both give the full article with its headline and page."""
    (listed,) = await bot.say(READER, "/headline 古城")
    number = dict(bot.buttons(listed))["1"]
    mark = bot.api.mark()
    await bot.press(READER, listed, number)
    (full,) = await bot.api.await_for("sendMessage", chat_id=READER, since=mark)
    text = full.params["text"]
    assert "做好服务保障 守护浓浓年味" in text and "张强主持召开" in text and "第1版" in text
    (same,) = await bot.say(READER, "/a_dtrb20240210p01n02")
    assert same.params["text"] == text
    (by_id,) = await bot.say(READER, "/article dtrb20240210p01n02")
    assert by_id.params["text"] == text


async def test_headlines_search_and_plain_text(bot: Running) -> None:
    """/headlines lists the issue; /search and plain text find 非遗; a date range filters."""
    (reply,) = await bot.say(READER, "/headlines 2024-02-10")
    assert "全部标题" in reply.params["text"]
    (reply,) = await bot.say(READER, "/search 非遗")
    assert "非遗文化绽放古都新春" in reply.params["text"]
    (reply,) = await bot.say(READER, "非遗")
    assert "非遗文化绽放古都新春" in reply.params["text"]
    (reply,) = await bot.say(READER, "/search 非遗 2023-01-01..2023-12-31")
    assert "没有找到相关文章" in reply.params["text"]


async def test_subscribe_settings_and_unsubscribe(bot: Running) -> None:
    """/subscribe stores time and sections; /settings changes them by buttons; /unsubscribe."""
    (reply,) = await bot.say(READER, "/subscribe 07:30 要闻")
    assert "07:30" in reply.params["text"] and "要闻" in reply.params["text"]
    (menu,) = await bot.say(READER, "/settings")
    assert "07:30" in menu.params["text"]
    mark = bot.api.mark()
    await bot.press(READER, menu, dict(bot.buttons(menu))["推送时间"])
    (times,) = await bot.api.await_for("editMessageText", since=mark)
    mark = bot.api.mark()
    await bot.press(READER, times, dict(bot.buttons(times))["08:00"])
    (done,) = await bot.api.await_for("editMessageText", since=mark)
    assert "08:00" in done.params["text"]
    (reply,) = await bot.say(READER, "/subscribe 25:00")
    assert "看不懂这个时间" in reply.params["text"]
    (reply,) = await bot.say(READER, "/unsubscribe")
    assert "已退订" in reply.params["text"]


async def test_subscribe_button_and_language(bot: Running) -> None:
    """The welcome's button subscribes; /lang en switches to English, also via Telegram's."""
    (welcome,) = await bot.say(READER, "/start")
    mark = bot.api.mark()
    await bot.press(READER, welcome, dict(bot.buttons(welcome))["订阅每日推送"])
    (answer,) = await bot.api.await_for("answerCallbackQuery", since=mark)
    assert answer.params.get("text") == "已订阅"
    (note,) = await bot.api.await_for("sendMessage", chat_id=READER, since=mark)
    assert "已订阅" in note.params["text"]
    (reply,) = await bot.say(READER, "/lang en")
    assert "English" in reply.params["text"]
    (reply,) = await bot.say(READER, "/help")
    assert "What Paperboy can do" in reply.params["text"]
    (reply,) = await bot.say(3003, "/start", language_code="en")
    assert "Welcome to Paperboy" in reply.params["text"]


async def test_replies_are_fast(bot: Running) -> None:
    """Each reply is sent soon after its update was served (figures: bench/, not asserted)."""
    for text in ("/today", "/section 要闻", "/headline 古城", "/search 非遗"):
        (reply,) = await bot.say(READER, text)
        assert reply.ok
