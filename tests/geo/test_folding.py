"""Folding keeps an exact map back to the original text."""

from __future__ import annotations

import pytest

from emberwatch.geo.folding import fold, fold_key, is_arabic


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Deir ez-Zor", "deir ez zor"),
        ("Ḩalab", "halab"),
        ("Ma'arrat al-Nu'man", "maarrat al numan"),
        ("  Abū   Ghurayb ", "abu ghurayb"),
        ("الموصل", "الموصل"),
        ("المَوْصِل", "الموصل"),
        ("إدلب", "ادلب"),
        ("الرقّة", "الرقه"),
        ("U.S.", "u.s"),
    ],
)
def test_folding_key(name: str, key: str) -> None:
    assert fold_key(name) == key


def test_folding_offsets_map_back_to_original() -> None:
    text = "Near  Deir ez-Zor’s edge, وبالمَوْصِل today"
    folded = fold(text)
    start = folded.text.index("deir ez zors")
    s, e = folded.to_original(start, start + len("deir ez zor"))
    assert text[s:e] == "Deir ez-Zor"
    arabic = folded.text.index("وبالموصل")
    s, e = folded.to_original(arabic + 2, arabic + len("وبالموصل"))
    assert text[s:e].startswith("الم") and text[s:e].endswith("ل")


def test_folding_fold_key_matches_fold_text() -> None:
    for name in ("Dayr az Zawr", "Ar Raqqah", "Tall ‘Afar", "دير الزور"):
        assert fold(name).text.strip() == fold_key(name)


def test_folding_is_arabic() -> None:
    assert is_arabic("في الموصل") and not is_arabic("Mosul")
