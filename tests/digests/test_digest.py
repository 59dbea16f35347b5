"""The digest as structure: an issue plus preferences gives the items a reader gets."""

from __future__ import annotations

import datetime as dt

from digests.digest import DigestOptions, build_digest, display_title, issue_key
from digests.model import Article, Issue, Page

DATE = dt.date(2024, 2, 10)


def make_issue(*pages: tuple[int, str, int]) -> Issue:
    """pages: (number, name, article count)."""
    return Issue(
        "大同日报",
        DATE,
        tuple(
            Page(
                p, name, tuple(Article(id=f"p{p}n{n}", title=f"标题{p}-{n}") for n in range(count))
            )
            for p, name, count in pages
        ),
        number=9876,
    )


def test_it_names_the_issue_and_counts_its_items() -> None:
    """A digest names its issue for the ledger and counts the items it lists."""
    digest = build_digest(make_issue((1, "要闻", 3), (2, "经济", 2)))
    assert digest.article_count == 5
    assert digest.issue_key == issue_key("大同日报", DATE) == "大同日报/2024-02-10"
    assert [(s.number, s.name) for s in digest.sections] == [(1, "要闻"), (2, "经济")]


def test_sections_are_chosen_by_name_or_page_number() -> None:
    """A reader gets only the sections they chose; names and page numbers both work."""
    issue = make_issue((1, "要闻", 2), (2, "经济", 3), (3, "文化", 1))
    by_name = build_digest(issue, DigestOptions(sections=("经济",)))
    assert by_name.article_count == 3 and [s.name for s in by_name.sections] == ["经济"]
    by_number = build_digest(issue, DigestOptions(sections=("1", "文化")))
    assert by_number.article_count == 3
    assert build_digest(issue, DigestOptions(sections=("体育",))).sections == ()


def test_photos_get_no_summary_and_ads_no_place() -> None:
    """A photo is listed by its title alone; an advertisement is left out and not counted."""
    page = Page(
        1,
        "要闻",
        (
            Article(id="a1", title="新闻", summary="新闻摘要。"),
            Article(id="p2", kind="photo", title="古城灯会", summary="灯会现场。"),
            Article(id="p3", kind="ad", title="广告"),
        ),
    )
    digest = build_digest(Issue("大同日报", DATE, (page,)))
    assert [(i.article_id, i.summary) for i in digest.items] == [("a1", "新闻摘要。"), ("p2", "")]


def test_an_item_without_summary_is_summed_up_by_its_first_sentence() -> None:
    """A brief without title or summary is named and summed up by its first sentence."""
    brief = Article(id="b1", kind="brief", paragraphs=("简讯内容。第二句。",))
    (item,) = build_digest(Issue("大同日报", DATE, (Page(1, "要闻", (brief,)),))).items
    assert item.title == "简讯内容。" and item.summary == "简讯内容。"


def test_an_untitled_item_is_named_by_its_text_never_by_its_id() -> None:
    """display_title falls back to the first sentence of the summary or text."""
    photo = Article(
        id="dtrb20240210p01n06", kind="photo", paragraphs=("古城里张灯结彩。游人如织。",)
    )
    assert display_title(photo) == "古城里张灯结彩。"
    assert display_title(Article(id="a", title="  标题\n 续  ")) == "标题 续"
    assert display_title(Article(id="a", title="长" * 300)) == "长" * 119 + "…"
