"""Arabic organisation mentions: codebook actors, known names and head-noun patterns."""

from __future__ import annotations

import pytest

from emberwatch.codebook import load_codebook
from emberwatch.extract.ar.organisations import OrganisationRecogniser


@pytest.fixture(scope="module")
def recogniser() -> OrganisationRecogniser:
    return OrganisationRecogniser(load_codebook(None))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اعلن اتحاد صناعة السيارات في المانيا", [("اتحاد صناعة السيارات", None)]),
        ("وقالت وزارة الداخلية العراقية إن", [("وزارة الداخلية العراقية", None)]),
        ("هاجمت حركة طالبان يوم الخميس", [("حركة طالبان", "taliban")]),
        ("بيان لتنظيم الدولة الإسلامية", [("تنظيم الدولة الإسلامية", "isis")]),
        ("نقلت وكالة فرانس برس", [("فرانس برس", None)]),
        ("وبوزارة الخارجية", [("وزارة الخارجية", None)]),
        ("فاز نادي الأهلي", [("الأهلي", None)]),
        ("اجتمع مجلس الأمن الدولي", [("مجلس الأمن الدولي", None)]),
        ("ذهب إلى السوق صباحا", []),
        # a definite head with adjectives only describes, unless it is a national institution
        ("أعلنت المنظمة الدولية أنها سترسل فريقا", []),
        ("قال متحدث باسم الجيش اللبناني", [("الجيش اللبناني", None)]),
        ("قرر البنك المركزي خفض الفائدة", [("البنك المركزي", None)]),
        # governments are places in the ACE scheme, not organisations
        ("رحبت حكومة كندا بالقرار", []),
        # newspapers, companies and correspondents: the name without the head
        ("ونشرت صحيفة هآرتس تقريرا", [("هآرتس", None)]),
        ("وقعت شركة توتال الفرنسية عقدا", [("توتال", None)]),
        ("افتتحت شركة صينية مصنعا", []),
        ("وقال مراسل الجزيرة إن القصف استمر", [("الجزيرة", None)]),
        # well-known single names
        ("تعاقد ريال مدريد مع لاعب جديد", [("ريال مدريد", None)]),
        ("أعلنت مايكروسوفت عن برنامج", [("مايكروسوفت", None)]),
        ("انتشرت قوات اليونيفيل على الحدود", [("اليونيفيل", None)]),
        ("وأضافت وكالة رويترز", [("رويترز", None)]),
        ("درس في كلية الآداب بجامعة دمشق", [("كلية الآداب", None), ("جامعة دمشق", None)]),
        ("فاز منتخب مصر لكرة القدم", [("مصر", None)]),
    ],
)
def test_organisations_find(
    recogniser: OrganisationRecogniser, text: str, expected: list[tuple[str, str | None]]
) -> None:
    found = recogniser.find(text)
    assert [(m.text, m.actor_id) for m in found] == expected
    for m in found:
        assert text[m.start : m.end] == m.text


def test_organisations_with_model_mentions_add_only_name_list_matches(recogniser: OrganisationRecogniser) -> None:
    from emberwatch.text.arabic_ner import NerSpan

    text = "قالت وزارة الصحة إن منظمة الصحة العالمية أرسلت فريقا وزار الوفد بغداد"
    model = [
        NerSpan(text.index("وزارة"), text.index("وزارة") + len("وزارة الصحة"), "organisation", "وزارة الصحة", 0.9),
        NerSpan(text.index("بغداد"), len(text), "place", "بغداد", 0.9),
    ]
    without = [m.text for m in recogniser.find(text, model_mentions=model[1:])]
    with_model = [m.text for m in recogniser.find(text, model_mentions=model)]
    # the model's organisation comes first, a known name it missed is added, its places are ignored
    assert with_model == ["وزارة الصحة", "منظمة الصحة العالمية"]
    # a head-noun pattern the model did not confirm is left out; the name list still counts
    assert without == ["منظمة الصحة العالمية"]
    assert [m.text for m in recogniser.find(text)] == ["وزارة الصحة", "منظمة الصحة العالمية"]
