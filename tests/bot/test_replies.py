"""Small parts of the replies: dates as readers type them, the flood guard, upload dates."""

from __future__ import annotations

import datetime as dt

from bot.replies import FloodGuard
from bot.replies.base import parse_date, parse_range
from digests.assemble import date_in_name


def test_dates_as_readers_type_them() -> None:
    day = dt.date(2024, 2, 10)
    for text in ("2024-02-10", "20240210", "2024.2.10", "2024/02/10", "2024年2月10日"):
        assert parse_date(text) == day, text
    assert parse_date("2024-13-01") is None
    assert parse_range("2024-02-10..2024-02-01") == (dt.date(2024, 2, 1), day)
    assert parse_range("2024-02-10") == (day, day)


def test_the_flood_guard_warns_once_then_drops() -> None:
    """The 21st message in 10 s gets one note, later ones none; after the window, all is well."""
    guard = FloodGuard(limit=20, window=10)
    verdicts = [guard.check("u", now=i * 0.1) for i in range(25)]
    assert verdicts[:20] == ["ok"] * 20
    assert verdicts[20] == "warn" and set(verdicts[21:]) == {"drop"}
    assert guard.check("u", now=30.0) == "ok"
    assert guard.check("other", now=2.0) == "ok"


def test_a_date_in_an_upload_name() -> None:
    assert date_in_name("datong-2024-02-10-p01.txt") == dt.date(2024, 2, 10)
    assert date_in_name("20240210_01.pdf") == dt.date(2024, 2, 10)
    assert date_in_name("page1.txt") is None
