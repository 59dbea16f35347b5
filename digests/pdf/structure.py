"""Blocks in reading order to articles, by the type: headline size, byline font, subheads.

A run of display-size blocks (well above the body size) is a headline group: its largest
type is the title, what comes before it the kicker (引题), what comes after the subtitle
(副题). A short block right under a headline, set in its own font or size, is the byline.
A small display group inside an article's body is a subhead (小标题). Body blocks become
paragraphs. A framed box is a scope: the article begun in it ends with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from digests.model import Article
from digests.pdf.blocks import Block
from digests.pdf.paragraphs import block_left, split_paragraphs
from digests.pdf.texts import (
    AUTHOR_NOTE,
    BYLINE_TEXT,
    CONTINUED_FROM,
    CONTINUED_TO,
    CREDIT,
    is_name_line,
    page_number,
)

DISPLAY = 1.25  # of the body size: type this big or bigger is headline type
_SUBHEAD_MAX = 1.8  # of the body size: subheads stay below this
_ORPHAN_CHARS = 40  # text outside any article shorter than this is page furniture


@dataclass(frozen=True, slots=True)
class PageStyle:
    """What the page's body text looks like."""

    size: float
    font: str
    column_width: float
    lefts: tuple[float, ...]


@dataclass(slots=True)
class _Draft:
    frame: int
    kicker: str = ""
    title: str = ""
    subtitle: str = ""
    byline: str = ""
    byline_type: tuple[str, float] = ("", 0.0)
    heads: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    open_paragraph: bool = False  # the last paragraph may go on in the next block


def is_display(block: Block, style: PageStyle) -> bool:
    return block.size >= DISPLAY * style.size


def build_articles(entries: Sequence[tuple[Block, int]], style: PageStyle) -> list[Article]:
    """Articles from blocks in reading order, each with its frame id (0: not framed)."""
    drafts: list[_Draft] = []
    current: _Draft | None = None
    group: list[Block] = []
    group_frame = 0
    for block, frame in entries:
        if current is not None and current.frame and frame != current.frame:
            current = _close_group(group, group_frame, current, drafts, style)
            group = []
            current = None  # the box it was in has ended
        if is_display(block, style):
            if group and frame != group_frame:
                current = _close_group(group, group_frame, current, drafts, style)
                group = []
            group.append(block)
            group_frame = frame
            continue
        current = _close_group(group, group_frame, current, drafts, style)
        group = []
        current = _take(block, frame, current, drafts, style)
    _close_group(group, group_frame, current, drafts, style)
    return [_article(d) for d in drafts if d.paragraphs]


def _close_group(
    group: list[Block], frame: int, current: _Draft | None, drafts: list[_Draft], style: PageStyle
) -> _Draft | None:
    if not group:
        return current
    if current is not None and current.paragraphs and _is_subhead(group, style):
        current.heads.append("".join(b.text for b in group))
        current.open_paragraph = False
        return current
    draft = _headline(group, frame)
    drafts.append(draft)
    return draft


def _is_subhead(group: list[Block], style: PageStyle) -> bool:
    return all(
        not b.vertical
        and b.size < _SUBHEAD_MAX * style.size
        and b.width <= 1.3 * style.column_width
        for b in group
    )


def _headline(group: list[Block], frame: int) -> _Draft:
    top = max(b.size for b in group)
    first = next(i for i, b in enumerate(group) if b.size >= 0.95 * top)
    last = max(i for i, b in enumerate(group) if b.size >= 0.95 * top)
    draft = _Draft(frame=frame)
    draft.kicker = "".join(b.text for b in group[:first])
    draft.title = "".join(b.text for b in group[first : last + 1])
    draft.subtitle = "".join(b.text for b in group[last + 1 :])
    return draft


def _take(
    block: Block, frame: int, current: _Draft | None, drafts: list[_Draft], style: PageStyle
) -> _Draft | None:
    """Add a non-display block to the article being read, or start an untitled one."""
    text = block.text
    if len(block.lines) <= 2 and CREDIT.match(text):
        return current
    if current is None:
        if block.chars < _ORPHAN_CHARS:
            return None
        current = _Draft(frame=frame)
        drafts.append(current)
    if not current.paragraphs and _is_byline(block, style):
        # A second author is often set beside or under the first, in the same type.
        if not current.byline:
            current.byline, current.byline_type = text, (block.font, block.size)
            return current
        if current.byline_type == (block.font, block.size):
            current.byline += " " + text
            return current
    left = block_left(block, style.lefts)
    for starts, piece in split_paragraphs(block, left):
        if current.paragraphs and current.open_paragraph and not starts:
            current.paragraphs[-1] += piece
        else:
            current.paragraphs.append(piece)
        current.open_paragraph = True
    return current


def _is_byline(block: Block, style: PageStyle) -> bool:
    text = block.text
    if len(block.lines) > 2 or len(text) > 40 or AUTHOR_NOTE.match(text):
        return False
    restyled = block.vertical or block.font != style.font or abs(block.size - style.size) > 0.3
    return bool(BYLINE_TEXT.match(text)) or (is_name_line(text) and (restyled or len(text) <= 12))


def _article(d: _Draft) -> Article:
    continued_to = continued_from = None
    paragraphs: list[str] = []
    for p in d.paragraphs:
        if m := CONTINUED_TO.search(p):
            continued_to = page_number(m.group(1))
            p = (p[: m.start()] + p[m.end() :]).strip()
        if m := CONTINUED_FROM.search(p):
            continued_from = page_number(m.group(1))
            p = (p[: m.start()] + p[m.end() :]).strip()
        if p:
            paragraphs.append(p)
    return Article(
        kicker=d.kicker.strip(),
        title=d.title.strip(),
        subtitle=d.subtitle.strip(),
        byline=d.byline.strip(),
        section_heads=tuple(h.strip() for h in d.heads),
        paragraphs=tuple(paragraphs),
        continued_to=continued_to,
        continued_from=continued_from,
    )
