"""Snippets: a window around the first needle, needles marked, nothing folded."""

from __future__ import annotations

from digests.archive.query import snippet


def test_needles_match_full_width_and_capital_letters_as_printed() -> None:
    """A folded needle marks the text as printed: full width, capitals, circled digits."""
    out = snippet(["会议在ＡＢＣ大厦①号厅举行。"], ["abc", "1"])
    assert out == ("会议在", "ＡＢＣ", "大厦", "①", "号厅举行。")


def test_the_window_starts_near_the_first_needle_in_a_later_paragraph() -> None:
    """Earlier paragraphs are skipped, with an ellipsis saying so; spaces become one."""
    paras = ["开头一段。" * 30, "  ", "后来   提到古城墙的修缮。" + "其余内容。" * 30]
    out = snippet(paras, ["古城墙"], width=20)
    assert out[0].startswith("…") and out[-1].endswith("…")
    assert out[1::2] == ("古城墙",) and "后来 提到" in out[0]


def test_without_a_needle_in_the_text_the_window_is_its_start() -> None:
    """No needle found (say it is only in the headline): the text's first characters."""
    assert snippet(["第一段。", "第二段。"], ["古城"], width=6) == ("第一段。 第…",)
    assert snippet(["短文。"], []) == ("短文。",)
