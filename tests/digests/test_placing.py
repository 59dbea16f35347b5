"""Where posted pages go: printed numbers kept, none overwritten, re-posts replace."""

from __future__ import annotations

from digests.model import Article, Page
from digests.placing import place_pages, same_page


def page(number: int | None, *titles: str) -> Page:
    return Page(number, "", tuple(Article(id="", title=t, paragraphs=("正文。",)) for t in titles))


A = page(None, "甲新闻", "乙新闻", "丙新闻")
B = page(None, "丁新闻", "戊新闻")
C = page(None, "己新闻")


def test_pages_without_a_number_are_numbered_in_upload_order() -> None:
    """Three unnumbered pages become 1, 2, 3 in the order given, each said so."""
    placed = place_pages([A, B, C])
    assert [p.number for p in placed] == [1, 2, 3]
    assert {p.reason for p in placed} == {"upload_order"}


def test_unnumbered_pages_follow_the_printed_and_the_stored_ones() -> None:
    """Next to a printed page 4 and a stored page 2, an unnumbered page is page 5."""
    stored = [page(2, "旧新闻")]
    placed = place_pages([page(4, "子新闻"), A], stored)
    assert [(p.number, p.reason, p.replaces) for p in placed] == [
        (4, "printed", False),
        (5, "upload_order", False),
    ]


def test_a_page_posted_again_replaces_itself_even_without_a_number() -> None:
    """Re-posting a stored unnumbered page (even corrected) takes its old place."""
    stored = [page(1, "甲新闻", "乙新闻", "丙新闻"), page(2, "丁新闻", "戊新闻")]
    corrected = page(None, "甲新闻", "乙新闻", "丙新闻更正")
    (placed,) = place_pages([corrected], stored)
    assert (placed.number, placed.reason, placed.replaces) == (1, "same_as_stored", True)


def test_two_different_pages_printing_the_same_number_are_both_kept() -> None:
    """Page 7 twice with different stories: the later one is page 8, and says why."""
    placed = place_pages([page(7, "甲新闻"), page(7, "乙新闻"), page(7, "丙新闻")])
    assert [(p.number, p.given, p.reason) for p in placed] == [
        (7, 7, "printed"),
        (8, 7, "duplicate"),
        (9, 7, "duplicate"),
    ]


def test_the_same_page_twice_in_one_posting_is_kept_once() -> None:
    """The same file given twice is one page: the later copy, in the first one's place."""
    placed = place_pages([A, B, A])
    assert [(p.number, p.reason, p.repeated) for p in placed] == [
        (1, "upload_order", True),
        (2, "upload_order", False),
    ]


def test_same_page_needs_most_headlines_in_common() -> None:
    assert same_page(A, page(3, "甲新闻", "乙新闻", "丙新闻"))
    assert not same_page(A, page(3, "甲新闻", "庚新闻", "辛新闻"))
    assert not same_page(page(1), page(1))  # empty pages are nobody's twin
