"""The bot's texts in Chinese (first) and English, from config/messages.<lang>.toml.

A text is a ``str.format`` template; values put into it are plain text, and the renderer
escapes them. A key missing in English falls back to Chinese, so a new text never shows a
key to a reader.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from digests.errors import ConfigError
from digests.notes import Note

LANGUAGES = ("zh", "en")
DEFAULT = "zh"


def language_for(code: str | None) -> str:
    """The bot's language for a Telegram ``language_code``: English for "en…", else Chinese."""
    return "en" if (code or "").lower().startswith("en") else DEFAULT


def _flatten(table: Mapping[str, object], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(_flatten(value, name + "."))
        else:
            out[name] = str(value)
    return out


@dataclass(frozen=True, slots=True)
class Messages:
    """All texts, by language then key (``section.name``)."""

    texts: Mapping[str, Mapping[str, str]]

    @classmethod
    def load(cls, config_dir: Path) -> Messages:
        texts: dict[str, dict[str, str]] = {}
        for lang in LANGUAGES:
            path = config_dir / f"messages.{lang}.toml"
            try:
                with path.open("rb") as f:
                    texts[lang] = _flatten(tomllib.load(f))
            except FileNotFoundError:
                raise ConfigError(f"{path} is missing: the bot's {lang} texts") from None
            except tomllib.TOMLDecodeError as e:
                raise ConfigError(f"{path} is not valid TOML: {e}") from None
        return cls(texts)

    def t(self, lang: str, key: str, /, **values: object) -> str:
        """The text for ``key`` in ``lang`` with ``values`` filled in."""
        table = self.texts.get(lang) or self.texts[DEFAULT]
        template = table.get(key) or self.texts[DEFAULT].get(key)
        if template is None:
            raise KeyError(f"no text {key!r}")
        return template.format(**values) if values else template

    def say(self, lang: str, note: Note) -> str:
        """A core :class:`~digests.notes.Note` as a sentence in ``lang``."""
        return self.t(lang, note.code, **note.params)

    def has(self, key: str) -> bool:
        return key in self.texts[DEFAULT]
