"""Telegram handlers: read the update, ask the Responder, send the Reply as HTML.

Thin by design: everything a reader sees is built in :mod:`bot.replies`, so the terminal
channel gives the same answers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Callable
from typing import Any

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Update,
)
from telegram import Message as TgMessage
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import ApplicationHandlerStop, CallbackContext, ExtBot

from bot.handlers.state import BotState
from bot.i18n import Messages
from bot.push.limiter import PACED
from bot.replies import Responder
from bot.replies.base import Message, Reply, Who
from digests.archive.front import call

log = logging.getLogger(__name__)
Context = CallbackContext[ExtBot[str], dict[Any, Any], dict[Any, Any], BotState]
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def _keyboard(message: Message) -> InlineKeyboardMarkup | None:
    if not message.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.label, callback_data=b.data) for b in row]
            for row in message.buttons
        ]
    )


async def send_reply(
    context: Context, chat_id: int, reply: Reply, edit: TgMessage | None = None
) -> None:
    """Send a reply's messages; a button's reply edits the message it sat under."""
    messages = list(reply.messages)
    if reply.edit and edit is not None and messages:
        first = messages.pop(0)
        try:
            await context.bot.edit_message_text(
                first.html,
                chat_id=chat_id,
                message_id=edit.message_id,
                parse_mode=ParseMode.HTML,
                reply_markup=_keyboard(first),
                link_preview_options=_NO_PREVIEW,
            )
        except BadRequest as e:
            if "not modified" not in str(e).lower():
                raise
    for i, m in enumerate(messages):
        # A reply's later messages keep Telegram's 1 msg/s per chat, like digest parts.
        later = i > 0 or len(messages) < len(reply.messages)
        await context.bot.send_message(
            chat_id,
            m.html,
            parse_mode=ParseMode.HTML,
            reply_markup=_keyboard(m),
            link_preview_options=_NO_PREVIEW,
            rate_limit_args=PACED if later else None,
        )


def _responder(context: Context) -> Responder:
    responder = context.bot_data.responder
    if responder is None:
        raise RuntimeError("the bot is not started: no responder")
    return responder


def who(update: Update, context: Context) -> Who:
    user = update.effective_user
    chat = update.effective_chat
    admins = context.bot_data.settings.admins if context.bot_data.settings else frozenset()
    return _responder(context).who(
        "telegram",
        str(chat.id if chat else user.id if user else 0),
        user.id if user else None,
        user.language_code if user else None,
        is_admin=bool(user and user.id in admins),
    )


async def ask(update: Update, context: Context, method: Callable[..., Reply], *args: Any) -> Reply:
    """A Responder method for this person, run on an archive worker thread: the loop goes
    on with other chats while the database answers (see digests.archive.front)."""
    return await call(lambda: method(who(update, context), *args))


async def flood_gate(update: Update, context: Context) -> None:
    """Before any handler: a person sending too much gets one slow-down note, then silence."""
    if context.bot_data.responder is None or update.effective_chat is None:
        return
    if update.effective_user is None or not (update.message or update.callback_query):
        return
    person = await call(who, update, context)
    ok, note = _responder(context).guard(person)
    if ok:
        return
    if note is not None:
        await send_reply(context, update.effective_chat.id, note)
    if update.callback_query:
        await update.callback_query.answer()
    raise ApplicationHandlerStop


async def on_text(update: Update, context: Context) -> None:
    """Any text: a command, a deep link /a_<id>, or words to search."""
    message = update.effective_message
    if message is None or message.text is None or update.effective_chat is None:
        return
    reply = await ask(update, context, _responder(context).text, message.text)
    await send_reply(context, update.effective_chat.id, reply)


async def on_callback(update: Update, context: Context) -> None:
    query = update.callback_query
    if query is None or update.effective_chat is None:
        return
    pressed = query.message if isinstance(query.message, TgMessage) else None
    text = pressed.text or "" if pressed else ""
    reply = await ask(update, context, _responder(context).callback, query.data or "", text)
    await query.answer(reply.toast or None)
    await send_reply(context, update.effective_chat.id, reply, edit=pressed)


async def on_document(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None or message.document is None or update.effective_chat is None:
        return
    doc = message.document
    person = await call(who, update, context)
    responder = _responder(context)
    chat_id = update.effective_chat.id
    refusal = await call(responder.check_upload, person, doc.file_name or "", doc.file_size)
    if refusal is not None:
        await send_reply(context, chat_id, refusal)
        return
    with contextlib.suppress(TelegramError):  # only a courtesy: never fail the upload on it
        await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
    from bot.upload import post_upload  # the splitter loads with the first upload

    file = await doc.get_file()
    content = bytes(await file.download_as_bytearray())
    reply = await asyncio.to_thread(
        post_upload, responder, person, doc.file_name or "", content, message.caption or ""
    )
    await send_reply(context, chat_id, reply)


async def on_media(update: Update, context: Context) -> None:
    """A photo, voice, sticker…: say what an editor can send instead."""
    if update.effective_chat is None:
        return
    reply = await ask(update, context, _responder(context).refuse_media)
    await send_reply(context, update.effective_chat.id, reply)


# Said only when the catalogue itself cannot be had (config/messages.*.toml missing or
# broken, or the error came before the bot had loaded it): the person must still hear
# that something went wrong, and a catalogue that failed cannot say so.
FALLBACK_APOLOGY = {
    "zh": "抱歉，出了点问题（事件编号 {incident}）。请稍后再试。",
    "en": "Sorry, something went wrong on our side (incident {incident}). Please try again later.",
}


async def on_error(update: object, context: Context) -> None:
    """Log with the traceback; the person gets a short apology with an incident id."""
    incident = uuid.uuid4().hex[:8]
    log.error("incident %s while handling %r", incident, update, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    language = "zh"
    if context.bot_data.responder is not None:
        try:
            language = (await call(who, update, context)).language
        except Exception:  # the archive itself may be what failed
            language = "zh"
    text = _apology(context.bot_data, language, incident)
    try:
        await context.bot.send_message(update.effective_chat.id, text)
        if update.callback_query:
            await update.callback_query.answer()
    except Exception:
        log.warning("incident %s: could not send the apology", incident, exc_info=True)


def _apology(state: BotState, language: str, incident: str) -> str:
    """errors.apology from the catalogue (the responder's, else loaded from the settings)."""
    try:
        if state.responder is not None:
            texts = state.responder.texts
        elif state.settings is not None:
            texts = Messages.load(state.settings.config_dir)
        else:
            raise LookupError("no settings yet")
        return texts.t(language, "errors.apology", incident=incident)
    except Exception:  # see FALLBACK_APOLOGY
        log.warning("incident %s: no texts for the apology", incident, exc_info=True)
        return FALLBACK_APOLOGY.get(language, FALLBACK_APOLOGY["zh"]).format(incident=incident)
