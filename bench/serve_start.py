"""``paperboy serve`` from start to its first answer, and its memory once it has searched.

    .venv/bin/python bench/serve_start.py [--data-dir DIR] [--rounds 3]

Terminal: ``serve --console`` is started with ``/today`` already waiting on its input; the
figure is the time from starting the process to reading the first line of the answer.
Telegram: ``serve`` against tests/fake_bot_api.py with a ``/today`` already queued; the time
from starting the process to the reply arriving at the server. Then ``/search 非遗`` (the
segmenter and the index are loaded by now) and the process's resident memory (VmRSS, and
its peak VmHWM). DIR is a data directory with an archive in it (for the 500,000-article
archive of bench/search.py: a directory with ``archive.sqlite3`` and
``archive.sqlite3.index`` linked to that archive); without it, a fresh one with the demo
issue, started once before timing so the demo load is not counted.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.bot_replies import _env, spawn_console  # noqa: E402
from tests.fake_bot_api import FakeBotApi  # noqa: E402


def _memory(pid: int) -> str:
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    rss = int(fields["VmRSS"].split()[0]) / 1024
    peak = int(fields["VmHWM"].split()[0]) / 1024
    return f"RSS {rss:.0f} MB (peak {peak:.0f} MB)"


def console(data_dir: str) -> tuple[float, str]:
    started = time.perf_counter()
    proc = spawn_console(data_dir)
    assert proc.stdin and proc.stdout
    proc.stdin.write("/today\n")
    proc.stdin.flush()
    proc.stdout.readline()
    first = time.perf_counter() - started
    proc.stdin.write("/search 非遗\n/end_of_search\n")
    proc.stdin.flush()
    for line in proc.stdout:
        if "/end_of_search" in line:
            break
    memory = _memory(proc.pid)
    proc.stdin.close()
    proc.wait(60)
    return first, memory


def telegram(data_dir: str) -> tuple[float, str]:
    with FakeBotApi() as api:
        env = _env(
            data_dir,
            PAPERBOY_TELEGRAM_TOKEN=api.token,
            PAPERBOY_TELEGRAM_BASE_URL=api.base_url,
            PAPERBOY_ADMINS="1",
        )
        api.user(42)
        api.send_text(42, "/today")
        started = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve"], env=env, cwd=REPO)
        try:
            (reply,) = api.wait_for("sendMessage", chat_id=42, timeout=120)
            first = reply.at - started
            mark = api.mark()
            api.send_text(42, "/search 非遗")
            api.wait_for("sendMessage", chat_id=42, since=mark, timeout=120)
            memory = _memory(proc.pid)
        finally:
            proc.terminate()
            proc.wait(30)
    return first, memory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default="")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as fresh:
        data_dir = args.data_dir or fresh
        if not args.data_dir:
            console(data_dir)  # the demo issue goes in once, untimed
        for name, run in (("terminal", console), ("telegram", telegram)):
            results = [run(data_dir) for _ in range(args.rounds)]
            times = sorted(r[0] for r in results)
            print(
                f"{name:9s} first answer {times[0]:.2f} s best of {args.rounds}"
                f" ({', '.join(f'{t:.2f}' for t in times)}); after a search: {results[-1][1]}"
            )


if __name__ == "__main__":
    main()
