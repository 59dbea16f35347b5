"""Reading newspaper page PDFs with their layout: columns, headline type, bylines.

``split_pdf(data, options, limits)`` turns a PDF file's bytes into :class:`~digests.model.Page`
values, one per PDF page, each with its articles in reading order.
"""

from __future__ import annotations

from digests.pdf.limits import PdfLimits
from digests.pdf.split import split_pdf

__all__ = ["PdfLimits", "split_pdf"]
