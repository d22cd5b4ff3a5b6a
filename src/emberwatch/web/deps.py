"""FastAPI dependencies: the store, the settings, and validated filters built from query parameters."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from fastapi import Depends, Query, Request

from emberwatch.errors import InputError
from emberwatch.models import Language, ReviewStatus
from emberwatch.settings import Settings
from emberwatch.store import Store
from emberwatch.store.queries import DocumentFilter, EventFilter, SortOrder, build_filter

MAX_PAGE = 1000


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]


def split_values(values: list[str] | None) -> list[str]:
    """Accept both ``?country=SY&country=IQ`` and ``?country=SY,IQ``; drop blanks."""
    out: list[str] = []
    for value in values or []:
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return out


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    parts = value.split(",")
    try:
        numbers = tuple(float(p) for p in parts)
    except ValueError:
        numbers = ()
    if len(numbers) != 4:
        raise InputError(
            f"Invalid filter: bbox '{value}' must be four numbers min_lon,min_lat,max_lon,max_lat "
            "(e.g. bbox=38,33,44,37)."
        )
    return numbers  # type: ignore[return-value]


def _closed(values: list[str], enum: type[StrEnum], name: str) -> list[str]:
    known = [e.value for e in enum]
    for value in values:
        if value not in known:
            raise InputError(f"Invalid filter: {name} '{value}' is not one of {', '.join(known)}.")
    return values


def event_filter_params(
    start: Annotated[date | None, Query(description="Events on or after this date (YYYY-MM-DD).")] = None,
    end: Annotated[date | None, Query(description="Events on or before this date (YYYY-MM-DD).")] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat", examples=["38,33,44,37"])] = None,
    country: Annotated[list[str] | None, Query(description="ISO 3166 alpha-2 codes.")] = None,
    admin1: Annotated[list[str] | None, Query(description="Province/governorate names.")] = None,
    admin2: Annotated[list[str] | None, Query(description="District names.")] = None,
    actor: Annotated[list[str] | None, Query(description="Actor ids; affiliates included.")] = None,
    event_type: Annotated[list[str] | None, Query(description="Codebook event type ids.")] = None,
    mechanism: Annotated[list[str] | None, Query(description="Mechanism codes.")] = None,
    language: Annotated[list[str] | None, Query(description="Source language: en, ar, other.")] = None,
    review_status: Annotated[list[str] | None, Query(description="unreviewed, verified, edited, rejected.")] = None,
    include_rejected: Annotated[bool, Query(description="Include events analysts rejected.")] = False,
    q: Annotated[str | None, Query(max_length=200, description="Free text (summary, place, actor).")] = None,
    sort: Annotated[SortOrder, Query(description="Sort order.")] = SortOrder.date_desc,
) -> EventFilter:
    """All event filters as query parameters, validated into an :class:`EventFilter`."""
    languages = _closed(split_values(language), Language, "language")
    statuses = _closed(split_values(review_status), ReviewStatus, "review_status")
    return build_filter(
        EventFilter,
        start=start,
        end=end,
        bbox=parse_bbox(bbox),
        country=split_values(country),
        admin1=split_values(admin1),
        admin2=split_values(admin2),
        actor=split_values(actor),
        event_type=split_values(event_type),
        mechanism=split_values(mechanism),
        language=languages,
        review_status=statuses,
        include_rejected=include_rejected,
        q=q.strip() if q and q.strip() else None,
        sort=sort,
    )


EventFilterDep = Annotated[EventFilter, Depends(event_filter_params)]


def document_filter_params(
    language: Annotated[list[str] | None, Query(description="en, ar, other.")] = None,
    start: Annotated[date | None, Query(description="Published on or after.")] = None,
    end: Annotated[date | None, Query(description="Published on or before.")] = None,
    source: Annotated[str | None, Query(max_length=500, description="Substring of source path/URL.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text or title contains.")] = None,
) -> DocumentFilter:
    return build_filter(
        DocumentFilter,
        language=_closed(split_values(language), Language, "language"),
        start=start,
        end=end,
        source=source,
        q=q.strip() if q and q.strip() else None,
    )


DocumentFilterDep = Annotated[DocumentFilter, Depends(document_filter_params)]

LimitParam = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size (1-{MAX_PAGE}).")]
OffsetParam = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
