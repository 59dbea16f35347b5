"""Is a text wholly in one language? What the bot writes, its words, not the values in it.

A Chinese text may hold commands (/push now, /lang en, paperboy fetch), ids, dates,
figures, file names and URLs, and a few names written as they are (products, formats).
An English text may hold the Chinese argument of a command (/section 要闻), a WeChat
command word (今日), and whatever the caller names as data (headlines, a paper's name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# Names a Chinese text writes as they are: products, formats, protocols, files.
NAMES = frozenset(
    {"English", "Word", "Office", "OpenDocument", "Telegram", "UTF", "Ctrl", "MB", "PDF"}
    | {"RTF", "GBK", "Big", "http", "robots", "serve"}
)
_COMMAND = r"/[A-Za-z_]+(?: [a-z]{2,3}\b)?|paperboy [a-z]+"
_VALUES = r"\S+://\S+|[A-Za-z0-9_.-]*\.[a-z]{2,4}\b|\S*\d\S*"  # URLs, file and host names, figures


def english_in_chinese(text: str) -> set[str]:
    """English words in a Chinese text beyond commands, values and the names above, plus
    any run of two English words (a phrase, even of allowed names)."""
    bare = re.sub(rf"{_COMMAND}|{_VALUES}", " ", text)
    words = set(re.findall(r"[A-Za-z]{2,}", bare))
    phrases = set(re.findall(r"[A-Za-z]{2,}[ ,;]+[A-Za-z]{2,}", bare))
    return (words - NAMES) | phrases


def chinese_in_english(text: str, data: Iterable[str] = ()) -> list[str]:
    """Chinese in an English text that is not data, a command's Chinese argument
    (/section 要闻), a WeChat command word (今日) or one's argument (版面 要闻)."""
    from bot.wechat.words import WORDS

    for value in sorted(data, key=len, reverse=True):
        if value:
            text = text.replace(value, " ")
    left: list[str] = []
    in_command = False
    for token in text.split():
        word = token.strip("()[],.;:!?\"'")
        if word.startswith("/") or word in WORDS:
            in_command = True
        elif CJK.search(word) and not in_command:
            left.append(word)
        elif re.fullmatch(r"[A-Za-z]+", word):
            in_command = False
    return left
