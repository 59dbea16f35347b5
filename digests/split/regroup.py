"""Scattered pages regrouped: every piece of text goes to the essay it belongs to.

On a page of signed essays the PDF's text order gives each essay in pieces, one column
box at a time, and the boxes of different essays interleave: the text under a title is
often a later column of its essay, its opening comes after its closing note, and a box
of one essay sits inside another. The walk down the page (digests.split.page) cuts the
text into drafts at headlines; here each draft is cut again into pieces where its text
may change hands (after a closing note, at a "subhead" that follows a paragraph broken
off mid-sentence, and where the walk joined a line broken off mid-sentence to the next
line, which may be another essay's column), and all pieces are assigned at once: each
to the essay whose words it shares most, judged against what every essay holds, the
piece's own draft winning ties. The first piece under a signed title stays with it, and a
piece that goes on from a broken sentence is joined to one left broken in its essay.

A headline with no author line under it, on such a page, is as likely a pull quote or a
column's stray first line as a title: its draft takes part as a piece, not as an essay,
unless its text keeps to itself. Pure functions on drafts.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from digests.split import rules as rules
from digests.split.article import Draft
from digests.split.heads import titles_apart
from digests.split.pieces import bigrams
from digests.textrepair import ends_sentence

Entry = tuple[str, str]
_LEAD, _OWN, _CAME = range(3)  # where an essay's pieces go, in turn
HOME = 2.0  # a piece leaves its draft only for an essay it shares this much more with
MIN_SHARE = 0.1  # damped bigram cosine below which a piece stays where it is
SEED = 0.5  # share of a title's bigrams in the piece it takes as its text's first
ROUNDS = 2  # assignments, each against the essays as the one before left them


@dataclass(frozen=True, slots=True)
class Profile:
    grams: Counter[str]
    norm2: float  # the sum of the damped counts squared


@dataclass(slots=True)
class Piece:
    entries: list[Entry]
    home: int  # index of the draft it came from
    anchored: bool = False  # the first piece under a signed title
    stray: bool = False  # cut at a "subhead" after a paragraph broken off mid-sentence
    joined: bool = False  # cut where the walk joined two lines of text into a paragraph
    grams: Counter[str] = field(default_factory=Counter)
    norm: float = 0.0  # of the damped counts


def regroup(drafts: list[Draft], lines: Sequence[str] = ()) -> list[Draft]:
    """The drafts with their pieces moved to the essays they belong to; ``lines`` are the
    page's lines, which tell where the walk joined two of them into one paragraph."""
    drafts = titles_apart(drafts)
    essays = [i for i, d in enumerate(drafts) if _essay(d)]
    if len(essays) < 2:
        return drafts
    index = _line_index(lines)
    pieces = [p for i, d in enumerate(drafts) if _movable(d) for p in _cut(d, i, index)]
    for piece in pieces:
        home = piece.home
        if piece.anchored and home and _essay(drafts[home - 1]) and not drafts[home - 1].paras():
            piece.anchored = False  # titles stacked over their text: whose text is it?
    seeds = _seeds(drafts, essays, pieces)
    owner = [seeds.get(k, p.home) for k, p in enumerate(pieces)]
    for _ in range(ROUNDS):
        profiles = _profiles(drafts, essays, pieces, owner)
        owner = [
            seeds[k] if k in seeds else _assign(p, profiles, owner[k]) for k, p in enumerate(pieces)
        ]
    return _rebuild(drafts, pieces, owner)


def _essay(draft: Draft) -> bool:
    return draft.kind == "article" and bool(draft.head)


def _signed(draft: Draft) -> bool:
    """An author line under the title or, where the text order put it, in the text."""
    return bool(draft.bylines) or any(k == "name" for k, _ in draft.entries)


def _titled(draft: Draft) -> bool:
    """Does the title speak for the essay's words? When it is signed, or has no text
    under it (titles stacked over their text); an unsigned headline over text may be a
    quote of that very text."""
    return _signed(draft) or not draft.paras()


def _movable(draft: Draft) -> bool:
    return draft.kind == "article" and draft.paras() > 0


def _cut(draft: Draft, index: int, lines: dict[str, list[str]]) -> list[Piece]:
    """The draft's text in pieces: cut where _cut_before says, and where the walk joined
    a column's last line, broken off mid-sentence, to the next column's first line (on a
    scattered page the next column is as likely another essay's)."""
    entries = draft.entries
    out: list[Piece] = []
    for k, entry in enumerate(entries):
        if not out or _cut_before(entries, k):
            out.append(Piece(entries=[], home=index, stray=bool(out) and entry[0] == "sub"))
        parts = _joined_lines(entry[1], lines) if entry[0] == "para" else [entry[1]]
        out[-1].entries.append((entry[0], parts[0]))
        for part in parts[1:]:
            out.append(Piece(entries=[("para", part)], home=index, joined=True))
    for piece in out:
        piece.grams = bigrams(piece.entries)
        piece.norm = math.sqrt(sum(math.log1p(n) ** 2 for n in piece.grams.values()))
    if out and draft.head and _signed(draft):
        out[0].anchored = True
    return out


def _line_index(lines: Sequence[str]) -> dict[str, list[str]]:
    """The page's lines by their first two characters, longest first."""
    index: dict[str, list[str]] = defaultdict(list)
    for line in sorted(set(lines), key=len, reverse=True):
        index[line[:2]].append(line)
    return index


def _joined_lines(text: str, lines: dict[str, list[str]]) -> list[str]:
    """The page lines a paragraph was joined from (the paragraph whole when they cannot
    be told)."""
    parts: list[str] = []
    at = 0
    while at < len(text):
        line = next((x for x in lines.get(text[at : at + 2], ()) if text.startswith(x, at)), "")
        if not line or line == text[at:]:
            break
        parts.append(line)
        at += len(line)
    return [*parts, text[at:]] if at < len(text) else parts or [text]


def _cut_before(entries: Sequence[Entry], k: int) -> bool:
    """Does a new piece start at entry k? After a closing note, and at a
    subhead right after a paragraph broken off mid-sentence (the first line of a box of
    another essay, read as a subhead)."""
    before_kind, before = entries[k - 1]
    kind, text = entries[k]
    if before_kind == "para" and rules.is_author_note(before):
        return True
    return (
        kind == "sub"
        and before_kind == "para"
        and not ends_sentence(before)
        and not rules.continuation(before)
        and not rules.is_end_marker(before)
        and not ends_sentence(text)
    )


def _seeds(
    drafts: Sequence[Draft], essays: Sequence[int], pieces: Sequence[Piece]
) -> dict[int, int]:
    """An unsigned title with no text under it (digests.split.heads.titles_apart) takes the
    piece that holds most of its words, when that is most of them: a title's few words
    weigh too little against a whole essay's for word overlap alone to bring it text.
    (A signed one, stacked over its text, gets its text by word overlap as before.)"""
    seeds: dict[int, int] = {}
    for i in essays:
        if drafts[i].paras() or _signed(drafts[i]):
            continue
        title = bigrams([("head", x) for x in drafts[i].head])
        total = sum(title.values())
        free = [k for k, p in enumerate(pieces) if not p.anchored and k not in seeds]
        if not total or not free:
            continue
        cover = {k: sum(n for g, n in title.items() if g in pieces[k].grams) / total for k in free}
        best = max(free, key=lambda k: cover[k])
        if cover[best] >= SEED:
            seeds[best] = i
    return seeds


def _profiles(
    drafts: Sequence[Draft], essays: Sequence[int], pieces: Sequence[Piece], owner: Sequence[int]
) -> dict[int, Profile]:
    """The words of each essay: its title's when it speaks for them (_titled), and its
    pieces'."""
    grams = {
        i: bigrams([("head", x) for x in drafts[i].head] if _titled(drafts[i]) else [])
        for i in essays
    }
    for piece, who in zip(pieces, owner, strict=True):
        if who in grams:
            grams[who].update(piece.grams)
    return {i: Profile(g, sum(math.log1p(n) ** 2 for n in g.values())) for i, g in grams.items()}


def _assign(piece: Piece, profiles: dict[int, Profile], now: int) -> int:
    """The essay the piece shares most words with, measured against each essay without the
    piece itself; it stays home unless another essay shares clearly more."""
    if piece.anchored:
        return piece.home
    scores = {i: _share(piece, profile, i == now) for i, profile in profiles.items()}
    if not scores:
        return now
    best = max(scores, key=lambda i: scores[i])
    home = piece.home if piece.home in scores else None
    if home is not None and scores[best] < max(MIN_SHARE, scores[home] * HOME):
        return home
    if home is None and scores[best] < MIN_SHARE:
        return piece.home
    return best


def _share(piece: Piece, essay: Profile, holds: bool) -> float:
    """digests.split.pieces.similarity of the piece and the essay, with the piece's own
    counts taken out of the essay when the essay ``holds`` it: computed from the essay's
    kept norm, so each piece costs its own bigrams only."""
    norm2 = essay.norm2
    dot = 0.0
    for gram, n in piece.grams.items():
        m = essay.grams.get(gram, 0)
        if holds:
            norm2 += math.log1p(m - n) ** 2 - math.log1p(m) ** 2
            m -= n
        if m > 0:
            dot += math.log1p(n) * math.log1p(m)
    return dot / (piece.norm * math.sqrt(norm2)) if dot and norm2 > 0 else 0.0


def _rebuild(drafts: list[Draft], pieces: Sequence[Piece], owner: Sequence[int]) -> list[Draft]:
    """Each essay gets its pieces: its own first, then those that came to it, except that a
    newcomer broken off mid-sentence leads into the text under the title, and the piece
    that closes with the author note comes last when the rest stops mid-sentence (the
    text order often gives an essay's end right under its title, its opening after the
    note). A draft left without text is dropped, its headline going along with its first
    piece as subheads."""
    parts: dict[int, list[Part]] = defaultdict(list)
    left = {p.home for p, who in zip(pieces, owner, strict=True) if who == p.home}
    firsts = set()
    for k, (piece, who) in enumerate(zip(pieces, owner, strict=True)):
        if piece.joined and k and pieces[k - 1].home == piece.home and owner[k - 1] == who:
            _join_onto(parts[who][-1].entries, piece.entries)  # the walk's join stands
            continue
        entries = _as_text(piece) if who != piece.home and piece.stray else piece.entries[:]
        draft = drafts[piece.home]
        if piece.home not in left and piece.home not in firsts and draft.head:
            firsts.add(piece.home)
            entries = [("sub", x) for x in draft.head] + entries
        rank = _OWN if who == piece.home else _LEAD if _open_end(piece) else _CAME
        parts[who].append(Part(rank, piece.joined, entries))
    out: list[Draft] = []
    for i, draft in enumerate(drafts):
        if _movable(draft) or _essay(draft):
            had_text = _movable(draft)
            draft.entries = _joined(_in_order(parts[i]))
            if had_text and not draft.entries:
                continue
        out.append(draft)
    return out


@dataclass(frozen=True, slots=True)
class Part:
    rank: int
    joined: bool  # its first line goes on from a paragraph broken off mid-sentence
    entries: list[Entry]


def _in_order(parts: list[Part]) -> list[Part]:
    """An essay's pieces in reading order: by rank (stable, so page order within one), and
    the closing piece last when the text before it stops mid-sentence, for it goes on
    from there. A piece that goes on from a broken sentence follows the first piece left
    broken off."""
    ranked = sorted(parts, key=lambda part: part.rank)
    closing = [x for x in ranked if rules.is_author_note(x.entries[-1][1])]
    rest = [x for x in ranked if x not in closing]
    paras = [t for x in rest for k, t in x.entries if k == "para"]
    if closing and paras and not ends_sentence(paras[-1]):
        ranked = rest + closing
    out: list[Part] = []
    for part in ranked:
        if part.joined and not (out and _broken(out[-1])):
            at = next((k for k, x in enumerate(out) if _broken(x) and not _goes_on(out, k)), None)
            if at is not None:
                out.insert(at + 1, part)
                continue
        out.append(part)
    return out


def _broken(part: Part) -> bool:
    kind, text = part.entries[-1]
    return kind == "para" and _open(text)


def _open(text: str) -> bool:
    """Text broken off mid-sentence (a closing note is no sentence, and ends its essay)."""
    return not ends_sentence(text) and not rules.is_end_marker(text)


def _goes_on(parts: Sequence[Part], k: int) -> bool:
    return k + 1 < len(parts) and parts[k + 1].joined


def _joined(parts: Sequence[Part]) -> list[Entry]:
    """The pieces' entries, a piece that goes on from a broken sentence joined to it."""
    out: list[Entry] = []
    for part in parts:
        if part.joined:
            _join_onto(out, part.entries)
        else:
            out.extend(part.entries)
    return out


def _join_onto(out: list[Entry], entries: Sequence[Entry]) -> None:
    """``entries`` after ``out``, the first joined to a paragraph broken off mid-sentence."""
    if out and entries and out[-1][0] == "para" and _open(out[-1][1]):
        out[-1] = ("para", out[-1][1] + entries[0][1])
        entries = entries[1:]
    out.extend(entries)


def _as_text(piece: Piece) -> list[Entry]:
    """A stray piece's lines as the paragraphs they are: its first line, read as a
    subhead, opens its text, and lines cut mid-sentence are joined."""
    moved = Draft()
    for k, (kind, text) in enumerate(piece.entries):
        if kind == "para" or k == 0:
            moved.add_para(text)
        else:
            moved.entries.append((kind, text))
    return moved.entries


def _open_end(piece: Piece) -> bool:
    last = next((t for k, t in reversed(piece.entries) if k == "para"), "")
    return bool(last) and not ends_sentence(last)
