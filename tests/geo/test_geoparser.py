"""The public API: load, pickle for workers, lookup."""

from __future__ import annotations

import pickle
import time

from emberwatch.geo import Geoparser
from emberwatch.models import PlaceRef


def test_geoparser_pickles_and_reopens(geoparser: Geoparser) -> None:
    blob = pickle.dumps(geoparser)
    assert len(blob) < 1000
    clone = pickle.loads(blob)
    assert [p.country_code for p in clone.geoparse("Attack in Raqqa", "en")] == ["SY"]


def test_geoparser_load_uses_existing_index(geoparser: Geoparser) -> None:
    from emberwatch.settings import load_settings

    started = time.perf_counter()
    parser = Geoparser.load(load_settings(gazetteer_dir=geoparser.gazetteer.directory))
    assert time.perf_counter() - started < 30  # never rebuilds; the real figure is in bench/bench_geo.py
    assert parser.lookup("Mosul")[0].country_code == "IQ"


def test_geoparser_returns_placeref_records(geoparser: Geoparser) -> None:
    places = geoparser.geoparse("Gunmen attacked Kirkuk.", "en")
    assert all(isinstance(p, PlaceRef) for p in places)
    assert places[0].model_dump(mode="json")["precision"] == 1
