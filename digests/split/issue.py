"""The splitter: newspaper page text (one page or a whole issue) into pages of articles.

``split_text`` is the entry point; ``join_continuations`` joins an article continued on
another page; ``detect_issue_date`` reads the issue date from a page header. The work is
done in three passes, each its own module: ``split_lines`` (a role per line),
``split_page`` (lines grouped into articles), ``split_article`` (an article's fields).
Everything here is pure: text in, frozen values out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from digests.model import Article, Page
from digests.split import rules as rules
from digests.split.blocks import group_blocks
from digests.split.heads import mend_heads, names_in_text
from digests.split.lexicon import Lexicon
from digests.split.lines import classify, page_lines, signature
from digests.split.package import open_package, split_by_names
from digests.split.page import build_drafts, finish, named_page, signed_essays
from digests.split.pieces import page_furniture_out, undouble
from digests.split.regroup import regroup

_HEADER_LOOKAHEAD = 3
_LEAD_IN_LINES = 4  # a kicker, a title, a subtitle and a byline at most
_LEAD_IN_CHARS = 120  # a date line and the page header follow each other closely


@dataclass(frozen=True)
class SplitOptions:
    """What the splitter needs besides the text.

    ``section_names`` maps page numbers to 版名 when the text names none; ``page_number``
    is the number of a single page whose text carries no header (the loader reads it
    from a file name such as "…-p01.txt"); ``lexicon`` holds the furniture words.
    """

    newspaper: str = ""
    section_names: Mapping[int, str] = field(default_factory=lambda: MappingProxyType({}))
    page_number: int | None = None
    lexicon: Lexicon = field(default_factory=Lexicon)


def split_text(text: str, options: SplitOptions | None = None) -> tuple[Page, ...]:
    """Split a page or a whole issue into pages of articles (ids and summaries empty)."""
    opts = options or SplitOptions()
    pages: list[Page] = []
    chunks = _page_chunks(text)
    for number, name, lines in chunks:
        if number is None:
            number = _next_number(pages, opts.page_number, len(chunks))
        if not name and number is not None:
            name = opts.section_names.get(number, "")
        articles = split_page_lines(lines, opts.lexicon)
        if articles or lines:
            pages.append(Page(number=number, name=name, articles=tuple(articles)))
    return tuple(pages) or (Page(number=opts.page_number, name=""),)


def _next_number(done: Sequence[Page], first: int | None, count: int) -> int | None:
    """A page without a header follows the one before it; in an issue of several pages
    the first is page 1 unless the file name said otherwise."""
    if not done:
        return first if first is not None or count == 1 else 1
    last = done[-1].number
    return None if last is None else last + 1


def split_page_lines(lines: Sequence[str], lex: Lexicon) -> list[Article]:
    """The articles of one page, given its non-empty lines in reading order."""
    classified = classify(page_furniture_out(undouble(lines)), lex)
    tokens = group_blocks(classified, lex)
    drafts = split_by_names(build_drafts(tokens, lex))
    named, signed = named_page(tokens), signed_essays(tokens)
    if names_in_text(drafts, lex):  # author lines away from titles: a scattered page
        named = signed = True
    if named or signed:
        drafts = mend_heads(drafts, lex, scattered=named and signed)
        drafts = regroup(drafts, [x.text for x in classified])
    for draft in drafts:
        open_package(draft, lex)
    articles = finish(drafts, lex)
    if articles or not classified:
        return articles
    # Best effort for text with no structure the rules know: keep it, as one item.
    return [Article(paragraphs=tuple(x.text for x in classified))]


def detect_issue_date(text: str) -> dt.date | None:
    """The issue date printed in a page header ("2031年3月5日星期三"), if any."""
    for line in text.splitlines()[:40]:
        found = rules.date_line(line.strip())
        if found:
            return found
    return None


def _page_chunks(text: str) -> list[tuple[int | None, str, list[str]]]:
    """(number, name, lines) per page: pages end at form feeds and at page headers."""
    out: list[tuple[int | None, str, list[str]]] = []
    for sheet in text.replace("\r\n", "\n").replace("\r", "\n").split("\f"):
        lines = page_lines(sheet)
        number: int | None = None
        name = ""
        body: list[str] = []
        i = 0
        while i < len(lines):
            header, used = _header_at(lines, i)
            if header is not None:
                if any(not _is_header_line(x) for x in body) and not _lead_in(body, number, out):
                    out.append((number, name, body))
                    body = []
                    number, name = None, ""
                number = header.number if header.number is not None else number
                name = header.name or name
                body.extend(lines[i : i + used])  # classify() drops them again
                i += used
                continue
            body.append(lines[i])
            i += 1
        if body or not out:
            out.append((number, name, body))
    return [chunk for chunk in out if chunk[2]] or [(None, "", [])]


def _lead_in(body: Sequence[str], number: int | None, done: Sequence[object]) -> bool:
    """A headline or two read before the page's own header, with no header above them: a
    PDF's text order can put the top headline first. They open the page the header heads,
    not a page of their own."""
    return (
        not done
        and number is None
        and len(body) <= _LEAD_IN_LINES
        and sum(len(x) for x in body) <= _LEAD_IN_CHARS
    )


def _header_at(lines: Sequence[str], i: int) -> tuple[rules.PageHeader | None, int]:
    """A page header starting at line i: a numbered header, or a date line plus one."""
    found = rules.page_header(lines[i])
    if found:
        return found, 1
    if rules.date_line(lines[i]):
        for j in range(i + 1, min(len(lines), i + 1 + _HEADER_LOOKAHEAD)):
            nxt = rules.page_header(lines[j])
            if nxt:
                return nxt, j - i + 1
        if signature(lines, i - 1):
            return None, 0  # the date a letter was signed on, not a new page
        return rules.PageHeader(None, ""), 1
    return None, 0


def _is_header_line(line: str) -> bool:
    return bool(rules.page_header(line) or rules.date_line(line))


def join_continuations(pages: Sequence[Page]) -> tuple[Page, ...]:
    """Join an article continued on another page of the same issue into one article.

    The part marked "(下转第N版)" takes the paragraphs of the part on page N marked
    "(上接第M版)"; that part leaves page N. Parts whose other half is missing keep their
    ``continued_to`` / ``continued_from``.
    """
    by_number = {p.number: i for i, p in enumerate(pages) if p.number is not None}
    arts = [list(p.articles) for p in pages]
    for pi, page in enumerate(pages):
        for ai, art in enumerate(arts[pi]):
            target = by_number.get(art.continued_to) if art.continued_to else None
            if target is None or page.number is None:
                continue
            match = _find_rest(arts[target], page.number, art)
            if match is None:
                continue
            rest = arts[target].pop(match)
            arts[pi][ai] = replace(
                art,
                paragraphs=art.paragraphs + rest.paragraphs,
                section_heads=art.section_heads + rest.section_heads,
                byline=art.byline or rest.byline,
            )
    return tuple(replace(p, articles=tuple(a)) for p, a in zip(pages, arts, strict=True))


def _find_rest(candidates: Sequence[Article], from_page: int, art: Article) -> int | None:
    """The part on the next page continued from ``from_page``, best title match first."""
    options = [i for i, a in enumerate(candidates) if a.continued_from == from_page]
    if len(options) <= 1:
        return options[0] if options else None
    from rapidfuzz import fuzz

    return max(options, key=lambda i: fuzz.partial_ratio(candidates[i].headline, art.headline))
