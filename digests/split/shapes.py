"""What a headline block's own shape says about where it stands: a news story's kicker
and title, the next piece of a package, a column tag or the story's own subject in
brackets, an article that has run its full length or is only its editor's note so far, a
photo whose credit is left out, a data box. Pure functions on local values;
digests.split.page settles blocks with them or leaves them to the weighing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digests.split import heading as heading
from digests.split import rules as rules
from digests.split.article import Draft
from digests.split.blocks import Block, Token, neighbour
from digests.split.lexicon import Lexicon
from digests.split.lines import Line

LONG_SUBHEAD = 30  # characters: a headline line this long with a "——" inside is a sentence
FULL_PIECE = 700  # characters without a subhead: a commentary or report at full length
EDITORS_NOTES = ("编者按", "编者的话", "开栏的话")  # notes that introduce a feature
PHOTO_CAPTION = 130  # characters: a photo's caption; a section's text runs longer
_PHOTO_TITLE = re.compile(r"^[\u4e00-\u9fff]{2,8}$")
# A caption opens on when the picture was taken ("2月11日,", "春节过后,", "早春时节,").
_CAPTION_TIME = re.compile(
    r"^(?:\d{1,2}月\d{1,2}日|\d{4}年|近日|日前|春节|节后|新春|[^,,]{2,4}时节)"
)
_FIGURE_IN_LINE = re.compile(
    r"\d(?:\.\d+)?(?:%|(?:多|余)?(?:万|亿)?(?:件|人次|人|元|个|家|吨|项))$"
)


def news_headline(tokens: Sequence[Token], t: int) -> bool:
    """A statement over a short catchy line ("某县实施山村振兴行动" over
    "让小村变美 把大村做强"), with the text right under it: a news story's kicker and
    title. Subheads here take one line; the two-line headings of a package's pieces are
    followed by the piece's reporter."""
    block = tokens[t]
    assert isinstance(block, Block)
    lines = [rules.nfkc(x).strip() for x in block.lines]
    nxt = neighbour(tokens, t, +1)
    if len(lines) != 2 or not (isinstance(nxt, Line) and nxt.role == "body"):
        return False
    return rules.kicker_over_title(*lines)


def tagged(block: Block) -> bool:
    return any(rules.column_tag(rules.nfkc(x))[1] for x in block.lines)


def piece_done(block: Block, draft: Draft) -> bool:
    """An article that has run its full length without a subhead is over: a headline
    after it opens the next article. Commentaries and essays ("…(钟声)", "…(今日谈)")
    carry no subheads, and a long report that has none so far rarely starts them late."""
    first = rules.nfkc(block.lines[0]).strip()
    if first.startswith(("——", "…", "...")) or len("".join(block.lines)) < 4:
        return False  # a signature ("——@一新") or a pause, not a headline
    if first.endswith((":", "：", "——")) or first.startswith("问"):
        return False  # a lead-in, a question of an interview: text of the article
    if rules.nfkc(block.lines[-1]).strip().endswith(("?", "？")):
        return False  # "怎样留住那些…?": a commentary's questions head its parts
    if first[:1] in rules.BOX_MARKS:
        return False  # a boxed label ("■小贴士") sets off a sidebar of the article
    if any(len(x) > LONG_SUBHEAD and "——" in x.strip("—") for x in map(rules.nfkc, block.lines)):
        return False  # "统筹规划,稳步实施——建设…": a subhead in sentences
    if any(k == "sub" for k, _ in draft.entries):
        return False
    paras = [x for k, x in draft.entries if k == "para"]
    return len(paras) >= 3 and sum(len(x) for x in paras) >= FULL_PIECE


def figure_box(tok: Token) -> bool:
    return isinstance(tok, Block) and heading.is_figure(rules.nfkc(tok.lines[0]).strip())


def in_data_box(block: Block) -> bool:
    """A line of the data box itself rather than a headline over it: a figure in the line
    ("快件总量3.5亿件", "线上办理占比91.2%") or a lead-in ("2030年某市——")."""
    text = rules.nfkc(block.lines[-1]).strip()
    return text.endswith("——") or bool(_FIGURE_IN_LINE.search(text))


def dash_headline(lines: Sequence[str]) -> bool:
    """A kicker ending in "——" (a long one: short ones lead subheads) or a "——" subtitle."""
    texts = [rules.nfkc(x).strip() for x in lines]
    if any(x.endswith("——") and len(x) >= 10 for x in texts[:-1]):
        return True
    return any(x.startswith("——") for x in texts[1:])


def after_editors_note(draft: Draft) -> bool:
    """Has the article so far been only its editor's note ("编者按:…", "开栏的话")? The
    first headline after it opens the feature the note introduces, as a subhead."""
    paras = [rules.nfkc(x).lstrip() for k, x in draft.entries if k == "para"]
    subs = any(k == "sub" for k, _ in draft.entries)
    return bool(paras) and paras[0].startswith(EDITORS_NOTES) and not subs


def uncredited_photo(tokens: Sequence[Token], t: int) -> bool:
    """A short title over a one-paragraph caption that opens on the time ("春日赏花" over
    "周末以来,城郊的花海…"), then the next headline or the page's end: a photo
    whose credit the e-paper leaves out. A subhead heads more text than that."""
    block = tokens[t]
    assert isinstance(block, Block)
    caption = tokens[t + 1] if t + 1 < len(tokens) else None
    after = tokens[t + 2] if t + 2 < len(tokens) else None
    return (
        isinstance(caption, Line)
        and caption.role == "body"
        and _photo_shape(block.lines, caption.text)
        and (after is None or isinstance(after, Block))
    )


def _photo_shape(head: Sequence[str], caption: str) -> bool:
    return (
        len(head) == 1
        and bool(_PHOTO_TITLE.match(rules.nfkc(head[0]).strip()))
        and len(caption) <= PHOTO_CAPTION
        and bool(_CAPTION_TIME.match(rules.nfkc(caption).strip()))
    )


GROUP_LABEL = 4  # characters: a label over a group ("读者来信", "数据"); a kicker says more
GROUP_PIECE = 450  # characters: the first piece under such a label is a short one
PARALLEL_LINE = 3  # characters: the headlines of one group's pieces are about as long,
PARALLEL_SHARE = 0.25  # or their longer summary lines within this share of each other


def group_label(tokens: Sequence[Token], t: int) -> bool:
    """A short line over the headline of a short piece whose next sibling's headline has
    the same shape: a label over a group of items ("读者来信" over "小区装上新路灯", then
    "公交站挪近了"), which the e-paper lists as one item under the label. A series of
    parallel subheads ("东 | …", "西 | …") repeats the short line itself; a kicker heads a
    longer report; a photo's series name follows its short caption. Shape alone, no list.
    The label may be longer ("青柳春运一线") over pieces headed by two lines each."""
    block = tokens[t]
    assert isinstance(block, Block)
    if len(block.lines) < 2:
        return False
    # A longer label ("2031春运一线") when the pieces' own headlines take two lines each.
    labelled = _short_label(block.lines[0]) or (len(block.lines) >= 3 and _named(block.lines[0]))
    if not labelled:
        return False
    p = next((i for i in range(t - 1, -1, -1) if isinstance(tokens[i], Block)), -1)
    if p >= 0:
        prev = tokens[p]
        assert isinstance(prev, Block)
        above = _body_chars(tokens, p)
        if above <= PHOTO_CAPTION or p == t - 1:
            return False  # a photo's series name under its caption; a box's label
        if above <= GROUP_PIECE and any(_short_label(x) for x in prev.lines):
            return False  # the next of a series of pieces, each under its short line
    chars = _body_chars(tokens, t)
    after = next((tok for tok in tokens[t + 1 :] if isinstance(tok, Block)), None)
    return (
        0 < chars <= GROUP_PIECE and after is not None and _parallel(block.lines[1:], after.lines)
    )


OVER_KICKER = 16  # characters: a label or a column's name over a kicker


def label_over_kicker(block: Block) -> bool:
    """A short line over a kicker that ends in "——" ("走乡村 看变化" over "某县某村——"): no
    kicker stands over another, so the line is the label of the pieces below."""
    if len(block.lines) < 2:
        return False
    first, second = (rules.nfkc(x).strip() for x in block.lines[:2])
    return (
        second.endswith("——")
        and not first.endswith(("——", ":"))
        and len(first) <= OVER_KICKER
        and not any(c in first for c in "。，,;；:：")
    )


def label_over_signed(block: Block, lex: Lexicon) -> bool:
    """A short line over a signed piece's title and its writer ("读者来论" over "路灯亮了"
    over "河湾镇 周 岚"): the label of the package of signed pieces."""
    lines = block.lines
    return len(lines) >= 3 and _short_label(lines[0]) and heading.is_signed_piece(lines[1:], lex)


def _body_chars(tokens: Sequence[Token], t: int) -> int:
    """Characters of text under the block at ``t``, up to the next block."""
    chars = 0
    for tok in tokens[t + 1 :]:
        if isinstance(tok, Block):
            break
        chars += len(tok.text) if tok.role == "body" else 0
    return chars


def _parallel(one: Sequence[str], other: Sequence[str]) -> bool:
    if len(one) != len(other):
        return False
    sizes = [(len(a.strip()), len(b.strip())) for a, b in zip(one, other, strict=True)]
    return all(abs(a - b) <= max(PARALLEL_LINE, max(a, b) * PARALLEL_SHARE) for a, b in sizes)


def _named(line: str) -> bool:
    text = rules.nfkc(line).strip()
    return len(text) <= OVER_KICKER and not any(c in text for c in "。，,;；:：!?！？—")


def _short_label(line: str) -> bool:
    text = rules.nfkc(line).strip()
    return 2 <= len(text) <= GROUP_LABEL and all("\u4e00" <= c <= "\u9fff" for c in text)
