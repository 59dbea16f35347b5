"""How fast the bot answers: Telegram (via the fake Bot API) and the terminal channel.

    .venv/bin/python bench/bot_replies.py [--rounds 20]

Telegram: ``paperboy serve`` runs as a subprocess against tests/fake_bot_api.py over
loopback; for each update the figure is the time from the server handing it out
(getUpdates) to the bot's reply arriving (sendMessage), as the acceptance check measures.
Terminal: ``paperboy serve --console`` in a subprocess; the time from writing a line to
reading the end of its reply. Both on a fresh data directory with the demo issue.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.fake_bot_api import FakeBotApi  # noqa: E402

QUESTIONS = [
    "/today",
    "/sections",
    "/section 要闻",
    "/headline 古城",
    "/search 非遗",
    "/a_dtrb20240210p01n01",
    "/start",
    "/help",
]


def _env(data_dir: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAPERBOY_")}
    return {**env, "PAPERBOY_DATA_DIR": data_dir, **extra}


def _report(name: str, samples: list[float]) -> None:
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[int(len(ms) * 0.95) - 1] if len(ms) >= 20 else ms[-1]
    print(
        f"  {name:28s} median {statistics.median(ms):6.1f} ms"
        f"  p95 {p95:6.1f} ms  max {ms[-1]:6.1f} ms"
    )


def bench_telegram(rounds: int) -> None:
    with tempfile.TemporaryDirectory() as data, FakeBotApi() as api:
        env = _env(
            data,
            PAPERBOY_TELEGRAM_TOKEN=api.token,
            PAPERBOY_TELEGRAM_BASE_URL=api.base_url,
            PAPERBOY_ADMINS="1",
        )
        bot = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve"], env=env, cwd=REPO)
        try:
            api.wait_for("deleteWebhook", timeout=60)
            print(f"Telegram, {rounds} rounds of each question (served -> reply sent):")
            for question in QUESTIONS:
                samples = []
                for i in range(rounds):
                    user = 10_000 + i
                    mark = api.mark()
                    update_id = api.send_text(user, question)
                    (reply,) = api.wait_for("sendMessage", chat_id=user, since=mark)
                    samples.append(reply.at - api.served[update_id])
                _report(question, samples)
        finally:
            bot.terminate()
            bot.wait(30)


def spawn_console(data_dir: str) -> subprocess.Popen[str]:
    """``paperboy serve --console`` on ``data_dir``, its input and output as line pipes."""
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "--console"],
        env=_env(data_dir),
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )


def bench_console(rounds: int) -> None:
    with tempfile.TemporaryDirectory() as data:
        started = time.perf_counter()
        proc = spawn_console(data)
        assert proc.stdin and proc.stdout

        def ask(line: str, marker: str) -> float:
            t0 = time.perf_counter()
            proc.stdin.write(line + "\n")  # type: ignore[union-attr]
            proc.stdin.write(f"/end_{marker}\n")  # type: ignore[union-attr]
            proc.stdin.flush()  # type: ignore[union-attr]
            for out in proc.stdout:  # type: ignore[union-attr]
                if f"/end_{marker}" in out:
                    return time.perf_counter() - t0
            raise RuntimeError("the terminal channel ended early")

        ask("/help", "warm")
        print(
            f"Terminal: first answer {time.perf_counter() - started:.2f} s after start"
            " (demo load included)"
        )
        print(f"Terminal, {rounds} rounds of each question (line written -> reply read):")
        for question in QUESTIONS[:5]:
            _report(question, [ask(question, f"{i}") for i in range(rounds)])
        proc.stdin.close()
        proc.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    bench_telegram(args.rounds)
    bench_console(args.rounds)


if __name__ == "__main__":
    main()
