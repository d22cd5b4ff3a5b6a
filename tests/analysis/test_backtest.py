"""Backtests on synthetic series where the right answer is known."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from emberwatch.analysis.backtest import backtest, backtest_panel, crps_discrete
from emberwatch.analysis.forecast import ForecastConfig, fit_model, forecast, forecast_panel
from emberwatch.errors import InputError
from emberwatch.store import Store
from emberwatch.store.queries import EventFilter

from .conftest import MOSUL, AddEvents

MONTHS = pd.date_range("2016-01-01", periods=48, freq="MS")


def test_backtest_constant_series_no_change_is_perfect() -> None:
    panel = pd.DataFrame(3, index=MONTHS, columns=["a", "b"])
    result = backtest_panel(panel)
    no_change, average, zero = result.score("no_change"), result.score("average"), result.score("zero")
    assert (no_change.mae, no_change.rmse, no_change.mean_ratio) == (0.0, 0.0, 1.0)
    assert average.mae == 0.0
    assert (zero.mae, zero.mean_ratio) == (3.0, 0.0)
    assert result.score("negbin_glm").mae == pytest.approx(0.0, abs=1e-3)
    assert not result.beats_no_change  # a tie is not a win, and the verdict says so
    assert "does NOT beat no-change" in result.verdict
    assert result.n_origins == 24 and result.score("zero").n == 48


def test_backtest_poisson_series_average_beats_no_change_and_model_matches() -> None:
    rng = np.random.default_rng(7)
    panel = pd.DataFrame(rng.poisson(4.0, (48, 25)), index=MONTHS)
    result = backtest_panel(panel, ForecastConfig(max_origins=12))
    model, average, no_change = result.score("negbin_glm"), result.score("average"), result.score("no_change")
    assert average.mae < no_change.mae
    assert model.mae <= 1.05 * average.mae
    assert model.crps < no_change.crps
    assert model.mean_ratio == pytest.approx(1.0, abs=0.1)
    assert model.log_score is not None and model.log_score > 0
    assert result.beats_no_change and "beats no-change" in result.verdict


def test_backtest_needs_enough_periods() -> None:
    with pytest.raises(InputError, match="at least 13 periods"):
        backtest_panel(pd.DataFrame(1, index=MONTHS[:10], columns=["a"]))


def test_backtest_crps_of_a_point_mass_is_the_absolute_error() -> None:
    y = np.array([0, 2, 5])
    point = stats.poisson(np.full(3, 1e-12))  # all mass on 0
    assert crps_discrete(point, y).tolist() == pytest.approx([0, 2, 5])
    spread = crps_discrete(stats.poisson(np.full(3, 2.0)), y)
    assert spread[1] < 2  # a distribution centred on the outcome scores better than missing it


def test_backtest_model_falls_back_without_events() -> None:
    model = fit_model(np.zeros((10, 5)), np.zeros(10))
    assert model.params is None and "historical average" in model.note


def test_backtest_forecast_panel_gives_next_period() -> None:
    rng = np.random.default_rng(3)
    panel = pd.DataFrame({"busy": rng.poisson(20, 36), "quiet": rng.poisson(1, 36)}, index=MONTHS[:36])
    frame = forecast_panel(panel, "month")
    assert list(frame["area"]) == ["busy", "quiet"]
    assert (frame["period"] == date(2019, 1, 1)).all()
    busy = frame.iloc[0]
    assert 14 < busy["mean"] < 26 and busy["low"] <= busy["mean"] <= busy["high"]


def test_backtest_and_forecast_from_the_store(store: Store, add_events: AddEvents) -> None:
    rows = []
    for month in range(20):
        for k in range(2 + month % 3):
            day = date(2019, 1, 1) + timedelta(days=int(30.4 * month) + k)
            rows += [{"id": f"a{month}-{k}", "date": day}, {"id": f"b{month}-{k}", "date": day, **MOSUL}]
    add_events(*rows)
    result = backtest(store, "admin1", "month", config=ForecastConfig(min_train_periods=8, max_origins=6))
    assert (result.n_areas, result.n_origins, result.level, result.period) == (2, 6, "admin1", "month")
    assert set(result.frame()["model"]) == {"negbin_glm", "zero", "no_change", "average"}
    assert len(forecast(store, "admin1", "month")) == 2
    with pytest.raises(InputError, match="No dated events"):
        backtest(store, "admin1", "month", EventFilter(country=["LY"]))
