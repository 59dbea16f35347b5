"""What the editors hear from the scheduled fetch: the upload's preview of a fetched
issue, or one line naming the fault and the next try, each in the editor's language."""

from __future__ import annotations

import logging
from typing import Any

from bot.fetch.schedule import Outcome, Tell
from bot.render import line
from bot.replies import Responder
from bot.replies.base import Reply, Who, reply

log = logging.getLogger(__name__)
ACTOR = Who("fetch", "schedule", None, is_admin=True)


def outcome_reply(responder: Responder, outcome: Outcome, language: str = "zh") -> Reply:
    """The preview (as after an upload), "unchanged", or the fault line, in ``language``."""
    ctx = responder.ctx(Who("fetch", "schedule", None, language, is_admin=True))
    paper, day = outcome.plan.newspaper, f"{outcome.day:%Y-%m-%d}"
    result = outcome.result
    if result is not None and result.stored is not None:
        from bot.replies import editor

        return editor.preview_reply(ctx, result.stored)
    if result is not None:
        return reply([line(ctx.t("fetch.unchanged", newspaper=paper, date=day))])
    nxt = (
        ctx.t(
            "fetch.next_try", time=f"{outcome.next_try.astimezone(responder_tz(responder)):%H:%M}"
        )
        if outcome.next_try is not None
        else ctx.t("fetch.no_more_tries", until=f"{outcome.plan.until:%H:%M}")
    )
    reason = ctx.texts.say(language, outcome.reason)
    return reply([line(ctx.t("fetch.failed", newspaper=paper, date=day, reason=reason, next=nxt))])


def record(responder: Responder, outcome: Outcome) -> None:
    """The audit log's line for a try: once, however many editors hear of it."""
    archive = responder.services.archive
    if outcome.result is not None and outcome.result.stored is not None:
        issue = outcome.result.stored.issue
        detail = f"{issue.newspaper} {issue.date:%Y-%m-%d} {len(issue.articles)}"
        archive.audit(ACTOR.actor, "post", detail)
    elif outcome.result is None:
        detail = f"{outcome.plan.newspaper} {outcome.day:%Y-%m-%d}: {outcome.fault}"
        archive.audit(ACTOR.actor, "fetch failed", detail)


def _language(responder: Responder, admin: int) -> str:
    """The language an editor chose in their own chat (Telegram: chat id = user id)."""
    return responder.who("telegram", str(admin), admin, is_admin=True).language


def responder_tz(responder: Responder) -> Any:
    from bot.push.schedule import zone

    return zone(responder.services.settings.timezone)


def editors_teller(responder: Responder) -> Tell:
    """Send each outcome to every editor (PAPERBOY_ADMINS) through the job's bot, in the
    language each chose (/lang, their subscription), Chinese by default."""

    async def tell(context: Any, outcome: Outcome) -> None:
        from telegram.error import TelegramError

        from bot.handlers.telegram import send_reply
        from digests.archive.front import call

        await call(record, responder, outcome)  # the archive: off the loop
        answers: dict[str, Reply] = {}
        for admin in sorted(responder.services.settings.admins):
            language = await call(_language, responder, admin)
            if language not in answers:
                answers[language] = outcome_reply(responder, outcome, language)
            try:
                await send_reply(context, admin, answers[language])
            except TelegramError as e:  # an editor who never opened the chat: tell the rest
                log.warning("cannot tell editor %s about the fetch: %s", admin, e)

    return tell
