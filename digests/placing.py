"""Where each posted page goes in its issue, so that no page ever overwrites another.

A page keeps the number its file name or header printed. A page without one is the same
page as one already there when most of its headlines are (an editor posting a page again:
it replaces that page, which is what keeps posting idempotent); otherwise it takes the
next number after every page of the issue, stored or posted with it, in upload order.
Two different pages posted together that print the same number are both kept: the later
takes the next free number. Every such decision is reported, so the editor can be told.
Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from digests.model import Article, Page

Reason = Literal["printed", "same_as_stored", "upload_order", "duplicate"]
SAME_PAGE_SHARE = 0.5  # of the headlines two pages share (Jaccard) to be one page


@dataclass(frozen=True, slots=True)
class Placed:
    """A posted page with its number set, and why it has that number.

    ``given`` is the number the page printed (None: none); ``replaces`` says that a stored
    page of that number is replaced by it; ``repeated`` that the posting held it twice.
    """

    page: Page
    given: int | None
    reason: Reason
    replaces: bool = False
    repeated: bool = False

    @property
    def number(self) -> int:
        return self.page.number or 0


def _key(article: Article) -> str:
    text = article.title or article.kicker or article.subtitle or "".join(article.paragraphs)[:40]
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _keys(page: Page) -> frozenset[str]:
    return frozenset(k for k in map(_key, page.articles) if k)


def same_page(a: Page, b: Page) -> bool:
    """Whether two pages are one page posted twice (perhaps corrected): most headlines agree."""
    ka, kb = _keys(a), _keys(b)
    if not ka or not kb:
        return False
    return len(ka & kb) >= SAME_PAGE_SHARE * len(ka | kb)


def place_pages(pages: Sequence[Page], stored: Sequence[Page] = ()) -> tuple[Placed, ...]:
    """Number every posted page; ``stored`` are the pages the issue already has (kept
    unless a posted page takes their number)."""
    on_file = {p.number: p for p in stored if p.number is not None}
    out: list[Placed] = []

    def next_free() -> int:
        return max([0, *on_file, *(p.number for p in out)]) + 1

    for page in pages:
        given = page.number
        twin = next((i for i, p in enumerate(out) if _collides(p, page)), None)
        if twin is not None and same_page(out[twin].page, page):
            # The same page twice in one posting: the later copy stands, in its place.
            first = out[twin]
            out[twin] = replace(first, page=replace(page, number=first.number), repeated=True)
            continue
        if given is not None and twin is None:
            out.append(Placed(page, given, "printed", given in on_file))
            continue
        if given is None:
            match = next((n for n, p in on_file.items() if same_page(p, page)), None)
            if match is not None and all(p.number != match for p in out):
                out.append(Placed(replace(page, number=match), None, "same_as_stored", True))
                continue
        reason: Reason = "upload_order" if given is None else "duplicate"
        out.append(Placed(replace(page, number=next_free()), given, reason))
    return tuple(out)


def _collides(placed: Placed, page: Page) -> bool:
    """A page posted earlier in the same posting that ``page`` would clash with."""
    if page.number is not None:
        return placed.given == page.number or placed.number == page.number
    return same_page(placed.page, page)
