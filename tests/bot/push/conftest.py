"""Builders for the push tests: a real SQLite archive, the fake Bot API, a real PTB bot.

The engine's tests run on a virtual clock (tests/virtual_clock.py): the fake Bot API serves
on the test's own loop and every wait for a slot or a chat's second takes no real time.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application, ApplicationBuilder

from bot.push.engine import EngineOptions, PushEngine, concurrency_for
from bot.push.limiter import PushRateLimiter
from bot.push.request import AiohttpRequest
from digests.archive import SqlArchive, open_archive
from digests.digest import Digest
from digests.model import Article, Issue, Page, Subscriber
from tests.fake_bot_api import FakeBotApi
from tests.virtual_clock import VirtualLoop, is_virtual

DATE = dt.date(2024, 2, 10)
KEY = "大同日报/2024-02-10"


class CharWords:
    """A segmenter that cuts text into characters: enough for storing, no dictionary load."""

    def cut(self, text: str) -> list[str]:
        return [c for c in text if not c.isspace()]

    def search_words(self, words: Iterable[str]) -> list[str]:
        return list(words)


def make_issue(articles: int = 3, summary_chars: int = 40, date: dt.date = DATE) -> Issue:
    """One page of ``articles``; about 4,000 characters of summaries make one more message."""
    summary = ("这是一句摘要。" * (summary_chars // 7 + 1))[:summary_chars]
    items = tuple(
        Article(
            id=f"dtrb{date:%Y%m%d}p01n{i:02d}",
            title=f"第{i}篇文章的标题",
            summary=summary,
            paragraphs=("正文。",),
        )
        for i in range(1, articles + 1)
    )
    return Issue("大同日报", date, (Page(1, "要闻", items),), number=100)


def open_test_archive(path: Path) -> SqlArchive:
    return open_archive("", path / "archive.sqlite3", words=CharWords)


VIRTUAL_MODULES = ("test_engine.py", "test_service.py")


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> dict[str, Callable[[], asyncio.AbstractEventLoop]] | None:
    """The engine's tests get the virtual clock; the others keep a real loop."""
    if Path(str(item.path)).name in VIRTUAL_MODULES:
        return {"virtual": VirtualLoop}
    return None


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    if is_virtual():
        server = await FakeBotApi().start_here()
        yield server
        await server.stop_here()
        return
    with FakeBotApi() as threaded:
        yield threaded


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[SqlArchive]:
    archive = open_test_archive(tmp_path)
    yield archive
    archive.close()


def subscribe(
    api: FakeBotApi, archive: SqlArchive, count: int, first: int = 1001, **prefs: Any
) -> list[int]:
    """``count`` readers with private chats on the fake server, subscribed in the archive."""
    ids = list(range(first, first + count))
    for chat_id in ids:
        api.user(chat_id)
        archive.save_subscriber(Subscriber("telegram", str(chat_id), **prefs))
    return ids


def build_app(
    api: FakeBotApi, rate: float | None = 200.0, paid_rate: float | None = None
) -> Application[Any, Any, Any, Any, Any, Any]:
    """The real PTB Application, with the push's limiter and transport, on the fake server."""
    return (
        ApplicationBuilder()
        .token(api.token)
        .base_url(f"{api.base_url}/bot")
        .base_file_url(f"{api.base_url}/file/bot")
        # Long timeouts: on a virtual clock a busy machine's real wait must never count.
        .request(AiohttpRequest(read_timeout=60.0, write_timeout=60.0))
        .get_updates_request(AiohttpRequest(connection_pool_size=2))
        .rate_limiter(PushRateLimiter(rate, paid_rate))
        .build()
    )


@pytest.fixture
async def app(api: FakeBotApi) -> AsyncIterator[Application[Any, Any, Any, Any, Any, Any]]:
    application = build_app(api)
    await application.initialize()
    yield application
    await application.shutdown()


def render_parts(issue: Issue, digest: Digest, language: str) -> tuple[tuple[str, str | None], ...]:
    from bot.i18n import Messages
    from bot.push.render import telegram_parts
    from bot.settings import config_dir

    return telegram_parts(issue, digest, language, Messages.load(config_dir()))


def make_engine(
    app: Application[Any, Any, Any, Any, Any, Any],
    archive: SqlArchive,
    concurrency: int | None = None,
) -> PushEngine:
    limiter = app.bot.rate_limiter
    assert isinstance(limiter, PushRateLimiter)
    engine = PushEngine(
        app.bot,
        archive,
        limiter,
        render_parts,
        EngineOptions(concurrency=concurrency or concurrency_for(limiter.rate)),
    )
    engine.bot_username = app.bot.username
    return engine
