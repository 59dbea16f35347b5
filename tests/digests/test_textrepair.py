"""Repairs for text that came out of a page layout."""

from __future__ import annotations

import pytest

from digests.textrepair import (
    collapse_doubled,
    drop_repeats,
    ends_sentence,
    has_doubling,
    join_broken,
    repair_headline_lines,
    squeeze_cjk_spaces,
    unbalanced,
)


@pytest.mark.parametrize(
    ("doubled", "single"),
    [
        ("老街区老街区::换上新模样", "老街区:换上新模样"),
        ("走出走出新路子新路子", "走出新路子"),
        ("乡村公路乡村公路", "乡村公路"),
    ],
)
def test_doubled_glyphs_collapse(doubled: str, single: str) -> None:
    """It undoes headline text printed twice for bold."""
    assert collapse_doubled(doubled) == single


def test_wording_that_repeats_on_purpose_is_kept() -> None:
    """It keeps a doubled dash, an ellipsis and single repeated characters."""
    assert collapse_doubled("——天天向上……") == "——天天向上……"
    assert not has_doubling("看看书,走走路")


def test_headline_lines_lose_their_echo() -> None:
    """It drops from a doubled headline's second line the words the first already holds."""
    lines = ["老街区老街区::换上新模样换上新模样", "走出新路子换上新模样走出新路子"]
    assert repair_headline_lines(lines) == ("老街区:换上新模样", "走出新路子")


def test_clean_headlines_are_left_alone() -> None:
    """It changes nothing in a headline block with no doubling."""
    assert repair_headline_lines(["乡村公路", "通到家门口"]) == ("乡村公路", "通到家门口")


def test_it_joins_a_paragraph_broken_across_columns() -> None:
    """It joins a paragraph cut mid-sentence with the next, and not one that ended."""
    assert join_broken(["今年新建公路", "一百二十公里。", "下一步,县里将加强养护。"]) == (
        "今年新建公路一百二十公里。",
        "下一步,县里将加强养护。",
    )


def test_a_quotation_after_a_break_starts_its_own_paragraph() -> None:
    """It does not join a paragraph that opens with a quotation mark."""
    assert join_broken(["他说", "“路修好了。”"]) == ("他说", "“路修好了。”")


def test_a_paragraph_printed_twice_is_kept_once() -> None:
    """It keeps the first copy of a repeated paragraph, comparing without spaces."""
    para = "青柳县今年新建乡村公路一百二十公里,沿线村庄受益。"
    assert drop_repeats([para, "另一段。", para.replace(",", ", ")]) == (para, "另一段。")


def test_short_repeats_are_kept() -> None:
    """It keeps short lines that repeat, such as a subhead echoed in the text."""
    assert drop_repeats(["好。", "好。"]) == ("好。", "好。")


def test_sentence_ends_and_open_quotes() -> None:
    """It tells a finished sentence and an open quotation."""
    assert ends_sentence("路修好了。") and ends_sentence("“路修好了。”")
    assert not ends_sentence("路修好了,")
    assert unbalanced("他说:“路") and not unbalanced("“路”")


def test_justification_spaces_between_chinese_go() -> None:
    """It removes spaces between Chinese characters but keeps them between words."""
    assert squeeze_cjk_spaces("周 晓 岚 and Li Ming") == "周晓岚 and Li Ming"
