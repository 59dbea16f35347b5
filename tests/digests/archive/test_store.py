"""Storing issues and articles: replacement, merging, atomicity, withdrawal, migrations."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from digests.archive import SqlArchive, index_dir, open_archive
from digests.archive.base import ArticleWords, IndexedArticle, StoredArticle
from digests.errors import SchemaTooNewError
from digests.model import Article
from tests.digests.archive.conftest import Opener, article, issue, sample_issue


def test_it_gives_back_a_stored_issue_in_page_order(archive: SqlArchive) -> None:
    """It stores an issue and returns its pages, names and articles in order."""
    report = archive.store_issue(sample_issue())
    assert not report.replaced
    assert (report.issue.pages, report.issue.articles) == (2, 3)
    got = archive.get_issue()
    assert got is not None
    assert got.date == dt.date(2024, 2, 10)
    assert [p.name for p in got.pages] == ["要闻", "经济"]
    assert [a.title for a in got.articles] == [
        "古城灯会迎新春",
        "刀削面技艺进社区",
        "煤矿企业加快转型",
    ]
    assert got.pages[0].articles[0].kicker == "张灯结彩过大年"
    assert archive.latest_date() == dt.date(2024, 2, 10)


def test_posting_an_issue_again_replaces_it(archive: SqlArchive) -> None:
    """Posting the same date again replaces the issue as a whole."""
    archive.store_issue(sample_issue())
    smaller = issue("2024-02-10", (1, "要闻", [article("new1", "新标题", "新的正文。")]))
    report = archive.store_issue(smaller)
    assert report.replaced
    got = archive.get_issue(dt.date(2024, 2, 10))
    assert got is not None
    assert [a.id for a in got.articles] == ["new1"]
    assert archive.get_article("t20240210p1n1") is None
    assert archive.search("煤矿").hits == ()


def test_merging_replaces_only_the_pages_posted(archive: SqlArchive) -> None:
    """With merge, a page posted alone replaces that page and keeps the others."""
    archive.store_issue(sample_issue())
    page2 = issue("2024-02-10", (2, "经济", [article("p2new", "光伏电站并网", "新的第二版。")]))
    archive.store_issue(page2, merge=True)
    got = archive.get_issue()
    assert got is not None
    assert [a.id for a in got.articles] == ["t20240210p1n1", "t20240210p1n2", "p2new"]


def test_a_failure_mid_store_leaves_the_previous_issue(
    archive: SqlArchive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash while writing rolls back: the previous issue stays whole and searchable."""
    archive.store_issue(sample_issue())
    real = archive.db.run_many

    def crash(sql: str, params: object) -> None:
        if sql.startswith("INSERT INTO articles"):
            raise RuntimeError("power cut")
        real(sql, params)  # type: ignore[arg-type]

    monkeypatch.setattr(archive.db, "run_many", crash)
    with pytest.raises(RuntimeError):
        archive.store_issue(issue("2024-02-10", (1, "要闻", [article("x", "别的", "别的。")])))
    monkeypatch.undo()
    got = archive.get_issue()
    assert got is not None
    assert len(got.articles) == 3
    assert archive.search("刀削面").hits[0].id == "t20240210p1n2"


def test_withdrawn_articles_leave_digests_sections_and_search(archive: SqlArchive) -> None:
    """A withdrawn article is hidden everywhere but by id, and a re-post keeps it hidden."""
    archive.store_issue(sample_issue())
    assert archive.set_withdrawn("t20240210p1n2", True)
    assert not archive.set_withdrawn("no-such-id", True)
    got = archive.get_issue()
    assert got is not None
    assert "t20240210p1n2" not in [a.id for a in got.articles]
    assert [a.article.id for a in archive.section("要闻")] == ["t20240210p1n1"]
    assert archive.search("刀削面").hits == ()
    assert archive.headline("刀削面技艺").hits == ()
    stored = archive.get_article("t20240210p1n2")
    assert stored is not None and stored.withdrawn
    archive.store_issue(sample_issue())
    assert archive.search("刀削面").hits == ()
    archive.set_withdrawn("t20240210p1n2", False)
    assert archive.search("刀削面").hits[0].id == "t20240210p1n2"


def test_sections_list_by_name_or_page_number(archive: SqlArchive) -> None:
    """A section is found by its 版名 or its page number, on the latest issue by default."""
    archive.store_issue(sample_issue("2024-02-09"))
    archive.store_issue(sample_issue("2024-02-10"))
    assert [(s.page, s.name, s.articles) for s in archive.sections()] == [
        (1, "要闻", 2),
        (2, "经济", 1),
    ]
    assert [a.article.id for a in archive.section("经济")] == ["t20240210p2n1"]
    assert [a.article.id for a in archive.section("2")] == ["t20240210p2n1"]
    old = archive.section(" 2 ", dt.date(2024, 2, 9))
    assert [a.article.id for a in old] == ["t20240209p2n1"]
    assert archive.section("体育") == []
    assert [i.date for i in archive.list_issues()] == [dt.date(2024, 2, 10), dt.date(2024, 2, 9)]


def _indexed(id: str, date: str, page: int, title: str, text: str) -> IndexedArticle:
    a = Article(id=id, title=title, paragraphs=(text,), summary=text[:10])
    stored = StoredArticle(a, "人民日报", dt.date.fromisoformat(date), page, "要闻", 1)
    return IndexedArticle(stored, ArticleWords((title,), (text,)), source_hash=f"h-{id}")


def test_put_articles_upserts_by_id_and_keeps_hashes(archive: SqlArchive) -> None:
    """Bulk import writes articles by id; writing one again replaces it."""
    archive.put_articles([_indexed("a-1", "2019-02-01", 1, "标题一", "正文 一")])
    archive.put_articles([_indexed("a-1", "2019-02-01", 1, "标题二", "正文 二")])
    got = archive.get_article("a-1")
    assert got is not None and got.article.title == "标题二"
    assert archive.known_hashes(["a-1", "b"]) == {"a-1": "h-a-1"}
    archive.flush_index()
    assert [h.id for h in archive.search("正文").hits] == ["a-1"]
    assert archive.sections(dt.date(2019, 2, 1))[0].articles == 1


def test_another_connection_sees_new_articles(archive: SqlArchive, open_new: Opener) -> None:
    """A second process's search finds what the first one stored since it opened."""
    other = open_new()
    try:
        archive.store_issue(sample_issue())
        assert other.search("煤矿").hits[0].id == "t20240210p2n1"
    finally:
        other.close()


def test_the_index_is_rebuilt_when_lost(
    archive: SqlArchive, database_url: str, tmp_path: Path, open_new: Opener
) -> None:
    """The search index is derived data: delete it and the next open rebuilds it."""
    archive.store_issue(sample_issue())
    archive.close()
    shutil.rmtree(index_dir(database_url, tmp_path / "archive.sqlite3"))
    again = open_new()
    try:
        assert again.search("光伏").hits[0].id == "t20240210p2n1"
    finally:
        again.close()


def test_a_newer_database_is_refused(archive: SqlArchive, open_new: Opener) -> None:
    """A schema version above the code's is refused with a message saying what to do."""
    archive.db.run("UPDATE paperboy_meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(SchemaTooNewError, match="upgrade Paperboy"):
        open_new()


def test_opening_again_keeps_the_data(archive: SqlArchive, open_new: Opener) -> None:
    """Migrations run once: a second open finds the stored issue untouched."""
    archive.store_issue(sample_issue())
    again = open_new()
    try:
        assert again.stats().articles == 3
    finally:
        again.close()


def test_a_sqlite_path_in_a_missing_directory_is_created(tmp_path: Path) -> None:
    """The default archive's directory is made on first use."""
    a = open_archive("", tmp_path / "deep" / "er" / "archive.sqlite3")
    try:
        assert a.latest_date() is None
    finally:
        a.close()
