"""Paperboy's small exception tree.

Library errors are translated at the edge into one of these, whose message is a sentence
an operator understands (the CLI prints it; it maps :class:`InputError` to exit code 1).
An error a chat user can cause also carries a :class:`~digests.notes.Note`: the same
thing as a message code, which the bot says in the user's language.
"""

from __future__ import annotations

from digests.notes import Note


class PaperboyError(Exception):
    """Base of every error Paperboy raises on purpose."""

    def __init__(self, message: str = "", note: Note | None = None) -> None:
        super().__init__(message)
        self.note = note


class InputError(PaperboyError):
    """The input cannot be used: unreadable, empty, wrong kind, too large, malformed."""


class EncodingError(InputError):
    """A text file whose encoding cannot be detected."""


class PdfError(InputError):
    """A PDF that cannot be read: encrypted, truncated, scanned without a text layer."""


class QueryError(InputError):
    """A query that cannot be answered as asked (the message says why)."""


class ConfigError(PaperboyError):
    """A wrong setting; the message names it."""


class ArchiveError(PaperboyError):
    """The archive cannot be opened or used."""


class SchemaTooNewError(ArchiveError):
    """The database was written by a newer Paperboy than this one."""


class LeaseHeldError(ArchiveError):
    """Another live process holds the serve lease for this bot."""
