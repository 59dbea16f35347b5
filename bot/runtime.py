"""The one runtime: everything a channel or a command needs, opened once from settings.

Telegram (bot/app.py), the terminal channel, the WeChat channel and the CLI all open a
:class:`Runtime` and pass it around: the archive (behind its async front), one word
segmenter (the archive's and the editors' uploads' alike), the reply texts, the newspaper's
profile (its section names and split options) and, while this process runs the push, the
push's controls. Each of those is made once; the segmenter and the profile on first need.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from bot.settings import Settings
from digests.archive.base import Archive, DeliveryCounts

if TYPE_CHECKING:
    from bot.i18n import Messages
    from bot.push.status import PushStatus
    from bot.replies import Responder
    from digests.split import SplitOptions
    from digests.words import Segmenter


# The segmenter and the search index load once a channel's first answer is out, or after
# this long with nothing to answer: loading them beside the first answer would slow it.
WARM_UP_AFTER_S = 1.0


class PushControl(Protocol):
    """The running push, when this process runs one (``serve`` with Telegram)."""

    def push_now(self, key: str | None = None) -> tuple[str, DeliveryCounts] | None: ...

    def status(self) -> PushStatus | None: ...


@dataclass(slots=True)
class Runtime:
    """Opened by ``serve`` (or a CLI command) with :meth:`open`, closed with :meth:`close`."""

    settings: Settings
    archive: Archive
    push: PushControl | None = None  # set by install_push while this process runs the push
    _texts: Messages | None = None
    _segmenter: Segmenter | None = None
    _options: SplitOptions | None = None
    _responder: Responder | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def open(cls, settings: Settings) -> Runtime:
        """Open the archive the settings name (creating the data directory as needed),
        behind its async front: each thread its own connection, one writer thread."""
        from digests.archive import open_front

        if not settings.database_url:
            settings.data_dir.mkdir(parents=True, exist_ok=True)
        box: list[Runtime] = []
        # The archive segments with the runtime's own segmenter, made on first need.
        archive = open_front(
            settings.database_url, settings.sqlite_path, words=lambda: box[0].segmenter
        )
        box.append(cls(settings, archive))
        return box[0]

    @property
    def texts(self) -> Messages:
        """The reply texts (config/messages.*.toml)."""
        if self._texts is None:
            from bot.i18n import Messages

            self._texts = Messages.load(self.settings.config_dir)
        return self._texts

    @property
    def segmenter(self) -> Segmenter:
        """The one word segmenter, loaded on first use (searching, posting an issue)."""
        with self._lock:
            if self._segmenter is None:
                from digests.words import Segmenter

                self._segmenter = Segmenter.load(self.settings.config_dir)
            return self._segmenter

    @property
    def sections(self) -> tuple[str, ...]:
        """The configured newspaper's section names (版名), in page order."""
        return configured_sections(self.settings.config_dir, self.settings.newspaper)

    @property
    def split_options(self) -> SplitOptions:
        """The configured newspaper's profile for the splitter (config/papers/)."""
        if self._options is None:
            from digests.loader import split_options

            self._options = split_options(self.settings.config_dir, self.settings.newspaper)
        return self._options

    def responder(self) -> Responder:
        """The channels' one Responder (the same commands and replies everywhere)."""
        if self._responder is None:
            from bot.replies import Responder

            self._responder = Responder(self, self.texts, self.sections)
        return self._responder

    def warm_up(self) -> None:
        """Load the segmenter and the search index now, not on a reader's first query."""
        self.archive.search("报童")

    def close(self) -> None:
        self.archive.close()


def configured_sections(config_dir: Path, newspaper: str) -> tuple[str, ...]:
    """The newspaper's section names (版名) from config/newspapers.toml, in page order."""
    from digests.loader import section_names

    names = section_names(config_dir, newspaper)
    return tuple(dict.fromkeys(names[n] for n in sorted(names)))
