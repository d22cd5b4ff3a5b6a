"""Analysis stage: aggregates, mechanism indicators, watch areas, change points, surges, forecasts, alerts."""

from __future__ import annotations

from emberwatch.analysis.aggregates import aggregate, count_panel
from emberwatch.analysis.alerts import Alert, AlertConfig, AlertRule, current_alerts
from emberwatch.analysis.backtest import BacktestResult, backtest
from emberwatch.analysis.changepoints import ChangePoint, ChangePointConfig, changepoints
from emberwatch.analysis.common import Level, Period
from emberwatch.analysis.forecast import ForecastConfig, forecast
from emberwatch.analysis.indicators import indicator_series, indicator_table
from emberwatch.analysis.surges import Surge, SurgeRule, current_surges
from emberwatch.analysis.watch_areas import (
    WatchArea,
    WatchConfig,
    WatchSignal,
    areas_geojson,
    load_watch_areas,
    watch_signals,
)

__all__ = [
    "Alert", "AlertConfig", "AlertRule", "BacktestResult", "ChangePoint", "ChangePointConfig",
    "ForecastConfig", "Level", "Period", "Surge", "SurgeRule", "WatchArea", "WatchConfig", "WatchSignal",
    "aggregate", "areas_geojson", "backtest", "changepoints", "count_panel", "current_alerts",
    "current_surges", "forecast", "indicator_series", "indicator_table", "load_watch_areas", "watch_signals",
]  # fmt: skip
