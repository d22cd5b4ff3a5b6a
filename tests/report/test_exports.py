"""Exports: CSV, GeoJSON and Parquet in native, ACLED, UCDP GED and GTD columns, from a real DuckDB file."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from emberwatch.errors import InputError
from emberwatch.report.exports import ExportFormat, ExportSchema, export_events, export_frame, type_mappings
from emberwatch.store import Store
from emberwatch.store.queries import EventFilter
from emberwatch.testing import events_frame, load_events


@pytest.fixture
def export_store(store: Store) -> Store:
    """Four hand-built events with known answers (one unlocated, one month-precise, one Arabic)."""
    store.execute(
        "INSERT INTO actors (id, name, parent_id) VALUES ('isis', 'Islamic State', NULL), "
        "('isis-iraq', 'Islamic State – Iraq Province', 'isis')"
    )
    rows = [
                {"id": "e1", "event_type": "bombing", "sub_type": "ied", "date": date(2021, 3, 2),
                 "country_code": "IQ", "admin1": "Nineveh", "admin2": "Mosul District", "place_name": "Mosul",
                 "lat": 36.34, "lon": 43.13, "location_precision": 1, "date_precision": 1,
                 "perpetrator_id": "isis-iraq", "killed_low": 3, "killed_best": 4, "killed_high": 6,
                 "wounded_low": 2, "wounded_best": 2, "wounded_high": 2, "attribution": "claimed",
                 "summary": "IED near Mosul"},
                {"id": "e2", "event_type": "kidnapping", "date": date(2021, 5, 1), "date_precision": 4,
                 "country_code": "SY", "admin1": "Deir ez-Zor", "admin2": None, "place_name": None,
                 "lat": None, "lon": None, "location_precision": 4, "perpetrator_id": None,
                 "perpetrator_mention": "gunmen", "killed_low": None, "killed_best": None,
                 "killed_high": None, "attribution": "suspected", "summary": "خطف في دير الزور"},
                {"id": "e3", "event_type": "no_such_type", "date": date(2022, 1, 9), "country_code": "LY",
                 "killed_low": 1, "killed_best": 1, "killed_high": 1, "location_precision": 6},
                {"id": "e4", "event_type": "ambush", "date": date(2022, 2, 1), "country_code": "IQ",
                 "review_status": "rejected"},
    ]  # fmt: skip
    load_events(store, events_frame(rows))
    return store


def _by_id(frame: pd.DataFrame, column: str) -> dict[str, object]:
    return dict(zip(frame.iloc[:, 0], frame[column], strict=True))


def test_exports_native_has_every_event_column_and_hides_rejected(export_store: Store) -> None:
    frame = export_frame(export_store)
    assert set(frame["id"]) == {"e1", "e2", "e3"}
    assert {"killed_low", "killed_best", "killed_high", "mechanisms", "sources"} <= set(frame.columns)


def test_exports_acled_mapping(export_store: Store) -> None:
    frame = export_frame(export_store, schema="acled")
    row = frame.set_index("event_id_cnty").loc["e1"]
    assert row["event_date"] == "2021-03-02" and row["year"] == 2021
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["sub_event_type"] == "Remote explosive/landmine/IED"
    assert row["actor1"] == "Islamic State – Iraq Province"
    assert (row["country"], row["iso"], row["admin1"], row["location"]) == ("Iraq", 368, "Nineveh", "Mosul")
    assert (row["latitude"], row["longitude"], row["geo_precision"], row["time_precision"]) == (36.34, 43.13, 1, 1)
    assert row["fatalities"] == 4
    assert _by_id(frame, "fatalities")["e2"] == 0  # unknown deaths: ACLED records 0
    assert _by_id(frame, "time_precision")["e2"] == 3
    assert _by_id(frame, "actor1")["e2"] == "gunmen"
    assert _by_id(frame, "event_type")["e3"] == "No such type"  # unmapped: the type's name


def test_exports_ucdp_mapping(export_store: Store) -> None:
    frame = export_frame(export_store, schema=ExportSchema.ucdp).set_index("id")
    row = frame.loc["e1"]
    assert (row["best"], row["low"], row["high"]) == (4, 3, 6)
    assert (row["date_start"], row["date_end"], row["date_prec"]) == ("2021-03-02", "2021-03-02", 1)
    assert (row["where_prec"], row["adm_1"], row["adm_2"], row["country"]) == (1, "Nineveh", "Mosul District", "Iraq")
    assert row["side_a"] == "Islamic State – Iraq Province"
    assert frame.loc["e2", "date_prec"] == 4 and frame.loc["e2", "where_prec"] == 4


def test_exports_gtd_mapping(export_store: Store) -> None:
    frame = export_frame(export_store, schema="gtd").set_index("eventid")
    row = frame.loc["e1"]
    assert (row["iyear"], row["imonth"], row["iday"]) == (2021, 3, 2)
    assert row["attacktype1_txt"] == "Bombing/Explosion"
    assert (row["country_txt"], row["provstate"], row["city"], row["specificity"]) == ("Iraq", "Nineveh", "Mosul", 1)
    assert (row["nkill"], row["nwound"], row["claimed"], row["gname"]) == (4, 2, 1, "Islamic State – Iraq Province")
    assert (frame.loc["e2", "imonth"], frame.loc["e2", "iday"]) == (5, 0)  # month precision: day unknown
    assert pd.isna(frame.loc["e2", "nkill"])
    assert frame.loc["e2", "attacktype1_txt"] == "Hostage Taking (Kidnapping)"
    assert frame.loc["e3", "attacktype1_txt"] == "Unknown"
    assert frame.loc["e3", "specificity"] == 5


def test_exports_filters_apply(export_store: Store) -> None:
    frame = export_frame(export_store, EventFilter(country=["IQ"]), "gtd")
    assert list(frame["eventid"]) == ["e1"]


def test_exports_csv_file_round_trips(export_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "out" / "events.csv"
    assert export_events(export_store, None, "csv", "acled", out) == 3
    frame = pd.read_csv(out)
    assert set(frame["event_id_cnty"]) == {"e1", "e2", "e3"}
    assert "خطف في دير الزور" in set(frame["notes"])


def test_exports_geojson_has_null_geometry_for_unlocated(export_store: Store) -> None:
    buffer = io.BytesIO()
    export_events(export_store, None, ExportFormat.geojson, ExportSchema.native, buffer)
    collection = json.loads(buffer.getvalue())
    features = {f["properties"]["id"]: f for f in collection["features"]}
    assert collection["type"] == "FeatureCollection"
    assert features["e1"]["geometry"] == {"type": "Point", "coordinates": [43.13, 36.34]}
    assert features["e2"]["geometry"] is None
    assert features["e1"]["properties"]["date"] == "2021-03-02"


def test_exports_parquet_keeps_types(export_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    export_events(export_store, None, "parquet", "ucdp", out)
    table = pq.read_table(out)
    assert table.num_rows == 3
    assert str(table.schema.field("best").type) == "int64"


@pytest.mark.parametrize(("fmt", "schema"), [("xlsx", "native"), ("csv", "acled2")])
def test_exports_unknown_choice_lists_valid_ones(export_store: Store, fmt: str, schema: str) -> None:
    with pytest.raises(InputError, match="Choose one of"):
        export_events(export_store, None, fmt, schema, io.BytesIO())


def test_exports_type_mappings_cover_sub_types() -> None:
    mappings = type_mappings()
    assert mappings["bombing/ied"].acled_sub_event_type == "Remote explosive/landmine/IED"
    assert mappings["kidnapping"].gtd_attack_type == "Hostage Taking (Kidnapping)"


def test_exports_native_parquet_has_date_and_list_columns(export_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "native.parquet"
    export_events(export_store, EventFilter(), "parquet", "native", out)
    table = pq.read_table(out)
    assert str(table.schema.field("date").type) == "date32[day]"
    assert str(table.schema.field("mechanisms").type).startswith("list")
