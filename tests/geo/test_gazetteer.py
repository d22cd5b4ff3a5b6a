"""The built index: sources merged, lookups by any name, fast re-open."""

from __future__ import annotations

import pickle

import pytest

from emberwatch.errors import GazetteerError
from emberwatch.geo import Gazetteer, PlaceKind
from emberwatch.geo.geoparser import index_is_current


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [
        ("Mosul", "IQ", PlaceKind.city),
        ("الموصل", "IQ", PlaceKind.city),
        ("Deir al-Zour", "SY", PlaceKind.city),
        ("Dayr az Zawr", "SY", PlaceKind.city),
        ("Hawija", "IQ", PlaceKind.city),
        ("Nineveh Governorate", "IQ", PlaceKind.admin1),
        ("Syria", "SY", PlaceKind.country),
        ("سوريا", "SY", PlaceKind.country),
        ("Africa", "", PlaceKind.continent),
    ],
)
def test_gazetteer_lookup_by_any_name(gazetteer: Gazetteer, name: str, country: str, kind: PlaceKind) -> None:
    places = gazetteer.lookup(name)
    assert any(p.country_code == country and p.kind == kind for p in places), places[:3]


def test_gazetteer_city_has_admin_names_and_ids(gazetteer: Gazetteer) -> None:
    mayadin = next(p for p in gazetteer.lookup("Mayadin") if p.country_code == "SY")
    assert mayadin.admin1 == "Deir ez-Zor"
    assert mayadin.geonameid > 0 and mayadin.population > 10_000
    assert 34.5 < mayadin.lat < 35.5 and 40 < mayadin.lon < 41


def test_gazetteer_ambiguous_name_lists_all_candidates(gazetteer: Gazetteer) -> None:
    countries = {p.country_code for p in gazetteer.lookup("Derna")}
    assert {"LY", "RO"} <= countries


def test_gazetteer_is_current_and_reopens_cheaply(gazetteer: Gazetteer) -> None:
    assert index_is_current(gazetteer.directory)
    again = pickle.loads(pickle.dumps(gazetteer))
    assert len(again) == len(gazetteer) and again.lookup("Raqqa")


def test_gazetteer_missing_index_says_how_to_fix(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(GazetteerError, match="gazetteer build"):
        Gazetteer(tmp_path / "nowhere")
