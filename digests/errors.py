"""Paperboy's small exception tree.

Library errors are translated at the edge into one of these, whose message is a sentence
a person understands. The CLI maps :class:`InputError` to exit code 1.
"""

from __future__ import annotations


class PaperboyError(Exception):
    """Base of every error Paperboy raises on purpose."""


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
