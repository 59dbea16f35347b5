"""Issue assembly: documents and a newspaper profile give the issue to store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from digests.assemble import (
    Assembly,
    Dating,
    Profile,
    assemble_documents,
    assemble_pages,
    date_in_name,
)
from digests.errors import InputError
from digests.loader import split_options
from digests.model import Issue, Page
from digests.notes import note
from digests.words import Segmenter

CONFIG = Path(__file__).resolve().parents[2] / "config"
TODAY = Dating(None, dt.date(2024, 3, 9), "Asia/Shanghai")
PAGE = """第3版 {name}

古城灯会点亮春节夜空

本报讯 春节期间，古城墙上的灯会吸引了大批游客。主办方介绍，今年的灯组比往年更多，夜游线路也更长。

游客们纷纷表示，灯会让节日更有年味。不少外地游客专程赶来观灯。

社区书屋延长开放时间

本报讯 为方便居民假期阅读，社区书屋从即日起每天开放到晚上九点。书屋新添图书三百余册。
"""


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter.load(CONFIG)


@pytest.fixture(scope="module")
def profile() -> Profile:
    return Profile("大同日报", "dtrb", {3: "文化", 4: "副刊"}, split_options(CONFIG, "大同日报"))


def _page(name: str = "文化") -> bytes:
    return PAGE.format(name=name).encode()


def test_ids_sections_and_summaries_come_from_the_profile(
    profile: Profile, segmenter: Segmenter
) -> None:
    """Ids derive from the profile's slug, the date, the page and the position; every
    article is summarised and has its index words."""
    done = assemble_documents([("p.txt", _page())], Assembly(profile, segmenter, TODAY))
    (page,) = done.issue.pages
    assert (page.number, page.name) == (3, "文化")
    assert [a.id for a in page.articles] == ["dtrb20240309p03n01", "dtrb20240309p03n02"]
    assert all(a.summary for a in page.articles)
    assert set(done.words) == {a.id for a in page.articles}


def test_the_date_comes_from_the_caller_then_the_file_name_then_today(
    profile: Profile, segmenter: Segmenter
) -> None:
    """The caller's date wins silently; a file name's date and today's are each noted."""
    given = Dating(dt.date(2024, 2, 1), TODAY.today, TODAY.timezone)
    done = assemble_documents([("2024-02-05.txt", _page())], Assembly(profile, segmenter, given))
    assert done.issue.date == dt.date(2024, 2, 1) and done.notes == ()
    named = assemble_documents([("2024-02-05.txt", _page())], Assembly(profile, segmenter, TODAY))
    assert named.issue.date == dt.date(2024, 2, 5)
    assert named.notes == (note("ingest.date_from_name", date="2024-02-05"),)
    today = assemble_documents([("p.txt", _page())], Assembly(profile, segmenter, TODAY))
    assert today.issue.date == TODAY.today
    assert today.notes == (note("ingest.date_today", timezone="Asia/Shanghai"),)


def test_merged_into_a_stored_issue_it_says_which_pages_it_replaced_or_added(
    profile: Profile, segmenter: Segmenter
) -> None:
    """A page posted again replaces its stored self; a new page is added beside it."""
    first = assemble_documents([("p.txt", _page())], Assembly(profile, segmenter, TODAY))
    again = assemble_documents(
        [("p.txt", _page())], Assembly(profile, segmenter, TODAY), first.issue
    )
    assert again.replaced_pages == (3,) and again.added_pages == ()
    other = Page(4, "", first.issue.pages[0].articles)
    stored = Issue("大同日报", TODAY.today, (Page(1, "要闻", ()),))
    added = assemble_pages([other], Assembly(profile, segmenter, TODAY), stored)
    assert added.added_pages == (4,) and added.issue.pages[0].name == "副刊"


def test_pages_without_articles_are_bad_input_said_as_a_code(
    profile: Profile, segmenter: Segmenter
) -> None:
    """Nothing to store is an InputError the chat can say in the editor's language."""
    with pytest.raises(InputError) as exc:
        assemble_pages([Page(1, "要闻", ())], Assembly(profile, segmenter, TODAY))
    assert exc.value.note == note("upload.no_articles")
    with pytest.raises(InputError) as none:
        assemble_documents([], Assembly(profile, segmenter, TODAY))
    assert none.value.note == note("upload.no_files")


def test_a_profile_without_a_slug_makes_one_of_its_name() -> None:
    """Article ids need ASCII: a paper configured without a slug gets one from its name."""
    assert Profile("Datong Daily 2").id_prefix == "datongdaily2"
    assert Profile("大同日报").id_prefix == "paper"
    assert date_in_name("dir/20240210_01.pdf") == dt.date(2024, 2, 10)
    assert date_in_name("page1.txt") is None
