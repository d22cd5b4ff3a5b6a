"""Organisation mentions in Arabic text: codebook actors, well-known names and head-noun patterns.

Three sources, longest match first:

1. the codebook's actor names and Arabic aliases (clitic-aware, see :class:`~emberwatch.text.arabic.TermMatcher`);
2. a short list of widely reported organisations written as one name (حماس, الناتو, رويترز ...);
3. an organisation head noun (وزارة, حزب, حركة, مجلس, منظمة, شركة, جامعة ...) followed by its name:
   a genitive chain that ends with a definite word (``وزارة الداخلية``, ``اتحاد صناعة السيارات``), or
   a following name that is not a function word (``حركة طالبان``); after نادي / فريق / منتخب only the
   name is the organisation (``نادي الأهلي`` -> ``الأهلي``).

Names (1, 2) win over patterns (3) where they overlap: ``وكالة فرانس برس`` -> ``فرانس برس``.

Spans are original offsets without proclitics (``وبوزارة الداخلية`` -> ``وزارة الداخلية``).
"""

from __future__ import annotations

from dataclasses import dataclass

from emberwatch.codebook.schema import Codebook
from emberwatch.text.arabic import TermMatcher, Token, clitic_variants, fold, normalise, tokens

HEADS: frozenset[str] = frozenset(fold(w) for w in (
    "وزارة", "حزب", "حركة", "جبهة", "منظمة", "مجلس", "هيئة", "وكالة", "جامعة", "شركة", "مؤسسة", "اتحاد",
    "جمعية", "لجنة", "صندوق", "بنك", "مصرف", "صحيفة", "قناة", "إذاعة", "تلفزيون", "شرطة", "محكمة",
    "مكتب", "جماعة", "تنظيم", "كتائب", "سرايا", "فيلق", "لواء", "ميليشيا", "مليشيا", "مخابرات",
    "استخبارات", "مفوضية", "دائرة", "أكاديمية", "معهد", "برلمان", "حكومة", "رابطة", "نقابة", "تحالف",
    "ائتلاف", "تيار", "كتلة", "مديرية",
))  # fmt: skip
# heads that are not part of the name: "نادي الأهلي" is the club "الأهلي"
OUTER_HEADS: frozenset[str] = frozenset(fold(w) for w in ("نادي", "النادي", "فريق", "منتخب"))
# organisations usually written as a single name, without a head noun
NAMES: tuple[str, ...] = (
    "حماس", "فتح", "حزب الله", "طالبان", "الناتو", "حلف الأطلسي", "حلف شمال الأطلسي", "الأمم المتحدة",
    "الاتحاد الأوروبي", "الجامعة العربية", "جامعة الدول العربية", "الاتحاد الأفريقي", "اليونسكو",
    "اليونيسيف", "الإنتربول", "أوبك", "رويترز", "فرانس برس", "أسوشيتد برس", "بي بي سي", "سي إن إن",
    "الفيفا", "الكرملين", "الكونغرس", "الكنيست", "البنتاغون", "الصليب الأحمر", "الهلال الأحمر", "الموساد",
    "سي آي إيه", "مجلس الأمن", "مجلس الأمن الدولي", "الإخوان المسلمين", "الإخوان المسلمون",
)  # fmt: skip
_STOP: frozenset[str] = frozenset(fold(w) for w in (
    "في", "من", "على", "إلى", "الى", "عن", "مع", "أن", "إن", "ان", "التي", "الذي", "الذين", "هذا", "هذه",
    "ذلك", "تلك", "قد", "لقد", "كان", "كانت", "بعد", "قبل", "خلال", "منذ", "حتى", "أو", "ثم", "لا", "لم",
    "لن", "ما", "إذا", "كما", "بين", "عند", "أمس", "اليوم", "أيضا", "التابعة", "التابع", "الأول", "الثاني",
    "الماضي", "الماضية", "الحالي", "الجديد", "الجديدة", "نفسه", "نفسها", "وهو", "وهي", "يوم", "صباح",
    "مساء", "عام", "شهر", "أسبوع", "ليلة", "فجر", "السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء",
    "الخميس", "الجمعة", "امس",
))  # fmt: skip
MAX_NAME_WORDS = 4


@dataclass(frozen=True)
class OrgMention:
    """An organisation mention; ``actor_id`` is set when it is a codebook actor."""

    start: int
    end: int
    text: str
    actor_id: str | None = None


def _head_at(tok: Token) -> int | None:
    """Offset (in the normalised token) where an organisation head noun starts, or None."""
    for split in clitic_variants(tok.norm):
        if split.stem in HEADS or (split.has_article and split.stem in HEADS):
            return split.stem_offset
    return None


def _is_name_word(norm: str) -> bool:
    return norm not in _STOP and not norm.isdigit() and len(norm) > 1


class OrganisationRecogniser:
    """Built once per codebook; :meth:`find` is a pure function of the text."""

    def __init__(self, codebook: Codebook | None = None) -> None:
        self._names = TermMatcher()
        if codebook is not None:
            for actor in codebook.actors:
                for term in [*([actor.name_ar] if actor.name_ar else []), *actor.aliases.ar]:
                    self._names.add(term, f"actor:{actor.id}")
        for name in NAMES:
            self._names.add(name, "name:")

    def find(self, text: str) -> list[OrgMention]:
        """Non-overlapping organisation mentions in text order; names win over head-noun patterns."""
        nt = normalise(text)
        toks = tokens(nt)
        chosen = [
            OrgMention(m.start, m.end, m.text, m.key.removeprefix("actor:") if m.key.startswith("actor:") else None)
            for m in self._names.find(nt)
        ]
        for m in sorted(self._patterns(text, toks), key=lambda m: (m.start - m.end, m.start)):
            if all(m.end <= c.start or m.start >= c.end for c in chosen):
                chosen.append(m)
        return sorted(chosen, key=lambda m: m.start)

    @staticmethod
    def _patterns(text: str, toks: list[Token]) -> list[OrgMention]:
        found = []
        for i, tok in enumerate(toks):
            if any(s.stem in OUTER_HEADS for s in clitic_variants(tok.norm)) and i + 1 < len(toks):
                last = _name_end(text, toks, i)
                if last is not None:
                    found.append(
                        OrgMention(toks[i + 1].start, toks[last].end, text[toks[i + 1].start : toks[last].end])
                    )
                continue
            offset = _head_at(tok)
            last = _name_end(text, toks, i) if offset is not None else None
            if offset is None or last is None:
                continue
            start = tok.start if offset == 0 else tok.start + normalise(tok.text).to_original(offset, offset)[0]
            found.append(OrgMention(start, toks[last].end, text[start : toks[last].end]))
        return found


def _name_end(text: str, toks: list[Token], i: int) -> int | None:
    """Index of the last token of the name after the head noun at ``i``, or None when there is none.

    The name is a genitive chain of at most two indefinite words ended by a definite one, plus the
    definite adjectives after it; without a definite word, the single word after the head.
    """
    last = None
    indefinite: list[int] = []
    for k in range(i + 1, min(len(toks), i + 1 + MAX_NAME_WORDS)):
        if text[toks[k - 1].end : toks[k].start].strip() or not _is_name_word(toks[k].norm):
            break  # punctuation or a function word ends the name
        if toks[k].norm.startswith("ال"):
            last = k
        elif last is not None or len(indefinite) == 2:
            break
        else:
            indefinite.append(k)
    if last is not None:
        return last
    return indefinite[0] if indefinite else None
