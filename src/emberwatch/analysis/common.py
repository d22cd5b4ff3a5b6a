"""Building blocks shared by the analysis modules: levels, periods, area keys, distances.

Date-precision rule (docs/analysis.md): an event belongs to the period containing its ``date`` (the
first day it may have happened). Its *implied end* is the later of ``date_end`` and the end of its
precision (precision 2: +5 days, 3: +6 days, 4: end of the month, 5: end of the year). When the implied
end falls in a later period than ``date``, the event is counted but also flagged ``imprecise``.
"""

from __future__ import annotations

from enum import StrEnum

import h3
import numpy as np
import pandas as pd

from emberwatch.errors import InputError

EARTH_RADIUS_KM = 6371.0088
UNLOCATED = "(unlocated)"
AREA_SEPARATOR = " / "


class Level(StrEnum):
    """Spatial level of aggregation (``all``: one area covering every event)."""

    all = "all"
    country = "country"
    admin1 = "admin1"
    admin2 = "admin2"
    h3 = "h3"


class Period(StrEnum):
    """Time period of aggregation (weeks start on Monday)."""

    week = "week"
    month = "month"
    year = "year"


def period_start(dates: pd.Series, period: Period) -> pd.Series:
    """First day of the week (Monday), month or year containing each date (NaT stays NaT)."""
    ts = pd.to_datetime(dates)
    if period is Period.week:
        return (ts - pd.to_timedelta(ts.dt.day_of_week, unit="D")).dt.normalize()
    return ts.dt.to_period("M" if period is Period.month else "Y").dt.start_time


def next_period(start: pd.Timestamp, period: Period, steps: int = 1) -> pd.Timestamp:
    if period is Period.week:
        return start + pd.Timedelta(weeks=steps)
    return start + pd.DateOffset(months=steps if period is Period.month else 12 * steps)


def period_range(first: pd.Timestamp, last: pd.Timestamp, period: Period) -> pd.DatetimeIndex:
    """Every period start from ``first`` to ``last`` inclusive."""
    return pd.date_range(first, last, freq=period_freq(period))


def period_freq(period: Period) -> str:
    """pandas frequency of period starts."""
    return {Period.week: "W-MON", Period.month: "MS", Period.year: "YS"}[period]


def implied_end(frame: pd.DataFrame) -> pd.Series:
    """The last day each event may have happened, from ``date_end`` and ``date_precision``."""
    start = pd.to_datetime(frame["date"])
    stated = pd.to_datetime(frame["date_end"]).fillna(start)
    precision = pd.to_numeric(frame["date_precision"], errors="coerce").fillna(1).astype(int)
    by_precision = start.copy()
    by_precision[precision == 2] = start[precision == 2] + pd.Timedelta(days=5)
    by_precision[precision == 3] = start[precision == 3] + pd.Timedelta(days=6)
    month = precision == 4
    by_precision[month] = start[month].dt.to_period("M").dt.end_time.dt.normalize()
    year = precision >= 5
    by_precision[year] = start[year].dt.to_period("Y").dt.end_time.dt.normalize()
    return pd.concat([stated, by_precision], axis=1).max(axis=1)


def imprecise_for(frame: pd.DataFrame, period: Period) -> pd.Series:
    """True where an event's implied date range reaches beyond the period containing its date."""
    if frame.empty:
        return pd.Series(dtype=bool)
    return period_start(implied_end(frame), period) != period_start(frame["date"], period)


def area_columns(level: Level) -> list[str]:
    return {
        Level.all: [],
        Level.country: ["country_code"],
        Level.admin1: ["country_code", "admin1"],
        Level.admin2: ["country_code", "admin1", "admin2"],
        Level.h3: ["h3"],
    }[level]


def h3_cells(frame: pd.DataFrame, resolution: int, max_location_precision: int = 3) -> pd.Series:
    """H3 cell of each event located at least as precisely as ``max_location_precision``, else None."""
    if not 0 <= resolution <= 15:
        raise InputError(f"H3 resolution must be 0..15, got {resolution}.")
    precision = pd.to_numeric(frame["location_precision"], errors="coerce").fillna(1)
    ok = frame["lat"].notna() & frame["lon"].notna() & (precision <= max_location_precision)
    cells = [
        h3.latlng_to_cell(float(lat), float(lon), resolution) if good else None
        for lat, lon, good in zip(frame["lat"], frame["lon"], ok, strict=True)
    ]
    return pd.Series(cells, index=frame.index, dtype=object)


def with_area(frame: pd.DataFrame, level: Level, h3_resolution: int = 5) -> pd.DataFrame:
    """Add an ``area`` label column (``SY / Deir ez-Zor``, an H3 cell, or ``(unlocated)``)."""
    out = frame.copy()
    if level is Level.h3:
        out["h3"] = h3_cells(out, h3_resolution)
    if level is Level.all:
        out["area"] = "all"
        return out
    columns = area_columns(level)
    complete = out[columns].notna().all(axis=1)
    out["area"] = join_text([out[c] for c in columns], AREA_SEPARATOR).where(complete, UNLOCATED)
    return out


def join_text(parts: list[pd.Series], sep: str, missing: str = "") -> pd.Series:
    """Row-wise ``sep.join`` of text columns of any dtype (missing values become ``missing``)."""
    columns = [[missing if v is None or v is pd.NA or v != v else str(v) for v in p.to_numpy(object)] for p in parts]
    return pd.Series([sep.join(row) for row in zip(*columns, strict=True)], index=parts[0].index, dtype=object)


def haversine_km(lat1: np.ndarray, lon1: np.ndarray, lat2: float, lon2: float) -> np.ndarray:
    """Great-circle distance in km from each point to one point."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dlat = p2 - p1
    dlon = np.radians(lon2) - np.radians(lon1)
    a = np.sin(dlat / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def spherical_centroid(lat: np.ndarray, lon: np.ndarray) -> tuple[float, float]:
    """Centroid of points on the sphere (mean of unit vectors)."""
    la, lo = np.radians(lat), np.radians(lon)
    x, y, z = (np.cos(la) * np.cos(lo)).mean(), (np.cos(la) * np.sin(lo)).mean(), np.sin(la).mean()
    return float(np.degrees(np.arctan2(z, np.hypot(x, y)))), float(np.degrees(np.arctan2(y, x)))
