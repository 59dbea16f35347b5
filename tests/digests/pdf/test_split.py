"""The PDF route end to end on pages drawn for the tests: layout, headlines, bylines."""

from __future__ import annotations

import datetime as dt

import pytest

from digests.model import Article, Page
from digests.pdf import split_pdf
from digests.split import SplitOptions
from tests.builders.pdfs import Drawer, PdfBuilder
from tests.digests.pdf.conftest import (
    FARMS,
    LIBRARY,
    NOTES,
    OLD_TOWN,
    OLD_TOWN_HEADS,
    RIVER,
    WATER,
    draw_theory_page,
    made_up_paragraphs,
)


@pytest.fixture(scope="module")
def page(theory_pdf: bytes) -> Page:
    (only,) = split_pdf(theory_pdf)
    return only


def by_title(page: Page, title: str) -> Article:
    return next(a for a in page.articles if a.title == title)


def test_it_reads_the_page_number_and_name_from_the_header(page: Page) -> None:
    assert (page.number, page.name) == (5, "理论")


def test_it_reads_the_issue_date_from_the_header(page: Page) -> None:
    """The date in the running header dates the issue when a PDF is posted."""
    assert page.date == dt.date(2024, 3, 5)


def test_it_lists_the_articles_and_nothing_else(page: Page) -> None:
    """The header, the framed slogan, the editor's line, the lone credit and the photo
    (a caption naming what the picture shows, and its credit) are furniture."""
    assert sorted((a.kind, a.title) for a in page.articles) == [
        ("article", "书香润万家"),
        ("article", "小河变清了 村民笑开了"),
        ("article", "让古城文脉在新时代延续"),
    ]


def test_it_takes_kicker_title_and_subtitle_from_the_type_sizes(page: Page) -> None:
    """The title is the largest type; the overprinted (fake bold) title reads once."""
    a = page.articles[0]
    assert (a.kicker, a.title, a.subtitle) == (
        "为乡村振兴注入文化动力",
        "让古城文脉在新时代延续",
        "关于古城保护的几点思考",
    )


def test_it_finds_bylines_in_their_own_type_or_by_their_words(page: Page) -> None:
    assert by_title(page, "让古城文脉在新时代延续").byline == "李文华"
    assert by_title(page, "小河变清了 村民笑开了").byline == "本报记者 王晓明"


def test_it_reads_the_columns_in_order_and_joins_paragraphs_across_them(page: Page) -> None:
    """Paragraphs cut at a column's foot continue at the next column's head; a subhead
    stands before the paragraph it heads, as the text route has it."""
    text = [p for i, para in enumerate(OLD_TOWN) for p in (OLD_TOWN_HEADS.get(i), para) if p]
    assert by_title(page, "让古城文脉在新时代延续").paragraphs == tuple(text)


def test_subheads_are_section_heads_not_articles(page: Page) -> None:
    a = by_title(page, "让古城文脉在新时代延续")
    assert a.section_heads == ("让文化活起来", "让发展可持续")


def test_it_reads_a_vertical_title_and_byline_before_the_text_beside_them(page: Page) -> None:
    a = by_title(page, "书香润万家")
    assert (a.byline, a.paragraphs) == ("陈思远", LIBRARY)


def test_a_continuation_note_sets_continued_to_and_leaves_the_text(page: Page) -> None:
    a = by_title(page, "小河变清了 村民笑开了")
    assert a.continued_to == 6
    assert a.paragraphs == (*RIVER[:2], RIVER[2].replace("（下转第六版）", ""))


def test_a_pictures_caption_is_in_no_article(page: Page) -> None:
    assert not any("南门夜景" in p for a in page.articles for p in a.paragraphs)


def test_each_pdf_page_is_a_page_of_its_own() -> None:
    def second(d: Drawer) -> None:
        d.line(480, 18, "第06版：要闻", 14)
        d.line(60, 80, "河边新开了一家书屋", 24)
        d.columns([(30, 130, 300, 400)], ("（上接第五版）" + LIBRARY[0], LIBRARY[1]))

    pages = split_pdf(PdfBuilder().page(draw_theory_page).page(second).build())
    assert [(p.number, p.name) for p in pages] == [(5, "理论"), (6, "要闻")]
    (article,) = pages[1].articles
    assert (article.title, article.continued_from, article.paragraphs) == (
        "河边新开了一家书屋",
        5,
        LIBRARY[:2],
    )


def test_a_page_without_a_header_takes_its_number_and_name_from_the_options() -> None:
    def bare(d: Drawer) -> None:
        d.line(60, 80, "河边新开了一家书屋", 24)
        d.columns([(30, 130, 300, 400)], LIBRARY)

    options = SplitOptions(page_number=3, section_names={3: "文化"})
    (page,) = split_pdf(PdfBuilder().page(bare).build(), options)
    assert (page.number, page.name) == (3, "文化")


def test_quote_glyphs_that_stand_for_curly_quotes_are_mapped_back() -> None:
    def quoted(d: Drawer) -> None:
        d.line(60, 80, "书屋里的『老规矩』", 24)
        d.columns([(30, 130, 300, 400)], ("店主说：『借书不用押金，看完记得还。』" + LIBRARY[0],))

    (page,) = split_pdf(PdfBuilder().page(quoted).build())
    (article,) = page.articles
    assert article.title == "书屋里的“老规矩”"
    assert article.paragraphs[0].startswith("店主说：“借书不用押金，看完记得还。”")


def test_a_page_set_in_one_size_falls_back_to_the_text_heuristics() -> None:
    """No headline type at all: the text splitter's rules find the title and byline."""

    def plain(d: Drawer) -> None:
        d.line(30, 60, "河边新开了一家书屋", 9)
        d.line(30, 80, "本报记者\u3000王晓明", 9)
        d.columns([(30, 100, 300, 400)], LIBRARY)

    (page,) = split_pdf(PdfBuilder().page(plain).build())
    (article,) = page.articles
    assert (article.title, article.byline) == ("河边新开了一家书屋", "本报记者 王晓明")
    assert "".join(article.paragraphs) == "".join(LIBRARY)


@pytest.fixture(scope="module")
def column_page(column_pdf: bytes) -> Page:
    (only,) = split_pdf(column_pdf)
    return only


def test_an_l_shaped_article_keeps_the_column_that_runs_down_beside_the_next(
    column_page: Page,
) -> None:
    """Its third column is read after the article below the first two; it still goes back."""
    farms = by_title(column_page, "把高标准农田建在群众心坎上")
    assert farms.paragraphs == FARMS
    assert by_title(column_page, "一口井带来的新变化").paragraphs == WATER


def test_small_titles_are_articles_not_subheads_when_above_or_ruled_off(
    column_page: Page,
) -> None:
    """A subhead-sized title above the current article's headline, or under a drawn line,
    starts an article of its own."""
    notes = [
        by_title(column_page, t) for t in ("社区食堂开张了", "旧物有了新去处", "夜班车开到村口")
    ]
    assert [n.paragraphs for n in notes] == list(NOTES)
    assert all(not a.section_heads for a in column_page.articles)


def test_names_in_display_type_under_a_title_are_its_byline(column_page: Page) -> None:
    assert by_title(column_page, "旧物有了新去处").byline == "赵一鸣"


def test_a_boxed_article_with_columns_that_widen_under_its_vertical_title() -> None:
    """No clean cut exists in the box: the vertical title is read first, then each column
    above before the full-width text below."""
    greenway = made_up_paragraphs("城市绿道", 6)

    def boxed(d: Drawer) -> None:
        d.frame(300, 50, 570, 600)
        d.vertical(540, 70, "绿道连万家", 22)
        d.vertical(515, 90, "周晓明", 10)
        boxes = [(310, 60, 400, 330), (410, 60, 500, 330), (310, 345, 560, 590)]
        d.columns(boxes, greenway)

    (page,) = split_pdf(PdfBuilder().page(boxed).build())
    (article,) = page.articles
    assert (article.title, article.byline, article.paragraphs) == ("绿道连万家", "周晓明", greenway)


def test_text_after_a_framed_box_goes_on_with_the_article_the_box_interrupted() -> None:
    trails = made_up_paragraphs("乡村步道", 4)
    sidebar = made_up_paragraphs("步道地图", 1)

    def interrupted(d: Drawer) -> None:
        d.line(60, 60, "乡村步道串起好风景", 24)
        d.columns([(30, 100, 147, 400), (292, 100, 409, 400)], trails)
        d.frame(157, 100, 282, 400)
        d.line(170, 110, "步道怎么走", 14)
        d.columns([(165, 140, 275, 390)], sidebar)

    (page,) = split_pdf(PdfBuilder().page(interrupted).build())
    assert [(a.title, a.paragraphs) for a in page.articles] == [
        ("乡村步道串起好风景", trails),
        ("步道怎么走", sidebar),
    ]
