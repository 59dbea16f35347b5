"""An editor's document becomes an issue: the date from caption or file name, then ingest."""

from __future__ import annotations

import datetime as dt
import re

from bot.ingest import ingest_documents
from bot.render import line
from bot.replies import Responder, editor
from bot.replies.base import Reply, Who, parse_date, reply
from digests.errors import InputError

_DATE_IN_NAME = re.compile(r"(?<!\d)(20\d\d)[-_.]?([01]\d)[-_.]?([0-3]\d)(?!\d)")


def date_in_name(file_name: str) -> dt.date | None:
    """A date written in a file name (datong-2024-02-10-p01.txt, 20240210_01.pdf)."""
    m = _DATE_IN_NAME.search(file_name)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def post_upload(
    responder: Responder, who: Who, file_name: str, content: bytes, caption: str = ""
) -> Reply:
    """Ingest one uploaded page file into its issue (other pages of that date are kept)."""
    ctx = responder.ctx(who)
    date = parse_date(caption.strip()) if caption.strip() else None
    date = date or date_in_name(file_name)
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
        accepted = ctx.t("editor.accepted", limit=editor.MAX_UPLOAD // 1024 // 1024)
        return reply([line(ctx.t("editor.post_failed", message=str(e), accepted=accepted))])
    warnings = tuple(dict.fromkeys([*result.warnings, *result.report.warnings]))
    return editor.preview(ctx, result.issue, warnings, result.report.replaced)
