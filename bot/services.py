"""What every handler, job and command needs, opened once and passed around as one value."""

from __future__ import annotations

from dataclasses import dataclass

from bot.settings import Settings
from digests.archive.base import Archive


@dataclass(slots=True)
class Services:
    """Opened in ``post_init`` (or by a CLI command), closed in ``post_shutdown``."""

    settings: Settings
    archive: Archive
