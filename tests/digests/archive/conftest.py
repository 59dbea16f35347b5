"""One archive suite, two backends: SQLite on a real file and PostgreSQL in a fresh schema.

Each PostgreSQL test gets a schema of its own (dropped afterwards), so parallel runs and
other helpers' tests never see each other's rows.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from digests.archive import SqlArchive, open_archive
from digests.model import Article, Issue, Page
from digests.words import Segmenter
from tests.conftest import REPO

Opener = Callable[[], SqlArchive]


@pytest.fixture(scope="session")
def segmenter() -> Segmenter:
    return Segmenter.load(REPO / "config")


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """ "" for SQLite, or a PostgreSQL URL whose search_path is a schema made for this test."""
    if request.param == "sqlite":
        yield ""
        return
    import psycopg

    base = request.getfixturevalue("postgres_url")
    schema = f"pbtest_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def open_new(database_url: str, tmp_path: Path, segmenter: Segmenter) -> Opener:
    """Opens another connection to the same archive, as a second process would."""

    def opener() -> SqlArchive:
        return open_archive(database_url, tmp_path / "archive.sqlite3", words=lambda: segmenter)

    return opener


@pytest.fixture
def archive(open_new: Opener) -> Iterator[SqlArchive]:
    a = open_new()
    yield a
    a.close()


def article(id: str, title: str, *paragraphs: str, kicker: str = "", subtitle: str = "") -> Article:
    return Article(id=id, kicker=kicker, title=title, subtitle=subtitle, paragraphs=paragraphs)


def issue(date: str, *pages: tuple[int, str, list[Article]], paper: str = "大同日报") -> Issue:
    return Issue(
        paper,
        dt.date.fromisoformat(date),
        tuple(Page(n, name, tuple(arts)) for n, name, arts in pages),
    )


def sample_issue(date: str = "2024-02-10") -> Issue:
    """Two pages of text written for these tests."""
    d = date.replace("-", "")
    return issue(
        date,
        (
            1,
            "要闻",
            [
                article(
                    f"t{d}p1n1",
                    "古城灯会迎新春",
                    "大同古城的灯会今晚开幕，市民和游客在城墙下观灯。",
                    "灯会展出各式花灯三百余组，持续到元宵节。",
                    kicker="张灯结彩过大年",
                ),
                article(
                    f"t{d}p1n2",
                    "刀削面技艺进社区",
                    "非遗传承人在社区教居民做刀削面，面馆老板也来学习。",
                    subtitle="——非遗传承人走进百姓生活",
                ),
            ],
        ),
        (
            2,
            "经济",
            [
                article(
                    f"t{d}p2n1",
                    "煤矿企业加快转型",
                    "多家煤矿企业投资新能源项目，光伏电站今年并网发电。",
                ),
            ],
        ),
    )
