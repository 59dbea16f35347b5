"""Readers' words and menu keys as the bot's commands: 今日, 版面 要闻, 搜索 非遗…

WeChat has no slash commands or inline buttons, so a follower types a word (or taps a
menu item whose key is one of :data:`MENU_KEYS`) and it becomes the command Telegram has.
Slash commands typed as on Telegram work too; any other text is a search, as there.
"""

from __future__ import annotations

# word -> (command without arguments, command with arguments)
WORDS: dict[str, tuple[str, str]] = {
    "今日": ("/today", "/today"),
    "今天": ("/today", "/today"),
    "今日要闻": ("/today", "/today"),
    "版面": ("/sections", "/section"),
    "标题": ("/headlines", "/headline"),
    "搜索": ("/search", "/search"),
    "订阅": ("/subscribe", "/subscribe"),
    "退订": ("/unsubscribe", "/unsubscribe"),
    "取消订阅": ("/unsubscribe", "/unsubscribe"),
    "设置": ("/settings", "/settings"),
    "帮助": ("/help", "/help"),
    "全文": ("/article", "/article"),
    "语言": ("/lang", "/lang"),
}
# Words that may run straight into their argument: 搜索非遗, 版面要闻, 订阅07:30.
_PREFIXES = ("搜索", "标题", "版面", "订阅", "全文")

# Custom-menu CLICK keys (set in the OA console or by the menu API) -> the words above.
MENU_KEYS: dict[str, str] = {
    "TODAY": "今日",
    "SECTIONS": "版面",
    "HEADLINES": "标题",
    "SEARCH": "搜索",
    "SUBSCRIBE": "订阅",
    "UNSUBSCRIBE": "退订",
    "SETTINGS": "设置",
    "HELP": "帮助",
}


def command_for(text: str) -> str:
    """The command line the Responder answers for what a follower typed."""
    stripped = " ".join(text.split())
    if not stripped or stripped.startswith("/"):
        return stripped
    word, _, args = stripped.partition(" ")
    if word not in WORDS:
        prefix = next((p for p in _PREFIXES if word.startswith(p) and word != p), "")
        if not prefix:
            return stripped
        word, args = prefix, f"{word[len(prefix) :]} {args}".strip()
    bare, with_args = WORDS[word]
    return f"{with_args} {args}" if args else bare


def menu_command(event_key: str) -> str:
    """The command a menu item's key stands for ("" when the key is not one of ours)."""
    key = event_key.strip()
    word = MENU_KEYS.get(key.upper(), key if key in WORDS or key.startswith("/") else "")
    return command_for(word) if word else ""
