"""Event place: not the dateline, not where a statement was made."""

from __future__ import annotations

import pytest

from emberwatch.geo import Geoparser
from emberwatch.geo.event_place import _is_locative, dateline_end
from emberwatch.models import LocationPrecision, PlaceRef


def _event_place(geoparser: Geoparser, text: str, trigger_word: str, lang: str = "en"):  # type: ignore[no-untyped-def]
    places = geoparser.geoparse(text, lang)
    start = text.index(trigger_word)
    sentence_start = max(text.rfind(". ", 0, start) + 2, 0) if text.rfind(". ", 0, start) >= 0 else 0
    sentence_end = text.find(".", start)
    sentence = (sentence_start, sentence_end if sentence_end >= 0 else len(text))
    return geoparser.event_place(text, places, sentence, (start, start + len(trigger_word)))


def _in_span(geoparser: Geoparser, text: str, trigger_word: str):  # type: ignore[no-untyped-def]
    """The event place with the whole text as the event's span (an event over several sentences)."""
    places = geoparser.geoparse(text, "en")
    start = text.index(trigger_word)
    return geoparser.event_place(text, places, (0, len(text)), (start, start + len(trigger_word)))


def test_event_place_skips_dateline_and_statement_place(geoparser: Geoparser) -> None:
    text = (
        "BAGHDAD (Reuters) - Islamic State militants attacked an army post near Hit on Tuesday, "
        "killing four soldiers, officials said in Baghdad."
    )
    place = _event_place(geoparser, text, "attacked")
    assert place is not None and place.text == "Hit"
    assert place.precision == LocationPrecision.near


def test_event_place_prefers_locative_place_near_trigger(geoparser: Geoparser) -> None:
    text = "The Syrian army said a car bomb exploded in Mayadin, Deir ez-Zor, killing five."
    place = _event_place(geoparser, text, "exploded")
    assert place is not None and place.text == "Mayadin"


def test_event_place_falls_back_to_paragraph_then_dateline(geoparser: Geoparser) -> None:
    paragraph = "Fighting flared in Raqqa on Monday.\n\nA bomb killed three people."
    place = _event_place(geoparser, paragraph, "killed")
    assert place is None or place.text == "Raqqa"
    dateline = "MOSUL, Iraq (AP) - A roadside bomb killed two soldiers on Sunday."
    assert dateline_end(dateline) > 0
    place = _event_place(geoparser, dateline, "killed")
    assert place is not None and place.text == "MOSUL"
    assert place.precision == LocationPrecision.admin1


def test_event_place_arabic_dateline_and_clitic(geoparser: Geoparser) -> None:
    text = "بغداد - قتل ثلاثة جنود في هجوم بالموصل امس."
    place = _event_place(geoparser, text, "هجوم", "ar")
    assert place is not None and place.text == "الموصل"


def test_event_place_none_without_places(geoparser: Geoparser) -> None:
    assert _event_place(geoparser, "A bomb killed three people.", "killed") is None


def test_event_place_ignores_names_used_as_modifiers(geoparser: Geoparser) -> None:
    text = "The US-led coalition said a cell was arrested in Raqqa."
    place = _event_place(geoparser, text, "arrested")
    assert place is not None and place.text == "Raqqa"
    text = "A US-backed force was attacked."
    assert _event_place(geoparser, text, "attacked") is None


def test_event_place_skips_country_a_road_leads_to(geoparser: Geoparser) -> None:
    text = (
        "RAMADI, Iraq - Gunmen seized sheep in western Anbar on Monday.\n\n"
        "Truck drivers were also stopped on the highway to Jordan and robbed, police said."
    )
    place = _event_place(geoparser, text, "robbed")
    assert place is not None and place.text == "Anbar"


def test_event_place_region_alone_in_sentence(geoparser: Geoparser) -> None:
    text = "BAGHDAD - Iraqi jets struck hideouts in the Hamrin mountains on Monday, killing nine militants."
    place = _event_place(geoparser, text, "struck")
    assert place is not None and place.name == "Hamrin Mountains"
    assert place.precision == LocationPrecision.part_of_country


def test_event_place_locative_with_article_beats_far_province(geoparser: Geoparser) -> None:
    text = (
        "Iraqi jets struck hideouts in the Hamrin mountains on Monday, killing nine militants. "
        "Troops searched caves for hours afterwards and found rifles, mortar rounds and explosive belts; "
        "the range runs across Diyala, Salahuddin and Kirkuk provinces."
    )
    place = _in_span(geoparser, text, "struck")
    assert place is not None and place.name == "Hamrin Mountains"


@pytest.mark.parametrize(
    "text",
    [
        "U.S. Air Force officials announced that an airstrike killed four militants.",
        "Iraqi officials said Syria's army shelled the crossing, killing two.",
    ],
)
def test_event_place_country_before_a_force_is_not_the_place(geoparser: Geoparser, text: str) -> None:
    places = geoparser.geoparse(text, "en")
    trigger = text.index("killed") if "killed" in text else text.index("shelled")
    place = geoparser.event_place(text, places, (0, len(text)), (trigger, trigger + 6))
    assert place is None or place.precision is not LocationPrecision.country


@pytest.mark.parametrize(
    "text",
    [
        "The United States also resumed its airstrikes, which killed twelve militants.",
        "On Monday the U.S. launched new airstrikes that killed nine fighters.",
        "A U.S. convoy was hit by a roadside bomb that killed two soldiers.",
        "The U.S. DoD said a commander was killed in an airstrike.",
    ],
)
def test_event_place_bare_country_is_an_actor_not_the_place(geoparser: Geoparser, text: str) -> None:
    place = _event_place(geoparser, text, "killed")
    assert place is None or place.precision is not LocationPrecision.country


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Islamic State fighters killed six shepherds in Iraq on Monday.", "Iraq"),
        ("Attacks in Iraq and Syria killed dozens of soldiers last week.", "Iraq"),
        ("قتل ستة رعاة في العراق يوم الاثنين.", "العراق"),
        ("The fighters re-entered Syria at night and were killed in an ambush.", "Syria"),
        ("Turkish troops who invaded Iraq killed six fighters, officials said.", "Iraq"),
    ],
)
def test_event_place_country_after_locative_word_is_the_place(geoparser: Geoparser, text: str, expected: str) -> None:
    arabic = expected == "العراق"
    place = _event_place(geoparser, text, "قتل" if arabic else "killed", "ar" if arabic else "en")
    assert place is not None and place.text == expected
    assert place.precision == LocationPrecision.country


def test_event_place_second_country_of_a_locative_list_counts(geoparser: Geoparser) -> None:
    text = "Cells remained active in Iraq and Syria, officials said; one attacked a checkpoint."
    places = geoparser.geoparse(text, "en")
    syria = next(p for p in places if p.text == "Syria")
    from emberwatch.geo.event_place import _country_as_place

    assert _country_as_place(text, syria, places, 0)


@pytest.mark.parametrize(
    "text",
    [
        "القاهرة - قتل جنديان عندما استهدفت عبوة ناسفة مدرعتهم غربي مدينة بئر العبد في شمال سيناء.",
        "القاهرة - قتل جنديان بانفجار عبوة ناسفة بالقرب من بئر العبد في شمال سيناء.",
    ],
)
def test_event_place_arabic_locative_through_head_noun(geoparser: Geoparser, text: str) -> None:
    place = _event_place(geoparser, text, "قتل", "ar")
    assert place is not None and place.text == "بئر العبد"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("دير الزور - قتل مسلحون ثلاثة حراس في هجوم على بئر نفطية قرب البصيرة في ريف دير الزور الشرقي ثم أضرموا "
         "النار في البئر.", "أضرموا"),
        ("بعقوبة - قتل مسلحون مختار قرية قرب خانقين في محافظة ديالى.", "قتل"),
    ],
)
def test_event_place_arabic_area_after_a_town_only_locates_it(geoparser: Geoparser, text: str, trigger: str) -> None:
    place = _event_place(geoparser, text, trigger, "ar")
    assert place is not None and place.text in ("البصيرة", "خانقين")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("A car full of dynamite exploded in front of the economy ministry in Lima today, killing one person.",
         "exploded", "Lima"),
        ("Rockets hit the US embassy in Baghdad on Sunday, wounding two guards.", "Rockets", "Baghdad"),
    ],
)
def test_event_place_ministry_or_embassy_in_a_city_is_where_it_happened(
    geoparser: Geoparser, text: str, trigger: str, expected: str
) -> None:
    place = _event_place(geoparser, text, trigger)
    assert place is not None and place.text == expected


def test_event_place_ministry_in_a_city_that_speaks_is_a_statement_place(geoparser: Geoparser) -> None:
    text = "The interior ministry in Baghdad said gunmen attacked a checkpoint near Tarmiyah."
    place = _event_place(geoparser, text, "attacked")
    assert place is not None and place.text == "Tarmiyah"


def test_event_place_speaker_location_is_not_the_event_place(geoparser: Geoparser) -> None:
    text = "Police in Anbar province said they had arrested four men hiding in a farmhouse near Rutba."
    place = _event_place(geoparser, text, "arrested")
    assert place is not None and place.text == "Rutba"


def test_event_place_city_a_supply_line_leads_to_is_only_near(geoparser: Geoparser) -> None:
    text = (
        "ISIL forces attacked the road near Ithriyah in order to cut the government's main supply line "
        "to Aleppo, capturing two checkpoints."
    )
    place = _event_place(geoparser, text, "attacked")
    assert place is None or place.text != "Aleppo" or place.precision == LocationPrecision.near


def test_event_place_arabic_speaker_from_a_place_is_not_a_statement_place(geoparser: Geoparser) -> None:
    text = "الحسكة، سوريا - وقال تاجر من البصيرة إنه دفع المال بعد أن أحرق مسلحون صهريج جاره."
    place = _event_place(geoparser, text, "أحرق", "ar")
    assert place is not None and place.text == "البصيرة"
    statement = "الحسكة، سوريا - قال في بيان من دمشق إن مسلحين أحرقوا صهريجا في البصيرة."
    from emberwatch.geo.event_place import is_statement_place

    damascus = next(p for p in geoparser.geoparse(statement, "ar") if p.text == "دمشق")
    assert is_statement_place(statement, damascus)


def test_event_place_the_city_is_the_town_the_text_is_about(geoparser: Geoparser) -> None:
    text = (
        "Iraqi forces entered Mosul in October. Fighting in Mosul went on for weeks, and Mosul's old town "
        "was the last district to fall. Some units were sent to Tal Afar in the west. "
        "On 15 December, the army said it had retaken the eastern shores of the city, killing 40 militants."
    )
    place = _event_place(geoparser, text, "retaken")
    assert place is not None and place.name == "Mosul"
    assert place.precision == LocationPrecision.exact


def test_event_place_outside_the_city_is_near_it(geoparser: Geoparser) -> None:
    text = "Militants have held Hawija since 2014. On Monday a bomb exploded outside the city, killing two."
    place = _event_place(geoparser, text, "exploded")
    assert place is not None and place.text == "Hawija"
    assert place.precision == LocationPrecision.near


def test_event_place_arabic_the_city_refers_back(geoparser: Geoparser) -> None:
    text = "سيطرت القوات على الرقة في تشرين الأول. وقالت مصادر إن انفجارا وقع وسط المدينة وقتل خمسة."
    place = _event_place(geoparser, text, "انفجارا", "ar")
    assert place is not None and place.text == "الرقة"


def test_event_place_a_town_inside_a_name_is_no_antecedent(geoparser: Geoparser) -> None:
    text = "Troops advanced on Raqqa. Fighters of the Manbij Military Council joined them. The city fell on Monday."
    place = _event_place(geoparser, text, "fell")
    assert place is not None and place.text == "Raqqa"


def test_event_place_the_city_of_x_is_no_reference(geoparser: Geoparser) -> None:
    text = "Fighting reached Raqqa. Then a bomb exploded in the city of Tabqa, killing three."
    place = _event_place(geoparser, text, "exploded")
    assert place is not None and place.text == "Tabqa"


def test_event_place_office_of_a_country_is_no_place(geoparser: Geoparser) -> None:
    text = "The Prime Minister of Australia praised the strikes."
    assert _event_place(geoparser, text, "strikes") is None
    text = "Gunmen attacked a checkpoint east of Baghdad."
    place = _event_place(geoparser, text, "attacked")
    assert place is not None and place.text == "Baghdad"


def test_event_place_the_city_is_the_latest_town_not_a_reference_point(geoparser: Geoparser) -> None:
    text = (
        "Iraqi forces fought in Mosul for months.\n\n"
        "The army then launched an offensive to retake Tal Afar, 55 km west of Mosul, in August. "
        "The city was captured on 28 August."
    )
    place = _event_place(geoparser, text, "captured")
    assert place is not None and place.name == "Tall ‘Afar"


def test_event_place_a_town_located_by_another_is_the_place(geoparser: Geoparser) -> None:
    text = "The first drone strike hit Bayji, north of Baghdad, against militants laying explosive devices."
    place = _event_place(geoparser, text, "explosive devices")
    assert place is not None and place.text == "Bayji"


def test_event_place_travel_destination_is_no_place(geoparser: Geoparser) -> None:
    text = "Explosions echoed over the town, the general said during a trip to Cairo."
    assert _event_place(geoparser, text, "Explosions") is None


def test_event_place_paragraph_fallback_prefers_a_located_place(geoparser: Geoparser) -> None:
    text = (
        "A militant who had a role in the 2016 Jakarta attacks was caught near Marawi on Monday. "
        "Two more militants were killed during the night."
    )
    place = _event_place(geoparser, text, "killed")
    assert place is not None and place.text == "Marawi"


def test_event_place_borrowed_from_another_sentence_is_near_that_town_not_at_it(geoparser: Geoparser) -> None:
    text = "Government forces entered Hajin on Monday. Another village was captured the next day."
    place = _event_place(geoparser, text, "captured")
    assert place is not None and place.text == "Hajin"
    assert place.precision == LocationPrecision.near
    own = _event_place(geoparser, text, "entered")
    assert own is not None and own.text == "Hajin" and own.precision == LocationPrecision.exact


def test_event_place_capital_of_a_region_locates_the_city(geoparser: Geoparser) -> None:
    text = "On 29 September, bombers attacked Erbil, the capital of Iraqi Kurdistan."
    place = _event_place(geoparser, text, "attacked")
    assert place is not None and place.text == "Erbil"


def test_event_place_quarter_named_after_a_city_abroad(geoparser: Geoparser) -> None:
    text = "Fighting went on in Sirte all week. The GNA also took control of the Al-Giza military zone."
    places = geoparser.geoparse(text, "en")
    assert any(p.country_code == "EG" for p in places)  # the quarter's name is a city in Egypt
    place = _event_place(geoparser, text, "took control")
    assert place is not None and place.country_code == "LY"


def test_event_place_distance_reference_is_not_the_place(geoparser: Geoparser) -> None:
    text = (
        "Iraqi forces launched a ground offensive to retake Tal Afar, one of the last cities held by "
        "the militants, located 55 km west of Mosul, on 20 August."
    )
    place = _event_place(geoparser, text, "offensive")
    assert place is not None and place.text == "Tal Afar"


def test_event_place_a_town_named_after_the_reference_does_not_win(geoparser: Geoparser) -> None:
    text = "Fighters attacked three villages west of Tal Afar to reopen the road to Raqqa."
    place = _event_place(geoparser, text, "attacked")
    assert place is not None and place.text == "Tal Afar"
    assert place.precision == LocationPrecision.near


def test_event_place_quarter_named_after_a_far_town_of_the_same_country(geoparser: Geoparser) -> None:
    text = (
        "The SDF fought on in Raqqa through the summer. The coalition forces also advanced into the "
        "Al-Morour and Daraiya neighborhoods, which were captured by 6 September."
    )
    places = geoparser.geoparse(text, "en")
    assert any(p.text == "Daraiya" for p in places)  # Darayya near Damascus, 400 km away
    place = _event_place(geoparser, text, "captured")
    assert place is not None and place.text == "Raqqa"


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "While clearing villages of southern Nangarhar with Afghan commandos, two soldiers were wounded by "
            "small arms fire, the first such casualties in the fight against the group in Afghanistan.",
            "wounded",
            "Nangarhar",
        ),
        ("Militants struck Haditha in Anbar province overnight, killing six policemen.", "struck", "Haditha"),
        ("Gunmen stormed a hotel in Kenya's capital Nairobi, killing 21 people.", "stormed", "Nairobi"),
    ],
)
def test_event_place_town_named_inside_its_framing_province_or_country(
    geoparser: Geoparser, text: str, trigger: str, expected: str
) -> None:
    place = _in_span(geoparser, text, trigger)
    assert place is not None and place.text == expected


def test_event_place_framing_country_keeps_towns_of_other_sentences_out(geoparser: Geoparser) -> None:
    text = (
        "Coalition jets bombed militant positions in Iraq on Sunday. "
        "Separately, the governor of Kirkuk opened a new school."
    )
    place = _in_span(geoparser, text, "bombed")
    assert place is not None and place.text == "Iraq"


def test_event_place_road_named_after_its_ends_is_not_the_town(geoparser: Geoparser) -> None:
    text = "A roadside bomb hit a convoy on the Shaddadi-Hasakah road in Hasakah province, killing five fighters."
    place = _in_span(geoparser, text, "bomb")
    assert place is not None and place.precision == LocationPrecision.admin1


@pytest.mark.parametrize(
    "text",
    [
        "Clashes with fighters from Tikrit erupted overnight in southern Kirkuk, killing four.",
        "Clashes with fighters from Tikrit erupted overnight in the rural Kirkuk countryside, killing four.",
    ],
)
def test_event_place_locative_through_direction_adjective(geoparser: Geoparser, text: str) -> None:
    place = _in_span(geoparser, text, "Clashes")
    assert place is not None and place.text == "Kirkuk"


def test_locative_word_before_an_article_left_out_of_the_span() -> None:
    text = "SDF units were targeted at al-Susah with car bombs."
    start = text.index("Susah")
    place = PlaceRef(text="Susah", start=start, end=start + 5)
    assert _is_locative(text, place, 0)


def test_event_place_ignores_image_captions_of_other_sentences(geoparser: Geoparser) -> None:
    text = (
        "#### May 23\n"
        "![Evacuees from Marawi in Iligan](https://example.org/evacuees.jpg)\n"
        "Firefights between government forces and militants began in the afternoon."
    )
    start = text.index("Firefights")
    places = geoparser.geoparse(text, "en")
    assert geoparser.event_place(text, places, (start, len(text)), (start, start + 10)) is None


def test_event_place_reads_an_event_from_its_own_caption(geoparser: Geoparser) -> None:
    text = "![Coalition airstrike on militant positions in Raqqa](https://example.org/strike.jpg)\nThe war went on."
    start = text.index("airstrike")
    places = geoparser.geoparse(text, "en")
    place = geoparser.event_place(text, places, (2, text.index("]")), (start, start + 9))
    assert place is not None and place.text == "Raqqa"


def test_event_place_group_named_after_a_place_is_not_where_it_happened(geoparser: Geoparser) -> None:
    text = "Jets struck the Haqqani network and the Khorasan group overnight, officials in Washington said."
    place = _in_span(geoparser, text, "struck")
    assert place is None or place.country_code not in ("TR", "IR")


def test_event_place_town_located_from_another_cannot_be_a_far_namesake(geoparser: Geoparser) -> None:
    text = "On 31 March, SDF forces attacked the town of al-Safsafah, located east of Tabqa, besieging the city."
    place = _in_span(geoparser, text, "attacked")
    assert place is not None and place.text == "Tabqa" and place.precision == LocationPrecision.near


@pytest.mark.parametrize(
    "text",
    [
        "Troops retook Bayji, 200 km north of Baghdad, on Monday.",
        "Troops retook Bayji, north of Baghdad, on Monday.",
        # a stated distance with the wrong direction (Medellin lies north-west of Bogota)
        "Troops retook Medellin, 250 km northeast of Bogota, on Monday.",
    ],
)
def test_event_place_town_in_the_stated_direction_stays(geoparser: Geoparser, text: str) -> None:
    place = _in_span(geoparser, text, "retook")
    assert place is not None and place.text in ("Bayji", "Medellin")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Militants shot down a Jordanian fighter jet over Syria and captured its pilot.", "shot", "Syria"),
        ("Jets based in Qatar struck militant positions in Raqqa on Monday.", "struck", "Raqqa"),
        ("Gunmen attacked a military base in Monguno on Tuesday, residents said.", "attacked", "Monguno"),
    ],
)
def test_event_place_where_it_happened_not_where_forces_are_based(
    geoparser: Geoparser, text: str, trigger: str, expected: str
) -> None:
    place = _in_span(geoparser, text, trigger)
    assert place is not None and place.text == expected


def test_event_place_skips_every_country_of_a_list_of_bases(geoparser: Geoparser) -> None:
    text = (
        "The carrier was deployed from Toulon to support the air campaign; 12 other jets operated out of "
        "bases in Jordan and the United Arab Emirates."
    )
    assert _in_span(geoparser, text, "campaign") is None


def _line_event(geoparser: Geoparser, text: str, line_start: str, trigger: str):  # type: ignore[no-untyped-def]
    """The event place of ``trigger`` with the line that starts at ``line_start`` as the event's span."""
    start = text.index(line_start)
    end = text.find("\n", start)
    at = text.index(trigger, start)
    places = geoparser.geoparse(text, "en")
    return geoparser.event_place(text, places, (start, len(text) if end < 0 else end), (at, at + len(trigger)))


def _second_paragraph_event(geoparser: Geoparser, lead: str):  # type: ignore[no-untyped-def]
    text = f"{lead}\n\nWitnesses said that ten hostages were killed in air strikes."
    return _line_event(geoparser, text, "Witnesses", "killed")


def test_event_place_falls_back_to_the_lead_at_admin1_precision(geoparser: Geoparser) -> None:
    place = _second_paragraph_event(
        geoparser, "The siege of Marawi was a five-month-long armed conflict in Marawi, Philippines."
    )
    assert place is not None and place.text == "Marawi"
    assert place.precision == LocationPrecision.admin1


@pytest.mark.parametrize(
    "lead",
    [
        "Many states intervened against the group in Iraq and Syria.",  # two countries
        "Many states intervened against the group in Iraq.",  # only a country
    ],
)
def test_event_place_lead_naming_no_single_province_or_town_places_nothing(geoparser: Geoparser, lead: str) -> None:
    assert _second_paragraph_event(geoparser, lead) is None


def test_event_place_not_where_someone_was_flown_afterwards(geoparser: Geoparser) -> None:
    text = (
        "Government forces regained control of the mosque in Marawi after a gunfight. "
        "A priest held hostage was found near the mosque and was flown to Davao City."
    )
    place = _in_span(geoparser, text, "regained")
    assert place is not None and place.text == "Marawi"
    assert _event_place(geoparser, "A priest held hostage was found and was flown to Davao City.", "found") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "A photographer was wounded by splinters and was airlifted by the Coalition to Baghdad.",
        "A photographer was wounded by splinters and was taken by helicopter to Baghdad.",
    ],
)
def test_event_place_not_where_someone_was_taken_by_someone_afterwards(geoparser: Geoparser, sentence: str) -> None:
    assert _event_place(geoparser, sentence, "wounded") is None


def test_event_place_list_item_borrows_from_itself_first(geoparser: Geoparser) -> None:
    text = (
        "## Timeline\n"
        " * **2 March** – Gunmen attacked a checkpoint in Manbij.\n"
        " * **22 November** – Coalition forces attacked ISIL enclaves near the Iraqi border. Up to 600 fighters "
        "defend a pocket in the eastern province of Deir ez-Zor.\n"
    )
    place = _line_event(geoparser, text, "**22 November**", "attacked")
    assert place is not None and place.text == "Deir ez-Zor"


def test_event_place_borrowed_from_another_list_item_is_province_level_at_best(geoparser: Geoparser) -> None:
    text = (
        "## Timeline\n"
        " * **2 March** – Gunmen attacked a checkpoint in Manbij.\n"
        " * **4 March** – SDF forces arrested eight ISIS members in a night raid.\n"
    )
    place = _line_event(geoparser, text, "**4 March**", "arrested")
    assert place is not None and place.text == "Manbij"
    assert place.precision == LocationPrecision.admin1


def test_event_place_not_a_town_naming_a_council_or_front(geoparser: Geoparser) -> None:
    text = "The SDF advanced in Raqqa. In heavy fighting, the leader of the Manbij Military Council was killed."
    place = _event_place(geoparser, text, "killed")
    assert place is not None and place.text == "Raqqa"
    front = "The SDF captured eight villages at the Ayn Issa front and near Tabqa."
    assert _event_place(geoparser, front, "captured") is not None


def test_event_place_not_borrowed_from_another_events_name(geoparser: Geoparser) -> None:
    text = (
        "The SDF captured the encampment and took hundreds of militants into custody. Among those who "
        "surrendered were suspects of the Manbij bombing that targeted U.S. soldiers, officials in Hasakah said."
    )
    place = _event_place(geoparser, text, "captured")
    assert place is None or place.text != "Manbij"
    # in its own sentence the name is the event's place
    own = _event_place(geoparser, "The Manbij bombing killed four U.S. soldiers in January.", "bombing")
    assert own is not None and own.text == "Manbij"


def test_event_place_building_named_after_a_city_abroad_is_not_the_place(geoparser: Geoparser) -> None:
    text = (
        "Government forces advanced in Sirte on Sunday. "
        "The Cordoba mosque was captured on the same day along with other areas of neighbourhood 3."
    )
    place = _event_place(geoparser, text, "captured")
    assert place is not None and place.text == "Sirte"


def test_event_place_building_named_after_its_own_city_stays_there(geoparser: Geoparser) -> None:
    text = "Clashes went on in Deir ez-Zor and al-Mayadin. The al-Hasakah prison attack began on Thursday."
    place = _event_place(geoparser, text, "attack")
    assert place is not None and place.text == "al-Hasakah"


def test_event_place_province_named_as_a_quarter_of_the_city_is_not_the_place(geoparser: Geoparser) -> None:
    text = (
        "Iraqi forces advanced in eastern Mosul on Friday. "
        "The next day, special forces stormed the al-Muthanna district in an overnight raid."
    )
    place = _event_place(geoparser, text, "stormed")
    assert place is not None and place.text == "Mosul"


@pytest.mark.parametrize(
    "text",
    [
        "Two car bombs detonated in the market area of Shahil, Syria, killing 14 people.",
        "The U.S. bombed a military base in the village of Uqayrishah, Syria.",
    ],
)
def test_event_place_country_of_a_town_the_gazetteer_lacks_is_the_place(geoparser: Geoparser, text: str) -> None:
    trigger = "detonated" if "detonated" in text else "bombed"
    place = _event_place(geoparser, text, trigger)
    assert place is not None and (place.text, place.precision) == ("Syria", LocationPrecision.country)


def test_event_place_country_after_a_name_without_a_locative_word_stays_an_actor(geoparser: Geoparser) -> None:
    text = "Officials said John Kerry, Syria and Iran agreed to the airstrikes."
    place = _event_place(geoparser, text, "airstrikes")
    assert place is None or place.text != "Syria"


def test_event_place_skips_where_a_speech_was_given(geoparser: Geoparser) -> None:
    text = (
        "On 20 March, the president predicted victory during a speech at a U.S. Army tank factory in the U.S. "
        "Coalition airstrikes on two pockets of militants were reported late in the day."
    )
    assert _in_span(geoparser, text, "airstrikes") is None
    rally = "Gunmen attacked a checkpoint in Hit, a day after a rally in Ramadi."
    place = _event_place(geoparser, rally, "attacked")
    assert place is not None and place.text == "Hit"


def test_event_place_skips_where_people_were_on_their_way_to(geoparser: Geoparser) -> None:
    text = (
        "On 13 February, IS executed 15 of its own fighters in Hajin. "
        "Aid groups said 51 people had died on the way from the enclave to the Al-Hawl refugee camp."
    )
    place = _in_span(geoparser, text, "executed")
    assert place is not None and place.text == "Hajin"
    alone = "Aid groups said 51 people had died on the way from the enclave to the Al-Hawl refugee camp."
    assert _event_place(geoparser, alone, "died") is None


def test_event_place_skips_a_place_naming_an_earlier_event_the_sentence_dates_itself_by(geoparser: Geoparser) -> None:
    text = "Following the November 2015 Paris attacks, the prime minister opened a debate on Syrian airstrikes."
    assert _event_place(geoparser, text, "airstrikes") is None
    # unless that event is the one the trigger names
    own = "After the Paris attacks killed 130 people, the city mourned."
    place = _event_place(geoparser, own, "attacks")
    assert place is not None and place.text == "Paris"


def test_event_place_country_named_by_its_territory_is_where_it_happened(geoparser: Geoparser) -> None:
    text = "In January 2016, the Netherlands extended their bombings of ISIL to Syrian territory."
    place = _event_place(geoparser, text, "bombings")
    assert place is not None and place.name == "Syria"


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the target of a plan the sentence reports is not where the strike was
        (
            "U.S. forces killed an Islamic State leader, who was allegedly planning attacks in Europe during "
            "Easter, in an overnight drone strike on the outskirts of rebel-held town of Killi, Idlib in northwest "
            "Syria.",
            "drone strike",
            "Idlib",
        ),
        # nor is where the weapons came from
        (
            "On 4 July, using weapons captured in Iraq, the Islamic State seized the villages of Zor Maghar, "
            "Al-Zyara and Bayadiyah, near the city of Kobani, after three days of fighting with YPG forces in "
            "northern Syria.",
            "captured",
            "Kobani",
        ),
        ("مقتل قيادي كان يخطط لهجمات في أوروبا بغارة على مدينة إدلب", "بغارة", "إدلب"),
    ],
)
def test_event_place_skips_plan_targets_and_where_weapons_came_from(
    geoparser: Geoparser, text: str, trigger: str, expected: str
) -> None:
    place = _in_span(geoparser, text, trigger) if text.isascii() else _event_place(geoparser, text, trigger, "ar")
    assert place is not None and place.text == expected


def test_event_place_keeps_plan_target_when_no_other_place(geoparser: Geoparser) -> None:
    # an arrest of a cell planning attacks in Baghdad: Baghdad is the only place the sentence gives
    text = "Security forces arrested a cell planning attacks in Baghdad."
    place = _event_place(geoparser, text, "arrested")
    assert place is not None and place.text == "Baghdad"


@pytest.mark.parametrize(
    ("text", "trigger", "lang"),
    [
        ("A suicide attack in Abu Grain, at a crossroad between Sirte and Misrata, killed four.", "attack", "en"),
        ("Clashes broke out on the road between Hajin and Abu Kamal.", "Clashes", "en"),
        ("اندلعت اشتباكات على الطريق بين هجين والبوكمال.", "اشتباكات", "ar"),
    ],
)
def test_event_place_between_two_towns_is_near_them(geoparser: Geoparser, text: str, trigger: str, lang: str) -> None:
    place = _event_place(geoparser, text, trigger, lang)
    assert place is not None and place.precision == LocationPrecision.near


@pytest.mark.parametrize(
    "text",
    [
        "On 3 June 2016, aircraft flying from the USS Harry S. Truman in the Mediterranean Sea began airstrikes on IS.",
        "Canadian aircraft left for the Middle East to join in airstrikes on 21 October 2014.",
    ],
)
def test_event_place_is_never_a_sea_or_world_region(geoparser: Geoparser, text: str) -> None:
    assert _event_place(geoparser, text, "airstrikes") is None


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("A car bomb exploded near a checkpoint at the northern entrance to Sabha in southern Libya on Monday.",
         "exploded", "Sabha"),
        ("A roadside bomb hit an army patrol close to Hit in western Iraq on Monday.", "bomb", "Hit"),
    ],
)  # fmt: skip
def test_event_place_entrance_to_a_town_is_where_it_happened(
    geoparser: Geoparser, text: str, trigger: str, expected: str
) -> None:
    place = _event_place(geoparser, text, trigger)
    assert place is not None and (place.text, place.precision) == (expected, LocationPrecision.near)


@pytest.mark.parametrize(
    ("text", "trigger", "lang", "expected"),
    [
        (
            "Gunmen opened fire on the mukhtar outside his home near Mandali. One of his relatives was wounded "
            "and taken to hospital in Baquba.",
            "wounded",
            "en",
            "Mandali",
        ),
        # diacritics inside the verb ("نُقل") must not split it into two words
        (
            "فتح المسلحون النار على المختار أمام منزله قرب بلدة مندلي، ما أسفر عن إصابة أحد أقاربه بجروح نُقل "
            "على إثرها إلى مستشفى في بعقوبة.",
            "إصابة",
            "ar",
            "Mandali",
        ),
    ],
)
def test_event_place_hospital_the_wounded_were_taken_to_is_not_the_place(
    geoparser: Geoparser, text: str, trigger: str, lang: str, expected: str
) -> None:
    places = geoparser.geoparse(text, lang)
    start = text.index(trigger)
    place = geoparser.event_place(text, places, (0, len(text)), (start, start + len(trigger)))
    assert place is not None and place.name == expected


def test_event_place_arabic_oasis_is_a_head_noun(geoparser: Geoparser) -> None:
    text = "قالت مصادر أمنية إن مسلحين هاجموا نقطة للشرطة قرب واحة الفرافرة في الصحراء الغربية بمصر."
    place = _event_place(geoparser, text, "هاجموا", "ar")
    assert place is not None and place.name == "Qasr al Farafirah"


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # "at the entrance of" a town is where it happened, not the region that names the forces
        ("اقتحم انتحاري بسيارة مفخخة حاجزا لقوات الأمن في بونتلاند عند مدخل برغال، وهي بلدة ساحلية في إقليم باري "
         "شمال شرقي الصومال.", "اقتحم", "Bargaal"),
        # "south-west of Kirkuk" only says where the subdistrict is (the arson's word is nearer Kirkuk)
        ("كركوك (العراق) - اقتحم مسلحون يُشتبه في انتمائهم إلى تنظيم الدولة الإسلامية قرية زراعية قرب ناحية العباسي "
         "جنوب غربي كركوك، ليل الاثنين-الثلاثاء، فقتلوا رجلا بالرصاص وأضرموا النار في سبعة منازل.", "أضرموا",
         "Al ‘Abbasi"),
    ],
)  # fmt: skip
def test_event_place_arabic_entrance_and_compound_direction(
    geoparser: Geoparser, text: str, trigger: str, expected: str
) -> None:
    place = _event_place(geoparser, text, trigger, "ar")
    assert place is not None and place.name == expected


@pytest.mark.parametrize(
    ("text", "trigger", "lang", "expected"),
    [
        # geo-73: a town that locates a mountain range or a desert pins the event down, near the town
        ("أعلنت قيادة العمليات المشتركة أن مقاتلات قتلت سبعة مسلحين في غارات جوية على مخابئ للتنظيم في جبال حمرين "
         "شمال شرقي ناحية العلم بمحافظة صلاح الدين.", "غارات", "ar", "Al-'Alam"),
        ("Iraqi F-16 warplanes killed seven militants in air strikes on hideouts in the Hamrin Mountains north-east of "
         "the town of al-Alam, in Salahuddin province.", "air strikes", "en", "Al-'Alam"),
        ("Egyptian security forces killed four militants during a raid on a hideout in the Western Desert about 40 "
         "kilometres southwest of the town of Bawiti, on Wednesday.", "raid", "en", "Al Bawiti"),
    ],
)  # fmt: skip
def test_event_place_town_locating_a_mountain_range_is_the_place(
    geoparser: Geoparser, text: str, trigger: str, lang: str, expected: str
) -> None:
    place = _event_place(geoparser, text, trigger, lang)
    assert place is not None and (place.name, int(place.precision)) == (expected, 2)
