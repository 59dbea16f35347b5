"""Articles as rows: the columns, the upsert and the conversions both ways."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from digests.archive.base import ArticleWords, StoredArticle
from digests.archive.db import Row
from digests.archive.query import terms_of
from digests.model import ARTICLE_KINDS, Article, ArticleKind

ARTICLE_COLUMNS = (
    "id, newspaper, date, page, section, position, kind, kicker, title, subtitle, byline, "
    "column_name, section_heads, paragraphs, continued_to, continued_from, summary, keywords, "
    "withdrawn"
)
_INSERT_ARTICLE = (
    "INSERT INTO articles (id, newspaper, date, page_index, page, section, position, kind, "
    "kicker, title, subtitle, byline, column_name, section_heads, paragraphs, continued_to, "
    "continued_from, summary, keywords, head_words, body_words, source_hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET newspaper = excluded.newspaper, date = excluded.date, "
    "page_index = excluded.page_index, page = excluded.page, section = excluded.section, "
    "position = excluded.position, kind = excluded.kind, kicker = excluded.kicker, "
    "title = excluded.title, subtitle = excluded.subtitle, byline = excluded.byline, "
    "column_name = excluded.column_name, section_heads = excluded.section_heads, "
    "paragraphs = excluded.paragraphs, continued_to = excluded.continued_to, "
    "continued_from = excluded.continued_from, summary = excluded.summary, "
    "keywords = excluded.keywords, head_words = excluded.head_words, "
    "body_words = excluded.body_words, source_hash = excluded.source_hash"
)


def now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _kind(raw: str) -> ArticleKind:
    for k in ARTICLE_KINDS:
        if k == raw:
            return k
    return "article"


def article_from_row(r: Row) -> StoredArticle:
    art = Article(
        id=r[0],
        kind=_kind(r[6]),
        kicker=r[7],
        title=r[8],
        subtitle=r[9],
        byline=r[10],
        column=r[11],
        section_heads=tuple(json.loads(r[12])),
        paragraphs=tuple(json.loads(r[13])),
        continued_to=r[14],
        continued_from=r[15],
        summary=r[16],
        keywords=tuple(json.loads(r[17])),
    )
    return StoredArticle(
        article=art,
        newspaper=r[1],
        date=dt.date.fromisoformat(r[2]),
        page=r[3],
        section=r[4],
        position=r[5],
        withdrawn=bool(r[18]),
    )


def _article_params(
    sa: StoredArticle, page_index: int, words: ArticleWords, source_hash: str
) -> tuple[Any, ...]:
    a = sa.article
    return (
        a.id,
        sa.newspaper,
        sa.date.isoformat(),
        page_index,
        sa.page,
        sa.section,
        sa.position,
        a.kind,
        a.kicker,
        a.title,
        a.subtitle,
        a.byline,
        a.column,
        json.dumps(list(a.section_heads), ensure_ascii=False),
        json.dumps(list(a.paragraphs), ensure_ascii=False),
        a.continued_to,
        a.continued_from,
        a.summary,
        json.dumps(list(a.keywords), ensure_ascii=False),
        " ".join(terms_of(words.head)),
        " ".join(terms_of(words.body)),
        source_hash,
    )
