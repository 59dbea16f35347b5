"""What a typed search query asks for (pure).

    非遗 刀削面          both words (AND between words may be written, it changes nothing)
    "红灯笼" or “红灯笼”   the phrase as printed (punctuation and spaces inside do not matter)
    灯笼 OR 灯会          either word (OR binds the words beside it: 古城 灯笼 OR 灯会 asks
                         for 古城 and one of the other two)
    灯笼 -灯会           灯笼 but no article that has 灯会 (also -"a phrase")

Only AND and OR in capitals are operators; lower-case "and"/"or" are words. A quote that
is never closed runs to the end of the query. Punctuation and emoji are never operators:
they separate words, so no query finds nothing because of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from digests.archive.query import MAX_QUERY_CHARS, compact, fold, terms_of

_QUOTES = '"“”「」『』＂'
_PIECE = re.compile(rf"([-－]?)(?:[{_QUOTES}]([^{_QUOTES}]*)[{_QUOTES}]?|([^\s{_QUOTES}]+))")
_TERM = re.compile(r"\w+")
# Caps that keep a pasted page from turning into a thousand-term query.
MAX_TERMS = 24
MAX_PHRASES = 4

Cut = Callable[[str], Sequence[str]]  # the segmenter: text in, words out
Terms = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """Terms that must all match; phrases that must match as printed (their terms, and
    their compacted text); groups of which one alternative must match; exclusions."""

    terms: Terms = ()
    phrases: tuple[Terms, ...] = ()
    phrase_texts: tuple[str, ...] = ()
    truncated: bool = False
    any_of: tuple[tuple[Terms, ...], ...] = ()  # each: alternatives, each all of its terms
    excluded: tuple[Terms, ...] = ()  # an article with all terms of one of these is left out
    excluded_texts: tuple[str, ...] = ()  # and one whose text has one of these (compacted)

    @property
    def empty(self) -> bool:
        return not self.terms and not self.phrases and not self.any_of

    @property
    def words(self) -> Terms:
        """Every term the results are ranked by and marked with, once each."""
        out = [*self.terms, *(t for p in self.phrases for t in p)]
        out += [t for group in self.any_of for alt in group for t in alt]
        return tuple(dict.fromkeys(out))


@dataclass(slots=True)
class _Unit:
    terms: Terms
    phrase: str | None  # compacted text of a quoted phrase


def _chunk_terms(chunk: str, cut: Cut, known: Callable[[str], bool]) -> Terms:
    """A chunk that is an index term as typed stays whole: cut alone, out of its
    sentence, the segmenter may split a word it kept whole in the text ("万场")."""
    whole = _TERM.findall(fold(chunk))
    if len(whole) == 1 and known(whole[0]):
        return (whole[0],)
    return tuple(dict.fromkeys(terms_of(cut(chunk))))


def parse_query(query: str, cut: Cut, known: Callable[[str], bool]) -> ParsedQuery:
    """Read a typed query (the syntax is in the module docstring)."""
    truncated = len(query) > MAX_QUERY_CHARS
    units: list[_Unit | str] = []  # a unit, or "OR"
    excluded: list[Terms] = []
    excluded_texts: list[str] = []
    for m in _PIECE.finditer(query[:MAX_QUERY_CHARS]):
        minus, quoted, plain = m.group(1), m.group(2), m.group(3)
        if quoted is None and plain in ("AND", "OR"):
            if plain == "OR":
                units.append("OR")
            continue
        text = quoted if quoted is not None else plain
        if minus and not compact(text):  # a lone "-" is punctuation, not an exclusion
            continue
        terms = tuple(dict.fromkeys(terms_of(cut(text)))) if quoted is not None else ()
        terms = terms or _chunk_terms(text, cut, known)
        if not terms:
            continue
        if minus:
            excluded.append(terms)
            if quoted is not None or len(terms) > 1:
                excluded_texts.append(compact(text))
            continue
        units.append(_Unit(terms, compact(text) if quoted is not None and len(terms) > 1 else None))
    return _combine(units, excluded, excluded_texts, truncated)


def _groups(units: Sequence[_Unit | str]) -> list[list[_Unit]]:
    """Units joined by OR into groups; a group of one is a plain requirement."""
    groups: list[list[_Unit]] = []
    join = False
    for u in units:
        if isinstance(u, str):
            join = bool(groups)
            continue
        if join:
            groups[-1].append(u)
        else:
            groups.append([u])
        join = False
    return groups


def _combine(
    units: Sequence[_Unit | str],
    excluded: list[Terms],
    excluded_texts: list[str],
    truncated: bool,
) -> ParsedQuery:
    terms: list[str] = []
    phrases: list[Terms] = []
    texts: list[str] = []
    any_of: list[tuple[Terms, ...]] = []
    for group in _groups(units):
        if len(group) > 1:
            any_of.append(tuple(u.terms for u in group))
            continue
        u = group[0]
        if u.phrase is not None and len(phrases) < MAX_PHRASES:
            phrases.append(u.terms)
            texts.append(u.phrase)
        else:
            terms.extend(t for t in u.terms if t not in terms)
    if len(terms) > MAX_TERMS:
        terms, truncated = terms[:MAX_TERMS], True
    return ParsedQuery(
        tuple(terms),
        tuple(phrases),
        tuple(texts),
        truncated,
        tuple(any_of[:MAX_PHRASES]),
        tuple(excluded[:MAX_PHRASES]),
        tuple(excluded_texts[:MAX_PHRASES]),
    )
