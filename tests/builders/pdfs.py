"""Newspaper-like page PDFs for the PDF route's tests, drawn with reportlab.

Text is set in reportlab's built-in Chinese CID font (STSong-Light), so no font file and
no real newspaper page is needed. Coordinates are given top-down, as a reader sees the
page: ``top`` is the distance from the top edge, in points.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

FONT = "STSong-Light"
A4 = (595.0, 842.0)


@dataclass
class Drawer:
    """Draws on one page with top-down coordinates."""

    canvas: Canvas
    height: float

    def line(self, x: float, top: float, text: str, size: float, *, bold: bool = False) -> None:
        """One horizontal line; ``bold`` overprints it a hair to the right, as presses do."""
        self.canvas.setFont(FONT, size)
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
        lines = _set_lines(paragraphs, boxes, size, heads or {})
        col, y = 0, boxes[0][1]
        for kind, text in lines:
            height = size * (2.6 if kind == "head" else leading)
            if y + height > boxes[col][3]:
                col += 1
                if col == len(boxes):
                    raise ValueError("the text does not fit its columns")
                y = boxes[col][1]
            x0, _, x1, _ = boxes[col]
            if kind == "head":
                hsize = 1.4 * size
                width = len(text) * hsize
                self.line(x0 + (x1 - x0 - width) / 2, y + 0.5 * size, text, hsize)
            else:
                self.line(x0 + (2 * size if kind == "first" else 0), y, text, size)
            y += height


def _set_lines(
    paragraphs: Sequence[str],
    boxes: Sequence[tuple[float, float, float, float]],
    size: float,
    heads: dict[int, str],
) -> list[tuple[str, str]]:
    per_line = int((boxes[0][2] - boxes[0][0]) // size)
    out: list[tuple[str, str]] = []
    for i, para in enumerate(paragraphs):
        if i in heads:
            out.append(("head", heads[i]))
        rest, first = para, True
        while rest:
            room = per_line - (2 if first else 0)
            out.append(("first" if first else "line", rest[:room]))
            rest, first = rest[room:], False
    return out


@dataclass
class PdfBuilder:
    """Pages drawn by functions of a :class:`Drawer`, saved as one PDF."""

    size: tuple[float, float] = A4
    pages: list[Callable[[Drawer], None]] = field(default_factory=list)

    def page(self, draw: Callable[[Drawer], None]) -> PdfBuilder:
        self.pages.append(draw)
        return self

    def build(self, user_password: str | None = None) -> bytes:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(FONT))
        buf = io.BytesIO()
        canvas = Canvas(buf, pagesize=self.size, encrypt=user_password)
        for draw in self.pages:
            draw(Drawer(canvas, self.size[1]))
            canvas.showPage()
        canvas.save()
        return buf.getvalue()


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
