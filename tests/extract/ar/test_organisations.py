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
