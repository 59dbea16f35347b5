"""Rendering: escaped HTML and plain text from the same chunks, cut where Telegram needs."""

from __future__ import annotations

from bot.render import TELEGRAM_LIMIT, line, markup, pack, plain, utf16_len
from tests.fake_bot_checks import check_text


def test_user_text_is_escaped() -> None:
    """It escapes <, > and & in every piece of user or article text."""
    chunk = line("<b>古城</b> & 灯会", bold=True)
    assert chunk.html == "<b>&lt;b&gt;古城&lt;/b&gt; &amp; 灯会</b>"
    assert chunk.text == "<b>古城</b> & 灯会"
    assert plain(chunk.html) == chunk.text


def test_pack_breaks_between_chunks() -> None:
    """It fills a message chunk by chunk and starts the next between chunks."""
    chunks = [line("甲" * 3000), line("乙" * 3000), markup("<b>尾</b>")]
    out = pack(chunks)
    assert [len(p.text) for p in out] == [3000, 3000 + 1 + 1]


def test_a_long_paragraph_is_cut_at_sentences() -> None:
    """A paragraph over 4096 units is cut after a sentence; every piece is valid HTML."""
    paragraph = "古城&灯会<很美>。" * 800
    out = pack([line(paragraph, bold=True)])
    assert len(out) > 1
    for p in out:
        assert utf16_len(check_text(p.html, "HTML")) <= TELEGRAM_LIMIT
        assert p.text.endswith("。")
    assert "".join(p.text for p in out) == paragraph


def test_astral_characters_count_twice() -> None:
    """Emoji take two UTF-16 units, so fewer fit in one message."""
    out = pack([line("😀" * 3000)])
    assert len(out) == 2 and all(utf16_len(p.text) <= TELEGRAM_LIMIT for p in out)


def test_a_sentence_without_stops_is_cut_hard() -> None:
    out = pack([line("字" * 9000)])
    assert [len(p.text) for p in out] == [4096, 4096, 808]
