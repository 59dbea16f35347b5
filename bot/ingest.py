"""Posting an issue: load the files, split, summarise, store. Used by the CLI and the bot.

Each article is segmented once: its words feed both the summary and the search index.
The date comes from the caller, else the page header, else today in the newspaper's time
zone (and the report says so). Ids derive from newspaper, date, page and position, so an
unchanged page keeps its ids. The store is one transaction: a crash leaves the old issue.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.i18n import Messages
from bot.settings import Settings
from digests.archive.base import Archive, ArticleWords, StoreReport
from digests.errors import InputError
from digests.ids import article_id
from digests.model import Article, Issue, Page
from digests.notes import Note, note
from digests.placing import Placed, place_pages
from digests.summarizer import SummaryOptions, summarize_article
from digests.words import Segmenter

_NAME_DATE = re.compile(r"(?<!\d)(20\d\d|19\d\d)[-_.]?([01]\d)[-_.]?([0-3]\d)(?!\d)")
Upload = tuple[str, bytes]  # (file name, content) of a chat document


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What was stored, for the CLI's report and the editor's preview.

    ``warnings`` are in English (the CLI, the stored issue); ``notes`` are the same in
    any language, plus plain strings a caller passed in. ``replaced_pages`` and
    ``added_pages`` say what a posting did to an issue that was already there (both
    empty when there was none, or when the whole issue was replaced).
    """

    issue: Issue
    report: StoreReport
    warnings: tuple[str, ...] = ()
    notes: tuple[Note | str, ...] = ()
    replaced_pages: tuple[int, ...] = ()
    added_pages: tuple[int, ...] = ()

    def section_headlines(self) -> list[tuple[str, list[str]]]:
        """(section, headlines) per page, in page order."""
        out: list[tuple[str, list[str]]] = []
        for p in self.issue.pages:
            name = p.name or (f"第{p.number}版" if p.number is not None else "")
            out.append((name, [_listed(a) for a in p.articles if a.headline or a.paragraphs]))
        return out

    def describe(self) -> str:
        i = self.report.issue
        verb = "replaced" if self.report.replaced else "stored"
        pages = f"{i.pages} page{'' if i.pages == 1 else 's'}"
        articles = f"{i.articles} article{'' if i.articles == 1 else 's'}"
        lines = [f"{verb} {i.newspaper} {i.date}: {pages}, {articles}"]
        for name, heads in self.section_headlines():
            lines.append(f"  {name}")
            lines.extend(f"    - {h}" for h in heads)
        return "\n".join(lines)


def _listed(a: Article) -> str:
    """A preview line: the title, with the kind when it is not an article."""
    text = a.title or a.headline or (a.paragraphs[0][:30] if a.paragraphs else "")
    return text if a.kind == "article" else f"[{a.kind}] {text}"


def newspaper_sections(config_dir: Path, newspaper: str) -> dict[int, str]:
    """Page number -> section name (版名) from config/newspapers.toml."""
    from digests.loader import section_names

    return section_names(config_dir, newspaper)


def date_in_name(file_name: str) -> dt.date | None:
    """A date written in a file name (datong-2024-02-10-p01.txt, 20240210_01.pdf)."""
    m = _NAME_DATE.search(Path(file_name).name)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _date_in_names(documents: Sequence[Upload]) -> dt.date | None:
    return next((d for name, _ in documents if (d := date_in_name(name))), None)


def _slug_of(newspaper: str) -> str:
    """An id prefix for a newspaper without a configured slug."""
    return "".join(c for c in newspaper if c.isascii() and c.isalnum()).lower() or "paper"


def today_in(timezone: str) -> dt.date:
    return dt.datetime.now(ZoneInfo(timezone)).date()


def _number_articles(
    issue: Issue, slug: str, sections: dict[int, str], guessed: frozenset[int] = frozenset()
) -> Issue:
    """Ids from newspaper, date, page and position; section names where the text had none
    (not for a page numbered by upload order: its configured name would be a guess)."""
    pages: list[Page] = []
    for page in issue.pages:
        number = page.number or 0
        name = page.name or ("" if number in guessed else sections.get(number, ""))
        arts = tuple(
            replace(a, id=article_id(slug, issue.date, page.number, pos))
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


def _read_paths(paths: Sequence[Path]) -> list[Upload]:
    from digests.loader import read_input

    return [(str(p), read_input(p)) for p in paths]


def ingest_documents(
    documents: Sequence[Upload],
    *,
    archive: Archive,
    settings: Settings,
    date: dt.date | None = None,
    newspaper: str | None = None,
    merge: bool = False,
    segmenter: Segmenter | None = None,
) -> IngestResult:
    """Load, split, summarise and store the pages in ``documents`` as one issue.

    ``merge`` keeps stored pages the documents do not carry (an editor posting page by
    page); without it the stored issue of that date is replaced as a whole.
    """
    from digests.loader import split_documents, split_options

    if not documents:
        raise InputError("no files to ingest", note("upload.no_files"))
    name = newspaper or settings.newspaper
    split = split_documents(documents, split_options(settings.config_dir, name))
    when = date or split.date or _date_in_names(documents)
    notes: list[Note | str] = []
    if when is not None and not date and not split.date:
        notes.append(note("ingest.date_from_name", date=when))
    return ingest_pages(
        split.pages,
        archive=archive,
        settings=settings,
        date=when,
        newspaper=name,
        merge=merge,
        segmenter=segmenter,
        warnings=notes,
    )


def ingest_pages(
    pages: Sequence[Page],
    *,
    archive: Archive,
    settings: Settings,
    date: dt.date | None = None,
    newspaper: str | None = None,
    merge: bool = False,
    segmenter: Segmenter | None = None,
    warnings: Sequence[Note | str] = (),
) -> IngestResult:
    """Number, summarise and store pages already split (from files or an e-paper site)."""
    from digests.loader import newspaper_slug, section_names

    if not any(p.articles for p in pages):
        raise InputError(
            "no articles found in the files: are they newspaper pages?",
            note("upload.no_articles"),
        )
    name = newspaper or settings.newspaper
    notes = list(warnings)
    when = date
    if when is None:
        when = today_in(settings.timezone)
        notes.append(note("ingest.date_today", timezone=settings.timezone))
    printed = sorted({p.date for p in pages if p.date})
    if len(printed) > 1 or (printed and printed[0] != when):
        shown = ", ".join(f"{d:%Y-%m-%d}" for d in printed[:5]) + ("…" if len(printed) > 5 else "")
        notes.append(note("ingest.dates_differ", dates=shown, date=f"{when:%Y-%m-%d}"))
    before = archive.get_issue(when, name) if merge else None
    placed = place_pages([p for p in pages if p.articles], before.pages if before else ())
    notes += [n for p in placed for n in _placement_notes(p)]
    guessed = frozenset(p.number for p in placed if p.reason in ("upload_order", "duplicate"))
    slug = newspaper_slug(settings.config_dir, name) or _slug_of(name)
    issue = _number_articles(
        Issue(name, when, tuple(p.page for p in placed)),
        slug,
        section_names(settings.config_dir, name),
        guessed,
    )
    seg = segmenter or Segmenter.load(settings.config_dir)
    issue, words = prepare_issue(issue, seg, SummaryOptions(max_chars=settings.summary_max_chars))
    english = _english(notes, settings)
    issue = replace(issue, warnings=english)
    report = archive.store_issue(issue, words, merge=merge)
    replaced = tuple(sorted(p.number for p in placed if p.replaces)) if before else ()
    added = tuple(sorted(p.number for p in placed if not p.replaces)) if before else ()
    return IngestResult(issue, report, english, tuple(notes), replaced, added)


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


def _english(notes: Sequence[Note | str], settings: Settings) -> tuple[str, ...]:
    if not any(isinstance(n, Note) for n in notes):
        return tuple(str(n) for n in notes)
    messages = Messages.load(settings.config_dir)
    return tuple(messages.say("en", n) if isinstance(n, Note) else n for n in notes)


def ingest_files(
    paths: Sequence[Path],
    *,
    archive: Archive,
    settings: Settings,
    date: dt.date | None = None,
    newspaper: str | None = None,
) -> IngestResult:
    """``paperboy ingest FILE...``: the files are one issue, replacing any stored one."""
    return ingest_documents(
        _read_paths(paths), archive=archive, settings=settings, date=date, newspaper=newspaper
    )
