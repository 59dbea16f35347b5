"""``paperboy serve`` from start to its first answer, and its memory once it has searched.

    .venv/bin/python bench/serve_start.py [--data-dir DIR] [--rounds 3] [--latency-ms 0]

Terminal: ``serve --console`` is started with ``/today`` already waiting on its input; the
figure is the time from starting the process to reading the first line of the answer.
Telegram: ``serve`` against tests/fake_bot_api.py with a ``/today`` already queued; the time
from starting the process to the reply arriving at the server; with ``--latency-ms`` every
Bot API answer comes that much late, as over a real network, which shows the round trips
start-up waits for. Then ``/search 非遗`` (the segmenter and the index are loaded by now,
or by it) and the process's resident memory (VmRSS, its peak VmHWM, and how much of it
is pages of mapped files, RssFile).

Each figure is given twice: wall time, and the CPU time (user + system, all threads) the
process had used by then, which a loaded machine inflates far less; both are best of
ROUNDS. The bot's modules run from compiled bytecode, as they do once installed (pip
compiles them; a checkout caches them on first run): this script unsets
PYTHONDONTWRITEBYTECODE and keeps the cache in a temporary PYTHONPYCACHEPREFIX, filled by
untimed starts. DIR is a data directory with an archive in it (for the 500,000-article
archive of bench/search.py: a directory with ``archive.sqlite3`` and
``archive.sqlite3.index`` linked to that archive); without it, a fresh one with the demo
issue, which the untimed starts load.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.bot_replies import _env, spawn_console  # noqa: E402
from tests.fake_bot_api import Call, FakeBotApi  # noqa: E402


def _cpu(pid: int) -> float:
    """Seconds of CPU (user + system, all threads so far) process ``pid`` has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _memory(pid: int) -> str:
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    rss = int(fields["VmRSS"].split()[0]) / 1024
    peak = int(fields["VmHWM"].split()[0]) / 1024
    # Pages of files (libraries; rjieba's dictionary is inside its library) the kernel can
    # drop and reread, unlike the heap.
    files = int(fields["RssFile"].split()[0]) / 1024
    return f"RSS {rss:.0f} MB (peak {peak:.0f} MB; {files:.0f} MB of it mapped files)"


def console(data_dir: str) -> tuple[float, float, str]:
    started = time.perf_counter()
    proc = spawn_console(data_dir)
    assert proc.stdin and proc.stdout
    proc.stdin.write("/today\n")
    proc.stdin.flush()
    proc.stdout.readline()
    first = time.perf_counter() - started
    cpu = _cpu(proc.pid)
    proc.stdin.write("/search 非遗\n/end_of_search\n")
    proc.stdin.flush()
    for line in proc.stdout:
        if "/end_of_search" in line:
            break
    memory = _memory(proc.pid)
    proc.stdin.close()
    proc.wait(60)
    return first, cpu, memory


def telegram(data_dir: str, latency_s: float = 0.0) -> tuple[float, float, str]:
    with FakeBotApi(latency_s=latency_s) as api:
        env = _env(
            data_dir,
            PAPERBOY_TELEGRAM_TOKEN=api.token,
            PAPERBOY_TELEGRAM_BASE_URL=api.base_url,
            PAPERBOY_ADMINS="1",
        )
        api.user(42)
        api.send_text(42, "/today")
        cpu: list[float] = []

        def on_call(call: Call) -> None:
            if call.method == "sendMessage" and not cpu:
                cpu.append(_cpu(proc.pid))  # as the reply arrives, before it is answered

        api.add_hook(on_call)
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
    return first, cpu[0], memory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default="")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--latency-ms", type=float, default=0.0, help="each Bot API answer this much late"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as fresh, tempfile.TemporaryDirectory() as pycache:
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = pycache
        data_dir = args.data_dir or fresh
        # Untimed: compiles the bytecode (and loads the demo issue if fresh).
        console(data_dir)
        telegram(data_dir)
        runs: tuple[tuple[str, Callable[[str], tuple[float, float, str]]], ...] = (
            ("terminal", console),
            ("telegram", lambda d: telegram(d, args.latency_ms / 1000)),
        )
        for name, run in runs:
            results = [run(data_dir) for _ in range(args.rounds)]
            times = sorted(r[0] for r in results)
            cpus = sorted(r[1] for r in results)
            print(
                f"{name:9s} first answer {times[0]:.2f} s wall, {cpus[0]:.2f} s CPU, best of"
                f" {args.rounds} (wall {', '.join(f'{t:.2f}' for t in times)};"
                f" CPU {', '.join(f'{t:.2f}' for t in cpus)}); after a search: {results[-1][2]}"
            )


if __name__ == "__main__":
    main()
