"""Packages: several pieces, each with its own headline and reporter, under one headline.

A paper lists a package as one article whose title is the package's own headline; the
pieces' headlines, reporter lines and signatures are part of its text. When the first
piece's headline is printed right under the package's, the two come out as one headline
block. The later pieces show it is a package: a subhead followed by a plain reporter line,
or letters each closed by a "place name" signature. An article that carries a second
author's name, on the other hand, holds two articles (split_by_names).
"""

from __future__ import annotations

import itertools

from digests.split import rules as rules
from digests.split.article import Draft
from digests.split.lexicon import Lexicon


def open_package(draft: Draft, lex: Lexicon) -> None:
    """Move the first piece's headline and reporter line out of a package's headline."""
    texts = [rules.nfkc(x).strip() for x in draft.head]
    if len(texts) < 2 or texts[0].endswith("——"):
        return
    if not ((draft.bylines and _reported_pieces(draft)) or _signed_pieces(draft, lex)):
        return
    keep = 1
    piece = [("sub", line) for line in draft.head[keep:]]
    reporters = [("line", line) for line in draft.bylines]
    draft.entries[:0] = piece + reporters
    draft.head = draft.head[:keep]
    draft.bylines = []


def _reported_pieces(draft: Draft) -> bool:
    """A later subhead followed by a plain reporter line: the next piece of a package."""
    kinds = [k for k, _ in draft.entries]
    return any(a == "sub" and b == "line" for a, b in itertools.pairwise(kinds))


def _signed_pieces(draft: Draft, lex: Lexicon) -> bool:
    """Letters: the text before the first subhead and before a later one ends in a
    signature."""
    ends = [i for i, (k, _) in enumerate(draft.entries) if k == "sub" and i > 0]
    signed = [i for i in ends if rules.is_signature(draft.entries[i - 1][1], lex)]
    return bool(signed) and signed[0] == ends[0]


def split_by_names(drafts: list[Draft]) -> list[Draft]:
    """An article with a second author name holds two articles: the second starts at the
    first subhead that follows the first author's body."""
    out: list[Draft] = []
    for draft in drafts:
        out.extend(_split_one(draft))
    return out


def _split_one(draft: Draft) -> list[Draft]:
    names = [i for i, (k, _) in enumerate(draft.entries) if k == "name"]
    if not names or not (draft.bylines or len(names) >= 2):
        return [draft]
    if any(rules.is_byline_line(x) for x in draft.bylines):
        return [draft]  # a report's pieces, each with its reporter's bare name
    if not draft.bylines and all(i and draft.entries[i - 1][0] == "sub" for i in names):
        return [draft]  # unsigned itself, each piece signed under its title: a package
    start = 0 if draft.bylines else names[0] + 1
    seen_para = False
    for i in range(start, len(draft.entries)):
        kind = draft.entries[i][0]
        if kind == "para":
            seen_para = True
        elif kind == "sub" and seen_para and i < names[-1]:
            head_end = i
            while head_end + 1 < len(draft.entries) and draft.entries[head_end + 1][0] == "sub":
                head_end += 1
            second = Draft(
                head=tuple(t for _, t in draft.entries[i : head_end + 1]),
                entries=draft.entries[head_end + 1 :],
            )
            draft.entries = draft.entries[:i]
            return [draft, *_split_one(second)]
    return [draft]
