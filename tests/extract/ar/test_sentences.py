"""Arabic sentence boundaries keep original offsets."""

from __future__ import annotations

from emberwatch.extract.ar.sentences import split_sentences


def test_sentences_arabic_punctuation_and_lines() -> None:
    text = (
        "# عنوان التقرير\nقتل 3 أشخاص، وأصيب 5 آخرون في هجوم. وقال د. أحمد إن الوضع 2.5 مستقر؟ نعم؛ "
        "انتهى\n\n- بند أول\n- بند ثان"
    )
    units = [text[s.start : s.end] for s in split_sentences(text)]
    assert units == [
        "# عنوان التقرير",
        "قتل 3 أشخاص، وأصيب 5 آخرون في هجوم.",
        "وقال د. أحمد إن الوضع 2.5 مستقر؟",
        "نعم؛",
        "انتهى",
        "- بند أول",
        "- بند ثان",
    ]


def test_sentences_wrapped_line_stays_one_sentence() -> None:
    long_line = "وقال مصدر أمني إن مسلحين مجهولين هاجموا نقطة تفتيش تابعة للجيش على الطريق الدولي"
    text = f"{long_line}\nقرب مدينة الرمادي."
    assert [(s.start, s.end) for s in split_sentences(text)] == [(0, len(text))]
