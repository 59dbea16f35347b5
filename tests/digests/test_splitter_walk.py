"""The splitter's walk down a page: forked readings stay apart, and a caller may fix the
reading of the blocks that are weighed."""

from __future__ import annotations

from pathlib import Path

from digests.loader import load_lexicon
from digests.split_lines import classify, page_lines
from digests.split_page import Block, build_drafts, group_blocks
from digests.split_walk import Walk
from tests.builders.pages import PARAS, page

CONFIG = Path(__file__).resolve().parents[2] / "config"


def test_a_forked_walk_leaves_the_original_unchanged() -> None:
    """It copies the article being assembled, so a subhead added to the fork is not in the
    original walk, while finished articles are shared."""
    lex = load_lexicon(CONFIG)
    walk = Walk()
    walk.block(0, ("第一篇的标题",), True, lex)
    other = walk.fork()
    other.block(1, ("一个小标题",), False, lex)
    assert walk.draft is not None and other.draft is not None
    assert walk.draft.entries == []
    assert other.draft.entries == [("sub", "一个小标题")]
    other.block(2, ("第二篇的标题",), True, lex)
    assert len(walk.drafts) == 1 and len(other.drafts) == 2


def test_a_fixed_reading_decides_every_weighed_block() -> None:
    """It starts an article at each weighed block the caller says starts one, and reads
    the others as subheads."""
    lex = load_lexicon(CONFIG)
    text = page("村里的新年", PARAS[1], PARAS[2], "灯笼挂起来", PARAS[3], "集市热起来", PARAS[4])
    tokens = group_blocks(classify(page_lines(text), lex), lex)
    blocks = [t for t, tok in enumerate(tokens) if isinstance(tok, Block)]
    every = build_drafts(tokens, lex, fixed=lambda _tokens, _t, _draft: True)
    none = build_drafts(tokens, lex, fixed=lambda _tokens, _t, _draft: False)
    assert len(blocks) == 3
    assert [d.head for d in every] == [tokens[t].lines for t in blocks]  # type: ignore[union-attr]
    assert len(none) == 1
    assert [x for k, x in none[0].entries if k == "sub"] == ["灯笼挂起来", "集市热起来"]
