"""Keyword search and headline lookup on both backends."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from digests.archive import SqlArchive
from digests.archive.base import SearchOptions
from digests.archive.search import (
    HEADLINE,
    NOTICE_EMPTY,
    NOTICE_NONE,
    NOTICE_PARTIAL,
    NOTICE_PHRASE,
)
from digests.words import Segmenter
from tests.digests.archive.conftest import article, issue, sample_issue


@pytest.fixture
def filled(archive: SqlArchive) -> SqlArchive:
    archive.store_issue(sample_issue("2024-02-09"))
    archive.store_issue(
        issue(
            "2024-02-10",
            (
                1,
                "要闻",
                [
                    article("body", "市场见闻", "春节前的市场里，年货摊位前挤满了买灯笼的人。"),
                    article("title", "灯笼订单火爆", "作坊里工人们日夜赶制灯笼，订单排到了正月。"),
                ],
            ),
            (
                3,
                "文化",
                [article("phrase", "城墙夜景", "城墙上挂满红灯笼，夜晚的城墙格外美丽。")],
            ),
        )
    )
    return archive


def ids(result: object) -> list[str]:
    return [h.id for h in result.hits]  # type: ignore[attr-defined]


def test_every_word_must_match(filled: SqlArchive) -> None:
    """Several words find only the articles that have all of them."""
    r = filled.search("社区 居民")
    assert ids(r) == ["t20240209p1n2"]
    assert not r.partial and r.notices == ()


def test_no_article_with_all_words_falls_back_to_partial_matches(filled: SqlArchive) -> None:
    """When no article has every word, the best partial matches come, with a notice."""
    r = filled.search("刀削面 光伏")
    assert set(ids(r)) == {"t20240209p1n2", "t20240209p2n1"}
    assert r.partial and r.notices == (NOTICE_PARTIAL,)


def test_title_matches_rank_above_body_matches(filled: SqlArchive) -> None:
    """An article with the word in its title (and its text) ranks above one with it in
    its body only."""
    got = ids(filled.search("灯笼"))
    assert got.index("title") < got.index("body")


def test_a_body_that_repeats_the_word_beats_one_headline_match(archive: SqlArchive) -> None:
    """Headline words help, but never by outweighing several body hits: a body with the
    word four times outranks an article with it once in its subtitle."""
    archive.store_issue(
        issue(
            "2024-02-10",
            (
                1,
                "要闻",
                [
                    article(
                        "body",
                        "文化盛宴迎新春",
                        "古城里灯火通明。古城的城墙上，游客在古城的街巷里穿行，古城热闹非凡。",
                    ),
                    article(
                        "title",
                        "做好服务保障",
                        "市长主持召开会议，部署节日期间的安全工作。",
                        subtitle="市长主持召开古城迎新春保障会",
                    ),
                ],
            ),
        )
    )
    assert ids(archive.search("古城")) == ["body", "title"]


def test_the_same_text_printed_twice_is_one_result_naming_both(filled: SqlArchive) -> None:
    """An article printed in two issues is one result: the earliest printing's id, and
    every printing with its date and page."""
    filled.store_issue(sample_issue("2024-02-11"))
    for r in (filled.search("煤矿 光伏"), filled.headline("煤矿企业转型")):
        assert ids(r)[0] == "t20240209p2n1"
        assert [(p.id, p.date.day, p.page) for p in r.hits[0].printings] == [
            ("t20240209p2n1", 9, 2),
            ("t20240211p2n1", 11, 2),
        ]
        assert "t20240211p2n1" not in ids(r)


def test_a_quoted_phrase_must_match_exactly(filled: SqlArchive) -> None:
    """Quotes ask for the exact phrase; when it is printed nowhere, the articles with its
    words come, with a notice saying so."""
    assert ids(filled.search("“红灯笼”")) == ["phrase"]
    assert ids(filled.search('"城墙格外美丽"')) == ["phrase"]
    r = filled.search('"美丽的城墙"')
    assert r.partial and r.notices == (NOTICE_PHRASE,) and "phrase" in ids(r)


def test_filters_by_date_and_section(filled: SqlArchive) -> None:
    """--since, --until and --section (版名 or page number) narrow the results."""
    since = SearchOptions(since=dt.date(2024, 2, 10))
    assert "t20240209p1n1" not in ids(filled.search("灯会 灯笼", since))
    until = SearchOptions(until=dt.date(2024, 2, 9))
    assert ids(filled.search("灯笼", until)) == []
    assert ids(filled.search("灯笼", SearchOptions(section="文化"))) == ["phrase"]
    assert ids(filled.search("灯笼", SearchOptions(section="3"))) == ["phrase"]
    assert len(filled.search("灯笼", SearchOptions(limit=1)).hits) == 1


def test_results_carry_where_printed_and_a_marked_snippet(filled: SqlArchive) -> None:
    """Each hit has id, title, date, page, section, score and the words marked in a snippet."""
    hit = filled.search("刀削面").hits[0]
    assert (hit.id, hit.title, hit.date, hit.page, hit.section) == (
        "t20240209p1n2",
        "刀削面技艺进社区",
        dt.date(2024, 2, 9),
        1,
        "要闻",
    )
    assert hit.score > 0
    assert "刀削面" in hit.snippet[1::2]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"unclosed',
        "*",
        ":",
        "( )",
        "NEAR",
        "灯笼 OR 光伏",
        "灯笼 AND 光伏",
        "-灯笼",
        "NEAR(灯笼 光伏, 3)",
        "title:灯笼",
        "",
        "   ",
        "灯",
        "😀",
        "灯笼😀",
        "Hello world",
        "5G",
        "灯笼" * 2500,
        "一" + "。" * 10000,
    ],
)
def test_any_query_text_is_safe(filled: SqlArchive, query: str) -> None:
    """FTS syntax, empty, one-character, emoji, Latin and 10 kB queries never raise."""
    r = filled.search(query)
    assert r.hits or r.notices
    h = filled.headline(query)
    assert h.hits or h.notices


def test_an_empty_query_says_what_to_type(filled: SqlArchive) -> None:
    """A query with no letters or digits gets a message instead of results."""
    assert filled.search("？！…").notices == (NOTICE_EMPTY,)


def test_headline_forgives_a_missing_or_wrong_character(filled: SqlArchive) -> None:
    """A fragment typed without punctuation, missing or misspelling a character, finds it."""
    assert ids(filled.headline("刀削面技艺进社区"))[0] == "t20240209p1n2"
    assert ids(filled.headline("刀削技艺进社"))[0] == "t20240209p1n2"
    assert ids(filled.headline("刀消面技艺"))[0] == "t20240209p1n2"
    assert ids(filled.headline("灯笼订单火"))[0] == "title"


def test_headline_matches_kicker_and_subtitle_too(filled: SqlArchive) -> None:
    """The headline is kicker, title and subtitle together."""
    assert ids(filled.headline("张灯结彩过大年"))[0] == "t20240209p1n1"
    assert ids(filled.headline("非遗传承人走进百姓"))[0] == "t20240209p1n2"
    assert ids(filled.headline("城"))  # one character still gives results


def test_search_notices_when_nothing_matches(filled: SqlArchive) -> None:
    """A word no article has gives no hits and a notice, not an error."""
    r = filled.search("量子计算机")
    assert r.hits == () and r.notices == (NOTICE_NONE,)


def test_headline_forgives_a_typo_in_a_two_character_fragment(filled: SqlArchive) -> None:
    """ "城X" or "X墙" (one of two characters wrong) still finds 城墙夜景; "灯X" the lanterns."""
    assert "phrase" in ids(filled.headline("城强"))
    assert "phrase" in ids(filled.headline("成墙"))
    assert ids(filled.headline("灯垄"))[0] == "title"
    assert filled.headline("量子").hits == ()  # no character of it in any headline


def test_a_new_connection_searches_what_another_archive_stored(
    database_url: str, tmp_path: Path, segmenter: Segmenter
) -> None:
    """serve beside an import: a thread's connection opened after the other process
    committed to the index still finds those articles (its shared searcher is reloaded)."""
    import threading

    from digests.archive import open_front

    path = tmp_path / "archive.sqlite3"
    front = open_front(database_url, path, words=lambda: segmenter)
    try:
        assert front.search("灯笼").hits == ()  # the searcher is loaded, empty
        other = open_front(database_url, path, words=lambda: segmenter)
        other.store_issue(
            issue("2024-02-10", (1, "要闻", [article("new", "灯笼订单火爆", "作坊赶制灯笼。")]))
        )
        other.close()
        found: list[list[str]] = []
        worker = threading.Thread(target=lambda: found.append(ids(front.search("灯笼"))))
        worker.start()
        worker.join()
        assert found == [["new"]]
    finally:
        front.close()


def test_a_headline_reprinted_many_times_leaves_room_for_others(archive: SqlArchive) -> None:
    """A text printed on more days than headline lookup weighs candidates takes one of
    their places, so the headline the fragment was typed from is still found."""
    day = dt.date(2024, 1, 1)
    for n in range(HEADLINE.candidates + 5):
        d = (day + dt.timedelta(days=n)).isoformat()
        again = article(f"again{n}", "古城灯会今晚开幕 古城灯会今晚开幕", "灯会在古城开幕。")
        archive.store_issue(issue(d, (1, "要闻", [again])))
    meant = article("meant", "古城灯会今晚开幕迎来八方游客", "游客在城墙下观灯。")
    archive.store_issue(issue("2024-03-01", (2, "文化", [meant])))
    assert "meant" in ids(archive.headline("古城灯会今晚开幕"))
