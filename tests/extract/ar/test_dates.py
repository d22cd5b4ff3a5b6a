"""Arabic dates resolved against the publication date, with UCDP precision and evidence spans."""

from __future__ import annotations

from datetime import date

import pytest

from emberwatch.extract.ar.dates import best_date, date_headings, find_dates
from emberwatch.extract.language import DateContext
from emberwatch.models import DatePrecision
from emberwatch.text.arabic import normalise, tokens

PUBLISHED = date(2019, 7, 18)  # a Thursday


def _resolve(text: str, context: DateContext | None = None):
    nt = normalise(text)
    return best_date(find_dates(nt, tokens(nt), context or DateContext(published=PUBLISHED)))


@pytest.mark.parametrize(
    ("text", "value", "precision", "evidence"),
    [
        ("وقع الهجوم يوم الثلاثاء", date(2019, 7, 16), DatePrecision.day, "يوم الثلاثاء"),
        ("هاجم مسلحون القرية مساء السبت", date(2019, 7, 13), DatePrecision.day, "مساء السبت"),
        ("في هجوم الخميس الماضي", date(2019, 7, 11), DatePrecision.day, "الخميس الماضي"),
        ("قتل في 12 تموز 2019", date(2019, 7, 12), DatePrecision.day, "12 تموز 2019"),
        ("قتل في ١٢ يوليو/تموز ٢٠١٩", date(2019, 7, 12), DatePrecision.day, "١٢ يوليو/تموز ٢٠١٩"),
        ("في 3 كانون الثاني", date(2019, 1, 3), DatePrecision.day, "3 كانون الثاني"),
        ("في 20 تشرين الأول", date(2018, 10, 20), DatePrecision.day, "20 تشرين الأول"),
        ("في 5 جوان 2018", date(2018, 6, 5), DatePrecision.day, "5 جوان 2018"),
        ("في 25/12/2018", date(2018, 12, 25), DatePrecision.day, "25/12/2018"),
        ("فجر اليوم", date(2019, 7, 18), DatePrecision.day, "فجر اليوم"),
        ("أمس", date(2019, 7, 17), DatePrecision.day, "أمس"),
        ("أمس الأول", date(2019, 7, 16), DatePrecision.day, "أمس الأول"),
        ("أول من أمس", date(2019, 7, 16), DatePrecision.day, "أول من أمس"),
        ("قبل ثلاثة أيام", date(2019, 7, 15), DatePrecision.day, "قبل ثلاثة أيام"),
        ("قبل يومين", date(2019, 7, 16), DatePrecision.day, "قبل يومين"),
        ("منذ أسبوعين", date(2019, 7, 1), DatePrecision.week, "منذ أسبوعين"),
        ("الأسبوع الماضي", date(2019, 7, 8), DatePrecision.week, "الأسبوع الماضي"),
        ("الشهر الماضي", date(2019, 6, 1), DatePrecision.month, "الشهر الماضي"),
        ("تموز من عام 2018", date(2018, 7, 1), DatePrecision.month, "تموز من عام 2018"),
        ("في عام 2017", date(2017, 1, 1), DatePrecision.year, "عام 2017"),
        ("العام الماضي", date(2018, 1, 1), DatePrecision.year, "العام الماضي"),
        # the day as an ordinal (or a digit) before من: "on the night of the seventh of July"
        ("ليلة السابع من تموز", date(2019, 7, 7), DatePrecision.day, "السابع من تموز"),
        ("في الثاني عشر من يونيو", date(2019, 6, 12), DatePrecision.day, "الثاني عشر من يونيو"),
        ("في الحادي والعشرين من أيار", date(2019, 5, 21), DatePrecision.day, "الحادي والعشرين من أيار"),
        ("في الأول من تموز/يوليو", date(2019, 7, 1), DatePrecision.day, "الأول من تموز/يوليو"),
        ("في 7 من حزيران", date(2019, 6, 7), DatePrecision.day, "7 من حزيران"),
        # an ordinal of a noun is no day: "the third week of June"
        ("خلال الأسبوع الثالث من حزيران", date(2019, 6, 1), DatePrecision.month, "حزيران"),
        # the day of a statement ("... يوم الأربعاء أن", "أفاد مسؤولون يوم الأربعاء") is not the event's
        ("أعلن التنظيم يوم الأربعاء أن مسلحيه أعدموا رجلين يوم الاثنين", date(2019, 7, 15), DatePrecision.day,
         "يوم الاثنين"),
        ("نفذ مسلحون هجومين خلال هذا الأسبوع، بحسب ما أفاد مسؤولون أمنيون يوم الأربعاء", date(2019, 7, 15),
         DatePrecision.week, "هذا الأسبوع"),
        ("أفاد مسؤولون أمنيون يوم الأربعاء", date(2019, 7, 17), DatePrecision.day, "يوم الأربعاء"),
        ("قُتل شخصان هذا الشهر", date(2019, 7, 1), DatePrecision.month, "هذا الشهر"),
        (
            "قالت الشرطة الثلاثاء إن هجوما وقع الاثنين الماضي",
            date(2019, 7, 15),
            DatePrecision.day,
            "الاثنين الماضي",
        ),
        # a month of the year named after it
        ("وفي تشرين الأول/أكتوبر من العام الماضي هاجم انتحاري مسجدا", date(2018, 10, 1), DatePrecision.month,
         "تشرين الأول/أكتوبر من العام الماضي"),
        # "الاثنين" alone is Monday, as wire copy writes it (not after a definite noun, "the two soldiers")
        ("انفجرت سيارة مفخخة الاثنين قرب سوق مزدحمة", date(2019, 7, 15), DatePrecision.day, "الاثنين"),
        ("قالت الشرطة الاثنين إن مسلحين هاجموا حاجزا", date(2019, 7, 15), DatePrecision.day, "الاثنين"),
        # a month named alone after the sentence's year is of that year
        ("شهدت تونس أكثر الهجمات دموية عام 2015، حين قتل مسلحون 21 سائحا في متحف باردو في آذار", date(2015, 3, 1),
         DatePrecision.month, "آذار"),
        # a weekday of the week before the anchor's
        ("قتل الضابط يوم الخميس من الأسبوع الماضي", date(2019, 7, 11), DatePrecision.day,
         "يوم الخميس من الأسبوع الماضي"),
        # twenty-third session: the night of the 11th to the 12th is the 11th (as "the night of May 11 to 12")
        ("وصل المهاجمون ليل 11 إلى 12 مايو قبيل منتصف الليل", date(2019, 5, 11), DatePrecision.day, "11 إلى 12 مايو"),
    ],
)
def test_dates_resolved(text: str, value: date, precision: DatePrecision, evidence: str) -> None:
    resolved = _resolve(text)
    assert resolved is not None
    assert (resolved.value, resolved.precision) == (value, precision)
    assert resolved.evidence is not None and resolved.evidence.text == evidence
    assert text[resolved.evidence.start : resolved.evidence.end] == evidence


@pytest.mark.parametrize(
    "text",
    [
        "الجنود الاثنين", "بعد صلاة الجمعة", "فرقت الشرطة بين الاثنين", "قتل المسلحون الاثنين معا",
        "قبل أيام", "قبل الهجوم", "حتى اليوم", "في اليوم التالي",
        # over the past year: a stretch up to now
        "تشهد المنطقة تصاعدا في الهجمات على مدى العام الماضي",
    ],
)
def test_dates_ambiguous_words_are_not_dates(text: str) -> None:
    assert _resolve(text) is None


def test_dates_month_range_and_year_inference() -> None:
    resolved = _resolve("في آذار")
    assert resolved is not None
    assert (resolved.value, resolved.end, resolved.precision) == (
        date(2019, 3, 1),
        date(2019, 3, 31),
        DatePrecision.month,
    )


def test_dates_relative_need_an_anchor() -> None:
    assert _resolve("أمس", DateContext(published=None)) is None


def test_dates_heading_year_fills_missing_year() -> None:
    resolved = _resolve("في 3 آذار", DateContext(published=PUBLISHED, heading_year=2016))
    assert resolved is not None and resolved.value == date(2016, 3, 3)


def test_dates_headings_and_dateline() -> None:
    text = "بغداد 12 تموز 2019 (رويترز) - قتل جندي.\n## 2018\n### آذار\n- 3 آذار: هجوم\n"
    headings = date_headings(text)
    assert headings[0] == (0, DateContext(published=None, dateline=date(2019, 7, 12)))
    assert [(c.heading_year, c.heading_month) for _, c in headings[1:]] == [(2018, None), (2018, 3)]
    assert text[headings[1][0] :].startswith("## 2018")


def test_dates_a_statement_date_alone_is_marked_reported() -> None:
    resolved = _resolve("توفي حارس متأثرا بجروحه، بحسب ما أفاد مسؤولون يوم الاثنين")
    assert resolved is not None and resolved.reported
    resolved = _resolve("قالت الشرطة الثلاثاء إن هجوما وقع الاثنين الماضي")
    assert resolved is not None and not resolved.reported
