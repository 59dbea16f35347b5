"""How a chat reaches an article: a ``/a_<id>`` command, or a t.me deep link to the bot."""

from __future__ import annotations

import re

from digests.ids import to_command

_DEEP_LINK_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")  # a ?start= payload: 64 bytes at most
_USERNAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")
COMMAND_MAX = 64  # characters of a /a_<id> command worth showing: Telegram links no longer


def article_command(article_id: str) -> str:
    """The deep-link command that opens an article: ``/a_<id spelled for commands>``."""
    return "/a_" + to_command(article_id)


def article_link(article_id: str, bot_username: str) -> str:
    """A t.me link that starts the bot on the article; empty when no link can carry it."""
    payload = "a_" + to_command(article_id)
    if not _USERNAME_RE.match(bot_username) or not _DEEP_LINK_RE.match(payload):
        return ""
    return f"https://t.me/{bot_username}?start={payload}"
