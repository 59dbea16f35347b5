"""What each block is on the page: headline type, byline, body, caption, credit, furniture.

The type decides first (size against the page's body size, vertical setting, font); the
splitter's text recognisers (digests.split.rules) name what the type cannot: credits,
banners, column labels, bylines set in the body font.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from digests.pdf.blocks import Block
from digests.split import rules as rules
from digests.split.lexicon import Lexicon

Role = Literal["display", "body", "credit", "caption", "banner", "label"]

DISPLAY = 1.25  # of the body size: type this big or bigger is headline type
CAPTION_START = re.compile(r"^(?:图为|上图|下图|左图|右图|图\s*[:：]|图片说明)")
_CAPTION_CHARS = 200  # a caption is a few lines at most
_CAPTION_LINES = 6
# Page furniture the splitter's credit rule does not cover: "本版责编：…", addresses.
_EDITORIAL = re.compile(
    r"^[（(]?(?:本版|本期)?(?:责编|责任编辑|编辑|美编|版式设计|版式|校对|图片编辑|统筹)\s*[:：]"
    r"|[\w.-]+@[\w-]+\.[\w.]+|https?://|www\."
)


# Sentences, subtitles and notes, which a byline line never is.
_NOT_SIGNATURE = re.compile(r"^[—–\-－(（《“]|[。！？；，、：:!?;,]")


@dataclass(frozen=True, slots=True)
class PageStyle:
    """What the page's body text looks like."""

    size: float
    font: str
    column_width: float
    lefts: tuple[float, ...]


def is_display(block: Block, style: PageStyle) -> bool:
    return block.size >= DISPLAY * style.size


def restyled(block: Block, style: PageStyle) -> bool:
    """Set in another font or size than the body text."""
    return block.font != style.font or abs(block.size - style.size) > 0.05 * style.size


def assign_roles(
    entries: Sequence[tuple[Block, int]], style: PageStyle, lex: Lexicon
) -> list[Role]:
    """A role for each block of the page, in the order given."""
    roles: list[Role] = []
    for block, _frame in entries:
        text = block.text
        if rules.is_banner(text, lex) and len(text) <= 40:
            roles.append("banner")
        elif rules.is_column_label(text, lex):
            roles.append("label")
        elif _credit(block):
            roles.append("credit")
        elif is_display(block, style):
            roles.append("display")
        else:
            roles.append("body")
    for i, role in enumerate(roles):
        if role == "credit" and rules.is_photo_credit(entries[i][0].text):
            for j in _caption_of(i, entries, roles, style):
                roles[j] = "caption"
    return roles


def _credit(block: Block) -> bool:
    text = block.text
    short = len(block.lines) <= 2 and (rules.is_credit(text) or bool(_EDITORIAL.search(text)))
    return short or captioned(block)


def captioned(block: Block) -> bool:
    """A caption set close over its photo credit reads as one block: a few short lines,
    the last of them the credit."""
    return (
        1 < len(block.lines) <= _CAPTION_LINES
        and block.chars <= _CAPTION_CHARS
        and rules.is_photo_credit(block.lines[-1].text)
    )


def _caption_of(
    credit: int, entries: Sequence[tuple[Block, int]], roles: list[Role], style: PageStyle
) -> list[int]:
    """The body blocks touching a photo credit that read as its caption."""
    c = entries[credit][0]
    found: list[int] = []
    for j in range(len(entries)):  # a credit set at the photo's right is read apart
        b = entries[j][0]
        if roles[j] != "body" or b.chars > _CAPTION_CHARS:
            continue
        touching = (
            # A caption set flush left and a credit flush right on the next line.
            min(b.x1, c.x1) - max(b.x0, c.x0) > -style.column_width
            and min(abs(c.top - b.bottom), abs(b.top - c.bottom)) < 2 * style.size
        ) or (min(b.bottom, c.bottom) - max(b.top, c.top) > 0)
        if touching and (restyled(b, style) or CAPTION_START.match(b.text)):
            found.append(j)
    return found


def is_byline(block: Block, style: PageStyle, lex: Lexicon) -> bool:
    """A short block naming the authors: a role word, or bare names in their own type."""
    text = block.text
    if len(block.lines) > 2 or len(text) > 40 or rules.is_author_note(text):
        return False
    if rules.is_byline_line(text):
        return True
    if not rules.is_name_line(text, lex):
        return False
    return block.vertical or restyled(block, style) or len(text.replace(" ", "")) <= 8


def is_signature(block: Block, style: PageStyle) -> bool:
    """One short line in its own type that is no sentence: right under a headline, the
    byline even when it names an institution ("本报评论员", "某某研究院课题组")."""
    text = block.text.strip()
    return (
        len(block.lines) == 1
        and not block.vertical
        and 2 <= len(text) <= 30
        and block.font != style.font
        and restyled(block, style)
        and not is_display(block, style)
        and not _NOT_SIGNATURE.search(text)
        and not rules.is_author_note(text)
    )
