"""When a digest is due: at the reader's time, at once when late, caught up within the window."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from bot.push.schedule import is_due, last_occurrence, parse_time

SH = ZoneInfo("Asia/Shanghai")
WINDOW = dt.timedelta(hours=12)


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2024, 2, day, hour, minute, tzinfo=SH)


def test_parse_time() -> None:
    """It reads HH:MM and refuses anything else."""
    assert parse_time("07:05") == dt.time(7, 5)
    assert parse_time("7:05") == dt.time(7, 5)
    assert parse_time("25:00") is None and parse_time("x") is None


def test_last_occurrence_in_the_readers_zone() -> None:
    """It finds the last time the reader's clock showed their push time."""
    london = ZoneInfo("Europe/London")
    moment = last_occurrence(at(10, 12), dt.time(7, 0), london)
    assert moment.astimezone(london).time() == dt.time(7, 0)
    assert moment <= at(10, 12)
    assert at(10, 12) - moment < dt.timedelta(days=1)


def test_due_at_the_push_time_after_posting() -> None:
    """An issue posted at night is due at the reader's time next morning, not before."""
    posted = at(9, 22)
    assert not is_due("07:00", SH, posted, at(10, 6, 59), WINDOW)
    assert is_due("07:00", SH, posted, at(10, 7, 0), WINDOW)


def test_posted_after_the_readers_time_goes_at_once() -> None:
    """A reader whose time passed before the issue came gets it at once."""
    assert is_due("07:00", SH, at(10, 9), at(10, 9, 1), WINDOW)


def test_posted_long_after_the_time_waits_for_the_next_day() -> None:
    """More than the window after the reader's time, the issue waits for their next time."""
    posted = at(10, 20)
    assert not is_due("07:00", SH, posted, at(10, 20, 1), WINDOW)
    assert is_due("07:00", SH, posted, at(11, 7, 0), WINDOW)


def test_catch_up_within_the_window_only() -> None:
    """A missed time is caught up while less than the window late, not after."""
    posted = at(9, 22)
    assert is_due("07:00", SH, posted, at(10, 18, 59), WINDOW)
    assert not is_due("07:00", SH, posted, at(10, 19, 1), WINDOW)


def test_stale_issue_is_not_pushed_to_a_new_time() -> None:
    """An issue more than a day and a window old goes to nobody's next time."""
    assert not is_due("07:00", SH, at(5, 6), at(10, 7, 0), WINDOW)


def test_window_zero_means_only_on_time() -> None:
    """With no window nothing late is sent."""
    assert not is_due("07:00", SH, at(10, 9), at(10, 9, 1), dt.timedelta(0))


def test_not_due_before_posting() -> None:
    """Nothing is due for an issue not yet posted."""
    assert not is_due("07:00", SH, at(10, 9), at(10, 8), WINDOW)
