"""The fake Bot API server answers PTB's real Bot the way Telegram does."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, RetryAfter

from tests.fake_bot_api import FakeBotApi


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as server:
        yield server


def _bot(api: FakeBotApi) -> Bot:
    return Bot(
        api.token,
        base_url=f"{api.base_url}/bot",
        base_file_url=f"{api.base_url}/file/bot",
    )


async def test_get_me_returns_a_full_user(api: FakeBotApi) -> None:
    """It answers getMe with the bot's full user."""
    async with _bot(api) as bot:
        me = await bot.get_me()
    assert me.is_bot and me.username == "paperboy_test_bot" and me.id == api.bot_id


async def test_get_updates_long_polls_and_confirms_with_offset(api: FakeBotApi) -> None:
    """It holds getUpdates until an update arrives and drops the ones confirmed by offset."""
    async with _bot(api) as bot:
        api.send_text(7, "/today")
        first = await bot.get_updates(timeout=1)
        assert [u.message.text for u in first if u.message] == ["/today"]
        assert first[0].message and first[0].message.entities[0].type == "bot_command"
        again = await bot.get_updates(offset=first[-1].update_id + 1, timeout=0)
        assert again == ()


async def test_send_message_refuses_long_text_bad_html_and_unknown_chat(api: FakeBotApi) -> None:
    """It answers 400 for text over 4096 UTF-16 units, malformed HTML and unknown chats."""
    api.user(7)
    async with _bot(api) as bot:
        await bot.send_message(7, "好" * 4096)
        with pytest.raises(BadRequest, match="too long"):
            await bot.send_message(7, "😀" * 2049)
        with pytest.raises(BadRequest, match="parse entities"):
            await bot.send_message(7, "<b>a < b</b>", parse_mode="HTML")
        with pytest.raises(BadRequest, match="parse entities"):
            await bot.send_message(7, "<b>unclosed", parse_mode="HTML")
        with pytest.raises(BadRequest, match=r"(?i)chat not found"):
            await bot.send_message(8, "hello")


async def test_callback_data_over_64_bytes_is_refused(api: FakeBotApi) -> None:
    """It answers 400 BUTTON_DATA_INVALID for callback data over 64 bytes."""
    api.user(7)
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("下一页", callback_data="x" * 65)]])
    async with _bot(api) as bot:
        with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
            await bot.send_message(7, "hi", reply_markup=markup)


async def test_edit_and_answer_callback(api: FakeBotApi) -> None:
    """It edits a sent message, refuses an identical edit and answers a callback once."""
    api.user(7)
    async with _bot(api) as bot:
        sent = await bot.send_message(7, "第一页")
        await bot.edit_message_text("第二页", chat_id=7, message_id=sent.message_id)
        with pytest.raises(BadRequest, match="not modified"):
            await bot.edit_message_text("第二页", chat_id=7, message_id=sent.message_id)
        api.press(7, api.message(7, sent.message_id), "p:1")
        (update,) = await bot.get_updates(timeout=1)
        assert update.callback_query and update.callback_query.data == "p:1"
        await update.callback_query.answer()  # type: ignore[union-attr]
        update.callback_query.set_bot(bot)  # type: ignore[union-attr]
        with pytest.raises(BadRequest, match="query"):
            await bot.answer_callback_query(update.callback_query.id)  # type: ignore[union-attr]


async def test_get_file_and_download(api: FakeBotApi) -> None:
    """It serves an uploaded document through getFile and the file URL; too big is refused."""
    api.send_document(7, "报童".encode(), "page.txt")
    api.send_document(7, b"x", "huge.txt", file_size=21 * 1024 * 1024)
    async with _bot(api) as bot:
        small, huge = await bot.get_updates(timeout=1)
        assert small.message and small.message.document and huge.message and huge.message.document
        f = await bot.get_file(small.message.document.file_id)
        assert bytes(await f.download_as_bytearray()).decode() == "报童"
        with pytest.raises(BadRequest, match="too big"):
            await bot.get_file(huge.message.document.file_id)


async def test_hooks_inject_429_and_403(api: FakeBotApi) -> None:
    """A test can make the next calls fail with 429 (retry_after) or 403."""
    api.user(7)
    api.fail("sendMessage", 429, retry_after=3)
    api.fail("sendMessage", 403, chat_id=7)
    async with _bot(api) as bot:
        with pytest.raises(RetryAfter):
            await bot.send_message(7, "a")
        with pytest.raises(Forbidden):
            await bot.send_message(7, "a")
        await bot.send_message(7, "a")
    calls = api.calls_of("sendMessage")
    assert [c.status for c in calls] == [429, 403, 200]
    assert calls[0].response["parameters"] == {"retry_after": 3}


async def test_set_my_commands_per_language(api: FakeBotApi) -> None:
    """It keeps the command list per language and refuses an invalid command."""
    async with _bot(api) as bot:
        await bot.set_my_commands([("today", "今日要闻")], language_code="zh")
        assert (await bot.get_my_commands(language_code="zh"))[0].command == "today"
        with pytest.raises(BadRequest):
            await bot.set_my_commands([("Bad-Name", "x")])


def test_wrong_token_is_unauthorized(api: FakeBotApi) -> None:
    """It answers 401 to a wrong token and 404 to an unknown method."""
    r = httpx.post(f"{api.base_url}/bot1:wrong/getMe")
    assert r.status_code == 401
    r = httpx.post(f"{api.base_url}/bot{api.token}/noSuchMethod")
    assert r.status_code == 404
