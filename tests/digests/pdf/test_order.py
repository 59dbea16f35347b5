"""Reading order on pages whose columns start and end at different heights: each
article's text comes out whole and in its own order (text written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

from digests.model import Article
from digests.pdf import split_pdf
from tests.builders.pdfs import Drawer, PdfBuilder
from tests.digests.pdf.conftest import body_of, made_up_paragraphs
from tests.digests.pdf.test_layouts import COLUMNS, cols, header

HARBOUR = made_up_paragraphs("港口建设", 7)
FORESTS = made_up_paragraphs("林下经济", 4)
HEADS = ("港口建设怎么看", "港口建设怎么干")


def _articles(draw: Callable[[Drawer], None]) -> tuple[Article, ...]:
    def page(d: Drawer) -> None:
        header(d)
        draw(d)

    (only,) = split_pdf(PdfBuilder().page(page).build())
    return only.articles


def _page(draw: Callable[[Drawer], None]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((a.title, a.paragraphs) for a in _articles(draw))


def test_a_last_column_beside_the_title_ends_its_article_not_the_one_below() -> None:
    """An article's last column set at the top right, beside its title, and ending above
    the article below (which leaves that column empty): it is read as the end of the
    article beside it, not after the article below."""

    def draw(d: Drawer) -> None:
        d.line(70, 50, "港口建设迈上新台阶", 26, bold=True)
        d.line(190, 86, "周明远", 10.5)
        d.columns([*cols((0, 1, 2), 110, 220), (COLUMNS[3][0], 50, COLUMNS[3][1], 300)], HARBOUR)
        d.rule(30, 330, 410)
        d.line(110, 345, "林下经济大有可为", 24, bold=True)
        d.line(200, 378, "孙立平", 10.5)
        d.columns(cols((0, 1, 2), 400, 560), FORESTS)

    assert _page(draw) == (("港口建设迈上新台阶", HARBOUR), ("林下经济大有可为", FORESTS))


def test_a_last_column_over_a_photo_ends_its_article_not_the_one_below() -> None:
    """The last column beside the title ends in the author's note, with a photo and its
    credit under it beside the article below: the column ends the article above."""
    note = "（作者为某大学教授）"

    def draw(d: Drawer) -> None:
        d.line(70, 50, "港口建设迈上新台阶", 26, bold=True)
        d.line(190, 86, "周明远", 10.5)
        d.columns(
            [*cols((0, 1, 2), 110, 220), (COLUMNS[3][0], 50, COLUMNS[3][1], 300)],
            (*HARBOUR, note),
        )
        d.rule(30, 330, 410)
        d.line(110, 345, "林下经济大有可为", 24, bold=True)
        d.line(200, 378, "孙立平", 10.5)
        d.columns(cols((0, 1, 2), 400, 560), FORESTS)
        d.picture(COLUMNS[3][0], 400, 117, 80)
        d.line(COLUMNS[3][0], 486, "图为某港口码头。", 8)
        d.line(470, 498, "本报记者 张建国摄", 8)

    assert _page(draw) == (
        ("港口建设迈上新台阶", (*HARBOUR, note)),
        ("林下经济大有可为", FORESTS),
    )


def test_a_row_of_articles_is_read_before_the_row_below_it() -> None:
    """Articles side by side, and a row of articles under them: the top row's last
    column (set beside its title) is read with the top row, as every column above the
    gap ends its article and every one below starts with a headline."""
    tail = made_up_paragraphs("林下经济", 1)
    lower = made_up_paragraphs("乡村治理", 3), made_up_paragraphs("数字经济", 3)

    def draw(d: Drawer) -> None:
        d.line(60, 50, "港口建设迈上新台阶", 20, bold=True)
        d.line(140, 78, "周明远", 10.5)
        d.columns([*cols((0, 1), 100, 230), (COLUMNS[2][0], 50, COLUMNS[2][1], 230)], HARBOUR[:5])
        d.line(445, 50, "林下经济", 18, bold=True)
        d.line(465, 75, "孙立平", 10.5)
        d.columns(cols((3,), 95, 230), tail)
        d.line(80, 245, "乡村治理新路子", 20, bold=True)
        d.line(140, 272, "郑小青", 10.5)
        d.columns(cols((0, 1), 290, 440), lower[0])
        d.line(345, 245, "数字经济新机遇", 20, bold=True)
        d.line(405, 272, "吴晓东", 10.5)
        d.columns(cols((2, 3), 290, 440), lower[1])

    assert _page(draw) == (
        ("港口建设迈上新台阶", HARBOUR[:5]),
        ("林下经济", tail),
        ("乡村治理新路子", lower[0]),
        ("数字经济新机遇", lower[1]),
    )


def test_a_column_starting_low_is_read_before_the_next_column_that_starts_higher() -> None:
    """The first column under a photo starts lower than the second, which opens with a
    subhead: the first column is still read first, and the subhead where it stands."""

    def draw(d: Drawer) -> None:
        d.line(70, 50, "港口建设迈上新台阶", 26, bold=True)
        d.line(190, 86, "周明远", 10.5)
        d.picture(30, 110, 117, 70)
        d.columns([(COLUMNS[0][0], 190, COLUMNS[0][1], 440)], HARBOUR[:3])
        d.line(COLUMNS[1][0] + 18, 112, HEADS[0], 12.6)
        d.columns(cols((1, 2), 135, 440), HARBOUR[3:])

    (article,) = _articles(draw)
    assert (article.title, body_of(article)) == ("港口建设迈上新台阶", HARBOUR)
    assert article.section_heads == (HEADS[0],)


def test_a_caption_set_close_over_its_credit_is_no_part_of_the_text() -> None:
    """A caption and its photographer's credit read as one block above a column: both
    are furniture, and the column's text starts the article."""

    def draw(d: Drawer) -> None:
        d.line(70, 50, "港口建设迈上新台阶", 26, bold=True)
        d.line(190, 86, "周明远", 10.5)
        d.picture(30, 110, 117, 70)
        d.line(30, 184, "图为某港口新建的集装箱码头。", 8)
        d.line(80, 194, "本报记者 张建国摄", 8)
        first = (COLUMNS[0][0], 212, COLUMNS[0][1], 440)
        d.columns([first, *cols((1, 2), 110, 440)], HARBOUR)

    ((title, paragraphs), *_) = _page(draw)
    assert (title, paragraphs) == ("港口建设迈上新台阶", HARBOUR)


def test_a_slogan_in_a_band_across_the_page_is_no_title() -> None:
    """A slogan set in a framed band across the page, over a column that goes on with
    the article beside it: the band is furniture, the column stays that article's."""
    other = made_up_paragraphs("林下经济", 2)

    def draw(d: Drawer) -> None:
        d.frame(30, 45, 540, 72)
        d.line(310, 50, "学思笃行", 16)
        d.line(50, 85, "港口建设迈上新台阶", 20, bold=True)
        d.line(130, 112, "周明远", 10.5)
        d.columns([*cols((0, 1), 135, 340), (COLUMNS[2][0], 80, COLUMNS[2][1], 340)], HARBOUR)
        d.line(445, 85, "林下经济", 18, bold=True)
        d.line(465, 110, "孙立平", 10.5)
        d.columns(cols((3,), 135, 300), other)

    assert _page(draw) == (("港口建设迈上新台阶", HARBOUR), ("林下经济", other))


def test_a_first_column_clear_of_the_title_is_read_under_it_with_a_chart_in_it() -> None:
    """A chart box set at the head of the first column, which a short centred title
    leaves clear: the column is still read under the title, and the chart is no text."""

    def draw(d: Drawer) -> None:
        d.line(200, 50, "港口建设迈上新台阶", 26, bold=True)
        d.line(320, 86, "周明远", 10.5)
        d.frame(30, 110, 147, 210)
        d.line(34, 116, "近五年港口吞吐量（亿吨）", 8)
        for i, figure in enumerate(("2019年 11.9", "2020年 12.5", "2021年 13.8")):
            d.line(36, 132 + 16 * i, figure, 8)
        d.line(34, 180, "数据来源：某市统计局", 7.5)
        d.line(34, 196, "制图：王小兰", 7.5)
        d.columns([(30, 220, 147, 440), *cols((1, 2, 3), 110, 440)], HARBOUR)

    assert _page(draw) == (("港口建设迈上新台阶", HARBOUR),)
