"""The read-only article page a 图文 card opens: one article, every piece HTML-escaped."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from digests.archive.base import StoredArticle

if TYPE_CHECKING:
    from bot.render.digest import Texts

_STYLE = (
    "body{max-width:40em;margin:1em auto;padding:0 1em;font:17px/1.7 sans-serif;color:#222}"
    "h1{font-size:1.4em;line-height:1.4}.k,.s,.b,.w{color:#555}.w{font-size:.9em}"
)


def article_page(stored: StoredArticle, texts: Texts, lang: str) -> str:
    a = stored.article
    title = a.title or a.kicker or a.subtitle or a.id
    where = " · ".join(
        p
        for p in (
            texts.t(lang, "digest.paper", name=stored.newspaper),
            f"{stored.date:%Y-%m-%d}",
            texts.t(lang, "reader.page", n=stored.page) if stored.page is not None else "",
            stored.section,
        )
        if p
    )
    head = [f'<p class="k">{escape(a.kicker)}</p>' if a.kicker else ""]
    head.append(f"<h1>{escape(title)}</h1>")
    if a.subtitle:
        head.append(f'<p class="s">{escape(a.subtitle)}</p>')
    if a.byline:
        head.append(f'<p class="b">{escape(a.byline)}</p>')
    head.append(f'<p class="w">{escape(where)}</p>')
    body = [f"<p>{escape(p)}</p>" for p in a.paragraphs if p.strip()]
    return _document(title, "".join(head) + "".join(body), lang)


def missing_page(text: str, lang: str) -> str:
    return _document(text, f"<p>{escape(text)}</p>", lang)


def _document(title: str, body: str, lang: str) -> str:
    return (
        f'<!doctype html><html lang="{escape(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><article>{body}</article></body></html>"
    )
