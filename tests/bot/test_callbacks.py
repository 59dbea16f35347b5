"""Callback data: typed values in at most 64 bytes that decode the same after a restart."""

from __future__ import annotations

import datetime as dt

import pytest

from bot import callbacks as cb

VALUES: list[cb.Callback] = [
    cb.SearchPage(2, "非遗 刀削面", dt.date(2024, 2, 1), dt.date(2024, 2, 10)),
    cb.SearchPage(0, "a:b:c"),
    cb.HeadlinePage(1, "古城"),
    cb.HeadlinesPage(3, dt.date(2024, 2, 10)),
    cb.HeadlinesPage(0),
    cb.SectionPage(1, "要闻", dt.date(2024, 2, 10)),
    cb.SectionPage(0, "1"),
    cb.IssuesPage(4),
    cb.FullText("dtrb20240210p01n04"),
    cb.FullText("20190201-01-01"),
    cb.Subscribe(),
    cb.SettingsMenu("time"),
    cb.SetTime("07:30"),
    cb.ToggleSection("要闻"),
    cb.ToggleSection("*"),
    cb.SetLanguage("en"),
    cb.SetPaused(True),
    cb.Noop(),
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_round_trip(value: cb.Callback) -> None:
    """Every value encodes within 64 bytes and decodes to itself."""
    data = cb.encode(value)
    assert len(data.encode()) <= cb.MAX_BYTES
    assert cb.decode(data) == value


def test_a_long_query_travels_in_the_message() -> None:
    """A query too long for 64 bytes is read back from the list's first line."""
    query = "古城新春灯会" * 10
    data = cb.encode(cb.SearchPage(1, query))
    assert len(data.encode()) <= cb.MAX_BYTES
    assert cb.decode(data) is None  # without the message there is no query
    message = f"{cb.QUERY_MARK}{query}\n共 12 篇"
    assert cb.decode(data, message) == cb.SearchPage(1, query)


def test_too_long_ids_do_not_fit() -> None:
    assert not cb.fits(cb.FullText("x" * 80))
    with pytest.raises(ValueError):
        cb.encode(cb.FullText("x" * 80))


@pytest.mark.parametrize("data", ["", "zz", "s:x:::~q", "t:25:00", "g:fr", "l:1", "p:2"])
def test_foreign_data_decodes_to_none(data: str) -> None:
    assert cb.decode(data) is None
