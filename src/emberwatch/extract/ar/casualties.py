"""Killed and wounded figures in one Arabic sentence.

A number (see :mod:`emberwatch.extract.ar.numbers`) is paired with a casualty word: first a noun or
plural passive verb right after it (``14 قتيلا``, ``ثلاثة جرحى``, ``خمسة أشخاص قتلوا``), otherwise the
nearest killing/wounding word before it with no other number in between (``مقتل ما لا يقل عن 14
شخصا وإصابة 20 آخرين``). Words without a number count too: duals (``قتيلان``, ``مقتل جنديين`` = 2)
and a singular person after the word (``مقتل شرطي`` = 1). Qualifiers before or after the number set
the bounds: at least (``ما لا يقل عن``, ``على الأقل``), more than (``أكثر من``), about (``نحو``,
``حوالي``), up to (``ما يصل إلى``). Deaths of the attackers (``مقتل ثلاثة من المهاجمين``,
``مقتل الانتحاري``) are flagged ``perpetrator``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from emberwatch.extract.ar.dates import MONTHS, weekday_of
from emberwatch.extract.ar.numbers import NumberExpr, dual_value, parse_numbers
from emberwatch.extract.types import CountMention, TextSpan
from emberwatch.models import Count
from emberwatch.text.arabic import Token, clitic_variants, fold

KILLED, WOUNDED = "killed", "wounded"
_F = fold

# words that come before the figure ("مقتل 14", "قتل ثلاثة", "أودى بحياة 5")
TRIGGERS: dict[str, str] = {
    **{_F(w): KILLED for w in (
        "مقتل", "قتل", "قتلت", "قتلوا", "قتلا", "مصرع", "استشهاد", "وفاة", "حياة", "قضى", "اغتيال", "اغتال", "اغتيل",
        "اغتالت", "اغتالوا", "إعدام", "أعدم", "أعدمت", "أعدموا", "ذبح", "توفي", "توفيت", "توفوا",
        "رؤوس", "رأسي",  # "قطع مسلحون رؤوس ثلاثة رجال" (beheaded three men), "رأسي رجلين" (two men's heads)
        "جثتي", "جثتا",  # the bodies of two ("جثتي اثنين من العمال", "جثتي جنديين")
    )},
    **{_F(w): WOUNDED for w in (
        "إصابة", "أصيب", "أصيبت", "جرح", "جرحت", "إصابات", "أصاب", "أصابت", "أصابوا", "أصابا", "أصابتا",
        # "فيما يتلقى أربعة جنود آخرون العلاج" (four other soldiers are being treated): only before "العلاج"
        "يتلقى", "تتلقى", "يتلقون",
    )},
}  # fmt: skip
_TREATED = frozenset(_F(w) for w in ("يتلقى", "تتلقى", "يتلقون"))
_TREATED_ONE = frozenset(_F(w) for w in ("يتلقى", "تتلقى", "تلقى", "تلقت"))  # one person treated (past or present)
TREATMENT_REACH = 6  # words from the person treated to "العلاج"
_TREATMENT = _F("العلاج")
# words that come after the figure ("14 قتيلا", "ثلاثة جرحى", "خمسة أشخاص قتلوا")
NOUNS: dict[str, str] = {
    **{_F(w): KILLED for w in (
        "قتيل", "قتيلا", "قتلى", "قتلوا", "شهيد", "شهيدا", "شهداء", "استشهدوا", "ضحايا", "ضحية",
        "حتفهم", "حتفه", "حتفهما", "حتفها", "مصرعهم", "مصرعه", "مصرعهما", "مصرعها", "جثث", "جثة", "جثتي", "جثتا",
        "قتلا", "قتلتا", "استشهدا",  # dual verbs after the two they count ("مدنيين اثنين قتلا")
    )},
    **{_F(w): WOUNDED for w in (
        "جريح", "جريحا", "جرحى", "مصاب", "مصابا", "مصابين", "مصابون", "أصيبوا", "جرحوا", "إصابات",
        "بجروح", "أصيبا", "أصيبتا", "جرحا",
    )},
}  # fmt: skip
SINGLE_NOUNS: dict[str, str] = {_F("قتيل"): KILLED, _F("جريح"): WOUNDED, _F("مصاب"): WOUNDED}
DUAL_STEMS: dict[str, str] = {_F("قتيل"): KILLED, _F("جريح"): WOUNDED, _F("شهيد"): KILLED}
# singular people after a casualty word count one; their duals count two (broken plurals only, so
# the dual -ين cannot be a sound masculine plural)
PERSONS: set[str] = {
    _F(w)
    for w in (
        "شخص",
        "جندي",
        "طفل",
        "رجل",
        "امرأة",
        "عنصر",
        "ضابط",
        "شرطي",
        "مدني",
        "مواطن",
        "عسكري",
        "قيادي",
        "قائد",
        "راعي",
        "مزارع",
    )
}
DUAL_PERSONS: set[str] = {_F(w) for w in ("شخص", "جندي", "طفل", "رجل", "امرأة", "عنصر", "ضابط", "حارس",
                                          "راع", "صياد", "تاجر", "شاب", "شرطي", "طالب", "عامل", "طبيب", "صبي",
                                          "فتاة", "شقيق", "ابن", "أخ", "زعيم", "شيخ", "مختار", "عضو",
                                          "إمام", "نجل", "وجيه", "راعي", "قاضي")}  # fmt: skip
# nouns with a sound masculine plural: only the nominative dual -ان is unambiguous ("مدنيان"; "مدنيين"
# may be the plural)
DUAL_PERSONS_AN: set[str] = {_F(w) for w in ("مدني", "عسكري", "مواطن", "مقاتل", "موظف", "مزارع", "صحفي",
                                             "مدرس", "معلم", "مهندس", "سائق", "ممرض", "مسؤول", "فلاح",
                                             "مسعف", "ناشط", "قروي", "مسافر", "زائر", "مصور", "إعلامي",
                                             "راكب", "فني", "تقني", "مرافق", "مجند", "متطوع", "دركي")}  # fmt: skip
# every person noun of the dual lists counts one in the singular ("مقتل حارس أمن", "وقتلوا شاباً"), and so
# do a member, a village headman, an imam and a judge ("اغتال مسلحون عضواً في مجلس ...", "قاضياً")
PERSONS |= DUAL_PERSONS | DUAL_PERSONS_AN | {_F(w) for w in ("عضو", "مختار", "إمام", "قاض", "قاضي")}
# family members named after a casualty verb ("فيما أُصيبت زوجة المختار بجروح", the mukhtar's wife was wounded)
PERSONS |= {_F(w) for w in ("زوجة", "زوج", "ابنة", "شقيقة", "والد", "والدة", "حفيد", "حفيدة", "بائع", "بائعة")}
# a boy or girl without a dual of the regular pattern ("مقتل فتى في الخامسة عشرة من عمره")
PERSONS |= {_F(w) for w in ("فتى", "طفلة")}
# an owner named by what he owns ("قتل مسلحون بالرصاص صاحب متجر", gunmen shot dead a shopkeeper)
PERSONS |= {_F(w) for w in ("صاحب", "صاحبة")}
# a head counts as the object of an active verb after its subject ("قتل مسلحون رئيس مجلس قرية"), not after a
# noun, where it is mostly a head of state or government named in a past case ("اغتيال رئيس الوزراء الأسبق")
_HEADS = {_F("رئيس")}
PERPETRATORS: frozenset[str] = frozenset(_F(w) for w in (
    "مهاجم", "مهاجمين", "مهاجمون", "انتحاري", "انتحاريين", "انتحاريون", "انغماسي", "انغماسيين",
    "مسلحين", "مسلحون", "مسلح", "مسلحان", "مهاجمان", "انتحاريان", "إرهابي", "إرهابيين", "إرهابيون", "منفذ",
    "منفذي", "منفذين", "الجناة", "جناة", "مهاجمي", "خاطف", "الخاطفين", "خاطفين", "الخاطفون", "خاطفون", "خاطفي",
    "عناصر التنظيم", "الخلية", "خلية", "قناص", "القناص",
))  # fmt: skip

_AT_LEAST = [_F(p) for p in ("ما لا يقل عن", "ما لا يقل على", "لا يقل عن")]
_MORE_THAN = [_F(p) for p in ("أكثر من", "ما يزيد عن", "ما يزيد على", "يزيد عن", "ما يربو على",
                                "أزيد من", "ما يفوق")]  # fmt: skip
_ABOUT = [_F(p) for p in ("نحو", "حوالي", "قرابة", "زهاء", "ما يقارب", "ما يقرب من", "قرابه")]
_UP_TO = [_F(p) for p in ("ما يصل إلى", "ما يصل الى", "حتى")]
_AFTER_AT_LEAST = _F("على الأقل")
_AFTER_ABOUT = _F("تقريبا")
_BEFORE_WINDOW = 6
# a verb opening the clause reaches its object over a long subject (VSO: "أعدم مسلحو تنظيم الدولة
# الإسلامية الشهر الماضي أربعة رجال", "قتل متمردون من "القوات الديمقراطية المتحالفة" في وقت مبكر من صباح يوم الثلاثاء
# 11 مدنيا") when nothing but words stands between (no punctuation, no number)
_VERB_WINDOW = 16
VERB_TRIGGERS: frozenset[str] = frozenset(_F(w) for w in (
    "قتل", "قتلت", "قتلوا", "اغتال", "اغتالت", "اغتالوا", "أعدم", "أعدمت", "أعدموا", "ذبح", "ذبحت", "ذبحوا",
    "أصاب", "أصابت", "أصابوا", "جرح", "جرحت",
))  # fmt: skip
_CLAUSE_BREAK = frozenset("،,.;؛:!?؟()\n")
_OF = {"من", "منهم"}
_GROUP_HEADS = {_F(w) for w in ("عناصر", "أفراد", "مقاتلي", "مسلحي", "جنود", "قوات", "منتسبي", "أعضاء", "عمال")}
_FUNCTION_WORDS = {_F(w) for w in ("في", "على", "إلى", "الى", "عن", "مع", "خلال", "إثر", "اثر", "بعد", "قبل",
                                    "أمام", "قرب", "داخل", "كان", "كانت", "وقد", "قد", "حين", "عندما")}  # fmt: skip
# a figure followed by one of these counts time, distance or money, not people
_UNITS = {_F(w) for w in (
    "يوم", "أيام", "يوما", "يومين", "ساعة", "ساعات", "أسبوع", "أسابيع", "أسبوعين", "شهر", "أشهر", "شهور",
    "شهرين", "سنة", "سنوات", "عام", "أعوام", "عاما", "دقيقة", "دقائق", "كلم", "كم", "كيلومتر",
    "كيلومترات", "كيلومترا", "متر", "مترا", "أمتار", "دولار", "دولارا", "دينار", "ليرة", "بالمئة",
    "بالمائة", "طن", "أطنان", "مرة", "مرات",
    # livestock, counted by the head ("قطيعهما المؤلف من نحو 200 رأس من الأغنام", their flock of some 200 sheep)
    "رأس", "رأسا", "رؤوس", "شاة", "نعجة", "خروف", "خرافا", "بقرة", "بقرات", "جمل", "جملا", "جمال", "ناقة",
)}  # fmt: skip
_TIME_BEFORE = {_F(w) for w in ("قبل", "منذ", "خلال", "لمدة", "عام", "سنة", "العام")}
_DAY = _F("يوم")


@dataclass(frozen=True)
class _Word:
    kind: str
    stem: str


def _lookup(token: str, table: dict[str, str]) -> _Word | None:
    for split in clitic_variants(token):
        if split.stem in table:
            return _Word(table[split.stem], split.stem)
    return None


def _stems(token: str) -> set[str]:
    """Stems of every clitic reading, also without the accusative alef (``مسلحا`` -> ``مسلح``)."""
    stems = {split.stem for split in clitic_variants(token)}
    return stems | {st[:-1] for st in stems if st.endswith("ا") and len(st) > 3}


def _phrase_before(toks: list[Token], index: int, phrases: Iterable[str]) -> int | None:
    """Index of the first token of a phrase that ends right before ``index``, or None."""
    for phrase in phrases:
        words = phrase.split()
        first = index - len(words)
        if first < 0:
            continue
        window = [t.norm for t in toks[first:index]]
        if window == words or (window[1:] == words[1:] and words[0] in _stems(window[0])):
            return first
    return None


def _bounds(toks: list[Token], expr: NumberExpr) -> tuple[Count, int, int]:
    """The count for ``expr`` with its qualifier, and the token range the qualifier widens it to."""
    n = expr.value
    first, last = expr.first, expr.last
    after = " ".join(t.norm for t in toks[last + 1 : last + 5])
    if (q := _phrase_before(toks, first, _AT_LEAST)) is not None:
        return Count(low=n, best=n, high=None), q, last
    if (q := _phrase_before(toks, first, _MORE_THAN)) is not None:
        return Count(low=n + 1, best=n + 1, high=None), q, last
    if (q := _phrase_before(toks, first, _ABOUT)) is not None:
        return Count(low=None, best=n, high=None), q, last
    if (q := _phrase_before(toks, first, _UP_TO)) is not None:
        return Count(low=None, best=n, high=n), q, last
    if expr.vague is not None:
        return expr.vague, first, last
    if _AFTER_AT_LEAST in after:
        return Count(low=n, best=n, high=None), first, last
    if _AFTER_ABOUT in after.split()[:3]:
        return Count(low=None, best=n, high=None), first, last
    return Count(low=n, best=n, high=n), first, last


def _of_the_counted(toks: list[Token], k: int) -> bool:
    """``toks[k:]`` read "of the wounded/dead" (``من الجرحى``, ``من القتلى``)."""
    return (
        k + 1 < len(toks)
        and toks[k].norm == _OF_WORD
        and toks[k + 1].norm.startswith("ال")
        and _lookup(toks[k + 1].norm, NOUNS) is not None
    )


def _noun_after(toks: list[Token], expr: NumberExpr) -> tuple[_Word, int] | None:
    if _of_the_counted(toks, expr.last + 1):
        return None  # "اثنين من الجرحى" (two of the wounded): part of a group counted already
    # ("أحد المشتبه بهم قُتل", one of the suspects was killed: the verb three words on)
    reach = 4 if expr.value == 1 else 3
    for k in range(expr.last + 1, min(expr.last + reach, len(toks))):
        # (a singular verb after "one" counts it, "أحد المارة أصيب"; not one that opens a clause with و, "قُتل
        # مزارع واحد وأصيب اثنان")
        single = expr.value == 1 and toks[k].norm[:1] not in "وف"
        word = _lookup(toks[k].norm, NOUNS) or (_lookup(toks[k].norm, SINGULAR_VERBS) if single else None)
        if word is not None and word.stem == KILL and k + 1 < len(toks) and _persons(toks[k + 1].norm):
            return None  # "أحد المسلحين قتل جندياً": active, its object after it
        if word is not None and not (word.stem in VERB_NOUNS and toks[k].norm[:1] in "وف"):
            return word, k
    return None


_MET = frozenset(_F(w) for w in ("لقي", "لقيت", "لقوا", "ولقي", "ولقيت", "ولقوا"))  # "met (their death)"
_AMONG = frozenset(_F(w) for w in ("بينهم", "بينهن", "منهم", "منهن", "بينها"))
FATE_AFTER_REACH = 10  # words from the figure to its fate noun over "على الأقل" and an apposition


def _among(toks: list[Token], expr: NumberExpr) -> bool:
    """The figure follows "بينهم" / "منهم" (among them): a part of a figure told before it."""
    return expr.first > 0 and toks[expr.first - 1].norm in _AMONG


def _fate_after(toks: list[Token], expr: NumberExpr) -> tuple[_Word, int] | None:
    """The fate noun of "لقي ... حتفهم" after the figure the verb names, over "على الأقل" and an apposition
    ("لقي سبعة أشخاص على الأقل، بينهم ثلاثة أطفال، حتفهم": seven met their death)."""
    if expr.first == 0 or toks[expr.first - 1].norm not in _MET:
        return None
    for k in range(expr.last + 1, min(expr.last + 1 + FATE_AFTER_REACH, len(toks))):
        if toks[k].text.strip() in (".", "؛", ";") or "." in toks[k].text:
            return None
        word = _lookup(toks[k].norm, NOUNS)
        if word is not None and toks[k].norm in FATE_NOUNS:
            return word, k
    return None


# passive verbs in the singular after "one of ..." ("أحد المارة أصيب": one of the passers-by was wounded)
SINGULAR_VERBS: dict[str, str] = {
    **{_F(w): WOUNDED for w in ("أصيب", "أصيبت")},
    **{_F(w): KILLED for w in ("استشهد", "استشهدت", "قتل", "قتلت")},  # "أحد المشتبه بهم قُتل"
}


# plural verbs that follow the people they count ("خمسة أشخاص قتلوا"); after و or ف they open a new
# clause with its own object ("خطف مسلحون تسعة مدنيين وقتلوا شاباً": nine abducted, one killed)
VERB_NOUNS: frozenset[str] = frozenset(_F(w) for w in ("قتلوا", "استشهدوا", "أصيبوا", "جرحوا", "قتلا", "قتلتا",
                                                      "استشهدا", "أصيبا", "أصيبتا", "جرحا"))  # fmt: skip


# a vehicle "carrying" the people a figure counts: its load, not the casualties ("أصاب الانفجار شاحنة كانت تقلّ
# خمسة مقاتلين", the blast hit a truck carrying five fighters)
_CARRYING = frozenset(_F(w) for w in ("تقل", "يقل", "تقلهم", "يقلهم", "تنقل", "ينقل", "تحمل", "يحمل", "متنها",
                                      "متنه", "تستقلها", "يستقلها"))  # fmt: skip


def _treatment_after(toks: list[Token], expr: NumberExpr) -> bool:
    return any(t.norm == _TREATMENT for t in toks[expr.last + 1 : expr.last + 5])


def _carrying(toks: list[Token], k: int) -> bool:
    """Token ``k`` is a verb of carrying, not "less" in "ما لا يقل عن" (no fewer than)."""
    return toks[k].norm in _CARRYING and not (k > 0 and toks[k - 1].norm in {"لا", "ما", "ولا"})


def _trigger_before(
    text: str, toks: list[Token], expr: NumberExpr, previous_end: int
) -> tuple[_Word, int] | None:
    for k in range(expr.first - 1, max(previous_end, expr.first - _BEFORE_WINDOW - 1), -1):
        if any(c in _CLAUSE_BREAK for c in text[toks[k].end : toks[expr.first].start]):
            break  # "أُصيبوا بجروح، فيما فرّ مئات السكان" (wounded, while hundreds of residents fled)
        if _carrying(toks, k):
            return None
        word = _lookup(toks[k].norm, TRIGGERS) or _lookup(toks[k].norm, NOUNS)
        if word is None and _joined_plural_verb(toks[k].norm):
            return None  # "فقتلوا رجلا وأضرموا النار في سبعة منازل": the figure is the other verb's (houses burned)
        if word is not None and word.stem in _TREATED and not _treatment_after(toks, expr):
            return None  # "يتلقى" without "العلاج" after the figure: receives something else
        if word is not None and _combined_toll(toks, k, word):
            return None  # "عدد القتلى والجرحى بأكثر من 20" (the dead and wounded together): neither figure
        if word is not None:
            return word, k
    # VSO with a long subject: the verb, then only words of one clause, then the figure
    for k in range(expr.first - _BEFORE_WINDOW - 1, max(previous_end, expr.first - _VERB_WINDOW - 1), -1):
        if k < 0:
            break
        if any(c in _CLAUSE_BREAK for c in text[toks[k].end : toks[expr.first].start]):
            break
        counted = toks[expr.last + 1].norm if expr.last + 1 < len(toks) else ""
        if not counted or counted in _FUNCTION_WORDS or counted in _UNITS:
            break  # the figure must count something: "أربعة رجال", not "... في 20"
        if _carrying(toks, k) or (_joined_plural_verb(toks[k].norm) and _lookup(toks[k].norm, TRIGGERS) is None):
            return None
        if any(s in VERB_TRIGGERS for s in _stems(toks[k].norm)):
            word = _lookup(toks[k].norm, TRIGGERS)
            if word is not None:
                return word, k
    return None


def _combined_toll(toks: list[Token], k: int, word: _Word) -> bool:
    """The casualty noun at ``k`` is joined by و to a noun of the other fate before it ("القتلى والجرحى"), not a
    clause of its own ("لقي جنديان حتفهما وأصيب أربعة آخرون")."""
    if k == 0 or not toks[k].norm.startswith("و") or _lookup(toks[k].norm, NOUNS) is None:
        return False
    other = _lookup(toks[k - 1].norm, NOUNS)
    return other is not None and other.kind != word.kind


def _joined_plural_verb(norm: str) -> bool:
    """A past verb in the plural joined with و/ف ("وأضرموا", "فأحرقوا"): a clause of its own."""
    return norm[:1] in ("و", "ف") and norm.endswith("وا") and len(norm) >= 6


# passive-only verbs after their subject (SVO): "أن أربعة أشخاص آخرين أُصيبوا بجروح" (four other people were
# wounded); not "قتلوا", which is also "they killed" ("خمسة مسلحين قتلوا جنديين")
_PASSIVE_AFTER = {_F("أصيبوا"): WOUNDED, _F("أصيبا"): WOUNDED, _F("أصبن"): WOUNDED, _F("لقوا"): KILLED}
_AFTER_WINDOW = 4  # words from a figure to its passive verb


def _passive_verb_after(text: str, toks: list[Token], expr: NumberExpr) -> tuple[_Word, int] | None:
    reach = _AFTER_WINDOW
    if _AFTER_AT_LEAST in " ".join(t.norm for t in toks[expr.last + 1 : expr.last + 1 + _AFTER_WINDOW]):
        reach += 2  # "ثلاثة عشر شخصاً آخرين على الأقل أُصيبوا بجروح": over "at least"
    for k in range(expr.last + 1, min(len(toks), expr.last + 1 + reach)):
        if any(c in _CLAUSE_BREAK for c in text[toks[expr.last].end : toks[k].start]):
            return None
        kind = _PASSIVE_AFTER.get(toks[k].norm)
        if kind is None and toks[expr.first].norm in _ONE_OF and not (k + 1 < len(toks) and _persons(toks[k + 1].norm)):
            # "أن أحد عناصر القوة المداهمة أصيب" (that one of the raiding force's members was wounded); not an
            # active verb with its object ("أن أحد المسلحين قتل جنديا", one of the gunmen killed a soldier)
            kind = _SINGULAR_PASSIVE.get(toks[k].norm)
        if kind is not None:
            return _Word(kind, toks[k].norm), k
    return None


def _noun_phrase(toks: list[Token], expr: NumberExpr) -> list[int]:
    """Token indices naming what was counted: the word after the figure, or the words after من.

    ``ثلاثة مسلحين`` -> [مسلحين]; ``ثلاثة من عناصر داعش`` -> [عناصر, داعش]; with the article on the
    figure the noun comes first (``المسلحين الثلاثة``).
    """
    number_has_article = any(s.has_article for s in clitic_variants(toks[expr.first].norm))
    nxt = expr.last + 1
    if number_has_article and expr.first > 0 and not (nxt < len(toks) and toks[nxt].norm in _OF):
        return [expr.first - 1]  # (not "العشرات من أعضاء المجالس", dozens of council members)
    if nxt < len(toks) and toks[nxt].norm in _OF:
        head = nxt + 1
        if head + 1 < len(toks) and _stems(toks[head].norm) & _GROUP_HEADS:
            return [head, head + 1]  # من عناصر الشرطة
        return [head] if head < len(toks) and toks[head].norm not in _FUNCTION_WORDS else []
    return [nxt] if nxt < len(toks) and toks[nxt].norm not in _FUNCTION_WORDS | {_DAY} else []


def _is_perpetrator(toks: list[Token], expr: NumberExpr, perpetrators: frozenset[str]) -> bool:
    """Attackers named in the figure's noun phrase ("ثلاثة من المهاجمين", "المسلحين الثلاثة")."""
    phrase = _noun_phrase(toks, expr)
    for k in phrase:
        if _stems(toks[k].norm) & perpetrators:
            return True
    pair = " ".join(toks[k].norm for k in phrase)
    return len(phrase) == 2 and pair in perpetrators


def _evidence_end(toks: list[Token], expr: NumberExpr, last: int) -> int:
    """Extend evidence ending on the figure over its noun phrase ("مقتل 14 جنديا", "اثنين من عناصر الشرطة")."""
    if last != expr.last:
        return last
    phrase = _noun_phrase(toks, expr)
    words = [k for k in phrase if k > last and not toks[k].norm.isdigit() and not _is_casualty_word(toks[k].norm)]
    return max(words) if words and len(words) == len([k for k in phrase if k > last]) else last


def _is_casualty_word(token: str) -> bool:
    return _lookup(token, TRIGGERS) is not None or _lookup(token, NOUNS) is not None


def _span(text: str, toks: list[Token], first: int, last: int) -> TextSpan:
    return TextSpan.of(text, toks[first].start, toks[last].end)


@dataclass(frozen=True)
class _Figure:
    """One figure before merging; ``trigger`` is the index of the word it hangs on, if shared."""

    kind: str
    count: Count
    first: int
    last: int
    perpetrator: bool
    trigger: int | None


def casualties_in(text: str, toks: list[Token], perpetrator_words: frozenset[str] = frozenset()) -> list[CountMention]:
    """Casualty figures among ``toks`` (tokens of one sentence, offsets into ``text``).

    Figures hanging on the same word are added up, as in English ("مقتل جنديين وثلاثة مدنيين" = 5).
    ``perpetrator_words`` (folded, e.g. the codebook's ``perpetrator_killed`` cues) extend the
    built-in list of words naming the attackers.
    """
    perpetrators = PERPETRATORS | perpetrator_words
    figures = _with_numbers(text, toks, perpetrators) + _without_numbers(toks, perpetrators)
    merged: dict[tuple[object, ...], _Figure] = {}
    for fig in figures:
        key: tuple[object, ...] = (fig.trigger, fig.kind, fig.perpetrator) if fig.trigger is not None else (id(fig),)
        if key in merged:
            old = merged[key]
            fig = _Figure(fig.kind, _add(old.count, fig.count), min(old.first, fig.first),
                          max(old.last, fig.last), fig.perpetrator, fig.trigger)  # fmt: skip
        merged[key] = fig
    ordered = sorted(merged.values(), key=lambda f: f.first)
    return [CountMention(f.kind, f.count, _span(text, toks, f.first, f.last), f.perpetrator) for f in ordered]


def _add(a: Count, b: Count) -> Count:
    """Sum of two figures (a bound is unknown when either is)."""

    def plus(x: int | None, y: int | None) -> int | None:
        return None if x is None or y is None else x + y

    best_a = a.best if a.best is not None else a.low
    best_b = b.best if b.best is not None else b.low
    return Count(low=plus(a.low, b.low), best=plus(best_a, best_b), high=plus(a.high, b.high))


def _counts_something_else(toks: list[Token], expr: NumberExpr) -> bool:
    """A year, a day of the month, or a figure of days, kilometres or dollars ("قبل ثلاثة أيام",
    "40 كلم", "عام 2019", "في 20 شباط")."""
    if expr.vague is None and 1900 <= expr.value <= 2100 and toks[expr.first].norm.isdigit():
        return True
    after = toks[expr.last + 1].norm if expr.last + 1 < len(toks) else ""
    if expr.vague is None and expr.value <= 31 and (after,) in MONTHS:
        return True
    if after == _DAY and expr.last + 2 < len(toks) and weekday_of(toks[expr.last + 2].norm) is not None:
        return False  # "وأصيب ثلاثة يوم الجمعة" (three wounded on Friday): a weekday, not "three days"
    before = toks[expr.first - 1].norm if expr.first > 0 else ""
    if toks[expr.first].norm in _ONE_OF and before in _PLACE_PREPOSITIONS:
        return True  # "في أحد مستشفيات حلب" (in one of Aleppo's hospitals): a place, not a person
    following = toks[expr.last + 2].norm if expr.last + 2 < len(toks) else ""
    if (after == _OF_WORD and following in _AGE_WORDS) or any(
        toks[k].norm in _AGE_WORDS and not any(t.norm[:1] == "و" for t in toks[k + 1 : expr.first])
        for k in range(max(0, expr.first - 2), expr.first)
    ):
        # an age: "صبي في الثانية عشرة من عمره", "البالغ من العمر تسع سنوات"; not a figure in the next clause
        # ("فتى في الخامسة عشرة من عمره وإصابة خمسة أشخاص")
        return True
    return after in _UNITS or (before in _TIME_BEFORE and after in _UNITS | {""})


_ONE_OF = frozenset(_F(w) for w in ("أحد", "إحدى"))
_PLACE_PREPOSITIONS = frozenset(_F(w) for w in ("في", "إلى", "الى", "داخل", "قرب", "أمام"))
_HEAD = _F("رأس")
_TWO_HEADS = _F("رأسي")  # the dual in construct: "قطع رأسي راعيين"
_CUT = frozenset(_F(w) for w in ("قطع", "قطعوا", "قطعت", "بقطع"))
_AGE_WORDS = frozenset(_F(w) for w in ("عمره", "عمرها", "عمرهما", "عمرهم", "العمر", "عمر"))


_BREAKDOWN_REACH = 6  # words after "the four wounded" that tell who they were, counted no more


def _definite_toll(toks: list[Token], expr: NumberExpr) -> bool:
    """A figure with the article after a casualty noun with the article ("الجرحى الأربعة", the four wounded): a
    toll the reader knows, told again."""
    if expr.first == 0 or not toks[expr.first].norm.removeprefix("و").startswith("ال"):
        return False
    noun = toks[expr.first - 1].norm
    return any(v.has_article for v in clitic_variants(noun)) and _is_casualty_word(noun)


def _with_numbers(text: str, toks: list[Token], perpetrators: frozenset[str]) -> list[_Figure]:
    found: list[_Figure] = []
    previous_end = -1
    numbers = {i for e in parse_numbers(toks) for i in range(e.first, e.last + 1)}
    for expr in parse_numbers(toks):
        if _counts_something_else(toks, expr):
            continue
        if _definite_toll(toks, expr):
            previous_end = expr.last + 1 + _BREAKDOWN_REACH
            continue  # "والجرحى الأربعة هم حارسان وفنيّان" (the four wounded are two guards and two technicians)
        count, q_first, q_last = _bounds(toks, expr)
        if _among(toks, expr) and found:
            previous_end = expr.last
            continue  # "، بينهم ثلاثة أطفال،" (among them three children): part of the figure before
        if _joins_figure(toks, expr, found) and not _is_perpetrator(toks, expr, perpetrators):
            # "قُتل تسعة جنود وأربعة من المساعدين المدنيين" (nine soldiers and four civilian auxiliaries): one toll
            before = found[-1]
            last = _evidence_end(toks, expr, max([q_last, *_noun_phrase(toks, expr)]))
            found[-1] = _Figure(before.kind, _add(before.count, count), before.first, last, False, before.trigger)
            previous_end = expr.last
            continue
        after = _noun_after(toks, expr) or _fate_after(toks, expr)
        pairing = after or _trigger_before(text, toks, expr, previous_end) or _passive_verb_after(text, toks, expr)
        previous_end = expr.last
        if pairing is None:
            continue
        word, k = pairing
        first, last = min(q_first, k), _evidence_end(toks, expr, max(q_last, k))
        perp = _is_perpetrator(toks, expr, perpetrators)
        more, last = _one_more_person(text, toks, last, numbers) if not perp else (0, last)
        if more:
            count = _add(count, Count(low=more, best=more, high=more))
        found.append(_Figure(word.kind, count, first, last, perp, None if after else k))
    return found


def _without_numbers(toks: list[Token], perpetrators: frozenset[str]) -> list[_Figure]:
    found: list[_Figure] = []
    numbers = {i for e in parse_numbers(toks) for i in range(e.first, e.last + 1)}
    for i, tok in enumerate(toks):
        if i in numbers:
            continue
        dual = next((kind for stem, kind in DUAL_STEMS.items() if _any_dual(tok.norm, {stem})), None)
        if dual is not None and any(v.has_article for v in clitic_variants(tok.norm)):
            continue  # "القتيلين امرأة وابنها" (the two dead were a woman and her son): told already
        if dual is not None:
            found.append(_Figure(dual, Count(low=2, best=2, high=2), i, i, False, None))
            continue
        # "قتيل", also accusative "فأردوه قتيلاً" ("shot him dead")
        single = next((SINGLE_NOUNS[st] for st in sorted(_stems(tok.norm)) if st in SINGLE_NOUNS), None)
        if single is not None and not numbers & {i - 1, i - 2}:
            found.append(_Figure(single, Count(low=1, best=1, high=1), i, i, False, None))
            continue
        if _stems(tok.norm) & WOUNDED_STATE:
            # "تمكن رجلان آخران من الفرار مصابَين بجروح" (two other men escaped wounded): the dual before
            k = _dual_before(toks, i, numbers)
            if k is not None:
                found.append(_Figure(WOUNDED, Count(low=2, best=2, high=2), k, i, False, i))
            continue
        if tok.norm.removeprefix("و") in _TREATED_ONE and i + 1 < len(toks) and i + 1 not in numbers:
            # "وتلقت امرأة تمكنت من الفرار العلاج ... من جروح" (a woman who escaped was treated for wounds): one
            # person right after the verb, "العلاج" after her
            if _persons(toks[i + 1].norm, another=False) == 1 and any(
                t.norm == _TREATMENT for t in toks[i + 2 : i + 2 + TREATMENT_REACH]
            ):
                found.append(_Figure(WOUNDED, Count(low=1, best=1, high=1), i, i + 1, False, i))
            continue
        dual_verb = DUAL_VERBS.get(tok.norm)
        if dual_verb is not None:
            # "بأن جنديين قتلا" (that two soldiers were killed), "جنديين تونسيين قتلا": the dual right before
            # its dual verb, over one adjective in the dual
            k = i - 1 if i > 0 and _persons(toks[i - 1].norm, another=False) == 2 else i - 2
            if k == i - 2 and not (k >= 0 and toks[i - 1].norm.endswith(("ين", "ان"))
                                   and _persons(toks[k].norm, another=False) == 2):  # fmt: skip
                continue
            if not any(_is_casualty_word(toks[j].norm) for j in range(max(0, k - 2), k)):
                found.append(_Figure(dual_verb, Count(low=2, best=2, high=2), k, i, False, i))
            continue
        if _stems(tok.norm) & FATE_NOUNS:
            person = _person_before(toks, i, numbers)
            if tok.norm.endswith("هما"):
                # the dual's fate: "لقي مدنيان، أحدهما طفل، حتفهما" (two civilians, one of them a child, met
                # their death) are two, whatever the apposition between
                at = next((k for k in range(i - 1, max(-1, i - FATE_REACH - 1), -1) if k not in numbers
                           and _head_count(toks[k]) == 2), None)  # fmt: skip
                person = (at, 2) if at is not None else (person[0], 2) if person is not None else None
            if person is not None:
                k, value = person
                found.append(_Figure(KILLED, Count(low=value, best=value, high=value), k, i, False, i))
            continue
        if tok.norm in (_HEAD, _TWO_HEADS) and i > 0 and _stems(toks[i - 1].norm) & _CUT and i + 1 < len(toks):
            # "قطع رأس راعٍ" (beheaded a shepherd): one person, named after "the head of"; "قطع رأسي راعيين" (the
            # two heads of two shepherds): two
            value = _head_count(toks[i + 1]) if i + 1 not in numbers else 0
            if value == (1 if tok.norm == _HEAD else 2):
                found.append(_Figure(KILLED, Count(low=value, best=value, high=value), i, i + 1, False, i))
            continue
        singular = _SINGULAR_PASSIVE.get(tok.norm)
        k = _subject_before(toks, i, numbers) if singular is not None else None
        if singular is not None and k is not None:
            # "إن حارساً ثانياً أُصيب بجروح" (that a second guard was wounded): one person, named before its verb
            found.append(_Figure(singular, Count(low=1, best=1, high=1), k, i, False, i))
            continue
        trigger = _lookup(tok.norm, TRIGGERS)
        if trigger is None:
            continue
        j = i + 2 if i + 2 < len(toks) and toks[i + 1].norm in IN_IT else i + 1  # "قتل فيه شخصان"
        j = _after_time_words(toks, j)  # "قتل قبل أسبوعين مدرسان", "أصيب أمس جنديان"
        if j + 1 < len(toks) and toks[j].norm in WITH_BULLETS and _persons(toks[j + 1].norm):
            j += 1  # "وقتلوا بالرصاص عنصرين" (and shot dead two members)
        subject = j
        j = _after_subject(toks, i, j, perpetrators, numbers)  # "اغتال مسلحون يوم الاثنين عضواً"
        if j >= len(toks) or j in numbers or (j + 1 < len(toks) and toks[j + 1].norm in _ONE_TWO):
            continue  # the number after the noun counts them ("قتل مدني واحد", one civilian: not one plus one)
        nxt = toks[j].norm
        # ("مقتل مقاتلَين": a dual the writer vocalised)
        value = _persons(nxt) or _vocalised_dual(toks[j]) or _possessed_person(nxt) or (1 if nxt in ONE_OF_THEM else 0)
        if not value and nxt in _HEADS and (j > subject or _local_head(toks, j)):
            value = 1  # "قتل مسلحون مجهولون رئيس مجلس قرية": the head right after the attackers
        perp = bool(_stems(nxt) & perpetrators) or (value > 0 and _of_attackers(toks, j + 1, perpetrators))
        if perp and not value:
            value = 1 if not nxt.endswith(("ين", "ون")) else 0
        last = j
        if value and not perp:
            # "قتل رجل أعمال وحارسه", "مقتل جنديين ومدني", "أصيب حارس شخصي ثانٍ وأحد المارة" (over two modifiers)
            for k in range(j + 1, min(j + 1 + JOINED_REACH, len(toks))):
                if k in numbers or _CLAUSE_BREAK & set(toks[k].text):
                    break
                more = _joined_person(toks[k].norm)
                if more:
                    value, last = value + more, k
                    break
                if toks[k].norm in _AND_ONE_OF and k + 1 < len(toks) and _possessed_people(toks[k + 1].norm):
                    value, last = value + 1, k + 1  # "تاجر محروقات وأحد عماله": and one of his workers
                    break
                if toks[k].norm[:1] == "و":
                    break  # another conjunct, not a person
        if value:
            found.append(_Figure(trigger.kind, Count(low=value, best=value, high=value), i, last, perp, i))
    return found


JOINED_REACH = 3  # words after a person's noun where one more person joined with و is looked for

# the head of a local body ("اغتيال رئيس مجلس مدني محلي", "رئيس بلدية"), not of a state's ("رئيس مجلس الوزراء")
_LOCAL_BODIES = frozenset(_F(w) for w in ("مجلس", "بلدية", "لجنة", "المجلس", "البلدية", "اللجنة"))
_STATE_BODIES = frozenset(_F(w) for w in ("الوزراء", "النواب", "الشعب", "الشورى", "الأمة", "السيادة", "الأمن",
                                          "القيادة", "الرئاسة", "الدولة"))  # fmt: skip


def _local_head(toks: list[Token], j: int) -> bool:
    return (
        j + 1 < len(toks)
        and toks[j + 1].norm in _LOCAL_BODIES
        and not (j + 2 < len(toks) and toks[j + 2].norm in _STATE_BODIES)
    )


# a singular passive verb after its subject (SVO after "إن" / "أن"): "إن حارساً ثانياً أُصيب", "أن جندياً قُتل"
_SINGULAR_PASSIVE = {_F("أصيب"): WOUNDED, _F("قتل"): KILLED}
_THAT = frozenset(_F(w) for w in ("إن", "أن", "بأن", "وإن", "وأن", "فإن"))


def _subject_before(toks: list[Token], i: int, numbers: set[int]) -> int | None:
    """The token of one person right before verb ``i`` (over at most one adjective such as "ثانياً" or
    "آخر"), itself right after "إن" / "أن": the verb's subject, so the verb is passive ("قال إن جندياً آخر
    أصيب"). Not a person followed by a person after the verb ("أن مسلحاً قتل جندياً" is active)."""
    if i + 1 < len(toks) and (_persons(toks[i + 1].norm) or i + 1 in numbers):
        return None
    for gap in (2, 3):
        # over "كان برفقته" (who was with him): "وأن مرافقاً كان برفقته أُصيب بجروح", "كان يسير معه"
        between = "".join(t.text for t in toks[i - gap : i])
        if i > gap and toks[i - gap].norm in _WAS and not _CLAUSE_BREAK & set(between):
            i -= gap
            break
    for k in range(i - 2, max(1, i - 2 - MEMBER_OF_REACH), -1):
        # over the body the person belongs to: "أن عنصرا من الحرس الوطني أصيب" (a National Guard member was wounded)
        if toks[k].norm == "من" and not any(_CLAUSE_BREAK & set(toks[j].text) or j in numbers for j in range(k, i)):
            if _persons(toks[k - 1].norm, another=False) == 1 and k > 1 and toks[k - 2].norm in _THAT:
                return k - 1
            break
    for k in (i - 1, i - 2):
        if k < 1 or k in numbers or _CLAUSE_BREAK & set(toks[k].text):
            return None
        if _persons(toks[k].norm, another=False) == 1 and toks[k - 1].norm in _THAT:
            return k
        if k == i - 1 and not _stems(toks[k].norm) & ANOTHER_ONE and not toks[k].norm.endswith(("ا", "ى")):
            return None  # one adjective at most: "ثانياً", "آخر", "مدنياً"
    return None


_WAS = frozenset(_F(w) for w in ("كان", "كانت"))
MEMBER_OF_REACH = 4  # words of "من الحرس الوطني" between a person and the passive verb after it


# "one" / "two" as an adjective after the noun they count
_ONE_TWO = frozenset(_F(w) for w in ("واحد", "واحدة", "اثنان", "اثنين", "اثنتان", "اثنتين"))


_ONE_WORD = _F("واحد")


def _joins_figure(toks: list[Token], expr: NumberExpr, found: list[_Figure]) -> bool:
    """The figure opens with و right after the last figure's words ("تسعة جنود وأربعة مدنيين"): more of the same
    toll, whatever noun it counts."""
    word = toks[expr.first].norm
    if not found or found[-1].perpetrator or not word.startswith("و") or word.startswith(_ONE_WORD):
        return False  # (not "ومدني واحد", one civilian: "واحد" opens with its own waw)
    return found[-1].last == expr.first - 1


def _one_more_person(text: str, toks: list[Token], last: int, numbers: set[int]) -> tuple[int, int]:
    """(people, last token) joined with و after a figure's noun phrase: "مقتل ثلاثة من رجال الشرطة وسائق
    مدني" (three policemen and a civilian driver) is four."""
    for k in range(last + 1, min(last + 1 + ONE_MORE_REACH, len(toks))):
        if _CLAUSE_BREAK & set(text[toks[k - 1].end : toks[k].start]):
            break  # "وإصابة 12 آخرين، بحسب ما أفادت مصادر عسكرية ومسؤول": the speaker after a comma
        if k in numbers or _CLAUSE_BREAK & set(toks[k].text) or _is_casualty_word(toks[k].norm[1:]):
            break
        if toks[k].norm in _THEY_ARE:
            break  # "ثلاثة أشخاص هم شرطي ومدنيان" (three people: a policeman and two civilians): who they were
        more = _joined_person(toks[k].norm)
        if more:
            return more, k
        if toks[k].norm[:1] == "و":
            break  # another conjunct, not a person: the list the figure heads ends
    return 0, last


# the pronoun that opens who the counted people were ("ثلاثة أشخاص هم شرطي ومدنيان")
_THEY_ARE = frozenset(_F(w) for w in ("هم", "وهم", "هما", "وهما", "هن", "وهن"))
# words from a figure's noun to one more person joined with و, over the noun's own words ("تسعة من عناصر الحرس
# الوطني في النيجر ومدني واحد": nine national guards in Niger and one civilian)
ONE_MORE_REACH = 6


_AND_ONE_OF = frozenset(_F(w) for w in ("وأحد", "وإحدى"))


def _possessed_people(token: str) -> bool:
    """People named with a possessive suffix: "عماله" (his workers), "حراسه", "مرافقيه"."""
    for suffix in ("هما", "هم", "ها", "ه"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 2 and _stems(token[: -len(suffix)]) & _PEOPLE:
            return True
    return False


# people a possessive names in the plural ("عماله", his workers; "حراسه", his guards; "مرافقيه", his companions)
_PEOPLE = PERSONS | _GROUP_HEADS | {_F(w) for w in ("عمال", "حراس", "مرافقي", "أقارب", "أبناء", "رفاق", "زملاء")}


def _possessed_person(token: str) -> int:
    """One person named with a possessive suffix: "وأصابوا سائقه" (and wounded his driver), "قتلوا ابنها"."""
    for suffix in ("هما", "هم", "ها", "ه"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 2:
            return 1 if _persons(token[: -len(suffix)], another=False) == 1 else 0
    return 0


def _joined_person(token: str) -> int:
    """People named by a word joined with و: "ومدني" (1), "وطفلان" (2), "وحارسه" (and his guard, 1)."""
    if token[:1] != "و":
        return 0
    return _persons(token[1:]) or (_persons(token[1:-1]) if token.endswith("ه") else 0)



def _persons(token: str, another: bool = True) -> int:
    """How many people a noun names: two for a dual ("جنديان", "مدنيان"), one for a singular person (and,
    with ``another``, for "another" or an ordinal: "آخر", "رابعاً"), else 0."""
    two = _any_dual(token, DUAL_PERSONS) or any(
        split.stem.endswith("ان") and split.stem[:-2] in DUAL_PERSONS_AN for split in clitic_variants(token)
    )
    return 2 if two else 1 if _stems(token) & (PERSONS | ANOTHER_ONE if another else PERSONS) else 0


_VOCALISED_DUAL = re.compile("\u064e[يى]\u0652?ن[\u064b-\u0652]*$")  # "مزارعَين": a fatha before -ين


def _head_count(tok: Token) -> int:
    """:func:`_persons` of a token, reading a dual that the writer vocalised ("مزارعَين آخرَين", two other
    farmers) where the bare letters could be a plural ("مزارعين")."""
    return _persons(tok.norm, another=False) or _vocalised_dual(tok)


def _vocalised_dual(tok: Token) -> int:
    """2 for a person's dual in -ين that the writer vocalised ("مقاتلَين"), else 0."""
    if tok.norm.endswith("ين") and _VOCALISED_DUAL.search(tok.text):
        return 2 if _persons(tok.norm[:-2], another=False) == 1 else 0
    return 0


def _after_subject(
    toks: list[Token], i: int, j: int, perpetrators: frozenset[str], numbers: set[int] | frozenset[int] = frozenset()
) -> int:
    """After an active killing verb, its subject when it names the attackers (VSO: "اغتال مسلحون يوم
    الاثنين عضواً", "أعدم مسلحون مجهولون شاباً") and a time phrase after it: where the object starts."""
    verb = toks[i].norm.removeprefix("و").removeprefix("ف")
    if verb not in ACTIVE_VERBS | {KILL} or j >= len(toks) or not _stems(toks[j].norm) & perpetrators:
        return j
    k = j + 1
    if k < len(toks) and _stems(toks[k].norm) & {_F("متشددون"), _F("مجهولون"), _F("ملثمون")}:
        k += 1  # "مسلحون متشددون", "مسلحون مجهولون"
    if k < len(toks) and toks[k].norm in _SUSPECTED_OF:
        # "قتل مسلحون يُشتبه في انتمائهم إلى تنظيم الدولة الإسلامية رجل أعمال": over the clause on the subject,
        # to the first person named in it (the group's name has none)
        for m in range(k + 1, min(k + 1 + _SUSPICION_WINDOW, len(toks))):
            if _CLAUSE_BREAK & set(toks[m - 1].text):
                break
            if m in numbers or _persons(toks[m].norm, another=False) == 1 or toks[m].norm in _HEADS:
                return m  # (a figure counts the people: "... أحد عشر مدنياً", eleven civilians)
    if k < len(toks) and toks[k].norm == _OF_WORD:
        # "أعدم مسلحون من تنظيم الدولة الإسلامية رميا بالرصاص أمس رجلين": over the group the attackers are of, a
        # manner and a time, to the first person in the accusative (or a dual in -ين) of the clause
        for m in range(k + 1, min(k + 1 + _GROUP_WINDOW, len(toks))):
            if _CLAUSE_BREAK & set(toks[m - 1].text) or _is_casualty_word(toks[m].norm):
                break
            word = toks[m].norm
            if m in numbers:
                return m
            if (word.endswith("ا") and _persons(word[:-1], another=False)) or (
                word.endswith("ين") and _persons(word, another=False) == 2
            ):
                return m
    if verb == KILL:
        # "قتل مسلحون بالرصاص مختار قرية": active only with the weapon, then a person, or with a person in the
        # accusative ("قتل انتحاري شرطياً"); else "قُتل مسلحون", militants were killed
        if k + 1 < len(toks) and toks[k].norm in WITH_BULLETS and _persons(toks[k + 1].norm):
            return k + 1
        if k < len(toks) and toks[k].norm.endswith("ا") and _persons(toks[k].norm[:-1]):
            return k
        if k < len(toks) and toks[k].norm.endswith("ين") and _persons(toks[k].norm) == 2:
            return k  # "قتل مسلحون جنديين" (gunmen killed two soldiers): the accusative dual
        if k < len(toks) and not toks[k].norm.startswith("ال") and (
            _persons(toks[k].norm, another=False) == 1 or toks[k].norm in _HEADS
        ):
            return k  # "قتل مسلحون شيخ عشيرة" (gunmen killed a tribal elder): a person right after the subject
        if k < len(toks) and (toks[k].norm in _PREPOSITIONS or toks[k].norm in _RIDING):
            # "قتل مسلحون على دراجة نارية قاضياً", "قتل مسلحان يستقلان دراجة نارية مسؤولاً": over a short
            # phrase or a clause on how the attackers came, a person in the accusative
            # (also over the weapon, to a dual: "قتل مسلحان على متن دراجة نارية بالرصاص شرطيين", two policemen)
            for m in range(k + 1, min(k + 1 + _PHRASE_WINDOW + 2, len(toks))):
                if _CLAUSE_BREAK & set(toks[m - 1].text) or _is_casualty_word(toks[m].norm):
                    break
                if m in numbers:
                    return m  # "قتل مسلحون على متن دراجات نارية أربعة عشر قرويا": the figure counts them
                if toks[m].norm.endswith("ا") and _persons(toks[m].norm[:-1], another=False):
                    return m
                if toks[m].norm.endswith("ين") and _persons(toks[m].norm) == 2:
                    return m
        return j
    return _after_time_words(toks, k) if k < len(toks) else j


_PREPOSITIONS = {_F(w) for w in ("على", "في", "من", "داخل", "قرب", "أمام")}
# a clause on how the attackers came ("يستقلان دراجة نارية", riding a motorcycle), between them and their victim
_RIDING = {_F(w) for w in ("يستقل", "يستقلان", "يستقلون", "يركب", "يركبان", "يركبون", "يقود", "يقودان", "يقودون")}
_SUSPECTED_OF = {_F(w) for w in ("يشتبه", "يعتقد", "يرجح")}  # "suspected / believed (to belong to ...)"
_SUSPICION_WINDOW = 9  # words of that clause: "يُشتبه في انتمائهم إلى تنظيم الدولة الإسلامية في الصومال"
_PHRASE_WINDOW = 4
_GROUP_WINDOW = 10  # words of "من تنظيم الدولة الإسلامية رميا بالرصاص أمس" between the attackers and their victim


# killing verbs that are active only (no passive reading without vowels, unlike "قتل"), so a
# perpetrator word after them is their subject
# (singular forms only: a plural verb carries its subject, "قتلوا مسلحين" killed militants, so the noun
# after it is its object)
ACTIVE_VERBS: frozenset[str] = frozenset(_F(w) for w in ("اغتال", "اغتالت", "أعدم", "أعدمت", "أصاب", "أصابت"))
# "وقتلوا أحدهم" (and killed one of them)
ONE_OF_THEM: frozenset[str] = frozenset(_F(w) for w in ("أحدهم", "أحدهما", "إحداهن", "إحداهما", "أحدهن"))
KILL = _F("قتل")  # active or passive: active when the weapon and a person follow its subject
WITH_BULLETS: frozenset[str] = frozenset(_F(w) for w in ("بالرصاص", "برصاص", "بالسكاكين", "ذبحا"))


# dual verbs after the two people they count
DUAL_VERBS: dict[str, str] = {
    **{_F(w): KILLED for w in ("قتلا", "قتلتا", "استشهدا")},
    **{_F(w): WOUNDED for w in ("أصيبا", "أصيبتا", "جرحا")},
}
# "wounded" as the state of people named before it ("فرّ رجلان مصابَين"): dual or plural, so it counts
# only a dual person before it, within a few words of one clause
WOUNDED_STATE: set[str] = {_F(w) for w in ("مصابين", "مصابان", "مصابتين", "مصابتان")}
_STATE_WINDOW = 5
_TWO = frozenset(_F(w) for w in ("اثنين", "اثنان", "اثنتين", "اثنتان"))


def _dual_before(toks: list[Token], index: int, numbers: set[int]) -> int | None:
    """The dual person within :data:`_STATE_WINDOW` words before ``index`` in the same clause, if any."""
    for k in range(index - 1, max(-1, index - _STATE_WINDOW - 1), -1):
        counted = any(_is_casualty_word(toks[j].norm) for j in range(max(0, k - 2), k))
        if k in numbers and toks[k].norm in _TWO and not counted:
            return k  # "إن اثنين من الموقوفين مصابان أيضاً" (two of the detainees are wounded too)
        if k in numbers or _CLAUSE_BREAK & set(toks[k].text):
            return None
        if _head_count(toks[k]) == 2:
            # counted already after a casualty word ("أصيب جنديان ونُقلا مصابَين")
            return None if any(_is_casualty_word(toks[j].norm) for j in range(max(0, k - 2), k)) else k
    return None


FATE_REACH = 6  # words back from a dual fate noun ("حتفهما") to the dual it tells the fate of
# "لقي حتفه" (met his death), "لقوا مصرعهم": the people are named before the noun
FATE_NOUNS: set[str] = {_F(w) for w in ("حتفه", "حتفها", "حتفهما", "حتفهم", "مصرعه", "مصرعها", "مصرعهما",
                                        "مصرعهم")}  # fmt: skip
# one more person after a casualty verb: "وأصابوا رابعاً" (and wounded a fourth), "وأصابوا آخر"
ANOTHER_ONE: set[str] = {_F(w) for w in ("آخر", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا",
                                         "تاسعا", "عاشرا",
                                         # the nominative after a passive verb ("وأُصيب ثالث", a third was wounded)
                                         "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر")}  # fmt: skip


def _person_before(toks: list[Token], index: int, numbers: set[int]) -> tuple[int, int] | None:
    """(token, count) of the person right before a fate noun, over at most one adjective:
    "جنديان سوريان حتفهما" -> 2, "جندي حتفه" -> 1; None after a figure (counted with it already)."""
    for k in range(index - 1, max(-1, index - 3), -1):
        if k in numbers:
            return None
        value = _head_count(toks[k])
        if value:
            return k, value
    return None


# a time phrase between a casualty verb and the people it names: "قتل قبل أسبوعين مدرسان" (two teachers
# were killed two weeks ago), "أصيب أمس جنديان", "قتل مساء الخميس شخصان"
TIME_WORDS: set[str] = {_F(w) for w in ("أمس", "البارحة", "اليوم", "الليلة", "مؤخرا", "أيضا")}
TIME_HEADS: set[str] = {_F(w) for w in ("قبل", "يوم", "صباح", "مساء", "فجر", "ظهر", "ليلة", "منذ", "خلال")}


_OF_WORD = _F("من")
_MEMBERS = _F("عناصر")


def _of_attackers(toks: list[Token], k: int, perpetrators: frozenset[str]) -> bool:
    """ "عنصران من التنظيم" (two members of the group), "شخص من المهاجمين": the people named are
    attackers (``k``: the token after them)."""
    if k + 1 >= len(toks) or toks[k].norm != _OF_WORD:
        return False
    word = toks[k + 1].norm
    return bool(_stems(word) & perpetrators) or f"{_MEMBERS} {word}" in perpetrators


def _after_time_words(toks: list[Token], j: int) -> int:
    """The first token from ``j`` on after at most one time phrase: a time word ("أمس") or a time
    head and the word after it ("قبل أسبوعين", "مساء الخميس")."""
    if j < len(toks) and toks[j].norm in TIME_WORDS:
        return j + 1
    if j + 2 < len(toks) and toks[j].norm in TIME_HEADS and not _CLAUSE_BREAK & set(toks[j + 1].text):
        return j + 2
    return j


# "in it" / "during it" between a casualty verb and the people it names: "هجوم قتل فيه شخصان"
IN_IT: set[str] = {_F(w) for w in ("فيه", "فيها", "خلاله", "خلالها", "جراءه", "جراءها")}


def _any_dual(token: str, nouns: set[str]) -> bool:
    return any(dual_value(split.stem, nouns) for split in clitic_variants(token))
