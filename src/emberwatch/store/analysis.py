"""SQL of the analysis stage and of dataset imports (aggregates, evidence passages, UCDP rows)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from emberwatch.store.database import Store
from emberwatch.store.queries import EventFilter, affiliates_sql, event_where

ANALYSIS_COLUMNS = [
    "id", "origin", "event_type", "sub_type", "date", "date_end", "date_precision", "place_name",
    "admin1", "admin2", "country_code", "lat", "lon", "location_precision", "perpetrator_id",
    "attribution", "killed_low", "killed_best", "killed_high", "wounded_low", "wounded_best",
    "wounded_high", "mechanisms", "language", "n_sources", "confidence", "summary",
]  # fmt: skip


def analysis_events(
    store: Store, flt: EventFilter | None = None, columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """Every event matching ``flt`` (its limit, offset and sort are ignored), oldest first."""
    flt = flt or EventFilter()
    where, params = event_where(flt)
    cte = affiliates_sql() if flt.actor else ""
    chosen = [c for c in (columns or ANALYSIS_COLUMNS) if c in ANALYSIS_COLUMNS]
    sql = f"{cte}SELECT {', '.join(chosen)} FROM events WHERE {where} ORDER BY date NULLS LAST, id"
    return store.query_df(sql, params)


def event_sources(store: Store, event_ids: Sequence[str]) -> pd.DataFrame:
    """Sources behind events: evidence JSON, the mention record JSON and the document's metadata."""
    if not event_ids:
        return pd.DataFrame(
            columns=["event_id", "mention_id", "document_id", "evidence", "record", "language",
                     "url", "title", "published", "source"]
        )  # fmt: skip
    sql = (
        "SELECT s.event_id, s.mention_id, s.document_id, CAST(s.evidence AS VARCHAR) AS evidence, "
        "CAST(m.record AS VARCHAR) AS record, coalesce(d.language, m.language) AS language, d.url, "
        "d.title, d.published, d.source "
        "FROM event_sources s LEFT JOIN event_mentions m ON m.id = s.mention_id "
        "LEFT JOIN documents d ON d.id = coalesce(s.document_id, m.document_id) "
        "WHERE s.event_id IN (SELECT unnest($ids::VARCHAR[])) ORDER BY s.event_id, d.published, s.mention_id"
    )
    return store.query_df(sql, {"ids": list(event_ids)})


def actor_names(store: Store) -> pd.DataFrame:
    """Actors copied into the store (id, name, name_ar, aliases, parent_id)."""
    return store.query_df("SELECT id, name, name_ar, aliases, parent_id FROM actors ORDER BY id")


def existing_event_ids(store: Store, ids: Sequence[str]) -> set[str]:
    if not ids:
        return set()
    rows = store.execute(
        "SELECT id FROM events WHERE id IN (SELECT unnest($ids::VARCHAR[]))", {"ids": list(ids)}
    )
    return {r[0] for r in rows.fetchall()}


def insert_imported_events(store: Store, frame: pd.DataFrame, replace: bool = False) -> int:
    """Insert imported event rows in one transaction (``replace`` updates rows with the same id)."""
    with store.transaction() as conn:
        return store.insert_df("events", frame, conn=conn, mode="INSERT OR REPLACE" if replace else "INSERT")
