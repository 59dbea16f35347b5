"""The splitter on small pages written for the tests: headlines, bylines and datelines."""

from __future__ import annotations

import pytest

from digests.model import Article
from digests.split import SplitOptions, split_text
from tests.builders.pages import PARAS, article, page

P = PARAS


def items(text: str, options: SplitOptions | None = None) -> list[Article]:
    """The non-ad items of every page of ``text``."""
    return [a for p in split_text(text, options) for a in p.articles if a.kind != "ad"]


def test_it_reads_kicker_title_and_dash_subtitle() -> None:
    """It reads a three-line headline block as kicker, title and "——" subtitle."""
    text = page(
        article(
            "乡村公路通到家门口",
            P[0:2],
            kicker="交通建设提速——",
            subtitle="——青柳县农村公路建设见闻",
            byline=["□ 本报记者 周晓岚"],
        ),
        article("大棚蔬菜四季鲜", P[4:6], byline=["□ 本报记者 孙海"]),
    )
    first, second = items(text)
    assert (first.kicker, first.title, first.subtitle) == (
        "交通建设提速——",
        "乡村公路通到家门口",
        "——青柳县农村公路建设见闻",
    )
    assert (second.kicker, second.title, second.subtitle) == ("", "大棚蔬菜四季鲜", "")


def test_a_two_line_headline_is_title_and_subtitle() -> None:
    """It reads two headline lines before a dateline as title and subtitle."""
    text = page(
        "书香飘满小县城",
        "青柳县图书馆春节期间每天接待读者近千人次",
        "本报讯(记者 吴晨)" + P[7],
        P[8],
    )
    (art,) = items(text)
    assert (art.title, art.subtitle) == (
        "书香飘满小县城",
        "青柳县图书馆春节期间每天接待读者近千人次",
    )


def test_a_column_tag_in_the_title_becomes_the_column() -> None:
    """It moves a trailing "(民生观察)" tag out of the title into ``column``."""
    text = page("乡村公路通到家门口(民生观察)", P[0], P[1], "大棚蔬菜四季鲜(一线调研)", P[4], P[5])
    first, second = items(text)
    assert (first.title, first.column) == ("乡村公路通到家门口", "民生观察")
    assert (second.title, second.column) == ("大棚蔬菜四季鲜", "一线调研")


def test_doubled_headline_glyphs_are_undone() -> None:
    """It reads "老街区老街区::换上新模样" (bold printed twice) as "老街区:换上新模样"."""
    text = page(
        "老街区老街区::换上新模样",
        "张三丰",
        *P[0:3],
        "(作者为青柳县委党校教授)",
        "走出走出新路子新路子",
        "李四海",
        *P[4:6],
    )
    first, second = items(text)
    assert first.title == "老街区:换上新模样"
    assert second.title == "走出新路子"


def test_a_reporter_line_and_a_correspondent_line_make_one_byline() -> None:
    """It joins "□ 本报记者 …" and the "通讯员 …" line under it into the byline."""
    text = page(
        article("乡村公路通到家门口", P[0:2], byline=["□ 本报记者 周晓岚", "通讯员 陈立 何平"])
    )
    (art,) = items(text)
    assert art.byline == "本报记者 周晓岚 通讯员 陈立 何平"
    assert art.paragraphs[0] == P[0]


@pytest.mark.parametrize(
    ("dateline", "byline"),
    [
        ("本报讯(记者 吴晨)", "记者 吴晨"),
        ("本报讯（记者 吴晨 郑远）", "记者 吴晨 郑远"),
        ("新华社北京1月5日电(记者 郑远 刘畅)", "记者 郑远 刘畅"),
        ("本报青柳2月3日电(记者 吴晨)", "记者 吴晨"),
    ],
)
def test_the_reporters_of_a_dateline_are_the_byline(dateline: str, byline: str) -> None:
    """It takes the reporters in a dateline's brackets as the byline."""
    text = page(
        article("县图书馆春节不打烊", [dateline + P[7], P[8]]),
        article("河道治理见成效", [dateline + P[10], P[11]]),
    )
    first, second = items(text)
    assert first.byline == byline and second.byline == byline
    assert (first.title, second.title) == ("县图书馆春节不打烊", "河道治理见成效")


def test_a_bare_author_line_under_a_title_is_the_byline() -> None:
    """It reads a line of names alone under a title as the byline, also run together."""
    text = page(
        "让公路养护有人管",
        "孙立平",
        *P[0:2],
        "(作者为青柳县交通研究会副会长)",
        "大棚里的新技术",
        "赵启明钱多多",
        *P[4:6],
        "(作者单位:青柳县农业技术推广中心)",
    )
    first, second = items(text)
    assert (first.title, first.byline) == ("让公路养护有人管", "孙立平")
    assert (second.title, second.byline) == ("大棚里的新技术", "赵启明钱多多")
    assert P[0] in first.paragraphs and P[4] in second.paragraphs


def test_an_author_note_split_over_two_lines_is_one_line() -> None:
    """It rejoins "(作者为…" and the rest of the note on the next line, and ends the
    article there."""
    text = page(
        "让公路养护有人管",
        "孙立平",
        *P[0:2],
        "(作者为青柳县交通研究会副会长、县交通",
        "局高级工程师)",
        "大棚里的新技术",
        "赵启明",
        *P[4:6],
    )
    first, second = items(text)
    assert first.paragraphs[-1] == "(作者为青柳县交通研究会副会长、县交通局高级工程师)"
    assert second.title == "大棚里的新技术"
    assert not any("高级工程师" in p for p in second.paragraphs)


def test_a_page_of_unrecognisable_text_gives_its_text_back() -> None:
    """It returns text without any newspaper structure as one untitled item."""
    (art,) = items("just some words, not a newspaper page.\nand another line of them.\n")
    assert art.title == ""
    assert "just some words" in art.paragraphs[0]


def test_an_empty_page_has_no_articles() -> None:
    """It returns one page with no articles for text with no lines."""
    (only,) = split_text("\n\n  \n")
    assert only.articles == ()


def test_a_dateline_quoting_an_agency_starts_an_article() -> None:
    """It reads "据新华社…电(记者 …)" as a dateline that opens a new article."""
    text = page(
        article("县图书馆春节不打烊", ["本报讯(记者 吴晨)" + P[7], P[8]]),
        article("河道治理见成效", ["据新华社青柳1月5日电(记者 郑远)" + P[10], P[11]]),
    )
    _first, second = items(text)
    assert (second.title, second.byline) == ("河道治理见成效", "记者 郑远")


def test_a_long_subtitle_before_a_dateline_is_the_subtitle() -> None:
    """It reads a long summary line between a title and a dateline as the subtitle."""
    long_sub = (
        "县长在会上指出,要把乡村公路建设同产业发展结合起来,同乡村旅游和农产品销售结合起来,"
        "让每一条新路都成为群众的致富路,确保群众出行安全便捷"
    )
    text = page(
        article("县图书馆春节不打烊", ["本报讯(记者 吴晨)" + P[7], P[8]]),
        "青柳县召开农村公路建设推进会",
        long_sub,
        "本报青柳1月5日电(记者 郑远)" + P[0],
        P[1],
    )
    _first, second = items(text)
    assert (second.title, second.subtitle) == ("青柳县召开农村公路建设推进会", long_sub)
