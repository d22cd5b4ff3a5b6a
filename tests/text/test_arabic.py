"""Arabic normalisation keeps offsets; tokens and clitic-aware matching point at the original text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from emberwatch.text.arabic import TermMatcher, clitic_variants, fold, normalise, tokens


@pytest.mark.parametrize(
    ("original", "folded"),
    [
        ("أحمد", "احمد"),
        ("إطلاق", "اطلاق"),
        ("آلاف", "الاف"),
        ("ٱلله", "الله"),
        ("مدينة", "مدينه"),
        ("مستشفى", "مستشفي"),
        ("مسؤول", "مسوول"),
        ("هيئة", "هييه"),
        ("قُتِلَ", "قتل"),
        ("شخصٌ", "شخص"),
        ("مـــقـتـل", "مقتل"),
        ("\u200fداعش\u200e", "داعش"),
        ("\u202bقسد\u202c", "قسد"),
        ("\u2067تدمر\u2069", "تدمر"),
        ("\u200b\u200c\u200d\ufeffبيان", "بيان"),
        ("١٢٣٤٥٦٧٨٩٠", "1234567890"),
        ("۱۴ قتیلا", "14 قتيلا"),
        ("ﻻ", "لا"),
        ("ﺃﻋﻠﻦ", "اعلن"),
        ("Raqqa 2019", "Raqqa 2019"),
    ],
)
def test_arabic_normalise_rules(original: str, folded: str) -> None:
    nt = normalise(original)
    assert nt.text == folded
    assert fold(original) == folded


@pytest.mark.parametrize(
    ("original", "word", "expected"),
    [
        ("قالوا إنّ الهجومَ وقع", "الهجوم", "الهجومَ"),
        ("في \u200fالرقة\u200e اليوم", "الرقه", "الرقة"),
        ("مقتل ١٤ شخصاً", "14", "١٤"),
        ("قُتِلَ الجنديُّ", "الجندي", "الجنديُّ"),
        ("بـالمـيادين", "بالميادين", "بـالمـيادين"),
        ("ﻻ شيء", "لا", "ﻻ"),
    ],
)
def test_arabic_normalise_span_maps_to_original(original: str, word: str, expected: str) -> None:
    nt = normalise(original)
    start = nt.text.index(word)
    assert nt.original_text(start, start + len(word)) == expected


def test_arabic_normalise_empty_span_maps_to_point() -> None:
    nt = normalise("\u200fأ")
    assert nt.to_original(0, 0) == (1, 1)
    assert nt.to_original(1, 1) == (2, 2)


_ARABIC_ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةىٱـ"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u061c"
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹ﻻﺃ ،.؟\nabc"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ARABIC_ALPHABET, max_size=40), st.data())
def test_arabic_normalise_offsets_round_trip(text: str, data: st.DataObject) -> None:
    nt = normalise(text)
    assert nt.text == fold(text)
    n = len(nt.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    o_start, o_end = nt.to_original(start, end)
    assert 0 <= o_start <= o_end <= len(text)
    if start < end:
        # the original span folds back to the normalised span (a ligature like ﻻ cannot be split,
        # so half of it maps to the whole source character)
        assert nt.text[start:end] in fold(text[o_start:o_end])
        assert len(fold(text[o_start:o_end])) - (end - start) <= 1


def test_arabic_tokens_have_original_offsets() -> None:
    text = "قُتِلَ ٣ أشخاصٍ، في هجومٍ."
    toks = tokens(text)
    assert [t.norm for t in toks] == ["قتل", "3", "اشخاص", "في", "هجوم"]
    for t in toks:
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    ("token", "stem", "prefix", "article"),
    [
        ("وبالميادين", "ميادين", "وب", True),
        ("لتنظيم", "تنظيم", "ل", False),
        ("للتنظيم", "تنظيم", "ل", True),
        ("فالرقة", "رقه", "ف", True),
        ("وكالجيش", "جيش", "وك", True),
        ("والحشد", "حشد", "و", True),
    ],
)
def test_arabic_clitic_variants(token: str, stem: str, prefix: str, article: bool) -> None:
    assert any(v.stem == stem and v.prefix == prefix and v.has_article == article for v in clitic_variants(token))


def test_arabic_clitic_variants_keeps_short_stems_whole() -> None:
    assert [v.stem for v in clitic_variants("بل")] == ["بل"]


@pytest.mark.parametrize(
    ("text", "term", "matched", "prefix"),
    [
        ("اشتباكات وبالميادين أمس", "الميادين", "الميادين", "وب"),
        ("اشتباكات وبالميادين أمس", "ميادين", "الميادين", "وب"),
        ("بيان لتنظيم الدولة الإسلامية", "تنظيم الدولة الإسلامية", "تنظيم الدولة الإسلامية", "ل"),
        ("بيان للتنظيم", "التنظيم", "لتنظيم", "ل"),
        ("انفجار بعبوة ناسفة", "عبوة ناسفة", "عبوة ناسفة", "ب"),
        ("هاجم مسلحو داعش", "داعش", "داعش", ""),
        ("وأعلن \u200fتنظيم\u200f الدولة", "أعلن", "أعلن", "و"),
    ],
)
def test_arabic_term_matcher_clitics(text: str, term: str, matched: str, prefix: str) -> None:
    matches = TermMatcher([(term, "k")]).find(text)
    assert [(m.text, m.prefix) for m in matches] == [(matched, prefix)]
    assert text[matches[0].start : matches[0].end] == matched


def test_arabic_term_matcher_article_required_when_term_has_it() -> None:
    assert TermMatcher([("الدولة الإسلامية", "isis")]).find("إقامة دولة إسلامية") == []


def test_arabic_term_matcher_words_must_be_adjacent() -> None:
    assert TermMatcher([("تنظيم الدولة", "isis")]).find("تنظيم، الدولة") == []


@pytest.mark.parametrize("text", ['من جماعة "دولة إسلامية"', "من جماعة «دولة إسلامية»", "من جماعة دولة إسلامية"])
def test_arabic_term_matcher_reads_a_name_across_quotation_marks(text: str) -> None:
    matches = TermMatcher([("جماعة دولة إسلامية", "dawlah")]).find(text)
    assert [m.key for m in matches] == ["dawlah"]
    assert matches[0].text.startswith("جماعة") and matches[0].text.endswith("إسلامية")


def test_arabic_term_matcher_longest_match_wins() -> None:
    matcher = TermMatcher([("الدولة", "state"), ("تنظيم الدولة", "isis")])
    assert [m.key for m in matcher.find("هاجم تنظيم الدولة")] == ["isis"]
    assert {m.key for m in matcher.find_all("هاجم تنظيم الدولة")} == {"isis", "state"}


def test_arabic_term_matcher_suffixes() -> None:
    matcher = TermMatcher([("عبوة ناسفة", "ied"), ("هجوم", "attack")], suffixes=True)
    assert [m.text for m in matcher.find("بعبوتين ناسفتين")] == ["عبوتين ناسفتين"]
    assert [m.text for m in matcher.find("وهجومهم")] == ["هجومهم"]
    # sound feminine plural of a ta-marbuta word
    assert [m.text for m in matcher.find("زرعوا عبوات ناسفات")] == ["عبوات ناسفات"]
    assert [m.text for m in TermMatcher([("مداهمة", "raid")], suffixes=True).find("بمداهمات")] == ["مداهمات"]
    assert TermMatcher([("هجوم", "attack")]).find("هجومهم") == []
