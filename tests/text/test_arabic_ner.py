"""The Arabic CRF mention model: features, BIO labels, proclitic stripping, training and tagging.

Sentences are written for these tests (no NewsFANE text).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from emberwatch.errors import InputError
from emberwatch.geo import Geoparser
from emberwatch.text.arabic import tokens
from emberwatch.text.arabic_ner import (
    MODEL_PATH,
    ArabicNerModel,
    NerLexicon,
    StoryContext,
    TrainingSentence,
    bio_labels,
    load_model,
    mention_start,
    sentence_features,
    sentence_ranges,
    story_contexts,
    train,
)


def _span(text: str, word: str, label: str) -> tuple[int, int, str]:
    start = text.index(word)
    return (start, start + len(word), label)


def _example(text: str, *mentions: tuple[str, str]) -> TrainingSentence:
    return TrainingSentence(text, tuple(_span(text, w, label) for w, label in mentions))


# a toy corpus: a town after "في" and a ministry after "قالت"
TOY = [
    _example("وصل الوفد إلى كربلاء أمس", ("كربلاء", "place")),
    _example("انفجرت عبوة في سامراء صباحا", ("سامراء", "place")),
    _example("قالت وزارة الصحة إن المستشفى ممتلئ", ("وزارة الصحة", "organisation")),
    _example("قالت وزارة الزراعة إن المحصول جيد", ("وزارة الزراعة", "organisation")),
    _example("سافر الرئيس إلى تكريت", ("تكريت", "place")),
    _example("قالت وزارة النقل إن الطريق مغلق", ("وزارة النقل", "organisation")),
] * 3


def test_arabic_ner_bio_labels_cover_a_span_starting_inside_a_token() -> None:
    text = "زار الوزير وبغداد اليوم"
    toks = tokens(text)
    start = text.index("بغداد")
    assert bio_labels(toks, [(start, start + 5, "place")]) == ["O", "O", "B-place", "O"]


def test_arabic_ner_bio_labels_of_a_two_word_name() -> None:
    text = "قالت وزارة الداخلية إن"
    toks = tokens(text)
    assert bio_labels(toks, [_span(text, "وزارة الداخلية", "organisation")]) == [
        "O", "B-organisation", "I-organisation", "O",
    ]  # fmt: skip


def test_arabic_ner_sentence_ranges_split_after_full_stops() -> None:
    text = "جملة أولى. جملة ثانية؟ وثالثة"
    assert [text[s:e].strip() for s, e in sentence_ranges(text)] == ["جملة أولى.", "جملة ثانية؟", "وثالثة"]


def test_arabic_ner_features_are_strings_per_token() -> None:
    text = "وصل الوفد إلى بالموصل"
    feats = sentence_features(text, tokens(text), NerLexicon(None))
    assert len(feats) == 4
    assert "0:stem=موصل" in feats[3] and "0:pre=ب+ال" in feats[3]
    assert all(isinstance(a, str) for row in feats for a in row)


def test_arabic_ner_story_context_counts_sports_words_of_the_neighbouring_sentences_only() -> None:
    texts = ["تعادل المنتخب في المباراة", "وصل الوفد أمس", "قال المدرب إن الفريق جاهز", "زار الوزير المدينة"]
    story = story_contexts([[(t, tokens(t))] for t in texts], NerLexicon(None), window=1)
    # own sports words are not counted (the sentence's own "sport" feature has them)
    assert [c.sport_words for c in story] == [0, 5, 0, 2]


def test_arabic_ner_story_context_keeps_stems_of_organisations_named_nearby() -> None:
    from emberwatch.extract.ar.organisations import OrganisationRecogniser

    lexicon = NerLexicon(None, OrganisationRecogniser(None))
    texts = ["تأهل نادي الوحدة إلى النهائي", "وقال مدرب الوحدة إن الفوز مستحق"]
    story = story_contexts([[(t, tokens(t))] for t in texts], lexicon)
    assert "وحده" in story[1].organisation_stems  # folded: ة -> ه
    feats = sentence_features(texts[1], tokens(texts[1]), lexicon, story[1])
    alone = sentence_features(texts[1], tokens(texts[1]), lexicon)
    assert "storyorg" in feats[2] and "storyorg" not in alone[2]
    assert "sportctx=2" in feats[0] and "sportctx=0" in alone[0]


def test_arabic_ner_features_hold_word_frequency_buckets() -> None:
    text = "قال الوزير بلاكبيرن"
    feats = sentence_features(text, tokens(text), NerLexicon(None))
    zipf = [int(a.split("=")[1]) for row in feats for a in row if a.startswith("0:zipf=")]
    assert len(zipf) == 3 and zipf[0] > zipf[2]


@pytest.mark.parametrize(
    ("word", "mention"),
    [("بالفلوجة", "الفلوجة"), ("لوزارة", "وزارة"), ("وصحيفة", "صحيفة"), ("وكرمانشاه", "كرمانشاه"), ("كركوك", "كركوك")],
)
def test_arabic_ner_mention_starts_after_proclitics(word: str, mention: str) -> None:
    tok = tokens(word)[0]
    assert word[mention_start(tok, NerLexicon(None)) - tok.start :] == mention


def test_arabic_ner_mention_keeps_a_known_name_that_starts_like_a_proclitic(geoparser: Geoparser) -> None:
    lexicon = NerLexicon(geoparser.gazetteer)
    for word in ("بغداد", "لبنان", "فرنسا"):
        tok = tokens(word)[0]
        assert mention_start(tok, lexicon) == tok.start, word
    tok = tokens("ولبنان")[0]
    assert mention_start(tok, lexicon) == 1


def test_arabic_ner_missing_model_file_says_how_to_retrain(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--task ner --retrain"):
        ArabicNerModel(tmp_path / "none.crfsuite", NerLexicon(None))


def test_arabic_ner_unreadable_model_file_says_how_to_retrain(tmp_path: Path) -> None:
    path = tmp_path / "bad.crfsuite"
    path.write_text("not a model", encoding="utf-8")
    with pytest.raises(InputError, match="cannot be read"):
        ArabicNerModel(path, NerLexicon(None))


def test_arabic_ner_trains_and_tags_a_toy_corpus(tmp_path: Path) -> None:
    lexicon = NerLexicon(None)
    path = train(TOY, lexicon, tmp_path / "toy.crfsuite", c1=0.0, c2=0.01, max_iterations=50)
    model = ArabicNerModel(path, lexicon)
    text = "قالت وزارة المالية إن الوفد وصل إلى كركوك"
    found = {(s.text, s.label) for s in model.find(text)}
    assert ("وزارة المالية", "organisation") in found
    assert ("كركوك", "place") in found
    assert all(0.0 <= s.confidence <= 1.0 for s in model.find(text))
    assert [s.label for s in model.find(text, ("place",))] == ["place"]


def test_arabic_ner_find_sentences_gives_offsets_within_each_sentence(tmp_path: Path) -> None:
    lexicon = NerLexicon(None)
    model = ArabicNerModel(train(TOY, lexicon, tmp_path / "toy.crfsuite", c2=0.01, max_iterations=50), lexicon)
    texts = ["قالت وزارة المالية إن الوفد وصل", "انفجرت عبوة في كركوك صباحا"]
    found = model.find_sentences(texts, ("place", "organisation"))
    assert len(found) == 2
    assert [(s.text, s.label) for s in found[1]] == [("كركوك", "place")]
    for text, spans in zip(texts, found, strict=True):
        assert all(text[s.start : s.end] == s.text for s in spans)
    assert isinstance(StoryContext(), StoryContext)


def test_arabic_ner_shipped_model_finds_places_and_organisations(geoparser: Geoparser) -> None:
    model = load_model(geoparser.gazetteer, path=MODEL_PATH)
    text = "وقالت وزارة الخارجية الفرنسية إن الوزير سيزور لبنان وسوريا الأسبوع المقبل."
    found = {(s.text, s.label) for s in model.find(text, ("place", "organisation"))}
    assert ("لبنان", "place") in found
    assert ("سوريا", "place") in found
    assert any(label == "organisation" and "وزارة الخارجية" in t for t, label in found)


def test_arabic_geoparser_adds_the_model_places_the_gazetteer_matcher_misses(geoparser: Geoparser) -> None:
    text = "قال مسؤولون في سوريا والعراق إن الوزير سيزور جنيف"
    plain = Geoparser(geoparser.gazetteer, (), arabic_ner=None).geoparse(text)
    with_model = Geoparser(geoparser.gazetteer, (), arabic_ner=MODEL_PATH).geoparse(text)
    assert {p.text for p in plain} <= {p.text for p in with_model}
    added = {(p.text, p.country_code) for p in with_model} - {(p.text, p.country_code) for p in plain}
    assert ("العراق", "IQ") in added or ("العراق", "IQ") in {(p.text, p.country_code) for p in plain}
    # the conjunction is not part of the name, and offsets index the text
    assert all(text[p.start : p.end] == p.text and not p.text.startswith("و") for p in with_model)
    assert [p.start for p in with_model] == sorted(p.start for p in with_model)


def test_arabic_geoparser_keeps_english_text_unchanged(geoparser: Geoparser) -> None:
    text = "Gunmen attacked a checkpoint near Mosul, Iraq, on Tuesday."
    plain = Geoparser(geoparser.gazetteer, (), arabic_ner=None).geoparse(text)
    assert Geoparser(geoparser.gazetteer, (), arabic_ner=MODEL_PATH).geoparse(text) == plain


def test_arabic_geoparser_pickles_with_its_model_setting(geoparser: Geoparser) -> None:
    import pickle

    parser = Geoparser(geoparser.gazetteer, (), arabic_ner=None)
    assert pickle.loads(pickle.dumps(parser)).arabic_ner is None


def test_arabic_organisations_with_the_model_keep_rule_mentions_it_misses(geoparser: Geoparser) -> None:
    from emberwatch.codebook import load_codebook
    from emberwatch.extract.ar.organisations import OrganisationRecogniser

    codebook = load_codebook(None)
    rules = OrganisationRecogniser(codebook)
    combined = OrganisationRecogniser(codebook, model=load_model(geoparser.gazetteer, path=MODEL_PATH))
    text = "وقالت وزارة الخارجية إن منظمة الصحة العالمية أرسلت فريقا إلى المدينة."
    found = combined.find(text)
    assert all(text[m.start : m.end] == m.text for m in found)
    starts = [m.start for m in found]
    assert starts == sorted(starts)
    for m in rules.find(text):  # every rule mention is covered by some combined mention
        assert any(c.start < m.end and m.start < c.end for c in found)
