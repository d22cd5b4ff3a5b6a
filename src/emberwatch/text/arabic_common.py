"""Arabic words that are never a place name on their own, although a gazetteer has a place spelt so.

Weekdays (الخميس is also Khemis Miliana), generic geographic nouns (وادي, بلدة, المدينة, البساتين),
compass words, frequent function words, common nouns, adjectives and verbs that a world gazetteer
also has as small places once hamzas and vowels are dropped (جزيرة, الشاطئ, بشأن -> بشان, وقف, نصر),
and frequent given names that are also village names (فارس, بشار, جاسم). The list is written for the
project (no corpus text); it was checked against the place errors of the NewsFANE development half.

A toponym recogniser can drop a candidate made of one such word: ``is_common_word("بالمدينة")`` is
true (clitics are stripped first). Multi-word names that contain them (``وادي حوران``,
``المدينة المنورة``) are not affected.
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
    "ذلك", "تلك", "هنا", "هناك", "لكن", "بشأن", "حتى", "إذا", "كما", "لدى", "ضد", "دون", "نحو",
    "عبر", "أمام", "خلف", "تحت", "فوق", "داخل", "خارج", "صدد", "إثر", "وفق", "لدي",
    # common nouns, adjectives and verbs that are also spellings of small places in a world gazetteer
    # (not: words that are also well-known towns, such as الباب, القائم, الزاوية, العقبة, السلمية)
    "جزيرة", "شاطئ", "قصر", "قصور", "برج", "ميدان", "درب", "قبة", "بركة", "جرف", "عين", "بئر", "رأس",
    "تل", "دار", "بيت", "قلعة", "سد", "جسر", "مسجد", "كنيسة", "مدرسة", "جامعة", "مستشفى", "ملعب",
    "مرفأ", "ساحل", "بحر", "بحيرة", "خليج", "واحة", "سهل", "هضبة", "غابة", "حقل", "مساكن",
    "أمانة", "ظاهرة", "عبور", "وديعة", "هوية", "شيوخ", "بحوث", "دخان", "حرير", "زرقاء",
    "مالح", "سدة", "بورصة", "بركات", "فقيرة", "وجيزة", "جديدة",
    "كبيرة", "صغيرة", "قديمة", "جديد", "كبير", "صغير", "قديم", "عالية", "وسطى", "عليا", "سفلى",
    "سنة", "وقف", "عام", "قرار", "خبر", "نصر", "فوز", "سلام", "أمن", "حرب", "أمل", "نور",
    "ينقل", "فوجئ", "هدا", "ثورة", "وحدة", "حرية", "عدالة", "كرامة", "نهضة", "اتفاق",
    # frequent given names that a gazetteer also has as villages
    "محمد", "أحمد", "علي", "حسن", "حسين", "عمر", "خالد", "فارس", "بشار", "جاسم", "سعيد", "صالح", "حاتم",
    "نايف", "قاسم", "إبراهيم", "يوسف", "عيسى", "موسى", "سليمان", "مصطفى", "محمود", "عبد", "أبو", "بن",
    "ابن", "أم", "بنت", "زياد", "طارق", "ماجد", "راشد", "حمد", "سلطان", "فيصل", "عادل", "كريم", "جمال",
)  # fmt: skip
COMMON_WORDS: frozenset[str] = frozenset(fold(w) for w in _WORDS)


def is_common_word(token: str) -> bool:
    """True when ``token`` (any spelling, with or without و ف ب ل ك and ال) is one of the common words."""
    return any(split.stem in COMMON_WORDS for split in clitic_variants(token))
