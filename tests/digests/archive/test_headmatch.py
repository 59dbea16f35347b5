"""How a headline matches a typed fragment: edits first, then how readers type titles."""

from __future__ import annotations

from digests.archive.headmatch import HeadlineWeights, in_order, match, title_proper

W = HeadlineWeights()


def test_a_column_tag_is_no_part_of_the_title_proper() -> None:
    """The title proper drops a trailing bracketed column tag, punctuation and spaces."""
    assert title_proper("古城迎来 新春（今日谈）") == "古城迎来新春"
    assert title_proper("古城（上（续））") == "古城"
    assert title_proper("（今日谈）") == "今日谈"  # a tag alone is the title


def test_characters_left_out_are_told_from_a_wrong_one() -> None:
    """The fragment's characters in order in a slightly longer stretch: only left out."""
    assert in_order("城保条例", "古城保护条例", 5)
    assert not in_order("城堡条例", "古城保护条例", 5)
    assert not in_order("城条例", "古城保护和实施条例", 4)  # too far apart


def test_a_fragment_missing_a_character_beats_one_with_a_wrong_character() -> None:
    """Two titles one edit away: the one the reader only left a character out of wins."""
    left_out = match("城墙夜", "", "城墙之夜", "", 1.0)
    wrong = match("城墙夜", "", "城墙灯火", "", 1.0)
    assert left_out.distance == wrong.distance == 1
    assert left_out.score(W) > wrong.score(W)


def test_a_title_the_fragment_spans_in_the_usual_share_wins_a_tie() -> None:
    """Held equally well, the fragment being most of a title beats being a sliver of a
    long one; a column tag does not make the title long."""
    usual = match("古城灯会", "", "古城灯会开幕（今日谈）", "", 1.0)
    sliver = match("古城灯会", "", "古城灯会期间全市公交地铁延长运营时间", "", 1.0)
    assert usual.score(W) > sliver.score(W)


def test_a_short_title_wholly_inside_the_fragment_is_no_perfect_match() -> None:
    """A two-character subtitle inside the fragment costs the fragment's other characters."""
    m = match("古城灯会开幕", "", "灯会", "", 1.0)
    assert m.distance == 4
    assert m.score(W) < match("古城灯会开幕", "", "古城灯会开幕式举行", "", 1.0).score(W)
