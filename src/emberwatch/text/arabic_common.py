"""Arabic words that are never a place name on their own, although a gazetteer has a place spelt so.

Weekdays (الخميس is also Khemis Miliana), generic geographic nouns (وادي, بلدة, المدينة, البساتين),
compass words and frequent function words. A toponym recogniser can drop a candidate made of one
such word: ``is_common_word("بالمدينة")`` is true (clitics are stripped first). Multi-word names that
contain them (``وادي حوران``, ``المدينة المنورة``) are not affected.
"""

from __future__ import annotations

from emberwatch.text.arabic import clitic_variants, fold

_WORDS = (
    # weekdays and times of day
    "السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "اليوم", "أمس", "صباح",
    "مساء", "فجر", "ليلة",
    # generic places
    "مدينة", "بلدة", "قرية", "وادي", "منطقة", "مناطق", "بلاد", "دولة", "عاصمة", "محافظة", "ولاية", "قضاء",
    "ناحية", "حي", "مخيم", "سوق", "نهر", "جبل", "جبال", "طريق", "ريف", "مركز", "بساتين", "بستان",
    "مزارع", "مزرعة", "صحراء", "بادية", "حدود", "ساحة", "شارع", "ميناء", "مطار", "قاعدة", "سجن", "مدن",
    "قرى", "أحياء",
    # compass words
    "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "شمالية", "جنوبية", "شرقية", "غربية",
    "وسط", "أطراف", "ضواحي",
    # function words
    "في", "من", "إلى", "على", "عن", "مع", "بين", "قرب", "حول", "عند", "بعد", "قبل", "خلال", "أن", "إن",
    "كان", "قال", "هذا", "هذه", "التي", "الذي", "كل", "بعض", "غير", "أكثر", "أيضا", "حيث", "منذ",
)  # fmt: skip
COMMON_WORDS: frozenset[str] = frozenset(fold(w) for w in _WORDS)


def is_common_word(token: str) -> bool:
    """True when ``token`` (any spelling, with or without و ف ب ل ك and ال) is one of the common words."""
    return any(split.stem in COMMON_WORDS for split in clitic_variants(token))
