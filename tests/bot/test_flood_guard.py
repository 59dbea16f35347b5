"""The inbound flood guard: it slows down one noisy person and forgets the quiet ones."""

from __future__ import annotations

from bot.replies import FloodGuard


def test_a_flood_gets_one_warning_then_silence() -> None:
    """The first message over the limit is answered with a warning, later ones are dropped."""
    guard = FloodGuard(limit=3, window=10.0)
    verdicts = [guard.check("telegram:1", now=float(i) / 10) for i in range(6)]
    assert verdicts == ["ok", "ok", "ok", "warn", "drop", "drop"]


def test_after_a_quiet_window_a_person_starts_afresh() -> None:
    """Messages older than the window no longer count."""
    guard = FloodGuard(limit=2, window=10.0)
    for i in range(5):
        guard.check("telegram:1", now=float(i))
    assert guard.check("telegram:1", now=30.0) == "ok"


def test_people_silent_for_a_window_are_forgotten() -> None:
    """A million readers each sending once leave only those of the last window behind."""
    guard = FloodGuard(limit=20, window=10.0)
    for i in range(100_000):
        guard.check(f"telegram:{i}", now=i / 1000)  # 1,000 new people a second
    assert len(guard) <= 10_001


def test_the_guard_never_holds_more_than_its_cap() -> None:
    """Even many people inside one window stay within ``max_chats``; a flooder still hears."""
    guard = FloodGuard(limit=3, window=10.0, max_chats=100)
    for i in range(1_000):
        guard.check(f"telegram:{i}", now=1.0)
    assert len(guard) <= 100
    verdicts = [guard.check("telegram:flood", now=2.0) for _ in range(5)]
    assert verdicts[3] == "warn"
