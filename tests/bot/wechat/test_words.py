"""Readers' words and menu keys become the Telegram commands."""

from __future__ import annotations

import pytest

from bot.wechat.words import command_for, menu_command


@pytest.mark.parametrize(
    ("typed", "command"),
    [
        ("今日", "/today"),
        ("版面", "/sections"),
        ("版面 要闻", "/section 要闻"),
        ("版面要闻", "/section 要闻"),
        ("标题", "/headlines"),
        ("标题  古城 保护", "/headline 古城 保护"),
        ("搜索 非遗 刀削面", "/search 非遗 刀削面"),
        ("搜索非遗", "/search 非遗"),
        ("订阅 07:30 要闻", "/subscribe 07:30 要闻"),
        ("订阅07:30", "/subscribe 07:30"),
        ("退订", "/unsubscribe"),
        ("/today", "/today"),
        ("今日说法", "今日说法"),  # not a word of ours: a search, as on Telegram
        ("刀削面", "刀削面"),
    ],
)
def test_words_map_onto_commands(typed: str, command: str) -> None:
    assert command_for(typed) == command


def test_menu_keys_map_onto_commands() -> None:
    """CLICK keys: ours in any case, a word, a command; anything else is ignored."""
    assert menu_command("TODAY") == "/today"
    assert menu_command("subscribe") == "/subscribe"
    assert menu_command("版面") == "/sections"
    assert menu_command("/help") == "/help"
    assert menu_command("V1001_GOOD") == ""
