"""The headlines of a page of signed essays, mended where the PDF's text order broke them.

On such a page a column label is printed in a frame over an essay's title ("时评",
"学海漫谈"); the text layer gives it as a line of its own, which the walk reads as the
headline, the real title under it as a subhead. A narrow column's first line, cut from
its paragraph ("其次,对城乡而言,这样的安排使得"), can stand right over a title and be
read as its kicker, or be read as a headline of its own (one with no author line). Both
are found by shape, not by any list of labels: a label is a line of a few characters
with no punctuation over a longer headline line; a fragment of text runs on with clause
commas and stops mid-sentence. Pure functions on drafts.
"""

from __future__ import annotations

from collections.abc import Sequence

from digests.split import rules as rules
from digests.split.article import Draft
from digests.split.lexicon import Lexicon
from digests.split.pieces import bigrams
from digests.textrepair import ends_sentence, norm_key

LABEL = 6  # characters: a column label is shorter; kickers and titles on these pages run longer
FRAGMENT = 15  # characters: a kicker cut from its text is longer, and has a clause comma
_CLAUSE = ",，、;；"
MAX_TITLE = 3  # headline lines a label can stand over
NOTES = 2  # author notes: one closes a signed piece on an ordinary page
MAX_KICKER = 1  # headline lines over an author line that is set above its title
OWN_WORDS = 0.3  # share of a headline line's bigrams in its draft's text, at most, and
OTHER_WORDS = 0.5  # in another draft's, at least, for the line to head that other text
Entry = tuple[str, str]


def mend_heads(drafts: list[Draft], lex: Lexicon, scattered: bool = False) -> list[Draft]:
    """Labels out of headlines into ``labels``, text fragments out of headlines into the
    text before them, and, on a ``scattered`` page (author lines under titles and away
    from them: named_page and signed_essays in digests.split.page), a title under its author line
    out of the text it was read into (drafts change in place). On a page in order an
    author line over a subhead is the signature closing one piece of a package."""
    if scattered:
        drafts = [part for draft in drafts for part in _titles_under_authors(draft)]
    for i, draft in enumerate(drafts):
        _title_under_label(draft, lex)
        head = list(draft.head)
        alone = 1 if draft.bylines or any(k == "name" for k, _ in draft.entries) else 0
        while len(head) > alone and _fragment(head[0]) and not _subtitled(head):
            text = head.pop(0)
            host = drafts[i - 1] if i and drafts[i - 1].paras() else draft
            if host is draft:
                draft.entries.insert(0, ("para", text))
            else:
                host.add_para(text)
        while head and is_label(head[0], lex) and any(len(norm_key(x)) > LABEL for x in head[1:]):
            draft.labels.append(head.pop(0).strip())
        draft.head = tuple(head)
    return drafts


def names_in_text(drafts: list[Draft], lex: Lexicon) -> bool:
    """On a page of signed essays (author notes closing two pieces or more), a bare name
    between two paragraphs, read as a subhead, is an author line the text order set amid
    another essay's text (drafts change in place). True when one was found: the page is
    scattered."""
    notes = sum(1 for d in drafts for k, t in d.entries if k == "para" and rules.is_author_note(t))
    if notes < NOTES:
        return False
    found = False
    for draft in drafts:
        entries = draft.entries
        for k in range(1, len(entries) - 1):
            kind, text = entries[k]
            between = entries[k - 1][0] == entries[k + 1][0] == "para"
            if kind == "sub" and between and rules.is_name_line(text, lex):
                entries[k] = ("name", text)
                found = True
    return found


def _titles_under_authors(draft: Draft) -> list[Draft]:
    """An author line with a title under it, amid the text: the author set above the
    title, the two opening an essay of their own, read as a name and subheads; and a title
    with its author line under it set amid another essay's text (_title_over). (A name
    under a subhead that closes a piece signs one piece of a package, and stays.)"""
    entries = draft.entries
    for k in range(1, len(entries) - 1):
        if entries[k][0] != "name":
            continue
        above = _kicker_above(entries, k)
        if above is None:
            title = _title_over(entries, k)
            if title is None:
                continue
            essay = Draft(
                head=tuple(text for _, text in entries[title:k]),
                bylines=[entries[k][1]],
                entries=entries[k + 1 :],
            )
            draft.entries = entries[:title]
            return [draft, *_titles_under_authors(essay)]
        subs = k + 1
        while subs < len(entries) and entries[subs][0] == "sub":
            subs += 1
        if not k + 1 < subs <= k + 1 + MAX_TITLE or subs >= len(entries):
            continue
        if entries[subs][0] != "para":
            continue
        essay = Draft(
            head=tuple(text for _, text in entries[above:k] + entries[k + 1 : subs]),
            bylines=[entries[k][1]],
            entries=entries[subs:],
        )
        draft.entries = entries[:above]
        return [draft, *_titles_under_authors(essay)]
    return [draft]


def _title_over(entries: Sequence[Entry], k: int) -> int | None:
    """Where the title over the author line at entry k starts, when subheads over it
    follow a paragraph and text follows it: on a scattered page that is an essay's title
    and author line set amid another essay's text (only a line of running text, cut from
    its paragraph, is not)."""
    if entries[k + 1][0] == "para":
        j = k
        while j > 0 and k - j < MAX_TITLE and entries[j - 1][0] == "sub":
            j -= 1
        if 0 < j < k and entries[j - 1][0] == "para" and not _fragment(entries[k - 1][1]):
            return j
    return None


def _kicker_above(entries: Sequence[Entry], k: int) -> int | None:
    """Where the essay whose author line is entry k opens: at the author line, or at the
    kicker over it when the one piece's closing note stands right above that (so the
    "subhead" over the name opens an essay, not signs a piece). None: a subhead over
    the name, the signature of one piece of a package."""
    j = k
    while j > 0 and k - j < MAX_KICKER and entries[j - 1][0] == "sub":
        j -= 1
    if j == k:
        return k
    closed = j > 0 and entries[j - 1][0] == "para" and rules.is_author_note(entries[j - 1][1])
    return j if closed else None


def _title_under_label(draft: Draft, lex: Lexicon) -> None:
    """A headline that is only a label, over subheads and the essay's author line: the
    subheads are the title (and kicker, subtitle) the label stands over."""
    if len(draft.head) != 1 or draft.bylines or not is_label(draft.head[0], lex):
        return
    subs = 0
    while subs < len(draft.entries) and draft.entries[subs][0] == "sub":
        subs += 1
    if not 0 < subs <= MAX_TITLE or subs >= len(draft.entries):
        return
    if draft.entries[subs][0] != "name":
        return
    draft.labels.append(draft.head[0].strip())
    draft.head = tuple(text for _, text in draft.entries[:subs])
    draft.bylines.append(draft.entries[subs][1])
    del draft.entries[: subs + 1]


def is_label(line: str, lex: Lexicon) -> bool:
    """A few characters and no punctuation: a column label, not a headline (and not the
    author's name, which the author line keeps)."""
    key = norm_key(rules.nfkc(line))
    return (
        0 < len(key) <= LABEL
        and all(ch.isalnum() for ch in key)
        and not rules.is_name_line(line, lex)
    )


def _subtitled(head: Sequence[str]) -> bool:
    """A "——" subtitle under the first line: a subtitle stands under a title, never under
    a line cut from running text."""
    return len(head) > 1 and rules.nfkc(head[1]).strip().startswith("——")


def _fragment(line: str) -> bool:
    """A line of running text: long, with clause commas, stopping mid-sentence."""
    text = rules.nfkc(line).strip()
    return (
        len(norm_key(text)) >= FRAGMENT
        and any(ch in _CLAUSE for ch in text)
        and not ends_sentence(text)
        and not text.endswith(("——", ":", "：", "?", "？", "!", "！"))
        and not text.startswith("——")
        and not rules.column_tag(text)[1]
    )


def titles_apart(drafts: list[Draft]) -> list[Draft]:
    """A headline block that holds another essay's title over this one's, the text order
    having set the two titles one after the other: the lines over the last one whose words
    are not in the draft's text but in another draft's become a headline of their own,
    with no text (digests.split.regroup gives it the text that shares its words)."""
    texts = [set(bigrams([e for e in d.entries if e[0] == "para"])) for d in drafts]
    out: list[Draft] = []
    for i, draft in enumerate(drafts):
        others = [t for j, t in enumerate(texts) if j != i and t]
        cut = _foreign_head(draft.head, texts[i], others)
        if cut:
            out.append(Draft(head=draft.head[:cut]))
            draft.head = draft.head[cut:]
        out.append(draft)
    return out


def _foreign_head(head: Sequence[str], own: set[str], others: Sequence[set[str]]) -> int:
    """How many of the headline's first lines head another draft's text (0: none)."""
    titles = [k for k, x in enumerate(head) if not rules.nfkc(x).strip().startswith("——")]
    cut = 0
    for k in titles[:-1]:
        grams = bigrams([("head", head[k])])
        total = sum(grams.values())
        if not total:
            continue
        mine = sum(n for g, n in grams.items() if g in own) / total
        best = max((sum(n for g, n in grams.items() if g in t) / total for t in others), default=0)
        if mine <= OWN_WORDS and best >= OTHER_WORDS:
            cut = k + 1
    return cut
