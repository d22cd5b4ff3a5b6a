"""Source home areas: learnt from an outlet's other reports, a tie-breaker the text can overrule."""

from __future__ import annotations

import pytest

from emberwatch.geo import Geoparser
from emberwatch.geo.home import homes_by_document, learn_home, outlet, provinces_named
from emberwatch.models import HomeArea, LocationPrecision, PlaceRef

MASSACHUSETTS = HomeArea(country_code="US", admin1="Massachusetts")


def _place(admin1: str | None, country: str = "US", precision: LocationPrecision = LocationPrecision.exact) -> PlaceRef:
    return PlaceRef(text="x", start=0, end=1, country_code=country, admin1=admin1, precision=precision)


def test_home_is_the_province_most_reports_name() -> None:
    reports = [[_place("Louisiana"), _place("Texas")], [_place("Louisiana")], [_place("Louisiana")], []]
    home = learn_home(reports)
    assert home is not None
    assert (home.country_code, home.admin1, home.documents, home.of_documents) == ("US", "Louisiana", 3, 4)


def test_home_counts_a_report_once_however_often_it_names_the_province() -> None:
    reports = [[_place("Louisiana")] * 9, [_place("Texas")], [_place("Texas")], [_place("Ohio")]]
    home = learn_home(reports)
    assert home is not None and (home.admin1, home.documents) == ("Texas", 2)


def test_wire_service_covering_many_provinces_has_no_home() -> None:
    reports = [[_place(name)] for name in ("Nineveh", "Anbar", "Kirkuk", "Diyala", "Nineveh", "Raqqa")]
    assert learn_home(reports) is None


def test_home_needs_a_clear_lead_over_the_next_province() -> None:
    reports = [[_place("Kansas"), _place("Missouri")]] * 3 + [[_place("Kansas")]]
    assert learn_home(reports) is None  # 4 against 3: a source between two provinces


def test_country_level_places_say_nothing_about_a_province() -> None:
    reports = [[_place("Louisiana", precision=LocationPrecision.country)]] * 3
    assert learn_home(reports) is None


def test_one_report_is_no_home() -> None:
    assert learn_home([[_place("Louisiana")]]) is None


def test_report_never_vouches_for_itself() -> None:
    la = provinces_named([_place("Louisiana")])
    homes = homes_by_document([("paper", la), ("paper", la), ("paper", frozenset())])
    # the first two see one other report naming Louisiana (too few); the third sees two
    assert homes[0] is None and homes[1] is None
    assert homes[2] is not None and homes[2].admin1 == "Louisiana"


def test_homes_are_learnt_per_outlet() -> None:
    ohio, none = provinces_named([_place("Ohio")]), frozenset()
    reports = [("a", ohio), ("a", ohio), ("b", none), ("a", none)]
    assert [h.admin1 if h else None for h in homes_by_document(reports)] == [None, None, None, "Ohio"]


def test_leave_one_out_agrees_with_learning_from_the_other_reports() -> None:
    import random

    rng = random.Random(7)
    states = ["Ohio", "Iowa", "Utah", "Maine"]
    places = [[_place(rng.choices(states, [5, 2, 1, 1])[0]) for _ in range(rng.randint(0, 3))] for _ in range(40)]
    reports = [(f"o{i % 3}", provinces_named(p)) for i, p in enumerate(places)]
    homes = homes_by_document(reports)
    assert 0 < sum(h is not None for h in homes) < len(homes)  # both cases occur
    for i, home in enumerate(homes):
        others = [places[j] for j in range(len(places)) if j != i and j % 3 == i % 3]
        assert home == learn_home(others)


@pytest.mark.parametrize(
    ("source", "url", "expected"),
    [
        ("feed", "http://www.thetowntalk.com/article/20090320/NEWS01", "thetowntalk.com"),
        ("https://en.wikinews.org/wiki/Foo", None, "en.wikinews.org"),
        ("Reuters", None, "Reuters"),
    ],
)
def test_outlet_is_the_url_host_else_the_source(source: str, url: str | None, expected: str) -> None:
    assert outlet(source, url) == expected


def _springfield(geoparser: Geoparser, text: str, home: HomeArea | None) -> PlaceRef:
    return next(p for p in geoparser.geoparse(text, "en", home=home) if p.text == "Springfield")


def test_home_settles_a_name_the_text_leaves_open(geoparser: Geoparser) -> None:
    text = "Police in Springfield arrested a man on Friday after a fire on Main Street."
    assert _springfield(geoparser, text, None).admin1 != "Massachusetts"
    assert _springfield(geoparser, text, MASSACHUSETTS).admin1 == "Massachusetts"


def test_text_overrules_the_home(geoparser: Geoparser) -> None:
    text = "A man from Springfield, Illinois, was arrested on Friday."
    assert _springfield(geoparser, text, MASSACHUSETTS).admin1 == "Illinois"


def test_home_does_not_move_world_cities(geoparser: Geoparser) -> None:
    home = HomeArea(country_code="US", admin1="Louisiana")
    place = next(p for p in geoparser.geoparse("The Alexandria school board met on Tuesday.", "en", home=home))
    assert place.country_code == "EG"


def test_unknown_home_province_is_ignored(geoparser: Geoparser) -> None:
    text = "Police in Springfield arrested a man on Friday after a fire on Main Street."
    unknown = HomeArea(country_code="US", admin1="Atlantis")
    assert _springfield(geoparser, text, unknown) == _springfield(geoparser, text, None)


def test_resolve_spans_uses_the_home(geoparser: Geoparser) -> None:
    text = "Police in Springfield arrested a man on Friday."
    start = text.index("Springfield")
    [place] = geoparser.resolve_spans(text, [(start, start + len("Springfield"))], "en", home=MASSACHUSETTS)
    assert place.admin1 == "Massachusetts"
