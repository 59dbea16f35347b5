"""Word segmentation: jieba's words, the customer's names kept whole, stop words known."""

from __future__ import annotations

from pathlib import Path

import pytest

from digests.errors import ConfigError
from digests.words import Segmenter

CONFIG = Path(__file__).resolve().parents[2] / "config"


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    return Segmenter.load(CONFIG)


@pytest.fixture(scope="module")
def jieba_seg(tmp_path_factory: pytest.TempPathFactory) -> Segmenter:
    return Segmenter.load(CONFIG, tmp_path_factory.mktemp("cache"), engine="jieba")


def test_it_keeps_the_customers_names_whole(seg: Segmenter) -> None:
    """Place and institution names from config/userdict.txt come out as one word each."""
    words = seg.cut("游客在大同古城和云冈石窟过年,平城区、云州区、广灵县都有活动。")
    for name in ("大同古城", "云冈石窟", "平城区", "云州区", "广灵县"):
        assert name in words


def test_the_fast_engine_gives_jiebas_words(
    seg: Segmenter, jieba_seg: Segmenter, demo_page: Path
) -> None:
    """rjieba with the fix-ups gives exactly jieba's words and search words on the demo page."""
    text = demo_page.read_text(encoding="utf-8")
    assert seg.cut(text) == jieba_seg.cut(text)
    assert seg.cut_for_search(text) == jieba_seg.cut_for_search(text)


def test_it_splits_letter_and_digit_runs_as_jieba_does(
    seg: Segmenter, jieba_seg: Segmenter
) -> None:
    """A run such as LPR-0.39% or a web address is cut the way jieba's finalseg cuts it."""
    text = "首套住房利率为LPR-0.39%,详见www.example.org.cn,增长2.97亿元。"
    assert seg.cut(text) == jieba_seg.cut(text)
    assert seg.cut("LPR-0.39%") == ["LPR", "-", "0.39%"]


def test_search_mode_adds_the_dictionary_parts_of_long_words(seg: Segmenter) -> None:
    """Search words carry the 2- and 3-character dictionary words inside a long word."""
    words = seg.search_words(["中华人民共和国"])
    assert words[-1] == "中华人民共和国"
    assert "中华" in words and "共和国" in words


def test_content_words_leave_out_stop_words_and_punctuation(seg: Segmenter) -> None:
    """Stop words from config/stopwords.txt, spaces and punctuation are not content."""
    words = seg.content_words(seg.cut("我们在大同的古城里过了一个年。"))
    assert "大同" in words
    assert not {"我们", "在", "的", "了", "。"} & set(words)


def test_missing_config_files_mean_no_extra_words(tmp_path: Path) -> None:
    """Without userdict.txt and stopwords.txt it segments with jieba's dictionary alone."""
    seg = Segmenter.load(tmp_path)
    assert seg.stopwords == frozenset()
    assert seg.cut("大同古城迎新春") == ["大同", "古城", "迎新春"]


def test_a_bad_user_dictionary_line_is_named(tmp_path: Path) -> None:
    """A userdict line that is not 'word [freq] [tag]' is a configuration error with its line."""
    (tmp_path / "userdict.txt").write_text("大同 ns\n云冈 十二\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 2"):
        Segmenter.load(tmp_path)
