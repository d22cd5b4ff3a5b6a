"""Toponym recognition in English (mixed case and wire capitals) and Arabic."""

from __future__ import annotations

import pytest

from emberwatch.geo import Geoparser
from emberwatch.models import LocationPrecision


def _texts(geoparser: Geoparser, text: str) -> list[str]:
    return [p.text for p in geoparser.geoparse(text, "en")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants attacked a checkpoint near Hit in Anbar province.", ["Hit", "Anbar"]),
        ("Gunmen killed two farmers in Al-Mayadin, Deir ez-Zor.", ["Al-Mayadin", "Deir ez-Zor"]),
        ("Clashes continued in Deir al-Zour and Raqqa.", ["Deir al-Zour", "Raqqa"]),
        ("A bomb went off in Iraq's Salahuddin province.", ["Iraq", "Salahuddin"]),
        ("GUNMEN ATTACKED A PATROL IN MOSUL ON MONDAY.", ["MOSUL"]),
        ("U.S. aircraft struck targets in eastern Syria.", ["U.S.", "Syria"]),
    ],
)
def test_recognise_english_places(geoparser: Geoparser, text: str, expected: list[str]) -> None:
    assert _texts(geoparser, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the gazetteer also lists "Anbar province", "Hubei province", "state of Uttar Pradesh": the name alone
        ("Children in eastern Anhui province were admitted to hospital.", ["Anhui"]),
        ("Floods hit India's northern state of Uttar Pradesh.", ["India", "Uttar Pradesh"]),
        ("Fighting spread from Anbar governorate to Nineveh province.", ["Anbar", "Nineveh"]),
        ("Deputies from Henry County were called.", ["Henry County"]),  # capitalised: part of the name
        ("GUNMEN STRUCK IN ANBAR PROVINCE.", ["ANBAR PROVINCE"]),  # wire capitals: no case to go by
    ],
)
def test_recognise_lower_case_unit_word_is_not_part_of_the_name(
    geoparser: Geoparser, text: str, expected: list[str]
) -> None:
    assert _texts(geoparser, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hit by mortar fire, the convoy turned back.",
        "He said the attack was planned. Of the dead, most were guards.",
        "The ministry said it would review the case.",
        "Most of them were released on Monday in good health.",
        "HE SAID THE ATTACK WAS A HIT AND RUN BY UNKNOWN MEN.",
    ],
)
def test_recognise_no_false_positives_on_common_words(geoparser: Geoparser, text: str) -> None:
    assert _texts(geoparser, text) == []


def test_recognise_person_names_are_not_places(geoparser: Geoparser) -> None:
    text = "Officer Raquel Henry said the suspect, Tom Jordan, fled. Henry added that Sheriff Douglas agreed."
    assert _texts(geoparser, text) == []


def test_recognise_common_word_place_needs_context_in_capitals(geoparser: Geoparser) -> None:
    assert _texts(geoparser, "ISLAMIC STATE CELLS ATTACKED A POST IN HIT, WEST OF RAMADI, IN IRAQ.") == [
        "HIT",
        "RAMADI",
        "IRAQ",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل جنديان في هجوم وبالموصل أمس", "بالموصل"),
        ("انفجرت عبوة في الرقة صباح اليوم", "الرقة"),
        ("اشتباكات قرب دير الزور", "دير الزور"),
        ("وصل الوفد إلى الموصل", "الموصل"),
        ("سقطت قذائف على مدينة حلب", "حلب"),
    ],
)
def test_recognise_arabic_with_clitics(geoparser: Geoparser, text: str, expected: str) -> None:
    places = geoparser.geoparse(text, "ar")
    assert places, text
    assert expected.endswith(places[0].text) or places[0].text.endswith(expected[-4:])
    assert text[places[0].start : places[0].end] == places[0].text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Arabic names GeoNames lacks for these towns (geo/data/aliases.yaml)
        ("خلال عملية في قضاء الطوز", "Tuz Khurmatu"),
        ("اشتباكات في البوكمال", "Albu Kamal"),
        ("نقل العائلات إلى مخيم الهول", "Al Hawl"),
        # a head noun with a proclitic is a cue for a village of no recorded population
        ("انفجرت سيارة مفخخة عند حاجز على المدخل الجنوبي لبلدة الشدادي", "Ash Shaddadah"),
        # the Islamic State's African provinces: towns and provinces Arabic reports name
        ("هاجم مقاتلو التنظيم بلدة ديفا", "Diffa"),
        ("قتل مسلحون قرويين في إقليم شمال كيفو", "Nord Kivu"),
        ("هجوم على بلدة مونغونو", "Monguno"),
    ],
)
def test_recognise_arabic_names_of_towns_in_the_shipped_aliases(geoparser: Geoparser, text: str, name: str) -> None:
    assert [p.name for p in geoparser.geoparse(text, "ar")] == [name]


def test_recognise_arabic_province_and_its_seat_sharing_a_name_follow_the_head_noun(geoparser: Geoparser) -> None:
    town = geoparser.geoparse("هاجم مسلحون بلدة ديفا في النيجر", "ar")[0]
    region = geoparser.geoparse("هاجم مسلحون منطقة ديفا في النيجر", "ar")[0]
    assert (town.name, town.precision, region.precision) == ("Diffa", LocationPrecision.exact, LocationPrecision.admin1)


def test_recognise_arabic_name_after_a_dual_or_plural_head_noun(geoparser: Geoparser) -> None:
    # "قريتي" (the two villages of) is a head noun like "قرية": Dhiban, a village of no recorded
    # population, needs it as a cue
    text = "اعتقال رجل في قريتي ذيبان والشحيل في ريف دير الزور"
    assert [(p.text, p.country_code) for p in geoparser.geoparse(text, "ar")][:1] == [("ذيبان", "SY")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Then Raqqa fell to the group in 2014.", ["Raqqa"]),
        ("Both Russia and Iran back the government.", ["Russia", "Iran"]),
        # the first word of a document, by a name GeoNames gives as another name of a big city
        ("Raqqa campaign (2016–2017)\n\nThe campaign began in November.", ["Raqqa"]),
    ],
)
def test_recognise_sentence_opener_is_no_part_of_the_name_after_it(
    geoparser: Geoparser, text: str, expected: list[str]
) -> None:
    assert _texts(geoparser, text) == expected


def test_recognise_arabic_clitic_span_excludes_prefix(geoparser: Geoparser) -> None:
    text = "هجوم وبالموصل"
    place = geoparser.geoparse(text, "ar")[0]
    assert place.text == "الموصل" and place.country_code == "IQ"


def test_recognise_offsets_point_into_original_text(geoparser: Geoparser) -> None:
    text = "Fighting near  Deir ez-Zor’s airport and in Abū Kamāl."
    for place in geoparser.geoparse(text, "en"):
        assert text[place.start : place.end] == place.text
    assert [p.text for p in geoparser.geoparse(text, "en")] == ["Deir ez-Zor", "Abū Kamāl"]


def test_recognise_demonyms_are_context_not_places(geoparser: Geoparser) -> None:
    assert _texts(geoparser, "Syrian and Iraqi officials met.") == []


def test_recognise_arabic_cue_with_conjunction_gives_near_precision(geoparser: Geoparser) -> None:
    text = "انفجرت عبوة ناسفة وبالموصل وقرب الحويجة في محافظة كركوك"
    places = geoparser.geoparse(text, "ar")
    assert [(p.text, p.name, p.precision.value) for p in places] == [
        ("الموصل", "Mosul", 1),
        ("الحويجة", "Al Hawijah", 2),
        ("محافظة كركوك", "Kirkuk", 4),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "أعلن التحالف الدولي في بيان يوم الخميس",
        "قالت الحكومة إن الأمن مستتب في الجنوب",
        # "two villages", not al-Qaryatayn, which has the article
        "دهمت القوات لاحقاً قريتين واعتقلت خمسة أشخاص",
    ],
)
def test_recognise_arabic_common_words_are_not_places(geoparser: Geoparser, text: str) -> None:
    assert geoparser.geoparse(text, "ar") == []


def test_recognise_arabic_town_named_like_a_dual_noun_with_its_article(geoparser: Geoparser) -> None:
    places = geoparser.geoparse("انفجرت عبوة ناسفة شرقي القريتين في ريف حمص", "ar")
    assert [p.name for p in places][:1] == ["Al Qaryatayn"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The crash happened in Athens, Ga., on Friday.", [("Athens", "US", 1), ("Ga.", "US", 4)]),
        ("She grew up in Charleston, W.Va. before the war.", [("Charleston", "US", 1), ("W.Va.", "US", 4)]),
    ],
)
def test_recognise_dotted_state_abbreviations(
    geoparser: Geoparser, text: str, expected: list[tuple[str, str, int]]
) -> None:
    places = geoparser.geoparse(text, "en")
    assert [(p.text, p.country_code, int(p.precision)) for p in places] == expected
    assert places[-1].admin1 == places[0].admin1


@pytest.mark.parametrize(
    "text",
    [
        "Ind. voters and Miss. Universe were not asked.",
        "Cells were moving from the Wadi al-Shay valley at night.",
        "The siege began in June and ended in October.",
        "Iraqi Troops Began Their Offensive To Recapture western Areas In February.",
    ],
)
def test_recognise_no_dotted_or_generic_false_positives(geoparser: Geoparser, text: str) -> None:
    assert _texts(geoparser, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "عاد السكان إلى بيوتهم في البساتين يوم الخميس",
        "وقع الانفجار في المدينة القديمة قرب وادي صغير",
        "وصلت التعزيزات إلى بلدة صغيرة",
    ],
)
def test_recognise_arabic_everyday_words_are_not_places(geoparser: Geoparser, text: str) -> None:
    assert geoparser.geoparse(text, "ar") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("سيطر التنظيم على مدينة القائم قرب الحدود السورية", "Al Qa'im"),
        ("اغتال مسلحون عضوا في المجلس المحلي لبلدة الكرامة شرقي الرقة", "Al Karamah"),
        ("هاجم مسلحون حاجزا في القائم بمحافظة الأنبار غرب العراق", "Al Qa'im"),
    ],
)
def test_recognise_arabic_common_word_with_place_cue(geoparser: Geoparser, text: str, name: str) -> None:
    assert name in [p.name for p in geoparser.geoparse(text, "ar")]


@pytest.mark.parametrize(
    "text",
    [
        "the bomb exploded in san salvador, el salvador, yesterday, and guerrillas attacked a bus in lima.",
        "THE BOMB EXPLODED IN SAN SALVADOR, EL SALVADOR, YESTERDAY, AND GUERRILLAS ATTACKED A BUS IN LIMA.",
    ],
)
def test_recognise_caseless_wire_text_in_either_case(geoparser: Geoparser, text: str) -> None:
    """All-lower and all-upper text carry no case evidence: places are found either way."""
    names = {p.name for p in geoparser.geoparse(text, "en")}
    assert {"San Salvador", "El Salvador", "Lima"} <= names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RAQQA, Syria - A car bomb went off near a bakery.", ["RAQQA", "Syria"]),
        ("HASAKAH, Syria - Two guards were wounded.", ["HASAKAH", "Syria"]),
        ("Raqqa, Syria - A car bomb went off near a bakery.", ["Raqqa", "Syria"]),
    ],
)
def test_recognise_dateline_name_followed_by_its_country(geoparser: Geoparser, text: str, expected: list[str]) -> None:
    assert _texts(geoparser, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police commanders in Raqqa said they detained four men.", ["Raqqa"]),
        ("The governor of Anbar said that 12 people were killed.", ["Anbar"]),
        ("A native of Raqqa told AFP the group had returned.", ["Raqqa"]),
        ("A former resident of Lubbock told reporters he was safe.", ["Lubbock"]),
    ],
)
def test_recognise_locative_before_wins_over_speech_verb_after(
    geoparser: Geoparser, text: str, expected: list[str]
) -> None:
    assert _texts(geoparser, text) == expected


def test_recognise_lower_case_arabic_article_counts_as_capitalised(geoparser: Geoparser) -> None:
    places = geoparser.geoparse("A shepherd from al-Busayrah said the road was mined.", "en")
    assert [(p.text, p.country_code) for p in places] == [("al-Busayrah", "SY")]


@pytest.mark.parametrize(
    "text",
    [
        "Troops reached the village of Kabajeb early on Tuesday.",
        "Cells hide in the countryside and move between the villages at night.",
        "The Ministry Spokesman Said In early March that the hideout was found.",
    ],
)
def test_recognise_lower_case_words_are_not_small_places(geoparser: Geoparser, text: str) -> None:
    texts = _texts(geoparser, text)
    assert not any(t[:1].islower() for t in texts)


@pytest.mark.parametrize(
    "text",
    [
        "US envoy John R. Allen met Iraqi officers. Aircraft from the USS Harry S. Truman struck Mosul.",
        "British Defence Minister Michael Fallon Said On Monday That jets would fly over Raqqa.",
        "Fighters crossed the al-Omar oil field east of Deir ez-Zor, between Mayadin and Hajin.",
    ],
)
def test_recognise_person_names_and_article_names_are_not_foreign_towns(geoparser: Geoparser, text: str) -> None:
    assert {p.country_code for p in geoparser.geoparse(text, "en")} <= {"SY", "IQ", "US"}
    assert not {"Allen", "Truman", "Fallon", "Omar"} & set(_texts(geoparser, text))


def test_recognise_demonym_is_its_country_not_a_namesake_town(geoparser: Geoparser) -> None:
    assert _texts(geoparser, "A Canadian soldier was wounded in Erbil.") == ["Erbil"]


def test_recognise_arabic_common_word_is_not_conjunction_plus_place(geoparser: Geoparser) -> None:
    places = geoparser.geoparse("دخل المسلحون القرية لفترة وجيزة ثم انسحبوا نحو الرقة", "ar")
    assert [p.name for p in places] == ["Ar Raqqah"]


def test_recognise_arabic_admin_word_inside_name_prefers_the_unit(geoparser: Geoparser) -> None:
    places = geoparser.geoparse("انفجرت عبوة ناسفة في قضاء الحويجة يوم الأحد", "ar")
    assert [(p.name, p.precision.name) for p in places] == [("Al-Hawija District", "admin2")]


def test_recognise_palmyra_is_tadmur_in_either_script(geoparser: Geoparser) -> None:
    english = geoparser.geoparse("The army retook Palmyra from the militants east of Homs.", "en")
    arabic = geoparser.geoparse("استعاد الجيش مدينة تدمر من المسلحين", "ar")
    assert english[0].name == arabic[0].name == "Tadmur"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Late on Tuesday, Springfield Police Department officers closed the bridge.", ["Springfield"]),
        ("The Tulsa City Council voted to repair the road.", ["Tulsa"]),
        ("Heavy rain flooded farms in Northeast Georgia over the weekend.", ["Georgia"]),
        ("The story was first reported on Monday by the Denver Post and others.", []),
    ],
)
def test_recognise_place_before_local_institution(geoparser: Geoparser, text: str, expected: list[str]) -> None:
    assert _texts(geoparser, text) == expected


@pytest.mark.parametrize(
    "text",
    ["The army said it had captured Tarfah al-Sharqiyah on Monday.", "Abu Bakr al-Baghdadi was killed."],
)
def test_recognise_second_half_of_a_longer_arabic_name_is_not_a_place(geoparser, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [p.text for p in geoparser.geoparse(text, "en")] == []


def test_recognise_article_name_after_a_sentence_initial_preposition(geoparser) -> None:  # type: ignore[no-untyped-def]
    assert [p.name for p in geoparser.geoparse("In al-Mayadin, a bomb exploded.", "en")] == ["Al Mayadin"]


@pytest.mark.parametrize(
    "text",
    ["قالت مصادر اسرائيلية إن الجيش قصف مواقع.", "وقال مسؤول أميركي إن الغارة قتلت عشرة.", "اعتقل جنود فلسطينيين."],
)
def test_recognise_arabic_demonym_is_context_not_a_place(geoparser, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [p.text for p in geoparser.geoparse(text, "ar")] == []


@pytest.mark.parametrize("word", ["Chechen", "Kurdish", "Yazidi", "Pashtun"])
def test_recognise_regional_demonym_is_not_its_region(geoparser: Geoparser, word: str) -> None:
    text = f"{word} volunteers fought alongside Iraqi troops near Mosul, and a {word} commander was killed."
    assert [p.text for p in geoparser.geoparse(text, "en")] == ["Mosul"]


def test_recognise_given_township_span_offers_its_town(geoparser: Geoparser) -> None:
    text = "The school board of Jackson Township in Ocean County, New Jersey, met on Monday."
    spans = [(text.index(name), text.index(name) + len(name)) for name in ("Jackson Township", "New Jersey")]
    place = geoparser.resolve_spans(text, spans, "en")[0]
    assert (place.name, place.admin1, place.precision) == ("Jackson", "New Jersey", 1)


def test_recognise_a_heading_word_is_no_first_name(geoparser: Geoparser) -> None:
    text = "Fighting went on for weeks.\n\n### Entering Raqqa\nThe SDF entered Raqqa in June and later took Raqqa city."
    assert _texts(geoparser, text).count("Raqqa") == 3


def test_recognise_a_large_city_stays_a_place_after_a_capitalised_word(geoparser: Geoparser) -> None:
    text = "The army entered Raqqa on Monday. Besieged Raqqa held out. Airstrikes on Raqqa continued."
    found = _texts(geoparser, text)
    assert found.count("Raqqa") >= 2 and found[-1] == "Raqqa"


def test_recognise_a_model_name_after_a_designation_is_no_place(geoparser: Geoparser) -> None:
    assert _texts(geoparser, "A C-130 Hercules landed in Erbil.") == ["Erbil"]
    assert _texts(geoparser, "An MQ-9 Reaper struck a car near Raqqa.") == ["Raqqa"]


def test_recognise_second_half_of_a_name_with_a_spaced_article(geoparser: Geoparser) -> None:
    """ "Al-Baydah al Sharqiyah" is one village (East Baydah), not a Sharqiyah (Eastern) province."""
    assert _texts(geoparser, "The army took Al-Baydah al Sharqiyah near Palmyra.") == ["Palmyra"]
    assert _texts(geoparser, "Protests spread in al Sharqiyah province of Egypt.")[0] == "al Sharqiyah"


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        (
            "seven soldiers were wounded, three of them are in grave condition. the bomb went off in la ceiba.",
            "grave",
            "la ceiba",
        ),
        (
            "rebels said they would not advance toward the capital. a police post in berlin was raided.",
            "advance",
            "berlin",
        ),
    ],
)
def test_recognise_uncased_everyday_word_inside_a_phrase_is_not_a_town(
    geoparser: Geoparser, text: str, absent: str, present: str
) -> None:
    texts = _texts(geoparser, text)
    assert absent not in texts
    assert present in texts


def test_recognise_skips_names_inside_web_addresses(geoparser: Geoparser) -> None:
    text = "Jets took off for Raqqa on Monday (see https://example.org/wiki/Battle_of_Mosul)."
    assert [p.text for p in geoparser.geoparse(text, "en")] == ["Raqqa"]


def test_recognise_image_caption_does_not_make_a_town_a_person(geoparser: Geoparser) -> None:
    text = (
        "![Lt. Gen. Stephen Townsend Qayyarah September 2016](https://example.org/townsend.jpg)\n\n"
        "Militants launched three gas attacks on Qayyarah, killing seven people."
    )
    assert "Qayyarah" in _texts(geoparser, text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Gunmen attacked a checkpoint near the town of Rutbah.", "en"),
        ("هاجم مسلحون نقطة تفتيش قرب مدينة الرطبة.", "ar"),
        ("هاجم مسلحون نقطة تفتيش قرب قضاء الرطبة.", "ar"),
    ],
)
def test_recognise_near_before_a_head_noun_is_still_near(geoparser: Geoparser, text: str, lang: str) -> None:
    places = geoparser.geoparse(text, lang)
    assert [int(p.precision) for p in places] == [int(LocationPrecision.near)]


def test_recognise_near_the_acronym_in_uncased_text_is_no_place(geoparser: Geoparser) -> None:
    text = "two dynamite charges were detonated near the das (administrative department of security) offices in bogota."
    assert "das" not in _texts(geoparser, text)


@pytest.mark.parametrize(
    "text",
    [
        "Islamists captured territory in Aleppo and Raqqa provinces.",
        "Fighting spread to Hama, Homs and Idlib governorates.",
    ],
)
def test_recognise_plural_admin_word_after_a_list_makes_every_name_a_province(geoparser: Geoparser, text: str) -> None:
    places = geoparser.geoparse(text, "en")
    assert len(places) >= 2 and all(p.precision == LocationPrecision.admin1 for p in places)


def test_recognise_list_without_an_admin_word_stays_towns(geoparser: Geoparser) -> None:
    places = geoparser.geoparse("Troops moved between Aleppo and Raqqa on Monday.", "en")
    assert [p.precision for p in places] == [LocationPrecision.exact, LocationPrecision.exact]


@pytest.mark.parametrize(
    "sentence",
    ["Bali said the battle was over.", "Bali expected a fierce battle.", "Bali, who spoke to reporters, left."],
)
def test_recognise_surname_used_alone_stays_the_person(geoparser: Geoparser, sentence: str) -> None:
    text = f"SDF spokesman Mustafa Bali announced the assault on Baghuz in Syria. Fighting went on. {sentence}"
    assert "Bali" not in _texts(geoparser, text)


def test_recognise_surname_rule_needs_the_full_name_first(geoparser: Geoparser) -> None:
    assert "Bali" in _texts(geoparser, "Tourists returned to Bali after the bombing in Kuta.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the province's name runs on into an institution: neither "Lanao" nor "Sur" is a place of its own
        ("Militants took control of the Lanao del Sur Electric Cooperative in Marawi.", ["Lanao del Sur", "Marawi"]),
        ("Troops reached the Lanao del Sur Provincial Capitol on Monday.", ["Lanao del Sur"]),
        ("Gunmen raided the home of Lanao del Sur Representative Jun Papandayan.", []),
        # a shorter name followed by a capitalised word is judged on its own ("Dublin" of "Dublin City")
        ("The council hired then Dublin City Manager Jane Brautigam.", ["Dublin"]),
        # a particle between capitalised words joins one name: a person or a ship, not Charles County
        ("Leonardo da Vinci was born near Florence.", ["Florence"]),
        ("According to Dennis van Engelsdorp, a bee specialist in Maryland, losses grew.", ["Maryland"]),
        # ... but a country's name stays one ("the Tour de France")
        ("He won the Tour de France seven times.", ["France"]),
        # a place that names a local body, venue or office is still the place
        ("Officials from the Texas Forest Service spoke on Monday.", ["Texas"]),
        ("The otter escaped from the Auckland Zoo last month.", ["Auckland"]),
        # ... but not a party or an army named after a region
        ("Fighters of the Kurdistan Freedom Party joined the battle.", []),
    ],
)
def test_recognise_names_inside_longer_proper_names(geoparser: Geoparser, text: str, expected: list[str]) -> None:
    assert _texts(geoparser, text) == expected


def test_recognise_group_named_after_a_place_after_affiliated_is_not_a_place(geoparser: Geoparser) -> None:
    text = (
        "In Syria, U.S. forces struck the al-Qaeda-affiliated Khorasan near Aleppo and Idlib, "
        "officials in Turkey said."
    )
    assert "Khorasan" not in _texts(geoparser, text)
    # a country or big city stays a place: "a Saudi-led coalition bombed Yemen"
    assert "Yemen" in _texts(geoparser, "A Saudi-led coalition bombed Yemen.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2016 the Dutch extended their bombings of ISIL to Syrian territory.", ["Syrian"]),
        ("Turkish jets struck targets on Iraqi soil.", ["Iraqi"]),  # "Turkish jets": people, no place
        ("Syrian forces attacked the town.", []),
    ],
)
def test_recognise_demonym_with_territory_names_the_country(
    geoparser: Geoparser, text: str, expected: list[str]
) -> None:
    assert _texts(geoparser, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # GeoNames lists "Hamas" for Hamm (Germany) and "Wagner" is a town in Bahia: the groups are meant
        ("He refused to talk to Hamas about the ceasefire.", []),
        ("Wagner fighters were seen near Bamako.", ["Bamako"]),
        ("The offensive against Hamas in Gaza continued.", ["Gaza"]),
    ],
)
def test_recognise_armed_groups_named_like_towns_are_not_places(
    geoparser: Geoparser, text: str, expected: list[str]
) -> None:
    assert _texts(geoparser, text) == expected


@pytest.mark.parametrize(
    ("text", "peers"),
    [
        ("Polio has been eradicated in Egypt and Niger.", [["Egypt", "Niger"]]),
        ("Cases in Washington, Pennsylvania and California are checked.",
         [["Washington", "Pennsylvania", "California"]]),
        ("Troops moved between Mosul, Tal Afar, Sinjar, Baaj and Rabia.",
         [["Mosul", "Tal Afar", "Sinjar", "Baaj", "Rabia"]]),
        ("هاجم التنظيم مواقع في العراق وسوريا", [["العراق", "سوريا"]]),
        # three names and commas alone are a hierarchy, not a list
        ("He was stopped in Stroud, Ontario, Canada on Monday.", []),
        ("Cells were dismantled in Mayadin, Deir ez-Zor.", []),
        # demonyms are no peers
        ("Syrian and Iraqi forces met at Qaim.", []),
    ],
)  # fmt: skip
def test_recognise_coordinated_names_share_a_list(geoparser: Geoparser, text: str, peers: list[list[str]]) -> None:
    from emberwatch.geo.recognise import recognise

    groups: dict[int, list[str]] = {}
    for mention in recognise(geoparser.gazetteer, text):
        if mention.list_group is not None:
            groups.setdefault(mention.list_group, []).append(mention.text)
    assert list(groups.values()) == peers


def _matched(geoparser: Geoparser, text: str) -> list[str]:
    """The gazetteer matcher's names (no mention model, no demonyms)."""
    from emberwatch.geo.recognise import recognise

    return [m.text for m in recognise(geoparser.gazetteer, text) if not m.demonym]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "وسوريا", "والعراق" and "ومصر" are frequent words only because the countries are news
        ("هاجم التنظيم مواقع في العراق وسوريا", ["العراق", "سوريا"]),
        ("عادت الخلايا إلى سوريا والعراق", ["سوريا", "العراق"]),
        ("انتشرت الهجمات في ليبيا ومصر", ["ليبيا", "مصر"]),
        # a country outside the Arab world, with the conjunction
        ("فر المقاتلون من العراق وتركيا", ["العراق", "تركيا"]),
        # an everyday word after the conjunction stays a word: "وجيزة" (brief) is no Giza
        ("بعد فترة في العراق وجيزة", ["العراق"]),
    ],
)
def test_recognise_arabic_names_joined_by_wa_to_a_cued_place(
    geoparser: Geoparser, text: str, expected: list[str]
) -> None:
    assert _matched(geoparser, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names of countries and capitals are frequent words of Arabic news only because they are in it
        ("قالت الخارجية الاسرائيلية ان اسرائيل لم تكن طرفا", ["اسرائيل"]),
        ("أكدت باريس دعمها لجهود الوساطة", ["باريس"]),
        ("يهدد لبنان بوقف نشر القوات", ["لبنان"]),
        # everyday words that are also names still need a cue
        ("وصل الوفد إلى المدينة مساء أمس", []),
        ("عادت العاصمة إلى الهدوء", []),
    ],
)
def test_recognise_arabic_country_and_capital_names_need_no_cue(
    geoparser: Geoparser, text: str, expected: list[str]
) -> None:
    assert _matched(geoparser, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # news agencies named after a place or spelt like one
        ("The Syrian state news agency SANA reported that 12 people died in Homs.", ["Homs"]),
        ("The Fars news agency said a bomb exploded in Zahedan.", ["Zahedan"]),
        # "UPI" is no Philippine town; punctuation after the cue: San Salvador is a place
        ("according to an item transmitted by the UPI news agency, San Salvador Archbishop Rivera y Damas said",
         ["San Salvador"]),
    ],
)  # fmt: skip
def test_recognise_news_agency_is_no_place(geoparser: Geoparser, text: str, expected: list[str]) -> None:
    assert [p.text for p in geoparser.geoparse(text, "en")] == expected


def test_recognise_possessive_before_a_unit_word_is_the_container(geoparser: Geoparser) -> None:
    text = "The outbreak began in Mexico. All 31 of China's provinces have reported instances of the flu."
    assert [(p.text, p.country_code, p.precision.name) for p in geoparser.geoparse(text, "en")] == [
        ("Mexico", "MX", "country"),
        ("China", "CN", "country"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an acronym after a lower-case word is no place written in capitals (SANA, the Syrian news agency)
        ("The Syrian Army advanced on Mayadin, according to a source citing SANA.", ["Mayadin"]),
        # unless the letters are the initials of the place's name, or a locative word comes first
        ("Fever spread in Kasai. Officials in the DRC said 40 people died.", ["Kasai", "DRC"]),
        ("Horses in NSW were sick.", ["NSW"]),
        ("ATLANTA - The group's leader spoke in ATLANTA today.", ["ATLANTA"]),
    ],
)
def test_recognise_capitalised_acronym_mid_sentence_is_no_place(
    geoparser: Geoparser, text: str, expected: list[str]
) -> None:
    assert [p.text for p in geoparser.geoparse(text, "en")] == expected
