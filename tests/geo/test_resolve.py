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
        ("Troops attacked in the western part of Deir ez-Zor.", "Deir ez-Zor", LocationPrecision.near),
        ("Militants attacked a checkpoint on the edge of Tarmiyah.", "Tarmiyah", LocationPrecision.near),
        ("Attacks rose in Nineveh Governorate.", "Nineveh Governorate", LocationPrecision.admin1),
        ("Attacks rose in Kirkuk province.", "Kirkuk", LocationPrecision.admin1),
        ("Cells are active in eastern Syria.", "Syria", LocationPrecision.part_of_country),
        ("Attacks rose across Iraq.", "Iraq", LocationPrecision.country),
    ],
)
def test_resolve_precision_codes(geoparser: Geoparser, text: str, name: str, precision: LocationPrecision) -> None:
    assert _place(geoparser, text, name).precision == precision


def test_resolve_province_mention_resolves_to_admin1(geoparser: Geoparser) -> None:
    place = _place(geoparser, "Attacks rose in Kirkuk province.", "Kirkuk")
    assert place.admin1 == "Kirkuk" and place.country_code == "IQ"


def test_resolve_demonyms_set_country_context(geoparser: Geoparser) -> None:
    lebanese = _place(geoparser, "Lebanese police said a bomb exploded in Tripoli.", "Tripoli")
    libyan = _place(geoparser, "Libyan police said a bomb exploded in Tripoli.", "Tripoli")
    assert (lebanese.country_code, libyan.country_code) == ("LB", "LY")


def test_resolve_town_in_country_named_near_it(geoparser: Geoparser) -> None:
    # a story on Syria's war spilling over: "northern Lebanon" a sentence before makes it Lebanon's Tripoli
    text = (
        "The Syrian civil war drew fighters from Iraq and Syria into Raqqa and Deir ez-Zor. It also led to "
        "sectarian violence in northern Lebanon between supporters and opponents of the Syrian government, "
        "and armed clashes between Sunnis and Alawites in Tripoli."
    )
    assert _place(geoparser, text, "Tripoli").country_code == "LB"


def test_resolve_only_countries_named_as_places_count_as_nearby(gazetteer) -> None:  # type: ignore[no-untyped-def]
    from emberwatch.geo.recognise import recognise
    from emberwatch.geo.resolve import _nearby_countries

    text = "Troops reached the Palestine neighborhood of Mosul and fought in the Quds neighborhood and in Tripoli."
    mentions = recognise(gazetteer, text)
    assert not any("PS" in codes for codes in _nearby_countries(gazetteer, mentions).values())
    text = "Violence spread to northern Lebanon, with clashes in Tripoli."
    mentions = recognise(gazetteer, text)
    tripoli = next(i for i, m in enumerate(mentions) if m.text == "Tripoli")
    assert _nearby_countries(gazetteer, mentions)[tripoli] == {"LB"}


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


def test_resolve_drops_foreign_namesakes_in_a_document_anchored_in_one_country(geoparser: Geoparser) -> None:
    # two small American namesakes ("Salem" for "Salam", "Palestine, Texas") must not vouch for each
    # other in a story about Mosul; a sizeable foreign town (Saham, Oman) is no better
    text = (
        "Iraqi troops pushed into the al-Salam neighbourhood on the eastern bank of Mosul. Further west, "
        "fighting went on in the Palestine district, Iraqi officers said."
    )
    places = geoparser.geoparse(text, "en")
    assert [p.text for p in places] == ["Mosul"]
    assert {p.country_code for p in places} == {"IQ"}


def test_resolve_district_word_rules_out_the_country(geoparser: Geoparser) -> None:
    text = "Shelling hit the Palestine district of the city, Iraqi officers said in Mosul."
    start = text.index("Palestine")
    place = geoparser.resolve_spans(text, [(start, start + len("Palestine"))], "en")[0]
    assert place.precision != LocationPrecision.country


def test_resolve_keeps_same_country_namesake_over_far_foreign_one(geoparser: Geoparser) -> None:
    text = "Syrian Democratic Forces fought Islamic State near Palmyra and in the countryside of Homs, Syria."
    assert _place(geoparser, text, "Palmyra").country_code == "SY"


def test_resolve_arabic_foreign_district_without_support_stays_unresolved(geoparser: Geoparser) -> None:
    from emberwatch.geo.recognise import recognise
    from emberwatch.geo.resolve import incoherent, resolve

    gazetteer = geoparser.gazetteer
    text = "اشتبكت قوات سوريا الديمقراطية مع تنظيم الدولة قرب الرصافة جنوب الرقة في سوريا."
    mentions = recognise(gazetteer, text)
    resolutions = resolve(gazetteer, mentions)
    dropped = incoherent(gazetteer, mentions, resolutions)
    kept = [
        gazetteer.country_code(r.place)
        for i, (m, r) in enumerate(zip(mentions, resolutions, strict=True))
        if r.place is not None and i not in dropped and not m.demonym
    ]
    assert kept and set(kept) == {"SY"}  # not Baghdad's Rusafa district


def test_resolve_repeated_name_is_one_piece_of_evidence(geoparser: Geoparser) -> None:
    text = (
        "Alexandria police arrested a man on Tuesday. The Alexandria council met later that day. "
        "Alexandria officials said the Virginia state police would help."
    )
    places = [p for p in geoparser.geoparse(text, "en") if p.text.startswith("Alexandria")]
    assert len(places) == 3
    assert {(p.country_code, p.admin1) for p in places} == {("US", "Virginia")}


def test_resolve_town_and_its_county_pick_each_other(geoparser: Geoparser) -> None:
    places = geoparser.geoparse("The county fair in Paris drew visitors from across Henry County this weekend.", "en")
    assert [(p.text, p.country_code, p.admin1) for p in places] == [
        ("Paris", "US", "Tennessee"),
        ("Henry County", "US", "Tennessee"),
    ]


def test_resolve_list_of_states_stays_states(geoparser: Geoparser) -> None:
    places = geoparser.geoparse("Flu cases were reported in Idaho, Indiana, Nevada, Oregon and Wyoming.", "en")
    assert len(places) == 5
    assert all(p.precision == LocationPrecision.admin1 and p.country_code == "US" for p in places)


def test_resolve_world_regions_and_seas_have_no_country(geoparser: Geoparser) -> None:
    text = "Cholera spread across West Africa, and a cyclone formed over the Indian Ocean."
    places = geoparser.geoparse(text, "en")
    assert [(p.text, p.country_code, p.precision) for p in places] == [
        ("West Africa", None, LocationPrecision.unknown),
        ("Indian Ocean", None, LocationPrecision.unknown),
    ]


def test_resolve_span_with_province_word_resolves_to_the_province(geoparser: Geoparser) -> None:
    text = "Fighting was reported in Nangarhar Province on Monday."
    start = text.index("Nangarhar")
    place = geoparser.resolve_spans(text, [(start, start + len("Nangarhar Province"))], "en")[0]
    assert (place.name, place.country_code, place.precision) == ("Nangarhar", "AF", LocationPrecision.admin1)


def test_resolve_country_name_without_article(geoparser: Geoparser) -> None:
    places = geoparser.geoparse("Aid reached the Democratic Republic of Congo on Monday.", "en")
    assert [(p.text, p.country_code) for p in places] == [("Democratic Republic of Congo", "CD")]
    assert places[0].name == "Democratic Republic of the Congo"


def test_resolve_keeps_unambiguous_town_of_a_neighbouring_country(geoparser: Geoparser) -> None:
    text = "Syrian forces retook Raqqa, Tabqa and Deir ez-Zor. Some of the fighters had come from Fallujah."
    assert _place(geoparser, text, "Fallujah").country_code == "IQ"


@pytest.mark.parametrize(
    ("name", "country"), [("Canadians", "CA"), ("Dagestani", "RU"), ("Ohioans", "US"), ("European", "")]
)
def test_resolve_given_demonym_span_to_its_place(geoparser: Geoparser, name: str, country: str) -> None:
    text = f"The {name} said the plan would fail."
    place = geoparser.resolve_spans(text, [(4, 4 + len(name))])[0]
    assert place.name is not None and (place.country_code or "") == country


@pytest.mark.parametrize(
    ("name", "place_name", "precision"),
    [
        ("South Los Angeles", "Los Angeles", LocationPrecision.near),  # part of a city
        ("W. Columbia", "Columbia", LocationPrecision.near),
        ("Port of Los Angeles", "Los Angeles", LocationPrecision.near),
        ("Town of Groton", "Groton", LocationPrecision.exact),
        ("Loudon Co.", "Loudon County", LocationPrecision.admin2),
        ("New Londoners", "New London", LocationPrecision.exact),  # residents
        ("Richmondites", "Richmond", LocationPrecision.exact),
    ],
)
def test_resolve_given_span_through_the_known_name_inside_it(
    geoparser: Geoparser, name: str, place_name: str, precision: LocationPrecision
) -> None:
    text = f"Reports from {name} came in on Monday."
    place = geoparser.resolve_spans(text, [(13, 13 + len(name))])[0]
    assert (place.name, place.precision) == (place_name, precision)


def test_resolve_country_named_like_its_demonym_stays_a_country(geoparser: Geoparser) -> None:
    place = geoparser.geoparse("Troops flew in from Djibouti on Monday.", "en")[0]
    assert (place.country_code, place.precision) == ("DJ", LocationPrecision.country)


def test_resolve_repeated_country_name_does_not_vouch_for_a_village_in_an_unanchored_story(
    geoparser: Geoparser,
) -> None:
    # a story about Iraq and Syria naming the United States often: "Omar" is not a West Virginia hamlet
    us = " ".join(["The United States sent more advisers."] * 6)
    war = " ".join(["Fighting went on in Mosul, Tikrit and Ramadi in Iraq and Raqqa, Aleppo and Homs in Syria."] * 12)
    text = f"{war} {us} Officials visited Sinjar and Kirkuk. Later the convoy passed Omar without stopping."
    places = geoparser.geoparse(text, "en")
    assert "Omar" not in [p.text for p in places]
    assert {"Sinjar", "Kirkuk"} <= {p.text for p in places}


def test_resolve_neighbourhood_of_a_city_is_not_a_namesake_abroad(geoparser: Geoparser) -> None:
    # "Jizah" is also Giza in Egypt; the text calls it a neighbourhood of Sirte, so no mention of it
    # becomes the Egyptian city or governorate
    text = (
        "Government forces shelled the Jizah neighbourhood of Sirte on Tuesday. By Friday the last "
        "fighters held only a few streets of Jizah near the sea. Residents fled to Misrata and Tripoli."
    )
    places = geoparser.geoparse(text, "en")
    assert "EG" not in {p.country_code for p in places}
    assert {"Sirte", "Misrata", "Tripoli"} <= {p.text for p in places}


@pytest.mark.parametrize(
    ("text", "name", "town", "precision"),
    [
        # GeoNames' only "Adhamiyah" is a district of Dahuk; al-Jadida is a Moroccan province
        ("A bakery in the Adhamiyah district of Baghdad was raided.", "Adhamiyah", "Baghdad", LocationPrecision.exact),
        ("Clashes erupted in the al-Jadida district of western Mosul.", "al-Jadida", "Mosul", LocationPrecision.near),
        ("A bomb went off in the Adhamiya neighbourhood of the city of Baghdad.", "Adhamiya", "Baghdad",
         LocationPrecision.exact),
        ("اندلعت اشتباكات في حي الجديدة في الموصل", "الجديدة", "Mosul", LocationPrecision.exact),
    ],
)  # fmt: skip
def test_resolve_part_of_a_town_read_far_away_takes_the_towns_place(
    geoparser: Geoparser, text: str, name: str, town: str, precision: LocationPrecision
) -> None:
    language = "ar" if name.startswith("ال") else "en"
    place = next(p for p in geoparser.geoparse(text, language) if p.text == name)
    assert (place.name, place.country_code, place.precision) == (town, "IQ", precision)


def test_resolve_part_of_a_town_takes_its_place_wherever_the_name_recurs(geoparser: Geoparser) -> None:
    text = "A bakery in the Adhamiyah district of Baghdad was raided. Police say Adhamiyah is calm again."
    assert [p.name for p in geoparser.geoparse(text, "en") if p.text == "Adhamiyah"] == ["Baghdad", "Baghdad"]


def test_resolve_part_of_a_town_the_gazetteer_places_inside_it_keeps_its_place(geoparser: Geoparser) -> None:
    place = _place(geoparser, "A suicide bomber struck the Sadr City district of Baghdad.", "Sadr City")
    assert place.name == "Sadr City" and place.country_code == "IQ"


def test_resolve_given_unknown_part_of_a_town_takes_the_towns_place(geoparser: Geoparser) -> None:
    text = "A mission hospital in the Mukuru kwa Njenga district of Nairobi said that 40 people died."
    spans = [(text.index("Mukuru"), text.index(" district")), (text.index("Nairobi"), text.index(" said"))]
    assert [r.name for r in geoparser.resolve_spans(text, spans, "en")] == ["Nairobi", "Nairobi"]


def test_resolve_neighbourhood_near_the_story_keeps_its_place(geoparser: Geoparser) -> None:
    text = "Protesters gathered in the Zamalek neighbourhood and marched to Giza, across the Nile from Cairo."
    assert _place(geoparser, text, "Giza").country_code == "EG"


def test_resolve_two_small_namesakes_do_not_beat_a_capital_and_a_province(geoparser: Geoparser) -> None:
    # "Tomahawk", "Palmyra", "Wales" and "Brussels" are all Wisconsin villages too; their coherence
    # is no reason to move a NATO summit there
    text = (
        "The United States fired Tomahawk missiles at targets near Palmyra, U.S. officials said. At the "
        "NATO summit in Wales, the United States and its allies agreed a plan; ministers met again in "
        "Brussels in December."
    )
    assert (_place(geoparser, text, "Wales").country_code, _place(geoparser, text, "Brussels").country_code) == (
        "GB",
        "BE",
    )


def test_resolve_small_town_keeps_a_capitals_name_when_its_county_is_named(geoparser: Geoparser) -> None:
    text = "Trustees of Wales met on Monday in Waukesha County, west of Milwaukee."
    assert _place(geoparser, text, "Wales").admin1 == "Wisconsin"


def test_resolve_town_named_like_a_country_beside_a_neighbouring_town(geoparser: Geoparser) -> None:
    text = "Jordan students raised money at the Target store in Shakopee for a new playground."
    assert (_place(geoparser, text, "Jordan").country_code, _place(geoparser, text, "Jordan").admin1) == (
        "US",
        "Minnesota",
    )


def test_resolve_country_name_without_a_neighbouring_town_stays_the_country(geoparser: Geoparser) -> None:
    text = "Jordan closed its border crossing after clashes near Deraa."
    assert _place(geoparser, text, "Jordan").country_code == "JO"


def test_resolve_former_name_of_another_town_does_not_beat_towns_of_that_name(geoparser: Geoparser) -> None:
    # GeoNames lists "Maryville" as a former name of Beeville, Texas: the towns called Maryville come
    # first, even in a story that names Texas
    text = "Police in Maryville said the pastor had moved there from Fort Worth, Texas."
    assert _place(geoparser, text, "Maryville").name == "Maryville"


def test_resolve_short_form_of_a_town_name_is_kept(geoparser: Geoparser) -> None:
    text = "Avondale Estates approved a budget; Avondale residents spoke at the meeting in Decatur, Georgia."
    assert _place(geoparser, text, "Avondale").admin1 == "Georgia"


@pytest.mark.parametrize(
    ("text", "span", "admin1"),
    [
        ("Two boats sank in the Kanawha River near Charleston, West Virginia.", "Kanawha River", "West Virginia"),
        ("Lettuce from the Salinas Valley in California was recalled.", "Salinas Valley", "California"),
        ("Anglers on Lake Hartwell, on the Georgia line, caught a record bass.", "Lake Hartwell", "Georgia"),
    ],
)
def test_resolve_given_feature_span_near_the_place_it_is_named_after(
    geoparser: Geoparser, text: str, span: str, admin1: str
) -> None:
    spans = [(text.index(span), text.index(span) + len(span))]
    spans += [
        (text.index(name), text.index(name) + len(name))
        for name in ("West Virginia", "California", "Georgia")
        if name in text
    ]
    place = geoparser.resolve_spans(text, sorted(spans), "en")[0]
    assert place.admin1 == admin1 and place.precision != LocationPrecision.exact  # near it, not at it


def test_resolve_given_unknown_span_without_feature_word_stays_unresolved(geoparser: Geoparser) -> None:
    text = "Volunteers cleaned Xqzvillex Creekside on Saturday."
    place = geoparser.resolve_spans(text, [(19, 37)], "en")[0]
    assert place.lat is None


def test_resolve_list_of_states_is_not_a_town_and_its_state(geoparser: Geoparser) -> None:
    # "Oklahoma, Pennsylvania" inside a list: the state, not the Pennsylvania borough of that name
    text = "Beekeepers in Georgia, Oklahoma, Pennsylvania and Wisconsin reported losses."
    assert _place(geoparser, text, "Oklahoma").admin1 == "Oklahoma"


def test_resolve_list_of_town_state_pairs_keeps_each_pair(geoparser: Geoparser) -> None:
    text = "The finalists were Louisville, Ky., New Haven, Conn., Sioux Falls, S.D., and Tempe, Ariz."
    assert _place(geoparser, text, "New Haven").admin1 == "Connecticut"
    assert _place(geoparser, text, "Louisville").admin1 == "Kentucky"


def test_resolve_person_names_matching_hamlets_do_not_anchor_a_document(geoparser: Geoparser) -> None:
    # lower-case wire text: three surnames are hamlets of one country, none is introduced as a place
    text = (
        "one person was killed tonight by a bomb in downtown san salvador. among the wounded are "
        "marilin rosales, ana milagros and jose ayala, the hospital said."
    )
    place = _place(geoparser, text, "san salvador")
    assert place.country_code == "SV" and place.precision == LocationPrecision.exact


def test_resolve_article_name_abroad_needs_support_near_it_not_its_countrys_name(geoparser: Geoparser) -> None:
    text = (
        "SDF fighters advanced on Hajin, al-Busayrah and Mayadin in Deir ez-Zor province. "
        "Kurdish sources said they had captured the town of al-Sabha. "
        "Officials said other cells of the group had been active in Libya and Afghanistan."
    )
    places = geoparser.geoparse(text, "en")
    assert not [p for p in places if "Sabha" in p.text and p.country_code == "LY"]
    assert [p.country_code for p in places if p.text == "Libya"] == ["LY"]


def test_resolve_stated_relation_rules_out_a_namesake_abroad(geoparser: Geoparser) -> None:
    text = (
        "Militia forces west of Mosul pushed from Tal Afar towards al-Baaj and Sinjar on Monday. "
        "They recaptured the town of al-Qahtaniya, located to the west of al-Qairawan, and cut the road "
        "between Sinjar and Qairawan."
    )
    places = geoparser.geoparse(text, "en")
    assert "TN" not in {p.country_code for p in places}
    assert {p.country_code for p in places} == {"IQ"}


def test_resolve_small_town_measured_from_a_larger_place_abroad_is_dropped_without_an_anchor(
    geoparser: Geoparser,
) -> None:
    # GeoNames gives "الكرمة" (Garma, Anbar) only as another name of Maharda in Syria, 500 km away
    places = geoparser.geoparse("اشتباكات في الكرمة شرقي الفلوجة", "ar")
    assert [(p.text, p.country_code) for p in places] == [("الفلوجة", "IQ")]
    # the place measured from must be the larger one: "شرق البلاد" (the east of the country) is no
    # Yemeni village that could rule out Port Sudan
    text = "ضربت فيضانات جديدة منطقة طوكر الواقعة جنوب مدينة بورتسودان شرق البلاد"
    assert [p.name for p in geoparser.geoparse(text, "ar")] == ["Tokar", "Port Sudan"]


def _given(geoparser: Geoparser, text: str, names: list[str]) -> dict[str, list[str]]:
    """Resolve every whole-word occurrence of ``names`` as given spans: name -> readings in order."""
    import re

    spans = sorted(
        (m.start(), m.end()) for name in names for m in re.finditer(rf"\b{re.escape(name)}\b", text)
    )
    out: dict[str, list[str]] = {}
    for (start, end), ref in zip(spans, geoparser.resolve_spans(text, spans, "en"), strict=True):
        out.setdefault(text[start:end], []).append(f"{ref.country_code} {ref.precision.name}")
    return out


def test_resolve_name_listed_with_a_country_is_a_country(geoparser: Geoparser) -> None:
    # Niger is also a Nigerian state, and the story is about Nigeria
    text = (
        "Polio has been eradicated in Egypt and Niger. In 2003 Nigerian clerics called for a boycott of "
        "immunizations. Nigeria reported 782 cases in 2004."
    )
    assert _given(geoparser, text, ["Egypt", "Niger", "Nigeria"])["Niger"] == ["NE country"]


def test_resolve_name_listed_with_provinces_is_a_province(geoparser: Geoparser) -> None:
    # in a story on Georgia, "Washington" alone would be the capital (or a Georgian town)
    text = (
        "ATLANTA - A network leader prosecuted in a Georgia man's death spoke on Tuesday. Georgia authorities "
        "charged him. A professor in Chicago is a supporter of Oregon and Washington laws that allow doctors to help."
    )
    readings = _given(geoparser, text, ["ATLANTA", "Georgia", "Chicago", "Oregon", "Washington"])
    assert readings["Washington"] == ["US admin1"]


def test_resolve_lower_case_state_of_is_a_province_cue(geoparser: Geoparser) -> None:
    text = (
        "The United States has seen two cases of the disease. The first was discovered in the state of "
        "Washington. The second was found in Texas."
    )
    assert _given(geoparser, text, ["United States", "Washington", "Texas"])["Washington"] == ["US admin1"]
    # capitalised, the words belong to a name: a group's, or a country's
    places = geoparser.geoparse("Fighters of the Islamic State of Iraq attacked Baghdad.", "en")
    assert [(p.text, p.precision.name) for p in places if p.text == "Iraq"] == [("Iraq", "country")]


def test_resolve_name_typed_as_a_province_names_it_everywhere(geoparser: Geoparser) -> None:
    text = (
        "The hospital in Toronto, Canada, closed its unit, straining services in Ontario. Patients may go "
        "to Buffalo, New York. Some will be sent to other facilities in the province of Ontario."
    )
    assert [(p.country_code, p.precision.name) for p in geoparser.geoparse(text, "en") if p.text == "Ontario"] == [
        ("CA", "admin1"),
        ("CA", "admin1"),
    ]
    # a city inside the province keeps its own reading
    text = "Car bombs hit Baghdad on Monday. Police in Baghdad province said 12 people were killed."
    assert [p.precision.name for p in geoparser.geoparse(text, "en") if p.text == "Baghdad"] == ["exact", "admin1"]


@pytest.mark.parametrize(
    ("text", "name", "country", "precision"),
    [
        ("Al-Shabaab gunmen attacked a police post in Mandera, in North Eastern Province, near the Somali border.",
         "North Eastern Province", "KE", LocationPrecision.part_of_country),
        ("Cholera spread through Nyanza Province and the Rift Valley after the floods, Kenyan officials said.",
         "Rift Valley", "KE", LocationPrecision.part_of_country),
        ("The army's offensive in the Federally Administered Tribal Areas displaced thousands to Peshawar.",
         "Federally Administered Tribal Areas", "PK", LocationPrecision.part_of_country),
        ("Islamic State seized towns in Cyrenaica before it lost Sirte.", "Cyrenaica", "LY",
         LocationPrecision.part_of_country),
        ("Mobutu renamed the country Zaire in 1971.", "Zaire", "CD", LocationPrecision.country),
        ("The Soviet Union invaded Afghanistan in 1979.", "Soviet Union", None, LocationPrecision.unknown),
    ],
)  # fmt: skip
def test_resolve_former_provinces_and_states(
    geoparser: Geoparser, text: str, name: str, country: str | None, precision: LocationPrecision
) -> None:
    place = _place(geoparser, text, name)
    assert (place.country_code, place.precision) == (country, precision)
    assert place.lat is not None


def test_resolve_former_kenyan_province_leaves_the_rwandan_town_in_a_rwandan_story(geoparser: Geoparser) -> None:
    place = _place(geoparser, "Refugees returned to Nyanza, in Rwanda's Southern Province, after the war.", "Nyanza")
    assert (place.country_code, place.precision) == ("RW", LocationPrecision.exact)


def test_resolve_arabic_name_of_a_somali_federal_state(geoparser: Geoparser) -> None:
    places = geoparser.geoparse("هاجمت حركة الشباب قاعدة عسكرية في ولاية جوبالاند جنوبي الصومال", "ar")
    assert [(p.text, p.name, p.country_code) for p in places][:1] == [("ولاية جوبالاند", "Jubaland", "SO")]


@pytest.mark.parametrize(
    ("text", "language", "name", "place", "precision"),
    [
        ("IS cells hide in the desert near Lake Tharthar, west of Samarra.", "en", "Lake Tharthar", "Lake Tharthar",
         LocationPrecision.part_of_country),
        ("Ships crossed the Suez Canal and the Bab el-Mandeb strait.", "en", "Bab el-Mandeb", "Bab al-Mandab",
         LocationPrecision.unknown),
        ("Floods hit villages on the shores of Lake Victoria in Uganda.", "en", "Lake Victoria", "Lake Victoria",
         LocationPrecision.unknown),
        ("Militants on Jolo in the Sulu Archipelago clashed with troops.", "en", "Sulu Archipelago",
         "Sulu Archipelago", LocationPrecision.part_of_country),
        ("هاجم التنظيم قرية قرب بحيرة الثرثار غرب سامراء", "ar", "بحيرة الثرثار", "Lake Tharthar",
         LocationPrecision.part_of_country),
        ("اعتقلت قسد خلية لتنظيم داعش شرق الفرات في دير الزور", "ar", "الفرات", "Euphrates", LocationPrecision.unknown),
    ],
)  # fmt: skip
def test_resolve_lakes_straits_rivers_and_islands(
    geoparser: Geoparser, text: str, language: str, name: str, place: str, precision: LocationPrecision
) -> None:
    found = next(p for p in geoparser.geoparse(text, language) if p.text == name)
    assert (found.name, found.precision) == (place, precision)


def test_resolve_lake_name_does_not_take_the_province_of_the_same_name(geoparser: Geoparser) -> None:
    places = geoparser.geoparse("Victoria police said a boat sank on Lake Victoria near Kampala.", "en")
    assert [(p.text, p.name) for p in places][:2] == [("Victoria", "Victoria"), ("Lake Victoria", "Lake Victoria")]


@pytest.mark.parametrize(
    ("text", "language", "name", "country"),
    [
        ("BENI, Democratic Republic of Congo - Rebels attacked Oicha in eastern Congo's North Kivu province.", "en",
         "Congo", "CD"),
        ("بيني (الكونغو الديمقراطية) - هاجم متمردون بلدة أويتشا في إقليم شمال كيفو شرقي الكونغو.", "ar", "الكونغو",
         "CD"),
        ("BRAZZAVILLE - Floods hit the capital; Congo's government asked for aid.", "en", "Congo", "CG"),
        ("Cases rose in Congo, health officials said.", "en", "Congo", "CG"),  # no context: the Republic's own name
    ],
)  # fmt: skip
def test_resolve_congo_is_the_congo_the_document_is_about(
    geoparser: Geoparser, text: str, language: str, name: str, country: str
) -> None:
    found = [p for p in geoparser.geoparse(text, language) if p.text == name]
    assert found and all(p.country_code == country for p in found)
