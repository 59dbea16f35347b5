"""Splitting text into paragraphs, sentences and clauses."""

from __future__ import annotations

from pathlib import Path

from digests.sentences import (
    char_len,
    clauses,
    paragraphs,
    sentence_pieces,
    sentences,
    split_sentences,
)


def test_it_splits_at_full_width_and_ascii_enders() -> None:
    """。！？ and ASCII !? end sentences; ASCII commas and decimal points do not."""
    text = "完成投资2.97亿元,增长5.6%。真好!还有吗?有!"
    assert split_sentences(text) == ["完成投资2.97亿元,增长5.6%。", "真好!", "还有吗?", "有!"]


def test_an_ascii_full_stop_after_chinese_ends_a_sentence() -> None:
    """A PDF export may write an ASCII full stop: after a Chinese character it ends a sentence."""
    assert split_sentences("春回大地.改革潮涌.") == ["春回大地.", "改革潮涌."]


def test_closing_quotes_stay_with_their_sentence() -> None:
    """Quotes and brackets after the full stop belong to the sentence they close."""
    text = "“春节就要到了,祝您春节快乐!”他说。大家笑了。"
    assert split_sentences(text) == ["“春节就要到了,祝您春节快乐!”", "他说。", "大家笑了。"]


def test_it_does_not_split_inside_a_quotation() -> None:
    """Full stops inside a quotation that closes later in the paragraph do not end it."""
    text = "他说：“今天很好。明天也好。”然后走了。下一句。"
    assert split_sentences("“好。”他说的“对。很对”是真的。") == [
        "“好。”",
        "他说的“对。很对”是真的。",
    ]
    assert split_sentences(text) == ["他说：“今天很好。明天也好。”", "然后走了。", "下一句。"]


def test_an_unclosed_quotation_does_not_swallow_the_paragraph() -> None:
    """A quotation that never closes is ignored: sentences still end at their full stops."""
    assert split_sentences("他说：“今天很好。明天也好。") == ["他说：“今天很好。", "明天也好。"]


def test_it_joins_a_paragraph_broken_across_columns() -> None:
    """A line that stops mid-clause goes on in the next line; a heading stays alone."""
    text = "改革,敢于“啃硬骨头”\n\n农业农村改革是重要手段。我市全面推\n\n行“田长制”改革。"
    assert paragraphs(text) == [
        "改革,敢于“啃硬骨头”",
        "农业农村改革是重要手段。我市全面推行“田长制”改革。",
    ]


def test_sentences_cover_the_demo_page(demo_page: Path) -> None:
    """Every non-space character of the demo page is in exactly one sentence."""
    text = demo_page.read_text(encoding="utf-8")
    got = sentences(text)
    assert sum(char_len(s) for s in got) == char_len(text)
    assert "形成典型案例28个,解决民生实事68件。" in "".join(got)


def test_clauses_end_at_commas_semicolons_and_colons() -> None:
    """A sentence is cut after each ，；： (or ASCII , ; :), the marks kept."""
    assert clauses("一是发展,二是改革；三是：开放。") == [
        "一是发展,",
        "二是改革；",
        "三是：",
        "开放。",
    ]


def test_length_counts_punctuation_but_not_spaces() -> None:
    """The budget length counts every non-whitespace character."""
    assert char_len("大同 古城,\n迎新春。") == 9


def test_sentence_pieces_keep_every_character() -> None:
    """Cut for a message, prose loses nothing: the pieces join back to the text, spaces too."""
    text = "他说：“好。” 我们走吧！Then we go. 然后"
    pieces = sentence_pieces(text)
    assert "".join(pieces) == text
    assert pieces[:2] == ["他说：“好。”", " 我们走吧！"]
