"""Newspaper-like page PDFs for the PDF route's tests, drawn with reportlab.

Text is set in reportlab's built-in Chinese CID font (STSong-Light), so no font file and
no real newspaper page is needed. Coordinates are given top-down, as a reader sees the
page: ``top`` is the distance from the top edge, in points.
"""

from __future__ import annotations

import copy
import io
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase._cidfontdata import CIDFontInfo
from reportlab.pdfbase.cidfonts import UnicodeCIDFont, structToPDF
from reportlab.pdfgen.canvas import Canvas

FONT = "STSong-Light"
KAI = "KaiTi-Test"  # the same glyphs under another font name: bylines in their own type
A4 = (595.0, 842.0)


class _Renamed(UnicodeCIDFont):  # type: ignore[misc]
    """reportlab's built-in Chinese font written into the PDF under another name."""

    def __init__(self, alias: str) -> None:
        super().__init__(FONT)
        self.name = self.fontName = alias

    def addObjects(self, doc: Any) -> None:
        internal = "F" + repr(len(doc.fontMapping) + 1)
        info = copy.deepcopy(CIDFontInfo[self.face.name])
        info["Name"] = "/" + internal
        info["Encoding"] = "/" + self.encodingName
        info["BaseFont"] = "/" + self.name
        descendant = info["DescendantFonts"][0]
        descendant["BaseFont"] = "/" + self.name
        descendant["FontDescriptor"]["FontName"] = "/" + self.name
        doc.idToObject["BasicFonts"].dict[internal] = doc.Reference(structToPDF(info), internal)
        doc.fontMapping[self.name] = "/" + internal


def register_fonts() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
        pdfmetrics.registerFont(_Renamed(KAI))


@dataclass
class Drawer:
    """Draws on one page with top-down coordinates."""

    canvas: Canvas
    height: float

    def line(
        self, x: float, top: float, text: str, size: float, *, bold: bool = False, font: str = FONT
    ) -> None:
        """One horizontal line; ``bold`` overprints it a hair to the right, as presses do."""
        self.canvas.setFont(font, size)
        y = self.height - top - 0.88 * size
        self.canvas.drawString(x, y, text)
        if bold:
            self.canvas.drawString(x + 0.05 * size, y, text)

    def vertical(self, x: float, top: float, text: str, size: float, step: float = 1.15) -> None:
        """Text set downwards (竖排), one character under the other."""
        for i, ch in enumerate(text):
            self.line(x, top + i * step * size, ch, size)

    def rule(self, x0: float, top: float, x1: float) -> None:
        self.canvas.setLineWidth(0.5)
        self.canvas.line(x0, self.height - top, x1, self.height - top)

    def frame(self, x0: float, top: float, x1: float, bottom: float) -> None:
        self.canvas.setLineWidth(0.8)
        self.canvas.rect(x0, self.height - bottom, x1 - x0, bottom - top, stroke=1, fill=0)

    def picture(self, x0: float, top: float, width: float, height: float) -> None:
        """A grey picture (a stand-in for a photo or a scanned page)."""
        from PIL import Image  # reportlab's own dependency

        image = Image.new("L", (40, 30), 128)
        self.canvas.drawImage(
            ImageReader(image), x0, self.height - top - height, width=width, height=height
        )

    def columns(
        self,
        boxes: Sequence[tuple[float, float, float, float]],
        paragraphs: Sequence[str],
        size: float = 9.0,
        leading: float = 1.45,
        heads: dict[int, str] | None = None,
    ) -> None:
        """Flow paragraphs through column boxes (x0, top, x1, bottom), each paragraph's
        first line indented two characters; ``heads`` puts a subhead (1.4x the size,
        centred) before the paragraph with that index."""
        flow = _Flow(self, list(boxes), size, leading)
        for i, para in enumerate(paragraphs):
            if heads and i in heads:
                flow.head(heads[i])
            flow.paragraph(para)


@dataclass
class _Flow:
    """Where the next line goes as text flows from column box to column box."""

    drawer: Drawer
    boxes: list[tuple[float, float, float, float]]
    size: float
    leading: float
    col: int = 0
    y: float = -1.0

    def _room(self, height: float) -> tuple[float, float]:
        if self.y < 0:
            self.y = self.boxes[0][1]
        if self.y + height > self.boxes[self.col][3]:
            self.col += 1
            if self.col == len(self.boxes):
                raise ValueError("the text does not fit its columns")
            self.y = self.boxes[self.col][1]
        x0, _, x1, _ = self.boxes[self.col]
        return x0, x1

    def head(self, text: str) -> None:
        x0, x1 = self._room(2.6 * self.size)
        hsize = 1.4 * self.size
        left = x0 + (x1 - x0 - len(text) * hsize) / 2
        self.drawer.line(left, self.y + 0.5 * self.size, text, hsize)
        self.y += 2.6 * self.size

    def paragraph(self, text: str) -> None:
        first = True
        while text:
            x0, x1 = self._room(self.leading * self.size)
            indent = 2 if first else 0
            room = int((x1 - x0) // self.size) - indent
            self.drawer.line(x0 + indent * self.size, self.y, text[:room], self.size)
            text, first = text[room:], False
            self.y += self.leading * self.size


@dataclass
class PdfBuilder:
    """Pages drawn by functions of a :class:`Drawer`, saved as one PDF."""

    size: tuple[float, float] = A4
    pages: list[Callable[[Drawer], None]] = field(default_factory=list)

    def page(self, draw: Callable[[Drawer], None]) -> PdfBuilder:
        self.pages.append(draw)
        return self

    def build(self, user_password: str | None = None) -> bytes:
        register_fonts()
        buf = io.BytesIO()
        canvas = Canvas(buf, pagesize=self.size, encrypt=user_password)
        for draw in self.pages:
            draw(Drawer(canvas, self.size[1]))
            canvas.showPage()
        canvas.save()
        return buf.getvalue()


def printed_text_page(
    paragraphs: Sequence[str],
    size: float = 10.5,
    gap: float = 0.0,
    display: Callable[[str], float | None] = lambda _: None,
) -> bytes:
    """A text page printed to A4 as a text editor prints it: one column, flush left, lines
    broken where the next glyph would pass the margin, ``gap`` points between paragraphs,
    sheet after sheet; ``display`` gives a paragraph its own type size (a headline)."""
    register_fonts()
    left, right, top, bottom = 50.0, 545.0, 50.0, 792.0
    placed: list[list[tuple[float, str, float]]] = [[]]
    y = top
    for para in paragraphs:
        sz = display(para) or size
        line = ""
        for ch in para + "\n":
            wide = pdfmetrics.stringWidth(line + ch, FONT, sz) > right - left
            if ch == "\n" or wide:
                if y + sz > bottom:
                    placed.append([])
                    y = top
                placed[-1].append((y, line, sz))
                y += 1.4 * sz
                line = ""
            if ch != "\n":
                line += ch
        y += gap
    builder = PdfBuilder()
    for sheet in placed:

        def draw(d: Drawer, sheet: list[tuple[float, str, float]] = sheet) -> None:
            for at, text, sz in sheet:
                d.line(left, at, text, sz)

        builder.page(draw)
    return builder.build()


def pdf_with_stream(content: bytes) -> bytes:
    """A one-page PDF, written by hand, whose page content is ``content`` deflated: a
    small file that inflates to as much as ``content`` holds."""
    packed = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
