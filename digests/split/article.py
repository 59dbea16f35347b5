"""The one article assembler of both routes: an assembled draft becomes an :class:`Article`.

Here the headline block is read as kicker, title and subtitle (with doubled glyphs undone
and a column tag moved to ``column``), the byline is chosen, continuation notes are taken
out of the body and set as ``continued_to`` / ``continued_from``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from digests.model import Article, ArticleKind
from digests.split import rules as rules
from digests.split.lexicon import Lexicon
from digests.textrepair import (
    collapse_doubled,
    drop_repeats,
    ends_sentence,
    has_doubling,
    looks_like_start,
    repair_headline_lines,
)

_BYLINE_MARKS = rules.BOX_MARKS + " "
_MAX_PARAGRAPH = 5000  # characters; no printed paragraph is longer


@dataclass(slots=True)
class Draft:
    """An article being assembled; lives only inside :func:`build_drafts`."""

    head: tuple[str, ...] = ()
    entries: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)
    bylines: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    kind: ArticleKind = "article"
    collection: bool = False
    closed: bool = False
    ended: bool = False

    def paras(self) -> int:
        return sum(1 for k, _ in self.entries if k == "para")

    def add_para(self, text: str) -> None:
        last = self.entries[-1] if self.entries else None
        if (
            last
            and last[0] == "para"
            and not ends_sentence(last[1])
            and not looks_like_start(text)
            and not rules.dateline(text)  # a report's dateline always opens its paragraph
            and not rules.is_end_marker(last[1])
            and not rules.date_line(last[1])  # the date under a letter's signature
            and len(last[1]) < _MAX_PARAGRAPH  # keeps joining linear on text with no stops
        ):
            self.entries[-1] = ("para", last[1] + text)
        else:
            self.entries.append(("para", text))


@dataclass(frozen=True, slots=True)
class Headline:
    kicker: str = ""
    title: str = ""
    subtitle: str = ""
    column: str = ""


def read_headline(lines: Sequence[str], lex: Lexicon) -> Headline:
    """Kicker, title, subtitle and column tag from the lines of a headline block."""
    column = ""
    kept: list[str] = []
    for line in lines:
        if rules.is_column_label(line, lex) and len(lines) > 1:
            column = column or line.strip()
        elif not rules.is_banner(line, lex):
            kept.append(line.strip())
    merged: list[str] = []
    for line in repair_headline_lines(kept):
        if merged and rules.runs_on(merged[-1]):
            merged[-1] += line
        else:
            merged.append(line)
    cores: list[str] = []
    tagged = ""  # the title carries the column tag: a line above it is the kicker
    for line in merged:
        core, tag = rules.column_tag(line)
        if tag and not column:
            column, line, tagged = tag, core, core
        cores.append(line)
    dashed = [x for x in cores if rules.nfkc(x).startswith("——")]
    rest = [x for x in cores if x not in dashed]
    kicker = title = ""
    subtitle = " ".join(dashed)
    if len(rest) > 1 and rules.nfkc(rest[0]).rstrip().endswith(("——", ":")):
        kicker = rest.pop(0)
    if len(rest) == 1:
        title = rest[0]
    elif len(rest) == 2:
        if subtitle or kicker or rest[1] == tagged or rules.kicker_over_title(rest[0], rest[1]):
            kicker, title = (kicker + " " + rest[0]).strip(), rest[1]
        else:
            title, subtitle = rest
    elif rest:
        kicker = (kicker + " " + rest[0]).strip()
        title = rest[1]
        subtitle = " ".join([*rest[2:], *dashed])
    return Headline(kicker, title, subtitle, column)


def _clean_byline(text: str) -> str:
    text = text.strip(_BYLINE_MARKS)
    return collapse_doubled(text) if has_doubling(text) else text


def _byline(draft: Draft, paragraphs: Sequence[str]) -> str:
    if draft.bylines:
        return " ".join(_clean_byline(x) for x in draft.bylines)
    names = [t for k, t in draft.entries if k == "name"]
    if names:
        return _clean_byline(names[0])
    if paragraphs:
        found = rules.dateline(paragraphs[0])
        if found:
            return found[1] or found[0]
    return ""


def to_article(draft: Draft, lex: Lexicon, headline: Headline | None = None) -> Article | None:
    """The article a draft holds; None for furniture with no body. Both routes end here:
    the text route reads the headline from ``draft.head``; the PDF route, which knows
    kicker, title and subtitle by their type, passes ``headline``."""
    if headline is not None:
        head = headline
    else:
        head = read_headline(draft.head, lex) if draft.head else Headline()
    continued_to: int | None = None
    continued_from: int | None = None
    paragraphs: list[str] = []
    heads: list[str] = []
    for i, (entry, text) in enumerate(draft.entries):
        # The article's own author line is its byline; a piece's signer, under the
        # piece's heading, is text of the package as the paper lists it.
        if entry == "name" and not (i and draft.entries[i - 1][0] == "sub"):
            continue
        cont = rules.continuation(text)
        if cont:
            if cont[0] == "下转":
                continued_to = cont[1]
            else:
                continued_from = cont[1]
            text = rules.strip_continuation(text)
        if not text:
            continue
        if entry == "sub":
            heads.append(text)
        paragraphs.append(text)
    body = [t for k, t in draft.entries if k == "para"]
    if not body:
        shown = (head.kicker, head.title, head.subtitle) if headline else draft.head
        lines = [x for x in (*shown, *heads) if x]
        if lines and rules.is_ad_text(" ".join(lines), lex):
            return Article(kind="ad", title=lines[0], paragraphs=tuple(lines))
        return None
    kind: ArticleKind = draft.kind
    column = head.column or (draft.labels[0] if draft.labels else "")
    return Article(
        kind=kind,
        kicker=head.kicker,
        title=head.title,
        subtitle=head.subtitle,
        byline=_byline(draft, paragraphs),
        column=column,
        section_heads=tuple(heads),
        paragraphs=drop_repeats(paragraphs),
        continued_to=continued_to,
        continued_from=continued_from,
    )
