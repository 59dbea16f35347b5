"""Body blocks to paragraphs: a line indented by an em or more starts one.

Chinese body text indents each paragraph's first line by two characters. A paragraph cut
at the foot of a column goes on, unindented, at the head of the next; so a block whose first
line is not indented continues the paragraph before it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from digests.pdf.blocks import Block
from digests.pdf.lines import Line

_INDENT = 1.0  # of the type size: a first line set in this far starts a paragraph


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
    for line in block.lines:
        indented = line.x0 - left >= _INDENT * line.size
        if indented or not runs:
            runs.append((indented, line.text))
        else:
            starts, text = runs[-1]
            runs[-1] = (starts, _glue(text, line.text))
    return runs


def _glue(head: str, tail: str) -> str:
    """Join two lines; Latin words broken across the line keep a space between them."""
    if head and tail and head[-1].isascii() and head[-1].isalpha() and tail[0].isascii():
        return head + (tail if head.endswith("-") else " " + tail)
    return head + tail
