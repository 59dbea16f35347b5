"""The daily push: schedule, delivery ledger, rate limits. (Being built.)"""

from __future__ import annotations

from typing import Any

from bot.services import Services


async def install_push(application: Any, services: Services) -> None:
    """Take the serve lease, schedule the daily jobs and start the push engine.

    Called from the Application's ``post_init``. Raises LeaseHeldError when another live
    ``serve`` holds the lease for this bot.
    """


async def uninstall_push(application: Any, services: Services) -> None:
    """Stop the push engine and release the lease (from ``post_shutdown``)."""
