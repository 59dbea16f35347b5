"""The callback server over loopback HTTP, called as WeChat's servers call it."""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest

from bot.wechat.xml import parse
from tests.bot.wechat.conftest import Running

READER = "o_reader_1"


def no_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    bad = [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    assert not bad, [r.getMessage() for r in bad]


async def test_the_console_url_check_echoes_back(wechat: Running) -> None:
    """GET with a good signature answers echostr: what the OA console checks on 提交."""
    response = await wechat.client.verify("echo-123")
    assert response.status_code == 200 and response.text == "echo-123"


async def test_a_bad_signature_is_refused_without_a_traceback(
    wechat: Running, caplog: pytest.LogCaptureFixture
) -> None:
    """A forged URL check or message gets 403, a log line, and no answer."""
    caplog.set_level(logging.INFO)
    assert (await wechat.client.verify("x", bad=True)).status_code == 403
    forged = await wechat.client.post(wechat.client.message_xml(READER, {}), bad=True)
    assert forged.status == 403 and "signature" in forged.text
    assert any("refused" in r.getMessage() for r in caplog.records)
    no_tracebacks(caplog)


@pytest.mark.parametrize(
    "body",
    [b"<xml><Content>unclosed", b"", b"<html/>", b"<!DOCTYPE x [<!ENTITY e 'e'>]><xml>&e;</xml>"],
)
async def test_malformed_xml_is_refused_without_a_traceback(
    wechat: Running, caplog: pytest.LogCaptureFixture, body: bytes
) -> None:
    """Broken, empty, foreign or entity-laden XML: 400 and a log line, nothing else."""
    answer = await wechat.client.post(body)
    assert answer.status == 400
    no_tracebacks(caplog)


async def test_safe_mode_garbage_is_refused(
    wechat: Running, caplog: pytest.LogCaptureFixture
) -> None:
    """An Encrypt that does not decrypt, or a wrong msg_signature, is refused."""
    xml = "<xml><Encrypt><![CDATA[bm90IHJlYWxseQ==]]></Encrypt></xml>"
    q = wechat.client.query()
    from tests.fake_wechat import _sign

    good = _sign(wechat.client.token, q["timestamp"], q["nonce"], "bm90IHJlYWxseQ==")
    for signature, status in ((good, 400), ("0" * 40, 403)):
        params = {**q, "encrypt_type": "aes", "msg_signature": signature}
        response = await wechat.client.http.post(wechat.client.url, params=params, content=xml)
        assert response.status_code == status
    no_tracebacks(caplog)


async def test_today_in_plaintext_mode(wechat: Running) -> None:
    """今日 answers with the digest, from the account to the follower."""
    answer = await wechat.client.text(READER, "今日")
    assert answer.fields["ToUserName"] == READER and answer.fields["MsgType"] == "text"
    assert "《大同日报》" in answer.fields["Content"]
    assert "2024年2月10日" in answer.fields["Content"]
    link = '<a href="https://news.example.cn/a/dtrb20240210p01n01">全文</a>'
    assert link in answer.fields["Content"]  # the /a_<id> after a title, as a link


async def test_search_in_safe_mode(wechat: Running) -> None:
    """An encrypted message gets an encrypted reply that wechatpy decrypts and verifies."""
    answer = await wechat.safe.text(READER, "搜索 非遗")
    assert "<Encrypt>" in answer.text and "非遗" not in answer.text
    assert "非遗文化绽放古都新春" in answer.fields["Content"]


async def test_compatible_mode_and_plaintext_with_a_key_set(wechat: Running) -> None:
    """Compatible mode (fields and Encrypt together) gets an encrypted answer; a plaintext
    request to a server with an AES key still gets a plaintext one."""
    xml = wechat.safe.message_xml(READER, {"MsgType": "text", "Content": "标题 古城", "MsgId": "9"})
    both = await wechat.safe.post(xml, compatible=True)
    assert "<Encrypt>" in both.text and "做好服务保障 守护浓浓年味" in both.fields["Content"]
    plain = await wechat.client.text(READER, "标题 古城")
    assert "做好服务保障 守护浓浓年味" in plain.fields["Content"]


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("版面", "第1版"),
        ("版面 要闻", "用好“关键一招”激发对接京津冀协同发展澎湃动能"),
        ("版面要闻", "用好“关键一招”激发对接京津冀协同发展澎湃动能"),
        ("标题", "做好服务保障 守护浓浓年味"),
        ("非遗", "非遗文化绽放古都新春"),
        ("/search 非遗", "非遗文化绽放古都新春"),
        ("搜索", "用法"),
        ("帮助", "搜索 关键词"),
        ("/nosuch", "没有这个命令"),
    ],
)
async def test_reader_commands_as_words(wechat: Running, typed: str, says: str) -> None:
    """The words of the menu and the Telegram commands give the Telegram answers."""
    answer = await wechat.client.text(READER, typed)
    assert says in answer.fields["Content"], answer.fields["Content"]


async def test_subscribe_and_unsubscribe(wechat: Running) -> None:
    """订阅 07:30 要闻 saves the subscription for this follower; 退订 removes it."""
    answer = await wechat.client.text(READER, "订阅 07:30 要闻")
    assert "07:30" in answer.fields["Content"]
    archive = wechat.channel.services.archive
    sub = archive.get_subscriber("wechat", READER)
    assert sub is not None and sub.push_time == "07:30" and sub.sections == ("要闻",)
    assert "07:30" in (await wechat.client.text(READER, "设置")).fields["Content"]
    await wechat.client.text(READER, "退订")
    assert archive.get_subscriber("wechat", READER) is None


async def test_a_number_opens_the_article_as_a_card_and_page(wechat: Running) -> None:
    """After a list, answering 2 gives one 图文 card; its link serves the article page."""
    await wechat.client.text(READER, "版面 要闻")
    card = await wechat.client.text(READER, "2")
    assert card.fields["MsgType"] == "news" and card.fields["ArticleCount"] == "1"
    answer = card.text.split("<Url><![CDATA[")[1].split("]]>")[0]
    assert answer.startswith("https://news.example.cn/a/")
    local = wechat.base_url + answer.removeprefix("https://news.example.cn")
    async with httpx.AsyncClient() as http:
        page = await http.get(local)
        missing = await http.get(wechat.base_url + "/a/nosuch1")
    assert page.status_code == 200 and "本报讯(记者 韩云峰)" in page.text
    assert missing.status_code == 404


async def test_a_retry_gets_the_same_reply_and_runs_once(wechat: Running) -> None:
    """WeChat's three retries of one MsgId: the same reply, the search counted once."""
    archive = wechat.channel.services.archive
    before = archive.stats().searches_today
    answers = [await wechat.client.text(READER, "搜索 非遗", msg_id="777") for _ in range(4)]
    assert len({a.fields["Content"] for a in answers}) == 1
    assert archive.stats().searches_today == before + 1
    assert wechat.api.sent("custom/send") == []


async def test_a_slow_answer_comes_once_as_a_customer_service_message(wechat: Running) -> None:
    """Past the passive-reply budget: "success" now, the answer once by custom/send,
    however often WeChat retries."""
    wechat.channel.server.budget_s = 0.0
    first = await wechat.client.text(READER, "搜索 非遗", msg_id="888")
    retries = [await wechat.client.text(READER, "搜索 非遗", msg_id="888") for _ in range(3)]
    assert first.text == "success" and all(r.text == "success" for r in retries)
    await wechat.api.await_for("custom/send")
    await asyncio.sleep(0.3)
    texts = wechat.api.texts_to(READER)
    assert len(texts) == 1 and "非遗文化绽放古都新春" in texts[0]


async def test_a_long_reply_sends_its_rest_after_the_passive_part(wechat: Running) -> None:
    """The digest is longer than one WeChat text: its first part now, the rest by
    custom/send right after, each part within WeChat's 2,048 bytes."""
    answer = await wechat.client.text(READER, "今日")
    sent = await wechat.api.await_for("custom/send", 2)
    parts = [answer.fields["Content"], *(c.body["text"]["content"] for c in sent)]
    assert "《大同日报》" in parts[0] and "非遗文化绽放古都新春" in "".join(parts)
    assert all(len(p.encode()) <= 2048 for p in parts)
    await asyncio.sleep(0.2)
    assert len(wechat.api.sent("custom/send")) == 2


async def test_a_retried_long_reply_sends_its_rest_once(wechat: Running) -> None:
    """Retries of a message whose answer had several parts: the parts after the first
    go out once, not once per retry."""
    answers = [await wechat.client.text(READER, "今日", msg_id="999") for _ in range(3)]
    assert len({a.fields["Content"] for a in answers}) == 1
    await wechat.api.await_for("custom/send", 2)
    await asyncio.sleep(0.3)
    assert len(wechat.api.sent("custom/send")) == 2


@pytest.mark.parametrize(
    "typed", ["/a_dtrb20240210p01n02", "/A_dtrb20240210p01n02", "全文 dtrb20240210p01n02"]
)
async def test_an_article_asked_by_id_is_a_card(wechat: Running, typed: str) -> None:
    """The Telegram deep link, any case, or 全文 <id>: the article's card."""
    card = await wechat.client.text(READER, typed)
    assert card.fields["MsgType"] == "news"
    assert "/a/dtrb20240210p01n02" in card.text


async def test_events_subscribe_click_and_unsubscribe(wechat: Running) -> None:
    """A new follower gets the welcome; a menu click answers; a retried click answers once;
    unfollowing stops the digest."""
    welcome = await wechat.client.event(READER, "subscribe")
    assert (
        "欢迎使用报童" in welcome.fields["Content"] and "搜索 关键词" in welcome.fields["Content"]
    )
    click = await wechat.client.event(READER, "CLICK", "TODAY", create_time=1700000100)
    again = await wechat.client.event(READER, "CLICK", "TODAY", create_time=1700000100)
    assert "《大同日报》" in click.fields["Content"] and again.fields == click.fields
    subscribed = await wechat.client.event(READER, "CLICK", "SUBSCRIBE")
    assert "订阅" in subscribed.fields["Content"]
    gone = await wechat.client.event(READER, "unsubscribe")
    assert gone.text == "success"
    sub = wechat.channel.services.archive.get_subscriber("wechat", READER)
    assert sub is not None and sub.state == "blocked"


async def test_a_picture_gets_a_hint(wechat: Running) -> None:
    answer = await wechat.client.post(
        wechat.client.message_xml(READER, {"MsgType": "image", "MsgId": "5"})
    )
    assert "只看得懂文字" in parse(answer.text)["Content"]
