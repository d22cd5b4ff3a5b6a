"""Current alerts: surges, returns to lost areas, spread to new areas and upward change points.

Each alert states its rule in plain words, the window, the baseline and current figures, and the ids of
the events behind it. "Current" is relative to ``as_of`` (default: the date of the latest matching
event, so a historical corpus still shows its latest picture): surges in the period containing
``as_of``; returns, spreads and change points that started within ``lookback_days`` before it.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from emberwatch.analysis.changepoints import ChangePointConfig, Direction, changepoints_frame
from emberwatch.analysis.common import period_start
from emberwatch.analysis.surges import SurgeRule, surges_frame
from emberwatch.analysis.watch_areas import (
    SignalKind,
    WatchArea,
    WatchConfig,
    WatchSignal,
    actor_families,
    return_signals,
    spread_signals,
)
from emberwatch.codebook import Codebook
from emberwatch.store import Store
from emberwatch.store.analysis import analysis_events
from emberwatch.store.queries import EventFilter

log = logging.getLogger(__name__)


class AlertRule(StrEnum):
    surge = "surge"
    return_ = "return"
    spread = "spread"
    changepoint = "changepoint"


class AlertConfig(BaseModel):
    """Which rules run and with which parameters."""

    model_config = ConfigDict(extra="forbid")

    as_of: date | None = Field(default=None, description="Reference date; default the latest event's date.")
    lookback_days: int = Field(default=90, ge=1, description="Signals starting this recently are current.")
    surge: SurgeRule = Field(default_factory=SurgeRule)
    watch: WatchConfig = Field(default_factory=WatchConfig)
    changepoint: ChangePointConfig = Field(default_factory=ChangePointConfig)
    rules: list[AlertRule] = Field(default_factory=lambda: list(AlertRule), description="Rules to run.")


class Alert(BaseModel):
    """One alert with the rule that fired, its figures and its evidence."""

    id: str = Field(description="Stable id: hash of rule, area and window start.")
    rule_id: AlertRule
    rule: str = Field(description="The rule in plain words.")
    area: str
    window_start: date
    window_end: date
    baseline: float
    baseline_label: str
    current: float
    current_label: str
    event_ids: list[str]
    summary: str
    generated_at: datetime


def _alert_id(rule: AlertRule, area: str, start: date) -> str:
    return hashlib.sha1(f"{rule.value}|{area}|{start.isoformat()}".encode()).hexdigest()[:12]


def _make(rule_id: AlertRule, area: str, start: date, end: date, **fields: object) -> Alert:
    return Alert(
        id=_alert_id(rule_id, area, start), rule_id=rule_id, area=area, window_start=start, window_end=end,
        generated_at=datetime.now(UTC), **fields,  # type: ignore[arg-type]
    )  # fmt: skip


def _signal_alert(signal: WatchSignal) -> Alert:
    rule = AlertRule.return_ if signal.kind is SignalKind.return_ else AlertRule.spread
    if signal.quiet_days is not None:
        quiet = f"{signal.quiet_days} days without events since {signal.quiet_since}"
    else:
        quiet = "no earlier events in the data"
    if rule is AlertRule.return_:
        lost = f" (lost on {signal.lost_on})" if signal.lost_on else ""
        summary = f"Renewed activity in {signal.area}{lost} from {signal.started} after {quiet}."
    else:
        summary = f"Activity spread to {signal.area} from {signal.started} after {quiet}."
    return _make(
        rule, signal.area, signal.started, signal.ended, rule=signal.rule, baseline=0.0,
        baseline_label=quiet, current=float(signal.n_events),
        current_label=f"events from {signal.started} to {signal.ended}", event_ids=signal.event_ids,
        summary=summary,
    )  # fmt: skip


def _surge_alerts(events: pd.DataFrame, rule: SurgeRule, as_of: date) -> list[Alert]:
    start = period_start(pd.Series([pd.Timestamp(as_of)]), rule.period).iloc[0].date()
    alerts = []
    for surge in surges_frame(events, rule, [start]):
        alerts.append(
            _make(
                AlertRule.surge,
                surge.area,
                surge.period_start,
                surge.period_end,
                rule=surge.rule,
                baseline=surge.baseline,
                baseline_label=f"average per {rule.period.value} over the {rule.baseline_periods} before",
                current=float(surge.current),
                current_label=f"events in the {rule.period.value}",
                event_ids=surge.event_ids,
                summary=f"{surge.area}: {surge.current} events in the {rule.period.value} from "
                f"{surge.period_start}, against an average of {surge.baseline:g}.",
            )
        )
    return alerts


def _changepoint_alerts(events: pd.DataFrame, config: ChangePointConfig, since: date) -> list[Alert]:
    alerts = []
    for cp in changepoints_frame(events, config):
        if cp.direction is not Direction.up or cp.period < since:
            continue
        rule = (
            f"upward change point in {config.period.value}ly counts (PELT, l2 cost, penalty "
            f"{config.penalty_factor:g} x sigma^2 x ln n)"
        )
        alerts.append(
            _make(
                AlertRule.changepoint,
                cp.area,
                cp.period,
                cp.after_end,
                rule=rule,
                baseline=cp.before_mean,
                baseline_label=f"mean per {config.period.value}, {cp.before_start} to {cp.period}",
                current=cp.after_mean,
                current_label=f"mean per {config.period.value} since {cp.period}",
                event_ids=[],
                summary=f"{cp.area}: activity level rose from {cp.before_mean:g} to "
                f"{cp.after_mean:g} events per {config.period.value} from {cp.period}.",
            )
        )
    return alerts


def current_alerts(
    store: Store,
    codebook: Codebook | None = None,
    watch_areas: list[WatchArea] | None = None,
    config: AlertConfig | None = None,
    filters: EventFilter | None = None,
) -> list[Alert]:
    """Every current alert for the events matching ``filters``, newest window first."""
    config = config or AlertConfig()
    flt = (filters or EventFilter()).model_copy(update={"start": None})
    events = analysis_events(store, flt)
    dated = events[events["date"].notna()]
    if dated.empty:
        return []
    as_of = config.as_of or pd.Timestamp(dated["date"].max()).date()
    events = events[events["date"].isna() | (pd.to_datetime(events["date"]) <= pd.Timestamp(as_of))]
    since = as_of - timedelta(days=config.lookback_days)
    alerts: list[Alert] = []
    if AlertRule.surge in config.rules:
        alerts += _surge_alerts(events, config.surge, as_of)
    signals: list[WatchSignal] = []
    if AlertRule.return_ in config.rules and watch_areas:
        signals += return_signals(events, watch_areas, config.watch, actor_families(store, codebook, watch_areas))
    if AlertRule.spread in config.rules:
        signals += spread_signals(events, config.watch)
    alerts += [_signal_alert(s) for s in signals if s.started >= since]
    if AlertRule.changepoint in config.rules:
        alerts += _changepoint_alerts(events, config.changepoint, since)
    log.info("alerts as of %s: %d", as_of, len(alerts))
    return sorted(alerts, key=lambda a: (a.window_start, a.rule_id.value, a.area), reverse=True)
