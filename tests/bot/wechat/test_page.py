"""The article page: everything from the archive is escaped."""

from __future__ import annotations

import datetime as dt

from bot.i18n import Messages
from bot.wechat.page import article_page, missing_page
from digests.archive.base import StoredArticle
from digests.model import Article
from tests.conftest import REPO

TEXTS = Messages.load(REPO / "config")


def test_article_text_cannot_inject_markup() -> None:
    """A title or paragraph holding <script> shows as text, never as a tag."""
    a = Article(
        id="x1",
        kicker="引<b>题",
        title="<script>alert(1)</script>",
        byline="记者 A&B",
        paragraphs=("第一段 <img src=x onerror=alert(1)>", "第二段"),
    )
    stored = StoredArticle(a, "大同日报", dt.date(2024, 2, 10), 1, "要闻", 1)
    page = article_page(stored, TEXTS, "zh")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<img" not in page and "A&amp;B" in page
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in page
    assert "《大同日报》 · 2024-02-10 · 第1版 · 要闻" in page
    assert "<p>第二段</p>" in page


def test_the_missing_page_says_so() -> None:
    assert "没有这篇文章" in missing_page("没有这篇文章", "zh")


def test_the_page_speaks_the_language_asked() -> None:
    """Its labels come from the texts: the English page names the page number in English."""
    a = Article(id="x1", title="古城", paragraphs=("正文",))
    stored = StoredArticle(a, "大同日报", dt.date(2024, 2, 10), 3, "要闻", 1)
    page = article_page(stored, TEXTS, "en")
    assert "大同日报 · 2024-02-10 · p. 3 · 要闻" in page and 'lang="en"' in page
