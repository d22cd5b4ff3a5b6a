"""English / Arabic / other detection and declared language codes."""

from __future__ import annotations

import pytest

from emberwatch.ingest.language import detect_language, parse_language
from emberwatch.models import Language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Suspected militants ambushed an army patrol in the desert on Tuesday, officials said.",
            Language.en,
        ),
        ("Two soldiers killed.", Language.en),
        ("قُتل جنديان في هجوم شنه مسلحون يشتبه بانتمائهم إلى تنظيم الدولة قرب دير الزور.", Language.ar),
        ("أعلن داعش مسؤوليته عن الهجوم (Amaq) في البادية السورية يوم الثلاثاء الماضي.", Language.ar),
        ("این یک گزارش کوتاه درباره حمله‌ای در نزدیکی مرز است که دیروز رخ داد.", Language.other),
        (
            "Des hommes armés ont attaqué un poste de contrôle près de la frontière mardi soir.",
            Language.other,
        ),
        ("12345 !!! ---", Language.other),
        ("Officials said the convoy\x9d was hit near the border\x85 late on Sunday.", Language.en),
    ],
)
def test_language_detect(text: str, expected: Language) -> None:
    assert detect_language(text) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("en", Language.en), ("en-GB", Language.en), ("AR", Language.ar), ("arabic", Language.ar),
     ("fr", Language.other), ("", None), (None, None)],
)  # fmt: skip
def test_language_parse_declared_code(value: str | None, expected: Language | None) -> None:
    assert parse_language(value) is expected
