"""Inline-button callback data: typed values, encoded in at most 64 bytes.

Everything a button needs travels in its data (no server-side cache), so a button still
works after the bot restarts. The form is ``<tag>:<field>:…`` with free text (a query, a
section name) last, so it may hold colons. A search query too long to fit travels as
``~``: the handler reads it back from the first line of the message the button sits under
(see :func:`query_from_message`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MAX_BYTES = 64
QUERY_MARK = "🔎 "  # the first line of a result list: the mark, then the query verbatim
_FROM_MESSAGE = "~"
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True, slots=True)
class SearchPage:
    page: int
    query: str
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True, slots=True)
class HeadlinePage:
    page: int
    fragment: str


@dataclass(frozen=True, slots=True)
class HeadlinesPage:
    page: int
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class SectionPage:
    page: int
    name: str
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class IssuesPage:
    page: int


@dataclass(frozen=True, slots=True)
class FullText:
    article_id: str


@dataclass(frozen=True, slots=True)
class Subscribe:
    """The welcome's subscribe button."""


@dataclass(frozen=True, slots=True)
class SettingsMenu:
    """Open the settings (``what`` "") or one of its pages: "time", "sections", "lang"."""

    what: str = ""


@dataclass(frozen=True, slots=True)
class SetTime:
    time: str


@dataclass(frozen=True, slots=True)
class ToggleSection:
    """Add or remove a section; "*" means every section."""

    name: str


@dataclass(frozen=True, slots=True)
class SetLanguage:
    language: str


@dataclass(frozen=True, slots=True)
class SetPaused:
    paused: bool


@dataclass(frozen=True, slots=True)
class Noop:
    """A button that only shows something (a page counter)."""


Callback = (
    SearchPage
    | HeadlinePage
    | HeadlinesPage
    | SectionPage
    | IssuesPage
    | FullText
    | Subscribe
    | SettingsMenu
    | SetTime
    | ToggleSection
    | SetLanguage
    | SetPaused
    | Noop
)


def _d(date: dt.date | None) -> str:
    return f"{date:%Y%m%d}" if date else ""


def _date(text: str) -> dt.date | None:
    return dt.datetime.strptime(text, "%Y%m%d").date() if text else None


def _fit(head: str, free: str) -> str:
    """``head`` plus free text, the text replaced by the message mark when it overflows."""
    data = head + free
    return data if len(data.encode()) <= MAX_BYTES else head + _FROM_MESSAGE


def encode(cb: Callback) -> str:
    """The callback data for a button; never more than 64 bytes."""
    match cb:
        case SearchPage(page, query, since, until):
            data = _fit(f"s:{page}:{_d(since)}:{_d(until)}:", _FROM_MESSAGE + query)
        case HeadlinePage(page, fragment):
            data = _fit(f"h:{page}:", _FROM_MESSAGE + fragment)
        case HeadlinesPage(page, date):
            data = f"l:{page}:{_d(date)}"
        case SectionPage(page, name, date):
            data = _fit(f"c:{page}:{_d(date)}:", _FROM_MESSAGE + name)
        case IssuesPage(page):
            data = f"i:{page}"
        case FullText(article_id):
            data = f"a:{article_id}"
        case Subscribe():
            data = "sub"
        case SettingsMenu(what):
            data = f"m:{what}"
        case SetTime(time):
            data = f"t:{time}"
        case ToggleSection(name):
            data = f"x:{name}"
        case SetLanguage(language):
            data = f"g:{language}"
        case SetPaused(paused):
            data = f"p:{int(paused)}"
        case Noop():
            data = "n"
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def fits(cb: Callback) -> bool:
    """Whether ``cb`` can be encoded (an article id or section name may be too long)."""
    try:
        encode(cb)
    except ValueError:
        return False
    return True


def _free(text: str) -> str | None:
    """Free text as encoded: ``~`` + text inline, or ``~`` alone for "from the message"."""
    if not text.startswith(_FROM_MESSAGE):
        return None
    return text[1:] if len(text) > 1 else ""


def decode(data: str, message_text: str = "") -> Callback | None:
    """The value a button carries; None for data this bot never made (or cannot read)."""
    tag, _, rest = data.partition(":")
    try:
        match tag:
            case "s":
                page, since, until, free = rest.split(":", 3)
                query = _free(free)
                if query == "":
                    query = query_from_message(message_text)
                if not query:
                    return None
                return SearchPage(int(page), query, _date(since), _date(until))
            case "h" | "c":
                page, *middle, free = rest.split(":", 2 if tag == "c" else 1)
                text = _free(free)
                if text == "":
                    text = query_from_message(message_text)
                if not text:
                    return None
                if tag == "h":
                    return HeadlinePage(int(page), text)
                return SectionPage(int(page), text, _date(middle[0]))
            case "l":
                page, date = rest.split(":")
                return HeadlinesPage(int(page), _date(date))
            case "i":
                return IssuesPage(int(rest))
            case "a":
                return FullText(rest) if rest else None
            case "sub":
                return Subscribe()
            case "m":
                return SettingsMenu(rest) if rest in ("", "time", "sections", "lang") else None
            case "t":
                return SetTime(rest) if _TIME.match(rest) else None
            case "x":
                return ToggleSection(rest) if rest else None
            case "g":
                return SetLanguage(rest) if rest in ("zh", "en") else None
            case "p":
                return SetPaused(rest == "1") if rest in ("0", "1") else None
            case "n":
                return Noop()
    except ValueError:
        return None
    return None


def query_from_message(message_text: str) -> str:
    """The query on a result list's first line (``🔎 <query>``); "" when there is none."""
    first = message_text.split("\n", 1)[0]
    return first[len(QUERY_MARK) :].strip() if first.startswith(QUERY_MARK) else ""
