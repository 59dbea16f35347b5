"""Bad and hostile PDFs get one clear PdfError each, never a traceback from the library."""

from __future__ import annotations

import contextlib
import logging

import pytest

from digests.errors import PdfError
from digests.pdf import PdfLimits, split_pdf
from tests.builders.pdfs import Drawer, PdfBuilder, pdf_with_stream
from tests.digests.pdf.conftest import draw_theory_page


def scanned(d: Drawer) -> None:
    d.picture(0, 0, 595, 842)


def refusal(data: bytes, limits: PdfLimits | None = None) -> str:
    with pytest.raises(PdfError) as caught:
        split_pdf(data, limits=limits or PdfLimits())
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_a_scanned_page_without_text_is_refused_as_needing_ocr() -> None:
    message = refusal(PdfBuilder().page(scanned).build())
    assert "no text layer" in message
    assert "OCR is not supported yet" in message


def test_an_encrypted_pdf_is_refused() -> None:
    data = PdfBuilder().page(draw_theory_page).build(user_password="secret")
    assert "encrypted" in refusal(data)


def test_a_truncated_pdf_is_refused(theory_pdf: bytes) -> None:
    assert "damaged or truncated" in refusal(theory_pdf[: len(theory_pdf) // 3])


@pytest.mark.parametrize("data", [b"", b"hello, this is not a PDF", bytes(range(256)) * 8])
def test_something_that_is_not_a_pdf_is_refused(data: bytes) -> None:
    assert "not a PDF" in refusal(data)


def test_a_malformed_pdf_is_refused() -> None:
    assert "cannot be read" in refusal(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF")


def test_a_file_over_the_size_limit_is_refused(theory_pdf: bytes) -> None:
    assert "over the limit" in refusal(theory_pdf, PdfLimits(max_bytes=1000))


def test_a_file_with_too_many_pages_is_refused() -> None:
    data = PdfBuilder().page(draw_theory_page).page(draw_theory_page).build()
    assert "more than 1 pages" in refusal(data, PdfLimits(max_pages=1))


def test_a_decompression_bomb_is_refused_before_it_is_inflated() -> None:
    bomb = pdf_with_stream(b" " * 5_000_000)
    assert len(bomb) < 20_000
    assert "decompression bomb" in refusal(bomb, PdfLimits(max_stream_bytes=1_000_000))


def test_a_page_that_takes_too_long_is_refused(theory_pdf: bytes) -> None:
    """A negative time budget is spent at the first look at the clock."""
    assert "took over" in refusal(theory_pdf, PdfLimits(seconds_per_page=-1))


def test_a_page_with_too_many_glyphs_is_refused(theory_pdf: bytes) -> None:
    assert "characters" in refusal(theory_pdf, PdfLimits(max_glyphs_per_page=100))


def test_pdfminers_warnings_about_damage_it_works_around_stay_quiet(
    theory_pdf: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    """A user sees our one line, not hundreds of library warnings."""
    at = len(theory_pdf) * 65 // 100  # inside a compressed stream: pdfminer warns, reads on
    damaged = theory_pdf[:at] + b"0" * 40 + theory_pdf[at + 40 :]
    with caplog.at_level(logging.WARNING), contextlib.suppress(PdfError):
        split_pdf(damaged)
    assert not [r for r in caplog.records if r.name.startswith("pdfminer")]
