"""Rolling-origin backtests of the forecast model against three baselines.

At each origin ``t`` (the last ``max_origins`` periods that leave ``horizon`` periods to score) the model
is refitted on the data up to ``t`` and every area's count at ``t + horizon`` is predicted. Baselines:
**zero** (always 0), **no-change** (the count at ``t``) and **average** (the area's mean over all periods
up to ``t``). Scores: MAE, RMSE, CRPS (for point forecasts CRPS equals the absolute error, so it compares
the model's predictive distribution with the baselines fairly), the model's mean log score, and the
ratio of the mean prediction to the mean actual count. A model that does not beat no-change on MAE is
reported as such.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from pydantic import BaseModel, Field

from emberwatch.analysis.common import Level, Period
from emberwatch.analysis.forecast import (
    ForecastConfig,
    ceiling,
    events_panel,
    features,
    fit_model,
    training_rows,
)
from emberwatch.errors import InputError
from emberwatch.store import Store
from emberwatch.store.queries import EventFilter

MODEL = "negbin_glm"
BASELINES = ("zero", "no_change", "average")


class ScoreRow(BaseModel):
    model: str
    mae: float
    rmse: float
    crps: float
    log_score: float | None = Field(default=None, description="Mean -log p(actual); model only.")
    mean_ratio: float | None = Field(description="Mean prediction / mean actual (None if no events).")
    n: int


class BacktestResult(BaseModel):
    """Scores of the model and baselines, with a plain verdict."""

    level: str
    period: str
    horizon: int
    n_areas: int
    n_origins: int
    first_origin: str
    last_origin: str
    scores: list[ScoreRow]
    beats_no_change: bool
    verdict: str
    notes: list[str] = Field(default_factory=list)

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame([s.model_dump() for s in self.scores])

    def score(self, model: str) -> ScoreRow:
        return next(s for s in self.scores if s.model == model)


def crps_discrete(dist: object, y: np.ndarray) -> np.ndarray:
    """CRPS of discrete predictive distributions on 0, 1, 2, ...: sum_k (F(k) - 1{y <= k})^2."""
    upper = int(max(np.max(y), np.max(dist.ppf(0.99999)))) + 1  # type: ignore[attr-defined]
    k = np.arange(upper + 1)[:, None]
    cdf = dist.cdf(k)  # type: ignore[attr-defined]
    step = (y[None, :] <= k).astype(float)
    return ((cdf - step) ** 2).sum(axis=0)


def _row(name: str, pred: np.ndarray, y: np.ndarray, crps: np.ndarray | None = None,
         log_score: float | None = None) -> ScoreRow:  # fmt: skip
    err = pred - y
    crps = np.abs(err) if crps is None else crps
    mean_actual = float(y.mean())
    return ScoreRow(
        model=name, mae=round(float(np.abs(err).mean()), 4), rmse=round(float(np.sqrt((err**2).mean())), 4),
        crps=round(float(crps.mean()), 4), log_score=None if log_score is None else round(log_score, 4),
        mean_ratio=round(float(pred.mean()) / mean_actual, 4) if mean_actual > 0 else None, n=len(y),
    )  # fmt: skip


def _verdict(scores: list[ScoreRow]) -> tuple[bool, str]:
    model, no_change = scores[0], next(s for s in scores if s.model == "no_change")
    lowest = min(s.mae for s in scores)
    best = ", ".join(s.model for s in scores if s.mae == lowest)
    beats = model.mae < no_change.mae
    if beats:
        gain = 100 * (1 - model.mae / no_change.mae)
        text = f"The model beats no-change on MAE by {gain:.1f}% ({model.mae:g} vs {no_change.mae:g})."
    else:
        text = (
            f"The model does NOT beat no-change on MAE ({model.mae:g} vs {no_change.mae:g}); "
            "prefer the no-change forecast for these series."
        )
    return beats, f"{text} Lowest MAE: {best}."


def backtest_panel(
    panel: pd.DataFrame, config: ForecastConfig | None = None, level: str = "", period: str = ""
) -> BacktestResult:
    """Backtest on a period x area count panel (zeros filled)."""
    config = config or ForecastConfig()
    values = panel.to_numpy(dtype=float)
    n_periods = len(values)
    origins = list(range(config.min_train_periods - 1, n_periods - config.horizon))[-config.max_origins :]
    if not origins:
        raise InputError(
            f"Backtest needs at least {config.min_train_periods + config.horizon} periods, the data has "
            f"{n_periods}; lower min_train_periods or widen the date range/filters."
        )
    feats = features(values, config)
    cumsum = np.cumsum(values, axis=0)
    preds: dict[str, list[np.ndarray]] = {name: [] for name in (MODEL, *BASELINES)}
    actual, crps, logs, notes = [], [], [], set()
    for t in origins:
        y = values[t + config.horizon]
        history = cumsum[t] / (t + 1)
        model = fit_model(*training_rows(feats, values, t, config))
        if model.note:
            notes.add(model.note)
        mu = model.mean(feats[t], history, ceiling(values[: t + 1]))
        dist = model.distribution(mu)
        preds[MODEL].append(mu)
        preds["zero"].append(np.zeros_like(y))
        preds["no_change"].append(values[t])
        preds["average"].append(history)
        actual.append(y)
        crps.append(crps_discrete(dist, y))
        logs.append(-dist.logpmf(y))
    y_all = np.concatenate(actual)
    log_score = float(np.mean(np.concatenate(logs)))
    scores = [_row(MODEL, np.concatenate(preds[MODEL]), y_all, np.concatenate(crps), log_score)]
    scores += [_row(name, np.concatenate(preds[name]), y_all) for name in BASELINES]
    beats, verdict = _verdict(scores)
    index = pd.DatetimeIndex(panel.index)
    return BacktestResult(
        level=level, period=period, horizon=config.horizon, n_areas=values.shape[1], n_origins=len(origins),
        first_origin=str(index[origins[0]].date()), last_origin=str(index[origins[-1]].date()),
        scores=scores, beats_no_change=beats, verdict=verdict, notes=sorted(notes),
    )  # fmt: skip


def backtest(
    store: Store,
    level: Level | str = Level.admin1,
    period: Period | str = Period.month,
    filters: EventFilter | None = None,
    config: ForecastConfig | None = None,
) -> BacktestResult:
    """Rolling-origin backtest of next-period counts per area for the events matching ``filters``."""
    level, period = Level(level), Period(period)
    panel = events_panel(store, level, period, filters)
    if panel.empty:
        raise InputError("No dated events match the filters; nothing to backtest.")
    return backtest_panel(panel, config, level.value, period.value)
