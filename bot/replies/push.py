"""Editors' push commands: /preview, /push now, /pushstatus, the same on every channel.

In the ``serve`` that runs the push they act on it directly; elsewhere (the terminal) /push
now leaves a request that the running ``serve`` takes within seconds, and /pushstatus reads
the ledger.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from bot.push.status import PushStatus, ledger_status, serve_alive
from bot.render import esc, line
from bot.replies.base import Ctx, Message, Reply, reply
from bot.replies.editor import refuse
from bot.replies.reader import digest_reply
from digests.archive.base import Archive
from digests.digest import issue_key
from digests.model import Issue


def preview(ctx: Ctx, args: str) -> Reply:
    """The digest exactly as subscribers will get it (for the sections given, else all)."""
    if not ctx.who.is_admin:
        return refuse(ctx, "/preview")
    ctx.services.archive.audit(ctx.who.actor, "preview", args)
    issue = ctx.services.archive.get_issue(None)
    if issue is None:
        return reply([line(ctx.t("push.no_issue"))])
    note = ctx.t("push.preview_note")
    digest = digest_reply(ctx, issue, tuple(args.split()))
    return Reply((Message(esc(note), note), *digest.messages))


def push(ctx: Ctx, args: str) -> Reply:
    if not ctx.who.is_admin:
        return refuse(ctx, "/push")
    if args.strip().lower() != "now":
        return reply([line(ctx.t("push.usage"))])
    archive = ctx.services.archive
    archive.audit(ctx.who.actor, "push now")
    issue = archive.get_issue(None)
    if issue is None:
        return reply([line(ctx.t("push.no_issue"))])
    key = issue_key(issue.newspaper, issue.date)
    running = ctx.services.push
    if running is not None:
        started = running.push_now(key)
        if started is not None:
            counts = started[1]
            date = f"{issue.date:%Y-%m-%d}"
            text = ctx.t(
                "push.pushing",
                paper=issue.newspaper,
                date=date,
                pending=counts.pending,
                sent=counts.sent,
            )
            return reply([line(text)])
    archive.request_push(key, ctx.who.actor)
    return reply([line(request_text(ctx.t, archive, issue, ctx.services.settings.telegram_token))])


def request_text(t: Callable[..., str], archive: Archive, issue: Issue, token: str) -> str:
    """One true sentence about a push request left in the database: a running serve was
    asked, or none runs and the push starts when one does (never both)."""
    alive = serve_alive(archive, token, dt.datetime.now(dt.UTC))
    return t(
        "push.asked" if alive else "push.queued",
        paper=issue.newspaper,
        date=f"{issue.date:%Y-%m-%d}",
        n=len(archive.subscribers("active")),
    )


def pushstatus(ctx: Ctx, args: str) -> Reply:
    if not ctx.who.is_admin:
        return refuse(ctx, "/pushstatus")
    ctx.services.archive.audit(ctx.who.actor, "pushstatus")
    running = ctx.services.push
    status = running.status() if running is not None else None
    if status is None:
        info = ctx.services.archive.list_issues(1)
        if not info:
            return reply([line(ctx.t("push.no_issue"))])
        key = issue_key(info[0].newspaper, info[0].date)
        status = ledger_status(ctx.services.archive, key, dt.datetime.now(dt.UTC))
    return reply([line(status_text(ctx.t, status))])


def status_text(t: Callable[..., str], status: PushStatus) -> str:
    """Sent, pending, failed and blocked counts, the current rate and an ETA."""
    counts = status.counts
    if not counts.total:
        return t("push.not_pushed", key=status.issue_key)
    if counts.pending == 0:
        eta = t("push.eta_done")
    elif status.eta_s is None:
        eta = t("push.eta_unknown")
    else:
        eta = t("push.eta", s=int(status.eta_s + 0.999))
    return t(
        "push.status",
        key=status.issue_key,
        sent=counts.sent,
        pending=counts.pending,
        failed=counts.failed,
        blocked=counts.blocked,
        rate=t("push.rate", r=status.rate),
        eta=eta,
    )
