"""The one module that opens, migrates and writes the DuckDB database.

Writes go through :meth:`Store.transaction` and bulk :meth:`Store.insert_df` (DuckDB's row-by-row
``executemany`` is ~1,000x slower). Migrations are the ordered ``*.sql`` files in
``emberwatch/store/migrations`` and are recorded in ``schema_migrations``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from emberwatch.errors import StoreError

log = logging.getLogger(__name__)

MIGRATIONS_PACKAGE = "emberwatch.store.migrations"


def migration_files() -> list[tuple[str, str]]:
    """(name, sql) for every migration shipped with the package, in order."""
    root = resources.files(MIGRATIONS_PACKAGE)
    files = sorted(
        (entry for entry in root.iterdir() if entry.name.endswith(".sql")), key=lambda e: e.name
    )
    return [(entry.name.removesuffix(".sql"), entry.read_text(encoding="utf-8")) for entry in files]


class Store:
    """A DuckDB database file holding documents, events and reviews."""

    def __init__(self, path: Path | str, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._local = threading.local()
        self._lock = threading.RLock()
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._conn = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            raise StoreError(
                f"Cannot open database {self.path}: {exc}. If another emberwatch process "
                "(e.g. `emberwatch serve`) holds it, stop that process or point "
                "EMBERWATCH_DATABASE at another file."
            ) from exc
        except duckdb.Error as exc:
            raise StoreError(
                f"Cannot open database {self.path}: {exc}. If the file is not an emberwatch "
                "DuckDB database, choose another path."
            ) from exc
        if not read_only:
            self.migrate()

    # ------------------------------------------------------------------ connections

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The connection for the calling thread (each thread gets its own cursor)."""
        if threading.current_thread() is threading.main_thread():
            return self._conn
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._conn.cursor()
            self._local.cursor = cursor
        return cursor

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ migrations

    def applied_migrations(self) -> list[str]:
        rows = self.connection.execute(
            "SELECT name FROM schema_migrations ORDER BY name"
        ).fetchall()
        return [r[0] for r in rows]

    def migrate(self) -> list[str]:
        """Apply pending migrations in name order, each in its own transaction."""
        conn = self.connection
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
        )
        done = set(self.applied_migrations())
        applied = []
        for name, sql in migration_files():
            if name in done:
                continue
            with self.transaction() as tx:
                tx.execute(sql)
                tx.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?)", [name, datetime.now(UTC)]
                )
            log.info("applied migration %s", name)
            applied.append(name)
        return applied

    # ------------------------------------------------------------------ writing

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All-or-nothing block: a crash or exception inside leaves no partial writes."""
        if self.read_only:
            raise StoreError(f"Database {self.path} is open read-only; open it read-write to change it.")
        with self._lock:
            conn = self.connection
            conn.execute("BEGIN TRANSACTION")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            else:
                conn.execute("COMMIT")

    def insert_df(
        self,
        table: str,
        frame: pd.DataFrame,
        conn: duckdb.DuckDBPyConnection | None = None,
        mode: str = "INSERT",
    ) -> int:
        """Bulk-insert a DataFrame by column name (``mode`` may be ``INSERT OR REPLACE``)."""
        if frame.empty:
            return 0
        target = conn if conn is not None else self.connection
        columns = ", ".join(f'"{c}"' for c in frame.columns)
        target.register("_ew_frame", frame)
        try:
            target.execute(f"{mode} INTO {table} ({columns}) SELECT {columns} FROM _ew_frame")
        finally:
            target.unregister("_ew_frame")
        return len(frame)

    # ------------------------------------------------------------------ reading

    def query_df(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> pd.DataFrame:
        """Run a parameterised query and return a DataFrame."""
        return self.connection.execute(sql, params or []).df()

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        return self.connection.execute(sql, params or [])

    def count(self, table: str) -> int:
        row = self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0
