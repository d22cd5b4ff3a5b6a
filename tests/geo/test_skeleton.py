"""Arabic-script names matched to Latin-only gazetteer names through letter-class skeletons."""

from __future__ import annotations

import pytest

from emberwatch.geo.skeleton import SkeletonIndex, arabic_skeleton, consonants, cued_latin_spans, latin_skeleton


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("الهول", "Al Hawl"),
        ("دير الزور", "Deir ez-Zor"),
        ("الميادين", "Al Mayadin"),
        ("أبو كمال", "Abu Kamal"),
        ("الرقة", "Ar Raqqah"),
        ("الحسكة", "Al Hasakah"),
        ("ذيبان", "Dhiban"),
        ("الشدادي", "Ash Shaddadi"),
        ("مونغونو", "Monguno"),
        ("طوزخورماتو", "Tuz Khurmatu"),
        ("الجيزة", "Giza"),
        ("القيارة", "Al Qayyarah"),
    ],
)
def test_skeleton_arabic_and_romanised_names_share_consonants(arabic: str, latin: str) -> None:
    assert consonants(arabic_skeleton(arabic)).replace(" ", "") == consonants(latin_skeleton(latin)).replace(" ", "")


def test_skeleton_drops_article_ta_marbuta_and_doubled_letters() -> None:
    assert latin_skeleton("Ar Raqqah") == "rk"
    assert arabic_skeleton("الرقة") == "rk"
    assert latin_skeleton("Al-Busayrah") == "busyr"


def test_skeleton_rejects_non_arabic_input() -> None:
    assert arabic_skeleton("Mosul") == ""
    assert arabic_skeleton("١٢") == ""


def test_skeleton_index_finds_latin_only_places_and_ranks_exact_vowels_first() -> None:
    index = SkeletonIndex.build([(1, "Al Busayrah"), (2, "Busra"), (3, "Al Hawl"), (4, "Hajin"), (5, "Hajjin")])
    assert index.lookup("البصيرة") == [1]
    assert index.lookup("الهول") == [3]
    assert index.lookup("هجين") == [4, 5]


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("تشامان", "Chaman"),
        ("أتشين", "Achin"),
        ("لشكر كاه", "Lashkar Gah"),
        ("قوما", "Goma"),
        ("فيض آباد", "Fayzabad"),  # ض sounds z in Persian names
        ("جلب", "Jilib"),  # two short vowels the Arabic leaves out
    ],
)
def test_skeleton_index_reads_ch_and_g_spellings_of_foreign_names(arabic: str, latin: str) -> None:
    index = SkeletonIndex.build([(1, latin), (2, "Hajin")])
    assert index.lookup(arabic) == [1]


def test_skeleton_index_prefers_the_usual_reading_of_kaf_over_g() -> None:
    index = SkeletonIndex.build([(1, "Kandi"), (2, "Gandi")])
    assert index.lookup("كاندي") == [1]
    assert SkeletonIndex.build([(2, "Gandi")]).lookup("كاندي") == [2]


def test_skeleton_index_forgives_left_out_short_vowels_but_not_with_another_vowel_wrong() -> None:
    index = SkeletonIndex.build([(1, "Al Busayrah"), (2, "Busra")])
    assert index.lookup("البصيرة") == [1]  # Busra: a short u the Arabic leaves out, and its long y missing
    assert SkeletonIndex.build([(2, "Busra")]).lookup("البصيرة") == []


def test_skeleton_index_reads_short_names_only_with_exact_vowels() -> None:
    index = SkeletonIndex.build([(1, "Ayorou"), (2, "Ayar"), (3, "Biu")])
    assert index.lookup("أيورو") == []  # one consonant: too ambiguous without a province
    assert index.lookup_short("أيورو") == [1]
    assert index.lookup_short("بيو") == [3]


def test_skeleton_index_reads_short_names_with_only_alef_for_vowels_as_a_and_e() -> None:
    index = SkeletonIndex.build([(1, "Abala"), (2, "Bolo"), (3, "Bilal")])
    assert index.lookup("أبالا") == []
    assert index.lookup_short("أبالا") == [1]  # not Bolo or Bilal: their vowels are written


def test_skeleton_index_refuses_short_ambiguous_names() -> None:
    index = SkeletonIndex.build([(1, "Al Lah"), (2, "Ba")])
    assert index.lookup("الله") == []
    assert index.lookup("با") == []


@pytest.mark.parametrize(
    ("written", "gazetteer"),
    [("Jindires", "Jindayris"), ("Tel Kayf", "Tallkayf"), ("Basira", "Al Busayrah"), ("Tell Rifaat", "Tall Rif`at")],
)
def test_skeleton_index_finds_other_romanisations_of_a_latin_name(written: str, gazetteer: str) -> None:
    index = SkeletonIndex.build([(1, gazetteer), (2, "Hajin")])
    assert index.lookup_latin(written) == [1]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("US special forces raided the village of Al-Kubar, between Raqqa and Deir ez-Zor.", ["Al-Kubar"]),
        ("ISIL fighters occupied a clinic in the town of Hammam al-Alil, which was hit.", ["Hammam al-Alil"]),
        ("An airstrike on the villages of Tokhar and Hoshariyeh killed 56.", ["Tokhar", "Hoshariyeh"]),
        ("Troops took the villages of Ba'wiza, Shrikhan and Baysan. Following", ["Ba'wiza", "Shrikhan", "Baysan"]),
        ("The Army captured the town of Kabajib during midday.", ["Kabajib"]),
        ("A US airstrike near the town of Sarmada in Idlib killed him.", ["Sarmada"]),
        ("The town of the dead and the city of lights.", []),
        ("Clashes in the town of Raqqa and Mosul.", ["Raqqa"]),  # a list only after a plural head noun
        ("The Army entered the cities of Tel Kayf and Bashiqa.", ["Tel Kayf", "Bashiqa"]),
        ("Fighters were killed in Deir Ezzor Governorate.", ["Deir Ezzor"]),
        ("The SDF took the eastern countryside of Deir Ezzor.", ["Deir Ezzor"]),
    ],
)
def test_cued_latin_spans_read_names_after_settlement_head_nouns(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in cued_latin_spans(text)] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The SDF took eight villages at the Ayn Issa front.", ["Ayn Issa"]),
        ("Two villages west of Tall Tamer fell, and Tal al-Samn was shelled.", ["Tall Tamer", "Tal al-Samn"]),
        ("The YPG entered Tell Brak; Ras al-Ayn and Bir Said were quiet.", ["Tell Brak", "Ras al-Ayn", "Bir Said"]),
        ("IS fighters held out on Jabal al-Baghouz.", ["Jabal al-Baghouz"]),
        ("The Deir Ezzor Military Council said so.", []),  # inside a longer name
        # "Abu", "Umm" and "Sheikh" begin people's names too; lower-case words are no names
        ("Abu Bakr al-Baghdadi and Umm Sayyaf fled to the tal and the wadi.", []),
    ],
)
def test_cued_latin_spans_read_names_that_begin_with_an_arabic_place_word(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in cued_latin_spans(text)] == names
