"""Editors post issues by upload and manage them; readers are politely refused."""

from __future__ import annotations

import re
from pathlib import Path

from bot.services import Services
from bot.settings import load_settings
from digests.model import Subscriber
from tests.e2e.conftest import ADMIN, READER, Running

READERS = (5001, 5002, 5003)

MY_PAGE = """第1版 要闻

报童测试新闻标题

本报讯 这是一篇为测试写的文章。它讲述古城的新春灯会。游客很多，气氛热烈。

第二条测试新闻

本报讯 另一篇为测试写的文章，内容关于刀削面和非遗传承。
"""


async def _upload(bot: Running, user: int, content: bytes, name: str, **kw: object) -> str:
    mark = bot.api.mark()
    bot.api.send_document(user, content, name, **kw)  # type: ignore[arg-type]
    (reply,) = await bot.api.await_for("sendMessage", chat_id=user, since=mark, timeout=30)
    return str(reply.params["text"])


async def test_admin_upload_gives_a_preview(bot: Running, demo_page: Path) -> None:
    """An editor's .txt page is posted; the reply shows pages, count and headlines."""
    text = await _upload(bot, ADMIN, demo_page.read_bytes(), "datong-2024-02-10-p01.txt")
    assert "已发布《大同日报》2024-02-10" in text
    assert "本次发布 1 个版面（第1版），共 8 篇" in text and "做好服务保障 守护浓浓年味" in text
    assert any(c.method == "sendChatAction" for c in bot.api.calls)


async def test_admin_upload_of_a_new_date(bot: Running) -> None:
    """A page for another date (from the caption) becomes the latest issue."""
    text = await _upload(bot, ADMIN, MY_PAGE.encode(), "page1.txt", caption="2024-03-01")
    assert "2024-03-01" in text
    (today,) = await bot.say(READER, "/today")
    assert "2024年3月1日" in today.params["text"]


async def test_reader_upload_is_refused(bot: Running, demo_page: Path) -> None:
    """A reader's upload gets a polite refusal and nothing is stored."""
    text = await _upload(bot, READER, demo_page.read_bytes(), "p.txt")
    assert "只供本报编辑使用" in text
    assert not bot.api.calls_of("getFile")


async def test_bad_uploads_are_refused_with_the_accepted_kinds(bot: Running) -> None:
    """A .docx, a 20 MB file, an image and binary junk get a refusal naming kinds and limit."""
    text = await _upload(bot, ADMIN, b"PK\x03\x04junk", "issue.docx")
    assert ".docx" in text and ".txt" in text and ".pdf" in text and "20 MB" in text
    text = await _upload(bot, ADMIN, b"x", "big.txt", file_size=21 * 1024 * 1024)
    assert "太大" in text and "20 MB" in text
    mark = bot.api.mark()
    bot.api.send_photo(ADMIN, b"\xff\xd8\xff")
    (reply,) = await bot.api.await_for("sendMessage", chat_id=ADMIN, since=mark)
    assert "图片" in reply.params["text"] and ".txt" in reply.params["text"]
    text = await _upload(bot, ADMIN, bytes(range(256)) * 40, "junk.txt")
    assert "无法发布" in text and ".txt" in text
    text = await _upload(bot, ADMIN, b"PK\x03\x04junk", "issue.txt")  # a Word file renamed
    assert "issue.txt 是压缩包或 Word/Office 文档" in text
    english = re.findall(r"[A-Za-z]{4,}", text.replace("issue.txt", ""))
    assert english == ["Word", "Office"]  # the product names, no English sentence


async def test_issues_withdraw_restore_stats(bot: Running) -> None:
    """/issues lists, /withdraw hides from search reversibly, /stats counts; all audited."""
    (reply,) = await bot.say(ADMIN, "/issues")
    assert "2024-02-10" in reply.params["text"]
    (reply,) = await bot.say(ADMIN, "/withdraw dtrb20240210p01n04")
    assert "已撤下" in reply.params["text"]
    (reply,) = await bot.say(READER, "/search 非遗")
    assert "非遗文化绽放古都新春" not in reply.params["text"]
    (reply,) = await bot.say(READER, "/a_dtrb20240210p01n04")
    assert "没有找到文章" in reply.params["text"]
    (reply,) = await bot.say(ADMIN, "/restore dtrb20240210p01n04")
    assert "已恢复" in reply.params["text"]
    (reply,) = await bot.say(READER, "/search 非遗")
    assert "非遗文化绽放古都新春" in reply.params["text"]
    (reply,) = await bot.say(ADMIN, "/stats")
    assert "订阅" in reply.params["text"] and "今天的搜索：2" in reply.params["text"]
    (reply,) = await bot.say(ADMIN, "/withdraw nosuchid")
    assert "没有找到文章" in reply.params["text"]


async def test_readers_are_refused_editor_commands(bot: Running) -> None:
    """Every editor command politely refuses a reader."""
    for text in ("/issues", "/withdraw dtrb20240210p01n01", "/restore x", "/stats"):
        (reply,) = await bot.say(READER, text)
        assert "只供本报编辑使用" in reply.params["text"], text
    (reply,) = await bot.say(READER, "/a_dtrb20240210p01n01")
    assert "没有找到" not in reply.params["text"]  # nothing was withdrawn


async def test_admin_help_lists_editor_commands(bot: Running) -> None:
    (reply,) = await bot.say(ADMIN, "/help")
    assert "/withdraw" in reply.params["text"] and "/stats" in reply.params["text"]
    (reply,) = await bot.say(READER, "/help")
    assert "/withdraw" not in reply.params["text"]


async def test_admin_pdf_upload(bot: Running) -> None:
    """A page PDF is posted like a text page; an encrypted one is refused with the reason."""
    from tests.builders.pdfs import PdfBuilder
    from tests.digests.pdf.conftest import draw_theory_page

    pdf = PdfBuilder().page(draw_theory_page).build()
    text = await _upload(bot, ADMIN, pdf, "2024-02-10-p05.pdf", mime_type="application/pdf")
    assert "理论" in text and "让古城文脉在新时代延续" in text
    locked = PdfBuilder().page(draw_theory_page).build(user_password="x")
    text = await _upload(bot, ADMIN, locked, "locked.pdf", mime_type="application/pdf")
    assert "无法发布" in text and "密码" in text and "encrypted" not in text


async def test_editor_actions_are_audited(bot: Running) -> None:
    """Withdraw, restore, stats and refusals all land in the audit log with who did them."""
    from bot.services import Services
    from bot.settings import load_settings

    await bot.say(ADMIN, "/withdraw dtrb20240210p01n01")
    await bot.say(ADMIN, "/restore dtrb20240210p01n01")
    await bot.say(READER, "/stats")
    services = Services.open(load_settings())
    try:
        entries = [(e.actor, e.action, e.detail) for e in services.archive.audit_entries(10)]
    finally:
        services.close()
    assert (f"telegram:{ADMIN}", "withdraw", "dtrb20240210p01n01") in entries
    assert (f"telegram:{ADMIN}", "restore", "dtrb20240210p01n01") in entries
    assert (f"telegram:{READER}", "refused", "/stats") in entries


async def test_editors_preview_push_and_follow_a_push(bot: Running) -> None:
    """Editors preview, push and follow a push; anyone else is refused."""
    services = Services.open(load_settings())
    for chat in READERS:
        bot.api.user(chat)
        services.archive.save_subscriber(Subscriber("telegram", str(chat), push_time="23:59"))
    services.close()
    (refusal,) = await bot.say(READER, "/push now")
    assert "编辑" in refusal.params["text"]
    note, *digest = await bot.say(ADMIN, "/preview", count=2)
    assert "预览" in note.params["text"] and "《大同日报》" in digest[0].params["text"]
    (started,) = await bot.say(ADMIN, "/push now")
    assert "待发送" in started.params["text"]
    for chat in READERS:
        await bot.api.await_for("sendMessage", chat_id=chat, timeout=20)
    (status,) = await bot.say(ADMIN, "/pushstatus")
    assert f"已发送 {len(READERS)} · 待发送 0 · 失败 0 · 已屏蔽 0" in status.params["text"]
    (usage,) = await bot.say(ADMIN, "/push")
    assert "/push now" in usage.params["text"]
    (unknown,) = await bot.say(ADMIN, "/nosuchthing")
    assert "没有这个命令" in unknown.params["text"]
