"""A PDF's pages to :class:`Page` values: marks, lines, blocks, reading order, articles."""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from digests.errors import PdfError
from digests.model import Article, Page
from digests.pdf.blocks import Block, build_blocks
from digests.pdf.limits import DEFAULT_LIMITS, PdfLimits
from digests.pdf.lines import build_lines, dedupe, map_quotes
from digests.pdf.marks import RawPage, Rule
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
_CHART_LINE = re.compile(r"^\s*(?:数据来源|资料来源|制图)\s*[:：]")  # a chart's own credits
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
    sheets = []
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
        sheets.append(read_sheet(raw))
    pages = []
    groups = _printed_pages(sheets)
    for group in groups:
        page = split_sheets(group, opts)
        number = page.number
        if number is None and len(groups) == 1:
            number = opts.page_number
        name = page.name or (opts.section_names.get(number, "") if number is not None else "")
        pages.append(Page(number=number, name=name, articles=page.articles, date=page.date))
    return tuple(pages)


def _undecodable(raw: RawPage) -> bool:
    unknown = sum(g.text.startswith("(cid:") for g in raw.glyphs)
    return unknown > max(_MIN_GLYPHS, len(raw.glyphs) // 2)


@dataclass(frozen=True, slots=True)
class Sheet:
    """One PDF page read as blocks, its running header taken off."""

    blocks: tuple[Block, ...]
    rules: tuple[Rule, ...]
    height: float
    header: bool  # it carries a running header (a date or a page number)
    number: int | None = None
    name: str = ""
    date: dt.date | None = None


def read_sheet(raw: RawPage) -> Sheet:
    glyphs = map_quotes(dedupe(raw.glyphs))
    if not glyphs:
        return Sheet((), raw.rules, raw.height, header=False)
    blocks = build_blocks(build_lines(glyphs, raw.rules), raw.rules)
    header = _header(blocks, raw.height)
    number, name = _number_and_name(header)
    date = detect_issue_date("\n".join(b.text for b in header))
    kept = tuple(b for b in blocks if b not in header)
    return Sheet(kept, raw.rules, raw.height, bool(header), number, name, date)


def _printed_pages(sheets: Sequence[Sheet]) -> list[list[Sheet]]:
    """Sheets grouped into newspaper pages. A newspaper page PDF carries its running
    header on every page; a sheet without one, after another sheet, is the same page
    printed on (a text page printed to A4 runs over several sheets)."""
    groups: list[list[Sheet]] = []
    for sheet in sheets:
        if groups and not sheet.header and sheet.blocks:
            groups[-1].append(sheet)
        else:
            groups.append([sheet])
    return groups


def split_page(raw: RawPage, options: SplitOptions) -> Page:
    """One page's articles, and its number and name from the running header."""
    return split_sheets([read_sheet(raw)], options)


def split_sheets(sheets: Sequence[Sheet], options: SplitOptions) -> Page:
    """The articles of one newspaper page printed on one sheet or more, read in order."""
    first = sheets[0]
    blocks, drawn, entries = _stacked(sheets)
    if not blocks:
        return Page(number=first.number, name=first.name, date=first.date)
    style = _style(blocks)
    ordered: list[tuple[Block, int]] = []
    for sheet_blocks, sheet_rules in entries:
        frames = max((f for _, f in ordered), default=0)
        found, _banners = reading_order(sheet_blocks, sheet_rules, style.size)
        ordered += [(b, f + frames if f else 0) for b, f in found]
    ordered = _without_charts(ordered)
    if any(is_display(b, style) for b, _ in ordered) and not _one_column(blocks, style):
        articles = build_articles(ordered, style, options.lexicon, drawn)
    else:
        articles = _by_text([b for b, _ in ordered], style, options)
    return Page(number=first.number, name=first.name, articles=tuple(articles), date=first.date)


def _stacked(
    sheets: Sequence[Sheet],
) -> tuple[list[Block], list[Rule], list[tuple[list[Block], list[Rule]]]]:
    """The sheets' blocks and rules set one sheet under the other, so that "above" and
    "below" keep their sense from one sheet to the next; and the same per sheet."""
    blocks: list[Block] = []
    drawn: list[Rule] = []
    per_sheet: list[tuple[list[Block], list[Rule]]] = []
    offset = 0.0
    for sheet in sheets:
        moved = [_moved(b, offset) for b in sheet.blocks]
        lines = [replace(r, top=r.top + offset, bottom=r.bottom + offset) for r in sheet.rules]
        blocks += moved
        drawn += lines
        per_sheet.append((moved, lines))
        offset += sheet.height
    return blocks, drawn, per_sheet


def _moved(block: Block, dy: float) -> Block:
    if not dy:
        return block
    lines = tuple(replace(x, top=x.top + dy, bottom=x.bottom + dy) for x in block.lines)
    return replace(block, lines=lines, top=block.top + dy, bottom=block.bottom + dy)


def _without_charts(entries: list[tuple[Block, int]]) -> list[tuple[Block, int]]:
    """A framed chart (its title, figures, "数据来源" and maker lines) is page furniture:
    a frame whose short text has a line naming its data source or maker goes, whole."""
    charts = {
        frame
        for b, frame in entries
        if frame and any(_CHART_LINE.match(line.text) for line in b.lines)
    }
    for frame in list(charts):
        text = sum(b.chars for b, f in entries if f == frame)
        if text > _CHART_CHARS:
            charts.discard(frame)  # a boxed story that quotes its sources
    return [(b, f) for b, f in entries if f not in charts]


def _one_column(blocks: Sequence[Block], style: PageStyle) -> bool:
    """All the body text in one column, one block under the other: a text page printed to
    PDF. Its reading order is plain, and its type says nothing the text does not."""
    body = [b for b in blocks if len(b.lines) > 1 and not is_display(b, style) and not b.vertical]
    return bool(body) and max(b.x0 for b in body) < min(b.x1 for b in body)


def _by_text(blocks: Sequence[Block], style: PageStyle, options: SplitOptions) -> list[Article]:
    """No headline type on the page, or a single column of text: hand its paragraphs, in
    reading order, to the text splitter, as the lines of a text page. A paragraph runs on
    into the next block only from a full line; a headline's lines are lines of their own."""
    segments: list[list[str]] = [[]]
    lines = segments[0]
    full = heading = False
    for b in blocks:
        if is_display(b, style):
            # Type set large says what the text cannot: a headline after body text
            # starts an article, never a subhead of the one before it.
            if not heading and lines:
                lines = []
                segments.append(lines)
            lines += [line.text for line in b.lines]
            full, heading = False, True
            continue
        heading = False
        for i, (starts, text) in enumerate(split_paragraphs(b, block_left(b, style.lefts))):
            if i == 0 and full and not starts and not ends_sentence(lines[-1]):
                lines[-1] += text
            elif i == 0 or starts:
                lines.append(text)
            else:
                lines[-1] += text
        last = b.lines[-1]
        full = last.x1 - b.x0 >= style.column_width - 1.5 * style.size
    return [a for seg in segments if seg for a in split_page_lines(seg, options.lexicon)]


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
