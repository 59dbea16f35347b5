"""``paperboy split``: page text or PDF files into articles, as JSON or a readable outline."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

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
        print_outline(pages, sys.stdout)
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


def print_outline(pages: Sequence[Page], out: TextIO) -> None:
    """A readable outline: each page, then each item with its headline and length."""
    for page in pages:
        number = f"第{page.number}版" if page.number is not None else "版次不详"
        print(f"{number} {page.name}".rstrip() + f"  ({len(page.articles)} 篇)", file=out)
        for i, art in enumerate(page.articles, 1):
            head = art.headline or (art.paragraphs[0][:24] + "…" if art.paragraphs else "")
            tags: list[str] = [art.kind] if art.kind != "article" else []
            if art.column:
                tags.append(f"栏目:{art.column}")
            if art.continued_to:
                tags.append(f"下转第{art.continued_to}版")
            if art.continued_from:
                tags.append(f"上接第{art.continued_from}版")
            chars = sum(len(p) for p in art.paragraphs)
            extra = f" [{', '.join(tags)}]" if tags else ""
            print(f"  {i:>2}. {head}{extra}", file=out)
            if art.byline:
                print(f"      {art.byline}", file=out)
            for sub in art.section_heads:
                print(f"      · {sub}", file=out)
            print(f"      {len(art.paragraphs)} 段, {chars} 字", file=out)
