"""WeChat's XML: callbacks parsed with defusedxml, replies built as WeChat expects them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

MAX_BYTES = 64 * 1024  # a callback is a few hundred bytes; anything larger is refused


class XmlError(ValueError):
    """A callback body that is not WeChat's flat ``<xml>`` message."""


def parse(body: bytes | str) -> dict[str, str]:
    """The children of the root ``<xml>`` as tag -> text (entities and DTDs refused)."""
    if len(body) > MAX_BYTES:
        raise XmlError("the body is too large")
    try:
        root = SafeET.fromstring(body)
    except (ET.ParseError, DefusedXmlException, ValueError) as e:
        raise XmlError(f"not well-formed XML ({type(e).__name__})") from None
    if root.tag != "xml":
        raise XmlError(f"the root element is <{root.tag[:20]}>, not <xml>")
    return {child.tag: (child.text or "").strip() for child in root}


@dataclass(frozen=True, slots=True)
class Inbound:
    """One message or event a follower sent the account."""

    to_user: str  # the account's own id (gh_…)
    from_user: str  # the follower's OpenID
    create_time: int
    msg_type: str  # text, image, voice, event…
    content: str = ""
    msg_id: str = ""
    event: str = ""  # subscribe, unsubscribe, CLICK, VIEW, SCAN, LOCATION…
    event_key: str = ""

    @property
    def dedup_key(self) -> str:
        """WeChat retries a callback three times: messages by MsgId, events by who + when."""
        if self.msg_id:
            return f"m:{self.msg_id}"
        return f"e:{self.from_user}:{self.create_time}:{self.event}"

    @classmethod
    def of(cls, fields: Mapping[str, str]) -> Inbound:
        who, kind = fields.get("FromUserName", ""), fields.get("MsgType", "")
        if not who or not kind:
            raise XmlError("FromUserName or MsgType is missing")
        try:
            created = int(fields.get("CreateTime") or 0)
        except ValueError:
            raise XmlError("CreateTime is not a number") from None
        return cls(
            to_user=fields.get("ToUserName", ""),
            from_user=who,
            create_time=created,
            msg_type=kind.lower(),
            content=fields.get("Content", ""),
            msg_id=fields.get("MsgId", ""),
            event=fields.get("Event", ""),
            event_key=fields.get("EventKey", ""),
        )


def cdata(text: str) -> str:
    """Text inside CDATA; a ``]]>`` in it is split across two sections."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


@dataclass(frozen=True, slots=True)
class NewsItem:
    """One 图文 item: a card with a title and a short description that opens ``url``."""

    title: str
    description: str
    url: str
    picurl: str = ""


def text_reply(to: Inbound, content: str, now: int) -> str:
    return _reply(to, now, "text", f"<Content>{cdata(content)}</Content>")


def news_reply(to: Inbound, item: NewsItem, now: int) -> str:
    body = (
        "<ArticleCount>1</ArticleCount><Articles><item>"
        f"<Title>{cdata(item.title)}</Title><Description>{cdata(item.description)}</Description>"
        f"<PicUrl>{cdata(item.picurl)}</PicUrl><Url>{cdata(item.url)}</Url>"
        "</item></Articles>"
    )
    return _reply(to, now, "news", body)


def _reply(to: Inbound, now: int, kind: str, body: str) -> str:
    return (
        f"<xml><ToUserName>{cdata(to.from_user)}</ToUserName>"
        f"<FromUserName>{cdata(to.to_user)}</FromUserName>"
        f"<CreateTime>{now}</CreateTime><MsgType>{cdata(kind)}</MsgType>{body}</xml>"
    )


def envelope(encrypted: str, signature: str, timestamp: str, nonce: str) -> str:
    """A safe-mode reply: the encrypted message with its msg_signature."""
    return (
        f"<xml><Encrypt>{cdata(encrypted)}</Encrypt>"
        f"<MsgSignature>{cdata(signature)}</MsgSignature>"
        f"<TimeStamp>{timestamp}</TimeStamp><Nonce>{cdata(nonce)}</Nonce></xml>"
    )
