"""Connections: SQLite and PostgreSQL behind one small interface, with migrations on open.

SQL is written once with ``?`` placeholders; the PostgreSQL side rewrites them to ``%s``.
Write transactions are explicit (``with db.write():``) and nest; everything else runs in
autocommit so a reader never holds a lock.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from digests.archive import schema
from digests.errors import ArchiveError, SchemaTooNewError

Row = tuple[Any, ...]
# Any fixed number: it serialises writers that append to ``changes`` so sequence numbers
# become visible in order (a search index must never skip one).
_CHANGES_LOCK = 727_274


class Db:
    """The common surface of both connections."""

    dialect: str = ""
    where: str = ""

    def __init__(self) -> None:
        self.lock = threading.RLock()

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        raise NotImplementedError

    def run(self, sql: str, params: Sequence[object] = ()) -> int:
        """Execute one statement; the number of rows it changed."""
        raise NotImplementedError

    def run_many(self, sql: str, params: Sequence[Sequence[object]]) -> None:
        raise NotImplementedError

    def write(self) -> contextlib.AbstractContextManager[None]:
        raise NotImplementedError

    def lock_changes(self) -> None:
        """Inside a write transaction: wait for other writers of ``changes``."""

    def close(self) -> None:
        raise NotImplementedError

    def one(self, sql: str, params: Sequence[object] = ()) -> Row | None:
        got = self.rows(sql, params)
        return got[0] if got else None

    def migrate(self) -> None:
        with self.write():
            self.lock_changes()
            self.run(schema.META_DDL)
            row = self.one("SELECT value FROM paperboy_meta WHERE key = 'schema_version'")
            have = int(row[0]) if row else 0
            if have > schema.SCHEMA_VERSION:
                raise SchemaTooNewError(
                    f"the archive at {self.where} has schema version {have}, newer than this "
                    f"Paperboy understands ({schema.SCHEMA_VERSION}); upgrade Paperboy to use it"
                )
            for version in range(have + 1, schema.SCHEMA_VERSION + 1):
                for statement in schema.statements(version, self.dialect):
                    self.run(statement)
            if have < schema.SCHEMA_VERSION:
                self.run(
                    "INSERT INTO paperboy_meta (key, value) VALUES ('schema_version', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(schema.SCHEMA_VERSION),),
                )


class SqliteDb(Db):
    dialect = "sqlite"

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.where = str(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=30.0
            )
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
        except (sqlite3.Error, OSError) as e:
            raise ArchiveError(f"cannot open the archive {path}: {e}") from None
        self._depth = 0

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        with self.lock:
            return self.conn.execute(sql, params).fetchall()

    def run(self, sql: str, params: Sequence[object] = ()) -> int:
        with self.lock:
            return self.conn.execute(sql, params).rowcount

    def run_many(self, sql: str, params: Sequence[Sequence[object]]) -> None:
        with self.lock:
            self.conn.executemany(sql, params)

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        with self.lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
            except BaseException:
                self._depth = 0
                self.conn.execute("ROLLBACK")
                raise
            self._depth = 0
            self.conn.execute("COMMIT")

    def close(self) -> None:
        with self.lock:
            self.conn.close()


class PostgresDb(Db):
    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        super().__init__()
        import psycopg

        self.where = url.split("@")[-1]
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as e:
            raise ArchiveError(f"cannot connect to PostgreSQL at {self.where}: {e}") from None
        self._sql: dict[str, str] = {}

    def _q(self, sql: str) -> str:
        got = self._sql.get(sql)
        if got is None:
            got = self._sql[sql] = sql.replace("?", "%s")
        return got

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        with self.lock, self.conn.cursor() as cur:
            cur.execute(self._q(sql), params)
            return cur.fetchall() if cur.description else []

    def run(self, sql: str, params: Sequence[object] = ()) -> int:
        with self.lock, self.conn.cursor() as cur:
            cur.execute(self._q(sql), params)
            return cur.rowcount

    def run_many(self, sql: str, params: Sequence[Sequence[object]]) -> None:
        if not params:
            return
        with self.lock, self.conn.cursor() as cur:
            cur.executemany(self._q(sql), params)

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        with self.lock, self.conn.transaction():
            yield

    def lock_changes(self) -> None:
        self.run("SELECT pg_advisory_xact_lock(?)", (_CHANGES_LOCK,))

    def close(self) -> None:
        with self.lock:
            self.conn.close()
