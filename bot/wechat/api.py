"""The WeChat API the channel calls: access token, customer-service and mass messages.

One :class:`AccessToken` per account fetches the token and fetches a new one before it
expires (WeChat's last for 7,200 s and each fetch counts against a daily quota, so every
call shares it). A call answered 40001/42001 (token invalid or expired, e.g. fetched
again elsewhere) gets a fresh token once and is tried again. Other errcodes raise
:class:`WeChatApiError` for the caller to act on: 45015 out of the 48-hour window, 45047
customer-service quota for that follower, 45009 the account's daily API quota.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from typing import Any

import httpx

from bot.wechat.settings import WeChatSettings
from bot.wechat.xml import NewsItem

OUT_OF_WINDOW = 45015
CS_QUOTA = 45047
API_QUOTA = 45009
CLIENTMSGID_USED = 45065  # a mass send with this clientmsgid went out already
TOKEN_INVALID = frozenset({40001, 40014, 42001})
FOLLOWER_GONE = frozenset({40003, 43004})  # not an OpenID of ours / unfollowed
REFRESH_MARGIN_S = 300.0  # fetch a new token this long before the old one expires


class WeChatApiError(Exception):
    def __init__(self, errcode: int, errmsg: str, body: dict[str, Any] | None = None) -> None:
        super().__init__(f"WeChat API error {errcode}: {errmsg}")
        self.errcode = errcode
        self.errmsg = errmsg
        self.body = body or {}


class AccessToken:
    """The account's access token, fetched once and refreshed before it expires."""

    def __init__(
        self, settings: WeChatSettings, client: httpx.AsyncClient, clock: Callable[[], float]
    ) -> None:
        self._settings = settings
        self._client = client
        self._clock = clock
        self._token = ""
        self._expires = 0.0
        self._lock = asyncio.Lock()
        self.fetches = 0

    async def get(self) -> str:
        if self._token and self._clock() < self._expires - REFRESH_MARGIN_S:
            return self._token
        async with self._lock:  # callers waiting here take the token one fetch brought
            if self._token and self._clock() < self._expires - REFRESH_MARGIN_S:
                return self._token
            await self._fetch()
            return self._token

    async def renew(self, stale: str) -> str:
        """A new token after the API refused ``stale`` (once, however many callers ask)."""
        async with self._lock:
            if self._token != stale and self._token:
                return self._token
            await self._fetch()
            return self._token

    async def _fetch(self) -> None:
        s = self._settings
        params = {"grant_type": "client_credential", "appid": s.appid, "secret": s.secret}
        response = await self._client.get(f"{s.api_base}/cgi-bin/token", params=params)
        body = _body(response)
        token = str(body.get("access_token") or "")
        if not token:
            raise WeChatApiError(
                int(body.get("errcode") or -1),
                f"no access token: {body.get('errmsg', '')} (check PAPERBOY_WECHAT_APPID, "
                "PAPERBOY_WECHAT_SECRET and the OA's IP whitelist)",
                body,
            )
        self.fetches += 1
        self._token = token
        self._expires = self._clock() + float(body.get("expires_in") or 7200)


def _body(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        raise WeChatApiError(-1, f"HTTP {response.status_code}, not JSON") from None
    if not isinstance(body, dict):
        raise WeChatApiError(-1, "the answer is not a JSON object")
    return body


class WeChatApi:
    """The calls the channel makes; start with ``async with`` or call :meth:`aclose`."""

    def __init__(
        self,
        settings: WeChatSettings,
        client: httpx.AsyncClient | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self._client = client or httpx.AsyncClient(timeout=httpx.Timeout(10.0, connect=5.0))
        self.token = AccessToken(settings, self._client, clock)

    async def __aenter__(self) -> WeChatApi:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def call(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        """POST JSON to ``/cgi-bin/<path>``; a refused token is renewed once."""
        token = await self.token.get()
        for attempt in (1, 2):
            response = await self._client.post(
                f"{self.settings.api_base}/cgi-bin/{path}",
                params={"access_token": token},
                # WeChat shows \\uXXXX escapes literally: send the characters themselves.
                content=json.dumps(payload, ensure_ascii=False).encode(),
                headers={"Content-Type": "application/json; charset=utf-8"},
            )
            body = _body(response)
            code = int(body.get("errcode") or 0)
            if code in TOKEN_INVALID and attempt == 1:
                token = await self.token.renew(token)
                continue
            if code:
                raise WeChatApiError(code, str(body.get("errmsg", "")), body)
            return body
        raise AssertionError("unreachable")

    async def send_text(self, openid: str, content: str) -> None:
        """A customer-service text (only inside 48 hours of the follower's last message)."""
        payload = {"touser": openid, "msgtype": "text", "text": {"content": content}}
        await self.call("message/custom/send", payload)

    async def send_news(self, openid: str, item: NewsItem) -> None:
        article = {"title": item.title, "description": item.description, "url": item.url}
        if item.picurl:
            article["picurl"] = item.picurl
        payload = {"touser": openid, "msgtype": "news", "news": {"articles": [article]}}
        await self.call("message/custom/send", payload)

    async def mass_to_all(self, content: str, clientmsgid: str) -> int:
        """A text to every follower (a subscription account's one a day); its msg_id."""
        payload = {
            "filter": {"is_to_all": True},
            "msgtype": "text",
            "text": {"content": content},
            "clientmsgid": clientmsgid,
            "send_ignore_reprint": 0,
        }
        return await self._mass("message/mass/sendall", payload)

    async def mass_to(self, openids: list[str], content: str, clientmsgid: str) -> int:
        """A text to these followers (service accounts: four a month each); its msg_id."""
        payload = {
            "touser": openids,
            "msgtype": "text",
            "text": {"content": content},
            "clientmsgid": clientmsgid,
        }
        return await self._mass("message/mass/send", payload)

    async def _mass(self, path: str, payload: dict[str, Any]) -> int:
        try:
            body = await self.call(path, payload)
        except WeChatApiError as e:
            if e.errcode == CLIENTMSGID_USED and e.body.get("msg_id"):
                return int(e.body["msg_id"])  # sent before (a restart): the same message
            raise
        return int(body.get("msg_id") or 0)
