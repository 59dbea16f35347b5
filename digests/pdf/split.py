"""A PDF's pages to :class:`Page` values: marks, lines, blocks, reading order, articles."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from digests.errors import PdfError
from digests.model import Page
from digests.pdf.blocks import Block, build_blocks
from digests.pdf.limits import DEFAULT_LIMITS, PdfLimits
from digests.pdf.lines import build_lines, dedupe, map_quotes
from digests.pdf.marks import RawPage
from digests.pdf.order import reading_order
from digests.pdf.paragraphs import column_lefts
from digests.pdf.reader import read_pdf
from digests.pdf.structure import PageStyle, build_articles
from digests.pdf.texts import DATE, PAGE_NO, WEEKDAY

_HEADER_BAND = 0.12  # of the page height: where the running header sits
_MIN_GLYPHS = 20  # fewer glyphs than this on a page with images: a scan
_NAME = re.compile(r"[\u4e00-\u9fff]{2,8}")


class SplitOptionsLike(Protocol):
    """The splitter's options; the PDF route needs none of them yet."""


def split_pdf(
    data: bytes, options: SplitOptionsLike | None = None, limits: PdfLimits = DEFAULT_LIMITS
) -> tuple[Page, ...]:
    """The pages of a PDF file, each with its articles in reading order."""
    raw_pages = read_pdf(data, limits)
    if not raw_pages:
        raise PdfError("the PDF has no pages")
    pages = []
    for raw in raw_pages:
        if len(raw.glyphs) < _MIN_GLYPHS and raw.images:
            raise PdfError(
                f"page {raw.index + 1} of the PDF has no text layer (a scan?); "
                "OCR is not supported yet"
            )
        if _undecodable(raw):
            raise PdfError(
                f"page {raw.index + 1} of the PDF has text in fonts without a Unicode map; "
                "it cannot be read as text"
            )
        pages.append(split_page(raw))
    return tuple(pages)


def _undecodable(raw: RawPage) -> bool:
    unknown = sum(g.text.startswith("(cid:") for g in raw.glyphs)
    return unknown > max(_MIN_GLYPHS, len(raw.glyphs) // 2)


def split_page(raw: RawPage) -> Page:
    """One page's articles, and its number and name from the running header."""
    glyphs = map_quotes(dedupe(raw.glyphs))
    if not glyphs:
        return Page(number=None)
    blocks = build_blocks(build_lines(glyphs, raw.rules), raw.rules)
    header = _header(blocks, raw.height)
    number, name = _number_and_name(header)
    blocks = [b for b in blocks if b not in header]
    style = _style(blocks)
    entries, _banners = reading_order(blocks, raw.rules, style.size)
    return Page(number=number, name=name, articles=tuple(build_articles(entries, style)))


def _style(blocks: Sequence[Block]) -> PageStyle:
    sizes: Counter[float] = Counter()
    fonts: Counter[str] = Counter()
    for b in blocks:
        sizes[b.size] += b.chars
    size = sizes.most_common(1)[0][0] if sizes else 10.0
    body = [b for b in blocks if abs(b.size - size) < 0.05 * size and not b.vertical]
    for b in body:
        fonts[b.font] += b.chars
    columns = [b.width for b in body if len(b.lines) > 2]
    width = statistics.median(columns) if columns else 20 * size
    font = fonts.most_common(1)[0][0] if fonts else ""
    return PageStyle(size, font, width, tuple(column_lefts(body)))


def _header(blocks: Sequence[Block], height: float) -> list[Block]:
    """The running header: the top band's blocks that carry a date or a page number,
    with everything on the same band beside them."""
    top = [b for b in blocks if b.bottom < _HEADER_BAND * height]
    marks = [b for b in top if DATE.search(b.text) or PAGE_NO.search(b.text)]
    if not marks:
        return []
    floor = max(b.bottom for b in marks)
    ceiling = min(b.top for b in marks)
    return [b for b in top if b.top <= floor and b.bottom >= ceiling - 2 * b.size]


def _number_and_name(header: Sequence[Block]) -> tuple[int | None, str]:
    number: int | None = None
    name = ""
    for b in sorted(header, key=lambda b: -b.size):
        text = WEEKDAY.sub("", DATE.sub("", b.text))
        if number is None:
            if m := PAGE_NO.search(text):
                number = int(m.group(1))
            elif m := re.search(r"\d{1,2}", text):
                number = int(m.group())
        if not name and (m := _NAME.search(text)):
            name = m.group()
    return number, name
