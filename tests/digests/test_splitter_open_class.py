"""The splitter's open-class detectors: quotation marks of any style, and names."""

from __future__ import annotations

import pytest

from digests import split_rules as rules
from digests.model import Article
from digests.splitter import split_text
from tests.builders.pages import PARAS, article, page

P = PARAS


def items(text: str) -> list[Article]:
    return [a for p in split_text(text) for a in p.articles if a.kind != "ad"]


@pytest.mark.parametrize(("left", "right"), [("“", "”"), ("「", "」"), ("『", "』"), ("‘", "’")])
def test_a_quoted_title_heads_its_article_in_any_quote_style(left: str, right: str) -> None:
    """It reads a title set in corner brackets (「…」, 『…』) as it reads one in “…”."""
    text = page(
        article("乡村公路通到家门口", P[0:3], byline=["□ 本报记者 周晓岚"]),
        article(f"{left}大棚里的春天{right}", P[4:7], byline=["□ 本报记者 孙海"]),
    )
    first, second = items(text)
    assert first.title == "乡村公路通到家门口"
    assert second.title == f"{left}大棚里的春天{right}"
    assert second.paragraphs[0] == P[4]


@pytest.mark.parametrize(("left", "right"), [("“", "”"), ("「", "」"), ("『", "』")])
def test_a_quoted_sentence_is_text_in_any_quote_style(left: str, right: str) -> None:
    """A short line quoting a whole sentence (「…。」) is a paragraph, not a headline."""
    line = f"{left}路修好了,日子就有奔头了。{right}"
    assert not rules.heading_like(line, rules.Lexicon())
    assert rules.is_open_quote(left) and rules.is_close_quote(right)
    assert not rules.is_open_quote("(") and not rules.is_close_quote(")")
