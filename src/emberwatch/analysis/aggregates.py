"""Counts, killed and wounded by area x period (see docs/analysis.md for the date-precision rule)."""

from __future__ import annotations

import logging

import pandas as pd

from emberwatch.analysis.common import (
    Level,
    Period,
    area_columns,
    imprecise_for,
    period_range,
    period_start,
    with_area,
)
from emberwatch.store import Store
from emberwatch.store.analysis import analysis_events
from emberwatch.store.queries import EventFilter

log = logging.getLogger(__name__)

AGGREGATE_COLUMNS = [
    "area",
    "period",
    "events",
    "imprecise_events",
    "killed",
    "killed_high",
    "wounded",
    "event_ids",
]


def aggregate_frame(
    events: pd.DataFrame, level: Level | str, period: Period | str, h3_resolution: int = 5
) -> pd.DataFrame:
    """Aggregate an events frame (``analysis_events`` columns) by area x period.

    ``killed``/``wounded`` sum the best estimates (the low one where no best is given);
    ``killed_high`` sums the high estimates (falling back to best, then low). Undated events are left
    out (and logged); events without the area at this level go to the ``(unlocated)`` area.
    """
    level, period = Level(level), Period(period)
    dated = events[events["date"].notna()]
    if len(dated) < len(events):
        log.info("aggregate: %d undated event(s) left out", len(events) - len(dated))
    columns = area_columns(level)
    if dated.empty:
        return pd.DataFrame(columns=[*columns, *AGGREGATE_COLUMNS])
    frame = with_area(dated, level, h3_resolution)
    frame["period"] = period_start(frame["date"], period)
    frame["imprecise"] = imprecise_for(frame, period).to_numpy()
    frame["_killed"] = frame["killed_best"].fillna(frame["killed_low"]).fillna(0)
    frame["_killed_high"] = frame["killed_high"].fillna(frame["_killed"]).fillna(0)
    frame["_wounded"] = frame["wounded_best"].fillna(frame["wounded_low"]).fillna(0)
    grouped = frame.groupby(["area", "period"], sort=True, dropna=False)
    out = grouped.agg(
        events=("id", "size"),
        imprecise_events=("imprecise", "sum"),
        killed=("_killed", "sum"),
        killed_high=("_killed_high", "sum"),
        wounded=("_wounded", "sum"),
        event_ids=("id", list),
    ).reset_index()
    firsts = grouped[columns].first().reset_index(drop=True)
    out = pd.concat([firsts, out], axis=1)
    for column in ("events", "imprecise_events", "killed", "killed_high", "wounded"):
        out[column] = out[column].astype(int)
    out["period"] = out["period"].dt.date
    return out[[*columns, *AGGREGATE_COLUMNS]]


def aggregate(
    store: Store,
    level: Level | str = Level.admin1,
    period: Period | str = Period.month,
    filters: EventFilter | None = None,
    h3_resolution: int = 5,
) -> pd.DataFrame:
    """Counts, killed and wounded by area x period for the events matching ``filters``.

    One row per area and period with at least one event; ``imprecise_events`` counts the events whose
    date precision reaches beyond the period they are assigned to (they are included in ``events``).
    """
    return aggregate_frame(analysis_events(store, filters), level, period, h3_resolution)


def count_panel(
    aggregated: pd.DataFrame,
    period: Period | str,
    first: pd.Timestamp | None = None,
    last: pd.Timestamp | None = None,
) -> pd.DataFrame:
    """Events per period (rows, complete range, zeros filled) x area (columns) from ``aggregate``."""
    period = Period(period)
    if aggregated.empty:
        return pd.DataFrame()
    periods = pd.to_datetime(aggregated["period"])
    first = first if first is not None else periods.min()
    last = last if last is not None else periods.max()
    index = period_range(first, last, period)
    table = aggregated.assign(period=periods).pivot_table(
        index="period", columns="area", values="events", aggfunc="sum", fill_value=0
    )
    return table.reindex(index, fill_value=0).astype(int)
