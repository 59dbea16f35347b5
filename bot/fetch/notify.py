"""What the editors hear from the scheduled fetch: the upload's preview of a fetched
issue, or one line naming the fault and the next try."""

from __future__ import annotations

import logging
from typing import Any

from bot.fetch.schedule import Outcome, Tell
from bot.render import line
from bot.replies import Responder
from bot.replies.base import Reply, Who, reply

log = logging.getLogger(__name__)


def outcome_reply(responder: Responder, outcome: Outcome) -> Reply:
    """The preview (as after an upload), "unchanged", or the fault line."""
    ctx = responder.ctx(Who("fetch", "schedule", None, "zh", is_admin=True))
    paper, day = outcome.plan.newspaper, f"{outcome.day:%Y-%m-%d}"
    result = outcome.result
    if result is not None and result.stored is not None:
        from bot.replies import editor

        return editor.preview(ctx, result.stored)
    if result is not None:
        return reply([line(ctx.t("fetch.unchanged", newspaper=paper, date=day))])
    nxt = (
        ctx.t(
            "fetch.next_try", time=f"{outcome.next_try.astimezone(responder_tz(responder)):%H:%M}"
        )
        if outcome.next_try is not None
        else ctx.t("fetch.no_more_tries", until=f"{outcome.plan.until:%H:%M}")
    )
    ctx.services.archive.audit(ctx.who.actor, "fetch failed", f"{paper} {day}: {outcome.fault}")
    return reply(
        [line(ctx.t("fetch.failed", newspaper=paper, date=day, reason=outcome.fault, next=nxt))]
    )


def responder_tz(responder: Responder) -> Any:
    from bot.push.schedule import zone

    return zone(responder.services.settings.timezone)


def editors_teller(responder: Responder) -> Tell:
    """Send each outcome to every editor (PAPERBOY_ADMINS) through the job's bot."""

    async def tell(context: Any, outcome: Outcome) -> None:
        from telegram.error import TelegramError

        from bot.handlers.telegram import send_reply
        from digests.archive.front import call

        answer = await call(outcome_reply, responder, outcome)  # it audits: off the loop
        for admin in sorted(responder.services.settings.admins):
            try:
                await send_reply(context, admin, answer)
            except TelegramError as e:  # an editor who never opened the chat: tell the rest
                log.warning("cannot tell editor %s about the fetch: %s", admin, e)

    return tell
