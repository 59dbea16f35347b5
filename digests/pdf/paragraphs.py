"""Body blocks to paragraphs: a line indented by an em or more starts one, and a line
that stops short of the column's right edge ends one.

Chinese body text indents each paragraph's first line by two characters. A paragraph cut
at the foot of a column goes on, unindented, at the head of the next; so a block whose first
line is not indented continues the paragraph before it. Text set flush left with no
indents and no space between paragraphs (a plain text page printed to PDF) still fills
every line of a paragraph but its last: a short line ends the paragraph, and a headline or
byline line is a short line of its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from digests.pdf.blocks import Block
from digests.pdf.lines import Line
from digests.textrepair import ends_sentence

_INDENT = 1.0  # of the type size: a first line set in this far starts a paragraph
_SHORT = 1.5  # of the type size: a line ending this far short of the right edge ends one
_EDGE = 0.5  # of the type size: line ends this close together share one right edge
_HANG = 1.5  # of the type size: how far a hung punctuation mark sticks out past the edge


def column_lefts(blocks: Sequence[Block]) -> list[float]:
    """The left edges of the body columns: where most lines of multi-line blocks start."""
    return sorted({_left(b.lines) for b in blocks if len(b.lines) > 1})


def _left(lines: Sequence[Line]) -> float:
    counts = Counter(round(line.x0) for line in lines)
    top = max(counts.values())
    # Ties (a two-line block) go to the leftmost edge: the other line is the indented one.
    return float(min(x for x, n in counts.items() if n == top))


def block_left(block: Block, lefts: Sequence[float]) -> float:
    """Where this block's column starts; a one-line block borrows a known column edge."""
    if len(block.lines) > 1:
        return min(line.x0 for line in block.lines)
    x0 = block.lines[0].x0
    near = [x for x in lefts if x0 - 3 * block.size <= x <= x0 + 0.5 * block.size]
    return max(near) if near else x0


def split_paragraphs(block: Block, left: float) -> list[tuple[bool, str]]:
    """(starts a new paragraph, text) for each run of lines in the block."""
    runs: list[tuple[bool, str]] = []
    right = _right_edge(block.lines)
    ended = False
    for i, line in enumerate(block.lines):
        indented = line.x0 - left >= _INDENT * line.size
        if indented or ended or not runs:
            runs.append((indented or ended, line.text))
        else:
            starts, text = runs[-1]
            runs[-1] = (starts, _glue(text, line.text))
        nxt = block.lines[i + 1] if i + 1 < len(block.lines) else None
        ended = _short(line, right) or (
            nxt is not None
            and ends_sentence(line.text)
            and _short(nxt, right)
            and not ends_sentence(nxt.text)
        )
    return runs


def _short(line: Line, right: float) -> bool:
    """A line that stops short of the right edge: the last of its paragraph. A full line
    that ends a sentence, followed by a short line that ends none, is the last too: the
    short line is a headline or a byline, not the paragraph's tail."""
    return line.x1 < right - _SHORT * line.size


def _right_edge(lines: Sequence[Line]) -> float:
    """Where the block's full lines end: the widest line end, or, a little inside it, the
    end several lines share (a punctuation mark hung past the edge does not move it)."""
    size = lines[0].size
    ends = [line.x1 for line in lines]
    widest = max(ends)
    shared = [
        x
        for x in ends
        if x >= widest - _HANG * size and sum(abs(x - o) <= _EDGE * size for o in ends) >= 2
    ]
    return max(shared, default=widest)


def _glue(head: str, tail: str) -> str:
    """Join two lines; Latin words broken across the line keep a space between them."""
    if head and tail and head[-1].isascii() and head[-1].isalpha() and tail[0].isascii():
        return head + (tail if head.endswith("-") else " " + tail)
    return head + tail
