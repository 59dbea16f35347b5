"""The one wiring point: a PTB Application built from one Settings value.

Resources open in ``post_init`` (archive, texts, the push engine) and close in
``post_shutdown``; nothing is global. :func:`run_application` runs an Application the way
``paperboy serve`` does (polling, or a webhook with a secret token) until told to stop, so
the tests run exactly what serve runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from typing import Any, cast
from urllib.parse import urlsplit

from telegram import BotCommand, BotCommandScopeDefault, Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    ExtBot,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.demo import load_demo_if_empty
from bot.handlers import telegram as h
from bot.handlers.state import BotState
from bot.i18n import LANGUAGES, Messages
from bot.push import configure_builder
from bot.replies import COMMANDS
from bot.replies.prefs import READER_COMMANDS
from bot.runtime import WARM_UP_AFTER_S, Runtime
from bot.settings import Settings

log = logging.getLogger(__name__)
BotApp = Application[ExtBot[str], Any, dict[Any, Any], dict[Any, Any], BotState, Any]
_MEDIA = (
    filters.PHOTO
    | filters.VIDEO
    | filters.AUDIO
    | filters.VOICE
    | filters.Sticker.ALL
    | filters.ANIMATION
    | filters.VIDEO_NOTE
)


def build_application(settings: Settings, runtime: Runtime | None = None) -> BotApp:
    """The Telegram bot as ``paperboy serve`` runs it, on ``runtime`` when given (shared
    with the other channels; the caller closes it), else on one it opens in post_init."""
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_token)
        .context_types(ContextTypes(bot_data=BotState))
        .concurrent_updates(8)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    if settings.telegram_base_url:
        base = settings.telegram_base_url.rstrip("/")
        builder = builder.base_url(f"{base}/bot").base_file_url(f"{base}/file/bot")
    # The push's limiter paces digests per chat and lets replies through at once; its
    # aiohttp transport is what makes 1000 msg/s possible.
    builder = configure_builder(builder, settings)
    # The builder's type does not follow .rate_limiter(): the bot takes str rate_limit_args.
    app = cast(BotApp, builder.build())
    app.bot_data.settings = settings
    app.bot_data.services = runtime
    app.bot_data.owns_services = runtime is None
    app.add_handler(TypeHandler(Update, h.flood_gate), group=-1)
    app.add_handler(CallbackQueryHandler(h.on_callback))
    app.add_handler(MessageHandler(filters.Document.ALL, h.on_document))
    app.add_handler(MessageHandler(_MEDIA, h.on_media))
    # Known commands, deep links (/a_<id>) and plain text all go through the Responder.
    # Unknown commands are caught last, after the push engine added its own commands.
    known = filters.Regex(rf"^/({'|'.join(COMMANDS)}|a_\w+)(@\w+)?(\s|$)")
    app.add_handler(MessageHandler(filters.TEXT & (known | ~filters.Regex("^/")), h.on_text))
    app.add_handler(TypeHandler(Update, _first_answered), group=1)
    app.add_error_handler(h.on_error)
    return app


async def _post_init(app: BotApp) -> None:
    state = app.bot_data
    settings = state.settings
    assert settings is not None
    services = state.services
    if services is None:
        services = await asyncio.to_thread(Runtime.open, settings)
    state.services = services
    try:
        await asyncio.to_thread(load_demo_if_empty, services)
        responder = services.responder()
        state.responder = responder
        from bot.push import install_push

        await install_push(app, services)
        state.push_installed = True
        from bot.fetch import install_fetch

        await install_fetch(app, services, responder)  # only the lease holder fetches
    except BaseException:
        if state.owns_services:
            services.close()
            state.services = None
        raise
    # Added last so that commands the push engine registered are not taken for unknown ones.
    app.add_handler(MessageHandler(filters.TEXT & filters.Regex("^/"), h.on_text))


def _after_start(app: BotApp) -> None:
    """What waits until the bot takes updates: the command menu (three round trips) goes
    out beside the first answers; the segmenter and the search index load once the first
    update is answered (or the bot has had nothing to answer for a moment), so the first
    answer does not share the CPU with them. A /search before then loads them itself."""
    state = app.bot_data
    services = state.services
    assert services is not None
    app.create_task(_set_commands(app, services.texts), name="command menu")
    state.warm_waiter = asyncio.create_task(_warm_up_later(state, services), name="warm-up")


async def _warm_up_later(state: BotState, services: Runtime) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(state.answered.wait(), WARM_UP_AFTER_S)
    state.warming = asyncio.get_running_loop().run_in_executor(None, services.warm_up)
    state.warming.add_done_callback(_warm_done)


def _warm_done(future: asyncio.Future[None]) -> None:
    if not future.cancelled() and future.exception() is not None:
        log.warning("warming up the archive failed", exc_info=future.exception())


async def _first_answered(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The last group: an update has been answered, so the warm-up may start."""
    cast(BotState, context.bot_data).answered.set()


async def _stop_warm_up(state: BotState) -> None:
    """Drop a warm-up not begun; let one under way finish before the archive closes."""
    waiter, state.warm_waiter = state.warm_waiter, None
    if waiter is not None:
        waiter.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await waiter
    warming, state.warming = state.warming, None
    if warming is not None:
        with contextlib.suppress(Exception):  # _warm_done logged it
            await warming


async def _set_commands(app: BotApp, texts: Messages) -> None:
    for lang in (None, *LANGUAGES):
        commands = [
            BotCommand(name, texts.t(lang or "zh", f"help.{name}")[:256])
            for name in READER_COMMANDS
        ]
        try:
            await app.bot.set_my_commands(
                commands, scope=BotCommandScopeDefault(), language_code=lang
            )
        except TelegramError:
            # The menu is a convenience: a Bot API that refuses it must not stop the bot.
            log.warning("setMyCommands (%s) failed", lang or "default", exc_info=True)


async def stop_push(app: BotApp) -> None:
    """Stop the push engine and release the lease while the job queue still runs."""
    state = app.bot_data
    if state.push_installed and state.services is not None:
        from bot.push import uninstall_push

        state.push_installed = False
        await uninstall_push(app, state.services)


async def _post_shutdown(app: BotApp) -> None:
    state = app.bot_data
    services = state.services
    if services is None:
        return
    try:
        await stop_push(app)
    finally:
        state.responder = None
        if state.owns_services:
            state.services = None
            services.close()


def webhook_parts(settings: Settings) -> tuple[str, int, str, str]:
    """(listen host, port, url path, secret) of the webhook; a secret is made if none is set."""
    host, _, port = settings.webhook_listen.rpartition(":")
    path = urlsplit(settings.webhook_url).path.lstrip("/")
    secret = settings.webhook_secret or secrets.token_urlsafe(32)
    return host or "0.0.0.0", int(port), path, secret


async def run_application(app: BotApp, stop: asyncio.Event) -> None:
    """Initialise, run post_init, take updates (poll or webhook) until ``stop`` is set."""
    settings = app.bot_data.settings
    assert settings is not None
    try:
        await app.initialize()
    except BaseException:
        # Application.shutdown() skips an app that never initialised: close the HTTP
        # sessions the bot opened before its getMe failed.
        await app.bot.shutdown()
        raise
    started = False
    try:
        if app.post_init:
            await app.post_init(app)
        started = True
        assert app.updater is not None
        if settings.webhook_url:
            host, port, path, secret = webhook_parts(settings)
            await app.updater.start_webhook(
                listen=host,
                port=port,
                url_path=path,
                webhook_url=settings.webhook_url,
                secret_token=secret,
                allowed_updates=Update.ALL_TYPES,
            )
        else:
            await app.updater.start_polling(allowed_updates=Update.ALL_TYPES, timeout=10)
        await app.start()
        _after_start(app)
        await stop.wait()
    finally:
        await _stop_warm_up(app.bot_data)
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        try:
            await stop_push(app)
        finally:
            if app.running:
                await app.stop()
            await app.shutdown()
            if started and app.post_shutdown:
                await app.post_shutdown(app)
