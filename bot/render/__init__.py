"""Telegram HTML and plain text from the same pieces, cut into messages Telegram accepts.

A reply is built from :class:`Chunk` values, each carrying its HTML (every piece of article
or user text escaped) and its plain text for the terminal. :func:`pack` fills messages chunk
by chunk, so a message ends between articles or paragraphs; a chunk too long for one
message is cut at sentence boundaries, and only a sentence too long for a message is cut
inside.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from digests.sentences import clauses, sentence_pieces

TELEGRAM_LIMIT = 4096  # UTF-16 code units per message, after entity parsing
_TAG = re.compile(r"<[^<>]+>")


def esc(text: str) -> str:
    """Escape text for Telegram's HTML parse mode."""
    return html.escape(text, quote=False)


def utf16_len(text: str) -> int:
    """Length as Telegram counts it: characters beyond the BMP take two units."""
    return len(text.encode("utf-16-le")) // 2


def plain(markup: str) -> str:
    """The text a reader sees of Telegram HTML."""
    return html.unescape(_TAG.sub("", markup))


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of a message in both renderings. ``raw`` marks a chunk of plain prose
    (html is its escaped text, with ``wrap`` around it) that may be cut at sentences.

    ``key`` names what the chunk shows (an article id); each packed message lists its keys.
    ``gap`` is the separator before the chunk (None: the packer's). A ``sticky`` chunk (a
    header, a section heading) never ends a message: it moves on with the chunk after it.
    ``again`` is what a section heading repeats at the top of a message its section runs
    on into ("【要闻】（续）").
    """

    html: str
    text: str
    raw: bool = False
    wrap: tuple[str, str] = ("", "")
    key: str = ""
    gap: str | None = None
    sticky: bool = False
    again: Chunk | None = None

    @property
    def size(self) -> int:
        return max(utf16_len(self.html), utf16_len(self.text))


def line(text: str, *, bold: bool = False, italic: bool = False) -> Chunk:
    """A chunk of user or article text, escaped, optionally bold or italic."""
    tags = ("<b>", "</b>") if bold else ("<i>", "</i>") if italic else ("", "")
    return Chunk(f"{tags[0]}{esc(text)}{tags[1]}", text, raw=True, wrap=tags)


def marked(parts: Sequence[str], limit: int) -> Chunk:
    """Searched text whose odd parts are matches: bold in HTML, in 【】 as plain text; cut
    to about ``limit`` characters of text, with an ellipsis where it was cut."""
    html: list[str] = []
    text: list[str] = []
    room = limit
    for i, part in enumerate(parts):
        cut = len(part) > room
        piece = part[: max(0, room - 1)] if cut else part
        room -= len(piece)
        if piece and i % 2:
            html.append(f"<b>{esc(piece)}</b>")
            text.append(f"【{piece}】")
        elif piece:
            html.append(esc(piece))
            text.append(piece)
        if cut:
            html.append("…")
            text.append("…")
            break
    return Chunk("".join(html), "".join(text))


def markup(html_text: str) -> Chunk:
    """A chunk of trusted HTML the bot wrote itself (its text derived by stripping tags)."""
    return Chunk(html_text, plain(html_text))


def _pieces(text: str, limit: int) -> list[str]:
    """Sentences; a sentence too long becomes clauses, a clause too long characters."""
    out: list[str] = []
    for sentence in sentence_pieces(text):
        if _size(sentence) <= limit:
            out.append(sentence)
            continue
        for clause in clauses(sentence):
            out.extend([clause] if _size(clause) <= limit else list(clause))
    return out


def _size(text: str) -> int:
    return utf16_len(esc(text))


def _cut(text: str, limit: int) -> list[str]:
    """Cut prose into pieces of at most ``limit`` units, as late as the units allow."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    for unit in _pieces(text, limit):
        n = _size(unit)
        if current and size + n > limit:
            out.append("".join(current))
            current, size = [], 0
        current.append(unit)
        size += n
    if current:
        out.append("".join(current))
    return out


def _split_chunk(chunk: Chunk, limit: int) -> list[Chunk]:
    if chunk.size <= limit:
        return [chunk]
    if not chunk.raw:
        # Only the bot's own short markup is not raw; fall back to its plain text.
        chunk = replace(chunk, html=esc(chunk.text), raw=True, wrap=("", ""))
    room = limit - utf16_len(chunk.wrap[0] + chunk.wrap[1])
    return [
        replace(chunk, html=f"{chunk.wrap[0]}{esc(p)}{chunk.wrap[1]}", text=p, gap=gap)
        for p, gap in zip(_cut(chunk.text, room), _first_gap(chunk.gap), strict=False)
    ]


def _first_gap(gap: str | None) -> Iterator[str | None]:
    yield gap
    while True:
        yield None


@dataclass(frozen=True, slots=True)
class Packed:
    html: str
    text: str
    keys: tuple[str, ...] = ()


def pack(chunks: Iterable[Chunk], limit: int = TELEGRAM_LIMIT, sep: str = "\n") -> list[Packed]:
    """Fill messages of at most ``limit`` units, breaking only between chunks, never after
    a sticky one; a section that runs on into the next message repeats its heading there."""
    out: list[Packed] = []
    cur: list[Chunk] = []
    size = 0
    heading: Chunk | None = None
    for big in chunks:
        for chunk in _split_chunk(big, limit):
            extra = chunk.size + (utf16_len(_gap(chunk, sep)) if cur else 0)
            if cur and size + extra > limit:
                cur = _close(cur, out, sep)
                if not cur and heading is not None and heading.again and chunk.again is None:
                    cur = [heading.again]
                size = _joined_size(cur, sep)
                extra = chunk.size + (utf16_len(_gap(chunk, sep)) if cur else 0)
            if chunk.again is not None:
                heading = chunk
            cur.append(chunk)
            size += extra
    if cur:
        out.append(_packed(cur, sep))
    return out


def _close(cur: list[Chunk], out: list[Packed], sep: str) -> list[Chunk]:
    """End the message before its trailing sticky chunks; return them to start the next."""
    n = len(cur)
    while n and cur[n - 1].sticky:
        n -= 1
    n = n or len(cur)  # nothing but headings: they go out alone
    out.append(_packed(cur[:n], sep))
    return cur[n:]


def _gap(chunk: Chunk, sep: str) -> str:
    return sep if chunk.gap is None else chunk.gap


def _joined_size(chunks: Sequence[Chunk], sep: str) -> int:
    return sum(c.size for c in chunks) + sum(utf16_len(_gap(c, sep)) for c in chunks[1:])


def _packed(chunks: Sequence[Chunk], sep: str) -> Packed:
    first, rest = chunks[0], chunks[1:]
    html_out = first.html + "".join(_gap(c, sep) + c.html for c in rest)
    text_out = first.text + "".join(_gap(c, sep) + c.text for c in rest)
    return Packed(html_out, text_out, tuple(dict.fromkeys(c.key for c in chunks if c.key)))


def join(chunks: Sequence[Chunk], sep: str = "\n") -> Chunk:
    """Several chunks as one that is never split between them."""
    return Chunk(sep.join(c.html for c in chunks), sep.join(c.text for c in chunks))
