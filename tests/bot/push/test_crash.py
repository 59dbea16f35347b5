"""A real ``paperboy serve`` killed with SIGKILL mid-push and restarted: nobody is missed,
and only messages in flight at a kill can go out twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from bot.push.engine import concurrency_for
from bot.services import Services
from bot.settings import load_settings
from digests.model import Subscriber
from tests.fake_bot_api import FakeBotApi

ADMIN = 10
READERS = list(range(50_000, 50_300))
RATE = 100.0
IN_FLIGHT = concurrency_for(RATE)  # the push's senders: what a kill can leave unrecorded


def serve(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "serve"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )


def test_kill_9_mid_push_loses_nobody(tmp_path: Path) -> None:
    """Three SIGKILLs mid-push: every reader gets the digest; duplicates stay in flight."""
    with FakeBotApi() as api:
        env = {
            **os.environ,
            "PAPERBOY_DATA_DIR": str(tmp_path / "data"),
            "PAPERBOY_TELEGRAM_TOKEN": api.token,
            "PAPERBOY_TELEGRAM_BASE_URL": api.base_url,
            "PAPERBOY_ADMINS": str(ADMIN),
            "PAPERBOY_PUSH_RATE": str(RATE),
        }
        env.pop("PAPERBOY_DATABASE_URL", None)
        log = tmp_path / "serve.log"
        proc = serve(env, log)
        try:
            api.wait_for("setMyCommands", timeout=120)
            services = Services.open(load_settings(env))
            for uid in READERS:
                api.user(uid)
                services.archive.save_subscriber(Subscriber("telegram", str(uid), "03:00"))
            services.close()
            api.user(ADMIN)
            mark = api.mark()
            api.send_text(ADMIN, "/push now")
            for kill_at in (40, 120, 200):
                api.wait_for("sendMessage", since=mark, count=kill_at, timeout=120)
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                proc = serve(env, log)
            readers = set(READERS)
            deadline = time.monotonic() + 180
            while True:
                calls = api.calls_of("sendMessage", since=mark)
                got = Counter(c.chat_id for c in calls if c.chat_id in readers and c.ok)
                if len(got) == len(READERS) or time.monotonic() > deadline:
                    break
                time.sleep(0.2)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(60)
    assert set(got) == readers
    duplicates = sum(n - 1 for n in got.values())
    assert duplicates <= 3 * IN_FLIGHT
