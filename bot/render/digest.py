"""A digest said in the reader's language: Telegram HTML and plain text, cut into messages.

The one builder of digest messages: /today, the push and the terminal all send these. Both
renderings are cut at the same item boundaries, so each message's "全文" buttons (one per
article it shows) match what it shows. Every word comes from config/messages.*.toml.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Protocol

from bot import callbacks
from bot.render import TELEGRAM_LIMIT, Chunk, esc, pack, utf16_len
from bot.render.links import COMMAND_MAX, article_command, article_link
from digests.digest import Digest, DigestItem, DigestSection

SHORT_TITLE = 14  # characters of a title on a button
_ROOM = 200  # units an item leaves free in a message, for its section heading beside it
_SECTION_GAP = "\n\n"  # a blank line before each section heading


class Texts(Protocol):
    def t(self, lang: str, key: str, /, **values: object) -> str: ...
    def has(self, key: str) -> bool: ...


@dataclass(frozen=True, slots=True)
class DigestMessage:
    """One message: both renderings, the articles it shows, and a button per article that
    opens it, as (label, callback data)."""

    html: str
    text: str
    article_ids: tuple[str, ...] = ()
    buttons: tuple[tuple[str, str], ...] = ()


def render_digest(
    digest: Digest, texts: Texts, limit: int = TELEGRAM_LIMIT
) -> tuple[DigestMessage, ...]:
    """The messages a reader gets for ``digest``, each at most ``limit`` UTF-16 units."""
    lang = digest.options.language
    chunks = [_header(digest, texts, lang)]
    for section in digest.sections:
        chunks.append(_section(section, texts, lang))
        chunks += [_item(item, digest, texts, lang, limit) for item in section.items]
    if not digest.sections:
        nothing = texts.t(lang, "digest.nothing")
        chunks.append(Chunk(esc(nothing), nothing))
    titles = {i.article_id: i.title for i in digest.items}
    return tuple(
        DigestMessage(p.html, p.text, p.keys, _buttons(p.keys, titles, texts, lang))
        for p in pack(chunks, limit)
    )


def page_title(texts: Texts, lang: str, number: int | None, name: str) -> str:
    """A page as readers know it, "第2版 要闻"; a page with neither still gets a name."""
    where = texts.t(lang, "reader.page", n=number) if number is not None else ""
    return " ".join(p for p in (where, name) if p) or texts.t(lang, "digest.unnamed_page")


def heading(texts: Texts, lang: str, number: int | None, name: str) -> str:
    """A page's heading over its articles, "【第2版 要闻】"."""
    return texts.t(lang, "digest.heading", title=page_title(texts, lang, number, name))


def short(title: str, n: int = SHORT_TITLE) -> str:
    return title if len(title) <= n else title[: n - 1] + "…"


def _buttons(
    ids: tuple[str, ...], titles: dict[str, str], texts: Texts, lang: str
) -> tuple[tuple[str, str], ...]:
    """A "全文：<title>" button per article (ids too long for a button skipped)."""
    return tuple(
        (
            texts.t(lang, "reader.full_text", title=short(titles.get(i, i))),
            callbacks.encode(callbacks.FullText(i)),
        )
        for i in ids
        if callbacks.fits(callbacks.FullText(i))
    )


def _header(digest: Digest, texts: Texts, lang: str) -> Chunk:
    d = digest.date
    weekday = texts.t(lang, "digest.weekdays").split()[d.weekday()]
    parts = [texts.t(lang, "digest.date", y=d.year, m=d.month, d=d.day, weekday=weekday)]
    if digest.number is not None:
        parts.append(texts.t(lang, "digest.number", n=digest.number))
    parts.append(texts.t(lang, "digest.count", n=digest.article_count))
    name = texts.t(lang, "digest.paper", name=digest.newspaper)
    line = " · ".join(parts)
    return Chunk(f"<b>{esc(name)}</b>\n{esc(line)}", f"{name}\n{line}", sticky=True)


def _section(section: DigestSection, texts: Texts, lang: str) -> Chunk:
    title = heading(texts, lang, section.number, section.name)
    more = texts.t(lang, "digest.more")
    again = Chunk(f"<b>{esc(title)}{esc(more)}</b>", f"{title}{more}", gap=_SECTION_GAP)
    return Chunk(f"<b>{esc(title)}</b>", title, gap=_SECTION_GAP, sticky=True, again=again)


def _item(item: DigestItem, digest: Digest, texts: Texts, lang: str, limit: int) -> Chunk:
    title = esc(item.title)
    link = article_link(item.article_id, digest.options.bot_username) if item.article_id else ""
    command = article_command(item.article_id) if item.article_id else ""
    if len(command) > COMMAND_MAX:
        command = ""  # no one taps a command that long; Telegram does not even link it
    if link:
        head_html = f'<b><a href="{html.escape(link)}">{title}</a></b>'
    elif command:
        head_html = f"<b>{title}</b> {command}"
    else:
        head_html = f"<b>{title}</b>"
    head_text = f"{item.title}  {command}" if command else item.title
    mark_key = f"digest.mark_{item.kind}"
    mark = texts.t(lang, mark_key) if texts.has(mark_key) else ""
    head_html, head_text = mark + head_html, mark + head_text
    if not item.summary:
        return Chunk(head_html, head_text, key=item.article_id)
    return _fit(head_html, head_text, item.summary, limit - _ROOM, item.article_id)


def _fit(head_html: str, head_text: str, summary: str, room: int, key: str) -> Chunk:
    """An item with its summary, shortened so that one item never needs a message alone."""
    head = max(utf16_len(head_html), utf16_len(head_text))
    cut = summary
    if head + 1 + utf16_len(esc(summary)) > room:
        keep = max(room - head - 2, 0)
        while keep and utf16_len(esc(summary[:keep])) > room - head - 2:
            keep = keep * 9 // 10
        cut = summary[:keep] + "…"
    return Chunk(f"{head_html}\n{esc(cut)}", f"{head_text}\n{cut}", key=key)
