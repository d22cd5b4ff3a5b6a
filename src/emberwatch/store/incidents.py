"""SQL of the consolidation stage: near-duplicate marks, incidents, their sources and versions.

Callers open the transaction (``Store.transaction()``) and pass its connection, so a consolidation
run or an analyst merge/split writes events, sources, id mappings and versions all-or-nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from emberwatch.store.database import Store

EVENT_TABLE_COLUMNS = [
    "id",
    "origin",
    "event_type",
    "sub_type",
    "date",
    "date_end",
    "date_precision",
    "place_name",
    "admin1",
    "admin2",
    "country_code",
    "lat",
    "lon",
    "geonames_id",
    "location_precision",
    "perpetrator_id",
    "perpetrator_mention",
    "attribution",
    "targets",
    "victims",
    "weapons",
    "killed_low",
    "killed_best",
    "killed_high",
    "wounded_low",
    "wounded_best",
    "wounded_high",
    "mechanisms",
    "confidence",
    "language",
    "n_sources",
    "n_independent_sources",
    "review_status",
    "summary",
    "created_at",
    "updated_at",
]

_INT_COLUMNS = [
    "date_precision",
    "location_precision",
    "geonames_id",
    "killed_low",
    "killed_best",
    "killed_high",
    "wounded_low",
    "wounded_best",
    "wounded_high",
    "n_sources",
    "n_independent_sources",
]


# --------------------------------------------------------------------------- near-duplicates


def document_texts(store: Store, exclude_hashed: bool) -> pd.DataFrame:
    """id, content_hash, text of documents (only those without a current MinHash when asked)."""
    where = ""
    if exclude_hashed:
        where = (
            " WHERE NOT EXISTS (SELECT 1 FROM document_minhash h WHERE h.document_id = d.id "
            "AND h.content_hash = d.content_hash)"
        )
    return store.query_df(f"SELECT d.id, d.content_hash, d.text FROM documents d{where} ORDER BY d.id")


def document_order(store: Store) -> pd.DataFrame:
    """id, published, ingested_at, near_duplicate_of of every document (to pick canonical copies)."""
    return store.query_df("SELECT id, published, ingested_at, near_duplicate_of FROM documents ORDER BY id")


def save_minhashes(
    store: Store, rows: list[tuple[str, str, np.ndarray]], num_perm: int, conn: duckdb.DuckDBPyConnection
) -> None:
    """Replace the stored signatures of these documents."""
    if not rows:
        return
    ids = [r[0] for r in rows]
    conn.execute(
        "DELETE FROM document_minhash WHERE document_id IN (SELECT unnest($ids::VARCHAR[]))", {"ids": ids}
    )
    frame = pd.DataFrame(
        {
            "document_id": ids,
            "content_hash": [r[1] for r in rows],
            "num_perm": num_perm,
            "signature": [r[2].astype(np.uint64).tobytes() for r in rows],
        }
    )
    store.insert_df("document_minhash", frame, conn=conn)


def load_minhashes(store: Store, num_perm: int) -> dict[str, np.ndarray]:
    """Stored signatures (of documents that still exist) computed with ``num_perm`` permutations."""
    rows = store.execute(
        "SELECT h.document_id, h.signature FROM document_minhash h JOIN documents d "
        "ON d.id = h.document_id AND d.content_hash = h.content_hash WHERE h.num_perm = ?",
        [num_perm],
    ).fetchall()
    return {doc_id: np.frombuffer(sig, dtype=np.uint64) for doc_id, sig in rows}


def set_near_duplicates(
    store: Store, canonical: dict[str, str | None], conn: duckdb.DuckDBPyConnection
) -> int:
    """Set ``documents.near_duplicate_of`` (None for canonical/unique documents); returns rows changed."""
    frame = pd.DataFrame(
        {"id": list(canonical), "canon": pd.Series(list(canonical.values()), dtype="object")}
    )
    conn.register("_ew_near_dup", frame)
    try:
        changed = conn.execute(
            "SELECT count(*) FROM documents d JOIN _ew_near_dup f ON d.id = f.id "
            "WHERE d.near_duplicate_of IS DISTINCT FROM f.canon"
        ).fetchone()
        conn.execute(
            "UPDATE documents SET near_duplicate_of = f.canon FROM _ew_near_dup f "
            "WHERE documents.id = f.id AND documents.near_duplicate_of IS DISTINCT FROM f.canon"
        )
    finally:
        conn.unregister("_ew_near_dup")
    return int(changed[0]) if changed else 0


# --------------------------------------------------------------------------- incidents


def incident_members(store: Store) -> pd.DataFrame:
    """mention_id, event_id, document_id of the last consolidation."""
    return store.query_df("SELECT mention_id, event_id, document_id FROM incident_members")


def known_event_ids(store: Store) -> set[str]:
    """Every event id ever used (current events and every machine version), to avoid reusing one."""
    rows = store.execute(
        "SELECT id FROM events UNION SELECT DISTINCT event_id FROM event_versions"
    ).fetchall()
    return {r[0] for r in rows}


def current_versions(store: Store, event_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """event_id, version, record_hash, valid_from, record of each event's current machine version."""
    where = "valid_to IS NULL"
    params: dict[str, Any] = {}
    if event_ids is not None:
        where += " AND event_id IN (SELECT unnest($ids::VARCHAR[]))"
        params["ids"] = list(event_ids)
    return store.query_df(
        f"SELECT event_id, version, record_hash, valid_from, record FROM event_versions WHERE {where}", params
    )


def versions_of(store: Store, event_id: str) -> pd.DataFrame:
    """Every machine version of one event, oldest first."""
    return store.query_df(
        "SELECT event_id, version, valid_from, valid_to, record_hash, record, cause FROM event_versions "
        "WHERE event_id = ? ORDER BY version",
        [event_id],
    )


def version_at(store: Store, event_id: str, when: datetime) -> str | None:
    """The machine record (JSON) of an event valid at ``when``, or None."""
    row = store.execute(
        "SELECT record FROM event_versions WHERE event_id = ? AND valid_from <= ? "
        "AND (valid_to IS NULL OR valid_to > ?) ORDER BY version DESC LIMIT 1",
        [event_id, when, when],
    ).fetchone()
    return row[0] if row else None


def events_by_id(store: Store, event_ids: Sequence[str]) -> pd.DataFrame:
    return store.query_df(
        f"SELECT {', '.join(EVENT_TABLE_COLUMNS)} FROM events WHERE id IN (SELECT unnest($ids::VARCHAR[]))",
        {"ids": list(event_ids)},
    )


def extracted_event_ids(store: Store) -> set[str]:
    rows = store.execute("SELECT id FROM events WHERE origin = 'extracted'").fetchall()
    return {r[0] for r in rows}


def event_sources_frame(store: Store, event_ids: Sequence[str]) -> pd.DataFrame:
    """Sources of these events with their document's metadata and the mention's values."""
    return store.query_df(
        "SELECT s.event_id, s.mention_id, s.document_id, s.evidence, d.title, d.url, d.source, "
        "d.published, d.language, d.near_duplicate_of, d.text, m.extractor_version, m.event_type, "
        "m.date, m.date_precision, m.place_text, m.perpetrator_mention, m.killed_low, m.killed_best, "
        "m.killed_high, m.wounded_low, m.wounded_best, m.wounded_high, m.confidence "
        "FROM event_sources s LEFT JOIN documents d ON d.id = s.document_id "
        "LEFT JOIN event_mentions m ON m.id = s.mention_id "
        "WHERE s.event_id IN (SELECT unnest($ids::VARCHAR[])) ORDER BY d.published NULLS LAST, s.mention_id",
        {"ids": list(event_ids)},
    )


def _events_frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(records, columns=EVENT_TABLE_COLUMNS)
    for column in _INT_COLUMNS:
        frame[column] = frame[column].astype("Int64")
    for column in ("lat", "lon", "confidence"):
        frame[column] = frame[column].astype("float64")
    return frame


def write_incidents(
    store: Store,
    conn: duckdb.DuckDBPyConnection,
    events: list[dict[str, Any]],
    sources: list[dict[str, Any]],
    members: list[dict[str, Any]],
    replace_event_ids: Sequence[str] | None,
) -> None:
    """Write incidents, their sources and mention->incident mapping inside the caller's transaction.

    ``replace_event_ids=None`` replaces every ``origin='extracted'`` event (a full run); otherwise
    only these events (and the mappings of the mentions written) are replaced. Events of other
    origins are never touched.
    """
    if replace_event_ids is None:
        conn.execute(
            "DELETE FROM event_sources WHERE event_id IN (SELECT id FROM events WHERE origin = 'extracted')"
        )
        conn.execute("DELETE FROM events WHERE origin = 'extracted'")
        conn.execute("DELETE FROM incident_members")
    else:
        ids = {"ids": list(replace_event_ids)}
        conn.execute("DELETE FROM event_sources WHERE event_id IN (SELECT unnest($ids::VARCHAR[]))", ids)
        conn.execute(
            "DELETE FROM events WHERE origin = 'extracted' AND id IN (SELECT unnest($ids::VARCHAR[]))", ids
        )
        conn.execute(
            "DELETE FROM incident_members WHERE event_id IN (SELECT unnest($ids::VARCHAR[])) "
            "OR mention_id IN (SELECT unnest($mentions::VARCHAR[]))",
            {"ids": list(replace_event_ids), "mentions": [m["mention_id"] for m in members]},
        )
    store.insert_df("events", _events_frame(events), conn=conn)
    store.insert_df(
        "event_sources",
        pd.DataFrame(sources, columns=["event_id", "mention_id", "document_id", "evidence"]),
        conn=conn,
    )
    store.insert_df(
        "incident_members",
        pd.DataFrame(members, columns=["mention_id", "event_id", "document_id", "assigned_at"]),
        conn=conn,
    )


def close_versions(conn: duckdb.DuckDBPyConnection, event_ids: Sequence[str], when: datetime) -> None:
    """End the current machine version of these events (changed or removed)."""
    if event_ids:
        conn.execute(
            "UPDATE event_versions SET valid_to = $when WHERE valid_to IS NULL "
            "AND event_id IN (SELECT unnest($ids::VARCHAR[]))",
            {"when": when, "ids": list(event_ids)},
        )


def add_versions(store: Store, conn: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    """Insert new machine versions (event_id, version, valid_from, record_hash, record, cause)."""
    frame = pd.DataFrame(
        rows, columns=["event_id", "version", "valid_from", "valid_to", "record_hash", "record", "cause"]
    )
    frame["version"] = frame["version"].astype("int32")
    frame["valid_to"] = pd.Series([None] * len(frame), dtype="datetime64[us]")
    store.insert_df("event_versions", frame, conn=conn)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def update_event_fields(conn: duckdb.DuckDBPyConnection, event_id: str, values: dict[str, Any]) -> None:
    """Set some columns of one event (names checked against the events columns; values bound)."""
    unknown = set(values) - set(EVENT_TABLE_COLUMNS)
    if unknown:
        raise ValueError(f"not events columns: {sorted(unknown)}")
    assignments = ", ".join(f'"{column}" = ?' for column in values)
    conn.execute(f"UPDATE events SET {assignments} WHERE id = ?", [*values.values(), event_id])


def event_origin(store: Store, event_id: str) -> str | None:
    row = store.execute("SELECT origin FROM events WHERE id = ?", [event_id]).fetchone()
    return str(row[0]) if row else None


def event_mention_ids(store: Store, event_id: str) -> list[str]:
    rows = store.execute(
        "SELECT mention_id FROM event_sources WHERE event_id = ? ORDER BY mention_id", [event_id]
    ).fetchall()
    return [r[0] for r in rows]


def first_seen(store: Store, event_id: str) -> datetime | None:
    row = store.execute(
        "SELECT min(valid_from) FROM event_versions WHERE event_id = ?", [event_id]
    ).fetchone()
    return row[0] if row and row[0] is not None else None


def near_duplicate_state(store: Store) -> tuple[int, int, int]:
    """(clusters, copies, copies whose canonical document no longer exists)."""
    row = store.execute(
        "SELECT count(DISTINCT d.near_duplicate_of), count(d.near_duplicate_of), "
        "count(d.near_duplicate_of) FILTER (WHERE c.id IS NULL) "
        "FROM documents d LEFT JOIN documents c ON c.id = d.near_duplicate_of"
    ).fetchone()
    return (int(row[0]), int(row[1]), int(row[2])) if row else (0, 0, 0)
