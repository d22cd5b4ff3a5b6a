"""Change points (PELT) on series with known breaks."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from emberwatch.analysis.changepoints import ChangePointConfig, Direction, changepoints, detect_changepoints
from emberwatch.store import Store

from .conftest import AddEvents

MONTHS = pd.date_range("2020-01-01", periods=24, freq="MS")


def test_changepoints_find_a_step_up() -> None:
    values = np.r_[[2, 3, 2, 1, 2, 3, 2, 2, 3, 2, 1, 2], [10, 11, 9, 10, 12, 10, 9, 11, 10, 10, 11, 9]]
    (found,) = detect_changepoints(pd.Series(values, index=MONTHS), area="x")
    assert found.period == date(2021, 1, 1)
    assert found.direction is Direction.up
    assert (found.before_mean, found.after_mean) == (2.083, 10.167)
    assert (found.before_start, found.after_end) == (date(2020, 1, 1), date(2021, 12, 1))


def test_changepoints_find_a_step_down() -> None:
    values = np.r_[np.full(12, 8), np.full(12, 1)] + np.tile([0, 1], 12)
    (found,) = detect_changepoints(pd.Series(values, index=MONTHS))
    assert found.direction is Direction.down


def test_changepoints_none_in_flat_or_short_series() -> None:
    assert detect_changepoints(pd.Series(np.full(24, 4), index=MONTHS)) == []
    assert detect_changepoints(pd.Series([1, 9, 1], index=MONTHS[:3])) == []
    noisy = pd.Series(np.tile([2, 3, 2, 4], 6), index=MONTHS)
    assert detect_changepoints(noisy) == []


def test_changepoints_penalty_is_configurable() -> None:
    values = pd.Series(np.r_[np.tile([2, 3], 6), np.tile([5, 6], 6)], index=MONTHS)
    assert len(detect_changepoints(values)) == 1
    assert detect_changepoints(values, ChangePointConfig(penalty_factor=100)) == []
    assert detect_changepoints(values, ChangePointConfig(min_change=5)) == []


def test_changepoints_per_area_from_the_store(store: Store, add_events: AddEvents) -> None:
    rows = []
    for month in range(24):
        for k in range(1 if month < 12 else 6):
            rows.append({"id": f"m{month}-{k}", "date": date(2020, 1, 1) + timedelta(days=30.5 * month + k)})
    add_events(*rows)
    found = changepoints(store, config=ChangePointConfig(level="all"))
    assert [(c.area, c.period, c.direction) for c in found] == [("all", date(2021, 1, 1), Direction.up)]
    assert changepoints(store, config=ChangePointConfig(level="all", min_events=10_000)) == []
