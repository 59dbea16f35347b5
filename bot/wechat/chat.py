"""One follower's message in, what the account answers out: the Responder over WeChat.

The reply text is the terminal channel's (:func:`bot.console.keyed_text`): buttons become
``[1]`` or ``[a] 下一页`` lines and a follower answers with that number or letter. A full
article is one 图文 card that opens the article page; a reply too long for one WeChat
message is cut into parts, the first answered at once and the rest sent after it.
"""

from __future__ import annotations

import collections
import logging
import re
import uuid
from dataclasses import dataclass, field

from bot import callbacks as cb
from bot.console import keyed_text
from bot.render import line, pack
from bot.replies import DEEP_LINK_PREFIX, Responder
from bot.replies.base import Button, Reply, Who
from bot.wechat.words import command_for, menu_command
from bot.wechat.xml import Inbound, NewsItem
from digests.ids import from_command, to_command

CHANNEL = "wechat"
PART_UNITS = 600  # UTF-16 units: at most 1,800 bytes, under WeChat's 2,048 per text
SESSIONS = 10_000  # followers whose last reply's keys are remembered
_LOG = logging.getLogger(__name__)
_COMMAND = re.compile(r"(?<![\w/])/a_([A-Za-z0-9_]+)")


@dataclass(frozen=True, slots=True)
class Outgoing:
    """What to send back: text parts (the first as the passive reply) or one card."""

    parts: tuple[str, ...] = ()
    news: NewsItem | None = None


def linkify(text: str, link_base: str, label: str) -> str:
    """Each ``/a_<id>`` of a text as a link to the article page: WeChat shows an
    ``<a href>`` in a text message as a link a reader taps (typing the command still works)."""
    return _COMMAND.sub(lambda m: f'<a href="{link_base}/a/{m[1]}">{label}</a>', text)


def split_text(text: str, limit: int = PART_UNITS) -> tuple[str, ...]:
    """Cut text into WeChat-sized parts between lines (a long line at sentences)."""
    chunks = [line(t) for t in text.strip().split("\n")]
    return tuple(p.text.strip() for p in pack(chunks, limit=limit) if p.text.strip())


@dataclass(slots=True)
class _Session:
    keys: dict[str, Button] = field(default_factory=dict)
    last_text: str = ""


class WeChatChat:
    """Answers followers of one account; synchronous (run it off the event loop)."""

    def __init__(self, responder: Responder, link_base: str) -> None:
        self.responder = responder
        self.link_base = link_base.rstrip("/")
        self._sessions: collections.OrderedDict[str, _Session] = collections.OrderedDict()

    def who(self, openid: str) -> Who:
        return self.responder.who(CHANNEL, openid, None, None)

    def article_url(self, article_id: str) -> str:
        return f"{self.link_base}/a/{to_command(article_id)}"

    def answer(self, msg: Inbound) -> Outgoing:
        """The answer to a message or event; an unexpected failure gets an apology."""
        who = self.who(msg.from_user)
        try:
            return self._answer(who, msg)
        except Exception:
            incident = uuid.uuid4().hex[:8]
            _LOG.exception("incident %s while answering %s", incident, msg.dedup_key)
            return Outgoing(
                (self.responder.texts.t(who.language, "errors.apology", incident=incident),)
            )

    def _answer(self, who: Who, msg: Inbound) -> Outgoing:
        if msg.msg_type == "event":
            return self._event(who, msg)
        ok, note = self.responder.guard(who)
        if not ok:
            return self._text(who, note) if note else Outgoing()
        if msg.msg_type != "text":
            return Outgoing((self.responder.texts.t(who.language, "wechat.only_text"),))
        return self.typed(who, msg.content)

    def _event(self, who: Who, msg: Inbound) -> Outgoing:
        event = msg.event.lower()
        if event == "subscribe":  # a new follower: the welcome, with the words to use
            return self._text(who, self.responder.text(who, "/start"), guide=True)
        if event == "unsubscribe":  # an unfollow: no more digests, preferences kept
            archive = self.responder.services.archive
            if archive.get_subscriber(CHANNEL, who.chat_id) is not None:
                archive.set_subscriber_state(CHANNEL, who.chat_id, "blocked")
            return Outgoing()
        if event == "click":
            command = menu_command(msg.event_key)
            return self.typed(who, command) if command else Outgoing()
        return Outgoing()  # VIEW, SCAN, LOCATION, job reports: nothing to say

    def typed(self, who: Who, text: str) -> Outgoing:
        """A line the follower typed (or a menu click spelled as one)."""
        session = self._session(who.chat_id)
        key = text.strip().lower()
        pressed = session.keys.get(key)
        if pressed is not None:
            value = cb.decode(pressed.data, session.last_text)
            if isinstance(value, cb.FullText):
                return self.article(who, value.article_id)
            return self._text(who, self.responder.callback(who, pressed.data, session.last_text))
        command = command_for(text)
        name, _, args = command.partition(" ")
        if name.lower().startswith("/" + DEEP_LINK_PREFIX):
            spelled = from_command(name[1 + len(DEEP_LINK_PREFIX) :])
            if spelled:
                return self.article(who, spelled)
        if name == "/article" and args.strip():
            return self.article(who, args.strip())
        reply = self.responder.text(who, command)
        return self._text(who, reply, guide=name == "/help")

    def article(self, who: Who, article_id: str) -> Outgoing:
        """One card opening the article page; the Responder's "no such article" otherwise."""
        stored = self.responder.services.archive.get_article(article_id)
        if stored is None or stored.withdrawn:
            return self._text(who, self.responder.text(who, f"/article {article_id}"))
        a = stored.article
        title = a.title or a.kicker or a.subtitle or a.id
        description = a.summary or (a.paragraphs[0][:120] if a.paragraphs else "")
        return Outgoing(news=NewsItem(title, description, self.article_url(a.id)))

    def _text(self, who: Who, reply: Reply, *, guide: bool = False) -> Outgoing:
        text, keys = keyed_text(reply)
        if reply.messages:
            session = self._session(who.chat_id)
            session.keys, session.last_text = keys, reply.messages[-1].text
        texts = self.responder.texts
        if guide:
            text = f"{text.rstrip()}\n\n{texts.t(who.language, 'wechat.guide')}"
        label = texts.t(who.language, "wechat.read")
        return Outgoing(split_text(linkify(text, self.link_base, label)))

    def _session(self, openid: str) -> _Session:
        session = self._sessions.pop(openid, None) or _Session()
        self._sessions[openid] = session
        while len(self._sessions) > SESSIONS:
            self._sessions.popitem(last=False)
        return session
