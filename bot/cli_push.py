"""``paperboy digest`` and ``paperboy push``.

``digest`` prints the digest exactly as a subscriber gets it (the terminal rendering).
``push --now`` asks the running ``serve`` to push, through the database (only ``serve`` may
send: it holds the lease); ``push --status`` prints what ``/pushstatus`` shows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os

from bot.cli import open_archive_for, option_date
from bot.settings import Settings
from digests.archive.base import Archive
from digests.digest import DigestOptions, build_digest, issue_key, wants_page
from digests.errors import InputError
from digests.model import Issue

RULE = "─" * 24


def _issue(archive: Archive, date: dt.date | None) -> Issue:
    issue = archive.get_issue(date)
    if issue is None:
        if date is None:
            raise InputError("the archive holds no issue yet; post one with: paperboy ingest FILE")
        raise InputError(f"no issue stored for {date:%Y-%m-%d}")
    return issue


def _sections(issue: Issue, raw: str | None) -> tuple[str, ...]:
    wanted = tuple(s.strip() for s in (raw or "").replace("，", ",").split(",") if s.strip())
    for name in wanted:
        if not any(wants_page(p, (name,)) for p in issue.pages):
            known = ", ".join(dict.fromkeys(p.name for p in issue.pages if p.name))
            raise InputError(
                f"no section {name!r} in the {issue.date:%Y-%m-%d} issue; its sections: {known}"
            )
    return wanted


def run_digest(args: argparse.Namespace, settings: Settings) -> int:
    with open_archive_for(settings) as archive:
        issue = _issue(archive, option_date(args.date, "--date"))
    from bot.i18n import Messages
    from bot.render.digest import render_digest

    digest = build_digest(issue, DigestOptions(sections=_sections(issue, args.sections)))
    messages = render_digest(digest, Messages.load(settings.config_dir))
    print(f"\n{RULE}\n".join(m.text for m in messages))
    return 0


def run_push(args: argparse.Namespace, settings: Settings) -> int:
    from bot.i18n import DEFAULT, Messages
    from bot.push.status import ledger_status
    from bot.replies.push import request_text, status_text

    texts = Messages.load(settings.config_dir)

    def t(key: str, /, **values: object) -> str:
        return texts.t(DEFAULT, key, **values)

    with open_archive_for(settings) as archive:
        issue = _issue(archive, None)
        key = issue_key(issue.newspaper, issue.date)
        now = dt.datetime.now(dt.UTC)
        if args.now:
            archive.request_push(key, f"cli:{_user()}")
            archive.audit(f"cli:{_user()}", "push now", key)
            print(request_text(t, archive, issue, settings.telegram_token))
        if args.status or not args.now:
            print(status_text(t, ledger_status(archive, key, now)))
    return 0


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid()) if hasattr(os, "getuid") else "?"
