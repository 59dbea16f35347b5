"""An editor's document becomes an issue: the date from the caption if given, then ingest."""

from __future__ import annotations

from bot.ingest import ingest_documents
from bot.render import line
from bot.replies import Responder, editor
from bot.replies.base import Reply, Who, parse_date, reply
from digests.errors import InputError


def post_upload(
    responder: Responder, who: Who, file_name: str, content: bytes, caption: str = ""
) -> Reply:
    """Ingest one uploaded page file into its issue (other pages of that date are kept)."""
    ctx = responder.ctx(who)
    # A caption names the date; else ingest reads the page header, then the file name.
    date = parse_date(caption.strip()) if caption.strip() else None
    try:
        result = ingest_documents(
            [(file_name, content)],
            archive=ctx.services.archive,
            settings=ctx.services.settings,
            date=date,
            merge=True,
            segmenter=responder.segmenter(),
        )
    except InputError as e:
        ctx.services.archive.audit(who.actor, "post failed", f"{file_name}: {e}")
        said = ctx.texts.say(who.language, e.note) if e.note else ctx.t("upload.unreadable")
        accepted = editor.accepted(ctx)
        return reply([line(ctx.t("editor.post_failed", message=said, accepted=accepted))])
    return editor.preview(ctx, result)
