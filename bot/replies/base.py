"""Replies as values every channel can show: Telegram HTML with buttons, or plain text.

Command code builds a :class:`Reply` from chunks (see :mod:`bot.render`); the Telegram
channel sends each message's ``html`` with its buttons, the terminal prints its ``text``
and numbers the buttons so a reader can press one by typing its number.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot import callbacks
from bot.i18n import Messages
from bot.render import Chunk, pack
from bot.services import Services
from digests.archive.base import Archive, StoredArticle
from digests.ids import from_command

PAGE_SIZE = 5


@dataclass(frozen=True, slots=True)
class Who:
    """Who is asking, through which channel, in which language."""

    channel: str  # "telegram" or "console"
    chat_id: str
    user_id: int | None
    language: str = "zh"
    is_admin: bool = False
    bot_username: str = ""

    @property
    def actor(self) -> str:
        """The name the audit log keeps."""
        return f"{self.channel}:{self.user_id if self.user_id is not None else self.chat_id}"


@dataclass(frozen=True, slots=True)
class Button:
    label: str
    data: str  # encoded callback data, at most 64 bytes


@dataclass(frozen=True, slots=True)
class Message:
    html: str
    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class Reply:
    """What the bot answers. For a button press, ``edit`` replaces the message the button
    sat under with the first message; ``toast`` is the short note Telegram pops up."""

    messages: tuple[Message, ...] = ()
    edit: bool = False
    toast: str = ""


@dataclass(frozen=True, slots=True)
class Ctx:
    """What a command needs: the services, the texts and who asks."""

    services: Services
    texts: Messages
    who: Who
    sections: tuple[str, ...] = ()  # the newspaper's section names from config

    def t(self, key: str, /, **values: object) -> str:
        return self.texts.t(self.who.language, key, **values)


def button(label: str, cb: callbacks.Callback) -> Button:
    return Button(label, callbacks.encode(cb))


def reply(
    chunks: Sequence[Chunk],
    buttons: Sequence[Sequence[Button]] = (),
    *,
    sep: str = "\n",
    edit: bool = False,
    toast: str = "",
) -> Reply:
    """Messages packed from ``chunks``; the buttons go under the last one."""
    packed = pack(chunks, sep=sep)
    rows = tuple(tuple(r) for r in buttons if r)
    msgs = [Message(p.html, p.text) for p in packed]
    if msgs and rows:
        msgs[-1] = Message(msgs[-1].html, msgs[-1].text, rows)
    return Reply(tuple(msgs), edit=edit, toast=toast)


_DATE_FORMS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
    re.compile(r"^(\d{4})[./](\d{1,2})[./](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
)
_RANGE = re.compile(r"^(.+?)(?:\.\.|~|～|至|到)(.+)$")


def parse_date(text: str) -> dt.date | None:
    """A date as readers type it (2024-02-10, 20240210, 2024.2.10, 2024年2月10日)."""
    for form in _DATE_FORMS:
        m = form.match(text.strip())
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


def parse_range(text: str) -> tuple[dt.date, dt.date] | None:
    """``D1..D2`` (or ``~``, ``至``, ``到``) or a single date: inclusive bounds."""
    m = _RANGE.match(text)
    if m:
        a, b = parse_date(m[1]), parse_date(m[2])
        return (min(a, b), max(a, b)) if a and b else None
    day = parse_date(text)
    return (day, day) if day else None


def looks_like_date(text: str) -> bool:
    return bool(re.match(r"^\d{4}[-./年]?\d", text.strip()))


def one_line(text: str) -> str:
    """A query as one line (its first line in a result list must hold it whole)."""
    return " ".join(text.split())


def find_article(archive: Archive, article_id: str) -> StoredArticle | None:
    """The article as spelled (or as a pasted ``/a_…`` command), else in lower or upper
    case: readers retype ids from a screenshot, and phones capitalise the first letter."""
    wanted = article_id.strip()
    if wanted.startswith("/a_"):
        wanted = from_command(wanted[3:]) or wanted
    for spelling in dict.fromkeys((wanted, wanted.lower(), wanted.upper())):
        if found := archive.get_article(spelling):
            return found
    return None
