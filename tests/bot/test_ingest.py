"""The ingest service shared by ``paperboy ingest`` and the bot's document upload."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.ingest import ingest_documents, ingest_files
from bot.settings import Settings, load_settings
from digests.archive import SqlArchive, open_archive
from digests.errors import InputError


@pytest.fixture
def settings(data_dir: Path) -> Settings:
    return load_settings()


@pytest.fixture
def archive(settings: Settings) -> Iterator[SqlArchive]:
    a = open_archive("", settings.sqlite_path, config_dir=settings.config_dir)
    yield a
    a.close()


def test_it_stores_summarised_articles_with_stable_ids(
    archive: SqlArchive, settings: Settings, demo_page: Path
) -> None:
    """Ids come from newspaper, date, page and position; a re-post keeps them."""
    first = ingest_files([demo_page], archive=archive, settings=settings)
    ids = [a.id for a in first.issue.articles]
    assert ids[0] == "dtrb20240210p01n01"
    assert all(a.summary for a in first.issue.articles if a.kind == "article" and a.paragraphs)
    again = ingest_files([demo_page], archive=archive, settings=settings)
    assert again.report.replaced
    assert [a.id for a in again.issue.articles] == ids
    stored = archive.get_article(ids[0])
    assert stored is not None and stored.article.summary == first.issue.articles[0].summary
    assert first.section_headlines()[0][0] == "要闻"


def test_without_a_printed_date_it_says_where_the_date_came_from(
    archive: SqlArchive, settings: Settings, demo_page: Path
) -> None:
    """No date in the header: the file name's date, else today's, each with a warning."""
    data = demo_page.read_bytes()
    named = ingest_documents([("p01.txt", data)], archive=archive, settings=settings)
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()
    if named.issue.date == today:
        assert any("today's date (Asia/Shanghai)" in w for w in named.warnings)
    given = ingest_documents(
        [("p01.txt", data)], archive=archive, settings=settings, date=dt.date(2024, 3, 1)
    )
    assert given.issue.date == dt.date(2024, 3, 1) and not given.warnings


def test_an_upload_of_one_page_merges_into_the_issue(
    archive: SqlArchive, settings: Settings, demo_page: Path
) -> None:
    """The bot posts page by page: merge keeps the pages the upload does not carry."""
    data = demo_page.read_bytes()
    day = dt.date(2024, 2, 10)
    ingest_documents([("p01.txt", data)], archive=archive, settings=settings, date=day)
    page2 = "第2版 综合\n\n煤矿企业加快转型\n\n多家煤矿企业投资新能源项目，光伏电站今年并网发电。\n"
    ingest_documents(
        [("p02.txt", page2.encode("gb18030"))],
        archive=archive,
        settings=settings,
        date=day,
        merge=True,
    )
    issue = archive.get_issue(day)
    assert issue is not None and [p.number for p in issue.pages] == [1, 2]


def test_junk_is_refused_with_a_clear_error(archive: SqlArchive, settings: Settings) -> None:
    """Binary data, empty uploads and nothing at all are InputErrors, never tracebacks."""
    with pytest.raises(InputError):
        ingest_documents([("x.txt", b"")], archive=archive, settings=settings)
    with pytest.raises(InputError):
        ingest_documents([("x.txt", bytes(range(256)) * 8)], archive=archive, settings=settings)
    with pytest.raises(InputError):
        ingest_documents([], archive=archive, settings=settings)
    with pytest.raises(InputError):
        ingest_files([Path("/no/such/page.txt")], archive=archive, settings=settings)


def test_pages_already_split_are_stored_as_an_upload_would_be(
    archive: SqlArchive, settings: Settings
) -> None:
    """Pages from an e-paper site get the same ids, summaries and section names."""
    from bot.ingest import ingest_pages
    from digests.model import Article, Page

    body = ("青柳县图书馆春节期间照常开放,每天接待读者近千人次。", "馆长介绍,今年新增图书两万册。")
    page = Page(2, "", (Article(title="图书馆里过新年", paragraphs=body),))
    result = ingest_pages([page], archive=archive, settings=settings, date=dt.date(2024, 2, 11))
    stored = archive.get_article("dtrb20240211p02n01")
    assert stored is not None and stored.section == "要闻" and stored.article.summary
    assert result.report.issue.articles == 1 and not result.warnings
