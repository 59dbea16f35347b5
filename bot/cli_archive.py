"""``paperboy ingest``, ``import``, ``search`` and ``headline``.

Search and headline print one JSON line per query with ``--json`` or ``--batch`` (DESIGN.md:
exactly one line per query, in order, exit 0 even when nothing is found); otherwise a table.
A text printed several times is one result in the table (as in chat) and one JSON result
per printing, listed together (``--limit`` counts texts).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bot.cli import open_archive_for, option_date
from bot.i18n import DEFAULT, Messages
from bot.render import marked
from bot.settings import Settings
from digests.archive import SqlArchive
from digests.archive.base import Hit, Printing, SearchOptions, SearchResult
from digests.errors import InputError


def _options(args: argparse.Namespace) -> SearchOptions:
    raw = getattr(args, "limit", None)
    limit = 10 if raw is None else int(raw)
    if not 1 <= limit <= 100:
        raise InputError(f"--limit must be between 1 and 100, not {limit}")
    return SearchOptions(
        limit=limit,
        since=option_date(getattr(args, "since", None), "--since"),
        until=option_date(getattr(args, "until", None), "--until"),
        section=getattr(args, "section", None) or None,
    )


def _notice(r: SearchResult, texts: Messages) -> str:
    """The result's notices as the CLI prints them (in the default language)."""
    return texts.t(DEFAULT, "outline.notice_sep").join(texts.say(DEFAULT, n) for n in r.notices)


def result_json(r: SearchResult, texts: Messages) -> str:
    obj: dict[str, object] = {
        "query": r.query,
        "results": [entry for h in r.hits for entry in _printed_entries(h)],
    }
    if r.notices:
        obj["notice"] = _notice(r, texts)
    if r.partial:
        obj["partial"] = True
    return json.dumps(obj, ensure_ascii=False)


def _printed_entries(h: Hit) -> list[dict[str, object]]:
    """One JSON result per printing of the hit's text, earliest first, each naming its
    group (the earliest printing's id) and every printing.

    Chat shows one result per text; a client of the JSON addresses articles by id, and a
    reprint is as much the article someone looks for as the first printing, so each
    printing is listed under its own id, next to the others.
    """
    printings = [{"id": p.id, "date": p.date.isoformat(), "page": p.page} for p in h.printings]
    places = h.printings or (Printing(h.id, h.date, h.page, h.section),)
    return [
        {
            "id": p.id,
            "title": h.title,
            "date": p.date.isoformat(),
            "page": p.page,
            "section": p.section,
            "score": h.score,
            "snippet": _snippet(h),
            "group": h.id,
            "printings": printings,
        }
        for p in places
    ]


def _snippet(h: Hit) -> str:
    return marked(h.snippet, sum(map(len, h.snippet))).text


def _table(r: SearchResult, texts: Messages) -> str:
    lines = [_notice(r, texts)] if r.notices else []
    for n, h in enumerate(r.hits, 1):
        page = texts.t(DEFAULT, "outline.page", n=h.page) if h.page is not None else ""
        where = " ".join(p for p in (f"{h.date}", page, h.section) if p)
        lines.append(f"{n:2}. {h.title}  {texts.t(DEFAULT, 'outline.where', where=where)} {h.id}")
        if h.snippet:
            lines.append(f"    {_snippet(h)}")
    return "\n".join(lines)


def _queries(batch: str) -> list[str]:
    try:
        with open(batch, encoding="utf-8", errors="replace", newline="") as f:
            return [line.rstrip("\r\n") for line in f]
    except FileNotFoundError:
        raise InputError(f"{batch}: no such file") from None
    except OSError as e:
        raise InputError(f"{batch}: cannot read it: {e}") from None


def _run_queries(
    args: argparse.Namespace,
    settings: Settings,
    ask: Callable[[SqlArchive, str, SearchOptions], SearchResult],
) -> int:
    options = _options(args)
    texts = Messages.load(settings.config_dir)
    queries = _queries(args.batch) if args.batch else [" ".join(args.query)]
    started = time.perf_counter()
    with open_archive_for(settings) as archive:
        archive.words  # load the segmenter before the clock of the first query  # noqa: B018
        startup = time.perf_counter() - started
        for q in queries:
            r = ask(archive, q, options)
            if args.json or args.batch:
                print(result_json(r, texts), flush=False)
            else:
                print(_table(r, texts))
    sys.stdout.flush()
    if args.batch:
        print(json.dumps({"startup_s": round(startup, 3)}), file=sys.stderr)
    return 0


def run_search(args: argparse.Namespace, settings: Settings) -> int:
    return _run_queries(args, settings, lambda a, q, o: a.search(q, o))


def run_headline(args: argparse.Namespace, settings: Settings) -> int:
    return _run_queries(args, settings, lambda a, q, o: a.headline(q, o))


_MAX_REPORTED = 20  # malformed lines named one by one; the rest are counted


def run_import(args: argparse.Namespace, settings: Settings) -> int:
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from bot.importer import ImportOptions, import_archive
    from bot.ingest import newspaper_sections

    path = Path(args.path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    newspaper = getattr(args, "newspaper", None) or settings.newspaper
    options = ImportOptions(
        newspaper=newspaper,
        sections=newspaper_sections(settings.config_dir, newspaper),
        config_dir=settings.config_dir,
        max_chars=settings.summary_max_chars,
    )
    with (
        open_archive_for(settings) as archive,
        Progress(
            SpinnerColumn(),
            TextColumn("importing {task.fields[name]}: {task.completed} articles"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=False,
        ) as bar,
    ):
        task = bar.add_task("import", total=None, name=path.name)
        report = import_archive(path, archive, options, lambda _b, n: bar.update(task, completed=n))
    for lineno, why in report.malformed[:_MAX_REPORTED]:
        print(f"paperboy: {path}:{lineno}: skipped: {why}", file=sys.stderr)
    if len(report.malformed) > _MAX_REPORTED:
        more = len(report.malformed) - _MAX_REPORTED
        print(f"paperboy: {path}: … and {more} more malformed lines", file=sys.stderr)
    if not report.lines:
        raise InputError(f"{path}: the file holds no lines; nothing was imported")
    if report.malformed and not report.stored and not report.unchanged:
        raise InputError(
            f"{path}: no line could be read; an archive is JSON lines (optionally .gz) of "
            '{"id","date","page","seq","kicker","title","subtitle","paragraphs"}'
        )
    print(
        f"imported {report.stored} articles ({report.unchanged} unchanged, "
        f"{len(report.malformed)} malformed lines skipped) from {report.lines} lines in "
        f"{report.seconds:.1f} s, {report.chars_per_s / 1000:.0f} k chars/s"
    )
    return 0


def run_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from bot.ingest import ingest_files

    date = option_date(getattr(args, "date", None), "--date")
    with open_archive_for(settings) as archive:
        result = ingest_files(
            [Path(f) for f in args.files],
            archive=archive,
            settings=settings,
            date=date,
            newspaper=getattr(args, "newspaper", None),
        )
    for w in result.warnings:
        print(f"paperboy: warning: {w}", file=sys.stderr)
    print(result.describe())
    return 0
