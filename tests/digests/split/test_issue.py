"""The splitter on whole issues: page breaks, page numbers and names, continuations."""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

import pytest

from digests.split import SplitOptions, detect_issue_date, join_continuations, split_text
from tests.builders.pages import PARAS, article, issue, page

P = PARAS
ROAD = article("乡村公路通到家门口", P[0:2], byline=["□ 本报记者 周晓岚"])
VEG = article("大棚蔬菜四季鲜", P[4:6], byline=["□ 本报记者 孙海"])
BOOKS = article("书香飘满小县城", P[7:9], byline=["□ 本报记者 吴晨"])
NAMES = SplitOptions(section_names=MappingProxyType({1: "要闻", 2: "综合", 3: "经济"}))


def numbers_names_titles(text: str, options: SplitOptions | None = None) -> list[tuple]:  # type: ignore[type-arg]
    return [(p.number, p.name, [a.title for a in p.articles]) for p in split_text(text, options)]


def test_form_feeds_separate_pages() -> None:
    """It starts a new page at each form feed and numbers pages without a header in order."""
    text = issue(page(ROAD), page(VEG), page(BOOKS))
    assert numbers_names_titles(text, NAMES) == [
        (1, "要闻", ["乡村公路通到家门口"]),
        (2, "综合", ["大棚蔬菜四季鲜"]),
        (3, "经济", ["书香飘满小县城"]),
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("第01版：要闻", "第02版：综合"),
        ("第1版:要闻", "第2版:综合"),
        ("1版 要闻", "2版 综合"),
    ],
)
def test_page_header_lines_separate_pages(first: str, second: str) -> None:
    """It starts a new page at a "第02版：要闻" or "2版 要闻" header and reads its number
    and name."""
    text = page(first, *ROAD, second, *VEG)
    assert numbers_names_titles(text) == [
        (1, "要闻", ["乡村公路通到家门口"]),
        (2, "综合", ["大棚蔬菜四季鲜"]),
    ]


def test_a_pdf_date_line_and_running_head_separate_pages() -> None:
    """It reads "2018年1月10日星期三" + "7理论理论7" as the header of page 7, 理论."""
    text = page(
        "2018年1月10日星期三", "6经济经济6", *ROAD, "2018年1月10日星期三", "7理论理论7", *VEG
    )
    assert numbers_names_titles(text) == [
        (6, "经济", ["乡村公路通到家门口"]),
        (7, "理论", ["大棚蔬菜四季鲜"]),
    ]


def test_page_names_come_from_config_when_the_text_has_none() -> None:
    """It names a page from the configured sections when its header gives only a number."""
    text = page("第02版", *ROAD, "第03版", *VEG)
    assert numbers_names_titles(text, NAMES) == [
        (2, "综合", ["乡村公路通到家门口"]),
        (3, "经济", ["大棚蔬菜四季鲜"]),
    ]


def test_a_single_page_takes_its_number_from_the_options() -> None:
    """It numbers a page without a header by the number the file name gave."""
    options = SplitOptions(section_names=NAMES.section_names, page_number=3)
    assert numbers_names_titles(page(ROAD), options) == [(3, "经济", ["乡村公路通到家门口"])]


def test_the_issue_date_is_read_from_the_header() -> None:
    """It reads the issue date from the first date line of the text."""
    assert detect_issue_date(page("2018年1月10日星期三", "7理论理论7", *ROAD)) == dt.date(
        2018, 1, 10
    )
    assert detect_issue_date(page(ROAD)) is None


def _continued_issue() -> str:
    first = page(
        "第01版：要闻",
        *article("乡村公路通到家门口", [P[0], P[1] + "(下转第二版)"], byline=["□ 本报记者 周晓岚"]),
        *VEG,
    )
    second = page("第02版：综合", *BOOKS, "乡村公路通到家门口", "(上接第一版)" + P[2], P[3])
    return issue(first, second)


def test_continuation_notes_set_the_page_numbers() -> None:
    """It sets continued_to / continued_from from "(下转第二版)" / "(上接第一版)" and takes
    the notes out of the text."""
    pages = split_text(_continued_issue())
    road = pages[0].articles[0]
    rest = next(a for a in pages[1].articles if a.continued_from)
    assert (road.continued_to, rest.continued_from) == (2, 1)
    assert road.paragraphs == (P[0], P[1])
    assert rest.paragraphs == (P[2], P[3])


def test_continued_parts_in_one_issue_become_one_article() -> None:
    """It joins the part on page 2 to the article on page 1 and removes it from page 2."""
    pages = join_continuations(split_text(_continued_issue()))
    road = pages[0].articles[0]
    assert road.paragraphs == (P[0], P[1], P[2], P[3])
    assert road.byline == "本报记者 周晓岚"
    assert [a.title for a in pages[1].articles] == ["书香飘满小县城"]


def test_a_continuation_without_its_other_half_keeps_its_mark() -> None:
    """It keeps continued_to when the page it points to is not in the issue."""
    only_first = _continued_issue().split("\f")[0]
    pages = join_continuations(split_text(only_first))
    assert pages[0].articles[0].continued_to == 2


def test_a_bare_date_line_after_a_short_last_line_still_opens_a_page() -> None:
    """It starts a new page at a bare date line even when the page before ends on a short
    line, such as a photo credit."""
    text = page(*ROAD, "本报记者 林小雨摄", "2018年1月11日星期四", *VEG)
    assert [p.articles[-1].title for p in split_text(text)] == [
        "乡村公路通到家门口",
        "大棚蔬菜四季鲜",
    ]
