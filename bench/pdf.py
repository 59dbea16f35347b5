"""How fast the PDF route reads a page: seconds per page on one core.

    .venv/bin/python bench/pdf.py [--rounds 3] [PDF ...]

Without arguments it reads the real theory-page PDFs in ../shared/data/pages when they are
there (evaluation only; nothing of them is kept), else a page drawn by the test builder.
For each file it prints the best of ``--rounds`` runs in CPU seconds of this one process
(so other work on the machine does not count), split into pdfminer's reading of the page
(glyphs and rules) and our layout work (lines, blocks, order, articles), and the wall time.
The target is at most 1 s per page on one core.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from digests.pdf.limits import DEFAULT_LIMITS  # noqa: E402
from digests.pdf.reader import read_pdf  # noqa: E402
from digests.pdf.split import split_page  # noqa: E402
from digests.split import SplitOptions  # noqa: E402

SHARED = REPO.parent / "shared" / "data" / "pages"


def _inputs(paths: list[str]) -> list[tuple[str, bytes]]:
    if paths:
        return [(p, Path(p).read_bytes()) for p in paths]
    real = sorted(SHARED.glob("*/page.pdf"))
    if real:
        return [(p.parent.name, p.read_bytes()) for p in real]
    from tests.builders.pdfs import PdfBuilder
    from tests.digests.pdf.conftest import draw_theory_page

    return [("drawn test page", PdfBuilder().page(draw_theory_page).build())]


def _time(data: bytes, options: SplitOptions) -> tuple[float, float, float, int]:
    wall, start = time.perf_counter(), time.process_time()
    pages = read_pdf(data, DEFAULT_LIMITS)
    read = time.process_time()
    for raw in pages:
        split_page(raw, options)
    end = time.process_time()
    return read - start, end - read, time.perf_counter() - wall, len(pages)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("pdfs", nargs="*")
    args = ap.parse_args()
    options = SplitOptions()
    per_page: list[float] = []
    print(f"{'file':28} {'pages':>5} {'read s':>7} {'layout s':>8} {'s/page':>7} {'wall s':>7}")
    for name, data in _inputs(args.pdfs):
        runs = [_time(data, options) for _ in range(max(1, args.rounds))]
        read, layout, wall, pages = min(runs, key=lambda r: r[0] + r[1])
        each = (read + layout) / max(pages, 1)
        per_page.append(each)
        print(f"{name[:28]:28} {pages:5d} {read:7.3f} {layout:8.3f} {each:7.3f} {wall:7.3f}")
    print(
        f"CPU seconds per page: mean {statistics.mean(per_page):.3f}, "
        f"max {max(per_page):.3f} (target <= 1.0, one core)"
    )


if __name__ == "__main__":
    main()
