"""Limits that keep a hostile or broken PDF from eating the machine."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class PdfLimits:
    """How much of a PDF Paperboy is willing to read.

    A newspaper page is a few megabytes, a few thousand glyphs and well under a second of
    work; these limits sit far above that and far below what a decompression bomb needs.
    """

    max_bytes: int = 100 * MB  # the file itself
    max_pages: int = 64  # pages in one file
    seconds_per_page: float = 20.0  # wall time to interpret one page
    max_glyphs_per_page: int = 200_000
    max_stream_bytes: int = 64 * MB  # one decompressed stream
    max_total_stream_bytes: int = 512 * MB  # all decompressed streams of the file


DEFAULT_LIMITS = PdfLimits()
