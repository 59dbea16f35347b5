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

from digests.model import Article
from digests.pdf.blocks import Block
from digests.pdf.marks import Rule
from digests.pdf.paragraphs import block_left, split_paragraphs
from digests.pdf.roles import (
    CAPTION_START,
    PageStyle,
    Role,
    assign_roles,
    captioned,
    is_byline,
    is_signature,
    restyled,
)
from digests.split import rules as rules
from digests.split.article import Draft, Headline, to_article
from digests.split.lexicon import Lexicon

_SUBHEAD_MAX = 1.8  # of the body size: subheads stay below this
_ORPHAN_CHARS = 40  # text outside any article shorter than this is page furniture
_GROUP_GAP = 1.2  # of the type size: a wider gap parts a headline group (a slogan above)
_STRAY = 5.0  # of the body size: a block starting this far above its headline is stray
_DASHES = "—–-－ "
_SIGNED_PAGE = 2  # author notes: a page of signed essays (one is a signed piece)
_NEWS_CAPTION = 40  # characters: a photo item's caption tells its news in a sentence or two


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
    head_at: list[int] = field(default_factory=list)  # paragraphs before each subhead
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
    byline_above: str = ""  # a byline set over the headline that comes next
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
    for i, ((block, frame), role) in enumerate(zip(entries, roles, strict=True)):
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
        elif role == "body" and _over_headline(block, entries[i + 1 : i + 2], roles[i + 1 :], r):
            r.byline_above = block.text
        elif role == "body":
            if _byline_without_title(r, block, frame, entries[i + 1 : i + 2], roles[i + 1 :]):
                # A title printed as a picture leaves only the byline to start the article.
                r.current = r.by_frame[frame] = _Draft(frame=frame, top=block.top)
                r.drafts.append(r.current)
            _take(r, block, frame)
            r.last = block
    _close_group(r)
    # On a page of signed essays a photo is furniture: its caption is no item of its own.
    # A note is a block of its own, or the last paragraph of one.
    notes = max(
        sum(rules.is_author_note(b.text) for b, _ in entries),
        sum(rules.is_author_note(p) for d in r.drafts for p in d.paragraphs),
    )
    signed = notes >= _SIGNED_PAGE
    kept = [d for d in r.drafts if d.paragraphs and not (signed and d.kind == "photo")]
    return [a for a in (_article(d, lex) for d in kept) if a is not None]


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
        and _is_subhead(group, r.style, cur.spans)
    ):
        cur.heads.append("".join(b.text for b in group))
        cur.head_at.append(len(cur.paragraphs))
        cur.open_paragraph = False
        return
    for part in _parts(group):
        draft = _headline(part, r.group_frame, r.style, r.lex)
        draft.column, r.column = r.column, ""
        if not draft.byline:
            draft.byline = r.byline_above
        r.byline_above = ""
        r.drafts.append(draft)
        r.current = r.by_frame[draft.frame] = draft


def _over_headline(
    block: Block, following: Sequence[tuple[Block, int]], roles: Sequence[Role], r: _Reader
) -> bool:
    """A byline set just above the headline read next, over it."""
    if not following or roles[0] != "display" or not is_byline(block, r.style, r.lex):
        return False
    head = following[0][0]
    return (
        not head.vertical
        and 0 <= head.top - block.bottom < 1.5 * head.size
        and head.x0 - r.style.size <= block.x0
        and block.x1 <= head.x1 + r.style.size
    )


def _byline_without_title(
    r: _Reader,
    block: Block,
    frame: int,
    following: Sequence[tuple[Block, int]],
    roles: Sequence[Role],
) -> bool:
    """A byline in its own type amid an article's text, with a paragraph starting under it."""
    cur = r.current
    if cur is None or not cur.paragraphs or cur.frame != frame or not following:
        return False
    if roles[0] != "body" or not restyled(block, r.style) or not is_byline(block, r.style, r.lex):
        return False
    below = following[0][0]
    starts = split_paragraphs(below, block_left(below, r.style.lefts))[0][0]
    return starts and below.top >= block.bottom


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
    """A headline group split where a wide gap parts a slogan from the headline below,
    or where a line above the title sticks out past it and lines up with nothing of it (a
    series title set across the page over a headline centred on its own columns)."""
    parts = [[group[0]]]
    for prev, b in pairwise(group):
        gap = b.top - prev.bottom
        if not b.vertical and not prev.vertical and gap > _GROUP_GAP * max(b.size, prev.size):
            parts.append([b])
        else:
            parts[-1].append(b)
    return [piece for part in parts for piece in _unaligned_off(part)]


def _unaligned_off(part: list[Block]) -> list[list[Block]]:
    if any(b.vertical for b in part):
        return [part]
    top = max(b.size for b in part)
    first = next(i for i, b in enumerate(part) if b.size >= 0.95 * top)
    title = part[first]
    cut = 0
    for i, b in enumerate(part[:first]):
        if not _aligned(b, title):
            cut = i + 1
    return [part[:cut], part[cut:]] if cut else [part]


def _aligned(kicker: Block, title: Block) -> bool:
    """Over the title's width, centred on it, or flush with its left or right edge."""
    near = title.size
    return (
        (title.x0 - near <= kicker.x0 and kicker.x1 <= title.x1 + near)
        or abs((kicker.x0 + kicker.x1) - (title.x0 + title.x1)) / 2 <= near
        or abs(kicker.x0 - title.x0) <= 0.5 * near
        or abs(kicker.x1 - title.x1) <= 0.5 * near
    )


def _is_subhead(group: list[Block], style: PageStyle, spans: Sequence[tuple[float, float]]) -> bool:
    """Small display type inside the article: within one column, or across two or three
    of the article's own columns."""
    left = min(x0 for x0, _ in spans) - style.size
    right = max(x1 for _, x1 in spans) + style.size
    return all(
        not b.vertical
        and b.size < _SUBHEAD_MAX * style.size
        and (
            b.width <= 1.3 * style.column_width
            or (b.width <= 2.5 * style.column_width and left <= b.x0 and b.x1 <= right)
        )
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
    text = "".join(b.text for b in caption)
    credit = block.text
    if captioned(block):  # the caption and its credit read as one block
        text += "".join(line.text for line in block.lines[:-1])
        credit = block.lines[-1].text
    if text and rules.is_photo_credit(credit) and _tells_news(text):
        photo = _Draft(frame=frame, kind="photo", byline=credit.strip())
        photo.paragraphs = [text]
        r.drafts.append(photo)


def _tells_news(caption: str) -> bool:
    """A photo item's caption reports news of its own in a sentence or more; a caption
    that only names what a story's picture shows ("图为…", a line) is furniture."""
    return len(caption) >= _NEWS_CAPTION and not CAPTION_START.match(caption)


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
    if not cur.paragraphs and (is_byline(block, style, r.lex) or _signed(cur, block, style)):
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


def _signed(cur: _Draft, block: Block, style: PageStyle) -> bool:
    return (
        bool(cur.title)
        and not cur.byline
        and 0 <= block.top - cur.bottom < 3 * style.size
        and is_signature(block, style)
    )


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


def _article(d: _Draft, lex: Lexicon) -> Article | None:
    """The article through the text route's assembler (continuations, repeated
    paragraphs, the byline from a dateline, ads), with the headline the type gave."""
    entries: list[tuple[str, str]] = []
    heads = list(zip(d.head_at, d.heads, strict=True))
    for i, p in enumerate(d.paragraphs):
        entries += [("sub", h.strip()) for at, h in heads if at == i]
        entries.append(("para", p))
    entries += [("sub", h.strip()) for at, h in heads if at >= len(d.paragraphs)]
    draft = Draft(
        entries=entries,
        bylines=[d.byline.strip()] if d.byline.strip() else [],
        labels=[d.column] if d.column else [],
        kind="photo" if d.kind == "photo" else "article",
    )
    headline = Headline(d.kicker.strip(), d.title.strip(), d.subtitle.strip())
    return to_article(draft, lex, headline)
