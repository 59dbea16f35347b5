"""Scattered pieces: text the PDF's reading order put inside the wrong article.

On pages set in many boxes (theory pages), the text layer can give a piece of one article
after another article, often the piece that opens it. The page shows it by a break no
article has: a paragraph stops mid-sentence and a "subhead" follows, which is really the
first line of the stray piece. The piece goes to the article whose words it shares most,
before that article's body when it itself stops mid-sentence (it leads into that body),
after it otherwise. Pure functions on drafts.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from digests.split import rules as rules
from digests.split.article import Draft
from digests.textrepair import collapse_doubled, ends_sentence, norm_key

_DOUBLED_LINE = 80  # characters: a bold headline or name line printed twice is shorter

_SIGNED_PAGE = 2  # author notes: one is a signed piece on an ordinary page
_HEADLINE_LINE = 40  # characters: longer lines are text, not a headline or a name
_CAPTION = 80  # characters: a photo caption over its credit is at most a few lines
_CHART_LINE = 30  # characters: a chart's title, figure and source lines are short
_CHART_SOURCE = "数据来源"
_MARGIN = 1.3  # the new home must share clearly more words than the old one
_MIN_SIMILARITY = 0.1


def page_furniture_out(lines: Sequence[str]) -> list[str]:
    """The lines of a page of signed essays without its chart boxes (an author note on the
    page) and photo captions and credits (two notes or more): on such a page they sit
    wherever the PDF's text order put them, inside an essay's text, and they belong to no
    essay.

    Found by shape: a photographer's credit with text going on under it and the short
    line over it (the caption); a
    chart's source line ("数据来源…"), the short lines with figures over it and the short
    title over those."""
    notes = sum(1 for x in lines if rules.is_author_note(x))
    if not notes:
        return list(lines)
    drop: set[int] = set()
    for i, line in enumerate(lines):
        if rules.is_photo_credit(line) and notes >= _SIGNED_PAGE and _text_goes_on(lines, i + 1):
            drop.add(i)
            if (
                i > 0
                and len(norm_key(lines[i - 1])) <= _CAPTION
                and not rules.is_author_note(lines[i - 1])
            ):
                drop.add(i - 1)
        elif _CHART_SOURCE in norm_key(line)[:_CHART_LINE]:
            drop.update(_chart_above(lines, i))
    return [x for i, x in enumerate(lines) if i not in drop]


def _text_goes_on(lines: Sequence[str], i: int) -> bool:
    """Body text follows: the photo sits amid an essay. A credit followed by a headline
    closes a photo item (or a story that ends with its picture) and stays."""
    return i < len(lines) and len(norm_key(lines[i])) > _HEADLINE_LINE


def _chart_above(lines: Sequence[str], source: int) -> list[int]:
    """The source line, the figures over it and the chart's title over them."""
    rows = [source]
    j = source - 1
    while j >= 0 and len(norm_key(lines[j])) <= _CHART_LINE and any(c.isdigit() for c in lines[j]):
        rows.append(j)
        j -= 1
    title = j >= 0 and len(norm_key(lines[j])) <= _CHART_LINE and not ends_sentence(lines[j])
    if title and len(rows) > 1:
        rows.append(j)
    return rows


def undouble(lines: Sequence[str]) -> list[str]:
    """Lines printed twice for bold, in whatever order the glyphs were drawn ("标题标题",
    "标标题题", "标题标题::副题"), read once. Only a line that is mostly doubling is touched:
    body text never repeats itself run by run; a page header ("7理论理论7") is left alone
    for the header rules."""
    out = []
    for line in lines:
        key = norm_key(line)
        if len(key) <= _DOUBLED_LINE and not rules.page_header(line):
            single = collapse_doubled(key, min_len=1)
            words = sum(c.isalnum() for c in single)  # "……" is wording, not doubling
            if words >= 2 and 2 * len(single) <= len(key) + 1:  # each glyph twice, bar one
                line = single
        out.append(line)
    return out


def reassemble(drafts: list[Draft]) -> list[Draft]:
    """Move each stray piece to the article it belongs to (drafts change in place)."""
    for draft in list(drafts):
        start = _stray_start(draft)
        if start is None:
            continue
        piece = draft.entries[start:]
        rest = Draft(head=draft.head, entries=draft.entries[:start])
        own = similarity(bigrams(piece), _profile(rest))
        target, best = _best_home(drafts, draft, piece)
        if target is None or best < _MIN_SIMILARITY or best < own * _MARGIN:
            continue
        draft.entries = draft.entries[:start]
        _insert(target, [text for _, text in piece], lead=not ends_sentence(piece[-1][1]))
    return drafts


def _stray_start(draft: Draft) -> int | None:
    """Where a stray piece starts: a subhead right after a paragraph cut mid-sentence."""
    for i in range(1, len(draft.entries)):
        kind, text = draft.entries[i]
        before_kind, before = draft.entries[i - 1]
        if (
            kind == "sub"
            and before_kind == "para"
            and not ends_sentence(before)
            and not rules.continuation(before)
            and not rules.is_end_marker(before)
            and not ends_sentence(text)
        ):
            return i
    return None


def _best_home(
    drafts: Sequence[Draft], own: Draft, piece: Sequence[tuple[str, str]]
) -> tuple[Draft | None, float]:
    grams = bigrams(piece)
    best: Draft | None = None
    score = 0.0
    for other in drafts:
        if other is own or other.kind != "article" or not other.paras():
            continue
        s = similarity(grams, _profile(other))
        if s > score:
            best, score = other, s
    return best, score


def _insert(target: Draft, texts: Sequence[str], lead: bool) -> None:
    """Add the piece's lines as paragraphs, joining lines cut mid-sentence."""
    moved = Draft()
    for text in texts:
        moved.add_para(text)
    if not lead:
        target.entries.extend(moved.entries)
        return
    first = next(i for i, (k, _) in enumerate(target.entries) if k == "para")
    target.entries[first:first] = moved.entries


def _profile(draft: Draft) -> Counter[str]:
    return bigrams([("head", x) for x in draft.head] + draft.entries)


def bigrams(entries: Sequence[tuple[str, str]]) -> Counter[str]:
    grams: Counter[str] = Counter()
    for _, text in entries:
        chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
        grams.update(a + b for a, b in pairwise(chars))
    return grams


def similarity(a: Counter[str], b: Counter[str]) -> float:
    """Cosine of bigram counts, each damped (log) so frequent words do not dominate."""
    if not a or not b:
        return 0.0
    dot = sum(math.log1p(n) * math.log1p(b[g]) for g, n in a.items() if g in b)
    na = math.sqrt(sum(math.log1p(n) ** 2 for n in a.values()))
    nb = math.sqrt(sum(math.log1p(n) ** 2 for n in b.values()))
    return dot / (na * nb)
