"""An editor posts pages one by one, all named page.txt: none overwrites another."""

from __future__ import annotations

import re

from tests.e2e.conftest import ADMIN, READER, Running

# Pages as an editor might save them: no page number in the name or in the text.
PAGES = [
    [
        ("古城灯会今晚开幕", "本报讯 大同古城的灯会今晚开幕。市民在城墙下观灯，游客很多。"),
        ("刀削面大赛决出冠军", "本报讯 第十届刀削面大赛昨天落幕。三十名厨师同台竞技。"),
    ],
    [
        ("煤矿企业投资光伏电站", "本报讯 多家煤矿企业投资新能源项目。光伏电站今年并网发电。"),
        ("春运客流平稳有序", "本报讯 春运开始以来，大同站累计发送旅客十万人次。"),
    ],
    [("社区志愿者走访独居老人", "本报讯 春节前夕，社区志愿者走访独居老人，送去春联。")],
]


def _text(page: list[tuple[str, str]]) -> bytes:
    return ("\n\n".join(f"{t}\n\n{b}" for t, b in page) + "\n").encode()


async def _upload(bot: Running, content: bytes) -> str:
    mark = bot.api.mark()
    bot.api.send_document(ADMIN, content, "page.txt", caption="2024-03-05")
    (reply,) = await bot.api.await_for("sendMessage", chat_id=ADMIN, since=mark, timeout=30)
    return str(reply.params["text"])


async def test_pages_all_named_page_txt_are_merged_not_replaced(bot: Running) -> None:
    """Each upload adds a page in upload order and says so; the issue keeps all of them."""
    first = await _upload(bot, _text(PAGES[0]))
    assert "本次发布 1 个版面（第1版），共 2 篇" in first
    assert "替换" not in first and "按上传顺序记为第1版" in first
    second = await _upload(bot, _text(PAGES[1]))
    assert "第2版已加入此前发布的同一期" in second and "替换" not in second
    assert "这一期现在共 2 个版面、4 篇" in second and "按上传顺序记为第2版" in second
    third = await _upload(bot, _text(PAGES[2]))
    assert "这一期现在共 3 个版面、5 篇" in third
    (sections,) = await bot.say(READER, "/sections")
    assert re.findall(r"第(\d)版", sections.params["text"]) == ["1", "2", "3"]
    (today,) = await bot.say(READER, "/today")
    for page in PAGES:
        for title, _ in page:
            assert title in today.params["text"], title


async def test_the_same_page_posted_again_replaces_that_page(bot: Running) -> None:
    """Re-posting page 1 (unnumbered) replaces page 1 only, and the preview says which."""
    for page in PAGES[:2]:
        await _upload(bot, _text(page))
    again = await _upload(bot, _text(PAGES[0]))
    assert "替换了此前发布的第1版" in again and "已加入" not in again
    assert "这一期现在共 2 个版面、4 篇" in again
    assert "与此前发布的第1版相同" in again


async def test_a_chinese_preview_has_no_english_warnings(bot: Running) -> None:
    """The date and page-number notes come in the editor's language."""
    mark = bot.api.mark()
    bot.api.send_document(ADMIN, _text(PAGES[0]), "page.txt")  # no date anywhere
    (reply,) = await bot.api.await_for("sendMessage", chat_id=ADMIN, since=mark, timeout=30)
    text = str(reply.params["text"])
    assert "用了今天的日期" in text
    notes = text.split("请核对：", 1)[1].split("发送 /today", 1)[0]
    assert not re.search(r"[A-Za-z]{4,}", notes.replace("Asia/Shanghai", "")), notes
