"""Issue assembly: documents (or pages already split) and a newspaper profile give an issue.

One pure function does every step between the files and the archive: split each document
into pages, join continued articles, date the issue, place each page in the issue already
stored, give ids and section names, and summarise (one segmentation per article feeds its
summary and its index words). The caller reads the files and the profile, passes the
newspaper's today (no clock here), stores the result and tells the editor the notes.

Dating: the caller's date, else the date a page header printed, else one in a file name,
else today in the newspaper's time zone; each fallback is noted, as are pages that print
other dates. Ids derive from newspaper, date, page and position, so an unchanged page keeps
its ids.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from digests.archive.base import ArticleWords
from digests.errors import InputError
from digests.ids import article_id
from digests.loader import split_documents
from digests.model import Article, Issue, Page
from digests.notes import Note, note
from digests.placing import Placed, place_pages
from digests.split import SplitOptions
from digests.summarizer import SummaryOptions, summarize_article
from digests.words import Segmenter

_NAME_DATE = re.compile(r"(?<!\d)(20\d\d|19\d\d)[-_.]?([01]\d)[-_.]?([0-3]\d)(?!\d)")
Document = tuple[str, bytes]  # (file name, content)
_SUMMARY = SummaryOptions()


@dataclass(frozen=True, slots=True)
class Profile:
    """What assembly knows of a newspaper: its name, the id prefix of its articles, its
    section names by page number, and how its pages split."""

    name: str
    slug: str = ""
    sections: Mapping[int, str] = field(default_factory=dict)
    split: SplitOptions = field(default_factory=SplitOptions)

    @property
    def id_prefix(self) -> str:
        """The configured slug, else one made of the name's ASCII letters and digits."""
        made = "".join(c for c in self.name if c.isascii() and c.isalnum()).lower()
        return self.slug or made or "paper"


@dataclass(frozen=True, slots=True)
class Dating:
    """The dates assembly may use: the caller's, and the newspaper's today as the last
    resort (its time zone is named in the note that says so)."""

    given: dt.date | None = None
    today: dt.date = dt.date(1970, 1, 1)
    timezone: str = ""


@dataclass(frozen=True, slots=True)
class Assembled:
    """An issue ready to store, its articles' index words, what the editor should check,
    and (when it was merged into a stored issue) which pages it replaced or added."""

    issue: Issue
    words: Mapping[str, ArticleWords]
    notes: tuple[Note, ...] = ()
    replaced_pages: tuple[int, ...] = ()
    added_pages: tuple[int, ...] = ()


def date_in_name(file_name: str) -> dt.date | None:
    """A date written in a file name (datong-2024-02-10-p01.txt, 20240210_01.pdf)."""
    m = _NAME_DATE.search(PurePath(file_name).name)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class SplitIssue:
    """Documents split into the pages of one issue, dated (``dating.given`` is set when
    anything but today dates it), with what the editor should check so far."""

    pages: tuple[Page, ...]
    dating: Dating
    notes: tuple[Note, ...] = ()

    @property
    def date(self) -> dt.date:
        return self.dating.given or self.dating.today


def split_issue(documents: Sequence[Document], profile: Profile, dating: Dating) -> SplitIssue:
    """Split and date documents: the caller's date, the printed one, one in a file name."""
    if not documents:
        raise InputError("no files to ingest", note("upload.no_files"))
    split = split_documents(documents, profile.split)
    when = dating.given or split.date
    notes: list[Note] = []
    if when is None:
        when = next((d for name, _ in documents if (d := date_in_name(name))), None)
        if when is not None:
            notes.append(note("ingest.date_from_name", date=when))
    return SplitIssue(split.pages, replace(dating, given=when), tuple(notes))


@dataclass(frozen=True, slots=True)
class Assembly:
    """How to assemble an issue: the newspaper, the segmenter, the dates, summary length."""

    profile: Profile
    segmenter: Segmenter
    dating: Dating = Dating()
    summary: SummaryOptions = _SUMMARY


def assemble_documents(
    documents: Sequence[Document], how: Assembly, stored: Issue | None = None
) -> Assembled:
    """The issue the documents make (merged into ``stored`` when given): split_issue,
    then assemble_pages."""
    split = split_issue(documents, how.profile, how.dating)
    return assemble_pages(split.pages, replace(how, dating=split.dating), stored, split.notes)


def assemble_pages(
    pages: Sequence[Page],
    how: Assembly,
    stored: Issue | None = None,
    notes: Sequence[Note] = (),
) -> Assembled:
    """The issue of pages already split (from files or an e-paper site).

    ``stored`` is the issue of that date already in the archive when the pages are to be
    merged into it (an editor posting page by page); its pages decide where new ones go.
    """
    if not any(p.articles for p in pages):
        raise InputError(
            "no articles found in the files: are they newspaper pages?",
            note("upload.no_articles"),
        )
    profile, dating = how.profile, how.dating
    said = list(notes)
    when = dating.given
    if when is None:
        when = dating.today
        said.append(note("ingest.date_today", timezone=dating.timezone))
    printed = sorted({p.date for p in pages if p.date})
    if len(printed) > 1 or (printed and printed[0] != when):
        shown = ", ".join(f"{d:%Y-%m-%d}" for d in printed[:5]) + ("…" if len(printed) > 5 else "")
        said.append(note("ingest.dates_differ", dates=shown, date=f"{when:%Y-%m-%d}"))
    placed = place_pages([p for p in pages if p.articles], stored.pages if stored else ())
    said += [n for p in placed for n in _placement_notes(p)]
    guessed = frozenset(p.number for p in placed if p.reason in ("upload_order", "duplicate"))
    issue = _numbered(Issue(profile.name, when, tuple(p.page for p in placed)), profile, guessed)
    issue, words = prepare_issue(issue, how.segmenter, how.summary)
    replaced = tuple(sorted(p.number for p in placed if p.replaces)) if stored else ()
    added = tuple(sorted(p.number for p in placed if not p.replaces)) if stored else ()
    return Assembled(issue, words, tuple(said), replaced, added)


def _numbered(issue: Issue, profile: Profile, guessed: frozenset[int]) -> Issue:
    """Ids from newspaper, date, page and position; section names where the text had none
    (not for a page numbered by upload order: its configured name would be a guess)."""
    pages: list[Page] = []
    for page in issue.pages:
        number = page.number or 0
        name = page.name or ("" if number in guessed else profile.sections.get(number, ""))
        arts = tuple(
            replace(a, id=article_id(profile.id_prefix, issue.date, page.number, pos))
            for pos, a in enumerate(page.articles, 1)
        )
        pages.append(Page(page.number, name, arts))
    return replace(issue, pages=tuple(pages))


def summarize_for_archive(
    article: Article, segmenter: Segmenter, options: SummaryOptions
) -> tuple[Article, ArticleWords]:
    """The article with its summary and keywords, and its index words: one segmentation
    serves both (the summarizer's words start with the headline's)."""
    s = summarize_article(article, segmenter, options)
    head = [w for w in segmenter.cut(article.headline) if not w.isspace()]
    body = s.words[len(head) :] if list(s.words[: len(head)]) == head else s.words
    words = ArticleWords(tuple(segmenter.search_words(head)), tuple(segmenter.search_words(body)))
    return replace(article, summary=s.summary, keywords=s.keywords), words


def prepare_issue(
    issue: Issue, segmenter: Segmenter, options: SummaryOptions
) -> tuple[Issue, dict[str, ArticleWords]]:
    """Summaries, keywords and index words for every article of an issue."""
    words: dict[str, ArticleWords] = {}
    pages: list[Page] = []
    for page in issue.pages:
        arts: list[Article] = []
        for a in page.articles:
            done, words[a.id] = summarize_for_archive(a, segmenter, options)
            arts.append(done)
        pages.append(replace(page, articles=tuple(arts)))
    return replace(issue, pages=tuple(pages)), words


def _placement_notes(p: Placed) -> list[Note]:
    """What the editor is told about a page numbered by anything but its own print."""
    first = next((a for a in p.page.articles if a.headline), None)
    head = (first.title or first.headline)[:30] if first else ""
    out = [note("ingest.page_repeated", n=p.number)] if p.repeated else []
    if p.reason == "upload_order":
        out.append(note("ingest.page_by_order", n=p.number, headline=head))
    elif p.reason == "duplicate":
        out.append(note("ingest.page_duplicate", given=p.given, n=p.number, headline=head))
    elif p.reason == "same_as_stored":
        out.append(note("ingest.page_same_as_stored", n=p.number, headline=head))
    return out
