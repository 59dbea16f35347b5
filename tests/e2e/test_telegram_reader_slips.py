"""What a reader sees agrees with itself: counts, names of untitled items, ids, typos."""

from __future__ import annotations

import re

from tests.e2e.conftest import READER, Running


async def test_today_and_sections_count_the_same_articles(bot: Running) -> None:
    """/today's "共 N 篇" is /sections' count; the demo page's ad is named, not counted."""
    (today,) = await bot.say(READER, "/today")
    (sections,) = await bot.say(READER, "/sections")
    n_today = int(re.search(r"共 (\d+) 篇", today.params["text"])[1])  # type: ignore[index]
    line = re.search(r"要闻：(\d+) 篇(.*)", sections.params["text"])
    assert line is not None and int(line[1]) == n_today
    assert "1 则广告" in line[2]
    (listed,) = await bot.say(READER, "/section 要闻 2024-02-10")
    assert "广告" not in listed.params["text"]


async def test_a_photo_is_named_by_its_caption_never_its_raw_id(bot: Running) -> None:
    """In /headlines and in the full text a photo item shows words, not dtrb…n06."""
    mark = bot.api.mark()
    bot.api.send_text(READER, "/headlines")
    (first,) = await bot.api.await_for("sendMessage", chat_id=READER, since=mark)
    texts = [first.params["text"]]
    (page2,) = await bot.press(
        READER, first, dict(bot.buttons(first))["下一页 »"], "editMessageText"
    )
    texts.append(page2.params["text"])
    shown = "\n".join(texts)
    assert "新春佳节来临之际" in shown
    assert not re.search(r"\d+\. dtrb20240210p01n06", shown)
    (photo,) = await bot.say(READER, "/a_dtrb20240210p01n06")
    assert photo.params["text"].startswith("<b>图片</b>")


async def test_an_upper_case_article_id_is_found(bot: Running) -> None:
    """/article DTRB20240210P01N01 (as a phone or a reader retypes it) opens the article."""
    for text in (
        "/article DTRB20240210P01N01",
        "/article Dtrb20240210p01n01",
        "/A_DTRB20240210P01N01",
        "/article /a_dtrb20240210p01n01",
    ):
        (reply,) = await bot.say(READER, text)
        assert "用好“关键一招”" in reply.params["text"], text
    (reply,) = await bot.say(READER, "/article NOSUCH")
    assert "没有找到文章 NOSUCH" in reply.params["text"]
    (reply,) = await bot.say(READER, "/a_")
    assert "用法：/article" in reply.params["text"]


async def test_a_typo_in_a_two_character_headline_fragment_is_forgiven(bot: Running) -> None:
    """/headline 古成 finds the article whose subtitle says 大同古城 (as /headline 古城 does)."""
    (reply,) = await bot.say(READER, "/headline 古成")
    assert "做好服务保障 守护浓浓年味" in reply.params["text"]
