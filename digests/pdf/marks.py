"""What the PDF reader hands to the layout code: glyphs, rules and boxes, top-down.

Coordinates are PDF points with the origin at the page's top-left corner and y growing
downwards, so "above" means a smaller ``top``, as a reader sees the page.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character as drawn: its text, box, type size and font name (subset tag removed)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    font: str
    spaced: bool = False  # a space character was drawn just before it on its line

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True, slots=True)
class Rule:
    """A drawn straight line, or a rectangle's frame when ``frame`` is true."""

    x0: float
    top: float
    x1: float
    bottom: float
    frame: bool = False

    @property
    def horizontal(self) -> bool:
        return (self.x1 - self.x0) >= (self.bottom - self.top)


@dataclass(frozen=True, slots=True)
class RawPage:
    """One PDF page as marks: glyphs in drawing order, rules and frames, image count."""

    index: int  # 0-based position in the file
    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    rules: tuple[Rule, ...]
    images: int = 0
