"""The bot's texts: Chinese first, English complete, languages chosen from Telegram's."""

from __future__ import annotations

import string
from pathlib import Path

from bot.i18n import Messages, language_for

CONFIG = Path(__file__).resolve().parents[2] / "config"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_english_has_every_chinese_text_with_the_same_values() -> None:
    """Both languages have the same keys, and each text takes the same {values}."""
    texts = Messages.load(CONFIG).texts
    assert set(texts["zh"]) == set(texts["en"])
    for key, zh in texts["zh"].items():
        assert _fields(zh) == _fields(texts["en"][key]), key


def test_language_from_telegram() -> None:
    assert language_for("en-GB") == "en"
    assert language_for("zh-hans") == "zh"
    assert language_for(None) == "zh"
    assert language_for("de") == "zh"
