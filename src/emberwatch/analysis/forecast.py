"""Next-period event counts per area: a negative binomial regression on lagged counts.

Model (docs/analysis.md): for each area and period ``t`` the count ``h`` periods ahead is negative
binomial with log mean ``b0 + b1 log1p(y_t) + b2 log1p(y_t-1) + b3 log1p(y_t-2) + b4 log1p(mean of the
last 6) + b5 log1p(mean of all periods so far)``, pooled over areas. The dispersion ``alpha`` is
estimated from a Poisson fit by the Cameron-Trivedi auxiliary regression; alpha <= 0 gives a Poisson
model. Predicted means are capped at twice the area's largest count so far (at least 1), so that a
pooled fit dominated by a few busy areas cannot explode on a quiet one. If the fit fails (e.g. a
degenerate design), the forecast falls back to the historical average and says so.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from emberwatch.analysis.aggregates import aggregate_frame, count_panel
from emberwatch.analysis.common import Level, Period, next_period
from emberwatch.errors import InputError
from emberwatch.store import Store
from emberwatch.store.analysis import analysis_events
from emberwatch.store.queries import EventFilter

log = logging.getLogger(__name__)

MIN_ALPHA = 1e-6


class ForecastConfig(BaseModel):
    """Parameters shared by forecasts and backtests."""

    model_config = ConfigDict(extra="forbid")

    horizon: int = Field(default=1, ge=1, le=24, description="Periods ahead.")
    lags: int = Field(default=3, ge=1, le=12, description="Lagged counts used as features.")
    window: int = Field(default=6, ge=2, le=52, description="Periods in the recent-mean feature.")
    min_train_periods: int = Field(default=12, ge=2, description="Periods observed before the first origin.")
    max_origins: int = Field(default=24, ge=1, le=500, description="Most recent origins backtested.")
    interval: float = Field(default=0.8, gt=0, lt=1, description="Central predictive interval reported.")


def features(panel: np.ndarray, config: ForecastConfig) -> np.ndarray:
    """Feature array (periods x areas x features) known at the end of each period."""
    periods, areas = panel.shape
    padded = np.vstack([np.zeros((config.lags, areas)), panel])
    lagged = [padded[config.lags - j : config.lags - j + periods] for j in range(config.lags)]
    cumsum = np.cumsum(np.vstack([np.zeros((1, areas)), panel]), axis=0)
    idx = np.arange(periods)
    lo = np.maximum(idx + 1 - config.window, 0)
    recent = (cumsum[idx + 1] - cumsum[lo]) / (idx + 1 - lo)[:, None]
    history = cumsum[idx + 1] / (idx + 1)[:, None]
    return np.log1p(np.stack([*lagged, recent, history], axis=-1))


@dataclass(frozen=True)
class FittedModel:
    """A fitted count model: coefficients and dispersion (``alpha`` 0 = Poisson), or a fallback."""

    params: np.ndarray | None
    alpha: float
    note: str = ""

    def mean(self, x: np.ndarray, history_mean: np.ndarray, ceiling: np.ndarray | None = None) -> np.ndarray:
        """Predicted means, capped at ``ceiling`` (twice each area's largest count so far, at least 1)."""
        if self.params is None:
            return history_mean
        design = np.column_stack([np.ones(len(x)), x])
        mu = np.exp(np.clip(design @ self.params, -30, 12))
        return mu if ceiling is None else np.minimum(mu, ceiling)

    def distribution(self, mu: np.ndarray) -> Any:
        """Frozen scipy predictive distribution (Poisson when alpha is 0)."""
        from scipy import stats

        mu = np.maximum(mu, 1e-9)
        if self.alpha <= MIN_ALPHA:
            return stats.poisson(mu)
        size = 1.0 / self.alpha
        return stats.nbinom(size, size / (size + mu))


def fit_model(x: np.ndarray, y: np.ndarray) -> FittedModel:
    """Fit the negative binomial GLM (alpha from a Poisson fit); fall back to the average on failure."""
    if len(y) == 0 or not np.any(y > 0):
        return FittedModel(None, 0.0, "no events in the training data: historical average used")
    import statsmodels.api as sm  # imported here: slow to import, only forecasts need it

    design = np.column_stack([np.ones(len(x)), x])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            poisson = sm.GLM(y, design, family=sm.families.Poisson()).fit()
            mu = poisson.mu
            aux = ((y - mu) ** 2 - y) / np.maximum(mu, 1e-9)
            alpha = float(np.dot(mu, aux) / max(np.dot(mu, mu), 1e-12))
            if alpha <= MIN_ALPHA:
                return FittedModel(np.asarray(poisson.params), 0.0)
            nb = sm.GLM(y, design, family=sm.families.NegativeBinomial(alpha=alpha)).fit()
            params = np.asarray(nb.params)
    except (np.linalg.LinAlgError, ValueError, FloatingPointError) as exc:
        log.warning("forecast model fit failed (%s); using the historical average", exc)
        return FittedModel(None, 0.0, f"model fit failed ({exc}): historical average used")
    if not np.all(np.isfinite(params)):
        return FittedModel(None, 0.0, "model fit diverged: historical average used")
    return FittedModel(params, alpha)


def ceiling(observed: np.ndarray) -> np.ndarray:
    """Largest believable mean per area: twice its largest count so far, and at least 1."""
    return np.maximum(2 * observed.max(axis=0), 1.0)


def training_rows(
    feats: np.ndarray, panel: np.ndarray, last: int, config: ForecastConfig
) -> tuple[np.ndarray, np.ndarray]:
    """(X, y) pairs whose target period is at most ``last`` (features at s, target at s + horizon)."""
    ends = range(0, last - config.horizon + 1)
    if not ends:
        return np.empty((0, feats.shape[-1])), np.empty(0)
    x = np.concatenate([feats[s] for s in ends])
    y = np.concatenate([panel[s + config.horizon] for s in ends])
    return x, y


class ForecastRow(BaseModel):
    area: str
    period: str = Field(description="Start of the forecast period (ISO date).")
    mean: float
    low: int
    high: int


def forecast_panel(panel: pd.DataFrame, period: Period | str, config: ForecastConfig | None = None) -> pd.DataFrame:
    """Forecast ``horizon`` periods past the panel's last period for every area (mean and interval)."""
    config = config or ForecastConfig()
    if panel.empty or len(panel) <= config.horizon:
        raise InputError(
            f"Not enough periods to forecast {config.horizon} ahead (have {len(panel)}); widen the filters."
        )
    values = panel.to_numpy(dtype=float)
    feats = features(values, config)
    model = fit_model(*training_rows(feats, values, len(values) - 1, config))
    history = values.mean(axis=0)
    mu = model.mean(feats[-1], history, ceiling(values))
    dist = model.distribution(mu)
    tail = (1 - config.interval) / 2
    target = next_period(pd.Timestamp(panel.index[-1]), Period(period), config.horizon)
    return pd.DataFrame(
        {
            "area": [str(c) for c in panel.columns],
            "period": target.date(),
            "mean": mu.round(3),
            "low": dist.ppf(tail).astype(int),
            "high": dist.ppf(1 - tail).astype(int),
        }
    ).sort_values("mean", ascending=False, ignore_index=True)


def events_panel(
    store: Store, level: Level | str, period: Period | str, filters: EventFilter | None = None
) -> pd.DataFrame:
    """Complete period x area count panel for the events matching ``filters``."""
    return count_panel(aggregate_frame(analysis_events(store, filters), level, period), period)


def forecast(
    store: Store,
    level: Level | str = Level.admin1,
    period: Period | str = Period.month,
    filters: EventFilter | None = None,
    config: ForecastConfig | None = None,
) -> pd.DataFrame:
    """Next-period (``horizon`` ahead) count forecasts per area, largest first."""
    return forecast_panel(events_panel(store, level, period, filters), period, config)
