"""The pure ranking helpers: BM25F over headline and body, and a fragment's best stretch."""

from __future__ import annotations

from digests.archive.rank import Bm25f, FieldWords, bm25f, idf, stretch_distance


def test_a_fragment_typed_from_the_headline_is_a_perfect_match() -> None:
    """Any stretch of the headline, from its start, middle or end, is zero edits away."""
    head = "古城保护条例正式实施"
    assert stretch_distance("古城保护", head) == 0
    assert stretch_distance("条例正式", head) == 0
    assert stretch_distance("正式实施", head) == 0


def test_a_short_part_inside_the_fragment_is_no_perfect_match() -> None:
    """A two-character kicker wholly inside a longer fragment costs the extra characters."""
    assert stretch_distance("古城保护条例", "古城") == 4


def test_a_missing_or_wrong_character_costs_one_edit() -> None:
    """One dropped, one replaced, one extra character: one edit each."""
    head = "刀削面技艺进社区"
    assert stretch_distance("刀削技艺进社", head) == 1
    assert stretch_distance("刀消面技艺", head) == 1
    assert stretch_distance("刀削面面技艺", head) == 1


def test_several_body_hits_outweigh_one_headline_hit() -> None:
    """With equal lengths, a word four times in the body beats it once in a headline
    whose body never has it, and once in the body beats it too."""
    w = Bm25f()
    filler = " ".join(["词"] * 300)
    weight = idf(5, 1000)
    in_head = FieldWords.of("古城 迎 新春", f"{filler}")
    in_body4 = FieldWords.of("文化 迎 新春", f"古城 {filler} 古城 古城 古城")
    in_body1 = FieldWords.of("文化 迎 新春", f"古城 {filler}")
    s_head, s_b4, s_b1 = (bm25f(x, [("古城", weight)], w) for x in (in_head, in_body4, in_body1))
    assert s_b4 > s_b1 > s_head


def test_a_headline_word_counts_in_a_long_article_too() -> None:
    """The headline's own length normalises a headline hit: a 5,000-word article keeps
    most of its headline word's weight."""
    w = Bm25f()
    short = FieldWords.of("古城 新春", " ".join(["词"] * 100))
    long = FieldWords.of("古城 新春", " ".join(["词"] * 5000))
    a, b = (bm25f(x, [("古城", 1.0)], w) for x in (short, long))
    assert b > 0.9 * a


def test_a_headline_word_the_body_never_mentions_counts_less() -> None:
    """A word only in the headline ranks below the word twice in an equally long body,
    and a headline hit counts in full when the body mentions the word too."""
    w = Bm25f()
    filler = " ".join(["词"] * 300)
    aside = FieldWords.of("古城 迎 新春", f"{filler} 词")
    twice = FieldWords.of("文化 迎 新春", f"古城 {filler[2:]} 古城")
    about = FieldWords.of("古城 迎 新春", f"古城 {filler[2:]}")
    s_aside, s_twice, s_about = (bm25f(x, [("古城", 1.0)], w) for x in (aside, twice, about))
    assert s_about > s_twice > s_aside


def test_headline_evidence_does_not_pile_up_across_query_words() -> None:
    """Two query words both in a headline count for less than their sum: an article
    naming one of them in its headline and printing the other three times in its body
    ranks above one naming both in its headline and each once in its body."""
    w = Bm25f()
    filler = " ".join(["词"] * 300)
    terms = [("古城", idf(40, 1000)), ("城墙", idf(10, 1000))]
    both = FieldWords.of("古城 城墙 迎 新春", f"古城 {filler} 城墙")
    one = FieldWords.of("古城 迎 新春", f"古城 城墙 {filler} 城墙 城墙")
    assert bm25f(one, terms, w) > bm25f(both, terms, w)
    assert bm25f(one, terms, w) < bm25f(both, terms, Bm25f(crowded=0.0))
