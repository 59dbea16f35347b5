"""A PDF's pages to :class:`Page` values: marks, lines, blocks, reading order, articles."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence

from digests.errors import PdfError
from digests.model import Article, Page
from digests.pdf.blocks import Block, build_blocks
from digests.pdf.limits import DEFAULT_LIMITS, PdfLimits
from digests.pdf.lines import build_lines, dedupe, map_quotes
from digests.pdf.marks import RawPage
from digests.pdf.order import reading_order
from digests.pdf.paragraphs import block_left, column_lefts, split_paragraphs
from digests.pdf.reader import read_pdf
from digests.pdf.roles import PageStyle, is_display
from digests.pdf.structure import build_articles
from digests.split import SplitOptions, detect_issue_date, split_page_lines
from digests.split import rules as rules
from digests.textrepair import ends_sentence

_HEADER_BAND = 0.12  # of the page height: where the running header sits
_MIN_GLYPHS = 20  # fewer glyphs than this on a page with images: a scan
_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_WEEKDAY = re.compile(r"星期[一二三四五六日天]")
_PAGE_NO = re.compile(r"第?\s*0*(\d{1,3})\s*版")
_NAME = re.compile(r"[\u4e00-\u9fff]{2,8}")
_CHART_SOURCE = "数据来源"
_CHART_LINE = 30  # characters: where a chart's source line names it
_CHART_CHARS = 300  # a chart box holds a title, a few figures and its credits


def split_pdf(
    data: bytes, options: SplitOptions | None = None, limits: PdfLimits = DEFAULT_LIMITS
) -> tuple[Page, ...]:
    """The pages of a PDF file, each with its articles in reading order.

    A page whose header names no page number takes ``options.page_number`` when the file
    has one page; a page without a name takes it from ``options.section_names``.
    """
    opts = options or SplitOptions()
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
        page = split_page(raw, opts)
        number = page.number
        if number is None and len(raw_pages) == 1:
            number = opts.page_number
        name = page.name or (opts.section_names.get(number, "") if number is not None else "")
        pages.append(Page(number=number, name=name, articles=page.articles, date=page.date))
    return tuple(pages)


def _undecodable(raw: RawPage) -> bool:
    unknown = sum(g.text.startswith("(cid:") for g in raw.glyphs)
    return unknown > max(_MIN_GLYPHS, len(raw.glyphs) // 2)


def split_page(raw: RawPage, options: SplitOptions) -> Page:
    """One page's articles, and its number and name from the running header."""
    glyphs = map_quotes(dedupe(raw.glyphs))
    if not glyphs:
        return Page(number=None)
    blocks = build_blocks(build_lines(glyphs, raw.rules), raw.rules)
    header = _header(blocks, raw.height)
    number, name = _number_and_name(header)
    date = detect_issue_date("\n".join(b.text for b in header))
    blocks = [b for b in blocks if b not in header]
    if not blocks:
        return Page(number=number, name=name, date=date)
    style = _style(blocks)
    entries, _banners = reading_order(blocks, raw.rules, style.size)
    entries = _without_charts(entries)
    if any(is_display(b, style) for b, _ in entries):
        articles = build_articles(entries, style, options.lexicon, raw.rules)
    else:
        articles = _by_text([b for b, _ in entries], style, options)
    return Page(number=number, name=name, articles=tuple(articles), date=date)


def _without_charts(entries: list[tuple[Block, int]]) -> list[tuple[Block, int]]:
    """A framed chart (its title, figures, "数据来源" and maker lines) is page furniture:
    a frame whose short text names its data source goes, whole."""
    charts = {
        frame
        for b, frame in entries
        if frame and _CHART_SOURCE in b.text.replace(" ", "")[:_CHART_LINE]
    }
    for frame in list(charts):
        text = sum(b.chars for b, f in entries if f == frame)
        if text > _CHART_CHARS:
            charts.discard(frame)  # a boxed story that quotes its sources
    return [(b, f) for b, f in entries if f not in charts]


def _by_text(blocks: Sequence[Block], style: PageStyle, options: SplitOptions) -> list[Article]:
    """No headline type on the page: hand its paragraphs, in reading order, to the text
    splitter's heuristics. A paragraph runs on into the next block only from a full line."""
    lines: list[str] = []
    full = False
    for b in blocks:
        for i, (starts, text) in enumerate(split_paragraphs(b, block_left(b, style.lefts))):
            if i == 0 and full and not starts and not ends_sentence(lines[-1]):
                lines[-1] += text
            elif i == 0 or starts:
                lines.append(text)
            else:
                lines[-1] += text
        last = b.lines[-1]
        full = last.x1 - b.x0 >= style.column_width - 1.5 * style.size
    return split_page_lines(lines, options.lexicon)


def _style(blocks: Sequence[Block]) -> PageStyle:
    sizes: Counter[float] = Counter()
    fonts: Counter[str] = Counter()
    for b in blocks:
        sizes[b.size] += b.chars
    size = sizes.most_common(1)[0][0]
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
    marks = [
        b
        for b in top
        if _DATE.search(b.text) or _PAGE_NO.search(b.text) or rules.page_header(b.text)
    ]
    if not marks:
        return []
    floor = max(b.bottom for b in marks)
    ceiling = min(b.top for b in marks)
    return [b for b in top if b.top <= floor and b.bottom >= ceiling - 2 * b.size]


def _number_and_name(header: Sequence[Block]) -> tuple[int | None, str]:
    number: int | None = None
    name = ""
    for b in sorted(header, key=lambda b: -b.size):
        if (found := rules.page_header(b.text)) is not None:
            number = number if number is not None else found.number
            name = name or found.name
            continue
        text = _WEEKDAY.sub("", _DATE.sub("", b.text))
        if number is None:
            if m := _PAGE_NO.search(text):
                number = int(m.group(1))
            elif m := re.search(r"\d{1,2}", text):
                number = int(m.group())
        if not name and (m := _NAME.search(text)):
            name = m.group()
    return number, name
