"""Watch-area files and the return / spread rules on hand-built events."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from emberwatch.analysis.watch_areas import (
    SignalKind,
    WatchArea,
    WatchConfig,
    areas_geojson,
    load_watch_areas,
    watch_signals,
)
from emberwatch.codebook import Codebook
from emberwatch.errors import InputError
from emberwatch.store import Store

from .conftest import HAJIN, MOSUL, AddEvents

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "watch-areas"
MAYADIN_AREA = WatchArea(id="mayadin", name="Mayadin", actor="isis", lost_on=date(2017, 10, 14),
                         lat=35.0196, lon=40.4513, radius_km=10)  # fmt: skip


def test_watch_areas_example_files_load() -> None:
    from_yaml = load_watch_areas(EXAMPLE / "isis-lost-areas-2016-2019.yaml")
    from_geojson = load_watch_areas(EXAMPLE / "isis-lost-areas-2016-2019.geojson")
    assert len(from_yaml) == len(from_geojson) >= 15
    assert [a.id for a in from_yaml] == [a.id for a in from_geojson]
    assert all(a.lost_on and date(2016, 1, 1) <= a.lost_on <= date(2019, 12, 31) for a in from_yaml)
    assert {"mosul", "raqqa", "sirte", "baghuz", "hawija", "manbij"} <= {a.id for a in from_yaml}
    mosul = next(a for a in from_geojson if a.id == "mosul")
    assert mosul.contains(np.array([36.34, 36.70]), np.array([43.12, 43.12])).tolist() == [True, False]


def test_watch_areas_place_list_radius(tmp_path: Path) -> None:
    path = tmp_path / "areas.yaml"
    path.write_text("areas:\n  - {name: Hajin Town, lat: 34.6963, lon: 40.8305, radius_km: 5, lost_on: 2018-12-14}\n")
    (area,) = load_watch_areas(path)
    assert (area.id, area.lost_on, area.actor) == ("hajin-town", date(2018, 12, 14), None)
    # 0.04 degrees of latitude is about 4.4 km, 0.05 about 5.6 km
    assert area.contains(np.array([34.7363, 34.7463]), np.array([40.8305, 40.8305])).tolist() == [True, False]


def test_watch_areas_geojson_polygon(tmp_path: Path) -> None:
    square = [[[40.0, 34.0], [41.0, 34.0], [41.0, 35.0], [40.0, 35.0], [40.0, 34.0]]]
    feature = {"type": "Feature", "properties": {"name": "Box", "lost_on": "2019-03-23", "actor": "isis"},
               "geometry": {"type": "Polygon", "coordinates": square}}  # fmt: skip
    path = tmp_path / "box.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    (area,) = load_watch_areas(path)
    assert area.contains(np.array([34.5, 35.5]), np.array([40.5, 40.5])).tolist() == [True, False]
    assert areas_geojson([area])["features"][0]["geometry"]["type"] == "Polygon"


@pytest.mark.parametrize(
    ("content", "suffix", "message"),
    [
        ("areas:\n  - {name: X, lat: 1, lon: 2}\n", ".yaml", "radius_km"),
        ("areas:\n  - {name: X, radius_km: 3}\n", ".yaml", "lat and lon, or a geonames_id"),
        ("areas:\n  - {name: X, lat: 1, lon: 2, radius_km: 3, lost_on: someday}\n", ".yaml", "lost_on"),
        (
            "areas:\n  - {name: X, lat: 1, lon: 2, radius_km: 3}\n  - {name: X, lat: 1, lon: 2, radius_km: 3}\n",
            ".yaml",
            "duplicate area ids x",
        ),
        (
            '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "L"}, '
            '"geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}}]}',
            ".geojson",
            "Polygon",
        ),
        ("just text", ".yaml", "expected a GeoJSON FeatureCollection"),
        ("{not json", ".geojson", "Cannot read"),
    ],
)
def test_watch_areas_bad_files_say_what_is_wrong(tmp_path: Path, content: str, suffix: str, message: str) -> None:
    path = tmp_path / f"areas{suffix}"
    path.write_text(content)
    with pytest.raises(InputError, match=message):
        load_watch_areas(path)


def test_watch_areas_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_watch_areas(tmp_path / "nope.yaml")


def test_watch_areas_return_after_quiet_period(store: Store, add_events: AddEvents, codebook: Codebook) -> None:
    add_events(
        {"date": date(2017, 6, 1)},  # before the loss: ignored
        {"date": date(2017, 11, 1)},  # soon after the loss: continuing activity, not a return
        {"date": date(2018, 7, 2), "perpetrator_id": "isis-syria"},  # 8 quiet months: return (affiliate)
        {"date": date(2018, 7, 20)},  # same episode
        {"date": date(2018, 8, 1), "perpetrator_id": "hts"},  # another group: ignored
        {"date": date(2018, 8, 2), **HAJIN},  # outside the area: ignored
        {"date": date(2018, 9, 1), "date_precision": 5},  # year precision: cannot show a quiet period
        {"date": date(2019, 6, 1), "location_precision": 4},  # province precision: not placed in the area
    )
    signals = watch_signals(store, [MAYADIN_AREA], WatchConfig(quiet_months=6), codebook=codebook,
                            include_spread=False)  # fmt: skip
    assert len(signals) == 1
    (signal,) = signals
    assert signal.kind is SignalKind.return_
    assert (signal.started, signal.ended, signal.quiet_since) == (
        date(2018, 7, 2),
        date(2018, 7, 20),
        date(2017, 11, 1),
    )
    assert signal.quiet_days == 243
    assert signal.event_ids == ["e2", "e3"]
    assert signal.n_events == 2


def test_watch_areas_first_event_after_loss_can_be_a_return(store: Store, add_events: AddEvents) -> None:
    add_events({"date": date(2018, 5, 1)})  # 6.5 months after the loss, nothing in between
    (signal,) = watch_signals(store, [MAYADIN_AREA], include_spread=False)
    assert (signal.quiet_since, signal.started) == (date(2017, 10, 14), date(2018, 5, 1))


def test_watch_areas_no_return_when_activity_never_stops(store: Store, add_events: AddEvents) -> None:
    add_events(*[{"date": date(2017, 11, 1 + i)} for i in range(3)], {"date": date(2018, 3, 1)})
    assert watch_signals(store, [MAYADIN_AREA], include_spread=False) == []
    assert watch_signals(store, [], include_spread=False) == []


def test_watch_areas_empty_store(store: Store) -> None:
    assert watch_signals(store, [MAYADIN_AREA]) == []


def test_watch_areas_spread_to_units_quiet_for_months(store: Store, add_events: AddEvents) -> None:
    add_events(
        {"date": date(2019, 1, 5)},  # the data starts: Mayadin is not "new"
        {"date": date(2019, 2, 5), **HAJIN},  # within the first 6 months: no history to judge
        {"date": date(2019, 9, 1), **MOSUL},  # Mosul, 8 months into the data: spread
        {"date": date(2019, 9, 3), **MOSUL},
        {"date": date(2019, 10, 1)},  # Mayadin after 9 quiet months: spread again
    )
    signals = watch_signals(store, [], WatchConfig(spread_months=6))
    found = {(s.area, s.started, s.n_events) for s in signals}
    assert found == {
        ("Mosul District, Nineveh (IQ)", date(2019, 9, 1), 2),
        ("Al Mayadin District, Deir ez-Zor (SY)", date(2019, 10, 1), 1),
    }
    assert all(s.kind is SignalKind.spread for s in signals)
    recent = watch_signals(store, [], WatchConfig(spread_months=6, since=date(2019, 9, 15)))
    assert [s.started for s in recent] == [date(2019, 10, 1)]


def test_watch_areas_place_by_geonames_id(tmp_path: Path) -> None:
    path = tmp_path / "areas.yaml"
    path.write_text(
        "- {name: Mosul, geonames_id: 99072, radius_km: 20}\n- {name: Nowhere, geonames_id: 1, radius_km: 2}\n"
    )
    with pytest.raises(InputError, match="GeoNames id 1 is not in the bundled cities"):
        load_watch_areas(path)
    path.write_text("- {name: Mosul, geonames_id: 99072, radius_km: 20}\n")
    (area,) = load_watch_areas(path)
    assert area.lat == pytest.approx(36.33, abs=0.05) and area.lon == pytest.approx(43.12, abs=0.05)
