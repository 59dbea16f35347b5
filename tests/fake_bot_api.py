"""A fake Telegram Bot API server on 127.0.0.1 that behaves like the real one.

It serves ``/bot<token>/<method>`` and ``/file/bot<token>/<path>`` over real HTTP (h11 on
asyncio, in a thread of its own, so sync tests, async tests and a bot in a subprocess can all
use it). It keeps users, chats and the messages the bot sent, long-polls ``getUpdates`` with
``offset`` and ``timeout`` (or posts to a webhook with its secret token), validates texts,
HTML and callback data like Telegram and records every request with its time.

Tests and benchmarks inject faults with :meth:`FakeBotApi.add_hook` (any answer for any
call) or :meth:`FakeBotApi.fail` (the next N calls of a method fail with a code).

    with FakeBotApi() as api:
        uid = api.send_text(42, "/today")
        reply = api.wait_for("sendMessage", chat_id=42)
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

import h11

from tests.fake_bot_api_methods import MethodsMixin
from tests.fake_bot_checks import ApiError

Hook = Callable[["Call"], "ApiError | dict[str, Any] | None"]


@dataclass
class Call:
    """One request the bot made: method, decoded parameters, when, and the answer."""

    method: str
    params: dict[str, Any]
    at: float  # time.monotonic()
    status: int = 200
    response: dict[str, Any] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)

    @property
    def chat_id(self) -> int | None:
        raw = self.params.get("chat_id")
        try:
            return int(raw) if raw is not None else None
        except (TypeError, ValueError):
            return None

    @property
    def ok(self) -> bool:
        return bool(self.response.get("ok"))

    @property
    def result(self) -> Any:
        return self.response.get("result")


def _decode_value(raw: str) -> Any:
    """PTB sends every non-string parameter JSON-encoded inside form fields."""
    if raw[:1] in "[{" or raw in ("true", "false", "null") or raw.lstrip("-").isdigit():
        with contextlib.suppress(ValueError):
            return json.loads(raw)
    return raw


def decode_body(content_type: str, body: bytes) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Parameters and uploaded files of a request, whichever encoding the client chose."""
    ctype = content_type.split(";")[0].strip().lower()
    if not body:
        return {}, {}
    if ctype == "application/json":
        data = json.loads(body)
        return (data if isinstance(data, dict) else {}), {}
    if ctype == "multipart/form-data":
        msg = BytesParser(policy=HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
        )
        params: dict[str, Any] = {}
        files: dict[str, bytes] = {}
        for part in msg.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True) or b""
            if part.get_filename() is not None:
                files[str(name)] = payload
            else:
                params[str(name)] = _decode_value(payload.decode())
        return params, files
    pairs = urllib.parse.parse_qsl(body.decode(), keep_blank_values=True)
    return {k: _decode_value(v) for k, v in pairs}, {}


class FakeBotApi(MethodsMixin):
    """The server. Use as a context manager, or call :meth:`start` and :meth:`stop`."""

    def __init__(
        self,
        token: str = "123456:TEST-token_for-the-fake",
        *,
        port: int = 0,
        latency_s: float = 0.0,
        strict_chats: bool = True,
    ) -> None:
        self.token = token
        self.bot_id = int(token.split(":")[0])
        self.port = port
        self.latency_s = latency_s
        self.strict_chats = strict_chats
        self.calls: list[Call] = []
        self.hooks: list[Hook] = []
        self.served: dict[int, float] = {}  # update_id -> when getUpdates/webhook gave it out
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.webhook: dict[str, Any] = {}
        self._cond = threading.Condition()
        self._ids = itertools.count(1)
        self._update_ids = itertools.count(1)
        self._queue: list[dict[str, Any]] = []
        self._chats: dict[int, dict[str, Any]] = {}
        self._users: dict[int, dict[str, Any]] = {}
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._files: dict[str, tuple[str, bytes]] = {}  # file_id -> (file_path, content)
        self._sizes: dict[str, int] = {}  # file_id -> a claimed size bigger than the content
        self._callbacks: set[str] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.Server | None = None
        self._wakeup: asyncio.Event | None = None
        self._pollers = 0
        self._webhook_task: asyncio.Task[None] | None = None
        self._called: asyncio.Event | None = None  # set on every call when serving here

    # -- life cycle ----------------------------------------------------------------------
    def start(self) -> FakeBotApi:
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready,), daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("the fake Bot API server did not start")
        return self

    def stop(self) -> None:
        if self._loop and self._thread:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
        self._loop = None

    async def start_here(self) -> FakeBotApi:
        """Serve on the running loop instead of a thread of its own: the server then reads
        the loop's clock (a virtual one in tests/virtual_clock.py) and a request in flight
        is a socket the loop sees. Stop with :meth:`stop_here`; wait with :meth:`await_for`."""
        self._loop = asyncio.get_running_loop()
        self._wakeup = asyncio.Event()
        self._called = asyncio.Event()
        self._server = await asyncio.start_server(self._connection, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def stop_here(self) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 1.0)
        self._loop = None

    def __enter__(self) -> FakeBotApi:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _run(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._wakeup = asyncio.Event()
        self._server = loop.run_until_complete(
            asyncio.start_server(self._connection, "127.0.0.1", self.port)
        )
        self.port = self._server.sockets[0].getsockname()[1]
        ready.set()
        try:
            loop.run_forever()
        finally:
            self._server.close()
            for task in asyncio.all_tasks(loop):
                task.cancel()
            with contextlib.suppress(Exception):
                loop.run_until_complete(asyncio.sleep(0))
            loop.close()

    # -- HTTP ----------------------------------------------------------------------------
    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        sock = writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conn = h11.Connection(h11.SERVER)
        request: h11.Request | None = None
        body = bytearray()
        try:
            while True:
                event = conn.next_event()
                if event is h11.NEED_DATA:
                    conn.receive_data(await reader.read(65536))
                elif isinstance(event, h11.Request):
                    request, body = event, bytearray()
                elif isinstance(event, h11.Data):
                    body += event.data
                elif isinstance(event, h11.EndOfMessage) and request is not None:
                    status, ctype, payload = await self._respond(request, bytes(body))
                    headers = [("content-type", ctype), ("content-length", str(len(payload)))]
                    # One write: a header and body sent apart meet Nagle and delayed ACKs
                    # (40 ms per request on loopback).
                    out = conn.send(h11.Response(status_code=status, headers=headers)) or b""
                    out += conn.send(h11.Data(data=payload)) or b""
                    out += conn.send(h11.EndOfMessage()) or b""
                    writer.write(out)
                    await writer.drain()
                    if conn.our_state is h11.MUST_CLOSE:
                        break
                    conn.start_next_cycle()
                else:
                    break
        except (h11.RemoteProtocolError, ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def _respond(self, request: h11.Request, body: bytes) -> tuple[int, str, bytes]:
        path = urllib.parse.unquote(request.target.decode().split("?")[0])
        file_prefix = f"/file/bot{self.token}/"
        if path.startswith(file_prefix):
            return self._download(path[len(file_prefix) :])
        prefix = f"/bot{self.token}/"
        if not path.startswith(prefix):
            if path.startswith("/bot"):
                return _json(401, ApiError(401, "Unauthorized").body())
            return _json(404, ApiError(404, "Not Found").body())
        headers = {k.decode().lower(): v.decode() for k, v in request.headers}
        query = urllib.parse.parse_qsl(request.target.decode().partition("?")[2])
        params, files = decode_body(headers.get("content-type", ""), body)
        params.update({k: _decode_value(v) for k, v in query})
        call = Call(path[len(prefix) :], params, self.now(), files=files)
        if self.latency_s:
            await asyncio.sleep(self.latency_s)
        answer = await self._answer(call)
        call.status = answer.get("error_code", 200) if not answer.get("ok") else 200
        call.response = answer
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()
        if self._called is not None:
            self._called.set()
        return _json(call.status, answer)

    def now(self) -> float:
        """The server's clock: its loop's (``time.monotonic()`` unless it serves a virtual
        loop)."""
        return self._loop.time() if self._loop is not None else time.monotonic()

    async def _answer(self, call: Call) -> dict[str, Any]:
        try:
            for hook in list(self.hooks):
                injected = hook(call)
                if isinstance(injected, ApiError):
                    raise injected
                if injected is not None:
                    return injected
            handler = getattr(self, "m_" + call.method.lower(), None)
            if handler is None:
                raise ApiError(404, "Not Found")
            result = handler(call.params, call.files)
            if asyncio.iscoroutine(result):
                result = await result
            return {"ok": True, "result": result}
        except ApiError as e:
            return e.body()

    def _download(self, file_path: str) -> tuple[int, str, bytes]:
        for path, content in self._files.values():
            if path == file_path:
                return 200, "application/octet-stream", content
        return _json(404, ApiError(404, "Not Found").body())

    # -- faults --------------------------------------------------------------------------
    def add_hook(self, hook: Hook) -> Hook:
        """Run ``hook`` on every call first; an ApiError or answer dict it returns wins."""
        self.hooks.append(hook)
        return hook

    def fail(
        self,
        method: str,
        code: int,
        description: str = "",
        *,
        times: int = 1,
        retry_after: int | None = None,
        chat_id: int | None = None,
    ) -> Hook:
        """The next ``times`` calls of ``method`` (for ``chat_id``, if given) fail with ``code``."""
        left = [times]
        text = description or {
            403: "Forbidden: bot was blocked by the user",
            429: f"Too Many Requests: retry after {retry_after or 1}",
            500: "Internal Server Error",
            502: "Bad Gateway",
        }.get(code, "Bad Request: injected")

        def hook(call: Call) -> ApiError | None:
            if call.method.lower() != method.lower() or left[0] <= 0:
                return None
            if chat_id is not None and call.chat_id != chat_id:
                return None
            left[0] -= 1
            return ApiError(code, text, retry_after=retry_after)

        return self.add_hook(hook)

    # -- what happened -------------------------------------------------------------------
    def calls_of(self, method: str, *, chat_id: int | None = None, since: int = 0) -> list[Call]:
        with self._cond:
            calls = self.calls[since:]
        return [
            c
            for c in calls
            if c.method.lower() == method.lower() and (chat_id is None or c.chat_id == chat_id)
        ]

    def mark(self) -> int:
        """An index into :attr:`calls`: pass it as ``since`` to see only later calls."""
        with self._cond:
            return len(self.calls)

    def wait_for(
        self,
        method: str,
        *,
        chat_id: int | None = None,
        since: int = 0,
        count: int = 1,
        timeout: float = 10.0,
        predicate: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Block until ``count`` matching calls were made after ``since``; the calls."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [
                    c
                    for c in self.calls[since:]
                    if c.method.lower() == method.lower()
                    and (chat_id is None or c.chat_id == chat_id)
                    and (predicate is None or predicate(c))
                ]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [c.method for c in self.calls[since:]]
                    raise TimeoutError(f"no {count}x {method} for chat {chat_id}; saw {seen}")
                self._cond.wait(left)

    async def await_for(self, method: str, **kwargs: Any) -> list[Call]:
        """:meth:`wait_for` for async tests, without blocking their event loop."""
        if self._called is None:
            return await asyncio.to_thread(self.wait_for, method, **kwargs)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + kwargs.pop("timeout", 10.0)
        while True:
            self._called.clear()
            try:
                return self.wait_for(method, **kwargs, timeout=0)
            except TimeoutError:
                if loop.time() >= deadline:
                    raise
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._called.wait(), deadline - loop.time())


def _json(status: int, body: dict[str, Any]) -> tuple[int, str, bytes]:
    return status, "application/json", json.dumps(body, ensure_ascii=False).encode()


if __name__ == "__main__":  # a standalone server for a bot in another process
    import argparse

    parser = argparse.ArgumentParser(description="Run the fake Bot API server.")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default="123456:TEST-token_for-the-fake")
    args = parser.parse_args()
    with FakeBotApi(args.token, port=args.port, strict_chats=False) as api:
        print(f"fake Bot API on {api.base_url}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
