"""Persist and read extraction results: event mentions, document places and document actors.

``save_extractions`` is the one writer of ``event_mentions``, ``document_places``,
``document_actors`` and ``document_extractions``; it replaces a document's previous results
(any extractor version) in one transaction, so a re-extraction never leaves stale mentions.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from emberwatch.models import DocumentExtraction, ExtractedEvent
from emberwatch.store.database import Store

MENTION_COLUMNS = [
    "id",
    "document_id",
    "extractor_version",
    "idx",
    "event_type",
    "sub_type",
    "date",
    "date_end",
    "date_precision",
    "place_text",
    "place_name",
    "country_code",
    "admin1",
    "admin2",
    "lat",
    "lon",
    "geonames_id",
    "location_precision",
    "perpetrator_id",
    "perpetrator_mention",
    "attribution",
    "killed_low",
    "killed_best",
    "killed_high",
    "wounded_low",
    "wounded_best",
    "wounded_high",
    "mechanisms",
    "confidence",
    "language",
    "record",
]

_PLACE_COLUMNS = [
    "document_id",
    "extractor_version",
    "start_offset",
    "end_offset",
    "text",
    "name",
    "country_code",
    "admin1",
    "admin2",
    "lat",
    "lon",
    "geonames_id",
    "precision",
]

_ACTOR_COLUMNS = [
    "document_id",
    "extractor_version",
    "start_offset",
    "end_offset",
    "text",
    "actor_id",
    "kind",
]

_DTYPES = {
    "idx": "int32",
    "date_precision": "Int8",
    "location_precision": "Int8",
    "geonames_id": "Int64",
    "killed_low": "Int32",
    "killed_best": "Int32",
    "killed_high": "Int32",
    "wounded_low": "Int32",
    "wounded_best": "Int32",
    "wounded_high": "Int32",
    "lat": "float64",
    "lon": "float64",
    "confidence": "float64",
}


def mention_id(document_id: str, idx: int, event: ExtractedEvent) -> str:
    """Stable id of one mention: hash of document, position, type and evidence offsets."""
    key = f"{document_id}\x1f{idx}\x1f{event.event_type}\x1f{event.evidence.start}\x1f{event.evidence.end}"
    return "m_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def _mention_row(doc: DocumentExtraction, idx: int, event: ExtractedEvent, version: str) -> dict[str, Any]:
    place = event.place
    perp = event.perpetrator
    return {
        "id": mention_id(doc.id, idx, event),
        "document_id": doc.id,
        "extractor_version": version,
        "idx": idx,
        "event_type": event.event_type,
        "sub_type": event.sub_type,
        "date": event.date.value,
        "date_end": event.date.end,
        "date_precision": int(event.date.precision) if event.date.precision is not None else None,
        "place_text": place.text if place else None,
        "place_name": place.name if place else None,
        "country_code": place.country_code if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "geonames_id": place.geonames_id if place else None,
        "location_precision": int(place.precision) if place else None,
        "perpetrator_id": perp.actor_id if perp else None,
        "perpetrator_mention": perp.name if perp else None,
        "attribution": perp.attribution.value if perp else None,
        "killed_low": event.killed.low,
        "killed_best": event.killed.best,
        "killed_high": event.killed.high,
        "wounded_low": event.wounded.low,
        "wounded_best": event.wounded.best,
        "wounded_high": event.wounded.high,
        "mechanisms": [hit.code for hit in event.mechanisms],
        "confidence": event.confidence,
        "language": doc.language.value,
        "record": json.dumps(event.model_dump(mode="json"), ensure_ascii=False),
    }


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    for column, dtype in _DTYPES.items():
        if column in frame.columns:
            frame[column] = frame[column].astype(dtype)
    return frame


def extraction_frames(
    items: Sequence[tuple[str, DocumentExtraction]], extractor_version: str
) -> dict[str, pd.DataFrame]:
    """The rows ``save_extractions`` writes, one DataFrame per table (no database needed)."""
    mentions: list[dict[str, Any]] = []
    places: list[dict[str, Any]] = []
    actors: list[dict[str, Any]] = []
    runs: list[dict[str, Any]] = []
    now = datetime.now(UTC).replace(tzinfo=None)
    for document_id, doc in items:
        if doc.id != document_id:
            doc = doc.model_copy(update={"id": document_id})
        mentions.extend(_mention_row(doc, i, ev, extractor_version) for i, ev in enumerate(doc.events))
        places.extend(
            {
                "document_id": document_id,
                "extractor_version": extractor_version,
                "start_offset": p.start,
                "end_offset": p.end,
                "text": p.text,
                "name": p.name,
                "country_code": p.country_code,
                "admin1": p.admin1,
                "admin2": p.admin2,
                "lat": p.lat,
                "lon": p.lon,
                "geonames_id": p.geonames_id,
                "precision": int(p.precision),
            }
            for p in doc.places
        )
        actors.extend(
            {
                "document_id": document_id,
                "extractor_version": extractor_version,
                "start_offset": a.start,
                "end_offset": a.end,
                "text": a.text,
                "actor_id": a.actor_id,
                "kind": a.kind.value,
            }
            for a in doc.actors
        )
        runs.append(
            {
                "document_id": document_id,
                "extractor_version": extractor_version,
                "extracted_at": now,
                "n_events": len(doc.events),
                "home_admin1": doc.home.admin1 if doc.home else None,
                "home_country": doc.home.country_code if doc.home else None,
            }
        )
    place_frame = pd.DataFrame(places, columns=_PLACE_COLUMNS).astype(
        {"geonames_id": "Int64", "lat": "float64", "lon": "float64"}
    )
    return {
        "event_mentions": _frame(mentions, MENTION_COLUMNS),
        "document_places": place_frame,
        "document_actors": pd.DataFrame(actors, columns=_ACTOR_COLUMNS),
        "document_extractions": pd.DataFrame(
            runs,
            columns=["document_id", "extractor_version", "extracted_at", "n_events", "home_admin1", "home_country"],
        ),
    }


def located_provinces(
    store: Store, document_ids: Sequence[str], finest: int
) -> dict[str, frozenset[tuple[str, str]]]:
    """(country code, admin1) of the places each document's last geoparsed extraction resolved at
    precision ``finest`` or finer (UCDP codes: 4 = admin1), for the documents of ``document_ids``
    that were extracted with the geoparser (an extraction without it says nothing about places)."""
    rows = store.execute(
        "SELECT x.document_id, p.country_code, p.admin1, p.precision FROM document_extractions x "
        "LEFT JOIN document_places p "
        "ON p.document_id = x.document_id AND p.extractor_version = x.extractor_version "
        "WHERE x.document_id IN (SELECT unnest($ids::VARCHAR[])) AND x.extractor_version LIKE '%-geo%'",
        {"ids": list(document_ids)},
    ).fetchall()
    found: dict[str, set[tuple[str, str]]] = {}
    for doc_id, country, admin1, precision in rows:
        provinces = found.setdefault(doc_id, set())
        if country and admin1 and precision is not None and precision <= finest:
            provinces.add((country, admin1))
    return {doc_id: frozenset(provinces) for doc_id, provinces in found.items()}


def save_extractions(
    store: Store, items: list[tuple[str, DocumentExtraction]], extractor_version: str
) -> int:
    """Replace the extraction results of these documents; returns the number of mentions written.

    One transaction: old rows of the same documents (any extractor version) are deleted and the
    new mentions, places, actors and the ``document_extractions`` record are bulk-inserted.
    """
    if not items:
        return 0
    frames = extraction_frames(items, extractor_version)
    doc_ids = sorted({document_id for document_id, _ in items})
    with store.transaction() as tx:
        for table in ("event_mentions", "document_places", "document_actors", "document_extractions"):
            tx.execute(
                f"DELETE FROM {table} WHERE document_id IN (SELECT unnest($ids::VARCHAR[]))",
                {"ids": doc_ids},
            )
        for table, frame in frames.items():
            store.insert_df(table, frame, conn=tx)
    return len(frames["event_mentions"])


def _where(
    document_ids: Sequence[str] | None, latest_only: bool, mention_ids: Sequence[str] | None
) -> tuple[str, dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if document_ids is not None:
        clauses.append("m.document_id IN (SELECT unnest($doc_ids::VARCHAR[]))")
        params["doc_ids"] = list(document_ids)
    if mention_ids is not None:
        clauses.append("m.id IN (SELECT unnest($mention_ids::VARCHAR[]))")
        params["mention_ids"] = list(mention_ids)
    if latest_only:
        clauses.append(
            "m.extractor_version = (SELECT max(x.extractor_version) FROM document_extractions x "
            "WHERE x.document_id = m.document_id)"
        )
    return (" AND ".join(clauses) or "TRUE"), params


def mentions_frame(
    store: Store,
    document_ids: Sequence[str] | None = None,
    latest_only: bool = True,
    mention_ids: Sequence[str] | None = None,
    with_document: bool = False,
) -> pd.DataFrame:
    """Event mentions as a DataFrame (one row per mention, ordered by document and position).

    ``latest_only`` keeps, per document, the mentions of the newest extractor version recorded in
    ``document_extractions``; ``with_document`` adds the document's ``published``, ``source``,
    ``title``, ``url`` and ``near_duplicate_of`` columns (prefixed ``doc_``).
    """
    where, params = _where(document_ids, latest_only, mention_ids)
    cols = ", ".join(f"m.{c}" for c in MENTION_COLUMNS)
    join = ""
    if with_document:
        cols += (
            ", d.published AS doc_published, d.source AS doc_source, d.title AS doc_title, "
            "d.url AS doc_url, d.near_duplicate_of AS doc_near_duplicate_of"
        )
        join = " LEFT JOIN documents d ON d.id = m.document_id"
    sql = f"SELECT {cols} FROM event_mentions m{join} WHERE {where} ORDER BY m.document_id, m.idx"
    return store.query_df(sql, params)


def mention_events(store: Store, mention_ids: Sequence[str]) -> dict[str, ExtractedEvent]:
    """The full extracted records (``record`` JSON) of these mentions, by mention id."""
    if not mention_ids:
        return {}
    rows = store.execute(
        "SELECT id, record FROM event_mentions WHERE id IN (SELECT unnest($ids::VARCHAR[]))",
        {"ids": list(mention_ids)},
    ).fetchall()
    return {mid: ExtractedEvent.model_validate_json(record) for mid, record in rows}


def document_places_frame(store: Store, document_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """Every toponym found in these documents (all documents when ``None``)."""
    where = "TRUE" if document_ids is None else "document_id IN (SELECT unnest($ids::VARCHAR[]))"
    params = {} if document_ids is None else {"ids": list(document_ids)}
    return store.query_df(
        f"SELECT {', '.join(_PLACE_COLUMNS)} FROM document_places WHERE {where} "
        "ORDER BY document_id, start_offset",
        params,
    )


def document_actors_frame(store: Store, document_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """Every actor mention found in these documents (all documents when ``None``)."""
    where = "TRUE" if document_ids is None else "document_id IN (SELECT unnest($ids::VARCHAR[]))"
    params = {} if document_ids is None else {"ids": list(document_ids)}
    return store.query_df(
        f"SELECT {', '.join(_ACTOR_COLUMNS)} FROM document_actors WHERE {where} "
        "ORDER BY document_id, start_offset",
        params,
    )


def extracted_document_ids(store: Store, extractor_version: str | None = None) -> set[str]:
    """Documents that have extraction results (for ``extractor_version`` when given)."""
    if extractor_version is None:
        rows = store.execute("SELECT DISTINCT document_id FROM document_extractions").fetchall()
    else:
        rows = store.execute(
            "SELECT document_id FROM document_extractions WHERE extractor_version = ?",
            [extractor_version],
        ).fetchall()
    return {r[0] for r in rows}
