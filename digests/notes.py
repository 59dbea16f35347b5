"""What the core tells a person, as a message code and its values, never a sentence.

Every reader-facing sentence lives in config/messages.<lang>.toml; the core names it by
code (``search.partial``, ``ingest.date_today``) and the chat layer says it in the reader's
language. Values are kept as strings so a note is a plain, hashable value.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Note:
    """A message code of config/messages.*.toml and the values it is filled with."""

    code: str
    values: tuple[tuple[str, str], ...] = ()

    @property
    def params(self) -> dict[str, str]:
        return dict(self.values)


def note(code: str, **values: object) -> Note:
    return Note(code, tuple((k, str(v)) for k, v in values.items()))
