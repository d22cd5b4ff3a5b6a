"""Arabic-script names matched to Latin-only gazetteer names through letter-class skeletons."""

from __future__ import annotations

import pytest

from emberwatch.geo.skeleton import SkeletonIndex, arabic_skeleton, consonants, latin_skeleton


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


def test_skeleton_index_refuses_short_ambiguous_names() -> None:
    index = SkeletonIndex.build([(1, "Al Lah"), (2, "Ba")])
    assert index.lookup("الله") == []
    assert index.lookup("با") == []
