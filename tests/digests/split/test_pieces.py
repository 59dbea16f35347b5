"""Theory pages from a PDF's text layer: bold printed twice, photos, charts, a late header.

The pages are written for these tests (the fictional 青柳县); they are laid out the way a
PDF's text order gives a page of signed essays.
"""

from __future__ import annotations

from digests.model import Article
from digests.split import split_text
from digests.split.pieces import page_furniture_out, undouble
from tests.builders.pages import PARAS, page

P = PARAS
HEADER = ("2024年3月5日星期二", "5理论理论5")


def items(text: str) -> list[Article]:
    return [a for p in split_text(text) for a in p.articles if a.kind != "ad"]


def essays(
    first_title: str, first_name: str, second_title: str = "让书香飘进千家万户"
) -> list[str]:
    return [
        first_title,
        first_name,
        *P[0:3],
        "(作者为青柳县委党校教授)",
        second_title,
        "周晓岚",
        *P[7:10],
        "(作者为青柳县图书馆研究馆员)",
    ]


def test_a_title_and_name_printed_twice_read_once_in_any_glyph_order() -> None:
    """It reads a title and a name printed twice for bold once, whether the whole line
    came twice or each glyph did."""
    for title, name in (
        ("修好家门口的路修好家门口的路", "李文华李文华"),
        ("修修好好家家门门口口的的路路", "李李文文华华"),
    ):
        first, second = items(page(*essays(title, name), header=HEADER))
        assert (first.title, first.byline) == ("修好家门口的路", "李文华")
        assert first.paragraphs[0] == P[0]
        assert second.title == "让书香飘进千家万户"


def test_undoubling_leaves_text_that_only_repeats_in_part() -> None:
    """A line only partly repeated (wording, or a headline the headline rules undo with
    its neighbours) is left as it is."""
    lines = ["谢谢谢谢大家的支持和帮助", "老街区老街区::换上新模样", "5理论理论5"]
    assert undouble(lines) == lines


def test_a_photo_caption_and_credit_inside_an_essay_are_left_out() -> None:
    """On a page of signed essays, a photo's caption and credit printed amid an essay's
    text are neither an item nor a cut in the essay."""
    body = essays("修好家门口的路", "李文华")
    body[3:3] = ["图为青柳县新修的乡村公路。", "本报记者 林小雨摄"]
    found = items(page(*body, header=HEADER))
    assert [a.title for a in found] == ["修好家门口的路", "让书香飘进千家万户"]
    assert list(found[0].paragraphs[:3]) == list(P[0:3])


def test_a_chart_box_is_left_out() -> None:
    """A chart's title, figures and "数据来源" line are page furniture there."""
    chart = ["2019年以来县道新增里程(公里)", "2019年 12.5", "2020年 18.0", "数据来源:青柳县交通局"]
    lines = [*HEADER, *essays("修好家门口的路", "李文华")]
    lines[5:5] = chart
    assert page_furniture_out(lines) == [*HEADER, *essays("修好家门口的路", "李文华")]


def test_a_headline_read_before_the_page_header_heads_its_essay() -> None:
    """A PDF's text order can give the top headline before the page header: it still
    opens the first essay of that one page."""
    lines = essays("修好家门口的路", "李文华")
    text = page(*lines[:2], *HEADER, *lines[2:])
    pages = split_text(text)
    assert len(pages) == 1
    assert pages[0].number == 5
    assert [a.title for a in pages[0].articles] == ["修好家门口的路", "让书香飘进千家万户"]


def test_a_lone_glyph_of_a_doubled_title_read_as_its_own_line_is_left_out() -> None:
    """A doubled title whose first glyph's copy came out as a line of its own is read once,
    that glyph with it; the same glyph after a line printed once stays."""
    assert undouble(["修好好家家门门口口的的路路", "修"]) == ["修好家门口的路"]
    assert undouble(["修路", "修"]) == ["修路", "修"]
