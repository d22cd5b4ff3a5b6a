"""Event reads: pages of events, map points, timeline, facets, one event with its evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from emberwatch.store.queries import (
    TimelinePeriod,
    count_events,
    event_facets,
    event_points,
    event_timeline,
    query_event_rows,
)
from emberwatch.web.deps import EventFilterDep, LimitParam, OffsetParam, StoreDep
from emberwatch.web.detail import load_event_detail
from emberwatch.web.schemas import (
    EventDetailOut,
    EventsPage,
    FacetsOut,
    FacetValue,
    PointsOut,
    TimelineRow,
    event_out,
)

router = APIRouter(prefix="/api/events", tags=["events"])

MAX_POINTS = 50_000


@router.get("", response_model=EventsPage)
def list_events(store: StoreDep, flt: EventFilterDep, limit: LimitParam = 50, offset: OffsetParam = 0) -> EventsPage:
    """Events matching the filters, one page at a time, with the total count."""
    page = flt.model_copy(update={"limit": limit, "offset": offset})
    rows = query_event_rows(store, page)
    return EventsPage(total=count_events(store, flt), limit=limit, offset=offset, items=[event_out(r) for r in rows])


@router.get("/points", response_model=PointsOut)
def points(
    store: StoreDep,
    flt: EventFilterDep,
    limit: Annotated[int, Query(ge=1, le=MAX_POINTS, description="Most points returned.")] = 20_000,
) -> PointsOut:
    """Located events for the map as compact rows ``[id, lat, lon, event_type, date, killed]``."""
    rows = event_points(store, flt, limit)
    located = flt.model_copy(update={"bbox": flt.bbox or (-180.0, -90.0, 180.0, 90.0)})
    total = count_events(store, located)
    return PointsOut(total=total, truncated=total > len(rows), rows=rows)


@router.get("/timeline", response_model=list[TimelineRow])
def timeline(
    store: StoreDep,
    flt: EventFilterDep,
    period: Annotated[TimelinePeriod, Query(description="week or month")] = TimelinePeriod.month,
) -> list[TimelineRow]:
    """Events and killed per period and event type (for the stacked timeline chart)."""
    frame = event_timeline(store, flt, period)
    return [
        TimelineRow(period=r.period.date(), event_type=r.event_type, events=int(r.events), killed=int(r.killed))
        for r in frame.itertuples(index=False)
    ]


@router.get("/facets", response_model=FacetsOut)
def facets(store: StoreDep, flt: EventFilterDep) -> FacetsOut:
    """How many matching events each filter value has (to fill the dashboard's filter lists)."""
    found = event_facets(store, flt)
    return FacetsOut(
        **{
            name: [FacetValue(value=str(r.value), events=int(r.events)) for r in frame.itertuples(index=False)]
            for name, frame in found.items()
        }
    )


@router.get("/{event_id}", response_model=EventDetailOut)
def event_detail(store: StoreDep, event_id: str) -> EventDetailOut:
    """One event with its sources (document text), evidence spans per field, and review history."""
    return load_event_detail(store, event_id)
