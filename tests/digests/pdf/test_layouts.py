"""Layouts the dev pages do not show, drawn for the tests: how the PDF route splits them.

Each page has a four-column article on top and a ruled-off article below whose short
title, centred over its columns, leaves the first column clear of it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digests.model import Article
from digests.pdf import split_pdf
from digests.textrepair import norm_key
from tests.builders.pdfs import KAI, Drawer, PdfBuilder
from tests.digests.pdf.conftest import body_of, made_up_paragraphs

COLUMNS = ((30.0, 147.0), (161.0, 278.0), (292.0, 409.0), (423.0, 540.0))
REFORM = made_up_paragraphs("改革创新", 9)
SCIENCE = made_up_paragraphs("科研评价改革", 9)
ECONOMY = made_up_paragraphs("数字经济", 3)


def cols(
    which: tuple[int, ...], top: float, bottom: float
) -> list[tuple[float, float, float, float]]:
    return [(COLUMNS[i][0], top, COLUMNS[i][1], bottom) for i in which]


def header(d: Drawer) -> None:
    d.line(330, 22, "2024年3月5日 星期二", 9)
    d.line(480, 18, "第05版：理论", 14)


def lower_article(d: Drawer) -> None:
    d.rule(30, 460, 540)
    d.line(190, 475, "把论文写在大地上", 24, bold=True)
    d.line(260, 508, "孙立平", 10.5)
    d.columns(cols((0, 1, 2, 3), 530, 800), (*SCIENCE, "（作者为某研究院研究员）"))


def split(draw: Callable[[Drawer], None]) -> tuple[Article, ...]:
    def page(d: Drawer) -> None:
        header(d)
        draw(d)
        lower_article(d)

    (only,) = split_pdf(PdfBuilder().page(page).build())
    return only.articles


def titles(articles: tuple[Article, ...]) -> list[tuple[str, str, str]]:
    return [(a.kicker, a.title, a.byline) for a in articles]


def upper_article(d: Drawer) -> None:
    d.line(110, 50, "以改革创新激发发展活力", 30, bold=True)
    d.line(255, 90, "周明远", 10.5)
    d.columns(cols((0, 1, 2, 3), 115, 440), REFORM)


def test_a_column_left_clear_of_a_short_title_is_read_under_it() -> None:
    """The first column starts below the centred title and byline: it is read after them,
    as the start of that article, not before the headline as the end of the one above."""
    lower = split(upper_article)[-1]
    assert (lower.title, lower.byline) == ("把论文写在大地上", "孙立平")
    assert lower.paragraphs[0].startswith("说起科研评价改革的第1个问题")
    assert lower.paragraphs[-1] == "（作者为某研究院研究员）"
    assert len(lower.paragraphs) == 10


def test_an_author_note_broken_across_columns_stays_with_its_article() -> None:
    def draw(d: Drawer) -> None:
        d.line(110, 50, "以改革创新激发发展活力", 30, bold=True)
        d.line(255, 90, "周明远", 10.5)
        d.columns(cols((0, 1), 115, 440), REFORM[:8])
        d.columns(cols((2,), 115, 230), REFORM[8:])
        d.line(310, 232, "（作者为省社会科学院", 9)
        d.line(423, 115, "经济研究所研究员）", 9)
        d.line(430, 140, "数字经济的新机遇", 14, bold=True)
        d.line(450, 168, "吴晓东", 10.5)
        d.columns(cols((3,), 190, 440), ECONOMY)

    first, second, _ = split(draw)
    assert first.paragraphs[-1] == "（作者为省社会科学院经济研究所研究员）"
    assert (second.title, second.byline) == ("数字经济的新机遇", "吴晓东")
    assert second.paragraphs == ECONOMY


def test_a_kicker_over_a_title_set_in_two_lines() -> None:
    def draw(d: Drawer) -> None:
        d.line(150, 45, "坚持人民至上 回应群众关切", 16)
        d.line(90, 68, "让每一位老年人都能", 30, bold=True)
        d.line(90, 104, "安享幸福晚年生活", 30, bold=True)
        d.line(255, 145, "周明远", 10.5)
        d.columns(cols((0, 1, 2, 3), 165, 440), REFORM[:8])

    assert titles(split(draw))[0] == (
        "坚持人民至上 回应群众关切",
        "让每一位老年人都能安享幸福晚年生活",
        "周明远",
    )


def test_a_photo_inside_the_columns_leaves_the_text_whole() -> None:
    """The caption and credit of a photo set across two columns are not the article's."""

    def draw(d: Drawer) -> None:
        d.line(110, 50, "以改革创新激发发展活力", 30, bold=True)
        d.line(255, 90, "周明远", 10.5)
        around = [(292, 115, 409, 240), (292, 345, 409, 440), (423, 115, 540, 240)]
        boxes = [*cols((0, 1), 115, 440), *around]
        d.columns(boxes, REFORM + made_up_paragraphs("科技园区", 1))
        d.picture(292, 250, 248, 70)
        d.line(292, 324, "图为某地科技园区一角。", 8)
        d.line(470, 335, "本报记者 张建国摄", 8)

    first, second = split(draw)
    assert first.paragraphs == REFORM + made_up_paragraphs("科技园区", 1)
    assert second.title == "把论文写在大地上"


def test_a_continued_article_without_a_headline_is_an_article_of_its_own() -> None:
    def draw(d: Drawer) -> None:
        opening = made_up_paragraphs("开放合作", 4)
        d.columns(cols((0, 1, 2, 3), 50, 170), ("（上接第一版）" + opening[0], *opening[1:]))
        d.rule(30, 180, 540)
        d.line(110, 195, "以改革创新激发发展活力", 30, bold=True)
        d.line(255, 235, "周明远", 10.5)
        d.columns(cols((0, 1, 2, 3), 255, 440), REFORM[:6])

    continued, first, _ = split(draw)
    assert (continued.title, continued.continued_from) == ("", 1)
    assert continued.paragraphs == made_up_paragraphs("开放合作", 4)
    assert (first.title, first.paragraphs) == ("以改革创新激发发展活力", REFORM[:6])


def test_four_articles_in_different_widths() -> None:
    def draw(d: Drawer) -> None:
        d.line(50, 50, "以改革创新激发发展活力", 20, bold=True)
        d.line(150, 85, "周明远", 10.5)
        d.columns(cols((0, 1), 105, 440), REFORM[:6])
        d.line(330, 50, "数字经济的新机遇", 20, bold=True)
        d.line(380, 78, "吴晓东", 10.5)
        d.columns(cols((2, 3), 100, 250), ECONOMY)
        d.rule(292, 262, 540)
        d.line(300, 272, "乡村治理的新路子", 20, bold=True)
        d.line(380, 300, "郑小青", 10.5)
        d.columns(cols((2,), 322, 445), made_up_paragraphs("乡村治理", 1))
        d.frame(418, 318, 545, 445)
        d.line(430, 328, "读书的乐趣", 16)
        d.line(460, 350, "何方", 10.5)
        d.columns(cols((3,), 370, 442), ("读书让生活更加丰富，让心灵更加宁静。",))

    articles = split(draw)
    assert titles(articles)[:4] == [
        ("", "以改革创新激发发展活力", "周明远"),
        ("", "数字经济的新机遇", "吴晓东"),
        ("", "乡村治理的新路子", "郑小青"),
        ("", "读书的乐趣", "何方"),
    ]
    assert [a.paragraphs for a in articles[:4]] == [
        REFORM[:6],
        ECONOMY,
        made_up_paragraphs("乡村治理", 1),
        ("读书让生活更加丰富，让心灵更加宁静。",),
    ]


def test_a_series_title_across_the_page_is_not_the_kicker_of_the_headline_under_it() -> None:
    """A kicker lines up with its title (centred or flush); a line over a headline that
    lines up with nothing of it is the page's series title."""

    def draw(d: Drawer) -> None:
        d.line(176, 50, "奋进新征程　建功新时代", 22)
        d.line(70, 78, "以改革激发活力", 30, bold=True)
        d.line(160, 118, "周明远", 10.5)
        d.columns(cols((0, 1, 2), 140, 440), REFORM)
        d.line(430, 90, "数字经济的新机遇", 14, bold=True)
        d.line(450, 118, "吴晓东", 10.5)
        d.columns(cols((3,), 140, 440), ECONOMY)

    assert titles(split(draw)) == [
        ("", "以改革激发活力", "周明远"),
        ("", "数字经济的新机遇", "吴晓东"),
        ("", "把论文写在大地上", "孙立平"),
    ]


def test_a_byline_set_over_the_title_is_the_articles_byline() -> None:
    def draw(d: Drawer) -> None:
        d.line(255, 50, "周明远", 10.5)
        d.line(110, 68, "以改革创新激发发展活力", 30, bold=True)
        d.columns(cols((0, 1, 2, 3), 115, 440), REFORM)

    first, _ = split(draw)
    assert (first.title, first.byline, first.paragraphs) == (
        "以改革创新激发发展活力",
        "周明远",
        REFORM,
    )


def test_a_subhead_across_two_of_the_articles_columns_stays_in_the_article() -> None:
    def draw(d: Drawer) -> None:
        upper_article_head(d)
        d.columns(cols((0, 1, 2, 3), 115, 260), REFORM[:5])
        d.line(60, 275, "坚持问题导向，推动改革走深走实", 12.9)
        d.columns(cols((0, 1, 2, 3), 300, 440), REFORM[5:])

    first, second = split(draw)
    assert first.section_heads == ("坚持问题导向，推动改革走深走实",)
    assert body_of(first) == REFORM
    assert second.title == "把论文写在大地上"


def test_an_article_whose_title_is_a_picture_starts_at_its_byline() -> None:
    """No title to read: the byline in its own type, with a paragraph starting under it,
    parts the article from the one above; it keeps an empty title."""

    def page(d: Drawer) -> None:
        header(d)
        upper_article(d)
        d.rule(30, 450, 540)
        d.picture(100, 460, 380, 35)
        d.line(260, 505, "孙立平", 10.5)
        d.columns(cols((0, 1, 2, 3), 525, 800), SCIENCE)

    (only,) = split_pdf(PdfBuilder().page(page).build())
    first, second = only.articles
    assert first.paragraphs == REFORM
    assert (second.title, second.byline, second.paragraphs) == ("", "孙立平", SCIENCE)


def upper_article_head(d: Drawer) -> None:
    d.line(110, 50, "以改革创新激发发展活力", 30, bold=True)
    d.line(255, 90, "周明远", 10.5)


def test_a_byline_naming_an_institution_is_read_by_its_type() -> None:
    """Under a headline, one short line in its own font that is no sentence is the byline,
    though it names no person."""

    def draw(d: Drawer) -> None:
        d.line(110, 50, "以改革创新激发发展活力", 30, bold=True)
        d.line(200, 90, "某省中国特色社会主义理论体系研究中心", 9.7, font=KAI)
        d.columns(cols((0, 1, 2, 3), 115, 440), REFORM)

    first, _ = split(draw)
    assert first.byline == "某省中国特色社会主义理论体系研究中心"
    assert first.paragraphs == REFORM


def draw_broadsheet(d: Drawer) -> None:
    """A broadsheet theory page at full scale: 8.3-point body type in six columns, bylines
    in their own font, a framed column with a vertical title."""
    left = [9.0 + i * 167 for i in range(6)]

    def col(i: int, top: float, bottom: float) -> tuple[float, float, float, float]:
        return (left[i], top, left[i] + 152, bottom)

    d.line(300, 20, "2018年2月2日 星期五", 10)
    d.line(870, 15, "第07版：理论", 18)
    d.line(250, 100, "坚定文化自信", 51.5, bold=True)
    d.line(290, 170, "周明远", 9.7, font=KAI)
    heads = {4: "文化自信从哪里来", 9: "文化自信怎样立"}
    d.columns([col(i, 200, 980) for i in range(4)], CULTURE, size=8.3, heads=heads)
    d.line(left[4] + 20, 100, "学以致用", 22, bold=True)
    d.line(left[4] + 50, 135, "本报评论员", 9.7, font=KAI)
    d.columns([col(4, 160, 980)], made_up_paragraphs("学以致用", 5), size=8.3)
    d.frame(840, 90, 1008, 990)
    d.vertical(960, 110, "推动城乡融合发展", 38.6)
    d.vertical(935, 300, "吴晓东", 9.7)
    d.columns([(850, 110, 920, 980)], made_up_paragraphs("城乡融合", 4), size=8.3)
    d.rule(9, 1000, 1008)
    d.line(190, 1020, "让制度优势更好转化为治理效能", 16.6)
    d.line(80, 1045, "提高国家治理现代化水平", 33.1, bold=True)
    d.line(300, 1090, "郑小青", 9.7, font=KAI)
    governance = (*made_up_paragraphs("国家治理", 8), "（作者为某大学马克思主义学院教授）")
    d.columns([col(i, 1110, 1420) for i in range(4)], governance, size=8.3)
    d.line(700, 1020, "读懂中国之治", 29.4, bold=True)
    d.line(690, 1058, "——《某某》一书简评", 12.9)
    d.line(790, 1080, "何方", 9.7, font=KAI)
    boxes = [(left[4], 1100.0, left[4] + 140, 1420.0), (843.0, 1100.0, 1000.0, 1420.0)]
    d.columns(boxes, made_up_paragraphs("中国之治", 4), size=8.3)


CULTURE = made_up_paragraphs("文化自信", 14)


def test_a_broadsheet_page_at_full_scale() -> None:
    """The first column of the top article, clear of its short title and carrying its
    subheads, is read under the title; the page is read above its ruled gap first."""
    (page,) = split_pdf(PdfBuilder(size=(1017.0, 1438.0)).page(draw_broadsheet).build())
    assert (page.number, page.name) == (7, "理论")
    assert [(a.kicker, a.title, a.subtitle, a.byline) for a in page.articles] == [
        ("", "坚定文化自信", "", "周明远"),
        ("", "学以致用", "", "本报评论员"),
        ("", "推动城乡融合发展", "", "吴晓东"),
        ("让制度优势更好转化为治理效能", "提高国家治理现代化水平", "", "郑小青"),
        ("", "读懂中国之治", "《某某》一书简评", "何方"),
    ]
    top = page.articles[0]
    assert body_of(top) == CULTURE
    assert top.section_heads == ("文化自信从哪里来", "文化自信怎样立")
    assert page.articles[3].paragraphs[-1] == "（作者为某大学马克思主义学院教授）"


def test_an_unframed_vertical_title_heads_the_text_on_its_left_not_the_page() -> None:
    """A vertical title at the right edge, with no frame, is read before the column on
    its left, not before the articles further left that have their own headlines."""

    def draw(d: Drawer) -> None:
        d.line(300, 20, "2018年2月2日 星期五", 10)
        d.line(870, 15, "第07版：理论", 18)
        d.line(60, 100, "以改革激发活力", 44, bold=True)
        d.line(200, 160, "周明远", 9.7, font=KAI)
        d.columns([(9, 190, 161, 700), (176, 190, 328, 700)], REFORM, size=8.3)
        d.line(550, 100, "数字经济", 33, bold=True)
        d.line(610, 145, "吴晓东", 9.7, font=KAI)
        d.line(650, 145, "李华", 9.7, font=KAI)
        d.columns([(510, 170, 662, 700), (677, 170, 829, 700)], ECONOMY, size=8.3)
        d.vertical(970, 100, "青年当自强", 38.6)
        d.vertical(945, 200, "郑小青", 9.7)
        d.columns([(850, 100, 930, 700)], YOUTH, size=8.3)

    (page,) = split_pdf(PdfBuilder(size=(1017.0, 1438.0)).page(draw).build())
    assert [(a.title, a.byline, a.paragraphs) for a in page.articles] == [
        ("以改革激发活力", "周明远", REFORM),
        ("数字经济", "吴晓东 李华", ECONOMY),
        ("青年当自强", "郑小青", YOUTH),
    ]


YOUTH = made_up_paragraphs("青年", 3)


def test_subheads_in_body_size_bold_type_stay_paragraphs_of_the_article() -> None:
    """Subheads set in the body's own size (bold only overprints, which reads once) carry
    no headline type: they stay lines of the text and split nothing."""
    heads = ("一、坚持问题导向", "二、坚持系统观念")

    def draw(d: Drawer) -> None:
        upper_article_head(d)
        paragraphs = (*REFORM[:3], heads[0], *REFORM[3:6], heads[1], *REFORM[6:])
        d.columns(cols((0, 1, 2, 3), 115, 440), paragraphs)

    first, second = split(draw)
    assert first.paragraphs == (*REFORM[:3], heads[0], *REFORM[3:6], heads[1], *REFORM[6:])
    assert (first.byline, second.title) == ("周明远", "把论文写在大地上")


def one_page(draw: Callable[[Drawer], None]) -> tuple[Article, ...]:
    def page(d: Drawer) -> None:
        header(d)
        draw(d)

    (only,) = split_pdf(PdfBuilder().page(page).build())
    return only.articles


def test_a_title_centred_over_wide_columns_gathers_the_columns_clear_of_it() -> None:
    """A short title over the right half of a four-column article leaves two columns clear
    of it on the left: both are read under it, so the article is one, from its start."""

    def draw(d: Drawer) -> None:
        upper_article(d)
        d.rule(30, 460, 540)
        d.line(320, 475, "把论文写在大地上", 24, bold=True)
        d.line(390, 508, "孙立平", 10.5)
        d.columns(cols((0, 1, 2, 3), 530, 800), (*SCIENCE, "（作者为某研究院研究员）"))

    upper, lower = one_page(draw)
    assert upper.paragraphs == REFORM
    assert (lower.title, lower.byline) == ("把论文写在大地上", "孙立平")
    assert lower.paragraphs == (*SCIENCE, "（作者为某研究院研究员）")


@pytest.mark.parametrize("step", [12.0, 9.5], ids=["spaced", "set close"])
def test_a_chart_box_is_no_part_of_any_article(step: float) -> None:
    """A framed chart (title, figures, "数据来源", maker) set in an article's column is
    page furniture: the article's text stays whole and the chart is no item, also when
    its figures and credits are set so close that they read as one block."""

    def draw(d: Drawer) -> None:
        d.line(110, 50, "以改革创新激发发展活力", 30, bold=True)
        d.line(255, 90, "周明远", 10.5)
        d.columns([*cols((0, 1, 2), 115, 440), (423, 215, 540, 440)], REFORM)
        d.frame(423, 112, 540, 205)
        d.line(428, 118, "近五年新增企业（万户）", 9)
        figures = ("2018年 11.9", "2019年 12.5", "2020年 13.8", "2021年 15.2")
        for i, figure in enumerate(figures):
            d.line(430, 134 + step * i, figure, 8)
        d.line(428, 134 + step * 4, "数据来源：某市统计局", 7.5)
        d.line(428, 134 + step * 5, "制图：王小兰", 7.5)

    (only, _) = split(draw)
    assert only.paragraphs == REFORM


def test_a_photo_on_a_page_of_signed_essays_is_no_item() -> None:
    """On a page of signed essays a photo's caption and credit set apart belong to no
    essay and are no item of their own."""

    def draw(d: Drawer) -> None:
        d.line(60, 50, "以改革创新激发发展活力", 26, bold=True)
        d.line(190, 86, "周明远", 10.5)
        d.columns(cols((0, 1, 2), 110, 440), (*REFORM[:7], "（作者为某大学教授）"))
        d.picture(423, 110, 117, 80)
        d.line(423, 196, "图为某地科技园区一角。", 8)
        d.line(470, 212, "本报记者 张建国摄", 8)

    articles = split(draw)
    assert [(a.kind, a.title) for a in articles] == [
        ("article", "以改革创新激发发展活力"),
        ("article", "把论文写在大地上"),
    ]
    assert articles[0].paragraphs == (*REFORM[:7], "（作者为某大学教授）")


def test_a_caption_that_reports_news_of_its_own_is_a_photo_item() -> None:
    """A photo set apart with a caption of a sentence or two and a photographer's credit
    is an item (图片新闻); beside it, a story's picture captioned "图为…" is furniture."""
    news = "三月四日，市民在城南新建的口袋公园里赏花。园内的玉兰和早樱竞相开放，引来不少游客。"

    def draw(d: Drawer) -> None:
        d.line(40, 50, "以改革创新激发发展活力", 20, bold=True)
        d.line(190, 86, "周明远", 10.5)
        d.columns(cols((0, 1), 110, 440), REFORM[:5])
        d.picture(292, 110, 117, 80)
        d.line(292, 196, news[:14], 8)
        d.line(292, 208, news[14:28], 8)
        d.line(292, 220, news[28:42], 8)
        d.line(292, 232, news[42:], 8)
        d.line(340, 246, "本报记者\u3000张建国摄", 8)
        d.picture(423, 110, 117, 80)
        d.line(423, 196, "图为某地科技园区一角。", 8)
        d.line(470, 212, "本报记者 李小东摄", 8)

    photos = [a for a in split(draw) if a.kind == "photo"]
    assert [(a.paragraphs, a.byline) for a in photos] == [((news,), "本报记者 张建国摄")]


def test_the_pdf_route_assembles_its_articles_as_the_text_route_does() -> None:
    """One assembler for both routes: a report with no byline line takes its reporter
    from the dateline, and a paragraph printed twice is kept once."""
    lead = "本报讯（记者\u3000王晓明）" + ECONOMY[0]

    def draw(d: Drawer) -> None:
        d.line(110, 50, "数字经济赋能千行百业", 30, bold=True)
        d.columns(cols((0, 1, 2, 3), 100, 440), (lead, ECONOMY[1], ECONOMY[1], ECONOMY[2]))

    first, _ = split(draw)
    assert (first.title, first.byline) == ("数字经济赋能千行百业", "记者 王晓明")
    assert [norm_key(p) for p in first.paragraphs] == [
        norm_key(p) for p in (lead, ECONOMY[1], ECONOMY[2])
    ]
