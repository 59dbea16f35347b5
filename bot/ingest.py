"""Posting an issue: read the files and the newspaper's profile, assemble, store.

Assembly (split, continuations, dating, ids, sections, summaries) is the core's
:mod:`digests.assemble`; this module only gathers what it needs (the files, config/, the
issue already stored, today in the newspaper's time zone) and stores the result. The
store is one transaction: a crash leaves the old issue. Used by the CLI and the bot.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.i18n import Messages
from bot.settings import Settings
from digests.archive.base import Archive, StoreReport
from digests.assemble import (
    Assembled,
    Assembly,
    Dating,
    Document,
    Profile,
    assemble_pages,
    date_in_name,
    split_issue,
)
from digests.model import Article, Issue, Page
from digests.notes import Note
from digests.summarizer import SummaryOptions
from digests.words import Segmenter

__all__ = ["IngestResult", "date_in_name", "ingest_documents", "ingest_files", "ingest_pages"]
Upload = Document  # (file name, content) of a chat document


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What was stored, for the CLI's report and the editor's preview.

    ``warnings`` are in English (the CLI, the stored issue); ``notes`` are the same in
    any language (message codes, never sentences). ``replaced_pages`` and
    ``added_pages`` say what a posting did to an issue that was already there (both
    empty when there was none, or when the whole issue was replaced).
    """

    issue: Issue
    report: StoreReport
    warnings: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    replaced_pages: tuple[int, ...] = ()
    added_pages: tuple[int, ...] = ()

    def section_headlines(self) -> list[tuple[str, list[str]]]:
        """(section, headlines) per page, in page order."""
        out: list[tuple[str, list[str]]] = []
        for p in self.issue.pages:
            name = p.name or (f"page {p.number}" if p.number is not None else "")
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


def newspaper_profile(config_dir: Path, newspaper: str) -> Profile:
    """What assembly needs of a newspaper, read from config/."""
    from digests.loader import newspaper_slug, section_names, split_options

    return Profile(
        newspaper,
        newspaper_slug(config_dir, newspaper),
        section_names(config_dir, newspaper),
        split_options(config_dir, newspaper),
    )


def today_in(timezone: str) -> dt.date:
    return dt.datetime.now(ZoneInfo(timezone)).date()


def _read_paths(paths: Sequence[Path]) -> list[Document]:
    from digests.loader import read_input

    return [(str(p), read_input(p)) for p in paths]


def ingest_documents(
    documents: Sequence[Document],
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
    name = newspaper or settings.newspaper
    profile = newspaper_profile(settings.config_dir, name)
    split = split_issue(documents, profile, _dating(settings, date))
    how = _how(settings, profile, split.dating, segmenter)
    stored = archive.get_issue(split.date, name) if merge else None
    return _store(assemble_pages(split.pages, how, stored, split.notes), archive, settings, merge)


def ingest_pages(
    pages: Sequence[Page],
    *,
    archive: Archive,
    settings: Settings,
    date: dt.date | None = None,
    newspaper: str | None = None,
    merge: bool = False,
    segmenter: Segmenter | None = None,
    warnings: Sequence[Note] = (),
) -> IngestResult:
    """Number, summarise and store pages already split (from files or an e-paper site)."""
    name = newspaper or settings.newspaper
    dating = _dating(settings, date)
    how = _how(settings, newspaper_profile(settings.config_dir, name), dating, segmenter)
    stored = archive.get_issue(dating.given or dating.today, name) if merge else None
    return _store(assemble_pages(pages, how, stored, warnings), archive, settings, merge)


def _dating(settings: Settings, date: dt.date | None) -> Dating:
    return Dating(date, today_in(settings.timezone), settings.timezone)


def _how(
    settings: Settings, profile: Profile, dating: Dating, segmenter: Segmenter | None
) -> Assembly:
    seg = segmenter or Segmenter.load(settings.config_dir)
    return Assembly(profile, seg, dating, SummaryOptions(max_chars=settings.summary_max_chars))


def _store(done: Assembled, archive: Archive, settings: Settings, merge: bool) -> IngestResult:
    """Store an assembled issue (its notes in English too, for the CLI and the archive)."""
    english = _english(done.notes, settings)
    issue = replace(done.issue, warnings=english)
    report = archive.store_issue(issue, dict(done.words), merge=merge)
    return IngestResult(issue, report, english, done.notes, done.replaced_pages, done.added_pages)


def _english(notes: Sequence[Note], settings: Settings) -> tuple[str, ...]:
    if not notes:
        return ()
    messages = Messages.load(settings.config_dir)
    return tuple(messages.say("en", n) for n in notes)


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
