"""Arabic date expressions resolved against the publication date (UCDP precision codes).

Recognised (on folded tokens, so hamza and ta marbuta spelling does not matter):

- day, month and year: ``12 تموز 2019``, ``12 يوليو/تموز 2019``, ``3 كانون الثاني``, ``تموز من عام 2019``,
  the day also as an ordinal before من (``السابع من آب``, ``الثاني عشر من يونيو``, ``الحادي والعشرين من أيار``)
  with standard (يناير ... ديسمبر), Levantine (كانون الثاني ... كانون الأول) and Maghrebi (جانفي, فيفري,
  جوان, جويلية, أوت ...) month names; a missing year is the anchor's (the year before when that
  date would fall after the anchor); numeric ``12/07/2019`` (day first) and ISO ``2019-07-12``;
- a year alone after عام / سنة: year precision;
- weekdays: ``يوم الثلاثاء``, ``مساء السبت``, ``الخميس الماضي``: the most recent such day on or before
  the anchor (strictly before with الماضي); الجمعة needs يوم, a time of day or الماضي, and الاثنين alone is
  Monday unless the words around it make it "the two" ("بين الاثنين", "الاثنين معا")
  because they also mean "the two" and "Friday prayers";
- relative: اليوم (فجر اليوم), أمس, أمس الأول / أول أمس, الليلة الماضية, قبل/منذ ثلاثة أيام (number
  words, digits and the duals يومين/أسبوعين/شهرين), الأسبوع الماضي (week), الشهر الماضي (month),
  العام الماضي (year), الأسبوع الجاري / الشهر الجاري (this week / month); as in the English rules a
  week is Monday to Sunday and "N weeks ago" is the week holding that day.

A sentence's date is its most precise expression; between equally precise ones the earliest date
wins, because the event comes before the reporting ("قالت الشرطة الثلاثاء إن هجوما وقع الاثنين").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from emberwatch.extract.ar.numbers import NumberExpr, parse_numbers
from emberwatch.extract.language import DateContext
from emberwatch.extract.types import ResolvedDate, TextSpan
from emberwatch.models import DatePrecision
from emberwatch.text.arabic import NormalisedText, Token, clitic_variants, fold, normalise, tokens

_MONTH_NAMES: dict[str, int] = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "ابريل": 4, "مايو": 5, "يونيو": 6,
    "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "نوفمبر": 11,
    "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8,
    "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "يوليوز": 7, "أوت": 8,
    "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
}  # fmt: skip
MONTHS: dict[tuple[str, ...], int] = {tuple(fold(k).split()): v for k, v in _MONTH_NAMES.items()}
# one-word month names that are also common words: only with a day number or a year next to them
_AMBIGUOUS_MONTHS = {("اب",), ("ماي",), ("مارس",)}
WEEKDAYS: dict[str, int] = {
    fold(k): v
    for k, v in {"اثنين": 0, "ثلاثاء": 1, "أربعاء": 2, "خميس": 3, "جمعة": 4, "سبت": 5, "أحد": 6}.items()
}
_WEEKDAYS_NEEDING_CUE = {0, 4}  # الاثنين also means "the two", الجمعة also "Friday prayers"
_TIME_OF_DAY = {
    fold(w) for w in ("يوم", "فجر", "صباح", "مساء", "ظهر", "عصر", "ليلة", "ليل", "ظهيرة", "منتصف")
}
_PAST = {fold(w) for w in ("الماضي", "الماضية", "الفائت", "الفائتة", "المنصرم", "المنصرمة", "السابق")}
_YEAR_CUES = {fold(w) for w in ("عام", "سنة", "في", "خلال", "منذ", "مطلع", "أواخر", "أوائل")}
_YEAR_WORDS = {fold(w) for w in ("عام", "سنة", "العام", "السنة")}
_UNITS = {fold(w): u for w, u in (("يوم", "day"), ("أيام", "day"), ("يوما", "day"), ("أسبوع", "week"),
                                    ("أسابيع", "week"), ("أسبوعا", "week"), ("شهر", "month"),
                                    ("أشهر", "month"), ("شهور", "month"), ("شهرا", "month"))}  # fmt: skip
_DUAL_UNITS = {fold(w): u for w, u in (("يومين", "day"), ("يومان", "day"), ("أسبوعين", "week"),
                                        ("شهرين", "month"))}  # fmt: skip
_CURRENT = {fold(w) for w in ("الجاري", "الحالي", "الحالية", "الجارية")}
# "اليوم التالي" is the next day, "اليوم نفسه" the same day: not today
_NOT_TODAY = {fold(w) for w in ("التالي", "السابق", "نفسه", "ذاته", "الأول", "الثاني", "الثالث", "الأخير")}
_PLURAL_UNITS = {fold(w) for w in ("أيام", "أسابيع", "أشهر", "شهور")}
_NUMERIC_DMY = re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)")
_NUMERIC_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


@dataclass(frozen=True)
class _Found:
    value: date
    precision: DatePrecision
    first: int  # normalised offsets of the expression
    last: int
    end: date | None = None


def _month_at(toks: list[Token], i: int) -> tuple[int, int] | None:
    """(month, index of its last token) when a month name starts at token ``i``."""
    for size in (2, 1):
        words = tuple(t.norm for t in toks[i : i + size])
        if len(words) == size and words in MONTHS:
            return MONTHS[words], i + size - 1
        stems = {s.stem for s in clitic_variants(toks[i].norm) if s.prefix in ("ب", "و", "ل", "وب", "ول")}
        for stem in stems:
            key = (stem, *words[1:])
            if len(key) == size and key in MONTHS and key not in _AMBIGUOUS_MONTHS:
                return MONTHS[key], i + size - 1
    return None


def _year_at(toks: list[Token], i: int, anchor: date | None = None) -> tuple[int, int] | None:
    """A four-digit year at token ``i``, or after من / عام / سنة (``تموز من عام 2019``); with an anchor also
    the year before or the current one (``تشرين الأول من العام الماضي``, ``آذار من هذا العام``)."""
    for k in range(i, min(i + 3, len(toks))):
        norm = toks[k].norm
        if norm.isdigit() and len(norm) == 4 and 1900 <= int(norm) <= 2100:
            return int(norm), k
        if anchor is not None and norm in ("العام", "السنه") and k + 1 < len(toks):
            after = toks[k + 1].norm
            if after in _PAST or after in _CURRENT:
                return anchor.year - (1 if after in _PAST else 0), k + 1
        if anchor is not None and norm in _THIS and k + 1 < len(toks) and toks[k + 1].norm in ("العام", "السنه"):
            return anchor.year, k + 1
        if norm not in _YEAR_WORDS and norm != "من":
            return None
    return None


def _adjust_year(day: int, month: int, year: int | None, ctx: DateContext) -> tuple[date, bool] | None:
    """The date, with a missing year taken from the heading or the anchor (as in English rules)."""
    anchor = ctx.anchor
    explicit = year is not None
    if year is None:
        year = ctx.heading_year or (anchor.year if anchor else None)
    if year is None:
        return None
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    late = anchor is not None and value > anchor + timedelta(days=2)
    if not explicit and ctx.heading_year is None and late:
        try:
            value = value.replace(year=year - 1)
        except ValueError:
            return None
    return value, explicit


def _absolute(toks: list[Token], ctx: DateContext) -> list[_Found]:
    found: list[_Found] = []
    i = 0
    while i < len(toks):
        month_hit = _month_at(toks, i)
        if month_hit is None:
            i += 1
            continue
        month, last = month_hit
        alt = _month_at(toks, last + 1) if last + 1 < len(toks) else None
        if alt is not None and alt[0] == month:
            last = alt[1]
        day_tok = toks[i - 1].norm if i > 0 else ""
        day = int(day_tok) if day_tok.isdigit() and 1 <= int(day_tok) <= 31 else None
        day_index = i - 1
        if day is not None and day_index >= 2 and toks[day_index - 1].norm in _TO:
            first_day = toks[day_index - 2].norm
            if first_day.isdigit() and 1 <= int(first_day) < day:
                # a night or a span of days ("ليل 11 إلى 12 مايو", the night of May 11 to 12): its first day
                day, day_index = int(first_day), day_index - 2
        if day is None and day_tok == _OF and i > 1:  # "السابع من آب", "الثاني عشر من يونيو", "7 من آب"
            day, day_index = _day_before_of(toks, i - 2)
            before = toks[day_index - 1].norm if day_index > 0 else ""
            if day is not None and not toks[day_index].norm.isdigit() and before.startswith(_DEFINITE):
                day, day_index = None, i - 1  # "الأسبوع الثاني من آب": an ordinal of a noun, not a day
        year_hit = _year_at(toks, last + 1, ctx.anchor)
        if (toks[i].norm,) in _AMBIGUOUS_MONTHS and day is None and year_hit is None:
            i += 1
            continue
        year = year_hit[0] if year_hit else _year_told_before(toks, i, ctx.anchor)
        end_index = year_hit[1] if year_hit else last
        first_index = day_index if day is not None else i
        found.extend(_absolute_value(toks, ctx, day, month, year, first_index, end_index))
        i = end_index + 1
    return found


_OF = fold("من")
_TO = frozenset(fold(w) for w in ("إلى", "الى", "حتى"))


def _year_told_before(toks: list[Token], i: int, anchor: date | None) -> int | None:
    """The year a sentence gave before a month named alone ("شهدت تونس أكثر الهجمات دموية عام 2015، حين قتل
    مسلحون 21 سائحا ... في آذار": March 2015, not March of the publication's year), when it is one year and
    earlier than the anchor's; the anchor's year otherwise (None)."""
    years = {found.value.year for found in _years(toks[:i])}
    if len(years) != 1 or anchor is None:
        return None
    year = years.pop()
    return year if year < anchor.year else None


_DEFINITE = tuple(fold(w) for w in ("ال", "وال", "فال", "بال", "لل"))
# ordinal day numbers before "من <month>" ("the seventh of August")
_ORDINALS: dict[str, int] = {
    fold(w): n
    for n, w in enumerate(
        ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"), start=1
    )
}
_ORDINALS[fold("الحادي")] = 1
_ORDINAL_TENS = {fold("عشر"): 10, fold("والعشرين"): 20, fold("والثلاثين"): 30}
_ORDINAL_ROUND = {fold("العشرين"): 20, fold("الثلاثين"): 30}


def _day_before_of(toks: list[Token], k: int) -> tuple[int | None, int]:
    """The day of the month written just before "من" (index ``k`` is the word before it) and its first
    token: "7" (7), "السابع" (7), "الثاني عشر" (12), "الحادي والعشرين" (21), "الثلاثين" (30)."""
    word = toks[k].norm
    if word.isdigit():
        return (int(word), k) if 1 <= int(word) <= 31 else (None, k)
    if word in _ORDINAL_ROUND:
        return _ORDINAL_ROUND[word], k
    if word in _ORDINAL_TENS and k > 0 and toks[k - 1].norm in _ORDINALS:
        day = _ORDINALS[toks[k - 1].norm] + _ORDINAL_TENS[word]
        return (day, k - 1) if day <= 31 else (None, k)
    if word in _ORDINALS and word != fold("الحادي"):
        return _ORDINALS[word], k
    return None, k


def _absolute_value(
    toks: list[Token], ctx: DateContext, day: int | None, month: int, year: int | None, first: int, last: int
) -> list[_Found]:
    span = (toks[first].norm_start, toks[last].norm_end)
    if day is not None:
        adjusted = _adjust_year(day, month, year, ctx)
        return [_Found(adjusted[0], DatePrecision.day, *span)] if adjusted else []
    adjusted = _adjust_year(1, month, year, ctx)
    if adjusted is None:
        return []
    start = adjusted[0]
    end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
    return [_Found(start, DatePrecision.month, *span, end=end)]


def _years(toks: list[Token]) -> list[_Found]:
    found = []
    for i in range(1, len(toks)):
        norm = toks[i].norm
        if norm.isdigit() and len(norm) == 4 and 1900 <= int(norm) <= 2100:
            before = {s.stem for s in clitic_variants(toks[i - 1].norm)} | {toks[i - 1].norm}
            if before & _YEAR_CUES:
                year = int(norm)
                found.append(
                    _Found(
                        date(year, 1, 1),
                        DatePrecision.year,
                        toks[i - 1].norm_start,
                        toks[i].norm_end,
                        end=date(year, 12, 31),
                    )
                )
    return found


def _numeric(nt: NormalisedText) -> list[_Found]:
    found = []
    for m in _NUMERIC_DMY.finditer(nt.text):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        found.extend(_safe_day(year, month, day, m.start(), m.end()))
    for m in _NUMERIC_ISO.finditer(nt.text):
        found.extend(_safe_day(int(m.group(1)), int(m.group(2)), int(m.group(3)), m.start(), m.end()))
    return found


def _safe_day(year: int, month: int, day: int, start: int, end: int) -> list[_Found]:
    try:
        return [_Found(date(year, month, day), DatePrecision.day, start, end)]
    except ValueError:
        return []


def weekday_of(token: str) -> int | None:
    """The weekday a word names with the article ("الجمعة", "والسبت"), else None."""
    for split in clitic_variants(token):
        if split.has_article and split.stem in WEEKDAYS:
            return WEEKDAYS[split.stem]
    return None


def _weekdays(toks: list[Token], anchor: date | None) -> list[_Found]:
    if anchor is None:
        return []
    found = []
    for i, tok in enumerate(toks):
        weekday = weekday_of(tok.norm)
        if weekday is None:
            continue
        before = {s.stem for s in clitic_variants(toks[i - 1].norm)} if i > 0 else set()
        cue = bool(before & _TIME_OF_DAY)
        past = i + 1 < len(toks) and toks[i + 1].norm in _PAST
        if not (cue or past) and weekday in _WEEKDAYS_NEEDING_CUE and not _bare_monday(toks, i, weekday):
            continue
        back = (anchor.weekday() - weekday) % 7
        if past and back == 0:
            back = 7
        first = i - 1 if cue else i
        last = i + 1 if past else i
        if _of_last_week(toks, i):
            # "يوم الأربعاء من الأسبوع الماضي" (Wednesday of last week): that day of the week before the anchor's
            back, last = anchor.weekday() + 7 - weekday, i + 3
        found.append(_Found(anchor - timedelta(days=back), DatePrecision.day,
                            toks[first].norm_start, toks[last].norm_end))  # fmt: skip
    return found


_WEEK_WORD = fold("الأسبوع")
# words around "الاثنين" that make it "the two": "كلا الاثنين", "بين الاثنين", "الاثنين معا", "الاثنين الآخرين"
_TWO_BEFORE = frozenset(fold(w) for w in ("كلا", "كلتا", "بين", "هذين", "هاتين", "من", "مع", "إلى", "عن"))
_THAT = frozenset(fold(w) for w in ("إن", "أن"))
_TWO_AFTER = frozenset(fold(w) for w in ("معا", "منهما", "منهم", "الآخرين", "الآخران", "الباقيين"))


def _bare_monday(toks: list[Token], i: int, weekday: int) -> bool:
    """"الاثنين" alone is Monday as wire copy writes it ("انفجرت سيارة مفخخة الاثنين قرب سوق", "قالت الشرطة الاثنين
    إن"), unless the words around it make it "the two" (:data:`_TWO_BEFORE`, :data:`_TWO_AFTER`, a definite noun
    before it); "الجمعة" alone stays Friday prayers."""
    if weekday != 0:
        return False
    before = {s.stem for s in clitic_variants(toks[i - 1].norm)} if i > 0 else set()
    after = toks[i + 1].norm if i + 1 < len(toks) else ""
    if before & _TWO_BEFORE or after in _TWO_AFTER:
        return False
    # after a definite noun it qualifies it ("الجنود الاثنين", the two soldiers), unless a reported clause
    # follows ("قالت الشرطة الاثنين إن", the police said on Monday that)
    definite = i > 0 and any(s.has_article for s in clitic_variants(toks[i - 1].norm))
    return not definite or after in _THAT


def _of_last_week(toks: list[Token], i: int) -> bool:
    """Weekday ``i`` is followed by "من الأسبوع الماضي" (of last week)."""
    return (
        i + 3 < len(toks)
        and toks[i + 1].norm == "من"
        and toks[i + 2].norm == _WEEK_WORD
        and toks[i + 3].norm in _PAST
    )


def _relative(toks: list[Token], anchor: date | None) -> list[_Found]:
    if anchor is None:
        return []
    found: list[_Found] = []
    numbers = {e.first: e for e in parse_numbers(toks)}
    for i, tok in enumerate(toks):
        stems = {s.stem for s in clitic_variants(tok.norm)} | {tok.norm}
        nxt = toks[i + 1].norm if i + 1 < len(toks) else ""
        hit = _relative_at(toks, i, stems, nxt, anchor, numbers)
        if hit is None:
            continue
        prev = toks[i - 1] if i > 0 else None
        if prev is not None and hit.first == tok.norm_start and prev.norm in _TIME_OF_DAY:
            hit = _Found(hit.value, hit.precision, prev.norm_start, hit.last, hit.end)  # فجر اليوم
        found.append(hit)
    return found


def _relative_at(
    toks: list[Token], i: int, stems: set[str], nxt: str, anchor: date, numbers: dict[int, NumberExpr]
) -> _Found | None:
    tok = toks[i]
    if "امس" in stems:
        if nxt in ("الاول", "الاولي"):
            return _Found(anchor - timedelta(days=2), DatePrecision.day, tok.norm_start, toks[i + 1].norm_end)
        before = [t.norm for t in toks[max(0, i - 2) : i]]
        for size, words in ((1, ["اول"]), (2, ["اول", "من"])):
            if before[-size:] == words:
                start = toks[i - size].norm_start
                return _Found(anchor - timedelta(days=2), DatePrecision.day, start, tok.norm_end)
        return _Found(anchor - timedelta(days=1), DatePrecision.day, tok.norm_start, tok.norm_end)
    if (
        tok.norm in ("اليوم", "واليوم")
        and (i == 0 or toks[i - 1].norm not in ("حتي", "منذ", "الي"))
        and nxt not in _NOT_TODAY
    ):
        return _Found(anchor, DatePrecision.day, tok.norm_start, tok.norm_end)
    if tok.norm == "الليله" and nxt in _PAST:
        return _Found(anchor - timedelta(days=1), DatePrecision.day, tok.norm_start, toks[i + 1].norm_end)
    if stems & {"قبل", "منذ"} and i + 1 < len(toks):
        return _ago(toks, i, anchor, numbers)
    if i + 1 < len(toks) and (nxt in _PAST or nxt in _CURRENT):
        if i > 0 and toks[i - 1].norm in _OVER:
            return None  # "على مدى العام الماضي" (over the past year): a stretch up to now, not a date
        return _last_period(tok, toks[i + 1], anchor)
    if tok.norm.removeprefix("و") in _THIS and nxt in ("الاسبوع", "الشهر"):
        # "خلال هذا الأسبوع" (this week), "هذا الشهر": the current one, as "الأسبوع الجاري"
        found = _last_period(toks[i + 1], _CURRENT_TOKEN, anchor)
        if found is None:
            return None
        return _Found(found.value, found.precision, tok.norm_start, toks[i + 1].norm_end, found.end)
    return None


_THIS = frozenset({"هذا"})
_CURRENT_TOKEN = Token(fold("الجاري"), "الجاري", 0, 0, 0, 0)


def _ago(toks: list[Token], i: int, anchor: date, numbers: dict[int, NumberExpr]) -> _Found | None:
    """قبل ثلاثة أيام / منذ يومين / قبل أسبوع / قبل شهرين."""
    k = i + 1
    count = 1
    if k in numbers and numbers[k].vague is None:
        count = numbers[k].value
        k = numbers[k].last + 1
    if k >= len(toks):
        return None
    unit_token = toks[k].norm
    if k == i + 1 and unit_token in _PLURAL_UNITS:
        return None  # "قبل أيام": some days ago, no figure
    if unit_token in _DUAL_UNITS:
        unit, count = _DUAL_UNITS[unit_token], 2
    elif unit_token in _UNITS:
        unit = _UNITS[unit_token]
    else:
        return None
    first, last = toks[i].norm_start, toks[k].norm_end
    if unit == "day":
        return _Found(anchor - timedelta(days=count), DatePrecision.day, first, last)
    if unit == "week":
        start = anchor - timedelta(days=7 * count + anchor.weekday())
        return _Found(start, DatePrecision.week, first, last, end=start + timedelta(days=6))
    return _months_back(anchor, count, first, last)


def _months_back(anchor: date, n: int, first: int, last: int) -> _Found:
    y, m = divmod(anchor.year * 12 + anchor.month - 1 - n, 12)
    start = date(y, m + 1, 1)
    end = start.replace(day=calendar.monthrange(y, m + 1)[1])
    return _Found(start, DatePrecision.month, first, last, end=end)


_OVER = frozenset(fold(w) for w in ("مدى", "طوال", "طيلة"))


def _last_period(tok: Token, nxt: Token, anchor: date) -> _Found | None:
    """الأسبوع الماضي / الشهر الماضي / العام الماضي, and الأسبوع الجاري / الشهر الجاري."""
    stem = tok.norm
    back = 1 if nxt.norm in _PAST else 0 if nxt.norm in _CURRENT else None
    if back is None:
        return None
    span = (tok.norm_start, nxt.norm_end)
    if stem == "الاسبوع":
        start = anchor - timedelta(days=anchor.weekday() + 7 * back)
        return _Found(start, DatePrecision.week, *span, end=start + timedelta(days=6))
    if stem == "الشهر":
        return _months_back(anchor, back, *span)
    if stem in ("العام", "السنه"):
        year = anchor.year - back
        return _Found(date(year, 1, 1), DatePrecision.year, *span, end=date(year, 12, 31))
    return None


def find_dates(
    nt: NormalisedText, toks: list[Token], context: DateContext, offset: int = 0
) -> list[ResolvedDate]:
    """Every date expression among ``toks`` (of ``nt``), resolved; evidence offsets shifted by ``offset``.
    A date followed by "that" (``أن``, ``إن``) dates a statement: it is left out when another date remains."""
    anchor = context.anchor
    found = _absolute(toks, context) + _numeric(nt) + _years(toks)
    found += _weekdays(toks, anchor) + _relative(toks, anchor)
    of_event = [f for f in found if not _reported_on(toks, f)]
    resolved = []
    for f in of_event or found:  # "أعلن التنظيم يوم الأربعاء أن مسلحيه أعدموا ... يوم الاثنين"
        start, end = nt.to_original(f.first, f.last)
        evidence = TextSpan(start + offset, end + offset, nt.original[start:end])
        resolved.append(ResolvedDate(f.value, f.precision, evidence, f.end, reported=not of_event))
    return resolved


# "that" after a date: the date of the statement ("قال ... يوم الأحد إن", "أعلن ... يوم الأربعاء، أن"),
# not of the event it reports (English "said on Sunday that ...")
_THAT = frozenset(fold(w) for w in ("أن", "إن", "بأن"))


# reporting verbs: a date a few words after one, with no "that" between, dates the statement ("بحسب ما أفاد
# مسؤولون أمنيون يوم الجمعة", "officials said on Friday")
_REPORTING = frozenset(fold(w) for w in ("قال", "قالت", "قالوا", "أفاد", "أفادت", "أعلن", "أعلنت", "ذكر", "ذكرت",
                                         "أكد", "أكدت", "صرح", "صرحت", "أوضح", "أوضحت", "أضاف", "أضافت"))  # fmt: skip
_REPORT_REACH = 3


# "by" a day after a negation: the state of things up to then ("ولم تتبنَّ أي جهة الهجوم حتى يوم الأربعاء", no group
# had claimed the attack by Wednesday), not the day of an event
_BY = frozenset(fold(w) for w in ("حتى", "لغاية"))
_NOT = frozenset(fold(w) for w in ("لم", "ولم", "فلم", "لا", "ولا", "ما"))
_DAY_PARTS = frozenset(fold(w) for w in ("يوم", "مساء", "صباح", "ليل", "ليلة", "ظهر", "فجر", "عصر", "منتصف"))


def _reported_on(toks: list[Token], found: _Found) -> bool:
    after = next((t for t in toks if t.norm_start >= found.last), None)
    if after is not None and after.norm in _THAT:
        return True
    first = next((k for k, t in enumerate(toks) if t.norm_end > found.first), len(toks))
    k = first - 1
    while k >= max(0, first - 2) and toks[k].norm in _DAY_PARTS:
        k -= 1  # "حتى مساء يوم الأحد"
    if k >= 0 and toks[k].norm.removeprefix("و") in _BY and any(t.norm in _NOT for t in toks[:k]):
        return True  # (not "استمرت الاشتباكات حتى صباح الأحد", clashes went on until Sunday morning)
    before = [t.norm for t in toks[max(0, first - _REPORT_REACH - 1) : first]]
    for k in range(len(before) - 1, -1, -1):
        if before[k] in _THAT:
            return False
        if before[k].removeprefix("و").removeprefix("ف") in _REPORTING:
            return True
    return False


def best_date(dates: list[ResolvedDate]) -> ResolvedDate | None:
    """The most precise date; between equally precise ones the earliest."""
    if not dates:
        return None
    return min(dates, key=lambda d: (int(d.precision), d.value))


_HEADING_LINE = re.compile(
    r"^[ \t]*(?P<mark>#{1,6}|={2,})?[ \t]*(?P<body>[^\n]{1,40}?)[ \t]*(?:={2,})?[ \t]*:?[ \t]*$", re.MULTILINE
)
_DATELINE_CUT = re.compile(r" - | – |—|\(")


def _heading_parts(body: str) -> tuple[int | None, int | None] | None:
    """(year, month) of a heading such as ``2019``, ``تموز 2019`` or ``## تموز``; None otherwise."""
    toks = tokens(body)
    if not toks:
        return None
    last = toks[-1].norm
    year = int(last) if last.isdigit() and len(last) == 4 and 1900 <= int(last) <= 2100 else None
    month_toks = toks[:-1] if year is not None else toks
    if not month_toks:
        return (year, None) if year is not None else None
    hit = _month_at(month_toks, 0)
    if hit is None or hit[1] != len(month_toks) - 1:
        return None
    return year, hit[0]


def date_headings(text: str) -> list[tuple[int, DateContext]]:
    """Dateline (offset 0) and year/month headings of timelines, in text order (as in English)."""
    out: list[tuple[int, DateContext]] = []
    head = text[:160]
    cut = _DATELINE_CUT.search(head)
    dateline = None
    if cut is not None:
        nt = normalise(text[: cut.start() + 40])
        days = [f for f in _absolute(tokens(nt), DateContext(None)) if f.precision is DatePrecision.day]
        dateline = days[0].value if days else None
    if dateline is not None:
        out.append((0, DateContext(published=None, dateline=dateline)))
    year: int | None = None
    for m in _HEADING_LINE.finditer(text):
        parts = _heading_parts(m["body"])
        if parts is None or (parts[0] is None and not m["mark"]):
            continue
        heading_year, month = parts
        year = heading_year if heading_year is not None else year
        out.append((m.start(), DateContext(None, dateline, year, month)))
    return out
