"""Lines to blocks: runs of lines of one type size, one under the next in one column.

A block is the unit the reading order moves: a stretch of a body column, a headline line
or two, a byline, a subhead. Paragraphs are found inside blocks later, by indentation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from digests.pdf.lines import Line
from digests.pdf.marks import Rule

_LINE_GAP = 0.9  # of the type size: a wider gap between lines starts a new block
_SAME_SIZE = 1.1  # sizes within this ratio are one style of text
_INDENT = 2.5  # of the type size: a paragraph's first line is set in this far at most


@dataclass(frozen=True, slots=True)
class Block:
    """Lines read together: top to bottom, or right to left when set vertically."""

    lines: tuple[Line, ...]
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    font: str
    vertical: bool = False

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def chars(self) -> int:
        return sum(len(line.text) for line in self.lines)


def make_block(lines: Sequence[Line], vertical: bool = False) -> Block:
    sizes: Counter[float] = Counter()
    fonts: Counter[str] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
        fonts[line.font] += len(line.text)
    return Block(
        lines=tuple(lines),
        x0=min(line.x0 for line in lines),
        top=min(line.top for line in lines),
        x1=max(line.x1 for line in lines),
        bottom=max(line.bottom for line in lines),
        size=sizes.most_common(1)[0][0],
        font=fonts.most_common(1)[0][0],
        vertical=vertical,
    )


def build_blocks(lines: Sequence[Line], rules: Sequence[Rule] = ()) -> list[Block]:
    """Group lines into blocks; a horizontal rule between two lines always parts them."""
    floors = [r for r in rules if not r.frame and r.horizontal]
    across = sorted((ln for ln in lines if not ln.vertical), key=lambda ln: (ln.top, ln.x0))
    down = sorted((ln for ln in lines if ln.vertical), key=lambda ln: -ln.x1)
    blocks = [make_block(group) for group in _stack(across, floors)]
    blocks += [make_block(group, vertical=True) for group in _side_by_side(down)]
    return blocks


def _stack(lines: list[Line], floors: list[Rule]) -> list[list[Line]]:
    groups: list[list[Line]] = []
    active: list[list[Line]] = []
    for line in lines:
        active = [g for g in active if line.top - g[-1].bottom < 3 * line.size]
        for group in active:
            if _continues(group[-1], line, floors):
                group.append(line)
                break
        else:
            group = [line]
            groups.append(group)
            active.append(group)
    return groups


def _continues(above: Line, line: Line, floors: list[Rule]) -> bool:
    if max(above.size, line.size) > _SAME_SIZE * min(above.size, line.size):
        return False
    gap = line.top - above.bottom
    if not -0.3 * line.size <= gap <= _LINE_GAP * line.size:
        return False
    overlap = min(above.x1, line.x1) - max(above.x0, line.x0)
    # A paragraph's short last line over the next one's indented start: one column.
    flush = overlap > 0 and abs(above.x0 - line.x0) <= _INDENT * line.size
    if overlap < 0.5 * min(above.width, line.width) and not flush:
        return False
    return not any(
        above.bottom - 1 <= r.top <= line.top + 1 and r.x0 < line.x1 and r.x1 > line.x0
        for r in floors
    )


def _side_by_side(lines: list[Line]) -> list[list[Line]]:
    """Vertical lines next to each other, same size, overlapping in height: one block."""
    groups: list[list[Line]] = []
    for line in lines:  # right to left, the order vertical lines are read in
        for group in groups:
            last = group[-1]
            if (
                max(last.size, line.size) <= _SAME_SIZE * min(last.size, line.size)
                and 0 <= last.x0 - line.x1 < line.size
                and min(last.bottom, line.bottom) - max(last.top, line.top) > 0
            ):
                group.append(line)
                break
        else:
            groups.append([line])
    return groups
