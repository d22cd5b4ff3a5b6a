"""Language detection, the rules protocol and the Aho-Corasick term matcher."""

from __future__ import annotations

import pytest

from emberwatch.extract.language import LanguageRules, NormalizedText, detect_language
from emberwatch.extract.matching import TermMatcher
from emberwatch.extract.pipeline import ExtractResources
from emberwatch.models import Language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Gunmen attacked a checkpoint near Raqqa.", Language.en),
        ("هاجم مسلحون حاجزا قرب الرقة.", Language.ar),
        ("12345 --- !!!", Language.other),
    ],
)
def test_language_detect_by_script(text: str, language: Language) -> None:
    assert detect_language(text) is language


def test_language_english_rules_follow_the_protocol(extract_resources: ExtractResources) -> None:
    assert isinstance(extract_resources.rules[Language.en], LanguageRules)


def test_matching_longest_match_on_word_boundaries() -> None:
    matcher = TermMatcher(
        [("bomb", "weapons", "bomb"), ("car bomb", "weapons", "vbied"), ("isis", "actors", "isis")], str.lower
    )
    text = "A Car Bomb and bombs; crisis at ISIS."
    found = [(m.key, m.text) for m in matcher.match(text, NormalizedText(text.lower()))]
    assert found == [("vbied", "Car Bomb"), ("isis", "ISIS")]


def test_matching_case_sensitive_terms_use_the_raw_text() -> None:
    matcher = TermMatcher([], str.lower, case_sensitive=[("IS", "actors", "isis")])
    text = "IS fighters said it is over."
    assert [(m.start, m.end) for m in matcher.match(text, NormalizedText(text.lower()))] == [(0, 2)]


def test_matching_maps_offsets_of_expanding_characters(extract_resources: ExtractResources) -> None:
    rules = extract_resources.rules[Language.en]
    text = "İSİS militants attacked İdlib."
    for match in rules.match_terms(text):
        assert text[match.start : match.end] == match.text
    assert any(m.key == "isis" for m in rules.match_terms(text))
