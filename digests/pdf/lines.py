"""Glyphs to lines: drop overprinted duplicates, map quote glyphs, read across and down.

Chinese pages set text horizontally in columns, but headlines and bylines are sometimes
set vertically (竖排): one glyph under the next. Horizontal lines are built first; glyphs
left on their own are then stacked into vertical lines where they sit one under another.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import pairwise

from digests.pdf.marks import Glyph, Rule

_OVERPRINT = 0.25  # of the type size: a glyph drawn again this close is the same glyph
_SAME_LINE = 0.3  # of the type size: centres this close vertically share a line
_WORD_GAP = 1.4  # of the type size: a wider gap ends a horizontal line
_FONT_GAP = 0.7  # of the type size: a gap this wide and a font change also end it
_GUTTER = 0.5  # of the type size: a gap this wide in a blank river between columns ends it
_SIZE_RATIO = 1.3  # sizes further apart than this never share a line
_STACK_GAP = 0.8  # of the type size: vertical glyphs this close follow each other
_SPACE = 0.1  # of the type size: a drawn space this wide or wider parts two words
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,%-'/&")
_QUOTES = {"『": "“", "』": "”"}


@dataclass(frozen=True, slots=True)
class Line:
    """Glyphs read as one line, across (``vertical`` false) or down."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # the size most of its glyphs have
    font: str  # the font most of its glyphs use
    vertical: bool = False

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top


def dedupe(glyphs: Iterable[Glyph]) -> list[Glyph]:
    """Drop glyphs drawn again at nearly the same spot (fake bold, double printing)."""
    kept: list[Glyph] = []
    grid: dict[tuple[str, int, int], list[Glyph]] = defaultdict(list)
    for g in glyphs:
        cell = max(g.size * _OVERPRINT, 0.5)
        gx, gy = int(g.x0 // cell), int(g.top // cell)
        near = min(cell, _OVERPRINT * (g.x1 - g.x0))  # narrow Latin glyphs sit close
        if any(
            abs(o.x0 - g.x0) < near and abs(o.top - g.top) < cell and abs(o.size - g.size) < cell
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for o in grid.get((g.text, gx + dx, gy + dy), ())
        ):
            continue
        grid[(g.text, gx, gy)].append(g)
        kept.append(g)
    return kept


def map_quotes(glyphs: Sequence[Glyph]) -> list[Glyph]:
    """『』 stand for “” in fonts that draw no “” of their own: map them back."""
    fonts_with_curly = {g.font for g in glyphs if g.text in "“”"}
    return [
        _retext(g, _QUOTES[g.text]) if g.text in _QUOTES and g.font not in fonts_with_curly else g
        for g in glyphs
    ]


def _retext(g: Glyph, text: str) -> Glyph:
    return Glyph(text, g.x0, g.top, g.x1, g.bottom, g.size, g.font, g.spaced)


def build_lines(glyphs: Sequence[Glyph], rules: Sequence[Rule] = ()) -> list[Line]:
    """Horizontal lines, then vertical lines from the glyphs left standing alone."""
    walls = [r for r in rules if not r.frame and not r.horizontal]
    runs = _unstack(_horizontal_runs(glyphs, walls), glyphs)
    lines = [_line(run, vertical=False) for run in runs if len(run) > 1]
    singles = [run[0] for run in runs if len(run) == 1]
    for stack in _vertical_stacks(singles):
        lines.append(_line(stack, vertical=len(stack) > 1))
    return lines


def _unstack(runs: list[list[Glyph]], glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """A title set downwards in two or three columns reads across as short rows of display
    type with the same x positions, one under the other: break those rows into glyphs."""
    if not glyphs:
        return runs
    body = Counter(round(g.size, 1) for g in glyphs).most_common(1)[0][0]
    stacks: dict[tuple[int, ...], list[list[Glyph]]] = defaultdict(list)
    for run in runs:
        size = run[0].size
        if 2 <= len(run) <= 3 and size >= 1.25 * body and all(g.size == size for g in run):
            stacks[tuple(round(g.cx / (0.3 * size)) for g in run)].append(run)
    broken: set[int] = set()
    for rows in stacks.values():
        rows.sort(key=lambda run: run[0].top)
        chained = [rows[0]]
        for run in rows[1:]:
            if run[0].top - chained[-1][0].top <= 1.6 * run[0].size:
                chained.append(run)
            else:
                if len(chained) >= 3:
                    broken.update(id(r) for r in chained)
                chained = [run]
        if len(chained) >= 3:
            broken.update(id(r) for r in chained)
    if not broken:
        return runs
    out = [run for run in runs if id(run) not in broken]
    return out + [[g] for run in runs if id(run) in broken for g in run]


def _horizontal_runs(glyphs: Sequence[Glyph], walls: Sequence[Rule]) -> list[list[Glyph]]:
    drawn = {id(g): i for i, g in enumerate(glyphs)}
    rows: list[list[Glyph]] = []
    for g in sorted(glyphs, key=lambda g: g.cy):
        row = rows[-1] if rows else None
        if row is not None and g.cy - row[0].cy <= _SAME_LINE * min(g.size, row[0].size):
            row.append(g)
        else:
            rows.append([g])
    for row in rows:
        _sort_across(row, drawn)
    starts = [[g.x0 for g in row] for row in rows]
    runs: list[list[Glyph]] = []
    for i, row in enumerate(rows):
        by_size: dict[int, list[Glyph]] = defaultdict(list)
        for g in row:  # glyphs of very different sizes on one baseline are different lines
            by_size[_size_class(g.size, by_size)].append(g)
        river = partial(_river, rows, starts, i)
        for part in by_size.values():
            runs.extend(_split_gaps(part, walls, river))
    return runs


def _sort_across(row: list[Glyph], drawn: dict[int, int]) -> None:
    """Left to right; glyphs sharing one em box (a colon and a quote) keep drawing order."""
    row.sort(key=lambda g: g.x0)
    for i in range(1, len(row)):
        j = i
        while (
            j > 0
            and row[j].x0 - row[j - 1].x0 < 0.25 * row[j].size
            and drawn[id(row[j])] < drawn[id(row[j - 1])]
        ):
            row[j - 1], row[j] = row[j], row[j - 1]
            j -= 1


def _river(
    rows: list[list[Glyph]], starts: list[list[float]], i: int, x: float, size: float
) -> bool:
    """Is x in a gutter: left blank by most nearby lines of this size with text near it?"""
    near = blank = 0
    for j in range(max(0, i - 8), min(len(rows), i + 9)):
        if j == i or abs(rows[j][0].cy - rows[i][0].cy) > 4 * size:
            continue
        k = bisect_right(starts[j], x + 3 * size)
        nearby = [
            g
            for g in rows[j][max(0, k - 8) : k]
            if g.x1 >= x - 3 * size and max(g.size, size) < 1.1 * min(g.size, size)
        ]
        if not nearby:
            continue
        near += 1
        blank += not any(g.x0 - 0.15 * g.size <= x <= g.x1 + 0.15 * g.size for g in nearby)
    return near >= 2 and blank * 3 >= near * 2


def _size_class(size: float, seen: dict[int, list[Glyph]]) -> int:
    for key, members in seen.items():
        other = members[0].size
        if max(size, other) / min(size, other) < _SIZE_RATIO:
            return key
    return len(seen)


def _split_gaps(
    row: list[Glyph], walls: Sequence[Rule], river: Callable[[float, float], bool]
) -> list[list[Glyph]]:
    runs: list[list[Glyph]] = [[row[0]]]
    for g in row[1:]:
        prev = runs[-1][-1]
        gap = g.x0 - prev.x1
        size = max(g.size, prev.size)
        if (
            gap > _WORD_GAP * size
            or (gap > _FONT_GAP * size and _restyled(prev, g))
            or (gap > _GUTTER * size and river((prev.x1 + g.x0) / 2, size))
            or any(prev.x1 <= w.x0 <= g.x0 and w.top <= g.cy <= w.bottom for w in walls)
        ):
            runs.append([g])
        else:
            runs[-1].append(g)
    return runs


def _restyled(a: Glyph, b: Glyph) -> bool:
    return a.font != b.font or max(a.size, b.size) > 1.1 * min(a.size, b.size)


def _vertical_stacks(singles: list[Glyph]) -> list[list[Glyph]]:
    stacks: list[list[Glyph]] = []
    for g in sorted(singles, key=lambda g: (g.top, g.x0)):
        for stack in stacks:
            last = stack[-1]
            if (
                abs(last.cx - g.cx) < 0.3 * g.size
                and max(g.size, last.size) / min(g.size, last.size) < 1.15
                and 0 <= g.top - last.bottom + 0.1 * g.size < _STACK_GAP * g.size
            ):
                stack.append(g)
                break
        else:
            stacks.append([g])
    return stacks


def _line(glyphs: list[Glyph], vertical: bool) -> Line:
    sizes = Counter(round(g.size, 1) for g in glyphs)
    fonts = Counter(g.font for g in glyphs)
    return Line(
        text=_join(glyphs, vertical),
        x0=min(g.x0 for g in glyphs),
        top=min(g.top for g in glyphs),
        x1=max(g.x1 for g in glyphs),
        bottom=max(g.bottom for g in glyphs),
        size=sizes.most_common(1)[0][0],
        font=fonts.most_common(1)[0][0],
        vertical=vertical,
    )


def _join(glyphs: list[Glyph], vertical: bool) -> str:
    """The glyphs' text, with a space where a visible gap parts words.

    Latin words are parted by any clear gap; Chinese text only by a gap that is wide (an
    em space between names, between a headline's halves) and wider than the line's usual
    spacing, so a letter-spaced title (划 时 代) stays one word, or by a narrower gap where
    the page drew a space character ("本报记者 王小明").
    """
    if vertical or len(glyphs) < 2:
        return "".join(g.text for g in glyphs)
    gaps = [g.x0 - prev.x1 for prev, g in pairwise(glyphs)]
    usual = max(min(gaps), 0.0)
    out = [glyphs[0].text]
    for (prev, g), gap in zip(pairwise(glyphs), gaps, strict=True):
        if prev.text[-1] in _LATIN and g.text[0] in _LATIN:
            wide = gap > 0.2 * g.size
        else:
            wide = gap > 0.45 * g.size and gap > 2 * usual + 0.05 * g.size
        if wide or (g.spaced and gap > _SPACE * g.size):
            out.append(" ")
        out.append(g.text)
    return "".join(out)
