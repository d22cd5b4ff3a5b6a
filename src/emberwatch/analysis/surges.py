"""Surge rule: an area whose count in a period jumps above its recent average.

Rule (docs/analysis.md), with the defaults: an area surges in a week when its count that week is at
least **2x the average of the previous 4 weeks** AND at least **3 events**. When the previous weeks had
no events the ratio test passes and only the minimum applies. Events whose date is too imprecise to
place in one period (see the date-precision rule) are left out of surge counts.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from emberwatch.analysis.aggregates import aggregate_frame, count_panel
from emberwatch.analysis.common import Level, Period, imprecise_for, next_period, period_freq, period_start
from emberwatch.store import Store
from emberwatch.store.analysis import analysis_events
from emberwatch.store.queries import EventFilter


class SurgeRule(BaseModel):
    """A surge rule; every field is configurable (settings file, CLI options or code)."""

    model_config = ConfigDict(extra="forbid")

    period: Period = Field(default=Period.week, description="Length of the compared periods.")
    level: Level = Field(default=Level.admin1, description="Areas compared.")
    baseline_periods: int = Field(default=4, ge=1, le=104, description="Previous periods averaged.")
    ratio: float = Field(default=2.0, gt=0, description="Current count must be >= ratio x baseline average.")
    min_events: int = Field(default=3, ge=1, description="Current count must be at least this.")

    def plain(self) -> str:
        unit = self.period.value
        return (
            f"{self.level.value} area with >= {self.min_events} events in a {unit} and >= {self.ratio:g}x "
            f"the average of the previous {self.baseline_periods} {unit}s"
        )


class Surge(BaseModel):
    area: str
    period_start: date
    period_end: date
    current: int
    baseline: float = Field(description="Average count over the baseline periods.")
    baseline_start: date
    event_ids: list[str]
    rule: str


def _precise(events: pd.DataFrame, period: Period) -> pd.DataFrame:
    dated = events[events["date"].notna()]
    if dated.empty:
        return dated
    return dated[~imprecise_for(dated, period).to_numpy()]


def surges_frame(events: pd.DataFrame, rule: SurgeRule | None = None, periods: list[date] | None = None) -> list[Surge]:
    """Surges in the given period starts (default: every period in the data) for an events frame."""
    rule = rule or SurgeRule()
    agg = aggregate_frame(_precise(events, rule.period), rule.level, rule.period)
    if agg.empty:
        return []
    panel = count_panel(agg, rule.period)
    freq = period_freq(rule.period)
    if periods is not None:
        wanted = [pd.Timestamp(p) for p in periods]
        last = max([panel.index.max(), *wanted])
        panel = panel.reindex(pd.date_range(panel.index.min(), last, freq=freq), fill_value=0)
    else:
        wanted = list(panel.index)
    ids = {(row.area, pd.Timestamp(row.period)): row.event_ids for row in agg.itertuples(index=False)}
    found = []
    for start in wanted:
        first = next_period(start, rule.period, -rule.baseline_periods)
        window = panel.loc[(panel.index >= first) & (panel.index < start)]
        current = panel.loc[start] if start in panel.index else pd.Series(0, index=panel.columns)
        baseline = window.reindex(pd.date_range(first, periods=rule.baseline_periods, freq=freq),
                                  fill_value=0).mean()  # fmt: skip
        for area in panel.columns:
            count = int(current[area])
            if count >= rule.min_events and count >= rule.ratio * float(baseline[area]):
                found.append(
                    Surge(
                        area=str(area),
                        period_start=start.date(),
                        period_end=(next_period(start, rule.period) - pd.Timedelta(days=1)).date(),
                        current=count,
                        baseline=round(float(baseline[area]), 3),
                        baseline_start=first.date(),
                        event_ids=list(ids.get((area, start), [])),
                        rule=rule.plain(),
                    )
                )
    return found


def current_surges(
    store: Store, filters: EventFilter | None = None, rule: SurgeRule | None = None, as_of: date | None = None
) -> list[Surge]:
    """Surges in the period containing ``as_of`` (default: the date of the latest matching event)."""
    rule = rule or SurgeRule()
    events = analysis_events(store, filters)
    dated = events[events["date"].notna()]
    if dated.empty:
        return []
    as_of = as_of or pd.Timestamp(dated["date"].max()).date()
    start = period_start(pd.Series([pd.Timestamp(as_of)]), rule.period).iloc[0]
    return surges_frame(events, rule, [start.date()])
