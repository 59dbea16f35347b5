"""Does a headline block start an article or head a section of the one it sits in?

On text written out from an e-paper (one line per headline line or paragraph, reporters
inside the leads) no single sign settles it, so the signs are weighed together: the shape
of the block (a "——" kicker or subtitle, a column tag, a long summary line, numbering), what
follows it (a dateline, a quote), what precedes it (a closing note, a credit, a paragraph
that announces a list), how the block matches the subheads already seen in the article
(parallel subheads), and whether the text below shares words with the text above. The
weights are data (``Lexicon.start_weights``; defaults fitted on one month of a national
daily's pages by bench/split_fit.py, kept in digests/split/weights.py). Pure functions on
local values.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Protocol

from digests.split import rules as rules
from digests.split.lines import Line
from digests.split.pieces import bigrams, similarity
from digests.textrepair import ends_sentence, has_doubling

TOPIC_WINDOW = 12  # paragraphs looked at on each side, which keeps the test linear
MIN_TOPIC = 150  # characters on each side before word overlap means anything
# Numbered or marked subheads, and one-character ones: the compass points of a round-up
# ("东 | 黑瞎子岛"), the vignettes of a feature ("家").
_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.、]|"
    r"第[一二三四五六七八九十]+[，,、]?|[■□●◆◇○▲△★☆]|[\u4e00-\u9fff]$)"
)
_FINAL = ("!", "?", "！", "？", "…", "......")
# A news lead opens on the time or the place of the event ("1月31日,", "近日,", "当地时间…").
_TIME_LEAD = re.compile(r"^(?:\d{1,2}月\d{1,2}日|\d{1,2}日[,，]|近日|日前|近期|当地时间)")
PULL_QUOTE = 18  # characters: a sentence, longer than the subheads of this paper
_PARALLEL = 3  # characters: subheads of one article are about as long as each other


class BlockLike(Protocol):
    @property
    def lines(self) -> tuple[str, ...]: ...


class DraftLike(Protocol):
    head: tuple[str, ...]
    entries: list[tuple[str, str]]
    bylines: list[str]
    collection: bool


def score(features: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """The weighted sum of the features; above zero means "starts an article"."""
    return weights.get("bias", 0.0) + sum(v * weights.get(k, 0.0) for k, v in features.items())


def block_features(
    tokens: Sequence[BlockLike | Line], t: int, draft: DraftLike
) -> dict[str, float]:
    """The signs around the block at ``tokens[t]``, each a number (mostly 0 or 1)."""
    block = tokens[t]
    assert not isinstance(block, Line)
    texts = [rules.nfkc(x).strip() for x in block.lines]
    f: dict[str, float] = {}
    f["dash_sub"] = float(any(x.startswith("——") for x in texts[1:]))
    f["dash_kicker"] = float(any(x.endswith("——") for x in texts[:-1]))
    f["dash_alone"] = float(len(texts) == 1 and texts[0].endswith("——"))
    f["doubled"] = float(any(has_doubling(x) for x in block.lines))
    f["one_line"] = float(len(texts) == 1)
    f["three_lines"] = float(len(texts) >= 3)
    f["long_line"] = float(any(len(x) > 30 for x in texts))
    f["numbered"] = float(bool(_NUMBERED.match(texts[0])))
    f["final_punct"] = float(texts[-1].endswith(_FINAL))
    f["quoted"] = float(rules.is_open_quote(texts[-1][:1]) and rules.is_close_quote(texts[-1][-1:]))
    f["spaced"] = float(any(" " in x.strip() for x in block.lines))
    f["colon_end"] = float(texts[-1].endswith((":", "：")))
    f.update(_after(tokens, t))
    if f["next_name"] and any(_reporter(x) for x in draft.bylines):
        f["next_byline"] = 1.0  # a bare name under a piece of a report signed "本报记者 …"
    f.update(_before(tokens, t, draft))
    f.update(_parallel(tokens, t, draft))
    f.update(_topic(tokens, t, draft))
    return f


def _after(tokens: Sequence[BlockLike | Line], t: int) -> dict[str, float]:
    nxt = _next_line(tokens, t)
    f: dict[str, float] = {}
    text = rules.nfkc(nxt.text).strip() if nxt else ""
    f["next_dateline"] = float(nxt is not None and nxt.role == "body" and _opens(text))
    f["next_name"] = float(nxt is not None and nxt.role == "name")
    f["next_byline"] = float(nxt is not None and nxt.role == "byline")
    f["next_quote"] = float(rules.is_open_quote(text[:1]))
    f["next_head"] = float(nxt is None)  # another headline block right below, or the end
    f["next_time_lead"] = float(
        nxt is not None and nxt.role == "body" and bool(_TIME_LEAD.match(text))
    )
    paras = chars = 0
    for tok in tokens[t + 1 :]:
        if not isinstance(tok, Line):
            break
        if tok.role == "body":
            paras += 1
            chars += len(tok.text)
    f["after_paras"] = math.log1p(paras)
    f["next_reporter"] = float(nxt is not None and nxt.role == "body" and "记者" in text[:40])
    f["next_long_lead"] = float(nxt is not None and nxt.role == "body" and len(text) >= 100)
    f["after_short"] = float(chars < 200)
    f["after_chars"] = math.log1p(chars) / 4
    return f


def _before(tokens: Sequence[BlockLike | Line], t: int, draft: DraftLike) -> dict[str, float]:
    prev = tokens[t - 1] if t > 0 else None
    f: dict[str, float] = {}
    role = prev.role if isinstance(prev, Line) else ""
    f["prev_end"] = float(role == "end")
    text = rules.nfkc(prev.text).strip() if isinstance(prev, Line) else ""
    f["prev_open"] = float(role == "body" and text.endswith(("——", ":", "：")))
    f["prev_unfinished"] = float(role == "body" and not ends_sentence(text))
    paras = [x for k, x in draft.entries if k == "para"]
    subs = _subheads(draft)
    f["draft_paras"] = math.log1p(len(paras))
    f["draft_subs"] = float(bool(subs))
    f["lead_dateline"] = float(bool(paras) and _opens(rules.nfkc(paras[0])))
    f["collection"] = float(draft.collection)
    f["collection_brief"] = float(draft.collection and _after(tokens, t)["next_dateline"] > 0)
    f["group_outgrown"] = float(draft.collection and _outgrown(tokens, t, draft))
    return f


def _parallel(tokens: Sequence[BlockLike | Line], t: int, draft: DraftLike) -> dict[str, float]:
    """Is the block as long as the article's last subhead, or as the next block below?
    Subheads of one article come in a parallel series; headlines of articles vary."""
    block = tokens[t]
    assert not isinstance(block, Line)
    size = len("".join(block.lines))
    subs = _subheads(draft)
    ahead = next((tok for tok in tokens[t + 2 :] if not isinstance(tok, Line)), None)
    sizes = {len(x) for x in subs}
    return {
        "block_chars": min(size, 40) / 10,
        "shape_break": float(
            len(subs) >= 2
            and max(sizes) - min(sizes) <= _PARALLEL
            and all(abs(n - size) > _PARALLEL for n in sizes)
        ),
        "subs_count": math.log1p(len(subs)),
        "parallel_prev": float(bool(subs) and abs(len(subs[-1]) - size) <= _PARALLEL),
        "parallel_next": float(
            ahead is not None and abs(len("".join(ahead.lines)) - size) <= _PARALLEL
        ),
    }


def _topic(tokens: Sequence[BlockLike | Line], t: int, draft: DraftLike) -> dict[str, float]:
    """Word overlap of the text under the block with the article so far."""
    after: list[tuple[str, str]] = []
    for tok in tokens[t + 1 : t + 1 + TOPIC_WINDOW]:
        if not isinstance(tok, Line):
            break
        if tok.role == "body":
            after.append(("para", tok.text))
    block = tokens[t]
    assert not isinstance(block, Line)
    after += [("head", x) for x in block.lines]
    before = [("head", x) for x in draft.head] + draft.entries[-TOPIC_WINDOW:]
    known = min(sum(len(x) for _, x in after), sum(len(x) for _, x in before)) >= MIN_TOPIC
    sim = similarity(bigrams(after), bigrams(before)) if known else 0.0
    return {
        "topic_known": float(known),
        "topic_sim": sim,
        "topic_shift": float(known and sim < 0.05),
    }


GROUP_GROWTH = 2  # times: a piece of a group runs about as long as the pieces before it


def _outgrown(tokens: Sequence[BlockLike | Line], t: int, draft: DraftLike) -> bool:
    """The text under the block runs more than twice as long as any piece of the group so
    far: a report of its own after the group's briefs, not one more brief."""
    pieces: list[int] = []
    for kind, text in draft.entries:
        if kind == "sub" or not pieces:
            pieces.append(0)
        if kind == "para":
            pieces[-1] += len(text)
    chars = 0
    for tok in tokens[t + 1 :]:
        if not isinstance(tok, Line):
            break
        chars += len(tok.text) if tok.role == "body" else 0
    return max(pieces, default=0) > 0 and chars > GROUP_GROWTH * max(pieces)


def _reporter(line: str) -> bool:
    """A reporter line ("本报记者 …", "本报记者 …摄影报道"), not a bare author name."""
    return rules.is_byline_line(line) or rules.is_photo_credit(line)


def _subheads(draft: DraftLike) -> list[str]:
    """The article's subheads so far, without pull quotes: a commentary prints a sentence
    of its own in large type ("…的坚持,让…走出了新路"), which heads no section."""
    return [x for k, x in draft.entries if k == "sub" and not _pull_quote(x)]


def _pull_quote(text: str) -> bool:
    text = rules.nfkc(text).strip()
    return len(text) >= PULL_QUOTE and any(c in text for c in ",;") and not _NUMBERED.match(text)


def _next_line(tokens: Sequence[BlockLike | Line], t: int) -> Line | None:
    for tok in tokens[t + 1 :]:
        if not isinstance(tok, Line):
            return None
        if tok.role not in ("label", "banner"):
            return tok
    return None


def _opens(text: str) -> bool:
    if rules.dateline(text):
        return True
    cont = rules.continuation(text[:12])
    return cont is not None and cont[0] == "上接"
