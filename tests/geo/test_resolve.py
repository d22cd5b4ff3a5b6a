"""Resolution: the right place among namesakes, and UCDP precision codes."""

from __future__ import annotations

import pytest

from emberwatch.geo import Geoparser
from emberwatch.models import LocationPrecision


def _place(geoparser: Geoparser, text: str, name: str):  # type: ignore[no-untyped-def]
    return next(p for p in geoparser.geoparse(text, "en") if p.text == name)


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        ("Islamic State fighters regrouped in Derna after losing Sirte.", "Derna", "LY", None),
        ("Libyan forces clashed with militias in Tripoli.", "Tripoli", "LY", None),
        ("Lebanese troops raided a cell in Tripoli, near the Syrian border.", "Tripoli", "LB", None),
        ("A suicide bomber struck Jalalabad, the capital of Nangarhar province.", "Jalalabad", "AF", None),
        ("Gunmen attacked a checkpoint near Hit in Anbar province.", "Hit", "IQ", "Anbar"),
        ("Cells were dismantled in Mayadin, Deir ez-Zor.", "Mayadin", "SY", "Deir ez-Zor"),
        ("Two soldiers died in Hawija, southwest of Kirkuk.", "Hawija", "IQ", "Kirkuk"),
        ("A mukhtar was shot near al-Riyadh, west of Hawija in Kirkuk province.", "al-Riyadh", "IQ", "Kirkuk"),
    ],
)
def test_resolve_ambiguous_names_by_context(
    geoparser: Geoparser, text: str, name: str, country: str, admin1: str | None
) -> None:
    place = _place(geoparser, text, name)
    assert place.country_code == country
    if admin1:
        assert place.admin1 == admin1
    assert place.lat is not None and place.geonames_id


def test_resolve_region_of_interest_breaks_ties(geoparser: Geoparser) -> None:
    from emberwatch.geo.geoparser import Geoparser as Parser

    text = "Police reported an explosion in Tripoli."
    lebanon_first = Parser(geoparser.gazetteer, ["LB"])
    assert _place(lebanon_first, text, "Tripoli").country_code == "LB"
    assert _place(geoparser, text, "Tripoli").country_code == "LY"


@pytest.mark.parametrize(
    ("text", "name", "precision"),
    [
        ("A bomb exploded in Mosul.", "Mosul", LocationPrecision.exact),
        ("A bomb exploded near Mosul.", "Mosul", LocationPrecision.near),
        ("A bomb exploded 20 km south of Mosul.", "Mosul", LocationPrecision.near),
        ("Attacks rose in Nineveh Governorate.", "Nineveh Governorate", LocationPrecision.admin1),
        ("Attacks rose in Kirkuk province.", "Kirkuk province", LocationPrecision.admin1),
        ("Cells are active in eastern Syria.", "Syria", LocationPrecision.part_of_country),
        ("Attacks rose across Iraq.", "Iraq", LocationPrecision.country),
    ],
)
def test_resolve_precision_codes(geoparser: Geoparser, text: str, name: str, precision: LocationPrecision) -> None:
    assert _place(geoparser, text, name).precision == precision


def test_resolve_province_mention_resolves_to_admin1(geoparser: Geoparser) -> None:
    place = _place(geoparser, "Attacks rose in Kirkuk province.", "Kirkuk province")
    assert place.admin1 == "Kirkuk" and place.country_code == "IQ"


def test_resolve_demonyms_set_country_context(geoparser: Geoparser) -> None:
    lebanese = _place(geoparser, "Lebanese police said a bomb exploded in Tripoli.", "Tripoli")
    libyan = _place(geoparser, "Libyan police said a bomb exploded in Tripoli.", "Tripoli")
    assert (lebanese.country_code, libyan.country_code) == ("LB", "LY")


def test_resolve_arabic_place_to_coordinates(geoparser: Geoparser) -> None:
    place = geoparser.geoparse("هجوم في مدينة دير الزور", "ar")[0]
    assert place.country_code == "SY" and place.name == "Deir ez-Zor"
    assert abs(place.lat - 35.3) < 0.5 and abs(place.lon - 40.1) < 0.5


def test_resolve_spans_given_gold_offsets(geoparser: Geoparser) -> None:
    text = "Officials in Derna and Benghazi reported the attack."
    spans = [(text.index("Derna"), text.index("Derna") + 5), (text.index("Benghazi"), text.index("Benghazi") + 8)]
    refs = geoparser.resolve_spans(text, spans, "en")
    assert [r.country_code for r in refs] == ["LY", "LY"]
    assert [r.text for r in refs] == ["Derna", "Benghazi"]


def test_resolve_country_own_name_beats_alternate_name_of_city(geoparser: Geoparser) -> None:
    text = "Flights from Mexico City were cancelled after Mexico confirmed 20 new cases."
    place = next(p for p in geoparser.geoparse(text, "en") if p.text == "Mexico")
    assert (place.country_code, place.precision) == ("MX", LocationPrecision.country)


def test_resolve_country_after_comma_is_recognised(geoparser: Geoparser) -> None:
    places = geoparser.geoparse("Fighters came from Lake Chad to attack Monguno in Borno State, Nigeria.", "en")
    assert [(p.text, p.country_code, int(p.precision)) for p in places] == [
        ("Lake Chad", "TD", 5),
        ("Monguno", "NG", 1),
        ("Borno State", "NG", 4),
        ("Nigeria", "NG", 6),
    ]


def test_resolve_drops_small_towns_in_countries_foreign_to_the_document(geoparser: Geoparser) -> None:
    text = "The brigade moved from Raqqa to Deir ez-Zor in Syria before the battle for Shahada and Hasakah."
    assert [p.country_code for p in geoparser.geoparse(text, "en")] == ["SY"] * 4


def test_resolve_upper_case_code_is_the_country(geoparser: Geoparser) -> None:
    text = "French jets flew from Paris and Saint-Denis in Ile-de-France while the US sent drones."
    place = next(p for p in geoparser.geoparse(text, "en") if p.text == "US")
    assert (place.country_code, place.precision) == ("US", LocationPrecision.country)
