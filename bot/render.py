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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

TELEGRAM_LIMIT = 4096  # UTF-16 code units per message, after entity parsing
_SENTENCE = re.compile(r"(?<=[。！？!?；;…])(?![”’」』）)\"'])|(?<=[。！？!?][”’」』）)\"'])")
_CLAUSE = re.compile(r"(?<=[，、：,:])")
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
    (html is its escaped text, with ``wrap`` around it) that may be cut at sentences."""

    html: str
    text: str
    raw: bool = False
    wrap: tuple[str, str] = ("", "")

    @property
    def size(self) -> int:
        return max(utf16_len(self.html), utf16_len(self.text))


def line(text: str, *, bold: bool = False, italic: bool = False) -> Chunk:
    """A chunk of user or article text, escaped, optionally bold or italic."""
    tags = ("<b>", "</b>") if bold else ("<i>", "</i>") if italic else ("", "")
    return Chunk(f"{tags[0]}{esc(text)}{tags[1]}", text, raw=True, wrap=tags)


def markup(html_text: str) -> Chunk:
    """A chunk of trusted HTML the bot wrote itself (its text derived by stripping tags)."""
    return Chunk(html_text, plain(html_text))


def sentences(text: str) -> list[str]:
    """Split prose after sentence ends (closing quotes stay with their sentence)."""
    return [s for s in _SENTENCE.split(text) if s]


def _units(text: str, limit: int) -> list[str]:
    """Sentences; a sentence too long becomes clauses, a clause too long characters."""
    out: list[str] = []
    for sentence in sentences(text):
        if _size(sentence) <= limit:
            out.append(sentence)
            continue
        for clause in (c for c in _CLAUSE.split(sentence) if c):
            out.extend([clause] if _size(clause) <= limit else list(clause))
    return out


def _size(text: str) -> int:
    return utf16_len(esc(text))


def _cut(text: str, limit: int) -> list[str]:
    """Cut prose into pieces of at most ``limit`` units, as late as the units allow."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    for unit in _units(text, limit):
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
        chunk = Chunk(esc(chunk.text), chunk.text, raw=True)
    room = limit - utf16_len(chunk.wrap[0] + chunk.wrap[1])
    return [
        Chunk(f"{chunk.wrap[0]}{esc(p)}{chunk.wrap[1]}", p, raw=True, wrap=chunk.wrap)
        for p in _cut(chunk.text, room)
    ]


@dataclass(frozen=True, slots=True)
class Packed:
    html: str
    text: str


def pack(chunks: Iterable[Chunk], limit: int = TELEGRAM_LIMIT, sep: str = "\n") -> list[Packed]:
    """Fill messages of at most ``limit`` units, breaking only between chunks."""
    out: list[Packed] = []
    cur_html: list[str] = []
    cur_text: list[str] = []
    size = 0
    sep_len = utf16_len(sep)
    for big in chunks:
        for chunk in _split_chunk(big, limit):
            extra = chunk.size + (sep_len if cur_html else 0)
            if cur_html and size + extra > limit:
                out.append(Packed(sep.join(cur_html), sep.join(cur_text)))
                cur_html, cur_text, size = [], [], 0
                extra = chunk.size
            cur_html.append(chunk.html)
            cur_text.append(chunk.text)
            size += extra
    if cur_html:
        out.append(Packed(sep.join(cur_html), sep.join(cur_text)))
    return out


def join(chunks: Sequence[Chunk], sep: str = "\n") -> Chunk:
    """Several chunks as one that is never split between them."""
    return Chunk(sep.join(c.html for c in chunks), sep.join(c.text for c in chunks))
