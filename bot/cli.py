"""``paperboy``: the command line. Parses arguments and hands each command to its module.

Exit codes (DESIGN.md): 0 success, 1 bad input (one clear line on stderr), 2 usage error.
Each command module is imported only when that command runs, so ``paperboy split`` never
pays for the bot's imports.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot.settings import Settings, load_settings
from digests.errors import InputError, PaperboyError

if TYPE_CHECKING:
    from digests.archive import SqlArchive

Runner = Callable[[argparse.Namespace, Settings], int]

# command -> "module:function"; each function takes (args, settings) and returns an exit code.
COMMANDS: dict[str, str] = {
    "split": "bot.cli_split:run_split",
    "summarize": "bot.cli_summarize:run_summarize",
    "ingest": "bot.cli_archive:run_ingest",
    "fetch": "bot.cli_fetch:run_fetch",
    "import": "bot.cli_archive:run_import",
    "search": "bot.cli_archive:run_search",
    "headline": "bot.cli_archive:run_headline",
    "digest": "bot.cli_push:run_digest",
    "push": "bot.cli_push:run_push",
    "serve": "bot.cli_serve:run_serve",
    "warmup": "bot.cli_summarize:run_warmup",
    "healthcheck": "bot.cli_serve:run_healthcheck",
}


class _Parser(argparse.ArgumentParser):
    """argparse that says "paperboy: error: …" on one line and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _add_query_args(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    p.add_argument("--limit", type=int, default=10, help="results per query (default 10)")
    p.add_argument("--batch", metavar="FILE", help=f"one {what} per line; one JSON line each")
    # Several words unquoted are one query (`paperboy search 非遗 刀削面`), as in chat.
    p.add_argument("query", nargs="*", metavar="QUERY", help=f"the {what} (one or more words)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="paperboy",
        description="Paperboy (报童): split, summarise, archive and deliver a daily newspaper.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("split", help="split page text or PDF files into articles")
    p.add_argument("files", nargs="+", metavar="FILE", help=".txt (any Chinese encoding) or .pdf")
    p.add_argument("--json", action="store_true", help="print the JSON contract of DESIGN.md")
    p.add_argument("--newspaper", help="newspaper name (for section names)")

    p = sub.add_parser("summarize", help="summarise JSON lines of articles")
    p.add_argument("--jsonl", required=True, metavar="FILE", help='lines of {"id","text",...}')
    p.add_argument("--max-chars", type=int, default=None, help="budget in characters")

    p = sub.add_parser("ingest", help="load, split, summarise and store an issue")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--date", help="issue date, YYYY-MM-DD (default: from the page header)")
    p.add_argument("--newspaper", help="newspaper name (default: from config)")

    p = sub.add_parser("fetch", help="fetch an issue from its e-paper site and ingest it")
    p.add_argument("url", metavar="URL", help="the e-paper's address (e.g. its paperindex.htm)")
    p.add_argument("--date", help="issue date, YYYY-MM-DD (default: the site's latest)")
    p.add_argument("--newspaper", help="newspaper name (default: the one configured for URL)")

    p = sub.add_parser("import", help="bulk-load an archive of JSON lines (.jsonl or .jsonl.gz)")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--newspaper", help="newspaper name (default: from config)")

    p = sub.add_parser(
        "search",
        help="keyword search over the archive",
        description='every word must occur; "quotes" ask for the exact phrase; -word '
        "excludes; a OR b takes either (AND and OR in capitals are operators)",
    )
    _add_query_args(p, "query")
    p.add_argument("--since", help="YYYY-MM-DD")
    p.add_argument("--until", help="YYYY-MM-DD")
    p.add_argument("--section", help="section name or page number")

    p = sub.add_parser("headline", help="find articles by a headline fragment")
    _add_query_args(p, "headline fragment")

    p = sub.add_parser("digest", help="print the digest as a subscriber gets it")
    p.add_argument("--date", help="YYYY-MM-DD (default: latest issue)")
    p.add_argument("--sections", help="comma-separated sections (default: all)")

    p = sub.add_parser("push", help="start a push now, or show its progress")
    p.add_argument("--now", action="store_true", help="push the latest issue now")
    p.add_argument("--status", action="store_true", help="show the current push's progress")

    p = sub.add_parser("serve", help="run the bot on every configured channel")
    p.add_argument("--console", action="store_true", help="run the terminal channel")

    sub.add_parser("warmup", help="build caches (jieba's dictionary) ahead of the first request")
    sub.add_parser("healthcheck", help="exit 0 when the archive opens and the bot can run")
    return parser


@contextmanager
def open_archive_for(settings: Settings) -> Iterator[SqlArchive]:
    """The archive a command works on, closed when the command is done."""
    from digests.archive import open_archive

    archive = open_archive(
        settings.database_url, settings.sqlite_path, config_dir=settings.config_dir
    )
    try:
        yield archive
    finally:
        archive.close()


def option_date(text: str | None, option: str) -> dt.date | None:
    """The date an option gives (YYYY-MM-DD); InputError naming the option otherwise."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{option} must be a date like 2024-02-10, not {text!r}") from None


def _load(command: str) -> Runner:
    module_name, func_name = COMMANDS[command].split(":")
    runner: Runner = getattr(importlib.import_module(module_name), func_name)
    return runner


def _crash_log(data_dir: Path | None) -> tuple[Path, TextIO] | None:
    """The operator's crash log: in the data dir (the user's own), not a fixed /tmp path
    other users could read or plant; a private temp file when the data dir is unwritable."""
    try:
        if data_dir is not None:
            data_dir.mkdir(parents=True, exist_ok=True)
            log = data_dir / "crash.log"
            return log, log.open("a", encoding="utf-8")
    except OSError:
        pass
    try:
        fd, name = tempfile.mkstemp(prefix="paperboy-crash-", suffix=".log")
        return Path(name), os.fdopen(fd, "a", encoding="utf-8")
    except OSError:
        return None


def _report_crash(exc: BaseException, data_dir: Path | None) -> None:
    """Keep the traceback for the operator, give the user one line."""
    where = ""
    opened = _crash_log(data_dir)
    if opened is not None:
        log, f = opened
        try:
            with f:
                print(f"--- {dt.datetime.now().isoformat(timespec='seconds')}", file=f)
                traceback.print_exception(exc, file=f)
            where = f" (details in {log})"
        except OSError:
            pass
    print(f"paperboy: internal error: {type(exc).__name__}: {exc}{where}", file=sys.stderr)


def _is_word(arg: str) -> bool:
    """A query word that argparse took for an option: "-刀削面", not "--jsn"."""
    return arg.startswith("-") and not arg.startswith("--") and len(arg) > 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command in ("search", "headline") and all(_is_word(x) for x in extra):
        args.query = [*args.query, *extra]  # `search 非遗 -刀削面`: "-刀削面" is a word here
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if not args.command:
        parser.print_help(sys.stderr)
        return 2
    if args.command in ("search", "headline") and bool(args.batch) == bool(args.query):
        # argparse cannot express "exactly one of --batch or one or more words".
        how = "not both" if args.batch else "one is required"
        parser.error(f"{args.command}: give a QUERY or --batch FILE ({how})")
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # PTB's RetryAfter warns on every 429 until one opts into its timedelta retry_after;
    # bot/push/limiter.py reads either form.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    settings: Settings | None = None
    try:
        settings = load_settings()
        return _load(args.command)(args, settings)
    except PaperboyError as e:
        print(f"paperboy: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # the last line of defence: never a traceback to a user
        _report_crash(e, settings.data_dir if settings else None)
        return 1


if __name__ == "__main__":
    sys.exit(main())
