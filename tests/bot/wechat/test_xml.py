"""Callback XML in, reply XML out."""

from __future__ import annotations

import pytest

from bot.wechat.xml import Inbound, NewsItem, XmlError, cdata, news_reply, parse, text_reply

TEXT = (
    "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o_reader]]>"
    "</FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType>"
    "<Content><![CDATA[搜索 非遗]]></Content><MsgId>123</MsgId></xml>"
)


def test_a_text_message_is_read() -> None:
    """Who sent what, and the MsgId that de-duplicates WeChat's retries."""
    msg = Inbound.of(parse(TEXT.encode()))
    assert (msg.from_user, msg.content, msg.msg_type) == ("o_reader", "搜索 非遗", "text")
    assert msg.dedup_key == "m:123"


def test_an_event_is_keyed_by_who_and_when() -> None:
    """Events have no MsgId: FromUserName + CreateTime tell a retry from a new click."""
    xml = TEXT.replace("<MsgId>123</MsgId>", "<Event>CLICK</Event><EventKey>TODAY</EventKey>")
    msg = Inbound.of(parse(xml))
    assert msg.event_key == "TODAY" and msg.dedup_key == "e:o_reader:1700000000:CLICK"


@pytest.mark.parametrize(
    "body",
    [
        b"<xml><unclosed></xml>",
        b"not xml at all",
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xml><C>&a;</C></xml>',
        b"<html><body/></html>",
        b"<xml>" + b"<C>x</C>" * 20000 + b"</xml>",
    ],
)
def test_malformed_or_hostile_xml_is_refused(body: bytes) -> None:
    """Broken XML, entity declarations, another root or an oversized body: XmlError."""
    with pytest.raises(XmlError):
        parse(body)


def test_a_message_without_sender_is_refused() -> None:
    with pytest.raises(XmlError, match="FromUserName"):
        Inbound.of(parse(b"<xml><MsgType>text</MsgType></xml>"))


def test_replies_escape_cdata_and_swap_sender() -> None:
    """The reply goes to the follower from the account; ']]>' in text cannot end CDATA."""
    msg = Inbound.of(parse(TEXT))
    fields = parse(text_reply(msg, "a]]>b <i>", 1700000001))
    assert fields["ToUserName"] == "o_reader" and fields["FromUserName"] == "gh_1"
    assert fields["Content"] == "a]]>b <i>"
    assert cdata("]]>") == "<![CDATA[]]]]><![CDATA[>]]>"


def test_a_news_reply_is_one_card() -> None:
    msg = Inbound.of(parse(TEXT))
    xml = news_reply(msg, NewsItem("标题", "摘要", "http://x/a/1"), 1)
    assert "<ArticleCount>1</ArticleCount>" in xml and "<Url><![CDATA[http://x/a/1]]></Url>" in xml
