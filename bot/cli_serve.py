"""``paperboy serve`` and ``paperboy healthcheck``.

Serve runs Telegram when ``PAPERBOY_TELEGRAM_TOKEN`` is set and the WeChat channel when
``PAPERBOY_WECHAT_*`` are (both at once when both are); with neither (or ``--console``) the
terminal channel. Either way a fresh archive first gets the demo issue.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
import threading
from collections.abc import Iterable, Iterator

from bot.settings import Settings
from digests.errors import PaperboyError


def run_serve(args: argparse.Namespace, settings: Settings) -> int:
    console = getattr(args, "console", False)
    if settings.telegram_token and not console:
        return _serve_telegram(settings)  # with the WeChat channel beside it when configured
    if settings.wechat.enabled and not console:
        return _serve_wechat(settings)
    return _serve_console(settings)


def _serve_console(settings: Settings) -> int:
    from bot.console import run_console
    from bot.demo import load_demo_if_empty
    from bot.runtime import WARM_UP_AFTER_S, Runtime

    runtime = Runtime.open(settings)
    answered, ending = threading.Event(), threading.Event()

    def warm_up() -> None:
        # Once the first line is answered (or none came for a moment), as on Telegram;
        # not at all when the input has already ended.
        answered.wait(WARM_UP_AFTER_S)
        if not ending.is_set():
            runtime.warm_up()

    warm = threading.Thread(target=warm_up, daemon=True, name="warm-up")
    try:
        load_demo_if_empty(runtime)
        warm.start()
        if sys.stdin.isatty():
            print(runtime.texts.t("zh", "console.banner"), file=sys.stderr)
        return run_console(runtime.responder(), _first_then(sys.stdin, answered), sys.stdout)
    finally:
        ending.set()
        answered.set()
        if warm.is_alive():
            warm.join()
        runtime.close()


def _first_then(lines: Iterable[str], answered: threading.Event) -> Iterator[str]:
    """The lines; ``answered`` is set when the second is asked for (the first answered)."""
    for line in lines:
        yield line
        answered.set()


def _serve_telegram(settings: Settings) -> int:
    from telegram.error import InvalidToken, NetworkError

    from bot.app import build_application, run_application
    from bot.runtime import Runtime
    from bot.wechat.runner import wechat_beside

    async def main() -> None:
        stop = _stop_on_signals()
        # One runtime for every channel: one archive, one segmenter, one set of texts.
        runtime = await asyncio.to_thread(Runtime.open, settings)
        try:
            app = build_application(settings, runtime)
            async with wechat_beside(settings, app, runtime):
                await run_application(app, stop)
        finally:
            runtime.close()

    try:
        asyncio.run(main())
    except InvalidToken:
        raise PaperboyError(
            "the Bot API refused PAPERBOY_TELEGRAM_TOKEN: check the token from @BotFather"
        ) from None
    except NetworkError as e:
        where = settings.telegram_base_url or "https://api.telegram.org"
        raise PaperboyError(
            f"cannot reach the Telegram Bot API at {where} ({e}); check the network "
            "or PAPERBOY_TELEGRAM_BASE_URL"
        ) from None
    return 0


def _stop_on_signals() -> asyncio.Event:
    """An event SIGINT and SIGTERM set (inside the running loop)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    return stop


def _serve_wechat(settings: Settings) -> int:
    from bot.wechat.runner import run_wechat

    async def main() -> None:
        await run_wechat(settings, _stop_on_signals())

    asyncio.run(main())
    return 0


def run_healthcheck(args: argparse.Namespace, settings: Settings) -> int:
    """0 when the archive opens and answers; a wrong setting or dead database exits 1."""
    from bot.services import Services

    try:
        services = Services.open(settings)
    except PaperboyError:
        raise
    except Exception as e:  # a database that will not open is a failed check, not a crash
        raise PaperboyError(f"healthcheck: the archive does not open: {e}") from None
    try:
        services.archive.latest_date()
    finally:
        services.close()
    return 0
