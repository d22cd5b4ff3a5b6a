"""Change points in per-area event counts (ruptures PELT).

Rule (docs/analysis.md): PELT with the least-squares (``l2``) cost on the period counts of each area,
penalty ``penalty_factor * sigma^2 * ln(n)`` (a BIC-style penalty; default factor 2), where ``sigma`` is
estimated robustly from the first differences (``1.4826 * MAD(diff) / sqrt(2)``, falling back to the
standard deviation when that is 0). Segments are at least ``min_size`` periods long; a change is
reported only if the mean moves by at least ``min_change`` events per period. Only the latest
``max_periods`` (default 60) periods of each series are searched.
"""

from __future__ import annotations

import logging
from datetime import date
from enum import StrEnum

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from emberwatch.analysis.aggregates import aggregate_frame, count_panel
from emberwatch.analysis.common import Level, Period
from emberwatch.store import Store
from emberwatch.store.analysis import analysis_events
from emberwatch.store.queries import EventFilter

log = logging.getLogger(__name__)


class ChangePointConfig(BaseModel):
    """Parameters of change-point detection."""

    model_config = ConfigDict(extra="forbid")

    period: Period = Field(default=Period.month, description="Series period.")
    level: Level = Field(default=Level.admin1, description="One series per area at this level.")
    penalty_factor: float = Field(default=2.0, gt=0, description="Penalty = factor * sigma^2 * ln(n).")
    min_size: int = Field(default=3, ge=1, description="Shortest segment, in periods.")
    min_change: float = Field(default=1.0, ge=0, description="Smallest change of the mean worth reporting.")
    min_events: int = Field(default=5, ge=0, description="Areas with fewer events in total are skipped.")
    max_periods: int = Field(default=60, ge=4, description="Only the latest periods are searched (PELT is quadratic).")


class Direction(StrEnum):
    up = "up"
    down = "down"


class ChangePoint(BaseModel):
    """The start of a segment whose mean count differs from the previous segment's."""

    area: str
    period: date = Field(description="First period of the new segment.")
    before_mean: float
    after_mean: float
    direction: Direction
    before_start: date
    after_end: date


def _sigma(values: np.ndarray) -> float:
    diffs = np.diff(values)
    if len(diffs):
        mad = float(np.median(np.abs(diffs - np.median(diffs))))
        sigma = 1.4826 * mad / np.sqrt(2)
        if sigma > 0:
            return sigma
    return float(np.std(values))


def detect_changepoints(
    series: pd.Series, config: ChangePointConfig | None = None, area: str = ""
) -> list[ChangePoint]:
    """Change points of one count series indexed by period start."""
    config = config or ChangePointConfig()
    values = series.to_numpy(dtype=float)
    n = len(values)
    if n < 2 * config.min_size:
        return []
    sigma = _sigma(values)
    if sigma == 0:
        return []
    penalty = config.penalty_factor * sigma**2 * np.log(n)
    import ruptures as rpt  # imported here: it takes seconds and most commands never need it

    algo = rpt.Pelt(model="l2", min_size=config.min_size, jump=1).fit(values.reshape(-1, 1))
    breaks = [0, *algo.predict(pen=penalty)]
    periods = [pd.Timestamp(p).date() for p in series.index]
    found = []
    for i in range(1, len(breaks) - 1):
        before = values[breaks[i - 1] : breaks[i]]
        after = values[breaks[i] : breaks[i + 1]]
        change = float(after.mean() - before.mean())
        if abs(change) < config.min_change:
            continue
        found.append(
            ChangePoint(
                area=area,
                period=periods[breaks[i]],
                before_mean=round(float(before.mean()), 3),
                after_mean=round(float(after.mean()), 3),
                direction=Direction.up if change > 0 else Direction.down,
                before_start=periods[breaks[i - 1]],
                after_end=periods[breaks[i + 1] - 1],
            )
        )
    return found


def changepoints_frame(events: pd.DataFrame, config: ChangePointConfig | None = None) -> list[ChangePoint]:
    """Change points of every area's count series (areas with fewer than ``min_events`` are skipped)."""
    config = config or ChangePointConfig()
    panel = count_panel(aggregate_frame(events, config.level, config.period), config.period).tail(config.max_periods)
    found: list[ChangePoint] = []
    for area in panel.columns:
        if panel[area].sum() >= config.min_events:
            found += detect_changepoints(panel[area], config, str(area))
    return sorted(found, key=lambda c: (c.period, c.area))


def changepoints(
    store: Store, filters: EventFilter | None = None, config: ChangePointConfig | None = None
) -> list[ChangePoint]:
    """Change points in the counts of the events matching ``filters``, per area."""
    return changepoints_frame(analysis_events(store, filters), config)
