"""The daily push: schedule, delivery ledger, rate limits.

``configure_builder`` puts the push's rate limiter and HTTP transport into the
ApplicationBuilder; ``install_push`` (from ``post_init``) takes the serve lease, starts the
engine, schedules the daily jobs, catches up and hands the service to the editors'
commands through ``Services.push``; ``uninstall_push`` (from ``post_shutdown``) undoes it.
"""

from __future__ import annotations

from typing import Any, TypeVar, cast

from bot.services import Services
from bot.settings import Settings

B = TypeVar("B")
_ATTR = "push"
PAID_BROADCAST_LIMIT = 1000.0
FREE_LIMIT = 30.0


def make_rate_limiter(settings: Settings) -> Any:
    """The limiter for these settings: the push rate, or paid broadcast's when opted in."""
    from bot.push.limiter import PushRateLimiter

    if settings.paid_broadcast:
        return PushRateLimiter(
            min(settings.push_rate, FREE_LIMIT), min(settings.push_rate, PAID_BROADCAST_LIMIT)
        )
    return PushRateLimiter(settings.push_rate)


def configure_builder(builder: B, settings: Settings) -> B:
    """Install the push's rate limiter and the aiohttp transport into an ApplicationBuilder."""
    from bot.push.request import AiohttpRequest

    configured: Any = builder
    configured = (
        configured.rate_limiter(make_rate_limiter(settings))
        .request(AiohttpRequest())
        .get_updates_request(AiohttpRequest(connection_pool_size=2))
    )
    return cast(B, configured)


def _get(application: Any) -> Any:
    data = application.bot_data
    return data.get(_ATTR) if isinstance(data, dict) else getattr(data, _ATTR, None)


def _set(application: Any, value: Any) -> None:
    data = application.bot_data
    if isinstance(data, dict):
        data[_ATTR] = value
    else:
        setattr(data, _ATTR, value)


async def install_push(application: Any, services: Services) -> None:
    """Take the serve lease, schedule the daily jobs and start the push engine.

    Called from the Application's ``post_init``. Raises LeaseHeldError when another live
    ``serve`` holds the lease for this bot.
    """
    from bot.push.service import PushService

    service = PushService(application, services)
    await service.start()
    _set(application, service)
    services.push = service  # /preview, /push now and /pushstatus reach it through here


async def uninstall_push(application: Any, services: Services) -> None:
    """Stop the push engine and release the lease (from ``post_shutdown``)."""
    service = _get(application)
    if service is not None:
        services.push = None
        await service.stop()
        _set(application, None)
