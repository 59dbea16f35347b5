"""The archive: storage and search, the only I/O in :mod:`digests`.

``open_archive`` picks the backend from the database URL: empty means SQLite at
``sqlite_path``, ``postgresql://…`` means PostgreSQL. Either way the search index lives in
a directory on local disk beside ``sqlite_path`` and is rebuilt from the database when
missing (see :mod:`digests.archive.index`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import cast

from digests.archive.base import Archive
from digests.archive.db import Db, PostgresDb, SqliteDb
from digests.archive.facade import SqlArchive
from digests.archive.front import ArchiveFront
from digests.archive.index import SearchIndex
from digests.archive.store import Words
from digests.errors import ArchiveError, ConfigError

__all__ = [
    "Archive",
    "SqlArchive",
    "Words",
    "default_words",
    "index_dir",
    "open_archive",
    "open_front",
]


def default_words(config_dir: Path | None) -> Words:
    """The project's segmenter, with the user dictionary of ``config_dir`` when given."""
    from digests.words import Segmenter

    return Segmenter.load(config_dir or Path("config"))


def index_dir(database_url: str, sqlite_path: Path) -> Path:
    if not database_url:
        return sqlite_path.with_name(sqlite_path.name + ".index")
    tag = hashlib.sha1(database_url.encode()).hexdigest()[:12]
    return sqlite_path.parent / f"search-index-{tag}"


def _connection(database_url: str, sqlite_path: Path) -> tuple[Db, Path]:
    """A new connection to the database the settings name, and the SQLite path in use."""
    if not database_url or database_url.startswith("sqlite:"):
        path = (
            Path(database_url.removeprefix("sqlite:").removeprefix("//"))
            if database_url
            else sqlite_path
        )
        return SqliteDb(path), path
    if database_url.startswith(("postgresql://", "postgres://")):
        return PostgresDb(database_url), sqlite_path
    raise ConfigError("PAPERBOY_DATABASE_URL must start with postgresql:// (or be unset)")


def open_archive(
    database_url: str,
    sqlite_path: Path,
    *,
    config_dir: Path | None = None,
    words: Callable[[], Words] | None = None,
) -> SqlArchive:
    """Open (creating and migrating as needed) the archive the settings name.

    ``words`` makes the word segmenter on first need (searching, or storing without words);
    by default the project's segmenter with the dictionaries of ``config_dir``.
    """
    db, sqlite_path = _connection(database_url, sqlite_path)
    try:
        db.migrate()
        index = SearchIndex(index_dir(database_url, sqlite_path))
    except BaseException:
        db.close()
        raise
    archive = SqlArchive(db, index, words or (lambda: default_words(config_dir)))
    try:
        archive.catch_up()
    except OSError as e:
        archive.close()
        raise ArchiveError(f"cannot build the search index in {index.path}: {e}") from None
    return archive


def open_front(
    database_url: str,
    sqlite_path: Path,
    *,
    config_dir: Path | None = None,
    words: Callable[[], Words] | None = None,
) -> Archive:
    """:func:`open_archive` behind :class:`ArchiveFront`: a connection per thread, one
    writer thread; every connection shares the first one's index and segmenter."""
    first = open_archive(database_url, sqlite_path, config_dir=config_dir, words=words)

    def connect() -> Archive:
        db, _ = _connection(database_url, sqlite_path)
        return SqlArchive(db, first.index, lambda: first.words)

    # ArchiveFront forwards every Archive method by name (see digests.archive.front).
    return cast(Archive, ArchiveFront(first, connect))
