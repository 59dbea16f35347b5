"""How fast the WeChat channel answers: the time from WeChat's request to the passive reply.

    .venv/bin/python bench/wechat_replies.py [--rounds 20]

``paperboy serve`` runs as a subprocess with only the WeChat channel configured, on a fresh
data directory with the demo issue, against tests/fake_wechat.py's fake API; a fake WeChat
server (tests/fake_wechat.py) signs each message and posts it over loopback, in plaintext and
in safe mode (encrypted with wechatpy, the reply decrypted with it). The figure per question
is request sent -> reply read, p50 and p95 over the rounds; the goal is at most 300 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.fake_wechat import FakeWeChatApi, FakeWeChatClient  # noqa: E402

TOKEN = "benchToken1"
APPID = "wx0123456789abcdef"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
QUESTIONS = [
    "今日",
    "版面",
    "版面 要闻",
    "标题 古城",
    "搜索 非遗",
    "订阅 07:30 要闻",
    "退订",
    "帮助",
]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _percentile(ms: list[float], p: float) -> float:
    ordered = sorted(ms)
    return ordered[min(len(ordered) - 1, max(0, round(p * len(ordered)) - 1))]


async def _bench(base: str, rounds: int) -> None:
    plain = FakeWeChatClient(base, TOKEN)
    safe = FakeWeChatClient(base, TOKEN, APPID, AES_KEY)
    await plain.text("o_warm", "帮助")
    worst = 0.0
    for mode, client in (("plain", plain), ("safe", safe)):
        print(f"{mode} mode, {rounds} rounds (request sent -> passive reply read):")
        for question in QUESTIONS:
            samples = []
            for i in range(rounds):
                t0 = time.perf_counter()
                answer = await client.text(f"o_{mode}_{i}", question)
                samples.append((time.perf_counter() - t0) * 1000)
                assert answer.fields, (question, answer.text[:200])
            p95 = _percentile(samples, 0.95)
            worst = max(worst, p95)
            print(f"  {question:18s} p50 {_percentile(samples, 0.5):6.1f} ms  p95 {p95:6.1f} ms")
    print(f"worst p95 {worst:.1f} ms (goal: at most 300 ms)")
    await plain.aclose()
    await safe.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    port = _port()
    with tempfile.TemporaryDirectory() as data, FakeWeChatApi() as api:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PAPERBOY_")}
        env |= {
            "PAPERBOY_DATA_DIR": data,
            "PAPERBOY_WECHAT_TOKEN": TOKEN,
            "PAPERBOY_WECHAT_APPID": APPID,
            "PAPERBOY_WECHAT_SECRET": "s3cret",
            "PAPERBOY_WECHAT_AES_KEY": AES_KEY,
            "PAPERBOY_WECHAT_LISTEN": f"127.0.0.1:{port}",
            "PAPERBOY_WECHAT_API_BASE_URL": api.base_url,
        }
        proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve"], env=env, cwd=REPO)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    httpx.get(base + "/wechat", timeout=1)
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline or proc.poll() is not None:
                        raise SystemExit("the WeChat channel did not start") from None
                    time.sleep(0.2)
            asyncio.run(_bench(base, args.rounds))
        finally:
            proc.terminate()
            proc.wait(30)


if __name__ == "__main__":
    main()
