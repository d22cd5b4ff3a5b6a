"""Arabic implementation of :class:`~emberwatch.extract.language.LanguageRules`.

Terms are matched with the clitic-aware :class:`~emberwatch.text.arabic.TermMatcher` on folded text,
so ``وبتفجير`` finds ``تفجير`` and ``لتنظيم الدولة`` finds the actor ``تنظيم الدولة``; every offset
points into the original text. Event, weapon, target, description, mechanism and cue terms also
accept attached pronouns and sound plural/dual endings (``هجومهم``, ``عبوتين ناسفتين``); actor names
do not.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from emberwatch.codebook.schema import STATE_KINDS, Codebook, Terms
from emberwatch.extract.ar import casualties, dates, sentences
from emberwatch.extract.ar.numbers import parse_numbers
from emberwatch.extract.language import DateContext, NormalizedText
from emberwatch.extract.types import CountMention, ResolvedDate, Sentence, TermMatch, TextSpan
from emberwatch.models import Attribution, Language
from emberwatch.text.arabic import NormalisedText, TermMatcher, Token, clitic_variants, fold, normalise, tokens

# How far (characters) from a trigger a cue still applies, as in the English rules.
CUE_WINDOW = 60
# A negation/hypothetical cue must be this close (in words) before the trigger: Arabic sentences often
# hold an unrelated negation ("لم تعلن أي جهة مسؤوليتها عن الهجوم").
NEGATION_WORDS = 3
CLAIM_CUES = ("claimed", "attributed", "suspected")
SPLIT_GAP = 6  # words a subject may put between the two words of a verb-object trigger
# words a term written with a gap ("قتل … بالرصاص") may have between its two words, none after punctuation:
# the subject, a clause on it and the object ("قتل مسلحون يُشتبه في انتمائهم إلى تنظيم الدولة الإسلامية رجل
# أعمال بالرصاص", gunmen suspected of belonging to IS shot a businessman dead)
GAP_REACH = 12
GAP = "…"  # in a term, the words between a verb and its object ("قتل … بالرصاص")
_TIME_ADVERBS = {fold(w) for w in ("قبل", "ذلك", "من", "أبدا", "قط", "بعد", "الآن", "حتى", "اليوم")}
_RESPONSIBILITY = {fold(w) for w in ("مسؤولية", "مسؤوليته", "مسؤوليتها", "مسؤوليتهم", "تبني", "صلته")}
_SEP = "\t"


def _codebook_terms(codebook: Codebook) -> Iterator[tuple[Terms, str, str]]:
    yield from codebook.term_lists()
    for name in type(codebook.cues).model_fields:
        # "back_matter" is compared with whole heading lines only (extract.events); "aircraft" words are read in
        # the sentence of a raid (ArabicRules._ground_raids), and matched as cues would hide the targets they name
        if name not in ("back_matter", "aircraft"):
            yield getattr(codebook.cues, name), "cues", name


def build_matcher(codebook: Codebook) -> TermMatcher:
    """One clitic-aware matcher for every Arabic term of the codebook (keys ``section<TAB>key``)."""
    matcher = TermMatcher()
    for terms, section, key in _codebook_terms(codebook):
        for term in terms.ar:
            matcher.add(term, f"{section}{_SEP}{key}", suffixes=True)
    for actor in codebook.actors:
        names = [actor.name_ar] if actor.name_ar else []
        for term in [*names, *codebook.actor_names(actor, "ar"), *actor.abbreviations]:
            matcher.add(term, f"actors{_SEP}{actor.id}", suffixes=False)
        for term in actor.attributive.ar:  # "غارة جوية أمريكية"
            matcher.add(term, f"attributive{_SEP}{actor.id}", suffixes=False)
    return matcher


def _longest_per_section(hits: list[TermMatch]) -> list[TermMatch]:
    """Within a section keep the longest of overlapping matches (equal spans keep every key)."""
    kept: list[TermMatch] = []
    for section in sorted({h.section for h in hits}):
        chosen: list[TermMatch] = []
        section_hits = [h for h in hits if h.section == section]
        for hit in sorted(section_hits, key=lambda m: (m.start - m.end, m.start)):
            if all(
                hit.end <= c.start or hit.start >= c.end or (hit.start, hit.end) == (c.start, c.end) for c in chosen
            ):
                chosen.append(hit)
        kept.extend(chosen)
    kept.sort(key=lambda m: (m.start, m.end, m.section, m.key))
    return kept


_AIRSTRIKE, _ARMED_ASSAULT = "airstrike", "armed_assault"
_RAID_NOUNS = frozenset(fold(w) for w in ("غارة", "غارات"))
_SENTENCE_ENDS = ".!?؟\n"
RAID_AGENT_REACH = 40  # characters after "غارة" where "شنها" + its agent, or "استهدفت" + its target, are looked for
RAID_VERB_REACH = 25  # characters from a verb of launching (شن) to "غارة"
PARTITIVE_REACH = 30  # characters before a group where "خمسة من" makes it the counted dead
# "شن غارات", "لشن غارات", "واصلوا شن غارات" (launching raids)
_LAUNCHED = re.compile(r"(?:^|\s)[ول]?(?:ل?شن|شنت|شنوا|يشن|تشن|يشنون|شنها|شنوها)\S*\s+$")
_PARTITIVE = re.compile(r"(?P<figure>\S+)\s+من\s+(?:\S+\s+)?$")
_NEXT_WORD = re.compile(r"(?:\S+\s+)?")
_FORCE_TARGETS = frozenset({"military", "police", "military-facilities", "checkpoint"})
_FORCE_NOUNS = frozenset(fold(w) for w in ("الجيش", "القوات", "الشرطة", "قوات", "جنود", "الجنود", "موقعا", "موقع"))
# "غارة شنها مقاتلو ..." (a raid carried out by fighters of ...), after one adjective at most
_DONE_BY = re.compile(r"\s+(?:\S+\s+)?(?:شنها|شنه|شنوها|نفذها|نفذه|نفذوها)\s+")
# "غارة دامية استهدفت الجيش" (a deadly raid on the army)
_AIMED_AT = re.compile(r"\s+(?:\S+\s+)?(?:استهدفت|استهدف|استهدفوا|على|ضد)\s+")


def _bare_raid(trigger: str) -> bool:
    """The trigger is "غارة" / "غارات" alone (with clitics), not "غارة جوية"."""
    words = fold(trigger).split()
    return len(words) == 1 and any(split.stem in _RAID_NOUNS for split in clitic_variants(words[0]))


class ArabicRules:
    """Codebook-driven Arabic rules; build once per codebook."""

    language = Language.ar

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self.matcher = build_matcher(codebook)
        self.perpetrator_words = frozenset(fold(w) for w in codebook.cues.perpetrator_killed.ar)
        aircraft = [fold(w) for w in codebook.cues.aircraft.ar]
        self.aircraft_words = frozenset(w for w in aircraft if " " not in w)
        self.aircraft_phrases = tuple(w for w in aircraft if " " in w)
        self.actor_kinds = {a.id: a.kind for a in codebook.actors}
        # two-word event terms whose verb and object the subject may part ("قطع مسلحون ... رؤوس")
        self.split_terms: dict[str, list[tuple[str, str]]] = {}
        # verb … object terms whose gap may hold any words ("قُتل رجل أعمال وحارسه برصاص مسلحين")
        self.gap_terms: dict[str, list[tuple[str, str]]] = {}
        for terms, section, key in codebook.term_lists():
            for term in terms.ar if section == "event_types" else []:
                if len(words := fold(term).split()) == 2:
                    self.split_terms.setdefault(words[0], []).append((words[1], key))
                elif len(words) == 3 and words[1] == GAP:
                    self.gap_terms.setdefault(words[0], []).append((words[2], key))

    def normalize(self, text: str) -> NormalizedText:
        nt = normalise(text)
        return NormalizedText(nt.text, nt.offsets)

    def sentences(self, text: str) -> list[Sentence]:
        return sentences.split_sentences(text)

    def match_terms(self, text: str, normalized: NormalizedText | None = None) -> list[TermMatch]:
        nt = _reuse_or_normalise(text, normalized)
        hits = []
        for m in self.matcher.find_all(nt):
            section, key = m.key.split(_SEP, 1)
            hits.append(TermMatch(section, key, m.start, m.end, m.text))
        hits += self._split_triggers(text, nt, hits)
        hits = _without_non_events(hits, nt)
        hits = _without_series_anaphors(text, hits)
        hits = self._ground_raids(text, hits)
        return _longest_per_section(list(dict.fromkeys(hits)))

    def _ground_raids(self, text: str, hits: list[TermMatch]) -> list[TermMatch]:
        """"غارة" is an air raid by default, but a raid on the ground when its sentence names no aircraft
        (the codebook's ``aircraft`` cues) and militants are its agent: the nearest actor or group description
        before it in its clause is not a state force ("واصل المسلحون شن غارات على القرى", the militants went
        on raiding villages), or one follows "شنها" ("غارة شنها مقاتلو تنظيم الدولة"); or a state force is
        its target ("غارة دامية استهدفت الجيش", a deadly raid on the army). Such a raid is an armed assault,
        as English "raid" is."""
        raids = [h for h in hits if h.section == "event_types" and h.key == _AIRSTRIKE and _bare_raid(h.text)]
        if not raids:
            return hits
        kept = []
        for h in hits:
            if h in raids and self._militant_raid(text, hits, h):
                h = TermMatch(h.section, _ARMED_ASSAULT, h.start, h.end, h.text)
            kept.append(h)
        return kept

    def _counted(self, text: str, group: TermMatch) -> bool:
        """A figure counts the group's members right before it ("خمسة من عناصر داعش", five IS members)."""
        partitive = _PARTITIVE.search(text, max(0, group.start - PARTITIVE_REACH), group.start)
        return partitive is not None and self.has_number(partitive["figure"])

    def _is_state(self, hit: TermMatch) -> bool:
        return hit.section == "actors" and self.actor_kinds.get(hit.key) in STATE_KINDS

    def _militant_raid(self, text: str, hits: list[TermMatch], raid: TermMatch) -> bool:
        start = max(text.rfind(ch, 0, raid.start) for ch in _SENTENCE_ENDS) + 1
        ends = [i for i in (text.find(ch, raid.end) for ch in _SENTENCE_ENDS) if i >= 0]
        sentence = fold(text[start : min(ends, default=len(text))])
        aircraft = any(split.stem in self.aircraft_words for w in sentence.split() for split in clitic_variants(w))
        if aircraft or any(phrase in sentence for phrase in self.aircraft_phrases):
            return False
        agents = [h for h in hits if h.section in ("actors", "descriptions")]
        if _LAUNCHED.search(text, max(start, raid.start - RAID_VERB_REACH), raid.start):
            # "واصل المسلحون شن غارات" (the militants went on launching raids): the nearest group before
            # the verb, unless a figure of the dead counts it ("خمسة من عناصر داعش")
            before = [a for a in agents if start <= a.start and a.end <= raid.start and not self._counted(text, a)]
            if before:
                return not self._is_state(max(before, key=lambda a: a.end))
        after = text[raid.end : raid.end + RAID_AGENT_REACH]
        if (done_by := _DONE_BY.match(after)) is not None:
            at = raid.end + done_by.end()
            return any(not self._is_state(a) and _NEXT_WORD.fullmatch(text[at : a.start]) for a in agents)
        if (aimed := _AIMED_AT.match(after)) is not None:
            at = raid.end + aimed.end()
            target = text[at:].split(maxsplit=1)[:1]
            forces = [h for h in hits if self._is_state(h) or (h.section == "targets" and h.key in _FORCE_TARGETS)]
            return any(h.start == at for h in forces) or bool(target and fold(target[0]) in _FORCE_NOUNS)
        return False

    def _split_triggers(self, text: str, nt: NormalisedText, hits: list[TermMatch]) -> list[TermMatch]:
        """Arabic puts the subject between the verb and its object: "قطع مسلحون مرتبطون بتنظيم الدولة
        رؤوس ثلاثة رجال" (militants linked to IS beheaded three men) is the two-word trigger "قطع رؤوس"
        with an actor in between. The object word is the trigger when at most :data:`SPLIT_GAP` words,
        one of them an actor or a group description, and no punctuation part the two. A term written with
        a gap ("قتل … برصاص") takes any words between, up to :data:`GAP_REACH`: "قُتل رجل أعمال وحارسه برصاص
        مسلحين" (a businessman and his bodyguard were shot dead by gunmen), the passive verb's subject in
        between."""
        subjects = [h for h in hits if h.section in ("actors", "descriptions")]
        if not self.gap_terms and not (self.split_terms and subjects):
            return []
        toks = tokens(nt)
        found = []
        for i, verb in enumerate(toks):
            stem = verb.norm.removeprefix("و").removeprefix("ف")
            pairs = [(second, key, True) for second, key in self.split_terms.get(stem, ()) if subjects]
            pairs += [(second, key, False) for second, key in self.gap_terms.get(stem, ())]
            for second, key, needs_subject in pairs:
                reach = SPLIT_GAP if needs_subject else GAP_REACH
                for j in range(i + 2, min(len(toks), i + 2 + reach)):
                    obj = toks[j]
                    if any(ch in ".,،؛;:!?؟()\n" for ch in text[verb.end : obj.start]):
                        break
                    if obj.norm == second and (
                        not needs_subject or any(verb.end <= h.start and h.end <= obj.start for h in subjects)
                    ):
                        found.append(TermMatch("event_types", key, obj.start, obj.end, obj.text))
                        break
        return found

    def casualties(self, text: str, sentence: Sentence) -> list[CountMention]:
        nt = normalise(text[sentence.start : sentence.end])
        toks = [_shift(t, sentence.start) for t in tokens(nt)]
        return casualties.casualties_in(text, toks, self.perpetrator_words)

    def has_number(self, text: str) -> bool:
        return bool(parse_numbers(tokens(normalise(text))))

    def resolve_date(self, text: str, sentence: Sentence, context: DateContext) -> ResolvedDate | None:
        nt = normalise(text[sentence.start : sentence.end])
        return dates.best_date(dates.find_dates(nt, tokens(nt), context, offset=sentence.start))

    def date_headings(self, text: str) -> list[tuple[int, DateContext]]:
        return dates.date_headings(text)

    def is_negated(self, text: str, sentence: Sentence, trigger: TextSpan, cues: list[TermMatch]) -> bool:
        for cue in cues:
            if cue.key not in {"negation", "hypothetical"} or not sentence.start <= cue.start < sentence.end:
                continue
            if cue.end > trigger.start or trigger.start - cue.end > CUE_WINDOW:
                continue
            between = tokens(text[cue.end : trigger.start])
            # (time words do not count: "لم تقدم قبل ذلك على حرق المنازل", had never before burned houses)
            counted = [t for t in between if t.norm not in _TIME_ADVERBS]
            if len(counted) > NEGATION_WORDS or any(t.norm in _RESPONSIBILITY for t in between):
                continue
            if fold(cue.text) == "قد" and not (between and between[0].norm.startswith(("ي", "س"))):
                continue  # قد + perfect verb asserts the past ("وقد قتل"); only قد + imperfect is "may"
            if "؛" not in text[cue.end : trigger.start]:
                return True
        return False

    def attribution(self, text: str, sentence: Sentence, actor: TextSpan, cues: list[TermMatch]) -> Attribution:
        found = {c.key for c in cues if c.key in CLAIM_CUES and sentence.start <= c.start < sentence.end}
        if "claimed" in found:
            return Attribution.claimed
        near = [c for c in cues if c.key == "suspected" and abs(c.start - actor.start) <= CUE_WINDOW]
        if near:
            return Attribution.suspected
        return Attribution.attributed


_CONTROL = "territorial_control"
_ON = frozenset(fold(w) for w in ("على", "عليه", "عليها", "عليهم", "عليهما"))
# "تمكنوا من السيطرة على الحريق" (they brought the fire under control): control of something that is not ground
_NOT_GROUND = frozenset(
    fold(w) for w in ("الحريق", "الحرائق", "النيران", "النار", "الوضع", "الأوضاع", "الموقف", "الأمور", "الأمر",
                      "الانتشار", "الأسعار", "الغضب", "الاحتجاجات", "المرض", "الوباء", "التضخم",
                      # "واستولوا على أسلحة" (and seized weapons): loot, not ground
                      "أسلحة", "الأسلحة", "سلاح", "ذخيرة", "الذخيرة", "ذخائر", "أموال", "الأموال", "مبالغ",
                      "سيارة", "سيارات", "السيارات", "آليات", "الآليات", "عربات", "مركبات", "معدات", "المعدات",
                      "أجهزة", "هواتف", "مواشي", "المواشي", "الماشية", "أغنام", "شاحنة", "شاحنات", "وثائق",
                      "الأبقار", "أبقار", "الإبل", "إبل", "الأغنام", "رؤوس", "مئات", "عشرات")
)  # fmt: skip


# "الأراضي التي سيطر عليها الجهاديون" (the territory the jihadists had seized), "التي كان يسيطر عليها": a verb
# in a relative clause describes the area it qualifies, as English "the territory it had seized" tells no capture
_RELATIVE = frozenset(fold(w) for w in ("التي", "الذي", "اللتي", "اللتين", "اللتان", "اللذين", "اللذان", "الذين",
                                        "اللواتي", "اللاتي"))  # fmt: skip
_RELATIVE_GAP = frozenset(fold(w) for w in ("كان", "كانت", "كانوا", "قد"))
_SINCE = fold("منذ")
SINCE_REACH = 3  # words from a control verb to "منذ" (since) that make it a state: "سيطروا عليها منذ عام 2015"


def _control_state(toks: list[Token], first: int, end: int) -> bool:
    """Territorial control is taking ground, not holding it: the noun ``سيطرة`` without ``على`` in the next
    two words is a state ("آخر مناطق سيطرته", the last areas under its control; "مناطق سيطرة الحكومة"), and
    ``السيطرة على`` the fire or the situation, nor ``استولوا على`` weapons, is a capture. Nor is control that
    a relative clause gives an area ("الأراضي التي سيطر عليها التنظيم"), control held since a time ("بعدما
    سيطروا عليها منذ عام 2015", after holding it since 2015) or sought ("معارك ... للسيطرة على منطقة ميناكا",
    fighting for control of the Menaka area). The verbs (``سيطر``, ``سيطروا``) and "سيطرتهم على القرية" stay.
    ``toks[first:end]`` are the trigger's words."""
    after = toks[end : end + 2]
    last = toks[end - 1].norm if end > first else ""
    if last in _ON and after and after[0].norm in _NOT_GROUND:
        return True
    before = [t.norm for t in toks[max(0, first - 2) : first]]
    relative = bool(before) and (
        before[-1] in _RELATIVE or (len(before) == 2 and before[0] in _RELATIVE and before[1] in _RELATIVE_GAP)
    )
    since = any(t.norm == _SINCE for t in toks[end : end + SINCE_REACH])
    if relative or since or (end > first and toks[first].norm.startswith("للسيطر")):
        return True
    head = last.removeprefix("و").removeprefix("ف").removeprefix("ب").removeprefix("ل")
    noun = head.startswith("السيطر") or head == "سيطره" or (head.startswith("سيطرت") and len(head) > 5)
    return noun and last not in _ON and not any(t.norm in _ON for t in after)


_AMBUSH = "ambush"
# "هاجموا كميناً للشرطة", "فتحوا النار على الكمين": in Egyptian usage a كمين is a police checkpoint, here
# the target of an attack
_ATTACKED = frozenset(fold(w) for w in (
    "هاجم", "هاجموا", "هاجمت", "استهدف", "استهدفوا", "استهدفت", "مهاجمة", "استهداف", "هجوم", "هجوما", "اقتحم",
    "اقتحموا", "اقتحام", "النار",
))  # fmt: skip
_CHECKPOINT_AFTER = frozenset(fold(w) for w in ("للشرطة", "شرطة", "أمني", "أمنيا", "الشرطة", "للجيش", "ثابت"))


def _checkpoint(toks: list[Token], first: int, end: int) -> bool:
    """``كمين`` attacked ("هاجموا كميناً للشرطة", "هجوم على كمين أمني") or qualified as a police or security
    post is a checkpoint, the attack's target, not an ambush the attackers laid."""
    before = [t.norm.removeprefix("و").removeprefix("ف") for t in toks[max(0, first - 2) : first]]
    after = toks[first + 1].norm if first + 1 < len(toks) else ""
    attacked = bool(before) and (before[-1] in _ATTACKED or (before[-1] == "علي" and before[:1] and
                                                             before[0] in _ATTACKED))  # fmt: skip
    return attacked or after in _CHECKPOINT_AFTER


# event keys whose trigger words, read in context, may name no such event
_NOT_EVENT: dict[str, Callable[[list[Token], int, int], bool]] = {_CONTROL: _control_state, _AMBUSH: _checkpoint}


def _without_non_events(hits: list[TermMatch], nt: NormalisedText) -> list[TermMatch]:
    """Drop event triggers that :data:`_NOT_EVENT` reads as no event of their type in context."""
    if not any(h.section == "event_types" and h.key in _NOT_EVENT for h in hits):
        return hits
    toks = tokens(nt)
    starts = [t.start for t in toks]
    kept = []
    for h in hits:
        test = _NOT_EVENT.get(h.key) if h.section == "event_types" else None
        if test is not None:
            first = max(0, bisect.bisect_right(starts, h.start) - 1)
            end = max(first, bisect.bisect_left(starts, h.end))
            if test(toks, first, end):
                continue
        kept.append(h)
    return kept


# "سلسلة من الاشتباكات" (a series of clashes), "عدد من الهجمات": a definite noun after a quantity names events
# in general, not the one told before
_SERIES_BEFORE = re.compile(r"(?:سلسل[ةه]|موج[ةه]|عدد|جمل[ةه])\s+من\s*$")
SERIES_REACH = 16  # characters before an anaphor where the quantity is looked for


def _without_series_anaphors(text: str, hits: list[TermMatch]) -> list[TermMatch]:
    return [
        h
        for h in hits
        if not (
            h.section == "cues"
            and h.key == "anaphora"
            and _SERIES_BEFORE.search(text, max(0, h.start - SERIES_REACH), h.start)
        )
    ]


def _reuse_or_normalise(text: str, normalized: NormalizedText | None) -> NormalisedText:
    """The pipeline's copy from :meth:`ArabicRules.normalize` when given, else a fresh one."""
    if normalized is not None and normalized.offsets is not None and len(normalized.offsets) == len(normalized.text):
        return NormalisedText(normalized.text, text, normalized.offsets)
    return normalise(text)


def _shift(tok: Token, offset: int) -> Token:
    """A sentence token with its original offsets moved into document coordinates."""
    return replace(tok, start=tok.start + offset, end=tok.end + offset)
