"""SQL of the analyst audit trail (``reviews``): append rows, read them back in order."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb
import pandas as pd

from emberwatch.store.database import Store

REVIEW_COLUMNS = [
    "id",
    "event_id",
    "action",
    "field",
    "old_value",
    "new_value",
    "reason",
    "author",
    "created_at",
    "payload",
]


@dataclass(frozen=True)
class ReviewRow:
    """One analyst action as stored (JSON columns decoded)."""

    id: str
    event_id: str
    action: str
    field: str | None
    old_value: Any
    new_value: Any
    reason: str | None
    author: str
    created_at: datetime
    payload: dict[str, Any]


def _decode(value: Any) -> Any:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return json.loads(value) if isinstance(value, str) else value


def insert_reviews(store: Store, rows: list[ReviewRow], conn: duckdb.DuckDBPyConnection) -> int:
    """Append review rows inside the caller's transaction."""
    frame = pd.DataFrame(
        [
            {
                "id": r.id,
                "event_id": r.event_id,
                "action": r.action,
                "field": r.field,
                "old_value": json.dumps(r.old_value, ensure_ascii=False, default=str),
                "new_value": json.dumps(r.new_value, ensure_ascii=False, default=str),
                "reason": r.reason,
                "author": r.author,
                "created_at": r.created_at,
                "payload": json.dumps(r.payload, ensure_ascii=False, default=str),
            }
            for r in rows
        ],
        columns=REVIEW_COLUMNS,
    )
    return store.insert_df("reviews", frame, conn=conn)


def load_reviews(
    store: Store,
    event_ids: Sequence[str] | None = None,
    actions: Sequence[str] | None = None,
    until: datetime | None = None,
) -> list[ReviewRow]:
    """Review rows in the order they were made (filters combine with AND)."""
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if event_ids is not None:
        clauses.append("event_id IN (SELECT unnest($ids::VARCHAR[]))")
        params["ids"] = list(event_ids)
    if actions is not None:
        clauses.append("action IN (SELECT unnest($actions::VARCHAR[]))")
        params["actions"] = list(actions)
    if until is not None:
        clauses.append("created_at <= $until")
        params["until"] = until
    where = " AND ".join(clauses) or "TRUE"
    rows = store.execute(
        f"SELECT {', '.join(REVIEW_COLUMNS)} FROM reviews WHERE {where} ORDER BY created_at, id", params
    ).fetchall()
    return [
        ReviewRow(
            id=r[0],
            event_id=r[1],
            action=r[2],
            field=r[3],
            old_value=_decode(r[4]),
            new_value=_decode(r[5]),
            reason=r[6],
            author=r[7],
            created_at=r[8],
            payload=_decode(r[9]) or {},
        )
        for r in rows
    ]


def reviewed_event_ids(store: Store) -> set[str]:
    rows = store.execute("SELECT DISTINCT event_id FROM reviews").fetchall()
    return {r[0] for r in rows}
