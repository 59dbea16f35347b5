"""Readers talk to the real bot over HTTP: every reader command and the pagination."""

from __future__ import annotations

from tests.e2e.conftest import READER, Running


async def test_start_registers_commands_and_welcomes(bot: Running) -> None:
    """On start the bot registers its commands in zh and en; /start welcomes with a button."""
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
