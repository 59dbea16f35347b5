"""A text page printed to PDF (one column, flush left) splits as the text itself does.

The page is the demo page of config/demo, printed over A4 sheets by tests.builders.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from digests.loader import split_options
from digests.model import Article
from digests.pdf import split_pdf
from digests.split import split_text
from digests.textrepair import norm_key
from tests.builders.pdfs import printed_text_page

CONFIG = Path(__file__).resolve().parents[3] / "config"
DEMO = CONFIG / "demo" / "datong-2024-02-10-p01.txt"
OPTIONS = split_options(CONFIG, "")


def _demo() -> str:
    return DEMO.read_text(encoding="utf-8").replace("·", "")  # a glyph the test font lacks


def _outline(articles: tuple[Article, ...]) -> list[tuple[str, str, str, str]]:
    """What makes two splits the same: each item's kind, headline, byline and text."""
    return [
        (
            a.kind,
            norm_key(a.kicker + a.title + a.subtitle),
            norm_key(a.byline),
            norm_key("".join(a.paragraphs)),
        )
        for a in articles
        if a.kind != "ad"
    ]


@pytest.fixture(scope="module")
def from_text() -> tuple[Article, ...]:
    (page,) = split_text(_demo(), OPTIONS)
    return page.articles


def _paragraphs() -> list[str]:
    return [p.strip() for p in _demo().split("\n\n") if p.strip()]


@pytest.mark.parametrize("gap", [0.0, 12.0], ids=["no space between paragraphs", "a blank line"])
@pytest.mark.parametrize("headlines", [False, True], ids=["one type", "headlines in display type"])
def test_it_splits_a_printed_text_page_as_the_text_route_does(
    from_text: tuple[Article, ...], gap: float, headlines: bool
) -> None:
    """Paragraphs part at short lines, bylines stay off the body, and the sheets of one
    printed page read as one page, whether the headlines are set large or not."""
    heads = {norm_key(x) for a in from_text for x in (a.kicker, a.title, a.subtitle) if x}

    def display(para: str) -> float | None:
        return 18.0 if headlines and norm_key(para) in heads else None

    pdf = printed_text_page(_paragraphs(), gap=gap, display=display)
    (page,) = split_pdf(pdf, OPTIONS)
    assert _outline(page.articles) == _outline(from_text)


def test_a_byline_on_the_line_under_the_headline_is_no_part_of_the_body() -> None:
    """Short lines with no space around them: the headline, the reporter, then the text."""
    body = (
        "这是第一段正文，讲述了一件发生在社区里的小事，居民们纷纷称赞。"
        "楼下的志愿者每天帮独居老人买菜送药，风雨无阻。"
    )
    lines = ["社区里的暖心事", "本报记者 王小明", body, "第二段写得更短一些。"]
    (page,) = split_pdf(printed_text_page(lines), OPTIONS)
    (art,) = page.articles
    assert (art.title, norm_key(art.byline)) == ("社区里的暖心事", "本报记者王小明")
    assert [norm_key(p) for p in art.paragraphs] == [norm_key(body), norm_key(lines[3])]
