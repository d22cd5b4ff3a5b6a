"""Mechanism indicators (defined in the codebook's ``indicators.yaml``) as per-area/per-period series.

Every row carries the ids of the events behind it (``event_ids``) and, for passage indicators, the
passages (``passage_refs``: ``document:start-end``), so each figure can be traced back to sentences.
Formulas per kind are in docs/analysis.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import numpy as np
import pandas as pd

from emberwatch.analysis.common import (
    Level,
    Period,
    h3_cells,
    haversine_km,
    join_text,
    period_range,
    period_start,
    spherical_centroid,
    with_area,
)
from emberwatch.analysis.passages import Passage, mechanism_passages
from emberwatch.codebook import Codebook, load_codebook
from emberwatch.codebook.indicators_schema import (
    EventFlag,
    EventSelector,
    IndicatorDefinition,
    IndicatorKind,
    SpatialUnit,
)
from emberwatch.errors import CodebookError, NotFoundError
from emberwatch.store import Store
from emberwatch.store.analysis import analysis_events
from emberwatch.store.queries import EventFilter

# the only columns the computations read (grouping narrow frames is several times faster)
_USED_COLUMNS = ["id", "date", "event_type", "sub_type", "mechanisms", "country_code", "admin1", "admin2",
                 "lat", "lon", "location_precision"]  # fmt: skip
SERIES_COLUMNS = ["indicator", "area", "period", "value", "selected", "n", "event_ids", "passage_refs"]

# (event_type, sub_type or None) -> flags that apply
FlagTable = dict[tuple[str, str | None], frozenset[str]]
PassageLookup = Callable[[Sequence[str], Sequence[str]], list[Passage]]


def flag_table(codebook: Codebook) -> FlagTable:
    """Flags of every event type and sub-type (a sub-type's own flag overrides its type's)."""
    table: FlagTable = {}
    for event_type in codebook.event_types:
        base = {f.value for f in EventFlag if getattr(event_type, f.value, False)}
        table[(event_type.id, None)] = frozenset(base)
        for sub in event_type.sub_types:
            flags = set(base)
            for flag in EventFlag:
                own = getattr(sub, flag.value, None)
                if own is True:
                    flags.add(flag.value)
                elif own is False:
                    flags.discard(flag.value)
            table[(event_type.id, sub.id)] = frozenset(flags)
    return table


def get_indicator(codebook: Codebook, indicator_id: str) -> IndicatorDefinition:
    found = next((i for i in codebook.indicators if i.id == indicator_id), None)
    if found is None:
        known = ", ".join(i.id for i in codebook.indicators) or "none"
        raise NotFoundError(f"Unknown indicator '{indicator_id}' (indicators.yaml). Known: {known}")
    return found


def _flag_mask(events: pd.DataFrame, wanted: set[str], flags: FlagTable) -> pd.Series:
    """Events whose (type, sub-type) carries a wanted flag; unknown sub-types fall back to their type."""
    types = events["event_type"].astype(object)
    keys = join_text([types, events["sub_type"]], "/")
    flagged = {f"{t}/{s or ''}" for (t, s), found in flags.items() if wanted & found}
    known = {f"{t}/{s or ''}" for t, s in flags}
    flagged_types = {t for (t, s), found in flags.items() if s is None and wanted & found}
    return keys.isin(flagged) | (~keys.isin(known) & types.isin(flagged_types))


def selector_mask(events: pd.DataFrame, selector: EventSelector, flags: FlagTable) -> pd.Series:
    """Which events a selector matches (any criterion; an empty selector matches all)."""
    if selector.is_empty():
        return pd.Series(True, index=events.index)
    mask = events["event_type"].isin(selector.event_types)
    if selector.sub_types:
        mask |= events["sub_type"].isin(selector.sub_types)
    if selector.flags:
        mask |= _flag_mask(events, {f.value for f in selector.flags}, flags)
    if selector.mechanisms:
        codes = events["mechanisms"].explode()
        hits = codes.isin(selector.mechanisms).groupby(level=0).any()
        mask |= hits.reindex(events.index, fill_value=False)
    return mask.astype(bool)


def _unit_keys(events: pd.DataFrame, definition: IndicatorDefinition) -> pd.Series:
    precision = pd.to_numeric(events["location_precision"], errors="coerce").fillna(1)
    if definition.unit is SpatialUnit.h3:
        return h3_cells(events, definition.h3_resolution, definition.max_location_precision)
    keys = join_text([events["country_code"], events["admin1"], events["admin2"]], "/", missing="?")
    return keys.where(events["admin2"].notna() & (precision <= max(definition.max_location_precision, 3)))


def _located(events: pd.DataFrame, definition: IndicatorDefinition) -> pd.Series:
    """Events with coordinates at least as precise as the indicator's ``max_location_precision``."""
    precision = pd.to_numeric(events["location_precision"], errors="coerce").fillna(1)
    return events["lat"].notna() & events["lon"].notna() & (precision <= definition.max_location_precision)


def _distance(group: pd.DataFrame, kind: IndicatorKind) -> float:
    if group.empty:
        return float("nan")
    lat, lon = group["lat"].to_numpy(float), group["lon"].to_numpy(float)
    c_lat, c_lon = spherical_centroid(lat, lon)
    d = haversine_km(lat, lon, c_lat, c_lon)
    value = np.sqrt(np.mean(d**2)) if kind is IndicatorKind.standard_distance else np.mean(d)
    return round(float(value), 3)


def _new_unit_events(events: pd.DataFrame, definition: IndicatorDefinition, period: Period) -> pd.Series:
    """True for selected events in a unit with no selected event in the N months before their period."""
    units = _unit_keys(events, definition)
    starts = period_start(events["date"], period)
    dates = pd.to_datetime(events["date"])
    lookback = pd.DateOffset(months=definition.lookback_months)
    new = pd.Series(False, index=events.index)
    for _unit, idx in events.index.to_series().groupby(units).groups.items():
        unit_dates = np.sort(dates.loc[idx].to_numpy())
        period_starts = starts.loc[idx]
        before = np.searchsorted(unit_dates, period_starts.to_numpy(), side="left")
        previous = pd.Series(unit_dates[np.maximum(before - 1, 0)], index=idx)
        new.loc[idx] = (before == 0) | (previous < period_starts - lookback).to_numpy()
    return new


def _group_rows(frame: pd.DataFrame, definition: IndicatorDefinition, flags: FlagTable, period: Period) -> pd.DataFrame:
    """One row per area x period of ``frame`` (events already carrying ``area`` and ``period``)."""
    keys = ["area", "period"]
    kind = definition.kind
    selected = selector_mask(frame, definition.select, flags)

    def total(mask: pd.Series) -> pd.Series:
        return mask.groupby([frame["area"], frame["period"]]).sum()

    def per_group(mask: pd.Series, column: pd.Series, how: str | type[list]) -> pd.Series:
        return column[mask].groupby([frame["area"][mask], frame["period"][mask]]).agg(how)

    out = frame.groupby(keys).size().to_frame("_events")
    out["selected"] = total(selected)
    if kind is IndicatorKind.share:
        assert definition.against is not None
        against = selector_mask(frame, definition.against, flags) & ~selected
        out["n"] = out["selected"] + total(against)
        out["value"] = out["selected"] / out["n"].where(out["n"] > 0)
        counted = selected | against
    elif kind is IndicatorKind.count_:
        out["n"], out["value"] = out["_events"], out["selected"].astype(float)
        counted = selected
    elif kind in (IndicatorKind.standard_distance, IndicatorKind.mean_distance):
        counted = selected & _located(frame, definition)
        located = frame[counted]
        distances = located.groupby(keys)[["lat", "lon"]].apply(lambda g: _distance(g, kind)) if len(located) else None
        out["n"], out["value"] = total(counted), distances if distances is not None else float("nan")
    else:  # distinct_areas, new_areas: distinct sub-area units
        units = _unit_keys(frame, definition)
        counted = selected & units.notna()
        if kind is IndicatorKind.new_areas:
            new = pd.Series(False, index=frame.index)
            new[counted] = _new_unit_events(frame[counted], definition, period)
            counted = new
        out["n"], out["value"] = total(counted), per_group(counted, units, "nunique")
    out["value"] = out["value"].astype(float)
    if kind in (IndicatorKind.distinct_areas, IndicatorKind.new_areas):
        out["value"] = out["value"].fillna(0.0)
    ids = per_group(counted, frame["id"], list)
    out["event_ids"] = [ids.get(key, []) for key in out.index]
    return out.drop(columns="_events").reset_index()


def _passage_rows(frame: pd.DataFrame, definition: IndicatorDefinition, lookup: PassageLookup) -> pd.DataFrame:
    passages = lookup(list(frame["id"]), definition.select.mechanisms)
    keys = ["area", "period"]
    out = frame.groupby(keys).size().to_frame("n")
    found = pd.DataFrame({"id": [p.event_id for p in passages], "ref": [p.ref for p in passages]})
    found = found.merge(frame[["id", *keys]], on="id")
    grouped = found.groupby(keys)
    out["value"] = grouped.size().reindex(out.index, fill_value=0).astype(float)
    out["selected"] = grouped["id"].nunique().reindex(out.index, fill_value=0)
    ids = grouped["id"].agg(lambda v: list(dict.fromkeys(v)))
    refs = grouped["ref"].agg(list)
    out["event_ids"] = [ids.get(key, []) for key in out.index]
    out["passage_refs"] = [refs.get(key, []) for key in out.index]
    return out.reset_index()


def indicator_frame(
    events: pd.DataFrame,
    definition: IndicatorDefinition,
    level: Level | str,
    period: Period | str,
    flags: FlagTable,
    passages: PassageLookup | None = None,
    start: date | None = None,
    h3_resolution: int = 5,
) -> pd.DataFrame:
    """Indicator series from an events frame: every area with events x every period in range.

    Periods before ``start`` (history loaded only for look-backs) are dropped. Periods where an area has
    no events get ``value`` 0 for counts and NaN for shares and distances.
    """
    level, period = Level(level), Period(period)
    dated = events[events["date"].notna()]
    if dated.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    frame = with_area(dated[[c for c in _USED_COLUMNS if c in dated.columns]], level, h3_resolution)
    frame["period"] = period_start(frame["date"], period)
    if definition.kind is IndicatorKind.passages:
        if passages is None:
            raise CodebookError(f"indicators.yaml -> {definition.id}: passage indicators need the store")
        rows = _passage_rows(frame, definition, passages)
    else:
        rows = _group_rows(frame, definition, flags, period)
    rows = _complete(rows, frame, definition, period)
    if definition.kind is IndicatorKind.new_areas:
        covered_from = pd.Timestamp(frame["date"].min()) + pd.DateOffset(months=definition.lookback_months)
        rows.loc[rows["period"] < covered_from, "value"] = float("nan")
    if start is not None:
        rows = rows[rows["period"] >= period_start(pd.Series([pd.Timestamp(start)]), period).iloc[0]]
    rows["indicator"] = definition.id
    rows["period"] = pd.to_datetime(rows["period"]).dt.date
    return rows[SERIES_COLUMNS].reset_index(drop=True)


def _complete(rows: pd.DataFrame, frame: pd.DataFrame, definition: IndicatorDefinition, period: Period) -> pd.DataFrame:
    index = pd.MultiIndex.from_product(
        [sorted(frame["area"].unique()), period_range(frame["period"].min(), frame["period"].max(), period)],
        names=["area", "period"],
    )
    full = rows.set_index(["area", "period"]).reindex(index).reset_index()
    empty_value = 0.0 if definition.kind in _COUNT_KINDS else float("nan")
    missing = full["n"].isna()
    full.loc[missing, "value"] = empty_value
    full["selected"] = full["selected"].fillna(0).astype(int)
    full["n"] = full["n"].fillna(0).astype(int)
    for column in ("event_ids", "passage_refs"):
        if column not in full:
            full[column] = None
        full[column] = [v if isinstance(v, list) else [] for v in full[column]]
    return full


_COUNT_KINDS = {
    IndicatorKind.count_,
    IndicatorKind.distinct_areas,
    IndicatorKind.new_areas,
    IndicatorKind.passages,
}


def _history_start(flt: EventFilter, definitions: Sequence[IndicatorDefinition]) -> date | None:
    """How far back to read: ``new_areas`` indicators need their look-back before ``flt.start``."""
    if flt.start is None:
        return None
    months = max((d.lookback_months for d in definitions if d.kind is IndicatorKind.new_areas), default=-1)
    return (pd.Timestamp(flt.start) - pd.DateOffset(months=months + 1)).date() if months >= 0 else flt.start


def _in_range(events: pd.DataFrame, start: date | None) -> pd.DataFrame:
    """Events the filter's ``start`` keeps (same rule as the store: the event may end on/after it)."""
    if start is None:
        return events
    last_day = pd.to_datetime(events["date_end"]).fillna(pd.to_datetime(events["date"]))
    return events[last_day >= pd.Timestamp(start)]


def indicator_table(
    store: Store,
    level: Level | str = Level.all,
    period: Period | str = Period.month,
    filters: EventFilter | None = None,
    codebook: Codebook | None = None,
    indicator_ids: Sequence[str] | None = None,
    h3_resolution: int = 5,
) -> pd.DataFrame:
    """Every (or the chosen) codebook indicator's series stacked in one frame (events read once)."""
    codebook = codebook or load_codebook()
    definitions = [get_indicator(codebook, i) for i in indicator_ids] if indicator_ids else list(codebook.indicators)
    flt = filters or EventFilter()
    history = flt.model_copy(update={"start": _history_start(flt, definitions)})
    events = analysis_events(store, history, [*_USED_COLUMNS, "date_end"])
    events = events.astype({c: object for c in ("id", "event_type", "sub_type", "country_code", "admin1", "admin2")})
    flags = flag_table(codebook)

    def lookup(ids: Sequence[str], mechanisms: Sequence[str]) -> list[Passage]:
        return mechanism_passages(store, ids, mechanisms)

    frames = []
    for definition in definitions:
        own = events if definition.kind is IndicatorKind.new_areas else _in_range(events, flt.start)
        frames.append(indicator_frame(own, definition, level, period, flags, lookup, flt.start, h3_resolution))
    frames = [f for f in frames if not f.empty]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=SERIES_COLUMNS)


def indicator_series(
    store: Store,
    indicator_id: str,
    level: Level | str = Level.all,
    period: Period | str = Period.month,
    filters: EventFilter | None = None,
    codebook: Codebook | None = None,
    h3_resolution: int = 5,
) -> pd.DataFrame:
    """The series of one codebook indicator by area x period, with the events/passages behind each row."""
    codebook = codebook or load_codebook()
    get_indicator(codebook, indicator_id)
    return indicator_table(store, level, period, filters, codebook, [indicator_id], h3_resolution)


def indicator_trends(series: pd.DataFrame, last: int = 6) -> pd.DataFrame:
    """The last ``last`` periods of each indicator x area side by side (one column per period)."""
    if series.empty:
        return pd.DataFrame(columns=["indicator", "area"])
    periods = sorted(series["period"].unique())[-last:]
    recent = series[series["period"].isin(periods)]
    table = recent.pivot_table(
        index=["indicator", "area"], columns="period", values="value", aggfunc="first", dropna=False
    )
    table.columns = [str(c) for c in table.columns]
    order = {i: n for n, i in enumerate(dict.fromkeys(series["indicator"]))}
    table = table.round(2).reset_index()
    return table.sort_values(
        ["indicator", "area"], key=lambda c: c.map(order) if c.name == "indicator" else c, ignore_index=True
    )
