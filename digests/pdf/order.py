"""Reading order of a page's blocks: framed boxes first as units, then recursive XY-cuts.

A newspaper page is a nest of rectangles: columns side by side, headlines above their
columns, framed boxes. The page is cut at clean vertical gaps first (columns and articles
side by side read left to right), then at clean horizontal gaps (top to bottom), down to
single blocks. Vertical text (竖排 titles) is read before the horizontal text beside it,
right to left. Where no clean cut exists, blocks are ordered by what is above or left of
what.

Each block comes back with the id of the innermost frame it sits in (0: none), so the
article builder knows where a boxed article ends.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from digests.pdf.blocks import Block
from digests.pdf.marks import Rule

_GAP = 1.0  # points of clear space that make a cut
_SLACK = 2.0  # points a block may stick out of its frame
_HEADLINE = 1.8  # of the body size: type this big is a headline, smaller a subhead at most
_DISPLAY = 1.25  # of the body size: type this big is display type (a kicker, a subhead)
_REACH = 20.0  # of the body size: how far a centred headline may sit from its first column
_BAND_FILL = 1 / 3  # of a frame's width: display type filling less of it is a slogan


@dataclass(slots=True)
class _Item:
    """A block, or a framed box of blocks already in order, as one rectangle to cut around."""

    x0: float
    top: float
    x1: float
    bottom: float
    entries: list[tuple[Block, int]] = field(default_factory=list)
    vertical: bool = False


def reading_order(
    blocks: Sequence[Block], rules: Sequence[Rule], body_size: float
) -> tuple[list[tuple[Block, int]], list[Block]]:
    """Blocks in reading order with their frame ids, and the blocks found to be banners."""
    frames = sorted((r for r in rules if r.frame), key=lambda r: -_area(r))
    banners: list[Block] = []
    counter = [0]
    items = _items(list(blocks), frames, rules, body_size, banners, counter)
    return _cut(items, rules, body_size), banners


def _area(r: Rule) -> float:
    return (r.x1 - r.x0) * (r.bottom - r.top)


def _items(
    blocks: list[Block],
    frames: list[Rule],
    rules: Sequence[Rule],
    body_size: float,
    banners: list[Block],
    counter: list[int],
) -> list[_Item]:
    items: list[_Item] = []
    free = blocks
    for i, frame in enumerate(frames):
        members = [b for b in free if _within(b, frame)]
        if not members:
            continue
        rest = [b for b in free if not _within(b, frame)]
        if not any(b.size < 1.25 * body_size and not b.vertical for b in members):
            # Display type alone in a frame: a slogan, or a headline's backdrop (read as if
            # the frame were not there).
            if _is_banner(frame, members, rest, body_size):
                banners.extend(members)
                free = rest
            continue
        free = rest
        counter[0] += 1
        box_id = counter[0]
        inner = [f for f in frames[i + 1 :] if f is not frame and _within(f, frame)]
        sub = _items(members, inner, rules, body_size, banners, counter)
        entries = [(b, fid or box_id) for b, fid in _cut(sub, rules, body_size)]
        items.append(_Item(frame.x0, frame.top, frame.x1, frame.bottom, entries))
    items += [_Item(b.x0, b.top, b.x1, b.bottom, [(b, 0)], vertical=b.vertical) for b in free]
    return items


def _within(inner: Block | Rule, outer: Rule) -> bool:
    """Whether ``inner`` lies inside ``outer``'s box, give or take the slack."""
    return (
        inner.x0 >= outer.x0 - _SLACK
        and inner.x1 <= outer.x1 + _SLACK
        and inner.top >= outer.top - _SLACK
        and inner.bottom <= outer.bottom + _SLACK
    )


def _is_banner(frame: Rule, members: list[Block], others: list[Block], body: float) -> bool:
    """A frame of display type with no text of its own just below it, or one its type
    leaves mostly empty (a slogan centred in a band across the page; a headline fills
    the band it is set on): a slogan."""
    fill = sum(b.width for b in members)
    if not any(b.vertical for b in members) and fill < _BAND_FILL * (frame.x1 - frame.x0):
        return True
    below = [
        b
        for b in others
        if b.top >= frame.bottom - _SLACK
        and b.top - frame.bottom < 3 * body
        and min(b.x1, frame.x1) - max(b.x0, frame.x0) > 0
    ]
    return not any(b.size < 1.25 * body for b in below)


def _cut(items: list[_Item], rules: Sequence[Rule], body: float) -> list[tuple[Block, int]]:
    if len(items) == 1:
        return list(items[0].entries)
    if not items:
        return []
    columns = _under_headline(_split(items, lambda it: (it.x0, it.x1)), body)
    rows = _split(items, lambda it: (it.top, it.bottom))
    at = _stacked_cut(columns, rows, body) if len(columns) > 1 and len(rows) > 1 else 0
    if len(columns) > 1 and not at:
        return [e for group in _upright_first(columns, body) for e in _cut(group, rules, body)]
    if len(rows) > 1:
        # One horizontal cut at a time, the strongest first, so a headline stays with its
        # columns until the articles stacked below it have been cut away.
        at = at or _best_row_cut(rows, rules)
        upper = [it for group in rows[:at] for it in group]
        lower = [it for group in rows[at:] for it in group]
        return _cut(upper, rules, body) + _cut(lower, rules, body)
    return [e for it in _fallback(items) for e in it.entries]


def _stacked_cut(columns: list[list[_Item]], rows: list[list[_Item]], body: float) -> int:
    """Index of the row that starts a lower part to cut away before the columns, or 0.

    A column that ends above an article starting below it (a headline in the rest of the
    page) belongs to the articles above: cutting the page into columns first would read
    it after the article below. So where a row gap parts, in every column group it
    crosses, body text above from a headline opening what is below, the page is cut
    across there first. (A gap under a row of headlines, or within an article's text,
    is no such gap: the columns come first there.)"""
    above: set[int] = set()
    for i in range(1, len(rows)):
        above.update(id(it) for it in rows[i - 1])
        crossed = [g for g in columns if any(id(it) in above for it in g)]
        crossed = [g for g in crossed if not all(id(it) in above for it in g)]
        if crossed and all(_ends_above(g, above, body) for g in crossed):
            return i
    return 0


def _ends_above(group: list[_Item], above: set[int], body: float) -> bool:
    """Body text above the gap, and no kicker or byline last there over a headline below
    it; below it, a headline before any body text, or only furniture (a credit)."""
    upper = [it for it in group if id(it) in above]
    lower = [it for it in group if id(it) not in above]
    heads = [it for it in lower if _headline(it, body)]
    texts = [it.top for it in lower if _text(it)]
    last = max(upper, key=lambda it: it.bottom)
    if not any(_text(it) for it in upper):
        return False
    if not _text(last) and (
        last.entries[0][0].size >= _DISPLAY * body or any(_sits_over(last, h) for h in heads)
    ):
        return False
    if not heads:
        return not texts
    return min(h.top for h in heads) <= min(texts, default=float("inf"))


def _sits_over(it: _Item, head: _Item) -> bool:
    """Set just over a headline, within its width: its kicker or its byline."""
    size = head.entries[0][0].size
    return (
        0 <= head.top - it.bottom < 1.5 * size
        and it.x0 >= head.x0 - size
        and it.x1 <= head.x1 + size
    )


def _text(it: _Item) -> bool:
    return len(it.entries) > 1 or len(it.entries[0][0].lines) > 2


def _headline(it: _Item, body: float) -> bool:
    return len(it.entries) == 1 and it.entries[0][0].size >= _HEADLINE * body


def _under_headline(columns: list[list[_Item]], body: float) -> list[list[_Item]]:
    """A short headline centred over wide columns leaves the first column clear of it, so
    a vertical cut would read that column before the headline. A column of text (with
    subheads at most) that starts below a headline or byline standing just to its right
    belongs with it: the two are cut across instead. Beside the next column's own text
    (a column that starts higher), it is only the column before that one. Read from the
    right, so a headline centred over four columns gathers the two clear of it on its
    left."""
    merged: list[list[_Item]] = []
    for group in reversed(columns):
        if merged and _headless(group, body):
            right = merged[-1]
            x1, top = max(it.x1 for it in group), min(it.top for it in group)
            near = min(it.x0 for it in right) - x1 <= _REACH * body
            if near and _stands_over(right, top, body):
                merged[-1] = group + right
                continue
        merged.append(group)
    merged.reverse()
    return merged


def _stands_over(group: list[_Item], top: float, body: float) -> bool:
    """A headline of the group ends above ``top``, or all the group has above it is short
    lines (a byline, a kicker): no text of the group's own columns runs past it."""
    over = [it for it in group if it.top < top]
    ends = [it.bottom <= top + 0.5 * body for it in over]
    if any(e and _headline(it, body) for it, e in zip(over, ends, strict=True)):
        return True
    return bool(over) and all(ends) and not any(_text(it) for it in over)


def _upright_first(columns: list[list[_Item]], body: float) -> list[list[_Item]]:
    """Columns left to right, but a vertical headline (and the vertical byline beside it),
    read right to left, comes before the columns of text on its left that have no
    headline of their own: the text it heads."""
    out: list[list[_Item]] = []
    i = 0
    while i < len(columns):
        if not all(it.vertical for it in columns[i]):
            out.append(columns[i])
            i += 1
            continue
        j = i
        while j < len(columns) and all(it.vertical for it in columns[j]):
            j += 1
        k = len(out)
        while k > 0 and _headless(out[k - 1], body):
            k -= 1
        out[k:k] = reversed(columns[i:j])
        i = j
    return out


def _headless(group: list[_Item], body: float) -> bool:
    """No headline type in the group, nor in a box set in it (a chart, a sidebar)."""
    return all(
        not it.vertical and all(b.size < _HEADLINE * body for b, _ in it.entries) for it in group
    )


def _best_row_cut(rows: list[list[_Item]], rules: Sequence[Rule]) -> int:
    """Index of the row that starts the lower part: the widest gap, a ruled gap above all."""
    left = min(it.x0 for row in rows for it in row)
    right = max(it.x1 for row in rows for it in row)
    best, best_score = 1, -1.0
    for i in range(1, len(rows)):
        above = max(it.bottom for it in rows[i - 1])
        below = min(it.top for it in rows[i])
        score = below - above
        if any(
            r.horizontal
            and not r.frame
            and above - _GAP <= r.top <= below + _GAP
            and min(r.x1, right) - max(r.x0, left) > 0.5 * (right - left)
            for r in rules
        ):
            score += 1000.0
        if score > best_score:
            best, best_score = i, score
    return best


def _split(items: list[_Item], get: Callable[[_Item], tuple[float, float]]) -> list[list[_Item]]:
    ordered = sorted(items, key=lambda it: get(it)[0])
    groups: list[list[_Item]] = [[ordered[0]]]
    reach = get(ordered[0])[1]
    for it in ordered[1:]:
        start, end = get(it)
        if start > reach + _GAP:
            groups.append([it])
        else:
            groups[-1].append(it)
        reach = max(reach, end)
    return groups


def _fallback(items: list[_Item]) -> list[_Item]:
    """No clean cut: vertical text first (right to left), then above-before-below and
    left-before-right, as a reader's eye goes down each column in turn."""
    upright = sorted((it for it in items if it.vertical), key=lambda it: -it.x1)
    rest = [it for it in items if not it.vertical]
    done: list[_Item] = []
    while rest:
        ready = [it for it in rest if not any(_before(o, it) for o in rest if o is not it)]
        pick = min(ready or rest, key=lambda it: (it.x0, it.top))
        done.append(pick)
        rest.remove(pick)
    return upright + done


def _before(a: _Item, b: _Item) -> bool:
    """a is read before b: a sits above b in a shared column, or left of b on shared lines."""
    x_overlap = min(a.x1, b.x1) - max(a.x0, b.x0)
    y_overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    if x_overlap > 0 and a.bottom <= b.top + _GAP:
        return True
    return y_overlap > 0 and a.x1 <= b.x0 + _GAP
