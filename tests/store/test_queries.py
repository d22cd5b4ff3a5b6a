"""Event and document queries with validated filters."""

from __future__ import annotations

from datetime import date

import pytest

from emberwatch.errors import InputError
from emberwatch.store import Store
from emberwatch.store.queries import EventFilter, build_filter, count_events, query_events
from emberwatch.testing import events_frame, load_events


@pytest.fixture
def seeded(store: Store) -> Store:
    store.execute(
        "INSERT INTO actors VALUES ('isis', 'Islamic State', NULL, 'jihadist_group', NULL, []),"
        " ('isis-syria', 'IS Syria', NULL, 'jihadist_group', 'isis', []),"
        " ('sdf', 'SDF', NULL, 'non_state_armed_group', NULL, [])"
    )
    load_events(
        store,
        events_frame(
            [
                {"id": "a", "date": date(2019, 3, 1), "country_code": "SY", "perpetrator_id": "isis-syria",
                 "mechanisms": ["funding"], "lat": 35.0, "lon": 40.4},
                {"id": "b", "date": date(2020, 6, 1), "country_code": "IQ", "perpetrator_id": "isis",
                 "mechanisms": [], "lat": 36.3, "lon": 43.1},
                {"id": "c", "date": date(2021, 1, 1), "country_code": "SY", "perpetrator_id": "sdf",
                 "mechanisms": ["sleeper_cells"], "review_status": "rejected", "lat": 35.9, "lon": 39.0},
            ]
        ),
    )  # fmt: skip
    return store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["b", "a"]),
        ({"country": ["sy"]}, ["a"]),
        ({"actor": ["isis"]}, ["b", "a"]),
        ({"actor": ["isis-syria"]}, ["a"]),
        ({"mechanism": ["funding"]}, ["a"]),
        ({"start": date(2020, 1, 1)}, ["b"]),
        ({"end": date(2019, 12, 31)}, ["a"]),
        ({"bbox": (39.0, 34.0, 41.0, 36.0)}, ["a"]),
        ({"include_rejected": True}, ["c", "b", "a"]),
        ({"review_status": ["rejected"]}, ["c"]),
    ],
)
def test_queries_event_filters(seeded: Store, filters: dict, expected: list[str]) -> None:
    frame = query_events(seeded, EventFilter(**filters))
    assert list(frame["id"]) == expected
    assert count_events(seeded, EventFilter(**filters)) == len(expected)


def test_queries_invalid_filter_names_the_problem() -> None:
    with pytest.raises(InputError, match="start"):
        build_filter(EventFilter, start=date(2021, 1, 1), end=date(2020, 1, 1))
    with pytest.raises(InputError, match="bbox"):
        build_filter(EventFilter, bbox=(200, 0, 10, 10))
    with pytest.raises(InputError, match="colour"):
        build_filter(EventFilter, colour="red")


def test_queries_pagination(seeded: Store) -> None:
    page = query_events(seeded, EventFilter(limit=1, offset=1, include_rejected=True))
    assert list(page["id"]) == ["b"]


@pytest.mark.parametrize(
    ("q", "expected"),
    [("MAYADIN", ["p"]), ("50%", ["p"]), ("5_%", []), ("الميادين", ["p"]), ("zzz", [])],
)
def test_queries_free_text_is_case_insensitive_and_literal(store: Store, q: str, expected: list[str]) -> None:
    load_events(store, events_frame([{"id": "p", "summary": "Attack in Mayadin (الميادين): 50% of the market burned",
                                      "place_name": "Mayadin"}]))  # fmt: skip
    assert list(query_events(store, EventFilter(q=q))["id"]) == expected
