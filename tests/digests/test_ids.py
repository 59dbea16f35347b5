"""Article ids and their command spelling."""

from __future__ import annotations

import datetime as dt

import pytest

from digests.ids import article_id, from_command, to_command


@pytest.mark.parametrize(
    "original", ["20190201-01-01", "dtrb20240210p01n03", "a_-b", "-_", "大同-1", "x😀y", ""]
)
def test_command_spelling_round_trips(original: str) -> None:
    """It spells any id in letters, digits and underscores and reads it back unchanged."""
    spelled = to_command(original)
    assert all(c.isascii() and (c.isalnum() or c == "_") for c in spelled)
    assert from_command(spelled) == original


def test_garbage_is_not_an_id() -> None:
    """It refuses text that no id spells, instead of guessing."""
    assert from_command("abc_q") is None
    assert from_command("a-b") is None


def test_ids_derive_from_place_on_the_page() -> None:
    """It gives the same id to the same position of the same page."""
    assert article_id("dtrb", dt.date(2024, 2, 10), 1, 3) == "dtrb20240210p01n03"
