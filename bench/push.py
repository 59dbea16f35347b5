"""Push benchmark: the real engine, PTB, limiter, aiohttp and SQLite ledger against a fake
Bot API server on loopback, running in a process of its own so its CPU is not counted.

    .venv/bin/python bench/push.py                # all three runs below
    .venv/bin/python bench/push.py --only paid    # one of: unlimited, paid, default

* unlimited: 10,000 subscribers, no rate limit: messages/s and the bot's CPU per 1,000;
* paid: 10,000 subscribers at 1,000 msg/s (paid broadcast): achieved rate and CPU;
* default: subscribers at the default 25 msg/s: achieved rate, the most requests the server
  saw in any one second, and the shortest gap between two sends to one chat.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import itertools
import json
import multiprocessing as mp
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from bot.i18n import Messages
from bot.push.engine import EngineOptions, PushEngine, concurrency_for
from bot.push.limiter import PushRateLimiter
from bot.push.render import telegram_parts
from bot.push.request import AiohttpRequest
from bot.settings import config_dir
from digests.archive import open_archive
from digests.digest import DigestOptions, build_digest
from digests.model import Article, Issue, Page, Subscriber

TOKEN = "123456:BENCH-token"
DATE = dt.date(2024, 2, 10)
KEY = f"大同日报/{DATE:%Y-%m-%d}"
_LENGTH = re.compile(rb"(?i)content-length:\s*(\d+)")
_CHAT = re.compile(rb"(?:^|&)chat_id=(-?\d+)")


class CharWords:
    def cut(self, text: str) -> list[str]:
        return [c for c in text if not c.isspace()]

    def search_words(self, words: Any) -> list[str]:
        return list(words)


class _Http(asyncio.Protocol):
    """HTTP/1.1 with keep-alive, just enough for PTB: the bench must not be server-bound."""

    def __init__(self, seen: list[tuple[float, int]]) -> None:
        self.seen = seen
        self.buffer = b""
        self.transport: Any = None

    def connection_made(self, transport: Any) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(b"\r\n\r\n")) >= 0:
            head = self.buffer[:end]
            length = _LENGTH.search(head)
            size = int(length.group(1)) if length else 0
            if len(self.buffer) < end + 4 + size:
                return
            body = self.buffer[end + 4 : end + 4 + size]
            self.buffer = self.buffer[end + 4 + size :]
            self.transport.write(self.answer(head.split(b" ", 2)[1], body))

    def answer(self, path: bytes, body: bytes) -> bytes:
        method = path.rsplit(b"/", 1)[-1]
        result: Any = True
        if method == b"getMe":
            result = {"id": 123456, "is_bot": True, "first_name": "Bench", "username": "bench_bot"}
        elif method == b"sendMessage":
            chat = _CHAT.search(body)
            chat_id = int(chat.group(1)) if chat else 0
            self.seen.append((time.monotonic(), chat_id))
            result = {
                "message_id": len(self.seen),
                "date": 0,
                "chat": {"id": chat_id, "type": "private"},
                "text": "",
            }
        payload = json.dumps({"ok": True, "result": result}).encode()
        return (
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
            % (
                len(payload),
                payload,
            )
        )


def _server(port_out: Any, stop: Any, stats_out: Any) -> None:
    """The fake server's process: serve until told to stop, then report what it saw."""
    seen: list[tuple[float, int]] = []

    async def serve() -> None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(lambda: _Http(seen), "127.0.0.1", 0)
        port_out.put(server.sockets[0].getsockname()[1])
        await loop.run_in_executor(None, stop.wait)
        server.close()

    cpu = time.process_time()
    asyncio.run(serve())
    cpu = time.process_time() - cpu
    times = sorted(t for t, _ in seen)
    per_chat: dict[int, list[float]] = {}
    for t, chat_id in seen:
        per_chat.setdefault(chat_id, []).append(t)
    gaps = [b - a for ts in per_chat.values() for a, b in itertools.pairwise(ts)]
    peak, j = 0, 0
    for i, t in enumerate(times):
        while times[j] < t - 1.0:
            j += 1
        peak = max(peak, i - j + 1)
    stats_out.put(
        {
            "sends": len(seen),
            "span": (times[-1] - times[0]) if len(times) > 1 else 0.0,
            "peak_1s": peak,
            "min_gap": min(gaps) if gaps else None,
            "chats": len(per_chat),
            "cpu": cpu,
        }
    )


def _issue(parts_chars: int) -> Issue:
    summary = ("这是一句用于基准测试的摘要。" * 20)[:100]
    count = max(1, parts_chars // 160)
    items = tuple(
        Article(id=f"dtrb20240210p01n{i:02d}", title=f"第{i}篇", summary=summary)
        for i in range(1, count + 1)
    )
    return Issue("大同日报", DATE, (Page(1, "要闻", items),), number=1)


async def _push(
    base_url: str, subscribers: int, rate: float | None, paid: bool, chars: int = 2000
) -> dict[str, Any]:
    from telegram.ext import ApplicationBuilder

    with tempfile.TemporaryDirectory() as tmp:
        archive = open_archive("", Path(tmp) / "a.sqlite3", words=CharWords)
        issue = _issue(chars)
        archive.store_issue(issue)
        for n in range(subscribers):
            archive.save_subscriber(Subscriber("telegram", str(100_000 + n)))
        limiter = PushRateLimiter(None if paid else rate, paid_rate=rate if paid else None)
        app = (
            ApplicationBuilder()
            .token(TOKEN)
            .base_url(f"{base_url}/bot")
            .request(AiohttpRequest())
            .rate_limiter(limiter)
            .build()
        )
        await app.initialize()
        concurrency = concurrency_for(rate)
        texts = Messages.load(config_dir())
        options = DigestOptions(bot_username="bench_bot")
        engine = PushEngine(
            app.bot,
            archive,
            limiter,
            lambda i, d, lang: telegram_parts(i, d, lang, texts),
            EngineOptions(paid_broadcast=paid, concurrency=concurrency),
        )
        engine.bot_username = app.bot.username
        engine.start()
        subs = archive.subscribers()
        wall, cpu = time.perf_counter(), time.process_time()
        engine.push(issue, subs)
        await engine.idle()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        await engine.stop()
        counts = archive.delivery_counts(KEY)
        await app.shutdown()
        archive.close()
    return {
        "wall": wall,
        "cpu": cpu,
        "sent": engine.sent_messages,
        "ledger_sent": counts.sent,
        "parts": len(telegram_parts(issue, build_digest(issue, options), "zh", texts)),
    }


def run(
    name: str, subscribers: int, rate: float | None, paid: bool = False, chars: int = 2000
) -> None:
    ctx = mp.get_context("spawn")
    port_q, stats_q, stop = ctx.Queue(), ctx.Queue(), ctx.Event()
    server = ctx.Process(target=_server, args=(port_q, stop, stats_q), daemon=True)
    server.start()
    base = f"http://127.0.0.1:{port_q.get(timeout=20)}"
    result = asyncio.run(_push(base, subscribers, rate, paid, chars))
    stop.set()
    seen = stats_q.get(timeout=60)
    server.join(10)
    sent = result["sent"]
    limit = f"{rate:g} msg/s" + (" paid" if paid else "") if rate else "no limit"
    parts = result["parts"]
    print(f"== {name}: {subscribers} subscribers, {parts}-message digest, {limit}, ledger on")
    print(f"   sent {sent} messages in {result['wall']:.2f} s: {sent / result['wall']:.0f} msg/s")
    print(
        f"   bot CPU {result['cpu']:.2f} s: {result['cpu'] / sent * 1000:.3f} s per 1,000 messages"
        f" ({result['cpu'] / sent * 1000:.3f} ms/msg)"
    )
    if seen["span"]:
        print(f"   server saw {seen['sends']} sends: {seen['sends'] / seen['span']:.1f} msg/s")
    peak = seen["peak_1s"]
    print(f"   most sends in any 1 s at the server: {peak} (server CPU {seen['cpu']:.1f} s)")
    if seen["min_gap"] is not None:
        print(f"   shortest gap between two sends to one chat: {seen['min_gap']:.3f} s")
    print(f"   ledger: {result['ledger_sent']} of {subscribers} sent")
    if rate:
        achieved = seen["sends"] / seen["span"] if seen["span"] else 0.0
        print(f"   achieved {achieved / rate * 100:.1f} % of the limit")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("unlimited", "paid", "default"))
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--default-subscribers", type=int, default=500)
    parser.add_argument(
        "--digest-chars", type=int, default=2000, help="digest size (8000: three messages)"
    )
    args = parser.parse_args()
    if args.only in (None, "unlimited"):
        run("unlimited", args.subscribers, None, chars=args.digest_chars)
    if args.only in (None, "paid"):
        run("paid broadcast", args.subscribers, 1000.0, paid=True, chars=args.digest_chars)
    if args.only in (None, "default"):
        run("default limit", args.default_subscribers, 25.0, chars=args.digest_chars)


if __name__ == "__main__":
    main()
