"""The OA's callback server (aiohttp): URL verification, messages in every mode, articles.

``GET /wechat`` answers the console's URL check (``echostr`` when the signature holds);
``POST /wechat`` takes messages in plaintext, compatible or safe mode (``encrypt_type=aes``:
decrypted, and answered encrypted). Every answer is a passive reply within WeChat's 5 s, or
"success" and a customer-service message once the answer is ready. ``GET /a/<id>`` is the
article page a card opens. Bad signatures and bad XML are refused with a short status line
and an INFO log line, no traceback: they are expected from the open internet.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections.abc import Callable, Coroutine, Mapping
from typing import Any

from aiohttp import web

from bot.i18n import DEFAULT
from bot.wechat.api import WeChatApi, WeChatApiError
from bot.wechat.chat import Outgoing, WeChatChat
from bot.wechat.crypto import CryptoError, MessageCipher, sign, signed
from bot.wechat.dedup import Entry, Seen
from bot.wechat.page import article_page, missing_page
from bot.wechat.settings import WeChatSettings, aes_key
from bot.wechat.xml import Inbound, XmlError, envelope, news_reply, parse, text_reply
from digests.ids import from_command

PATH = "/wechat"
BUDGET_S = 4.0  # WeChat waits 5 s for the passive reply; keep a second for the network
_LOG = logging.getLogger(__name__)
_SUCCESS = "success"


class Refused(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


class WeChatServer:
    def __init__(
        self,
        settings: WeChatSettings,
        chat: WeChatChat,
        api: WeChatApi | None,
        *,
        budget_s: float = BUDGET_S,
        on_follower: Callable[[str], None] | None = None,
    ) -> None:
        self.settings = settings
        self.chat = chat
        self.api = api
        self.budget_s = budget_s
        self.on_follower = on_follower
        self.cipher = (
            MessageCipher(aes_key(settings.aes_key), settings.appid) if settings.aes_key else None
        )
        self.seen = Seen()
        self._tasks: set[asyncio.Task[None]] = set()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- life cycle ----------------------------------------------------------------------
    def web_app(self) -> web.Application:
        app = web.Application(client_max_size=64 * 1024)
        app.router.add_get(PATH, self.verify)
        app.router.add_post(PATH, self.callback)
        app.router.add_get("/a/{spelled}", self.article)
        return app

    async def start(self) -> None:
        host, port = self.settings.host_port
        self._runner = web.AppRunner(self.web_app(), access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port).start()
        self.port = int(self._runner.addresses[0][1])  # the real one when port 0 was asked
        _LOG.info("WeChat callback server on %s:%d%s", host, self.port, PATH)

    async def stop(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # -- handlers ------------------------------------------------------------------------
    async def verify(self, request: web.Request) -> web.Response:
        """The OA console's URL check: echo ``echostr`` back when the signature holds."""
        try:
            self._check_signature(request)
        except Refused as e:
            return _refuse(request, e)
        return web.Response(text=request.query.get("echostr", ""))

    async def callback(self, request: web.Request) -> web.Response:
        try:
            self._check_signature(request)
            msg, encrypted = self._inbound(request, await request.read())
        except Refused as e:
            return _refuse(request, e)
        if self.on_follower is not None:
            self.on_follower(msg.from_user)
        xml = await self.answer(msg)
        if not xml:
            return web.Response(text=_SUCCESS)
        if encrypted:
            xml = self._encrypt(xml)
        return web.Response(text=xml, content_type="application/xml")

    async def article(self, request: web.Request) -> web.Response:
        article_id = from_command(request.match_info["spelled"])
        archive = self.chat.responder.services.archive
        stored = await asyncio.to_thread(archive.get_article, article_id) if article_id else None
        # A link opened in a phone's browser says nothing of its reader: the default language.
        texts, lang = self.chat.responder.texts, DEFAULT
        if stored is None or stored.withdrawn:
            text = texts.t(lang, "wechat.page_missing")
            page = missing_page(text, lang)
            return web.Response(text=page, status=404, content_type="text/html")
        return web.Response(text=article_page(stored, texts, lang), content_type="text/html")

    # -- checks --------------------------------------------------------------------------
    def _check_signature(self, request: web.Request) -> None:
        q = request.query
        if not signed(q.get("signature", ""), self.settings.token, _ts(q), q.get("nonce", "")):
            raise Refused(403, "bad signature")

    def _inbound(self, request: web.Request, body: bytes) -> tuple[Inbound, bool]:
        q = request.query
        try:
            fields = parse(body)
            if q.get("encrypt_type", "raw").lower() != "aes":
                return Inbound.of(fields), False
            if self.cipher is None:
                raise Refused(400, "safe mode, but PAPERBOY_WECHAT_AES_KEY is not set")
            encrypted = fields.get("Encrypt", "")
            if not signed(
                q.get("msg_signature", ""),
                self.settings.token,
                _ts(q),
                q.get("nonce", ""),
                encrypted,
            ):
                raise Refused(403, "bad msg_signature")
            return Inbound.of(parse(self.cipher.decrypt(encrypted))), True
        except (XmlError, CryptoError) as e:
            raise Refused(400, str(e)) from None

    def _encrypt(self, xml: str) -> str:
        assert self.cipher is not None
        encrypted = self.cipher.encrypt(xml)
        timestamp, nonce = str(int(time.time())), secrets.token_hex(8)
        signature = sign(self.settings.token, timestamp, nonce, encrypted)
        return envelope(encrypted, signature, timestamp, nonce)

    # -- answering -----------------------------------------------------------------------
    async def answer(self, msg: Inbound) -> str:
        """The passive reply's XML, or "" for "success" (the answer follows, or there is none)."""
        entry = self.seen.get(msg.dedup_key)
        first = entry is None
        if entry is None:
            task = asyncio.get_running_loop().create_task(asyncio.to_thread(self.chat.answer, msg))
            entry = self.seen.add(msg.dedup_key, task)
        if entry.deferred:
            return ""  # a retry: the answer goes out as a customer-service message
        try:
            out = await asyncio.wait_for(asyncio.shield(entry.task), self.budget_s)
        except TimeoutError:
            entry.deferred = True
            self._later(self._follow_up(msg, entry))
            return ""
        if first and len(out.parts) > 1:
            self._later(self._follow_up(msg, entry))
        return _passive(msg, out)

    def _later(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _follow_up(self, msg: Inbound, entry: Entry) -> None:
        """Send what the passive reply did not carry, once per message."""
        if entry.followed_up:
            return
        entry.followed_up = True
        try:
            out = await entry.task
        except Exception:
            _LOG.exception("answering %s failed", msg.dedup_key)
            return
        parts = out.parts if entry.deferred else out.parts[1:]
        if self.api is None:
            _LOG.warning(
                "no WeChat API configured: %d part(s) to %s dropped", len(parts), msg.from_user
            )
            return
        try:
            if entry.deferred and out.news is not None:
                await self.api.send_news(msg.from_user, out.news)
            for part in parts:
                await self.api.send_text(msg.from_user, part)
        except WeChatApiError as e:
            _LOG.warning("customer-service message to %s not sent: %s", msg.from_user, e)
        except Exception as e:  # the network: the reader asks again
            _LOG.warning("customer-service message to %s not sent: %r", msg.from_user, e)


def _passive(msg: Inbound, out: Outgoing) -> str:
    now = int(time.time())
    if out.news is not None:
        return news_reply(msg, out.news, now)
    return text_reply(msg, out.parts[0], now) if out.parts else ""


def _ts(query: Mapping[str, str]) -> str:
    return query.get("timestamp", "")


def _refuse(request: web.Request, e: Refused) -> web.Response:
    _LOG.info("refused %s %s from %s: %s", request.method, request.path, request.remote, e)
    return web.Response(status=e.status, text=str(e))
