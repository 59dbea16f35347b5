"""The clocks behind the rate limits, on made-up times."""

from __future__ import annotations

import math

from bot.push.pacing import (
    Backoff,
    ChatClock,
    FloodWatch,
    Pacer,
    WindowCap,
    cap_for,
    is_group,
    pacer_for,
)


def test_pacer_spaces_starts_evenly() -> None:
    """It hands out one start per interval, never two in the same slot."""
    pacer = Pacer(10.0)
    starts = [pacer.reserve(0.0) for _ in range(5)]
    assert starts == [0.0, 0.1, 0.2, 0.30000000000000004, 0.4]


def test_pacer_never_exceeds_the_rate_in_any_second() -> None:
    """Over any one-second stretch it allows at most the rate (plus its burst)."""
    pacer = pacer_for(25.0)
    starts = [pacer.reserve(i * 0.001) for i in range(300)]
    for i, t in enumerate(starts):
        assert sum(1 for s in starts[i:] if s < t + 1.0) <= 25


def test_pacer_after_idle_starts_at_once() -> None:
    """An idle pacer lets the next request go immediately."""
    pacer = Pacer(1.0)
    assert pacer.reserve(0.0) == 0.0
    assert pacer.reserve(10.0) == 10.0


def test_unlimited_pacer() -> None:
    """Without a rate every request starts when asked."""
    assert pacer_for(None).reserve(5.0) == 5.0


def test_private_chat_waits_a_second_after_any_send() -> None:
    """A digest message waits a second (and a margin) after the chat's last answer."""
    clock = ChatClock()
    assert clock.ready_at("1", push=True) == -math.inf
    clock.begin("1", push=False)
    assert clock.ready_at("1", push=True) == math.inf  # a reply is in flight
    clock.end("1", push=False, now=10.0)
    assert 11.0 < clock.ready_at("1", push=True) < 11.2
    assert clock.ready_at("1", push=False) == -math.inf  # replies do not wait for replies


def test_reply_waits_for_a_digest_message() -> None:
    """A reply never lands within a second of a digest message."""
    clock = ChatClock()
    clock.begin("1", push=True)
    assert clock.ready_at("1", push=False) == math.inf
    clock.end("1", push=True, now=3.0)
    assert clock.ready_at("1", push=False) > 4.0


def test_groups_get_three_seconds() -> None:
    """Groups and channels (negative ids, @names) are paced at 20 a minute."""
    assert is_group(-100123) and is_group("-5") and is_group("@channel")
    assert not is_group(42) and not is_group("42")
    clock = ChatClock()
    clock.end("-5", push=True, now=0.0)
    assert clock.ready_at("-5", push=True) >= 3.0


def test_hold_keeps_a_chat_until_retry_after() -> None:
    """A 429 holds only its chat until retry_after has passed."""
    clock = ChatClock()
    clock.end("1", push=True, now=0.0)
    clock.hold("1", 3.05)
    assert clock.ready_at("1", push=True) == 3.05
    assert clock.ready_at("2", push=True) == -math.inf


def test_backoff_doubles_and_resets() -> None:
    """Network errors pause 1, 2, 4 … seconds; errors during a pause do not lengthen it."""
    backoff = Backoff(base=1.0, cap=8.0)
    backoff.failure(0.0)
    assert backoff.paused_until == 1.0
    backoff.failure(0.5)  # sent before the pause began
    assert backoff.paused_until == 1.0
    backoff.failure(1.0)
    assert backoff.paused_until == 3.0
    backoff.failure(3.0)
    backoff.failure(7.0)
    backoff.failure(15.0)
    assert backoff.paused_until == 23.0  # capped at 8
    backoff.success()
    backoff.failure(30.0)
    assert backoff.paused_until == 31.0


def test_flood_watch_tells_bot_wide_from_one_chat() -> None:
    """A few 429s among many answers concern their chats; mostly 429s mean the whole bot."""
    watch = FloodWatch(window=1.0, min_count=10)
    flags = [watch.note(i * 0.01, i % 10 == 0) for i in range(50)]
    assert not any(flags)
    flags = [watch.note(1.0 + i * 0.01, True) for i in range(50)]
    assert flags[-1]


def test_window_cap_counts_real_starts() -> None:
    """However the starts bunch, no more than the cap fall in any one second."""
    cap = WindowCap(3)
    for t in (0.0, 0.01, 0.02):
        assert cap.wait(t) == 0.0
        cap.note(t)
    assert cap.wait(0.5) == 0.5
    assert cap.wait(1.0) == 0.0
    assert WindowCap(None).wait(0.0) == 0.0
    assert cap_for(25.0).limit == 25 and cap_for(1000.0).limit == 970


def test_a_reply_moves_the_digest_slots_back() -> None:
    """A request that went out of turn pushes the next reserved slot back by one interval."""
    pacer = Pacer(10.0)
    assert pacer.reserve(0.0) == 0.0
    pacer.bump(0.01)
    assert pacer.reserve(0.02) == 0.2
