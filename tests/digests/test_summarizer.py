"""Extractive summaries: whole sentences, in order, within budget, without the non-content."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from digests.model import Article
from digests.sentences import char_len, sentences
from digests.summarizer import SummaryOptions, summarize, summarize_article
from digests.words import Segmenter

CONFIG = Path(__file__).resolve().parents[2] / "config"

BODY = (
    "本报讯(记者 王小明)2月9日,大同古城迎新春文化活动正式启动,市民和游客在城墙上赏灯过年。\n"
    "今年的灯组以龙为主题,共有三十多组,分布在古城的主要街巷。\n"
    "“灯太漂亮了,明年还来!”一位来自北京的游客说。\n"
    "活动期间,古城内还将举办社火巡游、非遗展示和新春市集等活动。\n"
    "大同古城迎新春文化活动已经连续举办多年,成为大同的文化品牌。\n"
    "(下转第二版)\n"
    "本版制图：李 华\n"
    "本报记者 张燕伟摄\n"
)
TITLE = "大同古城迎新春文化活动启动"


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    return Segmenter.load(CONFIG)


def _summ(seg: Segmenter, text: str, n: int = 60, **kw: str) -> str:
    return summarize(text, segmenter=seg, options=SummaryOptions(max_chars=n), **kw)


def _articles(page: str) -> list[str]:
    """The demo page cut into rough articles at its 本报讯/□ bylines (good enough for tests)."""
    parts = re.split(r"\n(?=[^\n]*\n\n(?:本报讯|□))", page)
    return [p for p in parts if char_len(p) > 200]


def test_summaries_are_whole_sentences_in_order_within_budget(
    seg: Segmenter, demo_page: Path
) -> None:
    """Every summary of the demo page's articles is non-empty, in budget, and made of whole
    sentences of the text in text order."""
    page = demo_page.read_text(encoding="utf-8")
    articles = _articles(page)
    assert len(articles) >= 4
    for n in (60, 120, 150):
        for text in articles:
            summary = _summ(seg, text, n)
            assert summary and char_len(summary) <= n
            pos = 0
            flat = "".join(sentences(text))
            for sent in sentences(summary):
                found = flat.find(sent, pos)
                assert found >= 0, sent
                pos = found + len(sent)


def test_it_leaves_out_datelines_credits_and_markers(seg: Segmenter) -> None:
    """Bylines, datelines, credits and continuation markers never reach the summary."""
    whole = _summ(seg, BODY, 1000)
    assert whole.startswith("2月9日,大同古城")
    for junk in ("本报讯", "记者", "下转", "制图", "摄"):
        assert junk not in whole


def test_author_notes_and_section_heads_are_left_out(seg: Segmenter) -> None:
    """(作者为…) notes and short unterminated section heads are not summary material."""
    text = "古城新貌\n大同古城的修复已经完成。\n游人如织\n春节期间游客很多。\n(作者为大同大学教授)"
    assert _summ(seg, text, 1000) == "大同古城的修复已经完成。春节期间游客很多。"


def test_a_repeated_sentence_appears_once(seg: Segmenter) -> None:
    """A paragraph printed twice counts once."""
    text = "张强走访慰问老党员。\n张强走访慰问老党员。\n他叮嘱各部门做好关怀工作。"
    assert _summ(seg, text, 1000) == "张强走访慰问老党员。他叮嘱各部门做好关怀工作。"


def test_a_short_article_is_its_own_summary(seg: Segmenter) -> None:
    """An article within budget is summarised by all of its (cleaned) text."""
    text = "本报讯(记者 李四)大同今天下雪了。\n道路部门连夜除雪。"
    assert _summ(seg, text, 120) == "大同今天下雪了。道路部门连夜除雪。"


def test_a_photo_is_summarised_by_its_captions_first_sentence(seg: Segmenter) -> None:
    """A photo item's summary is the first sentence of its caption."""
    text = "古城内洋溢着迎新春的欢乐氛围。市民与游客游走在灯组之间,观看演艺。\n本报记者 张燕伟摄"
    assert _summ(seg, text, 120, kind="photo") == "古城内洋溢着迎新春的欢乐氛围。"


def test_the_headline_steers_the_choice(seg: Segmenter) -> None:
    """With a budget for one sentence, the one about the headline's subject is chosen."""
    text = (
        "春节将至,各地年味渐浓。\n"
        "大同古城迎新春文化活动启动,城墙上的龙灯吸引了大量游客。\n"
        "超市里年货琳琅满目,价格总体平稳。\n"
        "气象部门提醒市民注意出行安全。"
    )
    summary = _summ(seg, text, 30, title=TITLE)
    assert summary == "大同古城迎新春文化活动启动,城墙上的龙灯吸引了大量游客。"


def test_when_the_best_sentence_is_too_long_one_that_fits_is_chosen(seg: Segmenter) -> None:
    """A sentence over budget is passed over for the best one that fits."""
    long = "大同古城迎新春文化活动启动," + "各类活动精彩纷呈," * 6 + "游客纷至沓来。"
    text = long + "\n大同古城迎新春文化活动持续到正月十六。\n天气晴好。"
    summary = _summ(seg, text, 40, title=TITLE)
    assert summary
    assert char_len(summary) <= 40
    assert not summary.endswith("…")


def test_only_when_nothing_fits_is_a_sentence_cut_at_a_clause(seg: Segmenter) -> None:
    """If no sentence fits, one is cut at ，；： and ends with "…"."""
    text = "大同古城迎新春文化活动正式启动,市民和游客在城墙上赏灯过年,热闹非凡。" * 1
    text += "\n今年的灯组以龙为主题,共有三十多组灯,分布在古城的主要街巷里。"
    summary = _summ(seg, text, 20, title=TITLE)
    assert summary.endswith("…")
    assert char_len(summary) <= 20
    assert summary[:-1] in text


def test_it_is_deterministic(seg: Segmenter, demo_page: Path) -> None:
    """The same input gives the same summary."""
    text = _articles(demo_page.read_text(encoding="utf-8"))[0]
    assert len({_summ(seg, text, 120) for _ in range(3)}) == 1


def test_summarize_article_shares_its_words_with_the_index(seg: Segmenter) -> None:
    """summarize_article gives the summary, keywords and every word of headline and body."""
    article = Article(id="a1", title=TITLE, paragraphs=tuple(BODY.splitlines()))
    result = summarize_article(article, seg, SummaryOptions(max_chars=60))
    assert result.summary == _summ(seg, BODY, 60, title=TITLE)
    assert "大同古城" in result.keywords
    assert result.words[:3] == tuple(seg.cut(TITLE))[:3]
    assert {"大同古城", "社火", "王小明", "制图"} <= set(result.words)
    assert not any(w.isspace() for w in result.words)
