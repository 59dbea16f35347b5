"""A digest as Telegram messages: HTML text plus the "全文" buttons, serialized once.

The messages and buttons are those of /today (bot.render.digest builds both), so a reader
gets the same digest pushed and asked for. The push sends one rendering to every
subscriber with the same preferences, so the keyboard is turned into JSON once here.
"""

from __future__ import annotations

import json

from bot.render.digest import Texts, render_digest
from digests.digest import Digest
from digests.model import Issue


def telegram_parts(
    issue: Issue, digest: Digest, language: str, texts: Texts
) -> tuple[tuple[str, str | None], ...]:
    """(HTML, reply_markup JSON or None) per message of the digest, as /today shows it
    (``digest`` carries its reader's language; ``issue`` and ``language`` fit the engine's
    renderer signature)."""
    parts: list[tuple[str, str | None]] = []
    for message in render_digest(digest, texts):
        rows = [[{"text": label, "callback_data": data}] for label, data in message.buttons]
        markup = json.dumps({"inline_keyboard": rows}, ensure_ascii=False) if rows else None
        parts.append((message.html, markup))
    return tuple(parts)
