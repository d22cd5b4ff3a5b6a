"""Common Arabic words that a toponym recogniser should not take for place names."""

from __future__ import annotations

import pytest

from emberwatch.text.arabic_common import is_common_word


@pytest.mark.parametrize(
    "word", ["الخميس", "وادي", "بالمدينة", "والبساتين", "شمال", "في", "بلدة", "بشأن", "بشان", "الجزيرة",
             "والشاطئ", "فارس", "وقف"],
)  # fmt: skip
def test_arabic_common_words(word: str) -> None:
    assert is_common_word(word)


@pytest.mark.parametrize(
    "word", ["بغداد", "الرقة", "وبالميادين", "دير", "سيناء", "الموصل", "إدلب", "لبنان", "الباب", "القائم", "العقبة"]
)
def test_arabic_common_place_names_are_not_common(word: str) -> None:
    assert not is_common_word(word)
