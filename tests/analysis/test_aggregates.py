"""Aggregates by area x period, with the date-precision rule, on hand-built events."""

from __future__ import annotations

from datetime import date

import h3
import pandas as pd
import pytest

from emberwatch.analysis.aggregates import aggregate, count_panel
from emberwatch.analysis.common import UNLOCATED, Level, Period
from emberwatch.analysis.indicators import indicator_series
from emberwatch.analysis.watch_areas import watch_signals
from emberwatch.codebook import Codebook
from emberwatch.store import Store
from emberwatch.store.queries import EventFilter

from .conftest import HAJIN, MOSUL, AddEvents


def test_aggregates_counts_killed_wounded_by_admin1_month(store: Store, add_events: AddEvents) -> None:
    add_events(
        {"date": date(2020, 1, 3), "killed_best": 2, "killed_high": 4, "wounded_best": 1},
        {"date": date(2020, 1, 20), "killed_best": None, "killed_low": 3, "killed_high": None},
        {"date": date(2020, 2, 1), **MOSUL, "killed_best": 5},
    )
    frame = aggregate(store, "admin1", "month")
    rows = {(r.area, r.period): r for r in frame.itertuples()}
    jan = rows[("SY / Deir ez-Zor", date(2020, 1, 1))]
    assert (jan.events, jan.killed, jan.killed_high, jan.wounded) == (2, 5, 7, 1)
    assert sorted(jan.event_ids) == ["e0", "e1"]
    feb = rows[("IQ / Nineveh", date(2020, 2, 1))]
    assert (feb.events, feb.killed, feb.country_code, feb.admin1) == (1, 5, "IQ", "Nineveh")
    assert len(frame) == 2


def test_aggregates_weeks_start_on_monday(store: Store, add_events: AddEvents) -> None:
    add_events({"date": date(2021, 3, 7)}, {"date": date(2021, 3, 8)})  # a Sunday and the next Monday
    frame = aggregate(store, "country", "week")
    assert list(frame["period"]) == [date(2021, 3, 1), date(2021, 3, 8)]
    assert list(frame["events"]) == [1, 1]


@pytest.mark.parametrize(
    ("day", "precision", "date_end", "period", "expected_period", "imprecise"),
    [
        (date(2020, 5, 1), 4, None, "week", date(2020, 4, 27), 1),  # month precision in weeks
        (date(2020, 5, 1), 4, None, "month", date(2020, 5, 1), 0),  # month precision in months
        (date(2020, 5, 28), 3, None, "month", date(2020, 5, 1), 1),  # week reaching into June
        (date(2020, 5, 4), 3, None, "week", date(2020, 5, 4), 0),  # week inside one week
        (date(2020, 3, 1), 5, None, "month", date(2020, 3, 1), 1),  # year precision
        (date(2020, 5, 3), 1, date(2020, 5, 5), "week", date(2020, 4, 27), 1),  # stated range
        (date(2020, 5, 3), 1, None, "week", date(2020, 4, 27), 0),  # exact day
        (date(2020, 1, 1), 5, None, "year", date(2020, 1, 1), 0),  # year precision in years
        (date(2020, 12, 28), 3, None, "year", date(2020, 1, 1), 1),  # week reaching into the next year
    ],
)
def test_aggregates_date_precision_rule(
    store: Store, add_events: AddEvents, day: date, precision: int, date_end: date | None, period: str,
    expected_period: date, imprecise: int,
) -> None:  # fmt: skip
    add_events({"date": day, "date_precision": precision, "date_end": date_end or day})
    frame = aggregate(store, "country", period)
    assert list(frame["period"]) == [expected_period]
    assert list(frame["events"]) == [1]
    assert list(frame["imprecise_events"]) == [imprecise]


def test_aggregates_empty_store_gives_empty_frame(store: Store) -> None:
    frame = aggregate(store, "admin2", "week")
    assert frame.empty
    assert {"area", "period", "events", "event_ids", "admin2"} <= set(frame.columns)


def test_aggregates_unlocated_and_undated_events(store: Store, add_events: AddEvents) -> None:
    add_events({"date": date(2020, 1, 1), "admin1": None}, {"date": None})
    frame = aggregate(store, "admin1", "month")
    assert list(frame["area"]) == [UNLOCATED]
    assert list(frame["events"]) == [1]


def test_aggregates_h3_cells_skip_coarse_locations(store: Store, add_events: AddEvents) -> None:
    add_events({"date": date(2020, 1, 1)}, {"date": date(2020, 1, 2), "location_precision": 6})
    frame = aggregate(store, Level.h3, Period.month, h3_resolution=5)
    expected = h3.latlng_to_cell(35.0196, 40.4513, 5)
    assert dict(zip(frame["area"], frame["events"], strict=True)) == {expected: 1, UNLOCATED: 1}


def test_aggregates_actor_filter_includes_affiliates(store: Store, add_events: AddEvents) -> None:
    add_events(
        {"date": date(2020, 1, 1), "perpetrator_id": "isis-syria"},
        {"date": date(2020, 1, 2), "perpetrator_id": "isis"},
        {"date": date(2020, 1, 3), "perpetrator_id": "hts"},
        {"date": date(2020, 1, 4), "perpetrator_id": "isis", "review_status": "rejected"},
    )
    frame = aggregate(store, "all", "month", EventFilter(actor=["isis"]))
    assert sorted(frame["event_ids"].iloc[0]) == ["e0", "e1"]


def test_aggregates_count_panel_fills_missing_periods(store: Store, add_events: AddEvents) -> None:
    add_events({"date": date(2020, 1, 5)}, {"date": date(2020, 4, 5), **HAJIN})
    panel = count_panel(aggregate(store, "admin2", "month"), "month")
    assert list(panel.index) == list(pd.date_range("2020-01-01", "2020-04-01", freq="MS"))
    assert panel.sum().to_dict() == {
        "SY / Deir ez-Zor / Abu Kamal District": 1,
        "SY / Deir ez-Zor / Al Mayadin District": 1,
    }
    assert panel.to_numpy().sum() == 2


def test_aggregates_columns_that_are_entirely_null(store: Store, add_events: AddEvents, codebook: Codebook) -> None:
    add_events({"date": date(2020, 1, 1), "admin2": None, "sub_type": None}, {"date": date(2020, 9, 1), "admin2": None})
    assert list(aggregate(store, "admin2", "month")["area"]) == [UNLOCATED, UNLOCATED]
    assert list(aggregate(store, "admin1", "month")["area"]) == ["SY / Deir ez-Zor"] * 2
    assert watch_signals(store, []) == []
    units = indicator_series(store, "attack_admin2_units", "country", "month", codebook=codebook)
    assert set(units["value"]) == {0.0}
