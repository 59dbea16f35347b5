"""A digest as Telegram messages: HTML text plus the "全文" buttons, serialized once.

The buttons are those of /today (one "全文：<title>" button per article of the message), so
a reader gets the same digest pushed and asked for. The push sends one rendering to every
subscriber with the same preferences, so the keyboard is turned into JSON once here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from bot import callbacks
from digests.digest import Digest
from digests.model import Issue

SHORT_TITLE = 14  # characters of a title on a button, as /today shows it

# (language, key, **values) -> text: bot.i18n.Messages.t
Texts = Callable[..., str]


def short(title: str, n: int = SHORT_TITLE) -> str:
    return title if len(title) <= n else title[: n - 1] + "…"


def fulltext_keyboard(
    article_ids: Sequence[str], titles: dict[str, str], label: Callable[[str], str]
) -> list[list[dict[str, str]]]:
    """One button per article of a message that opens it (ids too long for a button skipped)."""
    return [
        [
            {
                "text": label(short(titles.get(a, a))),
                "callback_data": callbacks.encode(callbacks.FullText(a)),
            }
        ]
        for a in article_ids
        if callbacks.fits(callbacks.FullText(a))
    ]


def titles_of(issue: Issue) -> dict[str, str]:
    return {
        a.id: a.title or a.kicker or a.subtitle or a.summary or a.text or a.id
        for a in issue.articles
    }


def telegram_parts(
    issue: Issue, digest: Digest, language: str, texts: Texts | None = None
) -> tuple[tuple[str, str | None], ...]:
    """(HTML, reply_markup JSON or None) per message of the digest."""
    titles = titles_of(issue)

    def label(title: str) -> str:
        if texts is None:
            return ("Read: " if language == "en" else "全文：") + title
        return texts(language, "reader.full_text", title=title)

    parts: list[tuple[str, str | None]] = []
    for message in digest.messages:
        rows = fulltext_keyboard(message.article_ids, titles, label)
        markup = json.dumps({"inline_keyboard": rows}, ensure_ascii=False) if rows else None
        parts.append((message.html, markup))
    return tuple(parts)
