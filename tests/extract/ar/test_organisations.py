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
    ],
)
def test_organisations_find(
    recogniser: OrganisationRecogniser, text: str, expected: list[tuple[str, str | None]]
) -> None:
    found = recogniser.find(text)
    assert [(m.text, m.actor_id) for m in found] == expected
    for m in found:
        assert text[m.start : m.end] == m.text
