"""Second pass of the splitter: one page's classified lines grouped into articles.

Headline blocks (runs of short lines) either start an article or are subheads of the
article they sit in. A block starts an article when the page says so: a byline or a
dateline follows it, the previous article closed ("(作者为…)", "(新华社…电)", a credit,
"(下转…)"), it carries a column tag or a "——" kicker/subtitle, or it is a photo or
collection label, or the article above ran its full length without a subhead.
Everything else is a subhead. Blocks come from digests.split.blocks, and what a block's
own shape says from digests.split.shapes. Pure functions on local values.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import replace

from digests.model import Article
from digests.split import heading as heading
from digests.split import rules as rules
from digests.split import shapes as shapes
from digests.split.article import Draft, to_article
from digests.split.blocks import Block, Token, neighbour
from digests.split.lexicon import Lexicon
from digests.split.lines import Line
from digests.split.pieces import bigrams, similarity
from digests.split.score import block_features, score
from digests.split.walk import Walk, marked
from digests.textrepair import has_doubling

Reading = Callable[[Sequence[Token], int, Draft], bool]
MIN_TOPIC = 150  # characters on each side before word overlap means anything
TOPIC_WINDOW = 12  # paragraphs looked at on each side, which keeps the test linear
BEAM = 1  # walks kept; more (4) measured no better with weights fitted on greedy states
SIGNED_FROM = 2  # blocks: a signed page's first or second headline is signed already
SIGNED_ESSAYS = 2  # author lines and notes: a signed piece on an ordinary page has one
COMPILED_PACKAGE = 4  # pieces closed by "(…整理)" on a page that is one package
NOTE_TOPIC = 0.1  # a note on the story above shares this much of its words at least
TOPIC_SHIFT = 0.05  # damped bigram cosine; one article's parts share far more
# Rules that once settled a block and are now evidence of the one start model (outside
# pages of signed pieces): each adds rule_start to the weighed score, so the block's other
# signs can outweigh one misread line. The weight was chosen on the fitted days of
# bench/split_validate.py.
WEIGHED_RULES = frozenset(
    ("long", "headline", "photo", "end", "attendance", "document", "continued", "banner")
)
# Rules that settle a block on their own; the others ("dash", "doubled", "name", "topic",
# and no rule at all) are signs weighed together (digests.split.score).
_SURE = frozenset(
    (
        "tag",
        "document",
        "attendance",
        "byline",
        "dateline",
        "banner",
        "credit",
        "end",
        "continued",
        "photo",
    )
)


def named_page(tokens: Sequence[Token]) -> bool:
    """Pages whose articles carry a bare author name under the title (theory and opinion
    pages). Their closing notes are printed wherever the column ends, so there a note or
    credit does not mark where the next article starts. The page's first article is signed
    too: signed pieces further down, under a headline of their own ("…(大家谈)"), make a
    package inside an ordinary page."""
    named: list[int] = []
    blocks = 0
    for t, tok in enumerate(tokens):
        if not isinstance(tok, Block):
            continue
        nxt = neighbour(tokens, t, +1)
        if isinstance(nxt, Line) and nxt.role == "name":
            named.append(blocks)
        blocks += 1
    return (len(named) >= 2 and named[0] < SIGNED_FROM) or _compiled_pieces(tokens)


def signed_essays(tokens: Sequence[Token]) -> bool:
    """Author lines and author notes ("(作者为…)"), two of each at least, and an author
    line away from any title: a page of signed essays whose text order scattered them."""
    names = notes = away = 0
    for t, tok in enumerate(tokens):
        if not isinstance(tok, Line):
            continue
        if tok.role == "name":
            names += 1
            away += not isinstance(neighbour(tokens, t, -1), Block)
        elif tok.role == "end" and rules.is_author_note(tok.text):
            notes += 1
    return min(names, notes) >= SIGNED_ESSAYS and away > 0


def _compiled_pieces(tokens: Sequence[Token]) -> bool:
    """A page of pieces each closed by "(本报记者 …整理)": interviews or letters the paper
    lists as one package, so a closing note there does not end an article either."""
    notes = sum(
        1
        for tok in tokens
        if isinstance(tok, Line) and tok.role == "end" and "整理" in rules.nfkc(tok.text)[-6:]
    )
    return notes >= COMPILED_PACKAGE


def starts_article(
    tokens: Sequence[Token], t: int, draft: Draft | None, lex: Lexicon, named: bool = False
) -> bool:
    """Does the block at ``tokens[t]`` start a new article?"""
    return bool(start_reason(tokens, t, draft, lex, named))


def start_reason(
    tokens: Sequence[Token], t: int, draft: Draft | None, lex: Lexicon, named: bool = False
) -> str:
    """Why the block at ``tokens[t]`` starts a new article ("" when it is a subhead); the
    reason names the rule, which keeps the rules apart when measuring them."""
    found = rule_evidence(tokens, t, draft, lex, named)
    if found is not None and (found not in WEIGHED_RULES or named):
        return found
    assert draft is not None
    weighed = score(block_features(tokens, t, draft), lex.start_weights)
    return "weighed" if weighed + rule_weight(found, lex) > 0 else ""


def settled_reason(
    tokens: Sequence[Token], t: int, draft: Draft | None, lex: Lexicon, named: bool = False
) -> str | None:
    """The reason when a sure sign settles the block; None when the signs must be weighed."""
    found = rule_evidence(tokens, t, draft, lex, named)
    return None if found in WEIGHED_RULES and not named else found


def rule_weight(found: str | None, lex: Lexicon) -> float:
    """What a rule that no longer settles a block adds to its weighed score."""
    return lex.start_weights.get("rule_start", 0.0) if found in WEIGHED_RULES else 0.0


def rule_evidence(
    tokens: Sequence[Token], t: int, draft: Draft | None, lex: Lexicon, named: bool = False
) -> str | None:
    """What the page's rules say of the block: the reason it starts an article, "" for a
    subhead, None when no rule speaks."""
    block = tokens[t]
    assert isinstance(block, Block)
    if draft is None or draft.closed:
        return "first"
    if not draft.paras():
        if named and draft.head and draft.bylines and _name_after(tokens, t):
            return "stacked"  # two signed titles one over the other, their text below
        return "tag" if draft.entries and shapes.tagged(block) else ""  # a list box has no text
    first = rules.nfkc(block.lines[0]).strip()
    if first in lex.photo_labels or lex.heads_collection(first):
        return "label"
    if shapes.label_over_signed(block, lex) or (
        shapes.label_over_kicker(block) and _body_after(tokens, t)
    ):
        return "over_kicker"  # the open-class twin of "label": it settles the block too
    if not _body_after(tokens, t):
        if all(rules.nfkc(x).strip().startswith("——") for x in block.lines):
            return ""  # "——山高水长,未来可期!": the closing lines of the article above
        return "last"  # a subhead heads text; lines after the last text are furniture
    if _note_on_draft(tokens, t, draft, lex) or heading.is_signed_piece(block.lines, lex):
        return ""
    if shapes.figure_box(block):
        return ""  # a data box is never a headline; it sits in an article
    if shapes.figure_box(tokens[t + 1]) and not shapes.in_data_box(block):
        return "figure"  # a headline over the data box that opens its article
    reason = rule_reason(tokens, t, draft, named)
    if draft.collection and _own_report_ahead(tokens, t):
        return "own"
    if draft.collection and reason == "dateline":
        return None  # the briefs of a collection ("速览") each open on a dateline
    if reason in _SURE or (named and reason):
        return reason  # on named pages a block without a sure sign is weighed, not settled
    if shapes.after_editors_note(draft):
        return ""
    if not named and shapes.piece_done(block, draft):
        return "long"
    if not named and shapes.news_headline(tokens, t):
        return "headline"
    return None


def rule_reason(tokens: Sequence[Token], t: int, draft: Draft, named: bool) -> str:
    """The first sign that says "new article", in order of trust (pages with bare author
    lines under their titles decide by it alone)."""
    block = tokens[t]
    assert isinstance(block, Block)
    if shapes.tagged(block):
        return "tag"
    if any(heading.is_document_date(x) for x in block.lines[1:]):
        return "document"  # a document or speech printed in full under its own title
    if any(heading.names_attendance(x) for x in block.lines[1:]):
        return "attendance"
    nxt = neighbour(tokens, t, +1)
    if _marked_byline_after(tokens, t):
        return "byline"
    if isinstance(nxt, Line) and nxt.role == "body" and _opens_article(nxt.text):
        return "dateline"
    if shapes.dash_headline(block.lines):
        return "dash"
    if any(has_doubling(x) for x in block.lines):
        return "doubled"
    if isinstance(nxt, Line) and nxt.role == "name":
        return "name"
    prev = neighbour(tokens, t, -1)
    if isinstance(prev, Line) and prev.role == "banner":
        return "banner"
    if isinstance(prev, Line) and not named:
        if prev.role == "credit":
            return "credit"
        if prev.role == "end":
            keep = draft.collection and rules.nfkc(prev.text).lstrip("( （").startswith("据")
            keep = keep or rules.nfkc(block.lines[0]).lstrip()[:1] in rules.BOX_MARKS
            return "" if keep else "end"
        cont = rules.continuation(prev.text)
        if prev.role == "body" and cont and cont[0] == "下转":
            return "continued"
    if not named and 0 <= _topic_overlap(tokens, t, draft) < TOPIC_SHIFT:
        return "topic"
    photo = _photo_ahead(tokens, t) or shapes.uncredited_photo(tokens, t)
    return "photo" if not named and photo else ""


def _own_report_ahead(tokens: Sequence[Token], t: int) -> bool:
    """The piece under the block closes with the paper's own dateline ("(本报某地电)"): a
    report of its own after a collection of agency briefs ("(据新华社…电)")."""
    for tok in tokens[t + 1 :]:
        if isinstance(tok, Block):
            return False
        if tok.role == "end":
            text = rules.nfkc(tok.text).strip()
            return text.startswith(("(本报", "（本报")) and text.endswith(("电)", "电）"))
    return False


def _note_on_draft(tokens: Sequence[Token], t: int, draft: Draft, lex: Lexicon) -> bool:
    """A reporter's note ("…(记者手记)") printed right under the story it comments on is
    part of that story; one that follows another story is an item of its own. A note set
    off by its label on a line of its own ("■记者手记") always closes the story above."""
    block = tokens[t]
    assert isinstance(block, Block)
    prev = tokens[t - 1]
    labels = [prev.text] if isinstance(prev, Line) else []
    labels.append(block.lines[0])  # "延伸阅读" over the box's own headline, or "链 接" alone
    if any("".join(rules.nfkc(x).split()).strip(rules.BOX_MARKS) in lex.note_tags for x in labels):
        return bool(draft.head)
    tags = {rules.column_tag(rules.nfkc(x))[1] for x in block.lines}
    if not tags & set(lex.note_tags) or not draft.head:
        return False
    if tags & {"延伸阅读", "相关链接"}:
        return True  # further reading on the story above, whatever its words
    return _topic_overlap(tokens, t, draft) >= NOTE_TOPIC


def _name_after(tokens: Sequence[Token], t: int) -> bool:
    nxt = neighbour(tokens, t, +1)
    return isinstance(nxt, Line) and nxt.role == "name"


def _marked_byline_after(tokens: Sequence[Token], t: int) -> bool:
    nxt = neighbour(tokens, t, +1)
    return isinstance(nxt, Line) and nxt.role == "byline" and marked(nxt.text)


def _topic_overlap(tokens: Sequence[Token], t: int, draft: Draft) -> float:
    """How many words the text under the block shares with the article so far (damped
    bigram cosine); -1 when either side is too short to tell."""
    after: list[tuple[str, str]] = []
    for tok in tokens[t + 1 : t + 1 + TOPIC_WINDOW]:
        if isinstance(tok, Block):
            break
        if tok.role == "body":
            after.append(("para", tok.text))
    block = tokens[t]
    assert isinstance(block, Block)
    after += [("head", x) for x in block.lines]
    before = [("head", x) for x in draft.head] + draft.entries[-TOPIC_WINDOW:]
    if sum(len(x) for _, x in after) < MIN_TOPIC or sum(len(x) for _, x in before) < MIN_TOPIC:
        return -1.0
    return similarity(bigrams(after), bigrams(before))


def _body_after(tokens: Sequence[Token], t: int) -> bool:
    return any(isinstance(tok, Line) and tok.role == "body" for tok in tokens[t + 1 :])


def _opens_article(text: str) -> bool:
    """A lead: a dateline ("本报讯(记者 …)") or the rest of an article ("(上接第一版)")."""
    if rules.dateline(text):
        return True
    cont = rules.continuation(rules.nfkc(text)[:12])
    return cont is not None and cont[0] == "上接"


def _photo_ahead(tokens: Sequence[Token], t: int) -> bool:
    """A short item closed by a photographer's credit is a photo with its own title."""
    for bodies, tok in enumerate(tokens[t + 1 :]):
        if isinstance(tok, Block):
            return False
        if tok.role == "credit":
            return rules.is_photo_credit(tok.text) and 0 < bodies <= 3
        if tok.role != "body":
            return False
    return False


def build_drafts(
    tokens: Sequence[Token], lex: Lexicon, beam: int = BEAM, fixed: Reading | None = None
) -> list[Draft]:
    """Walk the page and assemble its articles. Where the signs around a block must be
    weighed, both readings are followed and the likeliest few walks kept: a start missed
    early would otherwise make every later headline of the page look like a subhead.
    ``fixed`` decides those blocks instead (bench/split_fit.py follows the answer key)."""
    named = named_page(tokens)
    walks = [Walk()]
    for t, tok in enumerate(tokens):
        if isinstance(tok, Line):
            for walk in walks:
                walk.line(t, tok)
            continue
        grown: list[Walk] = []
        for walk in walks:
            found = rule_evidence(tokens, t, walk.draft, lex, named)
            settled = None if found in WEIGHED_RULES and not named else found
            if settled is not None:
                _open(walk, t, tok, bool(settled), tokens, lex)
                grown.append(walk)
                continue
            assert walk.draft is not None
            if fixed is not None:
                walk.block(t, tok.lines, fixed(tokens, t, walk.draft), lex)
                grown.append(walk)
                continue
            z = score(block_features(tokens, t, walk.draft), lex.start_weights)
            z += rule_weight(found, lex)
            other = walk.fork()
            walk.cost += _softplus(z)
            walk.block(t, tok.lines, False, lex)
            other.cost += _softplus(-z)
            _open(other, t, tok, True, tokens, lex)
            grown += [walk, other]
        walks = _prune(grown, beam)
    return walks[0].finished()


def _open(
    walk: Walk, t: int, block: Block, start: bool, tokens: Sequence[Token], lex: Lexicon
) -> None:
    """Read the block into the walk; a label over a group of items (shapes.group_label)
    heads the new item alone, the first item's headline becoming its first subhead."""
    if start and (
        shapes.group_label(tokens, t)
        or shapes.label_over_kicker(block)
        or shapes.label_over_signed(block, lex)
    ):
        walk.block(t, block.lines[:1], True, lex)
        walk.block(t, block.lines[1:], False, lex)
        assert walk.draft is not None
        walk.draft.collection = True
        return
    walk.block(t, block.lines, start, lex)


def _prune(walks: list[Walk], beam: int) -> list[Walk]:
    """The ``beam`` cheapest walks, one per state (walks in the same state have the same
    future, so only the cheapest of them matters)."""
    best: dict[tuple[int, int], Walk] = {}
    for walk in sorted(walks, key=lambda w: w.cost):
        best.setdefault(walk.key(), walk)
    return list(best.values())[:beam]


def _softplus(z: float) -> float:
    """-log(1 - sigmoid(z)): the cost of reading a block with score z as a subhead."""
    return max(z, 0.0) + math.log1p(math.exp(-abs(z)))


def finish(drafts: Sequence[Draft], lex: Lexicon) -> list[Article]:
    """Turn drafts into articles; bodyless blocks become ads or are dropped as furniture.

    A column label printed beside a block that turns out to be furniture belongs to the
    article before it.
    """
    articles: list[Article] = []
    for draft in drafts:
        art = to_article(draft, lex)
        if art is not None and (art.kind != "ad" or not draft.labels):
            articles.append(art)
            continue
        real = [i for i, a in enumerate(articles) if a.kind != "ad" and not a.column]
        if draft.labels and real:
            articles[real[-1]] = replace(articles[real[-1]], column=draft.labels[0])
        if art is not None:
            articles.append(replace(art, column=""))
    return articles
