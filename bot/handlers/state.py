"""The Application's own state (PTB's ``bot_data``): set in post_init, cleared on shutdown."""

from __future__ import annotations

import asyncio

from bot.replies import Responder
from bot.services import Services
from bot.settings import Settings


class BotState:
    """What handlers reach through ``context.bot_data``; one per Application, no globals."""

    def __init__(self) -> None:
        self.settings: Settings | None = None
        self.services: Services | None = None
        self.responder: Responder | None = None
        self.push_installed = False
        self.owns_services = True  # False when serve opened the runtime for several channels
        self.answered = asyncio.Event()  # set once the first update has been answered
        self.warm_waiter: asyncio.Task[None] | None = None  # until the warm-up starts
        self.warming: asyncio.Future[None] | None = None  # the warm-up under way
