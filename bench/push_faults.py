"""The push as the acceptance drives it: a real ``paperboy serve`` in its own process against
the fake Bot API (tests/fake_bot_api.py), readers subscribing with /subscribe, the editor
sending /push now, faults injected by the server.

    .venv/bin/python bench/push_faults.py crash      # kill -9 mid-push and restart, 5 times
    .venv/bin/python bench/push_faults.py flood      # 429 retry_after=3 on 10 % of sends
    .venv/bin/python bench/push_faults.py blocked    # 403 for 5 % of readers
    .venv/bin/python bench/push_faults.py outage     # the API answers 502 for 60 s mid-push
    .venv/bin/python bench/push_faults.py default    # 25 msg/s: rate, peak per second, gaps
    .venv/bin/python bench/push_faults.py schedule   # a reader 2 min ahead; catch-up (~5 min)

Each prints what the server saw: sends per reader, duplicates, early retries, the rate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from tests.fake_bot_api import Call, FakeBotApi
from tests.fake_bot_checks import ApiError

ADMIN = 10
FIRST_READER = 100_000


@dataclass
class Run:
    api: FakeBotApi
    env: dict[str, str]
    readers: list[int]
    proc: subprocess.Popen[bytes] | None = None
    kills: list[int] = field(default_factory=list)  # sends seen by the server at each kill
    killed_at: list[float] = field(default_factory=list)  # time.monotonic() of each kill

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "serve"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=open(Path(self.env["PAPERBOY_DATA_DIR"]) / "serve.log", "ab"),  # noqa: SIM115
        )

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.killed_at.append(time.monotonic())
        self.kills.append(len(self.api.calls_of("sendMessage")))

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def setup(
    readers: int, rate: float, data_dir: str, paid: bool = False, direct: bool = False
) -> Run:
    """Serve running, ``readers`` subscribed with /subscribe (or, ``direct``, written into
    the archive: replies at the free 30 msg/s would take minutes for thousands)."""
    api = FakeBotApi().start()
    env = {
        **os.environ,
        "PAPERBOY_DATA_DIR": data_dir,
        "PAPERBOY_TELEGRAM_TOKEN": api.token,
        "PAPERBOY_TELEGRAM_BASE_URL": api.base_url,
        "PAPERBOY_ADMINS": str(ADMIN),
        "PAPERBOY_PUSH_RATE": str(rate),
        "PAPERBOY_PAID_BROADCAST": "1" if paid else "0",
    }
    env.pop("PAPERBOY_DATABASE_URL", None)
    run = Run(api, env, list(range(FIRST_READER, FIRST_READER + readers)))
    run.start()
    api.wait_for("setMyCommands", timeout=120)
    api.user(ADMIN)
    mark = api.mark()
    if direct:
        _write_subscribers(run)
        return run
    for uid in run.readers:
        api.user(uid)
        api.send_text(uid, "/subscribe")
    api.wait_for("sendMessage", since=mark, count=readers, timeout=readers / rate * 3 + 60)
    return run


def _write_subscribers(run: Run) -> None:
    from bot.services import Services
    from bot.settings import load_settings
    from digests.model import Subscriber

    for uid in run.readers:
        run.api.user(uid)
    services = _with_env(run, lambda: Services.open(load_settings()))
    for uid in run.readers:
        services.archive.save_subscriber(Subscriber("telegram", str(uid), push_time="03:00"))
    services.close()


def _with_env(run: Run, make: Any) -> Any:
    saved = dict(os.environ)
    os.environ.update(run.env)
    try:
        return make()
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def push_now(run: Run) -> int:
    mark = run.api.mark()
    run.api.send_text(ADMIN, "/push now")
    run.api.wait_for("sendMessage", chat_id=ADMIN, since=mark, timeout=60)
    return mark


def digest_sends(run: Run, since: int) -> list[Call]:
    readers = set(run.readers)
    return [
        c
        for c in run.api.calls_of("sendMessage", since=since)
        if c.chat_id in readers and c.status == 200
    ]


def wait_done(run: Run, since: int, parts: int, expected: int, limit_s: float) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        got = Counter(c.chat_id for c in digest_sends(run, since))
        if sum(1 for n in got.values() if n >= parts) >= expected:
            return
        time.sleep(0.5)
    print("   !! not complete before the time limit")


def report(run: Run, since: int, parts: int, started: float) -> None:
    sends = digest_sends(run, since)
    per_chat = Counter(c.chat_id for c in sends)
    complete = sum(1 for uid in run.readers if per_chat[uid] >= parts)
    extra = sum(max(n - parts, 0) for n in per_chat.values())
    span = (sends[-1].at - sends[0].at) if len(sends) > 1 else 0.0
    print(f"   readers {len(run.readers)}, digest of {parts} message(s)")
    print(f"   complete: {complete}; duplicate messages: {extra}")
    if span:
        print(f"   {len(sends)} digest messages in {span:.1f} s: {len(sends) / span:.1f} msg/s")
    print(f"   wall {time.monotonic() - started:.1f} s")


def parts_of(run: Run, since: int) -> int:
    """How many messages one digest has: what the first complete reader got."""
    run.api.wait_for("sendMessage", since=since, count=3, timeout=60)
    time.sleep(3)
    got = Counter(c.chat_id for c in digest_sends(run, since))
    return max(got.values()) if got else 1


def crash(args: argparse.Namespace, data_dir: str) -> None:
    run = setup(args.readers, args.rate, data_dir)
    started = time.monotonic()
    since = push_now(run)
    parts = 1
    try:
        for _ in range(5):
            # Mid-push: only once this process has sent again, so every kill interrupts it.
            mark = run.api.mark()
            run.api.wait_for("sendMessage", since=mark, timeout=60)
            time.sleep(random.uniform(0.5, 2.0))
            run.kill()
            run.start()
        parts = _settled_parts(run, since)
        wait_done(run, since, parts, len(run.readers), 600)
    finally:
        run.stop()
        run.api.stop()
    print(f"== crash: 5 x kill -9 mid-push and restart, {args.rate:g} msg/s")
    print(f"   sends seen by the server at each kill: {run.kills}")
    report(run, since, parts, started)
    up, sends = uptime(run, since)
    print(
        f"   while up ({up:.1f} s: first send after each start to its kill or the last send): "
        f"{sends / up:.1f} msg/s, {sends / up / args.rate * 100:.1f} % of the limit"
    )
    times = [c.at for c in digest_sends(run, since)]
    restarts = [min((t for t in times if t > k), default=k) - k for k in run.killed_at]
    alive = up + sum(restarts)
    print(
        f"   kill to the first send after restart: {', '.join(f'{r:.2f}' for r in restarts)} s;"
        f" counting start-up as up ({alive:.1f} s): {sends / alive:.1f} msg/s,"
        f" {sends / alive / args.rate * 100:.1f} % of the limit"
    )


def uptime(run: Run, since: int) -> tuple[float, int]:
    """Seconds the push was running (from each process's first digest send to its kill,
    or to the last send) and the digest messages sent: a restart's start-up is not counted."""
    times = [c.at for c in digest_sends(run, since)]
    up = 0.0
    for start, end in zip([-1.0, *run.killed_at], [*run.killed_at, float("inf")], strict=True):
        inside = [t for t in times if start < t <= end]
        if inside:
            up += (end if end != float("inf") else max(inside)) - inside[0]
    return up, len(times)


def _settled_parts(run: Run, since: int) -> int:
    """The digest's length in messages, from the ledger-independent view of the server."""
    from bot.i18n import Messages
    from bot.render.digest import render_digest
    from bot.services import Services
    from bot.settings import config_dir, load_settings
    from digests.digest import DigestOptions, build_digest

    services = _with_env(run, lambda: Services.open(load_settings()))
    issue = services.archive.get_issue(None)
    services.close()
    assert issue is not None
    digest = build_digest(issue, DigestOptions(bot_username="x"))
    return len(render_digest(digest, Messages.load(config_dir())))


def faults(kind: str, args: argparse.Namespace, data_dir: str) -> None:
    run = setup(args.readers, args.rate, data_dir)
    parts = _settled_parts(run, 0)
    rng = random.Random(6)
    blocked = set(rng.sample(run.readers, len(run.readers) // 20)) if kind == "blocked" else set()
    down = threading.Event()
    lock = threading.Lock()
    flooded: dict[int, float] = {}
    early: list[float] = []

    def hook(call: Call) -> ApiError | None:
        if call.method != "sendMessage" or call.chat_id is None:
            return None
        with lock:
            held = flooded.pop(call.chat_id, None)
        if held is not None and call.at < held:
            early.append(held - call.at)
        if kind == "flood" and rng.random() < 0.10:
            with lock:
                flooded[call.chat_id] = call.at + 3
            return ApiError(429, "Too Many Requests: retry after 3", retry_after=3)
        if call.chat_id in blocked:
            return ApiError(403, "Forbidden: bot was blocked by the user")
        if down.is_set():
            return ApiError(502, "Bad Gateway")
        return None

    run.api.add_hook(hook)
    started = time.monotonic()
    since = push_now(run)
    try:
        if kind == "outage":
            run.api.wait_for("sendMessage", since=since, count=len(run.readers) // 4, timeout=300)
            down.set()
            time.sleep(args.outage)
            down.clear()
        wait_done(run, since, parts, len(run.readers) - len(blocked), 900)
        time.sleep(2)
    finally:
        run.stop()
        run.api.stop()
    print(f"== {kind}: {args.rate:g} msg/s")
    report(run, since, parts, started)
    tries = Counter(c.chat_id for c in run.api.calls_of("sendMessage", since=since))
    if blocked:
        print(
            f"   blocked readers: {len(blocked)}, tried more than once: "
            f"{sum(1 for b in blocked if tries[b] > 1)}"
        )
    if kind == "flood":
        n429 = sum(1 for c in run.api.calls_of("sendMessage", since=since) if c.status == 429)
        print(f"   429s: {n429}; retries before retry_after: {len(early)}")


def _peak(calls: list[Call]) -> int:
    times = sorted(c.at for c in calls)
    return max(
        (sum(1 for t in times[i : i + 60] if t < s + 1.0) for i, s in enumerate(times)), default=0
    )


def default(args: argparse.Namespace, data_dir: str) -> None:
    run = setup(args.readers, 25.0, data_dir)
    parts = _settled_parts(run, 0)
    started = time.monotonic()
    since = push_now(run)
    try:
        wait_done(run, since, parts, len(run.readers), args.readers * parts / 20 + 120)
    finally:
        run.stop()
        run.api.stop()
    every = [c for c in run.api.calls_of("sendMessage") if c.status == 200]
    peak = _peak(every)
    peak_push = _peak(digest_sends(run, since))
    chats: dict[Any, list[float]] = {}
    for c in every:
        chats.setdefault(c.chat_id, []).append(c.at)
    gap = min((b - a for ts in chats.values() for a, b in itertools.pairwise(ts)), default=None)
    print("== default limit: 25 msg/s")
    report(run, since, parts, started)
    sends = digest_sends(run, since)
    span = sends[-1].at - sends[0].at
    print(f"   achieved {len(sends) / span / 25 * 100:.1f} % of the limit")
    print(
        f"   most digest sends in any 1 s: {peak_push}; all sends (replies too): {peak}; 429s: "
        f"{sum(1 for c in run.api.calls_of('sendMessage') if c.status == 429)}"
    )
    print(f"   shortest gap between two sends to one chat: {gap:.3f} s" if gap else "")


def paid(args: argparse.Namespace, data_dir: str) -> None:
    """Paid broadcast at 1000 msg/s through the real serve: rate and the serve's CPU."""
    run = setup(args.readers, 1000.0, data_dir, paid=True, direct=True)
    parts = _settled_parts(run, 0)
    assert run.proc is not None
    cpu = _cpu_s(run.proc.pid)
    started = time.monotonic()
    since = push_now(run)
    try:
        wait_done(run, since, parts, len(run.readers), 600)
        cpu = _cpu_s(run.proc.pid) - cpu
    finally:
        run.stop()
        run.api.stop()
    sends = digest_sends(run, since)
    print(f"== paid broadcast through serve: {len(run.readers)} readers, 1000 msg/s")
    report(run, since, parts, started)
    print(f"   serve CPU during the push: {cpu:.2f} s = {cpu / len(sends) * 1000:.3f} ms/msg")
    paid_flags = sum(1 for c in sends if c.params.get("allow_paid_broadcast") in (True, "true"))
    print(f"   sent with allow_paid_broadcast: {paid_flags}")


def _is_digest(call: Call) -> bool:
    return "《" in str(call.params.get("text", ""))


def _local_in(minutes: int) -> dt.datetime:
    now = dt.datetime.now(ZoneInfo("Asia/Shanghai"))
    return (now + dt.timedelta(minutes=minutes)).replace(second=0, microsecond=0)


def _sleep_until(moment: dt.datetime) -> None:
    time.sleep(max((moment - dt.datetime.now(moment.tzinfo)).total_seconds(), 0))


def schedule(args: argparse.Namespace, data_dir: str) -> None:
    """A reader two minutes ahead gets the digest in that minute; after a restart past a
    reader's time the catch-up delivers it once."""
    run = setup(2, 25.0, data_dir)
    first, second = run.readers
    try:
        at = _local_in(2)
        run.api.send_text(first, f"/subscribe {at:%H:%M}")
        _sleep_until(at + dt.timedelta(minutes=1))
        got = [c for c in digest_sends(run, 0) if c.chat_id == first and _is_digest(c)]
        wall = dt.datetime.now(at.tzinfo)
        print(f"== schedule: reader at {at:%H:%M} (Asia/Shanghai)")
        for c in got:
            late = (wall - at).total_seconds() - (time.monotonic() - c.at)
            print(f"   digest arrived {late:.1f} s after {at:%H:%M}:00")
        if not got:
            print("   !! no digest within the minute")
        at = _local_in(2)
        mark = run.api.mark()
        run.api.send_text(second, f"/subscribe {at:%H:%M}")
        run.api.wait_for("sendMessage", chat_id=second, since=mark, timeout=30)
        run.stop()
        _sleep_until(at + dt.timedelta(seconds=20))
        run.start()
        time.sleep(30)
        late = [c for c in digest_sends(run, mark) if c.chat_id == second and _is_digest(c)]
        print(f"   restarted 20 s past {at:%H:%M}: the catch-up sent {len(late)} message(s)")
        again = [c for c in digest_sends(run, mark) if c.chat_id == first]
        print(f"   the first reader got {len(again)} more")
    finally:
        run.stop()
        run.api.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "scenario",
        choices=("crash", "flood", "blocked", "outage", "default", "schedule", "paid"),
    )
    parser.add_argument("--readers", type=int, default=300)
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--outage", type=float, default=60.0, help="seconds the API is down")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        if args.scenario == "crash":
            crash(args, data_dir)
        elif args.scenario == "schedule":
            schedule(args, data_dir)
        elif args.scenario == "paid":
            paid(args, data_dir)
        elif args.scenario == "default":
            default(args, data_dir)
        else:
            faults(args.scenario, args, data_dir)


if __name__ == "__main__":
    main()
