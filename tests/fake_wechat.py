"""WeChat's side of the channel, on loopback: a fake API server and a fake callback client.

:class:`FakeWeChatApi` answers ``/cgi-bin/token``, ``message/custom/send``,
``message/mass/sendall`` and ``message/mass/send`` like WeChat (a token that lasts
``expires_in``, 40001 for any other token, 45065 for a clientmsgid used before) and takes
injected errcodes with :meth:`FakeWeChatApi.fail`. It runs an aiohttp server in a thread
of its own, so sync code, async tests and a bot in a subprocess can all use it.

:class:`FakeWeChatClient` is WeChat's servers calling the account's callback URL: it signs
every request, and in safe mode encrypts it with wechatpy (an independent implementation)
and decrypts the reply with it.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
from aiohttp import web
from wechatpy.crypto import WeChatCrypto

from bot.wechat.xml import cdata, parse


@dataclass
class ApiCall:
    path: str
    body: dict[str, Any]
    token: str
    raw: bytes = b""
    at: float = field(default_factory=time.monotonic)


class FakeWeChatApi:
    def __init__(self, expires_in: int = 7200) -> None:
        self.expires_in = expires_in
        self.calls: list[ApiCall] = []
        self.tokens_issued = 0
        self.token = ""
        self._faults: dict[str, list[int]] = {}
        self._clientmsgids: dict[str, int] = {}
        self._msg_ids = itertools.count(1000000001)
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    # -- life cycle ----------------------------------------------------------------------
    def __enter__(self) -> FakeWeChatApi:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_get("/cgi-bin/token", self._token)
        app.router.add_post("/cgi-bin/message/{kind:.+}", self._message)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.base_url = f"http://127.0.0.1:{self._runner.addresses[0][1]}"

    # -- what tests do -------------------------------------------------------------------
    def fail(self, path: str, errcode: int, times: int = 1) -> None:
        """The next ``times`` calls of ``path`` (e.g. "custom/send") answer ``errcode``."""
        with self._lock:
            self._faults.setdefault(path, []).extend([errcode] * times)

    def expire_token(self) -> None:
        """The token given out stops working (as after a fetch elsewhere): 42001."""
        with self._lock:
            self.token = "expired"

    def sent(self, path: str) -> list[ApiCall]:
        with self._lock:
            return [c for c in self.calls if c.path == path]

    def texts_to(self, openid: str) -> list[str]:
        return [
            c.body["text"]["content"]
            for c in self.sent("custom/send")
            if c.body.get("touser") == openid and c.body.get("msgtype") == "text"
        ]

    async def await_for(self, path: str, count: int = 1, timeout: float = 10.0) -> list[ApiCall]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.sent(path)
            if len(found) >= count:
                return found
            await asyncio.sleep(0.02)
        raise AssertionError(f"{count} call(s) of {path} expected, got {self.sent(path)}")

    # -- the server ----------------------------------------------------------------------
    async def _token(self, request: web.Request) -> web.Response:
        if request.query.get("grant_type") != "client_credential":
            return web.json_response({"errcode": 40002, "errmsg": "invalid grant_type"})
        if request.query.get("secret") != "s3cret":
            return web.json_response({"errcode": 40125, "errmsg": "invalid appsecret"})
        with self._lock:
            self.tokens_issued += 1
            self.token = f"token-{self.tokens_issued}"
            return web.json_response({"access_token": self.token, "expires_in": self.expires_in})

    async def _message(self, request: web.Request) -> web.Response:
        path = request.match_info["kind"]
        raw = await request.read()
        body = json.loads(raw.decode("utf-8"))
        token = request.query.get("access_token", "")
        with self._lock:
            if token != self.token:
                code = 42001 if self.token == "expired" else 40001
                return web.json_response({"errcode": code, "errmsg": "access_token invalid"})
            self.calls.append(ApiCall(path, body, token, raw))
            faults = self._faults.get(path)
            if faults:
                return web.json_response({"errcode": faults.pop(0), "errmsg": "injected"})
            if path.startswith("mass/"):
                cid = body.get("clientmsgid", "")
                if cid in self._clientmsgids:
                    msg_id = self._clientmsgids[cid]
                    return web.json_response(
                        {"errcode": 45065, "errmsg": "clientmsgid exist", "msg_id": msg_id}
                    )
                msg_id = self._clientmsgids[cid] = next(self._msg_ids)
                return web.json_response(
                    {"errcode": 0, "errmsg": "send job submission success", "msg_id": msg_id}
                )
        return web.json_response({"errcode": 0, "errmsg": "ok"})


def _sign(*parts: str) -> str:
    return hashlib.sha1("".join(sorted(parts)).encode()).hexdigest()


@dataclass
class Answer:
    status: int
    text: str  # the raw body ("success", an error line or XML)
    fields: dict[str, str] = field(default_factory=dict)  # the (decrypted) reply's fields


class FakeWeChatClient:
    """Calls the callback URL as WeChat's servers do."""

    def __init__(
        self,
        base_url: str,
        token: str,
        appid: str = "",
        aes_key: str = "",
        account: str = "gh_paperboy",
    ) -> None:
        self.url = base_url.rstrip("/") + "/wechat"
        self.token = token
        self.account = account
        self.crypto = WeChatCrypto(token, aes_key, appid) if aes_key else None
        self._ids = itertools.count(int(time.time() * 1000))
        self.http = httpx.AsyncClient(timeout=10)

    async def aclose(self) -> None:
        await self.http.aclose()

    def query(
        self, *, timestamp: str | None = None, nonce: str = "n0nce", bad: bool = False
    ) -> dict[str, str]:
        ts = timestamp or str(int(time.time()))
        signature = _sign(self.token, ts, nonce)
        return {"signature": "0" * 40 if bad else signature, "timestamp": ts, "nonce": nonce}

    async def verify(self, echostr: str, *, bad: bool = False) -> httpx.Response:
        return await self.http.get(self.url, params={**self.query(bad=bad), "echostr": echostr})

    def message_xml(
        self, openid: str, fields: dict[str, str], create_time: int | None = None
    ) -> str:
        parts = [
            f"<ToUserName>{cdata(self.account)}</ToUserName>",
            f"<FromUserName>{cdata(openid)}</FromUserName>",
            f"<CreateTime>{create_time or int(time.time())}</CreateTime>",
        ]
        parts += [f"<{k}>{cdata(v)}</{k}>" for k, v in fields.items()]
        return "<xml>" + "".join(parts) + "</xml>"

    async def text(
        self, openid: str, content: str, *, msg_id: str | None = None, safe: bool | None = None
    ) -> Answer:
        fields = {"MsgType": "text", "Content": content, "MsgId": msg_id or str(next(self._ids))}
        return await self.post(self.message_xml(openid, fields), safe=safe)

    async def event(
        self,
        openid: str,
        event: str,
        key: str = "",
        *,
        create_time: int | None = None,
        safe: bool | None = None,
    ) -> Answer:
        fields = {"MsgType": "event", "Event": event}
        if key:
            fields["EventKey"] = key
        return await self.post(self.message_xml(openid, fields, create_time), safe=safe)

    async def post(
        self,
        xml: str | bytes,
        *,
        safe: bool | None = None,
        compatible: bool = False,
        bad: bool = False,
        params: dict[str, str] | None = None,
    ) -> Answer:
        query = self.query(bad=bad)
        body: str | bytes = xml
        safe = self.crypto is not None if safe is None else safe
        if safe:
            assert self.crypto is not None
            nonce, ts = query["nonce"], query["timestamp"]
            wrapped = self.crypto.encrypt_message(
                xml if isinstance(xml, str) else xml.decode(), nonce, ts
            )
            encrypted = parse(wrapped)["Encrypt"]
            query |= {
                "encrypt_type": "aes",
                "msg_signature": _sign(self.token, ts, nonce, encrypted),
            }
            plain = xml if isinstance(xml, str) else xml.decode()
            # Compatible mode sends the message both ways: its fields and Encrypt.
            inner = (
                plain.removeprefix("<xml>").removesuffix("</xml>")
                if compatible
                else (f"<ToUserName>{cdata(self.account)}</ToUserName>")
            )
            body = f"<xml>{inner}<Encrypt>{cdata(encrypted)}</Encrypt></xml>"
        response = await self.http.post(self.url, params=query | (params or {}), content=body)
        text = response.text
        fields: dict[str, str] = {}
        if response.status_code == 200 and text.startswith("<xml>"):
            fields = parse(text)
            if safe:
                assert self.crypto is not None
                inner = self.crypto.decrypt_message(
                    text, fields["MsgSignature"], fields["TimeStamp"], fields["Nonce"]
                )
                fields = parse(inner)
        return Answer(response.status_code, text, fields)
