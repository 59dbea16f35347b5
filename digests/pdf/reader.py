"""Read a PDF's pages as marks (glyphs with positions, fonts and sizes; rules; frames).

pdfminer.six does the PDF work. It is pure Python (no native code to build or trust with
hostile input), already a dependency, and its raw page objects (``laparams=None``) give each
glyph's box, font name and size without the layout analysis we replace with our own.
pdfplumber would add a layer over the same parser; pypdfium2 ships a native PDFium binary.

Every library failure becomes one :class:`PdfError` sentence. Limits are enforced while
reading: file size, page count, each stream's decompressed size (checked before pdfminer
inflates anything), glyphs and wall time per page.
"""

from __future__ import annotations

import io
import logging
import time
import zlib
from collections.abc import Iterator
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTCurve, LTFigure, LTImage, LTItem, LTPage
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import PSLiteral

from digests.errors import PdfError
from digests.pdf.limits import MB, PdfLimits
from digests.pdf.marks import Glyph, RawPage, Rule

_FLATE = {"FlateDecode", "Fl"}
_MIN_FRAME = 12.0  # a rectangle smaller than this either way is a rule or an ornament


class _LimitHit(Exception):
    """Raised inside pdfminer's callbacks; carries the PdfError message out."""


def read_pdf(data: bytes, limits: PdfLimits) -> tuple[RawPage, ...]:
    """Every page of the PDF in ``data`` as marks, or a PdfError that says what is wrong."""
    if len(data) > limits.max_bytes:
        raise PdfError(
            f"the PDF is {_amount(len(data))}, over the limit of {_amount(limits.max_bytes)}"
        )
    if b"%PDF-" not in data[:1024]:
        raise PdfError("this is not a PDF file (no %PDF header)")
    _quiet_library()
    try:
        doc = _open(data)
        _check_streams(doc, limits)
        return tuple(_read_pages(doc, limits))
    except _LimitHit as e:
        raise PdfError(str(e)) from None
    except PdfError:
        raise
    except RecursionError:
        raise PdfError("the PDF is malformed: its objects nest without end") from None
    except Exception as e:  # pdfminer raises many unrelated types on broken input
        raise PdfError(f"the PDF is damaged or truncated and cannot be read ({_brief(e)})") from e


def _quiet_library() -> None:
    """pdfminer logs a warning for every flaw it works around (hundreds on a damaged file);
    a user should see our one line instead. Unless the application has set pdfminer's log
    level itself (say, for --verbose), keep it to errors."""
    library = logging.getLogger("pdfminer")
    if library.level == logging.NOTSET:
        library.setLevel(logging.ERROR)


def _amount(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= MB // 10 else f"{size / 1024:.0f} KB"


def _brief(e: Exception) -> str:
    text = str(e).splitlines()[0][:80] if str(e) else ""
    return f"{type(e).__name__}: {text}" if text else type(e).__name__


def _open(data: bytes) -> PDFDocument:
    try:
        return PDFDocument(PDFParser(io.BytesIO(data)), password="")
    except PDFPasswordIncorrect:
        raise PdfError("the PDF is encrypted with a password; send an unprotected copy") from None
    except PDFEncryptionError as e:
        raise PdfError(f"the PDF is encrypted in a way Paperboy cannot read ({e})") from None


def _check_streams(doc: PDFDocument, limits: PdfLimits) -> None:
    """Inflate every compressed non-image stream with a cap, before pdfminer inflates it whole."""
    total = 0
    seen: set[int] = set()
    for xref in doc.xrefs:
        for objid in xref.get_objids():
            if objid in seen:
                continue
            seen.add(objid)
            try:
                obj = doc.getobj(objid)
            except Exception:  # a dangling entry; pdfminer skips it as well
                continue
            if isinstance(obj, PDFStream) and not _is_image(obj):
                total += _inflated_size(obj, limits.max_stream_bytes)
                if total > limits.max_total_stream_bytes:
                    raise _LimitHit(
                        "the PDF's compressed streams expand beyond "
                        f"{_amount(limits.max_total_stream_bytes)} in all; "
                        "refusing it as a possible decompression bomb"
                    )


def _is_image(stream: PDFStream) -> bool:
    subtype = stream.attrs.get("Subtype")
    return isinstance(subtype, PSLiteral) and subtype.name == "Image"


def _inflated_size(stream: PDFStream, cap: int) -> int:
    raw = stream.rawdata if stream.rawdata is not None else stream.data
    if raw is None:
        return 0
    filters = stream.attrs.get("Filter")
    names = filters if isinstance(filters, list) else [filters]
    if not any(isinstance(f, PSLiteral) and f.name in _FLATE for f in names):
        return len(raw)
    if stream.decipher is not None and stream.objid is not None and stream.genno is not None:
        raw = stream.decipher(stream.objid, stream.genno, raw, stream.attrs)
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(raw, cap + 1)
    except zlib.error:
        return len(raw)  # pdfminer copes with (or drops) a corrupt stream itself
    if len(out) > cap:
        raise _LimitHit(
            f"a compressed stream in the PDF expands beyond {_amount(cap)}; "
            "refusing it as a possible decompression bomb"
        )
    return len(out)


def _read_pages(doc: PDFDocument, limits: PdfLimits) -> Iterator[RawPage]:
    manager = PDFResourceManager(caching=True)
    for index, page in enumerate(PDFPage.create_pages(doc)):
        if index >= limits.max_pages:
            raise PdfError(f"the PDF has more than {limits.max_pages} pages, the limit per file")
        device = _Collector(manager, limits)
        interpreter = _Interpreter(manager, device)
        device.start_clock()
        interpreter.process_page(page)
        layout = device.get_result()
        yield _marks(index, layout)


class _Collector(PDFPageAggregator):
    """pdfminer's raw page builder, counting glyphs and watching the clock."""

    def __init__(self, manager: PDFResourceManager, limits: PdfLimits) -> None:
        super().__init__(manager, laparams=None)
        self._limits = limits
        self._glyphs = 0
        self._deadline = 0.0

    def start_clock(self) -> None:
        self._deadline = time.monotonic() + self._limits.seconds_per_page

    def tick(self) -> None:
        if time.monotonic() > self._deadline:
            raise _LimitHit(
                f"a page of the PDF took over {self._limits.seconds_per_page:g} s to read; "
                "refusing it as too complex"
            )

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        self._glyphs += 1
        if self._glyphs > self._limits.max_glyphs_per_page:
            raise _LimitHit(
                f"a page of the PDF draws over {self._limits.max_glyphs_per_page} characters; "
                "refusing it as too complex"
            )
        if self._glyphs % 512 == 0:
            self.tick()
        advance: float = super().render_char(*args, **kwargs)
        return advance


class _Interpreter(PDFPageInterpreter):
    """The page interpreter, checking the clock as operands stream past.

    Form XObjects run in copies made by ``dup()``, which keeps the same device and so the
    same clock.
    """

    def __init__(self, manager: PDFResourceManager, device: _Collector) -> None:
        super().__init__(manager, device)
        self._clock = device
        self._ops = 0

    def push(self, obj: Any) -> None:
        self._count()
        super().push(obj)

    def do_q(self) -> None:
        self._count()
        super().do_q()

    def _count(self) -> None:
        self._ops += 1
        if self._ops % 4096 == 0:
            self._clock.tick()


def _marks(index: int, layout: LTPage) -> RawPage:
    left, bottom, right, top = layout.bbox
    glyphs: list[Glyph] = []
    rules: list[Rule] = []
    images = 0
    space: LTChar | None = None  # a space character drawn last, to part the next glyph
    for item in _walk(layout):
        if isinstance(item, LTChar):
            text = item.get_text()
            if not (item.upright and item.size > 0):
                continue
            if not text.strip():
                space = item
                continue
            font = item.fontname.split("+", 1)[-1]
            spaced = space is not None and _follows(space, item)
            space = None
            glyphs.append(
                Glyph(
                    text,
                    item.x0 - left,
                    top - item.y1,
                    item.x1 - left,
                    top - item.y0,
                    item.size,
                    font,
                    spaced,
                )
            )
        elif isinstance(item, LTImage):
            images += 1
        elif isinstance(item, LTCurve):
            w, h = item.x1 - item.x0, item.y1 - item.y0
            if w < 1 and h < 1:
                continue
            frame = w >= _MIN_FRAME and h >= _MIN_FRAME
            rules.append(Rule(item.x0 - left, top - item.y1, item.x1 - left, top - item.y0, frame))
    return RawPage(index, right - left, top - bottom, tuple(glyphs), tuple(rules), images)


def _follows(space: LTChar, glyph: LTChar) -> bool:
    """The glyph is set right after the space, on its line."""
    return (
        abs(glyph.y0 - space.y0) < 0.3 * glyph.size
        and -0.1 * glyph.size <= glyph.x0 - space.x1 <= 0.5 * glyph.size
    )


def _walk(item: LTItem) -> Iterator[LTItem]:
    if isinstance(item, LTPage | LTFigure):
        for child in item:
            yield from _walk(child)
    else:
        yield item
