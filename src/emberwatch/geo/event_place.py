"""Which of a document's places is where an event happened.

Not the dateline ("BAGHDAD (Reuters) -"), not where a statement was issued ("officials said in
Damascus"), not a name used as a modifier ("US-led coalition"), not a country named without a
locative word (the actor in "the US launched airstrikes"), not a province or country a road
leads to ("the highway to Jordan"; a town there counts as "near"). Preference order: a place
introduced by a locative word ("in/near/at X", "في", "قرب") close to the trigger in the trigger's
sentence; the most specific other place in the sentence; the most specific place of the paragraph;
the dateline place as a last resort, with its precision lowered to admin1 level (the event is
somewhere around the dateline city).
"""

from __future__ import annotations

import re

from emberwatch.geo.folding import fold_key
from emberwatch.geo.recognise import load_cues
from emberwatch.models import LocationPrecision, PlaceRef

_DATELINE = re.compile(r"^\s*(?P<head>[^\n]{0,90}?)(?:\s[-–—]{1,2}\s|\)\s*[-–—:]|:\s)")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_LOCATIVE_EN = frozenset(["in", "near", "at", "outside", "around", "inside", "into", "across", "of", "between"])
_LOCATIVE_AR = frozenset(fold_key(w) for w in (
    "في", "قرب", "بالقرب", "داخل", "عند", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي",
    "أطراف", "ضواحي", "محيط", "وسط", "بين",
))  # fmt: skip
# head nouns between a locative word and the name: "في مدينة الرقة", "غربي مدينة بئر العبد", "في ريف حماة"
_HEAD_AR = frozenset(fold_key(w) for w in (
    "مدينة", "بلدة", "قرية", "ناحية", "قضاء", "محافظة", "منطقة", "حي", "مخيم", "ريف", "بادية", "مدينتي",
    "قريتي", "بلدتي", "منطقتي",
))  # fmt: skip
_NEAR_FROM_AR = frozenset(fold_key(w) for w in ("بالقرب", "قريبا", "قريب", "مقربة"))
_SPECIFICITY = {1: 1.5, 2: 1.3, 3: 1.0, 4: 0.6, 5: 0.3, 6: 0.0, 7: -1.0}


def dateline_end(text: str) -> int:
    """Offset where a dateline ("MOSUL, Iraq, May 3 (AP) —", "بغداد - ") ends, or 0 if none."""
    match = _DATELINE.match(text)
    if not match:
        return 0
    head = match.group("head")
    if len(_WORD.findall(head)) > 8:
        return 0
    return match.start("head") + len(head)


def _words_before(text: str, start: int, lower: int, n: int) -> list[str]:
    window = text[max(lower, start - 80) : start]
    return [fold_key(w) for w in _WORD.findall(window)][-n:]


def is_statement_place(text: str, place: PlaceRef, lower: int = 0) -> bool:
    """ "said in Damascus", "a statement issued in Baghdad", "قال في بيان من دمشق", "officials in
    Raqqa said"."""
    cues = load_cues()
    words = _words_before(text, place.start, lower, 6)
    if not words or words[-1] not in {"in", "from", "في", "من"}:
        return False
    if words[-1] == "in" and _speaker_after(text, place):  # "Police in Anbar province said ..."
        return True
    # the cue ends at most one word before the preposition: "said in", "statement issued in"
    phrases = cues.statement_before | cues.ar_statement_before
    head = tuple(words[:-1])
    # "من" right after the cue only: "قال تاجر من البصيرة" is "a trader from al-Busayrah said"
    gaps = (0,) if words[-1] == "من" else (0, 1)
    return any(_ends_with_gap(head, phrase, gaps) for phrase in phrases)


_SPEAKER_VERBS = frozenset(["said", "says", "say", "told", "announced", "stated", "reported", "claimed"])
_UNIT_WORDS = frozenset(["province", "governorate", "district", "city", "town", "county", "state", "region"])


def _speaker_after(text: str, place: PlaceRef) -> bool:
    """ "officials in Raqqa said", "Police in Anbar province said": the place is the speaker's."""
    after = [w.lower() for w in _WORD.findall(text[place.end : place.end + 40])[:2]]
    if after and after[0] in _UNIT_WORDS:
        after = after[1:]
    return bool(after) and after[0] in _SPEAKER_VERBS


def _ends_with_gap(words: tuple[str, ...], phrase: tuple[str, ...], gaps: tuple[int, ...] = (0, 1)) -> bool:
    for gap in gaps:
        end = len(words) - gap
        if end - len(phrase) >= 0 and words[end - len(phrase) : end] == phrase:
            return True
    return False


_MODIFIER = re.compile(r"^-[a-z]")
_ROAD_WORDS = frozenset(fold_key(w) for w in (
    "road", "highway", "route", "motorway", "line", "lines", "corridor", "artery", "طريق", "الطريق", "خط", "خطوط",
))  # fmt: skip
_TOWARDS = frozenset(fold_key(w) for w in ("to", "towards", "toward", "إلى", "الى", "باتجاه"))


def _destination(text: str, place: PlaceRef, lower: int) -> bool:
    """ "the highway to Jordan", "الطريق إلى الأردن": where a road leads, not where it happened."""
    words = _words_before(text, place.start, lower, 4)
    return bool(words) and words[-1] in _TOWARDS and any(w in _ROAD_WORDS for w in words[:-1])


def _modifier(text: str, place: PlaceRef) -> bool:
    """ "US-led coalition", "Iraq-based cell", "U.S. Air Force", "Iraq's army": the name describes an
    actor, not where it happened (countries and provinces only: "Mosul police" is still in Mosul)."""
    if _MODIFIER.match(text[place.end : place.end + 2]):
        return True
    if place.precision not in (LocationPrecision.country, LocationPrecision.admin1):
        return False
    after = tuple(fold_key(w) for w in _WORD.findall(text[place.end : place.end + 40])[:3])
    return any(after[: len(phrase)] == phrase for phrase in load_cues().actor_after)


def _is_locative(text: str, place: PlaceRef, lower: int) -> bool:
    words = _words_before(text, place.start, lower, 3)
    if words and words[-1] == "the":  # "in the Hamrin mountains"
        words = words[:-1]
    if words and words[-1] in _HEAD_AR:  # "في مدينة الرقة"
        words = words[:-1]
    if words and (words[-1] in _LOCATIVE_EN or words[-1] in _LOCATIVE_AR):
        return True
    if len(words) >= 2 and words[-1] == "من" and words[-2] in _NEAR_FROM_AR:  # "بالقرب من الموصل"
        return True
    head = text[max(0, place.start - 1) : place.start]
    return head in ("ب", "و") and place.start > 0 and not text[place.start - 1].isspace()


_LIST_GLUE = re.compile(r"^(?:\s|,|;|and\b|or\b|the\b|و)*$", re.IGNORECASE)


def _country_as_place(text: str, place: PlaceRef, places: list[PlaceRef], lower: int) -> bool:
    """A country is where something happened only after a locative word ("in Iraq", "across Syria",
    "في العراق"), directly or through a list ("in Iraq and Syria"). A bare country name is an actor:
    "the US launched airstrikes", "a U.S. convoy", "The United States resumed its strikes"."""
    if int(place.precision) != int(LocationPrecision.country):
        return True
    current = place
    for _ in range(8):
        if _is_locative(text, current, lower):
            return True
        earlier = [p for p in places if p.end <= current.start and p.start >= lower]
        if not earlier:
            return False
        previous = max(earlier, key=lambda p: p.end)
        if not _LIST_GLUE.match(text[previous.end : current.start]):
            return False
        current = previous
    return False


def _score(text: str, place: PlaceRef, sentence: tuple[int, int], trigger: tuple[int, int]) -> float:
    score = _SPECIFICITY[int(place.precision)]
    if _is_locative(text, place, sentence[0]):
        score += 3.0
    distance = place.start - trigger[1] if place.start >= trigger[1] else trigger[0] - place.end
    score -= min(3.0, max(0, distance) / 60.0)
    return score


_SENTENCE_END = re.compile(r"[.!?؟\n]\s")


def _sentence_start(text: str, offset: int) -> int:
    """Start of the sentence holding ``offset`` (a cheap boundary: the last ". " or newline before it)."""
    window = text[max(0, offset - 400) : offset]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    return max(0, offset - 400) + ends[-1] if ends else max(0, offset - 400)


def _paragraph(text: str, sentence: tuple[int, int]) -> tuple[int, int]:
    start = text.rfind("\n\n", 0, sentence[0])
    end = text.find("\n\n", sentence[1])
    return (0 if start < 0 else start + 2, len(text) if end < 0 else end)


def event_place(
    text: str, places: list[PlaceRef], sentence: tuple[int, int], trigger: tuple[int, int]
) -> PlaceRef | None:
    """The place of the event whose trigger is ``trigger`` inside ``sentence`` (offsets into ``text``)."""
    resolved = [p for p in places if p.lat is not None]
    head_end = dateline_end(text)
    dateline = [p for p in resolved if p.end <= head_end]
    usable = [
        p
        for p in resolved
        if p.end > head_end
        and not is_statement_place(text, p)
        and not _modifier(text, p)
        and _country_as_place(text, p, resolved, max(head_end, _sentence_start(text, p.start)))
    ]
    # a road's destination: a town is near the event, a province or country is not where it was
    usable = [
        (p.model_copy(update={"precision": LocationPrecision.near}) if int(p.precision) == 1 else p)
        if _destination(text, p, sentence[0])
        else p
        for p in usable
        if not (_destination(text, p, sentence[0]) and int(p.precision) >= int(LocationPrecision.admin1))
    ]
    in_sentence = [p for p in usable if p.start >= sentence[0] and p.end <= sentence[1]]
    if in_sentence:
        return max(in_sentence, key=lambda p: (_score(text, p, sentence, trigger), -p.start))
    lo, hi = _paragraph(text, sentence)
    in_paragraph = [p for p in usable if p.start >= lo and p.end <= hi]
    if in_paragraph:
        return max(
            in_paragraph,
            key=lambda p: (_SPECIFICITY[int(p.precision)], -abs(p.start - sentence[0])),
        )
    if dateline:
        place = max(dateline, key=lambda p: _SPECIFICITY[int(p.precision)])
        lowered = max(int(place.precision), int(LocationPrecision.admin1))
        return place.model_copy(update={"precision": LocationPrecision(lowered)})
    return None
