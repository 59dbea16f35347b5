"""What every handler, job and command needs, opened once and passed around as one value."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from bot.settings import Settings
from digests.archive.base import Archive, DeliveryCounts

if TYPE_CHECKING:
    from bot.push.service import PushStatus


class PushControl(Protocol):
    """The running push, when this process runs one (``serve`` with Telegram)."""

    def push_now(self, key: str | None = None) -> tuple[str, DeliveryCounts] | None: ...

    def status(self) -> PushStatus | None: ...


@dataclass(slots=True)
class Services:
    """Opened in ``post_init`` (or by a CLI command), closed in ``post_shutdown``."""

    settings: Settings
    archive: Archive
    push: PushControl | None = None  # set by install_push while this process runs the push

    @classmethod
    def open(cls, settings: Settings) -> Services:
        """Open the archive the settings name (creating the data directory as needed),
        behind its async front: each thread its own connection, one writer thread."""
        from digests.archive import open_front

        if not settings.database_url:
            settings.data_dir.mkdir(parents=True, exist_ok=True)
        archive = open_front(
            settings.database_url, settings.sqlite_path, config_dir=settings.config_dir
        )
        return cls(settings, archive)

    def close(self) -> None:
        self.archive.close()


def configured_sections(config_dir: Path, newspaper: str) -> tuple[str, ...]:
    """The newspaper's section names (版名) from config/newspapers.toml, in page order."""
    from digests.loader import section_names

    names = section_names(config_dir, newspaper)
    return tuple(dict.fromkeys(names[n] for n in sorted(names)))
