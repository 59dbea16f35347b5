"""What editors do in chat: post an issue by upload, list issues, withdraw, see stats.

Every action goes to the audit log with who did it; a reader who tries gets a polite
refusal (and the attempt is logged too).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from bot import callbacks as cb
from bot.render import Chunk, line
from bot.render.digest import heading
from bot.replies.base import PAGE_SIZE, Ctx, Reply, button, find_article, reply
from digests.digest import display_title
from digests.loader import ACCEPTED_SUFFIXES, MAX_INPUT_BYTES

if TYPE_CHECKING:  # the splitter behind ingest loads when an issue is posted, not at start
    from bot.ingest import IngestResult


def refuse(ctx: Ctx, action: str) -> Reply:
    ctx.services.archive.audit(ctx.who.actor, "refused", action)
    return reply([line(ctx.t("editor.refused"))])


def check_upload(ctx: Ctx, file_name: str, size: int | None) -> Reply | None:
    """A refusal for a file the bot will not take, before downloading it; None if fine."""
    if not ctx.who.is_admin:
        return refuse(ctx, f"upload {file_name}")
    suffix = PurePath(file_name or "").suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        kind = suffix or ctx.t("editor.no_suffix")
        return reply([line(ctx.t("editor.bad_kind", kind=kind, accepted=accepted(ctx)))])
    if size is not None and size > MAX_INPUT_BYTES:
        mb = size / 2**20
        return reply([line(ctx.t("editor.too_big", size=f"{mb:.1f}", accepted=accepted(ctx)))])
    return None


def accepted(ctx: Ctx) -> str:
    """What an editor may send, and how large."""
    return ctx.t("editor.accepted", limit=MAX_INPUT_BYTES // 2**20)


def refuse_media(ctx: Ctx) -> Reply:
    """A photo, voice or other media where an issue file was expected."""
    if not ctx.who.is_admin:
        return refuse(ctx, "upload media")
    return reply(
        [line(ctx.t("editor.bad_kind", kind=ctx.t("editor.media"), accepted=accepted(ctx)))]
    )


def preview(ctx: Ctx, result: IngestResult) -> Reply:
    """The preview of a posting, written to the audit log as this editor's post."""
    issue = result.issue
    ctx.services.archive.audit(
        ctx.who.actor, "post", f"{issue.newspaper} {issue.date:%Y-%m-%d} {len(issue.articles)}"
    )
    return preview_reply(ctx, result)


def preview_reply(ctx: Ctx, result: IngestResult) -> Reply:
    """What an editor sees after posting: which pages, what happened to the issue already
    there, headlines per page, and what to check, all in the editor's language."""
    chunks = [_posted_head(ctx, result)]
    for page in result.issue.pages:
        title = heading(ctx.texts, ctx.who.language, page.number, page.name)
        items = [line(title, bold=True)]
        for a in page.articles:
            kind = "" if a.kind == "article" else f"[{ctx.t('kind.' + a.kind)}] "
            items.append(line(f"· {kind}{display_title(a)}"))
        chunks.append(_joined(items))
    warnings = [ctx.texts.say(ctx.who.language, n) for n in result.notes]
    if warnings:
        chunks.append(line(ctx.t("editor.warnings"), bold=True))
        chunks += [line(f"⚠ {w}") for w in dict.fromkeys(warnings)]
    chunks.append(line(ctx.t("editor.posted_hint")))
    return reply(chunks, sep="\n\n")


def _posted_head(ctx: Ctx, result: IngestResult) -> Chunk:
    """Posted what, of which date; which pages; what it did to the issue already there."""
    issue = result.issue
    numbers = [p.number for p in issue.pages if p.number is not None]
    date = f"{issue.date:%Y-%m-%d}"
    counts = ctx.t(
        "editor.posted_counts",
        count=len(issue.pages),
        numbers=_pages(ctx, numbers),
        n=len(issue.articles),
    )
    head = [
        line(ctx.t("editor.posted", newspaper=issue.newspaper, date=date), bold=True),
        line(counts),
    ]
    if result.replaced_pages:
        head.append(line(ctx.t("editor.replaced_pages", pages=_pages(ctx, result.replaced_pages))))
    if result.added_pages:
        head.append(line(ctx.t("editor.added_pages", pages=_pages(ctx, result.added_pages))))
    if result.replaced_pages or result.added_pages:
        totals = result.report.issue
        head.append(line(ctx.t("editor.issue_totals", pages=totals.pages, n=totals.articles)))
    elif result.report.replaced:
        head.append(line(ctx.t("editor.replaced")))
    return _joined(head)


def _joined(chunks: Sequence[Chunk]) -> Chunk:
    """Lines kept together in one message."""
    return Chunk("\n".join(c.html for c in chunks), "\n".join(c.text for c in chunks))


def _pages(ctx: Ctx, numbers: Sequence[int]) -> str:
    """ "第1、4、5版" / "pages 1, 4, 5": page numbers, never a bare figure."""
    return ctx.t("editor.page_list", numbers=ctx.t("editor.list_sep").join(map(str, numbers)))


def issues(ctx: Ctx, args: str) -> Reply:
    if not ctx.who.is_admin:
        return refuse(ctx, "/issues")
    ctx.services.archive.audit(ctx.who.actor, "issues")
    return issues_page(ctx, cb.IssuesPage(0), edit=False)


def issues_page(ctx: Ctx, req: cb.IssuesPage, edit: bool = True) -> Reply:
    if not ctx.who.is_admin:
        return refuse(ctx, "/issues")
    listed = list(ctx.services.archive.list_issues(limit=(req.page + 1) * PAGE_SIZE + 1))
    shown = listed[req.page * PAGE_SIZE : (req.page + 1) * PAGE_SIZE]
    if not shown:
        return reply([line(ctx.t("reader.no_issue"))], edit=edit)
    chunks = [line(ctx.t("editor.issues_title"), bold=True)]
    for info in shown:
        text = ctx.t(
            "editor.issue_line",
            newspaper=info.newspaper,
            date=f"{info.date:%Y-%m-%d}",
            pages=info.pages,
            n=info.articles,
        )
        chunks.append(line(text))
    row = []
    if req.page > 0:
        row.append(button(ctx.t("nav.previous"), cb.IssuesPage(req.page - 1)))
    if len(listed) > (req.page + 1) * PAGE_SIZE:
        row.append(button(ctx.t("nav.next"), cb.IssuesPage(req.page + 1)))
    return reply(chunks, [row], edit=edit)


def _set_withdrawn(ctx: Ctx, args: str, withdrawn: bool) -> Reply:
    command = "withdraw" if withdrawn else "restore"
    if not ctx.who.is_admin:
        return refuse(ctx, f"/{command} {args.strip()}")
    article_id = args.strip()
    if not article_id:
        return reply([line(ctx.t(f"usage.{command}"))])
    found = find_article(ctx.services.archive, article_id)
    article_id = found.article.id if found else article_id
    if found is None or not ctx.services.archive.set_withdrawn(article_id, withdrawn):
        return reply([line(ctx.t("reader.no_article", id=article_id))])
    ctx.services.archive.audit(ctx.who.actor, command, article_id)
    return reply([line(ctx.t(f"editor.done_{command}", id=article_id))])


def withdraw(ctx: Ctx, args: str) -> Reply:
    return _set_withdrawn(ctx, args, True)


def restore(ctx: Ctx, args: str) -> Reply:
    return _set_withdrawn(ctx, args, False)


def stats(ctx: Ctx, args: str) -> Reply:
    if not ctx.who.is_admin:
        return refuse(ctx, "/stats")
    s = ctx.services.archive.stats()
    ctx.services.archive.audit(ctx.who.actor, "stats")
    chunks = [
        line(ctx.t("editor.stats_title"), bold=True),
        line(
            ctx.t(
                "editor.stats_people",
                subscribers=s.subscribers,
                active=s.active,
                paused=s.paused,
                blocked=s.blocked,
            )
        ),
        line(ctx.t("editor.stats_searches", n=s.searches_today)),
        line(ctx.t("editor.stats_archive", issues=s.issues, articles=s.articles)),
    ]
    return reply(chunks)
