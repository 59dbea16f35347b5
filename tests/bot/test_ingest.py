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


def _page(header: str, *stories: tuple[str, str]) -> bytes:
    return (header + "".join(f"\n\n{t}\n\n{b}" for t, b in stories) + "\n").encode()


STORY_A = ("古城灯会今晚开幕", "本报讯 大同古城的灯会今晚开幕。市民在城墙下观灯。")
STORY_B = ("煤矿企业投资光伏电站", "本报讯 多家煤矿企业投资新能源项目。光伏电站今年并网。")
STORY_C = ("社区志愿者走访独居老人", "本报讯 春节前夕，社区志愿者走访独居老人，送去春联。")


def test_files_without_page_numbers_never_overwrite_each_other(
    archive: SqlArchive, settings: Settings
) -> None:
    """Three page.txt files without a number: pages 1, 2, 3 by order, every article stored."""
    docs = [("a/page.txt", _page("", s)) for s in (STORY_A, STORY_B, STORY_C)]
    day = dt.date(2024, 3, 5)
    result = ingest_documents(docs, archive=archive, settings=settings, date=day)
    assert result.report.issue.pages == 3 and result.report.issue.articles == 3
    issue = archive.get_issue(day)
    assert issue is not None
    assert [(p.number, p.articles[0].title) for p in issue.pages] == [
        (1, STORY_A[0]),
        (2, STORY_B[0]),
        (3, STORY_C[0]),
    ]
    assert [p.name for p in issue.pages] == ["", "", ""]  # no configured name is guessed
    assert sum("in upload order" in w for w in result.warnings) == 3


def test_pages_printing_the_same_number_are_all_kept(
    archive: SqlArchive, settings: Settings
) -> None:
    """Two different pages that both print 第7版: both stored, the later as page 8, said so."""
    docs = [("x.txt", _page("第7版 要闻", STORY_A)), ("y.txt", _page("第7版 要闻", STORY_B))]
    day = dt.date(2024, 3, 6)
    result = ingest_documents(docs, archive=archive, settings=settings, date=day)
    assert result.report.issue.articles == 2
    assert [p.number for p in result.issue.pages] == [7, 8]
    assert any("also prints page 7" in w and "page 8" in w for w in result.warnings)
    again = ingest_documents(docs, archive=archive, settings=settings, date=day)
    assert again.report.replaced and again.report.issue.articles == 2  # idempotent


def test_pages_printing_other_dates_are_stored_and_the_editor_is_told(
    archive: SqlArchive, settings: Settings
) -> None:
    """Pages of two days posted together: nothing dropped, and the note names both dates."""
    docs = [
        ("x.txt", _page("2024年3月6日 星期三\n第7版 要闻", STORY_A)),
        ("y.txt", _page("2024年3月9日 星期六\n第7版 要闻", STORY_B)),
    ]
    result = ingest_documents(docs, archive=archive, settings=settings)
    assert result.issue.date == dt.date(2024, 3, 6) and result.report.issue.articles == 2
    assert any("2024-03-06, 2024-03-09" in w for w in result.warnings)
