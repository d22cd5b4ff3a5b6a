"""API response schemas: what clients see, kept apart from the storage rows they are built from."""

from __future__ import annotations

import datetime as dt
import math
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

DATE_PRECISION_WORDS = {
    1: "exact day",
    2: "within a range of up to 6 days",
    3: "within a week",
    4: "within a month",
    5: "within a year",
}
LOCATION_PRECISION_WORDS = {
    1: "exact place",
    2: "near the named place",
    3: "somewhere in the district (admin2)",
    4: "somewhere in the province (admin1)",
    5: "part of the country",
    6: "somewhere in the country",
    7: "unknown location",
}
ATTRIBUTION_WORDS = {
    "claimed": "the group claimed responsibility",
    "attributed": "officials or reports attributed it to the group",
    "suspected": "the group is suspected, without a claim or a firm attribution",
    "unknown": "no perpetrator is known",
}


class ApiModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorBody(ApiModel):
    type: str = Field(description="Error class, e.g. InputError, NotFoundError, AuthError.")
    message: str = Field(description="What went wrong and how to fix it.")


class ErrorOut(ApiModel):
    error: ErrorBody


class CountOut(ApiModel):
    low: int | None = None
    best: int | None = None
    high: int | None = None


class EventOut(ApiModel):
    """One consolidated event (incident)."""

    id: str
    origin: str
    event_type: str
    sub_type: str | None = None
    date: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: int | None = Field(default=None, description="1 day ... 5 year (UCDP date_prec).")
    date_precision_text: str | None = None
    place_name: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    location_precision: int | None = Field(default=None, description="1 exact place ... 7 unknown (UCDP where_prec).")
    location_precision_text: str | None = None
    perpetrator_id: str | None = None
    perpetrator_mention: str | None = None
    attribution: str | None = None
    attribution_text: str | None = None
    targets: list[str] = Field(default_factory=list)
    victims: list[str] = Field(default_factory=list)
    weapons: list[str] = Field(default_factory=list)
    killed: CountOut
    wounded: CountOut
    mechanisms: list[str] = Field(default_factory=list)
    confidence: float | None = None
    language: str | None = None
    n_sources: int
    review_status: str
    summary: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


class EventsPage(ApiModel):
    total: int = Field(description="Events matching the filters (all pages).")
    limit: int
    offset: int
    items: list[EventOut]


class EvidenceSpanOut(ApiModel):
    field: str = Field(description="Event field the span supports (event, place, perpetrator, killed...).")
    text: str
    start: int = Field(description="Offset of the span in the document text.")
    end: int


class SourceOut(ApiModel):
    """One report of the event: the document, what it said, and the evidence spans in its text."""

    mention_id: str | None = None
    document_id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    language: str | None = None
    near_duplicate_of: str | None = Field(default=None, description="Canonical document if a wire copy.")
    event_type: str | None = None
    date: dt.date | None = None
    place_text: str | None = None
    perpetrator_mention: str | None = None
    killed: CountOut = Field(default_factory=CountOut)
    wounded: CountOut = Field(default_factory=CountOut)
    confidence: float | None = None
    text: str | None = Field(default=None, description="Full document text (untrusted: render as text).")
    evidence: list[EvidenceSpanOut] = Field(default_factory=list)


class HistoryOut(ApiModel):
    at: datetime
    action: str = Field(description="created, machine_update, removed, verify, reject, edit, merge, split")
    field: str | None = None
    old_value: Any = None
    new_value: Any = None
    author: str
    reason: str | None = None
    review_id: str | None = None


class EventDetailOut(ApiModel):
    event: EventOut
    machine: EventOut | None = Field(default=None, description="The machine's values before analyst edits.")
    overrides: dict[str, Any] = Field(default_factory=dict, description="Analyst edits in force.")
    sources: list[SourceOut]
    history: list[HistoryOut]


class DocumentOut(ApiModel):
    id: str
    source: str
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    language: str
    ingested_at: datetime | None = None
    near_duplicate_of: str | None = None
    home_admin1: str | None = Field(
        default=None, description="Home province of the document's outlet that its latest extraction leaned on."
    )
    home_country: str | None = None


class DocumentDetailOut(DocumentOut):
    text: str
    event_ids: list[str] = Field(default_factory=list, description="Events this document supports.")


class DocumentsPage(ApiModel):
    total: int
    limit: int
    offset: int
    items: list[DocumentOut]


class PointsOut(ApiModel):
    """Located events for the map, as parallel compact rows ``[id, lat, lon, event_type, date, killed]``."""

    total: int = Field(description="Located events matching the filters.")
    truncated: bool = Field(description="True when more events matched than were returned.")
    rows: list[tuple[str, float, float, str, date | None, int]]


class TimelineRow(ApiModel):
    period: dt.date
    event_type: str
    events: int
    killed: int


class FacetValue(ApiModel):
    value: str
    events: int


class FacetsOut(ApiModel):
    country_code: list[FacetValue]
    admin1: list[FacetValue]
    event_type: list[FacetValue]
    language: list[FacetValue]
    review_status: list[FacetValue]
    perpetrator_id: list[FacetValue]
    mechanism: list[FacetValue]


class ActorOut(ApiModel):
    id: str
    name: str
    name_ar: str | None = None
    kind: str
    parent: str | None = None
    affiliates: list[str] = Field(default_factory=list, description="Direct children (affiliates).")
    events: int = 0


class EventTypeOut(ApiModel):
    id: str
    name: str
    description: str = ""
    gtd_attack_type: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    insurgent_tactic: bool = False
    sub_types: list[str] = Field(default_factory=list)


class MechanismOut(ApiModel):
    code: str
    name: str
    description: str = ""


class HealthOut(ApiModel):
    status: str
    database: str
    events: int
    documents: int
    migrations: list[str]
    actions_enabled: bool = Field(description="True when the server has an API token for analyst actions.")


class ActionResult(ApiModel):
    event_ids: list[str] = Field(description="Events created or changed by the action.")
    detail: EventDetailOut | None = None


def clean(value: Any) -> Any:
    """Storage values (NaN, NaT, numpy scalars and arrays, timestamps) as plain Python values."""
    if value is None or isinstance(value, str | int | bool | date | list):
        return value
    if hasattr(value, "tolist"):
        value = value.tolist()
        return value if not isinstance(value, float) or not math.isnan(value) else None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if type(value).__name__ in {"NAType", "NaTType"}:
        return None
    return value


def event_out(row: dict[str, Any]) -> EventOut:
    """Build an :class:`EventOut` from an ``events`` row (dict of column -> value)."""
    r = {key: clean(value) for key, value in row.items()}
    for key in ("date", "date_end"):
        if isinstance(r.get(key), datetime):
            r[key] = r[key].date()
    return EventOut(
        id=r["id"],
        origin=r["origin"],
        event_type=r["event_type"],
        sub_type=r.get("sub_type"),
        date=r.get("date"),
        date_end=r.get("date_end"),
        date_precision=r.get("date_precision"),
        date_precision_text=DATE_PRECISION_WORDS.get(r.get("date_precision") or 0),
        place_name=r.get("place_name"),
        admin1=r.get("admin1"),
        admin2=r.get("admin2"),
        country_code=r.get("country_code"),
        lat=r.get("lat"),
        lon=r.get("lon"),
        geonames_id=r.get("geonames_id"),
        location_precision=r.get("location_precision"),
        location_precision_text=LOCATION_PRECISION_WORDS.get(r.get("location_precision") or 0),
        perpetrator_id=r.get("perpetrator_id"),
        perpetrator_mention=r.get("perpetrator_mention"),
        attribution=r.get("attribution"),
        attribution_text=ATTRIBUTION_WORDS.get(r.get("attribution") or ""),
        targets=r.get("targets") or [],
        victims=r.get("victims") or [],
        weapons=r.get("weapons") or [],
        killed=CountOut(low=r.get("killed_low"), best=r.get("killed_best"), high=r.get("killed_high")),
        wounded=CountOut(low=r.get("wounded_low"), best=r.get("wounded_best"), high=r.get("wounded_high")),
        mechanisms=r.get("mechanisms") or [],
        confidence=r.get("confidence"),
        language=r.get("language"),
        n_sources=int(r.get("n_sources") or 0),
        review_status=r.get("review_status") or "unreviewed",
        summary=r.get("summary"),
        created_at=r.get("created_at"),
        updated_at=r.get("updated_at"),
    )


MAX_IDS = 50


class AggregateOut(ApiModel):
    area: str
    period: dt.date
    events: int
    imprecise_events: int = Field(description="Events whose date precision reaches beyond the period.")
    killed: int
    killed_high: int
    wounded: int
    event_ids: list[str] = Field(description=f"Events behind the row (first {MAX_IDS}).")


class IndicatorDefinitionOut(ApiModel):
    id: str
    mechanism: str
    name: str
    description: str
    kind: str


class IndicatorPointOut(ApiModel):
    indicator: str
    area: str
    period: dt.date
    value: float | None = None
    selected: int | None = None
    n: int | None = None
    event_ids: list[str] = Field(default_factory=list, description=f"Events behind the value (first {MAX_IDS}).")
    passage_refs: list[str] = Field(default_factory=list, description="document:start-end of the passages.")


class AlertOut(ApiModel):
    """A current alert: the rule that fired, in plain words, its window, figures and evidence."""

    id: str
    rule_id: str = Field(description="surge, return, spread or changepoint.")
    rule: str
    area: str
    window_start: dt.date
    window_end: dt.date
    baseline: float
    baseline_label: str
    current: float
    current_label: str
    summary: str
    event_ids: list[str]


class WatchSignalOut(ApiModel):
    kind: str = Field(description="return (renewed activity in a lost area) or spread (a new area).")
    area_id: str
    area: str
    actor: str | None = None
    started: dt.date
    ended: dt.date
    quiet_since: dt.date | None = None
    quiet_days: int | None = None
    lost_on: dt.date | None = None
    n_events: int
    event_ids: list[str]
    rule: str


class WatchAreasOut(ApiModel):
    source: str | None = Field(description="The watch-area file in use (settings.watch_areas), if any.")
    areas: dict[str, Any] = Field(description="GeoJSON FeatureCollection of the areas (circles as polygons).")
    signals: list[WatchSignalOut] = Field(description="Return signals in the areas, newest first.")


class VerifyIn(ApiModel):
    reason: str | None = Field(default=None, max_length=2000, description="Optional note.")


class RejectIn(ApiModel):
    reason: str = Field(min_length=1, max_length=2000, description="Why this is not a real incident.")


class EditIn(ApiModel):
    field: str = Field(description="Editable event field, e.g. event_type, date, admin1, killed_best.")
    value: Any = Field(description="New value (null clears the field; lists as JSON arrays).")
    reason: str = Field(min_length=1, max_length=2000)


class MergeIn(ApiModel):
    other_ids: list[str] = Field(min_length=1, max_length=100, description="Events to merge with this one.")
    reason: str = Field(min_length=1, max_length=2000)


class SplitIn(ApiModel):
    mention_ids: list[str] = Field(min_length=1, max_length=500, description="Mentions to move to a new event.")
    reason: str = Field(min_length=1, max_length=2000)
