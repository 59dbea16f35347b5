"""``paperboy split``: page text or PDF files into articles, as JSON or a readable outline."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from bot.i18n import DEFAULT, Messages
from bot.settings import Settings
from digests.loader import load_pages, split_options
from digests.model import Article, Page


def run_split(args: argparse.Namespace, settings: Settings) -> int:
    newspaper = args.newspaper or settings.newspaper
    options = split_options(settings.config_dir, newspaper)
    pages = load_pages([Path(f) for f in args.files], options)
    if args.json:
        json.dump(pages_json(pages), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print_outline(pages, sys.stdout, Messages.load(settings.config_dir))
    return 0


def article_json(article: Article) -> dict[str, Any]:
    """One article in the DESIGN.md contract."""
    return {
        "kind": article.kind,
        "kicker": article.kicker,
        "title": article.title,
        "subtitle": article.subtitle,
        "byline": article.byline,
        "column": article.column,
        "section_heads": list(article.section_heads),
        "paragraphs": list(article.paragraphs),
        "continued_to": article.continued_to,
        "continued_from": article.continued_from,
    }


def pages_json(pages: Sequence[Page]) -> dict[str, Any]:
    """``{"pages": [{"number", "name", "articles": [...]}]}`` exactly as DESIGN.md says."""
    return {
        "pages": [
            {
                "number": page.number,
                "name": page.name,
                "articles": [article_json(a) for a in page.articles],
            }
            for page in pages
        ]
    }


def print_outline(pages: Sequence[Page], out: TextIO, texts: Messages) -> None:
    """A readable outline: each page, then each item with its headline and length, in
    the readers' language (it shows a newspaper, as a digest does)."""

    def t(key: str, /, **values: object) -> str:
        return texts.t(DEFAULT, f"outline.{key}", **values)

    for page in pages:
        number = t("page", n=page.number) if page.number is not None else t("page_unknown")
        count = t("articles", n=len(page.articles))
        print(f"{number} {page.name}".rstrip() + f"  ({count})", file=out)
        for i, art in enumerate(page.articles, 1):
            head = art.headline or (art.paragraphs[0][:24] + "…" if art.paragraphs else "")
            tags: list[str] = (
                [texts.t(DEFAULT, f"kind.{art.kind}")] if art.kind != "article" else []
            )
            if art.column:
                tags.append(t("column", name=art.column))
            if art.continued_to:
                tags.append(t("continued_to", n=art.continued_to))
            if art.continued_from:
                tags.append(t("continued_from", n=art.continued_from))
            chars = sum(len(p) for p in art.paragraphs)
            extra = f" [{t('sep').join(tags)}]" if tags else ""
            print(f"  {i:>2}. {head}{extra}", file=out)
            if art.byline:
                print(f"      {art.byline}", file=out)
            for sub in art.section_heads:
                print(f"      · {sub}", file=out)
            print(f"      {t('size', paragraphs=len(art.paragraphs), chars=chars)}", file=out)
