"""The store: migrations, transactions, bulk inserts, reopening."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from emberwatch.errors import StoreError
from emberwatch.store import Store
from emberwatch.store.database import migration_files
from emberwatch.testing import load_events, synthetic_events


def test_database_applies_every_migration_in_order(store: Store) -> None:
    names = [name for name, _ in migration_files()]
    assert names == sorted(names)
    assert store.applied_migrations() == names


def test_database_reopen_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "db.duckdb"
    with Store(path) as first:
        applied = first.applied_migrations()
    with Store(path) as second:
        assert second.migrate() == []
        assert second.applied_migrations() == applied


def test_database_transaction_rolls_back_on_error(store: Store) -> None:
    frame = synthetic_events(10)
    with pytest.raises(RuntimeError), store.transaction() as conn:
        store.insert_df("events", frame, conn=conn)
        raise RuntimeError("crash in the middle of a batch")
    assert store.count("events") == 0


def test_database_bulk_insert_and_reopen_keeps_rows(tmp_path: Path) -> None:
    path = tmp_path / "db.duckdb"
    with Store(path) as db:
        assert load_events(db, synthetic_events(500, seed=3)) == 500
    with Store(path, read_only=True) as db:
        assert db.count("events") == 500


def test_database_read_only_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "db.duckdb"
    Store(path).close()
    with Store(path, read_only=True) as db, pytest.raises(StoreError, match="read-only"), db.transaction():
        pass


def test_database_not_a_database_gives_readable_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("this is not a database")
    with pytest.raises(StoreError, match=r"Cannot open database .*notes\.duckdb"):
        Store(bogus)


def test_database_insert_df_empty_frame_is_noop(store: Store) -> None:
    assert store.insert_df("events", pd.DataFrame()) == 0


def test_database_cursor_per_thread(store: Store) -> None:
    import threading

    load_events(store, synthetic_events(5))
    seen: list[int] = []

    def worker() -> None:
        conn = store.connection
        assert isinstance(conn, duckdb.DuckDBPyConnection)
        seen.append(store.count("events"))

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen == [5, 5, 5]
