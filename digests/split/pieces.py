"""Lines of a scattered page (a PDF's text order) made ready for the walk, and the word
overlap the splitter judges pieces by.

On pages set in many boxes (theory pages) the text layer gives headlines printed twice
for bold, and photo captions and chart boxes amid an essay's text; they are undone or
taken out here, before the lines are classified. ``bigrams`` and ``similarity`` measure
how many words two stretches of text share (digests.split.regroup puts the pieces of
such a page back together by them). Pure functions.
"""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from collections.abc import Sequence

from digests.split import rules as rules
from digests.textrepair import collapse_doubled, ends_sentence, norm_key

_DOUBLED_LINE = 80  # characters: a bold headline or name line printed twice is shorter

_SIGNED_PAGE = 2  # author notes: one is a signed piece on an ordinary page
_HEADLINE_LINE = 40  # characters: longer lines are text, not a headline or a name
_CAPTION = 80  # characters: a photo caption over its credit is at most a few lines
_CHART_LINE = 30  # characters: a chart's title, figure and source lines are short
_CHART_SOURCE = "数据来源"
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")


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
    out: list[str] = []
    for line in lines:
        key = norm_key(line)
        if len(key) == 1 and out and out[-1] != lines[len(out) - 1] and out[-1][0] == key:
            out.append("")  # the glyph of a doubled line that missed its box: read there
            continue
        if len(key) <= _DOUBLED_LINE and not rules.page_header(line):
            single = collapse_doubled(key, min_len=1)
            if 2 * len(single) > len(key) + 1:
                single = _each_glyph_twice(key) or single
            words = sum(c.isalnum() for c in single)  # "……" is wording, not doubling
            if words >= 2 and 2 * len(single) <= len(key) + 1:  # each glyph twice, bar one
                line = single
        out.append(line)
    return [x for x in out if x]


def _each_glyph_twice(key: str) -> str:
    """The line once when it is two copies of one line with their glyphs interleaved in
    no fixed order: the first copy's glyph can come last ("题标标题" for "标题"), or every
    copy right after its glyph but the first. Readings are tried in turn, and one is
    taken only if printing it twice gives exactly the glyphs of the line."""
    counts = Counter(key)
    if len(key) < 4 or any(n % 2 for n in counts.values()):
        return ""
    readings = ["".join(counts)]  # first sight: right when no glyph repeats in the title
    if key[0] == key[-1]:
        readings.append(key[0] + collapse_doubled(key[1:-1], min_len=1))
    for reading in readings:
        if Counter(reading * 2) == counts:
            return reading
    return ""


def bigrams(entries: Sequence[tuple[str, str]]) -> Counter[str]:
    grams: Counter[str] = Counter()
    for _, text in entries:
        chars = _NOT_HAN.sub("", text)
        grams.update(map(operator.add, chars, chars[1:]))
    return grams


def similarity(a: Counter[str], b: Counter[str]) -> float:
    """Cosine of bigram counts, each damped (log) so frequent words do not dominate."""
    if not a or not b:
        return 0.0
    dot = sum(math.log1p(n) * math.log1p(b[g]) for g, n in a.items() if g in b)
    na = math.sqrt(sum(math.log1p(n) ** 2 for n in a.values()))
    nb = math.sqrt(sum(math.log1p(n) ** 2 for n in b.values()))
    return dot / (na * nb)
