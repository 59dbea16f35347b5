"""Query syntax as readers type it: phrases, exclusion, OR/AND, stray punctuation."""

from __future__ import annotations

import pytest

from digests.archive import SqlArchive
from digests.archive.search import NOTICE_EMPTY
from tests.digests.archive.conftest import article, issue


@pytest.fixture
def lanterns(archive: SqlArchive) -> SqlArchive:
    archive.store_issue(
        issue(
            "2024-03-01",
            (
                1,
                "要闻",
                [
                    article("wall", "城墙夜游", "夜色中的古城墙上，红灯笼连成一条火龙。"),
                    article("market", "年货市场", "市场里的红灯笼卖得最好，摊主忙着打包。"),
                    article("lamp", "灯会开幕", "灯会上有花灯也有走马灯，游客络绎不绝。"),
                    article("noodle", "面馆开张", "老街新开的面馆里，刀削面和拉面都很受欢迎。"),
                ],
            ),
        )
    )
    return archive


def ids(archive: SqlArchive, query: str) -> set[str]:
    return {h.id for h in archive.search(query).hits}


def test_a_phrase_printed_verbatim_is_found(lanterns: SqlArchive) -> None:
    """A quoted stretch of the text finds its article, whether or not it starts or ends on
    a word boundary, and quotes of any kind do."""
    assert ids(lanterns, '"红灯笼连成一条火龙"') == {"wall"}
    assert ids(lanterns, "“古城墙上，红灯笼”") == {"wall"}
    assert ids(lanterns, "「刀削面和拉面」") == {"noodle"}


def test_an_unclosed_quote_runs_to_the_end_and_still_finds(lanterns: SqlArchive) -> None:
    """A quote that is never closed is a phrase up to the end of the query."""
    assert ids(lanterns, '"刀削面和拉面') == {"noodle"}
    assert ids(lanterns, '面馆 "刀削面') == {"noodle"}


def test_a_minus_word_excludes_articles_that_have_it(lanterns: SqlArchive) -> None:
    """-word leaves out every article with that word; a -"phrase" likewise."""
    assert ids(lanterns, "红灯笼") == {"wall", "market"}
    assert ids(lanterns, "红灯笼 -市场") == {"wall"}
    assert ids(lanterns, "红灯笼 －市场") == {"wall"}
    assert ids(lanterns, '红灯笼 -"一条火龙"') == {"market"}


def test_a_query_of_exclusions_only_asks_for_words(lanterns: SqlArchive) -> None:
    """Nothing to look for but things to leave out: the reader is told to type words."""
    assert lanterns.search("-市场").notices == (NOTICE_EMPTY,)


def test_or_finds_either_word_and_and_changes_nothing(lanterns: SqlArchive) -> None:
    """OR in capitals joins the words beside it; AND is the default between words."""
    assert ids(lanterns, "火龙 OR 走马灯") == {"wall", "lamp"}
    assert ids(lanterns, "红灯笼 AND 摊主") == ids(lanterns, "红灯笼 摊主") == {"market"}
    assert ids(lanterns, "游客 花灯 OR 拉面") == {"lamp"}


def test_lower_case_and_or_are_words(archive: SqlArchive) -> None:
    """Only capitals are operators: "or" is searched as a word."""
    archive.store_issue(
        issue("2024-03-02", (1, "要闻", [article("en", "Either or", "to be or not to be")]))
    )
    assert {h.id for h in archive.search("be or").hits} == {"en"}


@pytest.mark.parametrize(
    "query",
    ["刀削面！", "（刀削面）", "刀削面,拉面", "…刀削面…", "刀削面 -", "- 刀削面", "刀削面 OR"],
)
def test_punctuation_never_makes_a_query_find_nothing(lanterns: SqlArchive, query: str) -> None:
    """Punctuation around, between or after words, a lone minus, a dangling OR."""
    assert "noodle" in ids(lanterns, query)
