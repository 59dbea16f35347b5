"""A digest as Telegram messages: HTML text plus the "全文" buttons, serialized once.

The push sends one rendering of a digest to every subscriber with the same preferences, so
the inline keyboard is turned into JSON once here instead of once per message.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from bot import callbacks
from digests.digest import Digest

ROW = 5  # buttons per row, as /today lays them out


def fulltext_keyboard(article_ids: Sequence[str]) -> list[list[dict[str, str]]]:
    """Buttons 1…n that open the articles of one message (ids too long for a button skipped)."""
    buttons = [
        {"text": str(n), "callback_data": callbacks.encode(callbacks.FullText(a))}
        for n, a in enumerate(article_ids, 1)
        if callbacks.fits(callbacks.FullText(a))
    ]
    return [buttons[i : i + ROW] for i in range(0, len(buttons), ROW)]


def telegram_parts(digest: Digest, buttons: bool = True) -> tuple[tuple[str, str | None], ...]:
    """(HTML, reply_markup JSON or None) per message of the digest."""
    parts: list[tuple[str, str | None]] = []
    for message in digest.messages:
        rows = fulltext_keyboard(message.article_ids) if buttons else []
        markup = json.dumps({"inline_keyboard": rows}, ensure_ascii=False) if rows else None
        parts.append((message.html, markup))
    return tuple(parts)
