"""Organisation mentions in Arabic text: codebook actors, well-known names and head-noun patterns.

Three sources, longest match first:

1. the codebook's actor names and Arabic aliases (clitic-aware, see :class:`~emberwatch.text.arabic.TermMatcher`);
2. :data:`NAMES`: widely reported organisations written as one name (international bodies, news
   agencies and papers, parties, companies, football clubs), leaving out names that are also common
   words or places;
3. an organisation head noun (:data:`HEADS`: وزارة, حزب, حركة, مجلس, منظمة, جامعة, بنك ...) followed by
   its name: a genitive chain of at most two indefinite words ended by a definite one plus its
   definite adjectives (``وزارة الداخلية العراقية``, ``اتحاد صناعة السيارات``), or else the single
   following word (``جامعة دمشق``). With the article the head starts a name only for the national
   institutions of :data:`DEFINITE_HEADS` (``الجيش اللبناني``; ``المنظمة الدولية`` "the international
   organisation" is a description). After :data:`OUTER_HEADS` (نادي, شركة, صحيفة, قناة, مراسل ...)
   only the name is the organisation (``صحيفة هآرتس`` -> ``هآرتس``; an indefinite name stops before
   its adjectives, ``شركة توتال الفرنسية`` -> ``توتال``), and an indefinite relative adjective is no
   name (``شركة صينية``). Governments (``حكومة كندا``) are places in the ACE scheme, not heads.

Names (1, 2) win over patterns (3) where they overlap: ``وكالة فرانس برس`` -> ``فرانس برس``.

Spans are original offsets without proclitics (``وبوزارة الداخلية`` -> ``وزارة الداخلية``).

``OrganisationRecogniser(codebook, model=...)`` puts the mentions of the Arabic CRF
(:mod:`emberwatch.text.arabic_ner`, which uses these rules as features) first and adds the codebook
actors and :data:`NAMES` matches that overlap none of them; the head-noun patterns (3) are left to the
model, which sees them as features (adding them too lowered precision more than it raised recall in
cross-validation on NewsFANE, see docs/evaluation.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from emberwatch.codebook.schema import Codebook
from emberwatch.text.arabic import NormalisedText, TermMatcher, Token, clitic_variants, fold, normalise, tokens

if TYPE_CHECKING:
    from collections.abc import Sequence

    from emberwatch.text.arabic_ner import ArabicNerModel, NerSpan

HEADS: frozenset[str] = frozenset(fold(w) for w in (
    "وزارة", "حزب", "حركة", "جبهة", "منظمة", "مجلس", "هيئة", "وكالة", "جامعة", "اتحاد", "جمعية", "صندوق",
    "بنك", "مصرف", "شرطة", "محكمة", "مكتب", "كتائب", "سرايا", "فيلق", "لواء", "ميليشيا", "مليشيا",
    "مخابرات", "استخبارات", "مفوضية", "أكاديمية", "معهد", "كلية", "برلمان", "رابطة", "نقابة", "تحالف",
    "ائتلاف", "تيار", "كتلة", "مديرية", "جيش", "مستشفى", "بورصة",
))  # fmt: skip
# With the article and followed only by adjectives, most heads describe rather than name
# ("المنظمة الدولية" "the international organisation", "اللجنة المنظمة" "the organising committee"); a
# definite head starts a name only for these national or unique institutions ("الجيش اللبناني",
# "البنك الدولي", "الاتحاد الأوروبي").
DEFINITE_HEADS: frozenset[str] = frozenset(fold(w) for w in (
    "جيش", "بنك", "مصرف", "اتحاد", "جمعية", "شرطة", "جامعة", "برلمان", "كونغرس", "بورصة", "مخابرات",
))  # fmt: skip
# heads that are not part of the name: "نادي الأهلي" is the club "الأهلي", "صحيفة هآرتس" the paper
# "هآرتس", "مراسل الجزيرة" (a correspondent of) the broadcaster "الجزيرة"
OUTER_HEADS: frozenset[str] = frozenset(fold(w) for w in (
    "نادي", "فريق", "منتخب", "شركة", "صحيفة", "جريدة", "مجلة", "قناة", "فضائية", "موقع", "مراسل", "مراسلة",
    "موفد", "موفدة",
))  # fmt: skip
# organisations usually written as a single name, without a head noun: international bodies, news
# agencies and papers, parties, companies and football clubs that are often in the news. Names that are
# also common words or places (الجزيرة "the island", النصر "victory", اتصالات "communications", ليون
# "Lyon", ميلان "Milan") are left out.
NAMES: tuple[str, ...] = (
    # international and regional bodies
    "الأمم المتحدة", "مجلس الأمن", "مجلس الأمن الدولي", "الجمعية العامة للأمم المتحدة", "الاتحاد الأوروبي",
    "الجامعة العربية", "جامعة الدول العربية", "الاتحاد الأفريقي", "مجلس التعاون الخليجي",
    "الناتو", "حلف الأطلسي", "حلف شمال الأطلسي", "اليونسكو", "اليونيسيف", "اليونيسف", "الإنتربول",
    "الأونروا", "الفاو", "أوبك", "الأوبك", "اليونيفيل", "يونيفيل", "يونيفل", "الإيسيسكو",
    "إيساف", "الإيساف", "الويبو", "الكوميسا", "الإيكواس", "الآسيان", "البنك الدولي", "صندوق النقد الدولي",
    "منظمة الصحة العالمية", "منظمة التجارة العالمية", "الوكالة الدولية للطاقة الذرية", "منظمة العفو الدولية",
    "هيومن رايتس ووتش", "أطباء بلا حدود", "الصليب الأحمر", "الهلال الأحمر", "الفيفا", "اليويفا",
    "اللجنة الأولمبية الدولية", "محكمة العدل الدولية", "المحكمة الجنائية الدولية",
    # governments and agencies known by one name
    "الكرملين", "الكونغرس", "الكنيست", "البنتاغون", "الموساد", "الشاباك", "سي آي إيه", "إف بي آي",
    "الإليزيه",
    # parties and movements
    "حماس", "فتح", "حزب الله", "طالبان", "الليكود", "كاديما", "الإخوان المسلمين", "الإخوان المسلمون",
    "حركة المقاومة الإسلامية", "الجهاد الإسلامي", "حزب العمال الكردستاني",
    # news agencies, papers and broadcasters
    "رويترز", "فرانس برس", "أسوشيتد برس", "أسوشيتدبرس", "يونايتد برس", "يو بي آي", "د ب أ", "أ ف ب",
    "بي بي سي", "سي إن إن", "الجزيرة نت", "قناة الجزيرة", "العربية نت", "سانا", "واس", "كونا", "وام",
    "بترا", "نيويورك تايمز", "واشنطن بوست", "وول ستريت جورنال", "فايننشال تايمز", "الغارديان", "لوموند",
    "لوفيغارو", "دير شبيغل", "يديعوت أحرونوت", "هآرتس", "معاريف", "جيروزاليم بوست", "الأهرام",
    "القدس العربي", "الشرق الأوسط اللندنية", "أعماق",
    # companies
    "مايكروسوفت", "غوغل", "جوجل", "آبل", "أمازون", "فيسبوك", "تويتر", "نوكيا", "سامسونغ",
    "سوني", "تويوتا", "فولكسفاغن", "فولكس فاغن", "مرسيدس", "بي إم دبليو", "جنرال موتورز", "فورد",
    "بوينغ", "إيرباص", "أرامكو", "إكسون موبيل", "توتال", "شيفرون", "سيمنز", "إنتل", "آي بي إم",
    "إنرون", "سابك", "كيوتل", "موبايلي",
    # football clubs
    "ريال مدريد", "برشلونة", "أتلتيكو مدريد", "فالنسيا", "مانشستر يونايتد", "مانشستر سيتي", "ليفربول",
    "أرسنال", "تشيلسي", "تشلسي", "توتنهام", "بايرن ميونيخ", "بوروسيا دورتموند", "فيردر بريمن",
    "يوفنتوس", "إنتر ميلان", "إي سي ميلان", "لاتسيو", "باريس سان جرمان", "مرسيليا", "أولمبيك ليون",
    "بنفيكا", "بورتو", "أياكس", "سلتيك", "رينجرز", "دينامو كييف", "ستيوا بوخارست", "الزمالك", "الأهلي",
    "الإسماعيلي", "الوداد البيضاوي", "الرجاء البيضاوي", "الترجي", "النجم الساحلي", "الريان", "الوكرة", "العنابي",
)  # fmt: skip
_STOP: frozenset[str] = frozenset(fold(w) for w in (
    "في", "من", "على", "إلى", "الى", "عن", "مع", "أن", "إن", "ان", "التي", "الذي", "الذين", "هذا", "هذه",
    "ذلك", "تلك", "قد", "لقد", "كان", "كانت", "بعد", "قبل", "خلال", "منذ", "حتى", "أو", "ثم", "لا", "لم",
    "لن", "ما", "إذا", "كما", "بين", "عند", "أمس", "اليوم", "أيضا", "التابعة", "التابع", "الأول", "الثاني",
    "الماضي", "الماضية", "الحالي", "الجديد", "الجديدة", "نفسه", "نفسها", "وهو", "وهي", "يوم", "صباح",
    "مساء", "عام", "شهر", "أسبوع", "ليلة", "فجر", "السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء",
    "الخميس", "الجمعة", "امس", "كرة", "لكرة", "للكرة",
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
    """Offset (in the normalised token) where an organisation head noun starts, or None.

    A head with the article counts only when it is one of :data:`DEFINITE_HEADS`.
    """
    for split in clitic_variants(tok.norm):
        if split.stem in HEADS and (not split.has_article or split.stem in DEFINITE_HEADS):
            return split.stem_offset
    return None


def _is_adjective(norm: str) -> bool:
    """An indefinite relative adjective ("صينية", "أمريكي"): "شركة صينية" is a description, not a name."""
    return not norm.startswith("ال") and len(norm) > 3 and norm.endswith(("يه", "ي"))


def _is_name_word(norm: str) -> bool:
    return norm not in _STOP and not norm.isdigit() and len(norm) > 1


class OrganisationRecogniser:
    """Built once per codebook; :meth:`find` is a pure function of the text.

    With ``model`` (an :class:`~emberwatch.text.arabic_ner.ArabicNerModel`), the CRF's organisation
    mentions come first and the codebook actors and :data:`NAMES` matches that overlap none of them are
    added (cross-validated on NewsFANE this beats either source alone; see docs/evaluation.md).
    """

    def __init__(self, codebook: Codebook | None = None, model: ArabicNerModel | None = None) -> None:
        self._model = model
        self._names = TermMatcher()
        if codebook is not None:
            for actor in codebook.actors:
                for term in [*([actor.name_ar] if actor.name_ar else []), *actor.aliases.ar]:
                    self._names.add(term, f"actor:{actor.id}")
        for name in NAMES:
            self._names.add(name, "name:")

    def find(self, text: str, model_mentions: Sequence[NerSpan] | None = None) -> list[OrgMention]:
        """Non-overlapping organisation mentions in text order (the model's first, when there is one).

        ``model_mentions``: the model's mentions of ``text`` when the caller already has them (e.g.
        from :meth:`~emberwatch.text.arabic_ner.ArabicNerModel.find_sentences`, which reads
        neighbouring sentences as one story); only their organisations are used.
        """
        if model_mentions is None:
            if self._model is None:
                return self.find_rules(text)
            model_mentions = self._model.find(text, ("organisation",))
        rules = self._name_mentions(normalise(text))
        actors = {(m.start, m.end): m.actor_id for m in rules if m.actor_id}
        chosen = [
            OrgMention(s.start, s.end, s.text, actors.get((s.start, s.end)))
            for s in model_mentions
            if s.label == "organisation"
        ]
        for m in rules:
            if all(m.end <= c.start or m.start >= c.end for c in chosen):
                chosen.append(m)
        return sorted(chosen, key=lambda m: m.start)

    def find_rules(self, text: str) -> list[OrgMention]:
        """Mentions from the rules alone; names win over head-noun patterns."""
        nt = normalise(text)
        toks = tokens(nt)
        chosen = self._name_mentions(nt)
        for m in sorted(self._patterns(text, toks), key=lambda m: (m.start - m.end, m.start)):
            if all(m.end <= c.start or m.start >= c.end for c in chosen):
                chosen.append(m)
        return sorted(chosen, key=lambda m: m.start)

    def _name_mentions(self, nt: NormalisedText) -> list[OrgMention]:
        """Codebook actors and :data:`NAMES` in the normalised text (original offsets)."""
        return [
            OrgMention(m.start, m.end, m.text, m.key.removeprefix("actor:") if m.key.startswith("actor:") else None)
            for m in self._names.find(nt)
        ]

    @staticmethod
    def _patterns(text: str, toks: list[Token]) -> list[OrgMention]:
        found = []
        for i, tok in enumerate(toks):
            if any(s.stem in OUTER_HEADS for s in clitic_variants(tok.norm)) and i + 1 < len(toks):
                last = _name_end(text, toks, i)
                if last is not None and not _is_adjective(toks[i + 1].norm):
                    if not toks[i + 1].norm.startswith("ال"):
                        last = _indefinite_name_end(toks, i + 1, last)
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


def _indefinite_name_end(toks: list[Token], first: int, last: int) -> int:
    """A name without the article stops before its definite adjectives ("شركة توتال الفرنسية" -> توتال)."""
    k = first
    while k < last and not toks[k + 1].norm.startswith("ال"):
        k += 1
    return k


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
