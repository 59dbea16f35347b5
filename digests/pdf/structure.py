"""Blocks in reading order to articles, by the type: headline size, byline font, subheads.

A run of display-type blocks is a headline group: its largest type is the title, what
comes before it the kicker (引题), what comes after the subtitle (副题). A short block right
under a headline naming people is the byline. A small display group inside an article's
body is a subhead (小标题). Body blocks become paragraphs. A framed box is a scope: the
article begun in it ends with it. A photo's caption and credit inside an article are left
out of its text; standing alone they are a photo item.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from digests import split_rules as rules
from digests.model import Article
from digests.pdf.blocks import Block
from digests.pdf.marks import Rule
from digests.pdf.paragraphs import block_left, split_paragraphs
from digests.pdf.roles import PageStyle, Role, assign_roles, is_byline
from digests.split_lexicon import Lexicon

_SUBHEAD_MAX = 1.8  # of the body size: subheads stay below this
_ORPHAN_CHARS = 40  # text outside any article shorter than this is page furniture
_GROUP_GAP = 1.2  # of the type size: a wider gap parts a headline group (a slogan above)
_STRAY = 5.0  # of the body size: a block starting this far above its headline is stray
_DASHES = "—–-－ "


@dataclass(slots=True)
class _Draft:
    frame: int
    kind: str = "article"
    kicker: str = ""
    title: str = ""
    subtitle: str = ""
    byline: str = ""
    byline_type: tuple[str, float] = ("", 0.0)
    column: str = ""
    heads: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    open_paragraph: bool = False  # the last paragraph may go on in the next block
    top: float = 0.0  # the headline's top edge
    bottom: float = 0.0  # the headline's bottom edge
    spans: list[tuple[float, float]] = field(default_factory=list)  # x-ranges it covers


@dataclass(slots=True)
class _Reader:
    style: PageStyle
    lex: Lexicon
    floors: list[Rule]
    last: Block | None = None  # the body block read last
    drafts: list[_Draft] = field(default_factory=list)
    current: _Draft | None = None
    group: list[Block] = field(default_factory=list)
    group_frame: int = 0
    column: str = ""
    photo: list[Block] = field(default_factory=list)
    by_frame: dict[int, _Draft] = field(default_factory=dict)  # the last article per frame


def build_articles(
    entries: Sequence[tuple[Block, int]],
    style: PageStyle,
    lex: Lexicon,
    rules_drawn: Sequence[Rule] = (),
) -> list[Article]:
    """Articles from blocks in reading order, each with its frame id (0: not framed).
    ``rules_drawn`` are the page's drawn lines: one above a headline parts it from the
    article before."""
    roles = assign_roles(entries, style, lex)
    r = _Reader(style, lex, [x for x in rules_drawn if x.horizontal and not x.frame])
    for (block, frame), role in zip(entries, roles, strict=True):
        if r.current is not None and r.current.frame and frame != r.current.frame:
            _close_group(r)
            # The box has ended: what follows goes on with the article the box interrupted.
            r.current = r.by_frame.get(frame)
        if role == "display":
            if r.group and frame != r.group_frame:
                _close_group(r)
            r.group.append(block)
            r.group_frame = frame
            continue
        _close_group(r, block if role == "body" else None)
        if role == "label":
            r.column = block.text.strip()
        elif role in ("caption", "credit"):
            _photo_part(r, block, role, frame)
        elif role == "body":
            _take(r, block, frame)
            r.last = block
    _close_group(r)
    return [_article(d) for d in r.drafts if d.paragraphs]


def _close_group(r: _Reader, after: Block | None = None) -> None:
    """Settle the pending headline group; ``after`` is the body block that follows it."""
    group, r.group = r.group, []
    if not group:
        return
    cur = r.current
    bylined = after is not None and is_byline(after, r.style, r.lex)
    if (
        cur is not None
        and cur.paragraphs
        and cur.frame == r.group_frame
        and group[0].top > cur.top  # inside the article, below its headline
        and not bylined
        and not _ruled_off(r, group[0])
        and _is_subhead(group, r.style)
    ):
        cur.heads.append("".join(b.text for b in group))
        cur.open_paragraph = False
        return
    for part in _parts(group):
        draft = _headline(part, r.group_frame, r.style, r.lex)
        draft.column, r.column = r.column, ""
        r.drafts.append(draft)
        r.current = r.by_frame[draft.frame] = draft


def _ruled_off(r: _Reader, head: Block) -> bool:
    """A drawn line between the text read last and this headline, across the headline."""
    above = r.last.bottom if r.last is not None and r.last.bottom <= head.top else head.top
    above = max(above, head.top - 4 * r.style.size)
    return any(
        above - 1 <= x.top <= head.top + 1
        and min(x.x1, head.x1) - max(x.x0, head.x0) > 0.5 * head.width
        for x in r.floors
    )


def _parts(group: list[Block]) -> list[list[Block]]:
    """A headline group split where a wide gap parts a slogan from the headline below."""
    parts = [[group[0]]]
    for prev, b in pairwise(group):
        gap = b.top - prev.bottom
        if not b.vertical and not prev.vertical and gap > _GROUP_GAP * max(b.size, prev.size):
            parts.append([b])
        else:
            parts[-1].append(b)
    return parts


def _is_subhead(group: list[Block], style: PageStyle) -> bool:
    return all(
        not b.vertical
        and b.size < _SUBHEAD_MAX * style.size
        and b.width <= 1.3 * style.column_width
        for b in group
    )


def _headline(group: list[Block], frame: int, style: PageStyle, lex: Lexicon) -> _Draft:
    end = len(group)
    while end > 1 and is_byline(group[end - 1], style, lex):
        end -= 1  # names set in display type under the headline: the byline
    head = group[:end]
    top = max(b.size for b in head)
    first = next(i for i, b in enumerate(head) if b.size >= 0.95 * top)
    last = max(i for i, b in enumerate(head) if b.size >= 0.95 * top)
    return _Draft(
        frame=frame,
        kicker="".join(b.text for b in head[:first]),
        title="".join(b.text for b in head[first : last + 1]),
        subtitle="".join(b.text for b in head[last + 1 :]).lstrip(_DASHES),
        byline=" ".join(b.text for b in group[end:]),
        top=min(b.top for b in group),
        bottom=max(b.bottom for b in group),
        spans=[(b.x0, b.x1) for b in group],
    )


def _photo_part(r: _Reader, block: Block, role: Role, frame: int) -> None:
    """Captions and credits inside an article are not its text; alone they make a photo."""
    cur = r.current
    if (
        cur is not None
        and cur.paragraphs
        and cur.frame == frame
        and any(min(x1, block.x1) - max(x0, block.x0) > 0 for x0, x1 in cur.spans)
    ):
        return
    if role == "caption":
        r.photo.append(block)
        return
    caption, r.photo = r.photo, []
    if caption and rules.is_photo_credit(block.text):
        photo = _Draft(frame=frame, kind="photo", byline=block.text.strip())
        photo.paragraphs = ["".join(b.text for b in caption)]
        r.drafts.append(photo)


def _take(r: _Reader, block: Block, frame: int) -> None:
    """Add a body block to its article, or start an untitled one."""
    style = r.style
    cur = _owner(r, block, frame)
    if cur is None:
        if block.chars < _ORPHAN_CHARS:
            return
        cur = _Draft(frame=frame, top=block.top, bottom=block.top)
        r.drafts.append(cur)
        r.current = r.by_frame[frame] = cur
    if not cur.paragraphs and is_byline(block, style, r.lex):
        # A second author is often set beside or under the first, in the same type.
        if not cur.byline:
            cur.byline, cur.byline_type = block.text, (block.font, block.size)
            return
        if cur.byline_type == (block.font, block.size):
            cur.byline += " " + block.text
            return
    cur.spans.append((block.x0, block.x1))
    left = block_left(block, style.lefts)
    for starts, piece in split_paragraphs(block, left):
        if cur.paragraphs and cur.open_paragraph and not starts:
            cur.paragraphs[-1] += piece
        else:
            cur.paragraphs.append(piece)
        cur.open_paragraph = True


def _owner(r: _Reader, block: Block, frame: int) -> _Draft | None:
    """The article a body block belongs to: the current one, unless the block starts far
    above that article's headline, in the columns of an earlier article (an L-shaped
    article whose last column runs down beside the next one)."""
    cur = r.current
    if cur is None or cur.frame or block.top > cur.top - _STRAY * r.style.size:
        return cur
    for d in reversed(r.drafts):
        if (
            d is not cur
            and d.frame == frame
            and d.bottom <= block.top + r.style.size
            and any(min(x1, block.x1) - max(x0, block.x0) > 0 for x0, x1 in d.spans)
        ):
            return d
    return cur


def _article(d: _Draft) -> Article:
    continued_to = continued_from = None
    paragraphs: list[str] = []
    for p in d.paragraphs:
        note = rules.continuation(p)
        if note is not None:
            kind, page = note
            if kind == "下转":
                continued_to = page
            else:
                continued_from = page
            p = rules.strip_continuation(p)
        if p:
            paragraphs.append(p)
    return Article(
        kind="photo" if d.kind == "photo" else "article",
        kicker=d.kicker.strip(),
        title=d.title.strip(),
        subtitle=d.subtitle.strip(),
        byline=d.byline.strip(),
        column=d.column,
        section_heads=tuple(h.strip() for h in d.heads),
        paragraphs=tuple(paragraphs),
        continued_to=continued_to,
        continued_from=continued_from,
    )
