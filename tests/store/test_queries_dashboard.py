"""The dashboard/API read queries of ``store.queries``: SQL aggregates equal the analysis stage's."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from emberwatch.analysis.aggregates import aggregate
from emberwatch.store import Store
from emberwatch.store.queries import (
    EventFilter,
    SortOrder,
    TimelinePeriod,
    aggregate_counts,
    event_facets,
    event_points,
    event_timeline,
    query_event_rows,
    query_events,
)
from emberwatch.testing import events_frame, load_events, synthetic_events


@pytest.fixture
def mixed_store(store: Store) -> Store:
    """Synthetic events plus edge cases: undated, unlocated, month/year precision, a range crossing weeks."""
    load_events(store, synthetic_events(400, seed=3))
    rows = [
        {"id": "x-undated", "date": None, "date_end": None},
        {"id": "x-unlocated", "date": date(2021, 6, 30), "country_code": None, "admin1": None, "admin2": None},
        {"id": "x-month", "date": date(2021, 6, 1), "date_precision": 4, "country_code": "IQ", "admin1": "Kirkuk"},
        {"id": "x-year", "date": date(2021, 1, 1), "date_precision": 5, "country_code": "SY", "admin2": None},
        {"id": "x-range", "date": date(2021, 6, 6), "date_end": date(2021, 6, 9), "date_precision": 2,
         "killed_best": None, "killed_low": 3, "killed_high": None},
    ]  # fmt: skip
    load_events(store, events_frame(rows))
    return store


@pytest.mark.parametrize("level", ["all", "country", "admin1", "admin2"])
@pytest.mark.parametrize("period", ["week", "month"])
def test_queries_aggregate_counts_equal_analysis_aggregate(mixed_store: Store, level: str, period: str) -> None:
    flt = EventFilter(start=date(2019, 1, 1), end=date(2022, 12, 31))
    fast = pd.DataFrame(aggregate_counts(mixed_store, flt, level, period, max_ids=10_000))
    slow = aggregate(mixed_store, level, period, flt)
    assert len(fast) == len(slow)
    for column in ("area", "events", "imprecise_events", "killed", "killed_high", "wounded"):
        assert fast[column].tolist() == slow[column].tolist(), column
    assert [pd.Timestamp(p).date() for p in fast["period"]] == list(slow["period"])
    assert fast["event_ids"].map(list).tolist() == slow["event_ids"].map(list).tolist()


def test_queries_event_rows_match_query_events_for_every_sort(mixed_store: Store) -> None:
    for sort in SortOrder:
        flt = EventFilter(country=["SY"], sort=sort, limit=25, offset=10)
        fast = [r["id"] for r in query_event_rows(mixed_store, flt)]
        assert fast == query_events(mixed_store, flt)["id"].tolist(), sort


def test_queries_timeline_points_and_facets(mixed_store: Store) -> None:
    flt = EventFilter(country=["IQ"])
    timeline = event_timeline(mixed_store, flt, TimelinePeriod.month)
    located = query_events(mixed_store, flt)
    assert int(timeline["events"].sum()) == int(located["date"].notna().sum())
    points = event_points(mixed_store, flt, 5)
    assert len(points) == 5 and all(len(p) == 6 for p in points)
    facets = event_facets(mixed_store, flt)
    assert facets["country_code"]["value"].tolist() == ["IQ"]
    assert int(facets["event_type"]["events"].sum()) == len(located)
