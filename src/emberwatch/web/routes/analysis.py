"""Analysis endpoints: aggregates by area x period, mechanism indicators, watch areas and alerts."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query

from emberwatch.analysis.aggregates import aggregate
from emberwatch.analysis.alerts import AlertConfig, AlertRule, current_alerts
from emberwatch.analysis.common import Level, Period
from emberwatch.analysis.indicators import get_indicator, indicator_series, indicator_table
from emberwatch.analysis.watch_areas import WatchArea, areas_geojson, load_watch_areas, watch_signals
from emberwatch.codebook import load_codebook
from emberwatch.errors import InputError, NotFoundError
from emberwatch.settings import Settings
from emberwatch.store.queries import aggregate_counts
from emberwatch.web.deps import EventFilterDep, SettingsDep, StoreDep
from emberwatch.web.schemas import (
    MAX_IDS,
    AggregateOut,
    AlertOut,
    IndicatorDefinitionOut,
    IndicatorPointOut,
    WatchAreasOut,
    WatchSignalOut,
    clean,
)

router = APIRouter(prefix="/api", tags=["analysis"])

LevelParam = Annotated[Level, Query(description="Spatial level: all, country, admin1, admin2, h3.")]
PeriodParam = Annotated[Period, Query(description="week or month.")]
H3Param = Annotated[int, Query(ge=0, le=10, description="H3 resolution when level=h3.")]


def _day(value: Any) -> date:
    return value.date() if isinstance(value, datetime) else value


def _ids(value: Any) -> list[str]:
    return [str(v) for v in (clean(value) or [])][:MAX_IDS]


@router.get("/aggregates", response_model=list[AggregateOut])
def aggregates(
    store: StoreDep,
    flt: EventFilterDep,
    level: LevelParam = Level.admin1,
    period: PeriodParam = Period.month,
    h3_resolution: H3Param = 5,
) -> list[AggregateOut]:
    """Events, killed and wounded per area and period for the filtered events (H3 cells: level=h3)."""
    if level is Level.h3:
        frame = aggregate(store, level, period, flt, h3_resolution)
        rows = frame.to_dict(orient="records")
    else:
        rows = aggregate_counts(store, flt, level.value, period.value, MAX_IDS)
    return [
        AggregateOut(
            area=str(r["area"]),
            period=_day(r["period"]),
            events=int(r["events"]),
            imprecise_events=int(r["imprecise_events"]),
            killed=int(r["killed"]),
            killed_high=int(r["killed_high"]),
            wounded=int(r["wounded"]),
            event_ids=_ids(r["event_ids"]),
        )
        for r in rows
    ]


@router.get("/indicators/definitions", response_model=list[IndicatorDefinitionOut])
def indicator_definitions(settings: SettingsDep) -> list[IndicatorDefinitionOut]:
    """The codebook's mechanism indicators."""
    return [
        IndicatorDefinitionOut(
            id=i.id, mechanism=i.mechanism, name=i.name, description=i.description, kind=i.kind.value
        )
        for i in load_codebook(settings.codebook).indicators
    ]


@router.get("/indicators", response_model=list[IndicatorPointOut])
def indicators(
    store: StoreDep,
    settings: SettingsDep,
    flt: EventFilterDep,
    indicator: Annotated[
        list[str] | None, Query(description="Indicator ids (default: all; see /api/indicators/definitions).")
    ] = None,
    level: LevelParam = Level.all,
    period: PeriodParam = Period.month,
) -> list[IndicatorPointOut]:
    """Indicator series by area x period, each value with the events and passages behind it."""
    codebook = load_codebook(settings.codebook)
    wanted = [i for value in indicator or [] for i in value.split(",") if i.strip()]
    for indicator_id in wanted:
        try:
            get_indicator(codebook, indicator_id)
        except NotFoundError as exc:
            raise InputError(f"Invalid filter: indicator: {exc}") from exc
    if len(wanted) == 1:
        frame = indicator_series(store, wanted[0], level, period, flt, codebook)
    else:
        frame = indicator_table(store, level, period, flt, codebook, wanted or None)
    return [
        IndicatorPointOut(
            indicator=str(r["indicator"]),
            area=str(r["area"]),
            period=_day(r["period"]),
            value=clean(r["value"]),
            selected=clean(r["selected"]),
            n=clean(r["n"]),
            event_ids=_ids(r["event_ids"]),
            passage_refs=[str(p) for p in (clean(r["passage_refs"]) or [])][:MAX_IDS],
        )
        for r in frame.to_dict(orient="records")
    ]


def _watch_areas(settings: Settings) -> list[WatchArea]:
    return load_watch_areas(settings.watch_areas) if settings.watch_areas else []


@router.get("/watch-areas", response_model=WatchAreasOut)
def watch_areas(store: StoreDep, settings: SettingsDep, flt: EventFilterDep) -> WatchAreasOut:
    """The configured watch areas (territory a group lost) as GeoJSON, with their return signals."""
    areas = _watch_areas(settings)
    codebook = load_codebook(settings.codebook)
    signals = watch_signals(store, areas, filters=flt, codebook=codebook, include_spread=False) if areas else []
    return WatchAreasOut(
        source=str(settings.watch_areas) if settings.watch_areas else None,
        areas=areas_geojson(areas),
        signals=[WatchSignalOut(**s.model_dump(mode="python")) for s in signals],
    )


@router.get("/alerts", response_model=list[AlertOut])
def alerts(
    store: StoreDep,
    settings: SettingsDep,
    flt: EventFilterDep,
    rule: Annotated[
        list[AlertRule] | None, Query(description="Rules to run: surge, return, spread, changepoint (default all).")
    ] = None,
) -> list[AlertOut]:
    """Current alerts (surges, returns to lost areas, spread, change points), each with its evidence."""
    codebook = load_codebook(settings.codebook)
    config = AlertConfig(rules=rule) if rule else AlertConfig()
    found = current_alerts(store, codebook, _watch_areas(settings), config, filters=flt)
    return [AlertOut(**a.model_dump(mode="python", exclude={"generated_at"})) for a in found]
