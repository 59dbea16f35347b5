"""Draw one synthetic theory page with reportlab: essays in column grids, headlines,
bylines, author notes, photos with credits, chart boxes, framed sidebars, vertical titles.

Used by bench/synth_theory.py, which picks the essays and writes the answer key. The look
follows the national daily's theory pages (page 1017 x 1438 pt, body type about 8-10 pt,
six or seven narrow columns, headlines over several columns, glyphs printed twice for
bold); every choice is drawn from a seeded ``random.Random``.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.builders.pdfs import FONT, _Renamed

PAGE = (1017.0, 1438.0)
HEI, KAI, DISPLAY = "FZHei-Synth", "FZKai-Synth", "FZXiaoBiaoSong-Synth"
_NO_LINE_START = "，。、；：！？）”》」』%"


@dataclass
class Essay:
    """One essay to set: its headline, authors, paragraphs (("head"|"para", text))."""

    kicker: str
    title: str
    subtitle: str
    authors: list[str]
    note: str
    items: list[tuple[str, str]]
    column: str = ""


@dataclass
class Furniture:
    """Text of the page that is not an essay, invented per page."""

    date: str
    page_label: str
    banner: str
    captions: list[tuple[str, str]]  # (caption, credit)
    charts: list[tuple[str, list[str], str, str]]  # title, data lines, source, maker
    editors: str


def register_fonts() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    for alias in (HEI, KAI, DISPLAY):
        if alias not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(_Renamed(alias))


@dataclass
class Pen:
    """Draws with top-down coordinates; bold text is overprinted in one of the patterns
    presses use (the whole line again, each glyph twice, or runs of glyphs twice)."""

    canvas: Canvas
    rng: random.Random
    height: float = PAGE[1]

    def text(
        self,
        x: float,
        top: float,
        s: str,
        size: float,
        font: str = FONT,
        space: float = 0.0,
        bold: bool = False,
        pattern: str = "",
    ) -> None:
        y = self.height - top - 0.88 * size
        xs, acc = [], x
        for ch in s:
            xs.append(acc)
            acc += pdfmetrics.stringWidth(ch, font, size) + space
        self.canvas.setFont(font, size)
        if not bold:
            for ch, cx in zip(s, xs, strict=True):
                self.canvas.drawString(cx, y, ch)
            return
        d = self.rng.choice([0.0, self.rng.uniform(0.02, 0.06)]) * size
        pattern = pattern or self.rng.choice(["line"] * 5 + ["runs"] * 4 + ["glyph"])
        if pattern == "line":
            runs = [list(range(len(s)))]
        elif pattern == "glyph":
            runs = [[i] for i in range(len(s))]
        else:
            runs, i = [], 0
            while i < len(s):
                n = self.rng.randint(1, 4)
                runs.append(list(range(i, min(len(s), i + n))))
                i += n
        for run in runs:
            for dx in (0.0, d):
                for i in run:
                    self.canvas.drawString(xs[i] + dx, y, s[i])

    def vertical(
        self, x: float, top: float, s: str, size: float, font: str, bold: bool = False
    ) -> float:
        for i, ch in enumerate(s):
            self.text(x, top + i * 1.12 * size, ch, size, font, bold=bold)
        return top + len(s) * 1.12 * size

    def width(self, s: str, size: float, font: str = FONT) -> float:
        return sum(pdfmetrics.stringWidth(ch, font, size) for ch in s)

    def rule(self, x0: float, top: float, x1: float) -> None:
        self.canvas.setLineWidth(0.6)
        self.canvas.line(x0, self.height - top, x1, self.height - top)

    def frame(self, x0: float, top: float, x1: float, bottom: float) -> None:
        self.canvas.setLineWidth(0.8)
        self.canvas.rect(x0, self.height - bottom, x1 - x0, bottom - top, stroke=1, fill=0)

    def picture(self, x0: float, top: float, x1: float, bottom: float) -> None:
        self.canvas.setFillGray(0.7)
        self.canvas.rect(x0, self.height - bottom, x1 - x0, bottom - top, stroke=0, fill=1)
        self.canvas.setFillGray(0.0)


@dataclass
class Flow:
    """Text flowing through segments (x0, top, x1, bottom) in reading order."""

    pen: Pen
    segments: list[tuple[float, float, float, float]]
    size: float
    leading: float
    para_gap: float
    seg: int = 0
    y: float = field(default=-1.0)

    def _room(self, height: float) -> tuple[float, float] | None:
        while self.seg < len(self.segments):
            x0, top, x1, bottom = self.segments[self.seg]
            if self.y < top:
                self.y = top
            if self.y + height <= bottom:
                return x0, x1
            self.seg += 1
            self.y = -1.0
        return None

    def fits(self, items: list[tuple[str, str]], note: str) -> bool:
        """Whether the items fit, by a dry run that draws nothing."""
        probe = Flow(self.pen, self.segments, self.size, self.leading, self.para_gap)
        probe.pen = Pen(self.pen.canvas, random.Random(0))
        try:
            for kind, text in items:
                if not probe.item(kind, text, draw=False):
                    return False
            return not note or probe.item("note", note, draw=False)
        except IndexError:
            return False

    def item(self, kind: str, text: str, draw: bool = True) -> bool:
        s = self.size
        if kind == "head":
            hsize = 1.45 * s
            room = self._room(2.6 * s + 2 * self.leading * s)
            if room is None:
                return False
            x0, x1 = room
            w = self.pen.width(text, hsize, HEI)
            if w > x1 - x0:
                hsize = (x1 - x0) / len(text)
                w = self.pen.width(text, hsize, HEI)
            if draw:
                self.pen.text(x0 + (x1 - x0 - w) / 2, self.y + 0.6 * s, text, hsize, HEI)
            self.y += 2.6 * s
            return True
        font = {"note": HEI, "byline": KAI}.get(kind, FONT)
        indent = 2 if kind == "para" else 0
        if kind == "note":
            self.y += 0.6 * s
        first = True
        while text:
            room = self._room(s)
            if room is None:
                return False
            x0, x1 = room
            start = x0 + (indent * s if first else 0)
            line, width = self._fill(text, x1 - start, font)
            rest = text[len(line) :]
            if draw:
                space = 0.0
                if rest and len(line) > 1:
                    space = (x1 - start - width) / (len(line) - 1)
                self.pen.text(start, self.y, line, s, font, space=space)
            text, first = rest, False
            self.y += self.leading * s
        self.y += self.para_gap * s
        return True

    def _fill(self, text: str, room: float, font: str) -> tuple[str, float]:
        width, n = 0.0, 0
        while n < len(text):
            w = pdfmetrics.stringWidth(text[n], font, self.size)
            if width + w > room + 0.01:
                break
            width, n = width + w, n + 1
        n = max(n, 1)
        if n < len(text) and text[n] in _NO_LINE_START:  # hang it, as typesetters do
            width += pdfmetrics.stringWidth(text[n], font, self.size)
            n += 1
        return text[:n], width


@dataclass
class Placed:
    """An essay as set on the page: the items that fitted."""

    essay: Essay
    items: list[tuple[str, str]]


Rect = tuple[float, float, float, float]  # x0, top, x1, bottom


def compose_page(
    rng: random.Random, pick: PickEssay, furn: Furniture
) -> tuple[bytes, list[Placed]]:
    """The page PDF and the essays as placed on it."""
    import io

    register_fonts()
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=PAGE)
    pen = Pen(canvas, rng)
    size = rng.choice([8.3, 8.3, 8.6, 9.0, 9.5])
    ncols = rng.choice([5, 6, 6, 7, 7])
    gutter = rng.uniform(1.6, 2.4) * size
    left, right = 9.0, 1008.0
    colw = (right - left - gutter * (ncols - 1)) / ncols
    cols = [(left + i * (colw + gutter), left + i * (colw + gutter) + colw) for i in range(ncols)]
    top = _header(pen, furn, rng)
    bottom = 1412.0
    if furn.editors:
        pen.text(left if rng.random() < 0.5 else 700, 1420, furn.editors, 7.5, FONT)
    rects = _partition(rng, [(0, ncols, top, bottom)], rng.choice([2, 3, 3, 4, 4, 5]))
    rects.sort(key=lambda r: -(r[1] - r[0]) * (r[3] - r[2]))
    placed: list[Placed] = []
    style = _PageStyle(size, rng.uniform(1.32, 1.5), rng.choice([0.0, 0.0, 0.15, 0.35]))
    for i, (c0, c1, y0, y1) in enumerate(rects):
        spans = cols[c0:c1]
        boxed = i > 0 and rng.random() < 0.3
        vertical = boxed and y1 - y0 > 450 and rng.random() < 0.5
        setter = _EssaySetter(pen, rng, style, spans, (spans[0][0], y0, spans[-1][1], y1), furn)
        got = setter.set(pick, boxed, vertical, main=i == 0)
        if got is not None:
            placed.append(got)
    canvas.showPage()
    canvas.save()
    return buf.getvalue(), placed


class PickEssay(Protocol):
    """Capacity in characters, and whether it is the main essay, to an essay (or None)."""

    def __call__(self, capacity: int, main: bool) -> Essay | None: ...


@dataclass
class _PageStyle:
    size: float
    leading: float
    para_gap: float


def _header(pen: Pen, furn: Furniture, rng: random.Random) -> float:
    """Date, then the page label in bold: its number, its name twice (overprinted), the
    number again, as the national daily's PDFs draw it; a rule; a banner at times."""
    size = rng.choice([30.0, 33.0, 36.0])
    number, name = furn.page_label.split("\u3000")
    x = 1000 - pen.width(number + name, size, DISPLAY) - 0.15 * size
    nx = x + pen.width(number, size, DISPLAY) + 0.15 * size
    pen.text(x, 14, number, size, DISPLAY)
    pen.text(nx, 14, name, size, DISPLAY)
    pen.text(nx, 14, name, size, DISPLAY)
    pen.text(x, 14, number, size, DISPLAY)
    pen.text(x - 140, 30, furn.date, 11, FONT)
    pen.rule(9, 60, 1008)
    top = rng.uniform(96.0, 120.0)
    if furn.banner:
        pen.frame(9, top, 1008, top + 34)
        w = pen.width(furn.banner, 20, DISPLAY)
        pen.text((1017 - w) / 2, top + 7, furn.banner, 20, DISPLAY, bold=rng.random() < 0.5)
        top += 50
    return top


def _partition(
    rng: random.Random, rects: list[tuple[int, int, float, float]], n: int
) -> list[tuple[int, int, float, float]]:
    """Guillotine cuts of the column grid until there are n rectangles."""
    while len(rects) < n:
        rects.sort(key=lambda r: -(r[1] - r[0]) * (r[3] - r[2]))
        for i, (c0, c1, y0, y1) in enumerate(rects):
            wide, tall = c1 - c0 >= 4, y1 - y0 >= 620
            if not (wide or tall):
                continue
            if wide and (not tall or rng.random() < 0.5):
                cut = rng.randint(c0 + 2, c1 - 2)
                rects[i : i + 1] = [(c0, cut, y0, y1), (cut, c1, y0, y1)]
            else:
                cut = round(y0 + (y1 - y0) * rng.uniform(0.35, 0.65))
                rects[i : i + 1] = [(c0, c1, y0, cut - 6), (c0, c1, cut + 6, y1)]
            break
        else:
            break
    return rects


@dataclass
class _EssaySetter:
    """Sets one essay in its rectangle: headline, authors, photo, chart, text."""

    pen: Pen
    rng: random.Random
    style: _PageStyle
    cols: list[tuple[float, float]]
    rect: Rect
    furn: Furniture

    def set(self, pick: PickEssay, boxed: bool, vertical: bool, main: bool) -> Placed | None:
        s = self.style.size
        x0, top, x1, bottom = self.rect
        if boxed:
            self.pen.frame(x0 - 2, top, x1 + 2, bottom)
            x0, top, x1, bottom = x0 + 5, top + 6, x1 - 5, bottom - 5
            self.cols = [(max(a, x0), min(b, x1)) for a, b in self.cols]
        per_line = max(4, int((self.cols[0][1] - self.cols[0][0]) // s))
        lines = int((bottom - top - 110) / (self.style.leading * s)) * len(self.cols)
        essay = pick(int(lines * per_line * 0.92), main)
        if essay is None:
            return None
        if vertical:  # a title set downwards carries no kicker or subtitle, one author
            essay = replace(essay, kicker="", subtitle="", authors=essay.authors[:1])
            segments = self._vertical_head(essay, (x0, top, x1, bottom))
        else:
            segments = self._head(essay, (x0, top, x1, bottom))
        segments = self._furniture(segments, bottom)
        flow = Flow(self.pen, segments, s, self.style.leading, self.style.para_gap)
        items = list(essay.items)
        lead = [("byline", "\u3000".join(essay.authors))] if self._author_in_text else []
        while len([k for k, _ in items if k == "para"]) > 2 and not flow.fits(
            lead + items, essay.note
        ):
            items.pop()
            while items and items[-1][0] == "head":
                items.pop()
        if not flow.fits(lead + items, essay.note):
            return None
        for kind, text in lead + items:
            flow.item(kind, text)
        if essay.note:
            flow.item("note", essay.note)
        return Placed(essay, items)

    _author_in_text: bool = False

    def _head(self, essay: Essay, box: Rect) -> list[Rect]:
        """Headline over all columns or over all but the last (which then starts at the
        top, beside the headline); returns the text segments."""
        s, rng, pen = self.style.size, self.rng, self.pen
        _, top, _, bottom = box
        cols = self.cols
        under = len(cols)
        if len(cols) >= 3 and rng.random() < 0.3:
            under = len(cols) - 1
        hx0, hx1 = cols[0][0], cols[under - 1][1]
        y = top + 4
        author = self._author_text(essay)
        where = rng.choice(["under"] * 12 + ["beside"] * 3 + ["above"] * 2 + ["text"] * 3)
        if where == "above":
            y = self._centred(author, y, hx0, hx1, 1.17 * s, KAI) + 0.6 * s
        if essay.column and rng.random() < 0.3:
            w = pen.width(essay.column, 1.3 * s, KAI)
            pen.frame(hx0, y, hx0 + w + 6, y + 1.9 * s)
            pen.text(hx0 + 3, y + 0.3 * s, essay.column, 1.3 * s, KAI)
            y += 2.4 * s
        if essay.kicker:
            y = self._centred(essay.kicker, y, hx0, hx1, rng.uniform(1.8, 2.2) * s, HEI) + 0.8 * s
        tsize = rng.uniform(3.2, 5.3) * s
        bold = rng.random() < 0.25
        # Clear of the next essay's headline by two em, or pdfminer reads them as one line.
        title_lines = self._fit_title(essay.title, tsize, hx1 - hx0 - 2.4 * tsize)
        tsize = title_lines[1]
        last_right = hx1
        for line in title_lines[0]:
            w = pen.width(line, tsize, DISPLAY)
            left = hx0 + (hx1 - hx0 - w) / 2
            pen.text(left, y, line, tsize, DISPLAY, bold=bold)
            last_right = left + w
            y += 1.25 * tsize
        if essay.subtitle:
            y = self._centred("——" + essay.subtitle, y + 0.2 * s, hx0, hx1, 1.6 * s, HEI)
            y += 0.4 * s
        gap = 2.5 * tsize  # clear of the title, or pdfminer reads the name into its line
        if where == "beside" and last_right + gap + pen.width(author, 1.17 * s, KAI) < hx1:
            pen.text(last_right + gap, y - 1.2 * s - 1.25 * tsize + tsize, author, 1.17 * s, KAI)
        elif where in ("under", "beside"):
            y = self._centred(author, y + 0.4 * s, hx0, hx1, 1.17 * s, KAI, bold=bold)
        self._author_in_text = where == "text"
        y += rng.uniform(1.0, 2.2) * s
        segments = [(a, y, b, bottom) for a, b in cols[:under]]
        segments += [(a, top + 4, b, bottom) for a, b in cols[under:]]
        return segments

    def _author_text(self, essay: Essay) -> str:
        names = ["\u3000".join(n) if len(n) == 2 else n for n in essay.authors]
        return "\u3000\u3000".join(names)

    def _centred(
        self, text: str, y: float, x0: float, x1: float, size: float, font: str, bold: bool = False
    ) -> float:
        w = self.pen.width(text, size, font)
        room = x1 - x0 - 2.4 * size
        if w > room:
            size, w = size * room / w, room
        self.pen.text(x0 + (x1 - x0 - w) / 2, y, text, size, font, bold=bold, pattern="line")
        return y + 1.3 * size

    def _fit_title(self, title: str, size: float, room: float) -> tuple[list[str], float]:
        parts = title.split(" ") if " " in title.strip() else [title]
        one = self.pen.width(title, size, DISPLAY)
        if one <= room:
            return [title], size
        if len(parts) == 2:
            lines = parts
        else:
            half = (len(title) + 1) // 2
            lines = [title[:half], title[half:]]
        widest = max(self.pen.width(x, size, DISPLAY) for x in lines)
        if widest > room:
            size *= room / widest
        return lines, size

    def _vertical_head(self, essay: Essay, box: Rect) -> list[Rect]:
        """Title and authors set downwards at the right; text left of them, then across."""
        s, pen, rng = self.style.size, self.pen, self.rng
        x0, top, x1, bottom = box
        tsize = min(rng.uniform(3.5, 4.8) * s, (bottom - top - 200) / (1.12 * len(essay.title)))
        tx = x1 - 1.3 * tsize
        low = pen.vertical(
            tx, top + 30, essay.title.replace(" ", ""), tsize, HEI, bold=rng.random() < 0.5
        )
        ax = tx - 1.8 * s
        pen.vertical(ax, top + 30 + 0.4 * (low - top), "".join(essay.authors[:1]), 1.17 * s, KAI)
        self._author_in_text = False
        split = ax - 1.5 * s
        return [(x0, top + 4, split, low + s), (x0, low + 2.5 * s, x1, bottom)]

    def _furniture(self, segments: list[Rect], bottom: float) -> list[Rect]:
        """A photo (caption, credit) or a chart box cut out of one of the segments."""
        rng, s = self.rng, self.style.size
        out = list(segments)
        for kind in ("photo", "chart"):
            chance = 0.3 if kind == "photo" else 0.15
            pool = self.furn.captions if kind == "photo" else self.furn.charts
            if rng.random() >= chance or not pool or len(out) < 2:
                continue
            i = rng.randrange(len(out))
            a, t, b, bt = out[i]
            if bt - t < 400 or b - a > 260:
                continue
            at = t if rng.random() < 0.6 else t + rng.uniform(0.3, 0.6) * (bt - t)
            if kind == "photo":
                end = self._photo(pool.pop(), a, at, b)
            else:
                end = self._chart(pool.pop(), a, at, b)
            pieces = [(a, t, b, at - s)] if at - t > 3 * s else []
            pieces.append((a, end + 0.8 * s, b, bt))
            out[i : i + 1] = pieces
        return out

    def _photo(self, caption: tuple[str, str], x0: float, top: float, x1: float) -> float:
        s, pen = self.style.size, self.pen
        h = self.rng.uniform(70, 140)
        pen.picture(x0, top, x1, top + h)
        y = top + h + 0.5 * s
        csize = 0.9 * s
        text, credit = caption
        if self.rng.random() < 0.4:  # an illustration: the artist's credit alone, or nothing
            text, credit = "", self.rng.choice(["", "制图：" + credit[-3:-1]])
        per = max(4, int((x1 - x0) // csize))
        for i in range(0, len(text), per):
            pen.text(x0, y, text[i : i + per], csize, KAI)
            y += 1.3 * csize
        pen.text(x1 - pen.width(credit, csize, KAI), y, credit, csize, KAI)
        return y + 1.3 * csize

    def _chart(
        self, chart: tuple[str, list[str], str, str], x0: float, top: float, x1: float
    ) -> float:
        s, pen = self.style.size, self.pen
        title, data, source, maker = chart
        y = top + 4
        tsize = min(1.1 * s, (x1 - x0 - 8) / max(1, len(title)))
        pen.text(x0 + 4, y, title, tsize, HEI)
        y += 1.8 * s
        for line in data:
            pen.text(x0 + 6, y, line, 0.85 * s, FONT)
            pen.picture(x0 + 8 + pen.width(line, 0.85 * s), y + 1, x1 - 8, y + 0.6 * s)
            y += 1.4 * s
        for line in (source, maker):
            pen.text(x0 + 4, y, line, 0.8 * s, FONT)
            y += 1.2 * s
        pen.frame(x0, top, x1, y + 3)
        return y + 3
