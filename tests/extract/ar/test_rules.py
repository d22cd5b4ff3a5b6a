"""The Arabic LanguageRules: codebook terms with clitics, cues, and the extract JSON lines contract."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from emberwatch.codebook import load_codebook
from emberwatch.extract.ar import ArabicRules, build_rules
from emberwatch.extract.language import LanguageRules
from emberwatch.extract.types import TextSpan
from emberwatch.models import Attribution, DocumentExtraction, Language


@pytest.fixture(scope="module")
def rules() -> ArabicRules:
    return build_rules(load_codebook(None))


def test_rules_satisfy_the_protocol(rules: ArabicRules) -> None:
    assert isinstance(rules, LanguageRules)
    assert rules.language is Language.ar


def test_rules_normalize_maps_back(rules: ArabicRules) -> None:
    text = "قُتِلَ \u200fجنديٌّ"
    norm = rules.normalize(text)
    start = norm.text.index("جندي")
    assert norm.original_span(start, start + 4) == (8, 14)
    assert text[8:14] == "جنديٌّ"


@pytest.mark.parametrize(
    ("text", "section", "key", "surface"),
    [
        ("هجوم لداعش على حاجز", "actors", "isis", "داعش"),
        ("بيان لتنظيم الدولة الإسلامية", "actors", "isis", "تنظيم الدولة الإسلامية"),
        ("اشتباكات مع قسد", "actors", "sdf", "قسد"),
        ("عناصر من ولاية سيناء", "actors", "isis-sinai", "ولاية سيناء"),
        ("هاجمت هيئة تحرير الشام", "actors", "hts", "هيئة تحرير الشام"),
        ("وبالحشد الشعبي", "actors", "pmf", "الحشد الشعبي"),
        ("انفجار بعبوة ناسفة", "event_types", "bombing/ied", "عبوة ناسفة"),
        ("بعبوتين ناسفتين", "event_types", "bombing/ied", "عبوتين ناسفتين"),
        ("وبسيارة مفخخة", "weapons", "vbied", "سيارة مفخخة"),
        ("نصبوا كميناً لدورية", "event_types", "ambush", "نصبوا كميناً"),
        ("واختطاف رعاة", "event_types", "kidnapping", "اختطاف"),
        ("ويفرض التنظيم إتاوات على التجار", "mechanisms", "funding/extortion", "إتاوات"),
        ("وطلب الخاطفون فدية", "mechanisms", "funding/ransom", "فدية"),
        ("نشاط الخلايا النائمة", "mechanisms", "sleeper_cells/cells", "الخلايا النائمة"),
        ("وتبنى التنظيم الهجوم", "cues", "claimed", "تبنى"),
    ],
)
def test_rules_match_terms(rules: ArabicRules, text: str, section: str, key: str, surface: str) -> None:
    hits = [m for m in rules.match_terms(text) if (m.section, m.key) == (section, key)]
    assert [m.text for m in hits] == [surface]
    assert text[hits[0].start : hits[0].end] == surface


@pytest.mark.parametrize(
    ("text", "not_key"),
    [
        ("هاجم مسلحون القرية فجر اليوم", "bombing"),  # فجر is also "dawn"
        ("تهريب الوقود إلى مناطق سيطرة الحكومة", "territorial_control"),  # سيطرة is not سيطر + ه
        ("ضبطت مخبأ للأسلحة والمتفجرات", "bombing"),  # explosives are a weapon, not an event
        # the noun سيطرة without على: ground held, not taken; control of a fire is no capture
        ("منذ خسارته آخر مناطق سيطرته في سوريا", "territorial_control"),
        ("وتمكن رجال الإطفاء من السيطرة على الحريق", "territorial_control"),
        ("واستولوا على أسلحة قبل أن يلوذوا بالفرار", "territorial_control"),  # loot, not ground
        # control that describes an area (a relative clause), is held since a time, or is sought
        ("لاستعادة الأراضي التي سيطر عليها الجهاديون عام 2014", "territorial_control"),
        ("وخسر التنظيم آخر الأراضي التي كان يسيطر عليها في سوريا", "territorial_control"),
        ("منذ خسارتهم معقلهم في مدينة سرت، بعدما سيطروا عليها منذ عام 2015", "territorial_control"),
        ("ويخوض التنظيم معارك ضد جماعات منافسة للسيطرة على منطقة ميناكا", "territorial_control"),
        # in Egyptian usage an attacked كمين is a police checkpoint, not an ambush
        ("قالت مصادر أمنية إن مسلحين هاجموا كميناً للشرطة على الطريق", "ambush"),
        ("أطلقوا النار على الكمين الواقع شمالي الفرافرة", "ambush"),
    ],
)
def test_rules_common_words_are_not_triggers(rules: ArabicRules, text: str, not_key: str) -> None:
    assert not [m for m in rules.match_terms(text) if m.section == "event_types" and m.key.startswith(not_key)]


@pytest.mark.parametrize("text", ["نصب مسلحون كميناً لرتل عسكري", "قتل خمسة جنود في كمين نصبه داعش"])
def test_rules_an_ambush_laid_is_an_ambush(rules: ArabicRules, text: str) -> None:
    assert [m for m in rules.match_terms(text) if m.section == "event_types" and m.key == "ambush"]


@pytest.mark.parametrize(
    "text",
    [
        "وسيطروا على البلدة بعد اشتباكات",
        "بعد سيطرتهم على القرية",
        "وبعد السيطرة عليها رفعوا رايتهم",
        # "fell to", "before the forces retook it"
        "وسقطت تكريت بيد تنظيم الدولة الإسلامية في حزيران 2014",
        "قبل أن تستعيدها القوات العراقية في آذار 2015",
    ],
)
def test_rules_taking_ground_is_territorial_control(rules: ArabicRules, text: str) -> None:
    assert [m for m in rules.match_terms(text) if m.section == "event_types" and m.key == "territorial_control"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # killed ... by bullets, the victims between: "shot dead", as in English
        ("قُتل رجل أعمال وحارسه الشخصي برصاص مسلحين أمام متجر", "assassination"),
        ("قُتل مختار القرية برصاص مجهولين", "assassination"),
        # a clause break parts them: the bullets wounded someone else
        ("قتل جنديان، وأصيب آخر برصاص قناص", "armed_assault"),
    ],
)
def test_rules_killed_with_bullets_across_the_victims(rules: ArabicRules, text: str, key: str) -> None:
    found = [m.key for m in rules.match_terms(text) if m.section == "event_types" and "رصاص" in m.text]
    assert found == [key]


def _first(rules: ArabicRules, text: str, section: str) -> TextSpan:
    m = next(m for m in rules.match_terms(text) if m.section == section)
    return TextSpan(m.start, m.end, m.text)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # verb ... subject ... object: the subject parts a two-word trigger
        ("قطع مسلحون مرتبطون بتنظيم الدولة الإسلامية رؤوس ثلاثة رجال.", "رؤوس"),
        ("وقطع عناصر داعش رأس راع في البادية.", "رأس"),
        # no subject between, or a clause break: nothing
        ("قطع الطريق أمام رؤوس الماشية.", None),
        ("قطع مسلحون الطريق، ثم رفعوا رؤوس الضحايا.", None),
    ],
)
def test_rules_verb_and_object_parted_by_the_subject(rules: ArabicRules, text: str, trigger: str | None) -> None:
    found = [m.text for m in rules.match_terms(text) if m.section == "event_types" and m.key == "execution"]
    assert found == ([trigger] if trigger else [])


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("نفت الشرطة وقوع هجوم على الحاجز", True),
        ("هدد التنظيم بشن هجمات جديدة", True),
        ("أحبطت القوات الأمنية هجوما انتحاريا", True),
        ("لم تعلن أي جهة مسؤوليتها عن الهجوم", False),
        ("وقد قتل ثلاثة أشخاص في هجوم", False),
        ("نفى التنظيم مسؤوليته عن الهجوم", False),
        ("قتل ثلاثة أشخاص في هجوم", False),
    ],
)
def test_rules_is_negated(rules: ArabicRules, text: str, negated: bool) -> None:
    sentence = rules.sentences(text)[0]
    trigger = _first(rules, text, "event_types")
    cues = [m for m in rules.match_terms(text) if m.section == "cues"]
    assert rules.is_negated(text, sentence, trigger, cues) is negated


@pytest.mark.parametrize(
    ("text", "attribution"),
    [
        ("وتبنى تنظيم داعش الهجوم عبر وكالة أعماق", Attribution.claimed),
        ("ويشتبه في أن داعش يقف وراء الهجوم", Attribution.suspected),
        ("واتهمت السلطات داعش بتنفيذ الهجوم", Attribution.attributed),
    ],
)
def test_rules_attribution(rules: ArabicRules, text: str, attribution: Attribution) -> None:
    sentence = rules.sentences(text)[0]
    actor = _first(rules, text, "actors")
    cues = [m for m in rules.match_terms(text) if m.section == "cues"]
    assert rules.attribution(text, sentence, actor, cues) is attribution


def test_rules_casualties_in_document_offsets(rules: ArabicRules) -> None:
    text = "مقدمة قصيرة. وأسفر الهجوم عن مقتل ١٤ جندياً وإصابة عشرين آخرين."
    sentence = rules.sentences(text)[1]
    mentions = rules.casualties(text, sentence)
    assert [(m.kind, m.count.best) for m in mentions] == [("killed", 14), ("wounded", 20)]
    for m in mentions:
        assert text[m.evidence.start : m.evidence.end] == m.evidence.text


def test_rules_extract_cli_contract(tmp_path: Path) -> None:
    """``emberwatch extract`` reads Arabic with or without a language and keeps original offsets."""
    from typer.testing import CliRunner

    from emberwatch.cli import app

    text = "الرمادي - قُتل ثلاثة جنود وأصيب خمسة آخرون يوم الثلاثاء بانفجار عبوة ناسفة، وتبنى تنظيم داعش الهجوم."
    source = tmp_path / "in.jsonl"
    lines = [
        {"id": "with-language", "text": text, "published": "2021-03-11", "language": "ar"},
        {"id": "detected", "text": text, "published": "2021-03-11"},
    ]
    source.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(source), "--out", str(out), "--no-geo"])
    assert result.exit_code == 0, result.output
    docs = [DocumentExtraction.model_validate_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d.language for d in docs] == [Language.ar, Language.ar]
    for doc in docs:
        (event,) = doc.events
        assert (event.event_type, event.sub_type) == ("bombing", "ied")
        assert (event.killed.best, event.wounded.best) == (3, 5)
        assert event.date.value == date(2021, 3, 9)
        assert event.perpetrator is not None and event.perpetrator.actor_id == "isis"
        assert event.perpetrator.attribution is Attribution.claimed
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
        for span in [*event.weapons, *event.perpetrator_organizations]:
            assert text[span.start : span.end] == span.text
