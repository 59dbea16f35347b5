"""The daily digest: an issue plus a reader's preferences gives the messages they get.

Pure: no I/O, no clock. The bot sends ``html`` to Telegram (parse mode HTML) and ``text`` to
the terminal channel; both are cut at the same article boundaries so that each message's
"全文" buttons (one per id in ``article_ids``) match what the message shows.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

from digests.ids import to_command
from digests.model import Article, Issue, Page

TELEGRAM_LIMIT = 4096  # UTF-16 code units per message
_DEEP_LINK_MAX = 64  # bytes of a t.me ?start= payload
_COMMAND_MAX = 64  # characters of a /a_<id> command worth showing
# Real headlines run to about 60 characters; a longer "title" is a broken source line,
# and it must not push its item (or the whole digest message) past Telegram's limit.
MAX_TITLE_CHARS = 120
_DEEP_LINK_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_USERNAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")

# Items a reader skims past in print get no place in a digest.
_SKIPPED_KINDS = frozenset({"ad"})
_ONE_LINE_KINDS = frozenset({"photo", "notice"})

_WEEKDAYS = {
    "zh": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_LABELS = {
    "zh": {
        "date": "{d.year}年{d.month}月{d.day}日 {weekday}",
        "number": "第{n}期",
        "count": "共 {n} 篇",
        "page": "第{n}版",
        "photo": "📷 ",
        "notice": "📢 ",
        "nothing": "本期没有您订阅的版面。发送 /settings 可以更改版面。",
        "more": "（续）",
    },
    "en": {
        "date": "{d:%Y-%m-%d} {weekday}",
        "number": "No. {n}",
        "count": "{n} articles",
        "page": "Page {n}",
        "photo": "📷 ",
        "notice": "📢 ",
        "nothing": "This issue has none of your sections. Send /settings to change them.",
        "more": "(continued)",
    },
}


@dataclass(frozen=True, slots=True)
class DigestOptions:
    """What shapes one reader's digest.

    ``sections`` holds section names (版名) or page numbers; empty means every section.
    With ``bot_username`` titles link to ``t.me/<bot>?start=a_<id>``; without it a
    ``/a_<id>`` command follows each title (Telegram makes it tappable).
    """

    sections: tuple[str, ...] = ()
    language: str = "zh"
    bot_username: str = ""
    max_units: int = TELEGRAM_LIMIT


@dataclass(frozen=True, slots=True)
class DigestMessage:
    """One message of a digest, in both renderings, with the articles it shows."""

    html: str
    text: str
    article_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Digest:
    issue_key: str
    messages: tuple[DigestMessage, ...]
    article_count: int


@dataclass(frozen=True, slots=True)
class _Block:
    html: str
    text: str
    article_id: str = ""
    is_section: bool = False


def issue_key(newspaper: str, date: dt.date) -> str:
    """The ledger's name for an issue: ``<newspaper>/<YYYY-MM-DD>``."""
    return f"{newspaper}/{date:%Y-%m-%d}"


def utf16_len(text: str) -> int:
    """Length as Telegram counts it: characters beyond the BMP take two units."""
    return len(text.encode("utf-16-le")) // 2


def article_command(article_id: str) -> str:
    """The deep-link command that opens an article: ``/a_<id spelled for commands>``."""
    return "/a_" + to_command(article_id)


def article_link(article_id: str, bot_username: str) -> str:
    """A t.me link that starts the bot on the article; empty when no link can carry it."""
    payload = "a_" + to_command(article_id)
    if not _USERNAME_RE.match(bot_username) or not _DEEP_LINK_RE.match(payload):
        return ""
    return f"https://t.me/{bot_username}?start={payload}"


def counted(article: Article) -> bool:
    """Whether an item is listed and counted for readers: everything but advertisements,
    in the digest, /sections, /section and /headlines alike."""
    return article.kind not in _SKIPPED_KINDS


def wants_page(page: Page, sections: tuple[str, ...]) -> bool:
    """Whether a reader who chose ``sections`` gets this page (empty: every page)."""
    if not sections:
        return True
    wanted = {s.strip() for s in sections if s.strip()}
    return page.name in wanted or (page.number is not None and str(page.number) in wanted)


def build_digest(issue: Issue, options: DigestOptions = DigestOptions()) -> Digest:
    """The messages a reader with these preferences gets for this issue."""
    labels = _LABELS.get(options.language, _LABELS["zh"])
    body: list[_Block] = []
    count = 0
    for page in issue.pages:
        if not wants_page(page, options.sections):
            continue
        items = [a for a in page.articles if counted(a)]
        if not items:
            continue
        body.append(_section_block(page, labels))
        for article in items:
            body.append(_article_block(article, options, labels))
            count += 1
    header = _header(issue, count, options.language, labels)
    if not count:
        body = [_Block(html.escape(labels["nothing"], quote=False), labels["nothing"])]
    messages = _pack(header, body, options.max_units, labels["more"])
    return Digest(issue_key(issue.newspaper, issue.date), messages, count)


def _header(issue: Issue, count: int, language: str, labels: dict[str, str]) -> _Block:
    weekday = _WEEKDAYS.get(language, _WEEKDAYS["zh"])[issue.date.weekday()]
    parts = [labels["date"].format(d=issue.date, weekday=weekday)]
    if issue.number is not None:
        parts.append(labels["number"].format(n=issue.number))
    parts.append(labels["count"].format(n=count))
    name = f"《{issue.newspaper}》" if language == "zh" else issue.newspaper
    line = " · ".join(parts)
    return _Block(
        f"<b>{html.escape(name, quote=False)}</b>\n{html.escape(line, quote=False)}",
        f"{name}\n{line}",
    )


def _section_block(page: Page, labels: dict[str, str]) -> _Block:
    where = labels["page"].format(n=page.number) if page.number is not None else ""
    title = " ".join(p for p in (where, page.name) if p) or "—"
    return _Block(f"<b>【{html.escape(title, quote=False)}】</b>", f"【{title}】", is_section=True)


def display_title(article: Article, limit: int = MAX_TITLE_CHARS) -> str:
    """What a reader sees as an item's name: its title (else kicker or subtitle), else the
    first sentence of its summary or text, never its id; cut to ``limit`` characters."""
    title = " ".join((article.title or article.kicker or article.subtitle).split())
    if title:
        return title if len(title) <= limit else title[: limit - 1] + "…"
    return _first_sentence(article.summary or article.text, min(limit, 40))


def _first_sentence(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    first = _SENTENCE_END.split(flat, maxsplit=1)[0] if flat else ""
    return first if len(first) <= limit else first[: limit - 1] + "…"


def _summary(article: Article) -> str:
    if article.summary:
        return " ".join(article.summary.split())
    return _first_sentence(article.text, 120)


def _article_block(article: Article, options: DigestOptions, labels: dict[str, str]) -> _Block:
    title = display_title(article)
    esc_title = html.escape(title, quote=False)
    link = article_link(article.id, options.bot_username) if article.id else ""
    command = article_command(article.id) if article.id else ""
    if len(command) > _COMMAND_MAX:
        command = ""  # no one taps a command that long; Telegram does not even link it
    if link:
        head_html = f'<b><a href="{html.escape(link)}">{esc_title}</a></b>'
    elif command:
        head_html = f"<b>{esc_title}</b> {command}"
    else:
        head_html = f"<b>{esc_title}</b>"
    head_text = f"{title}  {command}" if command else title
    if article.kind in _ONE_LINE_KINDS:
        mark = labels[article.kind]
        return _Block(mark + head_html, mark + head_text, article.id)
    summary = _summary(article)
    if not summary:
        return _Block(head_html, head_text, article.id)
    esc_summary = html.escape(summary, quote=False)
    block = _Block(f"{head_html}\n{esc_summary}", f"{head_text}\n{summary}", article.id)
    return _fit(block, head_html, head_text, summary, options.max_units)


def _fit(block: _Block, head_html: str, head_text: str, summary: str, limit: int) -> _Block:
    """Shorten an oversized summary so that one article never needs a message of its own."""
    room = limit - 200  # leaves space for a section line beside it
    if max(utf16_len(block.html), utf16_len(block.text)) <= room:
        return block
    head = max(utf16_len(head_html), utf16_len(head_text))
    keep = max(room - head - 2, 0)
    while keep and utf16_len(html.escape(summary[:keep], quote=False)) > room - head - 2:
        keep = keep * 9 // 10
    cut = summary[:keep] + "…"
    return _Block(
        f"{head_html}\n{html.escape(cut, quote=False)}", f"{head_text}\n{cut}", block.article_id
    )


def _pack(header: _Block, body: list[_Block], limit: int, more: str) -> tuple[DigestMessage, ...]:
    """Fill messages block by block, starting a new one only between articles."""
    messages: list[DigestMessage] = []
    parts: list[_Block] = [header]
    section: _Block | None = None
    for block in body:
        if block.is_section:
            section = block
        candidate = [*parts, block]
        if _size(candidate) > limit and any(p.article_id for p in parts):
            carried: list[_Block] = []
            if parts[-1].is_section:
                carried = [parts.pop()]  # a heading goes with its first article
            elif not block.is_section and section is not None:
                # A section that runs on into the next message repeats its heading there.
                carried = [
                    _Block(
                        section.html.replace("】</b>", f"】{more}</b>"),
                        section.text + more,
                        is_section=True,
                    )
                ]
            messages.append(_message(parts))
            candidate = [*carried, block]
        parts = candidate
    messages.append(_message(parts))
    return tuple(messages)


def _joined(parts: list[_Block]) -> tuple[str, str]:
    out_html: list[str] = []
    out_text: list[str] = []
    for i, part in enumerate(parts):
        # A blank line before each section heading; one newline between other blocks.
        gap = "" if i == 0 else "\n\n" if part.is_section else "\n"
        out_html.append(gap + part.html)
        out_text.append(gap + part.text)
    return "".join(out_html), "".join(out_text)


def _size(parts: list[_Block]) -> int:
    text_html, text_plain = _joined(parts)
    return max(utf16_len(text_html), utf16_len(text_plain))


def _message(parts: list[_Block]) -> DigestMessage:
    text_html, text_plain = _joined(parts)
    return DigestMessage(text_html, text_plain, tuple(p.article_id for p in parts if p.article_id))
