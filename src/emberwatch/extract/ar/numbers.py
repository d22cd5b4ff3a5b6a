"""Arabic numbers in running text: digits of both scripts, number words, compounds and vague amounts.

Everything works on folded tokens (see :mod:`emberwatch.text.arabic`), so ``ثلاثة``/``ثلاثه`` and
``٣``/``3`` look the same. A number may carry the proclitic ``و`` and the article (``وثلاثة``,
``الثلاثة``). Compounds are read left to right: ``أربعة عشر`` = 14, ``خمسة وعشرون`` = 25,
``ثلاثمائة وخمسون`` = 350, ``ألفان`` = 2000, ``عشرات`` = "dozens" (a vague amount with a low bound).
"""

from __future__ import annotations

from dataclasses import dataclass

from emberwatch.models import Count
from emberwatch.text.arabic import Token, clitic_variants, fold

UNITS: dict[str, int] = {
    "واحد": 1, "واحده": 1, "احد": 1, "احدي": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
    "ثلاث": 3, "ثلاثه": 3,
    "اربع": 4, "اربعه": 4,
    "خمس": 5, "خمسه": 5,
    "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7,
    "ثمان": 8, "ثماني": 8, "ثمانيه": 8,
    "تسع": 9, "تسعه": 9,
}  # fmt: skip
TEN: set[str] = {"عشر", "عشره"}
TENS: dict[str, int] = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}  # fmt: skip
_HUNDRED = ("مئة", "مائة")
HUNDREDS: dict[str, int] = {
    fold(k): v
    for k, v in {
        "مئة": 100, "مائة": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200,
        **{f"{u}{h}": n * 100 for u, n in [("ثلاث", 3), ("أربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7),
                                             ("ثمان", 8), ("تسع", 9)] for h in _HUNDRED},
    }.items()
}  # fmt: skip
THOUSANDS: dict[str, int] = {"الف": 1000, "الفان": 2000, "الفين": 2000}
THOUSANDS_PLURAL: set[str] = {"الاف"}
HUNDRED_WORDS: set[str] = {fold(h) for h in _HUNDRED}
# vague amounts, with the same figures as their English equivalents (docs/extraction.md):
# عشرات = dozens, مئات = hundreds, آلاف = thousands, بضعة / عدة = several
VAGUE: dict[str, Count] = {
    fold(k): v
    for k, v in {
        "عشرات": Count(low=24, best=36, high=99),
        "مئات": Count(low=200, best=200, high=999),
        "آلاف": Count(low=2000, best=2000, high=9999),
        "بضعة": Count(low=3, best=3, high=9),
        "بضع": Count(low=3, best=3, high=9),
        "عدة": Count(low=3, best=3, high=9),
    }.items()
}


_MULTIPLES: dict[str, int] = {fold("عشرات"): 20, fold("مئات"): 200}


@dataclass(frozen=True)
class NumberExpr:
    """A number found at tokens ``[first, last]``: its value, or (``vague``) an amount's figures."""

    first: int
    last: int
    value: int
    vague: Count | None = None


def _number_stem(token: str) -> str | None:
    """The number word inside a token, without ``و`` or the article, or None."""
    if token.isdigit():
        return token
    for split in clitic_variants(token):
        if split.prefix not in ("", "و") or (split.has_article and split.stem == "احد"):
            continue  # الأحد is Sunday, not "the one"
        stem = split.stem
        if stem in UNITS or stem in TEN or stem in TENS or stem in HUNDREDS or stem in THOUSANDS or stem in VAGUE:
            return stem
    return None


def _has_conj(token: str) -> bool:
    return token.startswith("و") and _number_stem(token[1:]) is not None


def parse_numbers(toks: list[Token]) -> list[NumberExpr]:
    """Every number expression in a token list, longest reading first, left to right."""
    found: list[NumberExpr] = []
    i = 0
    while i < len(toks):
        expr = _parse_at(toks, i)
        if expr is None:
            i += 1
            continue
        found.append(expr)
        i = expr.last + 1
    return found


# "عدد من" ("a number of") reads as several, like English "a number of" / "several"; also the accusative and
# "another number of" ("أن عدداً آخر من الأشخاص أصيبوا", several other people were wounded)
A_NUMBER_OF = ({fold("عدد"), fold("وعدد"), fold("عددا"), fold("وعددا")}, fold("من"))
_ANOTHER = frozenset(fold(w) for w in ("آخر", "آخرا", "اخر"))


# "يوم الاثنين" is Monday, not "the two"
_MONDAY = frozenset(fold(w) for w in ("الاثنين", "الإثنين"))
_TIME_WORDS = frozenset(fold(w) for w in ("يوم", "ليلة", "ليل", "صباح", "مساء", "فجر", "ظهر", "عصر", "منذ", "ويوم",
                                          "وليلة", "وليل", "نهار"))  # fmt: skip


def _parse_at(toks: list[Token], i: int) -> NumberExpr | None:
    if toks[i].norm in _MONDAY and i > 0 and toks[i - 1].norm in _TIME_WORDS:
        return None
    if toks[i].norm in A_NUMBER_OF[0] and i + 1 < len(toks) and toks[i + 1].norm == A_NUMBER_OF[1]:
        several = VAGUE[fold("عدة")]
        return NumberExpr(i, i + 1, several.low or 0, vague=several)
    if (
        toks[i].norm in A_NUMBER_OF[0]
        and i + 2 < len(toks)
        and toks[i + 1].norm in _ANOTHER
        and toks[i + 2].norm == A_NUMBER_OF[1]
    ):
        several = VAGUE[fold("عدة")]
        return NumberExpr(i, i + 2, several.low or 0, vague=several)
    stem = _number_stem(toks[i].norm)
    if stem is None:
        return None
    if stem.isdigit():
        return _digits_at(toks, i)
    if stem in _MULTIPLES and i + 1 < len(toks) and _number_stem(toks[i + 1].norm) in THOUSANDS_PLURAL:
        # "عشرات الآلاف" (tens of thousands), "مئات الآلاف" (hundreds of thousands), as in English
        low = _MULTIPLES[stem] * 1000
        amount = Count(low=low, best=low, high=low * 10 - 1)
        return NumberExpr(i, i + 1, low, vague=amount)
    if stem in VAGUE:
        return NumberExpr(i, i, VAGUE[stem].low or 0, vague=VAGUE[stem])
    total, last = _word_value(toks, i)
    if total is None:
        return None
    return NumberExpr(i, last, total)


def _digits_at(toks: list[Token], i: int) -> NumberExpr:
    value = int(toks[i].norm)
    last = i
    nxt = toks[i + 1].norm if i + 1 < len(toks) else ""
    if nxt in THOUSANDS or nxt in THOUSANDS_PLURAL:
        value *= 1000
        last = i + 1
    return NumberExpr(i, last, value)


def _word_value(toks: list[Token], i: int) -> tuple[int | None, int]:
    """Value of the number words starting at token ``i`` and the index of the last one."""
    total = 0
    current: int | None = None
    last = i
    k = i
    while k < len(toks):
        stem = _number_stem(toks[k].norm)
        if stem is None or stem.isdigit():
            break
        if k > i and current and 3 <= current <= 10 and stem in THOUSANDS_PLURAL | HUNDRED_WORDS:
            current *= 1000 if stem in THOUSANDS_PLURAL else 100  # ثلاثة آلاف, ثلاث مائة
            last = k
            k += 1
            continue
        if stem in VAGUE:
            break
        if k > i and stem not in TEN and not _has_conj(toks[k].norm) and stem not in THOUSANDS:
            break
        if stem in UNITS:
            if current is not None and current % 100 != 0:
                break
            current = (current or 0) + UNITS[stem]
        elif stem in TEN:
            current = (current or 0) + 10
        elif stem in TENS:
            current = (current or 0) + TENS[stem]
        elif stem in HUNDREDS:
            current = (current or 0) + HUNDREDS[stem]
        elif stem in THOUSANDS:
            multiplier = THOUSANDS[stem]
            if multiplier == 1000 and current:
                total += current * 1000
            else:
                total += (current or 0) + multiplier
            current = None
        last = k
        k += 1
    value = total + (current or 0)
    return (value or None), last


def dual_value(token: str, nouns: set[str]) -> bool:
    """True when ``token`` (folded) is the dual of one of ``nouns`` (``قتيلان``, ``جريحين``); a noun with ta
    marbuta (folded to ``ه``) takes ``تان``/``تين`` (``امرأتين``, ``فتاتان``)."""
    for end in ("ان", "ين"):
        if token.endswith(end):
            stem = token[: -len(end)]
            if stem in nouns or (stem.endswith("ت") and stem[:-1] + "ه" in nouns):
                return True
    return False
