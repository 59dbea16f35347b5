"""Search snippets: the core gives matches as parts, the shell marks them per channel."""

from __future__ import annotations

from bot.render import marked


def test_matches_are_bold_in_html_and_bracketed_in_plain_text() -> None:
    """Odd parts are matches; text around them is escaped, never marked."""
    chunk = marked(("古城<墙>的", "修缮", "工程"), 100)
    assert chunk.html == "古城&lt;墙&gt;的<b>修缮</b>工程"
    assert chunk.text == "古城<墙>的【修缮】工程"


def test_a_long_snippet_is_cut_with_an_ellipsis() -> None:
    """The cut counts the text's characters, not the marks, and ends with an ellipsis."""
    chunk = marked(("一" * 8, "二二", "三" * 8), 12)
    assert chunk.text == "一" * 8 + "【二二】" + "三…"
    assert marked(("一" * 8, "二二"), 9).text == "一" * 8 + "…"
