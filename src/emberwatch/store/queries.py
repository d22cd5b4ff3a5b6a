"""Read queries over documents and events, with validated filters (used by library, CLI and API)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from emberwatch.errors import InputError
from emberwatch.store.database import Store

EVENT_COLUMNS = [
    "id", "origin", "event_type", "sub_type", "date", "date_end", "date_precision",
    "place_name", "admin1", "admin2", "country_code", "lat", "lon", "geonames_id",
    "location_precision", "perpetrator_id", "perpetrator_mention", "attribution",
    "targets", "victims", "weapons", "killed_low", "killed_best", "killed_high",
    "wounded_low", "wounded_best", "wounded_high", "mechanisms", "confidence", "language",
    "n_sources", "review_status", "summary", "created_at", "updated_at",
]  # fmt: skip

DOCUMENT_COLUMNS = [
    "id", "source", "url", "title", "published", "language", "content_hash", "ingested_at",
    "near_duplicate_of",
]  # fmt: skip


# the source home area the document's latest extraction leaned on (emberwatch.geo.home), if any
_LATEST_EXTRACTION = (
    "FROM document_extractions x WHERE x.document_id = documents.id ORDER BY x.extracted_at DESC LIMIT 1"
)
_HOME_ADMIN1 = f"(SELECT x.home_admin1 {_LATEST_EXTRACTION}) AS home_admin1"
_HOME_COUNTRY = f"(SELECT x.home_country {_LATEST_EXTRACTION}) AS home_country"


class SortOrder(StrEnum):
    date_desc = "-date"
    date_asc = "date"
    killed_desc = "-killed"
    sources_desc = "-n_sources"
    confidence_desc = "-confidence"


_SORT_SQL = {
    SortOrder.date_desc: "date DESC NULLS LAST, id",
    SortOrder.date_asc: "date ASC NULLS LAST, id",
    SortOrder.killed_desc: "coalesce(killed_best, killed_low, 0) DESC, date DESC NULLS LAST, id",
    SortOrder.sources_desc: "n_sources DESC, date DESC NULLS LAST, id",
    SortOrder.confidence_desc: "confidence DESC NULLS LAST, id",
}


class EventFilter(BaseModel):
    """Filters for events; every field is optional and they combine with AND."""

    model_config = ConfigDict(extra="forbid")

    start: date | None = Field(default=None, description="Events on or after this date.")
    end: date | None = Field(default=None, description="Events on or before this date.")
    bbox: tuple[float, float, float, float] | None = Field(
        default=None, description="min_lon, min_lat, max_lon, max_lat"
    )
    country: list[str] = Field(default_factory=list, description="ISO 3166 alpha-2 codes.")
    admin1: list[str] = Field(default_factory=list)
    admin2: list[str] = Field(default_factory=list)
    actor: list[str] = Field(default_factory=list, description="Actor ids; affiliates included.")
    event_type: list[str] = Field(default_factory=list)
    mechanism: list[str] = Field(default_factory=list)
    language: list[str] = Field(default_factory=list)
    review_status: list[str] = Field(default_factory=list)
    include_rejected: bool = Field(default=False, description="Rejected events are hidden unless set.")
    q: str | None = Field(default=None, max_length=200, description="Free-text search.")
    ids: list[str] = Field(default_factory=list)
    sort: SortOrder = SortOrder.date_desc
    limit: int | None = Field(default=None, ge=1, le=100_000)
    offset: int = Field(default=0, ge=0)

    @field_validator("country")
    @classmethod
    def _upper(cls, value: list[str]) -> list[str]:
        return [v.upper() for v in value]

    @model_validator(mode="after")
    def _check(self) -> EventFilter:
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"start ({self.start}) is after end ({self.end}); swap them.")
        if self.bbox:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
                raise ValueError(
                    "bbox must be min_lon,min_lat,max_lon,max_lat within -180..180 / -90..90"
                )
        return self


def like_pattern(text: str) -> str:
    """An ILIKE pattern matching ``text`` anywhere, with its own ``%``/``_``/``\\`` taken literally.

    ILIKE is about twice as fast as ``contains(lower(...))`` on a million rows (no lower-cased copy).
    """
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def affiliates_sql() -> str:
    """A recursive CTE expanding ``$actors`` to the actors and all their descendants."""
    return (
        "WITH RECURSIVE fam(id) AS (SELECT unnest($actors::VARCHAR[]) "
        "UNION SELECT a.id FROM actors a JOIN fam ON a.parent_id = fam.id) "
    )


def event_where(flt: EventFilter) -> tuple[str, dict[str, Any]]:
    """SQL WHERE clause and named parameters for a filter (always parameterised)."""
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if flt.start:
        clauses.append("coalesce(date_end, date) >= $start")
        params["start"] = flt.start
    if flt.end:
        clauses.append("date <= $end")
        params["end"] = flt.end
    if flt.bbox:
        clauses.append("lon BETWEEN $min_lon AND $max_lon AND lat BETWEEN $min_lat AND $max_lat")
        params.update(zip(("min_lon", "min_lat", "max_lon", "max_lat"), flt.bbox, strict=True))
    for column, values in (
        ("country_code", flt.country),
        ("admin1", flt.admin1),
        ("admin2", flt.admin2),
        ("event_type", flt.event_type),
        ("language", flt.language),
        ("review_status", flt.review_status),
        ("id", flt.ids),
    ):
        if values:  # list_contains scans ~2x faster than IN (SELECT unnest(...)) on a million rows
            clauses.append(f"list_contains(${column}::VARCHAR[], {column})")
            params[column] = values
    if not flt.include_rejected and "rejected" not in flt.review_status:
        clauses.append("review_status <> 'rejected'")
    if flt.actor:
        clauses.append("perpetrator_id IN (SELECT id FROM fam)")
        params["actors"] = flt.actor
    if flt.mechanism:  # one list_contains per code: ~3x faster than list_has_any
        names = [f"mechanism_{i}" for i in range(len(flt.mechanism))]
        clauses.append("(" + " OR ".join(f"list_contains(mechanisms, ${n})" for n in names) + ")")
        params.update(zip(names, flt.mechanism, strict=True))
    if flt.q:
        clauses.append(
            "(summary ILIKE $q ESCAPE '\\' OR place_name ILIKE $q ESCAPE '\\'"
            " OR perpetrator_mention ILIKE $q ESCAPE '\\' OR event_type ILIKE $q ESCAPE '\\')"
        )
        params["q"] = like_pattern(flt.q)
    where = " AND ".join(clauses) if clauses else "TRUE"
    return where, params


def query_events(store: Store, flt: EventFilter | None = None, columns: list[str] | None = None) -> pd.DataFrame:
    """Events matching ``flt`` as a DataFrame, one row per event, with an ``id`` column."""
    flt = flt or EventFilter()
    where, params = event_where(flt)
    cte = affiliates_sql() if flt.actor else ""
    cols = ", ".join(columns or EVENT_COLUMNS)
    sql = f"{cte}SELECT {cols} FROM events WHERE {where} ORDER BY {_SORT_SQL[flt.sort]}"
    if flt.limit is not None:
        sql += f" LIMIT {int(flt.limit)} OFFSET {int(flt.offset)}"
    return store.query_df(sql, params)


def count_events(store: Store, flt: EventFilter | None = None) -> int:
    flt = flt or EventFilter()
    where, params = event_where(flt)
    cte = affiliates_sql() if flt.actor else ""
    row = store.execute(f"{cte}SELECT count(*) FROM events WHERE {where}", params).fetchone()
    return int(row[0]) if row else 0


class DocumentFilter(BaseModel):
    model_config = ConfigDict(extra="forbid")

    language: list[str] = Field(default_factory=list)
    start: date | None = None
    end: date | None = None
    source: str | None = Field(default=None, description="Substring of the source path/URL.")
    q: str | None = Field(default=None, max_length=200)
    ids: list[str] = Field(default_factory=list)
    with_text: bool = False
    limit: int | None = Field(default=None, ge=1, le=100_000)
    offset: int = Field(default=0, ge=0)


def document_where(flt: DocumentFilter) -> tuple[str, dict[str, Any]]:
    """SQL WHERE clause and named parameters for a document filter (always parameterised)."""
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if flt.language:
        clauses.append("language IN (SELECT unnest($language::VARCHAR[]))")
        params["language"] = flt.language
    if flt.ids:
        clauses.append("id IN (SELECT unnest($ids::VARCHAR[]))")
        params["ids"] = flt.ids
    if flt.start:
        clauses.append("published >= $start")
        params["start"] = flt.start
    if flt.end:
        clauses.append("published <= $end")
        params["end"] = flt.end
    if flt.source:
        clauses.append("contains(source, $source)")
        params["source"] = flt.source
    if flt.q:
        clauses.append("(text ILIKE $q ESCAPE '\\' OR title ILIKE $q ESCAPE '\\')")
        params["q"] = like_pattern(flt.q)
    return (" AND ".join(clauses) if clauses else "TRUE"), params


def query_documents(store: Store, flt: DocumentFilter | None = None) -> pd.DataFrame:
    flt = flt or DocumentFilter()
    where, params = document_where(flt)
    cols = DOCUMENT_COLUMNS + [_HOME_ADMIN1, _HOME_COUNTRY] + (["text"] if flt.with_text else [])
    sql = f"SELECT {', '.join(cols)} FROM documents WHERE {where} ORDER BY published DESC NULLS LAST, id"
    if flt.limit is not None:
        sql += f" LIMIT {int(flt.limit)} OFFSET {int(flt.offset)}"
    return store.query_df(sql, params)


def build_filter(model: type[BaseModel], **values: Any) -> Any:
    """Validate filter keyword arguments, turning pydantic errors into an :class:`InputError`."""
    from pydantic import ValidationError

    try:
        return model(**{k: v for k, v in values.items() if v is not None})
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'filter'}: {e['msg']}" for e in exc.errors()
        )
        raise InputError(f"Invalid filter: {problems}") from exc


# --------------------------------------------------------------------------- dashboard reads


class TimelinePeriod(StrEnum):
    week = "week"
    month = "month"


FACET_COLUMNS = ("country_code", "admin1", "event_type", "language", "review_status", "perpetrator_id")


def _filtered(flt: EventFilter) -> tuple[str, str, dict[str, Any]]:
    """(CTE prefix, WHERE clause, params) for a filter; the CTE expands actor affiliates."""
    where, params = event_where(flt)
    return (affiliates_sql() if flt.actor else ""), where, params


def event_timeline(store: Store, flt: EventFilter, period: TimelinePeriod) -> pd.DataFrame:
    """Events per period start and event type (columns ``period``, ``event_type``, ``events``, ``killed``)."""
    cte, where, params = _filtered(flt)
    unit = "week" if period is TimelinePeriod.week else "month"
    sql = (
        f"{cte}SELECT date_trunc('{unit}', date) AS period, event_type, count(*) AS events, "
        "sum(coalesce(killed_best, killed_low, 0)) AS killed "
        f"FROM events WHERE ({where}) AND date IS NOT NULL GROUP BY ALL ORDER BY period, event_type"
    )
    return store.query_df(sql, params)


def event_facets(store: Store, flt: EventFilter, top: int = 200) -> dict[str, pd.DataFrame]:
    """Counts of matching events per value of each facet column (``value``, ``events``), largest first."""
    cte, where, params = _filtered(flt)
    facets: dict[str, pd.DataFrame] = {}
    for column in FACET_COLUMNS:
        sql = (
            f"{cte}SELECT {column} AS value, count(*) AS events FROM events WHERE {where} "
            f"AND {column} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {int(top)}"
        )
        facets[column] = store.query_df(sql, params)
    sql = (
        f"{cte}SELECT m AS value, count(*) AS events FROM "
        f"(SELECT unnest(mechanisms) AS m FROM events WHERE {where}) GROUP BY 1 ORDER BY 2 DESC, 1"
    )
    facets["mechanism"] = store.query_df(sql, params)
    return facets


def event_points(store: Store, flt: EventFilter, limit: int) -> list[tuple[Any, ...]]:
    """Located events for the map as tuples ``(id, lat, lon, event_type, date, killed)``."""
    cte, where, params = _filtered(flt)
    sql = (
        f"{cte}SELECT id, lat, lon, event_type, date, coalesce(killed_best, killed_low, 0) AS killed "
        f"FROM events WHERE ({where}) AND lat IS NOT NULL AND lon IS NOT NULL "
        f"ORDER BY {_SORT_SQL[flt.sort]} LIMIT {int(limit)}"
    )
    return store.execute(sql, params).fetchall()


def perpetrator_counts(store: Store) -> pd.DataFrame:
    """Events per perpetrator id (rejected events excluded): ``perpetrator_id``, ``events``."""
    return store.query_df(
        "SELECT perpetrator_id, count(*) AS events FROM events WHERE perpetrator_id IS NOT NULL "
        "AND review_status <> 'rejected' GROUP BY 1"
    )


def event_source_names(store: Store, event_ids: list[str]) -> pd.DataFrame:
    """Per event, its distinct document URLs/titles joined by ``; `` (``event_id``, ``sources``)."""
    return store.query_df(
        "SELECT s.event_id, string_agg(DISTINCT coalesce(d.url, d.title, d.source), '; ') AS sources "
        "FROM event_sources s JOIN documents d ON d.id = s.document_id "
        "WHERE s.event_id IN (SELECT unnest($ids::VARCHAR[])) GROUP BY 1",
        {"ids": event_ids},
    )


def query_event_rows(store: Store, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Like :func:`query_events` but as plain Python dicts (faster for the pages the API serves).

    The page is found on ``id`` and the sort columns only, then joined back to the full rows: sorting
    the list columns of every matching row is what makes a wide top-N slow on a million events.
    """
    flt = flt or EventFilter()
    where, params = event_where(flt)
    cte = affiliates_sql() if flt.actor else ""
    page = f"SELECT id AS page_id FROM events WHERE {where} ORDER BY {_SORT_SQL[flt.sort]}"
    if flt.limit is not None:
        page += f" LIMIT {int(flt.limit)} OFFSET {int(flt.offset)}"
    sql = (
        f"{cte}SELECT {', '.join(EVENT_COLUMNS)} FROM ({page}) p JOIN events ON events.id = p.page_id "
        f"ORDER BY {_SORT_SQL[flt.sort]}"
    )
    cursor = store.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def count_documents(store: Store, flt: DocumentFilter | None = None) -> int:
    """Documents matching ``flt`` (limit/offset ignored)."""
    where, params = document_where(flt or DocumentFilter())
    row = store.execute(f"SELECT count(*) FROM documents WHERE {where}", params).fetchone()
    return int(row[0]) if row else 0


def document_event_ids(store: Store, document_id: str) -> list[str]:
    """Ids of the events a document supports (through ``event_sources``)."""
    rows = store.execute(
        "SELECT DISTINCT s.event_id FROM event_sources s LEFT JOIN event_mentions m ON m.id = s.mention_id "
        "WHERE coalesce(s.document_id, m.document_id) = $doc ORDER BY 1",
        {"doc": document_id},
    ).fetchall()
    return [r[0] for r in rows]


_AREA_SQL = {
    "all": "'all'",
    "country": "CASE WHEN country_code IS NULL THEN '(unlocated)' ELSE country_code END",
    "admin1": "CASE WHEN country_code IS NULL OR admin1 IS NULL THEN '(unlocated)' "
    "ELSE country_code || ' / ' || admin1 END",
    "admin2": "CASE WHEN country_code IS NULL OR admin1 IS NULL OR admin2 IS NULL THEN '(unlocated)' "
    "ELSE country_code || ' / ' || admin1 || ' / ' || admin2 END",
}

# The last day an event may have happened (date_end, or what its date precision implies).
_IMPLIED_END_SQL = (
    "greatest(coalesce(date_end, date), CASE coalesce(date_precision, 1) "
    "WHEN 1 THEN date WHEN 2 THEN date + 5 WHEN 3 THEN date + 6 "
    "WHEN 4 THEN last_day(date) ELSE make_date(year(date), 12, 31) END)"
)


def aggregate_counts(
    store: Store, flt: EventFilter, level: str, period: str, max_ids: int = 50
) -> list[dict[str, Any]]:
    """Events, killed and wounded per area x period in SQL (fast path of ``analysis.aggregate``).

    Same rules as :func:`emberwatch.analysis.aggregates.aggregate` for the ``all``, ``country``,
    ``admin1`` and ``admin2`` levels (tests keep the two equal): undated events are left out, areas are
    labelled ``SY / Deir ez-Zor``, weeks start on Monday, ``imprecise_events`` counts events whose
    implied date range reaches beyond their period, ``event_ids`` lists the first ``max_ids`` by date.
    """
    if level not in _AREA_SQL or period not in ("week", "month"):
        raise InputError(f"aggregate_counts: level must be one of {', '.join(_AREA_SQL)} and period week or month.")
    cte, where, params = _filtered(flt)
    sql = (
        f"{cte}SELECT area, period, count(*) AS events, "
        "count(*) FILTER (WHERE date_trunc($unit, implied_end) <> period) AS imprecise_events, "
        "sum(killed) AS killed, sum(killed_high) AS killed_high, sum(wounded) AS wounded, "
        f"min_by(id, struct_pack(d := date, i := id), {int(max_ids)}) AS event_ids "
        f"FROM (SELECT id, date, {_AREA_SQL[level]} AS area, date_trunc($unit, date) AS period, "
        f"{_IMPLIED_END_SQL} AS implied_end, coalesce(killed_best, killed_low, 0) AS killed, "
        "coalesce(killed_high, killed_best, killed_low, 0) AS killed_high, "
        "coalesce(wounded_best, wounded_low, 0) AS wounded "
        f"FROM events WHERE ({where}) AND date IS NOT NULL) GROUP BY area, period ORDER BY area, period"
    )
    cursor = store.execute(sql, {**params, "unit": period})
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
