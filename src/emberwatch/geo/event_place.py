"""Which of a document's places is where an event happened.

Not the dateline ("BAGHDAD (Reuters) -"), not where a statement was issued ("officials said in
Damascus"), not a name used as a modifier ("US-led coalition"), not a country named without a
locative word (the actor in "the US launched airstrikes"), not a province or country a road
leads to ("the highway to Jordan"; a town there counts as "near").

Also not a place the text locates from another when it resolved to a far namesake ("al-Safsafah,
located east of Tabqa" is no town in Tartus), not the end of a road named after two towns, not a
place naming a group ("the Khorasan group"), and not a place in an image caption unless the event is
read from that caption.

Preference order: for a sentence that names no town but says "the city" / "المدينة",
the latest town of the paragraph that is not just a reference point ("55 km west of Mosul"), else the
town the document has named most often so far (the city an article is about); a place introduced
by a locative word ("in/near/at X", "في", "قرب") close to the trigger in the trigger's sentence; the
most specific other place in the sentence, where a province or country gives way to a town named
inside it in the trigger's own sentence; the most specific place of the paragraph; the dateline
place as a last resort, with its precision lowered to admin1 level (the event is somewhere around the
dateline city).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from emberwatch.geo.folding import fold_key
from emberwatch.geo.gazetteer import distance_km
from emberwatch.geo.recognise import in_image_caption, load_cues
from emberwatch.geo.resolve import AR_COMPASS, NEAR_GAP
from emberwatch.models import LocationPrecision, PlaceRef

_DATELINE = re.compile(r"^\s*(?P<head>[^\n]{0,90}?)(?:\s[-–—]{1,2}\s|\)\s*[-–—:]|:\s)")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_HARAKAT = re.compile("[\u064b-\u065f\u0670\u0640]")  # Arabic short vowels, shadda, sukun, tatweel
_LOCATIVE_EN = frozenset([
    "in", "near", "at", "outside", "around", "inside", "into", "across", "between", "over", "throughout", "within",
])  # fmt: skip
# a country entered is where what follows happened ("fighters re-entered Syria; they were attacked",
# "ISIL had invaded Lebanon"); only for countries in their own sentence, not to borrow from elsewhere
_ENTERED = frozenset(["entered", "reentered", "invaded"])
# "of" is locative after a word for a part or a surrounding of a place ("east of Mosul", "the outskirts of
# Raqqa", "the town of Hit") or for what happened to it ("the capture of Ramadi", "the siege of Kobani"),
# not after an office or a people ("the Prime Minister of Australia", "the people of Syria")
_OF_AFTER = frozenset([
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
    "southern", "eastern", "western", "central", "outskirts", "suburbs", "suburb", "edge", "edges",
    "parts", "part", "areas", "area", "countryside", "province", "governorate", "district", "districts",
    "city", "town", "village", "villages", "towns", "region", "centre", "center", "heart", "vicinity",
    "environs", "streets", "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "sector",
    "quarter", "south-east", "north-east", "south-west", "north-west", "desert", "rest", "outside",
    "entrance", "gates", "km", "kilometres", "kilometers", "miles", "capital", "control", "capture",
    "recapture", "siege", "battle", "liberation", "fall", "invasion", "occupation", "bombing", "shelling",
    "bombardment", "offensive", "assault", "storming", "encirclement", "department", "departments",
    "municipality", "jurisdiction", "state", "county", "canton", "hamlet", "port", "island", "border",
])  # fmt: skip
# "to" is locative after a way into a place ("at the northern entrance to Sabha", "close to Hit")
_TO_AFTER = frozenset(["entrance", "entrances", "gate", "gates", "approaches", "close", "next", "adjacent"])
_LOCATIVE_AR = frozenset(fold_key(w) for w in (
    "في", "قرب", "بالقرب", "داخل", "عند", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي",
    "أطراف", "ضواحي", "محيط", "وسط", "بين",
))  # fmt: skip
# head nouns between a locative word and the name: "في مدينة الرقة", "غربي مدينة بئر العبد", "في ريف حماة"
_HEAD_AR = frozenset(fold_key(w) for w in (
    "مدينة", "بلدة", "قرية", "ناحية", "قضاء", "محافظة", "منطقة", "حي", "مخيم", "ريف", "بادية", "مدينتي",
    "قريتي", "بلدتي", "منطقتي", "واحة",
))  # fmt: skip
# a part of a place or a way into it, in the construct state after a locative ("عند مدخل برغال", "على مشارف الموصل")
_PART_AR = frozenset(fold_key(w) for w in (
    "مدخل", "مداخل", "بوابة", "مشارف", "أحياء", "شوارع", "سوق", "أسواق",
))  # fmt: skip
_ON_AR = frozenset(fold_key(w) for w in ("على",))
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
    window = _HARAKAT.sub("", text[max(lower, start - 80) : start])  # "نُقل" is one word, not "ن" + "قل"
    return [fold_key(w) for w in _WORD.findall(window)][-n:]


# a direction or size adjective between a preposition and a name: "in southern Nangarhar", "of
# eastern Mosul", "in the rural Hama countryside"
_NAME_ADJECTIVES = frozenset([
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
    "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern", "south-western",
    "rural", "greater", "downtown",
])  # fmt: skip


def _words_before_name(text: str, start: int, lower: int, n: int) -> list[str]:
    """The last ``n`` words before ``start``, without an article or a direction adjective right before
    the name ("in the ...", "in southern ...", "in the eastern ...", "at al-..." outside the span)."""
    words = _words_before(text, start, lower, n + 3)
    if words and words[-1] in ("al", "el") and text[max(0, start - 1) : start] in ("-", " "):
        words = words[:-1]  # "at al-Susah" when the span is "Susah"
    if words and words[-1] in _NAME_ADJECTIVES:
        words = words[:-1]
    if words and words[-1] == "the":
        words = words[:-1]
    return words[-n:]


# "during a speech at a U.S. Army tank factory in the U.S.", "at a rally in Ohio", "in an interview in
# Paris": where someone spoke (no sentence or clause break between the noun and the place)
_SPEECH_BEFORE = re.compile(
    r"\b(?:speech|speeches|rally|interview|press conference|news conference|summit|televised address"
    r"|sermon)\b(?:[^.;:!?()\n]|(?<=\b[A-Z])\.){0,70}\b(?:in|at)\s+(?:the\s+)?$",  # "U.S." is no break
    re.IGNORECASE,
)


def is_statement_place(text: str, place: PlaceRef, lower: int = 0) -> bool:
    """ "said in Damascus", "a statement issued in Baghdad", "قال في بيان من دمشق", "officials in
    Raqqa said"."""
    cues = load_cues()
    if _SPEECH_BEFORE.search(text, max(lower, place.start - 100), place.start):
        return True
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


_TRAVEL = frozenset(fold_key(w) for w in (
    "trip", "visit", "visited", "travel", "travelled", "traveled", "travelling", "traveling", "flew", "fled",
    "flee", "fleeing", "returned", "return", "moved", "went", "sent", "deployed", "transferred", "headed",
    "relocated", "escaped", "evacuated", "withdrew", "retreated", "flown", "taken", "brought", "rushed",
    "airlifted", "transported", "زيارة", "توجه", "توجهوا", "فر", "فروا",
    "هرب", "هربوا", "سافر", "عاد", "عادوا", "انتقل", "انتقلوا", "انسحب", "انسحبوا", "نقل", "نقلوا", "نقلت",
    "أسعف", "أسعفوا", "أسعفت",
))  # fmt: skip
_HOSPITAL = frozenset(fold_key(w) for w in (
    "hospital", "hospitals", "clinic", "مستشفى", "المستشفى", "مستشفيات", "المستشفيات",
))  # fmt: skip


def _hospital_destination(text: str, place: PlaceRef, lower: int) -> bool:
    """ "taken to hospital in Baquba", "نُقل على إثرها إلى مستشفى في بعقوبة", "نُقل إلى مستشفى بوصاصو العام":
    where the wounded were taken, often another town than the attack's."""
    words = _words_before_name(text, place.start, lower, 8)
    hospital = words[-2] if len(words) >= 2 and words[-1] in ("in", "at", "في") else words[-1] if words else ""
    return hospital in _HOSPITAL and any(w in _TRAVEL for w in words[-8:-1])


def _travel_destination(text: str, place: PlaceRef, lower: int) -> bool:
    """ "during a trip to Cairo", "militants fled to Turkey", "on the way to the camp", "فروا إلى تركيا":
    where someone went, not
    where the event happened. Nor where forces are stationed or set out from: "jets operated out of
    bases in Jordan", "aircraft based in Qatar", "drones launched from Niger"."""
    words = _words_before_name(text, place.start, lower, 8)
    if len(words) >= 2 and words[-1] in _TOWARDS and any(w in _TRAVEL for w in words[-3:-1]):
        return True
    # "died on the way from the enclave to the Al-Hawl camp", "on their way to Raqqa"
    if len(words) >= 3 and words[-1] in _TOWARDS and "way" in words[-7:-1]:
        return True
    # "was airlifted by the Coalition to Baghdad", "taken by helicopter to Davao"
    if len(words) >= 3 and words[-1] in _TOWARDS and any(
        w in _TRAVEL and words[k + 1] == "by" for k, w in enumerate(words[-7:-2], start=max(0, len(words) - 7))
    ):
        return True
    if len(words) >= 2 and words[-1] in ("in", "at") and words[-2] in _STATIONED:
        return words[-2] not in ("base", "bases") or _ends_with_gap(tuple(words[:-2]), ("out", "of"), (0, 1, 2, 3))
    # "drones launched from Niger", "B-2s flew a round-trip of around 34 hours from Missouri"
    return len(words) >= 2 and words[-1] == "from" and any(w in _SET_OUT for w in words[-7:-1])


# "planning attacks in Europe", "plotted bombings in Baghdad", "يخطط لهجمات في أوروبا": the target of a
# plan; "weapons captured in Iraq", "arms smuggled from Libya": where an actor's means came from
_PLAN = frozenset(fold_key(w) for w in (
    "planning", "planned", "plotting", "plotted", "plan", "plans", "plot", "plots", "preparing", "intending",
    "يخطط", "يخططون", "خطط", "التخطيط", "للتخطيط", "يعتزم", "ينوي",
))  # fmt: skip
_MEANS = frozenset(fold_key(w) for w in (
    "weapons", "weapon", "arms", "ammunition", "munitions", "equipment", "vehicles", "tanks", "missiles",
    "explosives", "rockets", "الأسلحة", "أسلحة", "اسلحة", "الاسلحة", "الذخيرة", "ذخيرة", "متفجرات",
))  # fmt: skip
_OBTAINED = frozenset(fold_key(w) for w in (
    "captured", "seized", "looted", "stolen", "taken", "obtained", "acquired", "bought", "purchased",
    "smuggled", "made", "manufactured", "produced", "supplied", "shipped", "abandoned", "مغتنمة", "المغتنمة",
    "مهربة", "المهربة",
))  # fmt: skip

_ASIDE_BEFORE = frozenset(fold_key(w) for w in ("in", "on", "against", "from", "across", "في", "من", "على", "ضد"))
_BETWEEN_WORDS = frozenset(fold_key(w) for w in ("between", "بين"))


def _after_word_in(words: frozenset[str]) -> Callable[[str, PlaceRef, int], bool]:
    """A test for :func:`_listed_with`: the word right before the name (after ``lower``) is one of ``words``."""

    def test(text: str, place: PlaceRef, lower: int) -> bool:
        before = _words_before_name(text, place.start, lower, 1)
        return bool(before) and before[-1] in words

    return test


_after_between = _after_word_in(_BETWEEN_WORDS)  # "between Sirte and Misrata"
_after_entry = _after_word_in(_ENTERED)  # "re-entered Syria"


def _aside(text: str, place: PlaceRef, lower: int) -> bool:
    """A place named for a plan the sentence reports ("planning attacks in Europe") or for where an
    actor's weapons came from ("using weapons captured in Iraq"), not where the event happened."""
    words = _words_before_name(text, place.start, lower, 6)
    if len(words) < 3 or words[-1] not in _ASIDE_BEFORE:
        return False
    if any(w in _PLAN for w in words[-5:-1]):
        return True
    return words[-2] in _OBTAINED and words[-3] in _MEANS


_STATIONED = frozenset(["based", "stationed", "deployed", "base", "bases", "headquartered", "garrisoned"])
_SET_OUT = frozenset([
    "launched", "flying", "flew", "operating", "operated", "off", "departed", "sailed", "deployed", "sent",
    "dispatched", "trip", "flight", "flights", "sortie", "sorties",
])  # fmt: skip


_DIRECTION_OF = re.compile(
    r"^\s*[,،(]?\s*(?:(?:located|situated|lying)\s+)?(?:(?:about|some|around|nearly)\s+)?"
    r"(?:\d[\d.,]*\s*(?:km|kilometres|kilometers|miles|mi)\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?|(?:north|south)(?:east|west)?)(?:ern)?\s+of\s+(?:the\s+)?"
    r"(?:(?:town|city|village)\s+of\s+)?$"
    r"|^\s*,\s*(?:the\s+)?(?:provincial\s+|regional\s+)?capital\s+of\s+(?:the\s+)?$"
    # (and "جنوب غربي كركوك", south-west of Kirkuk)
    rf"|^\s*[,،]?\s*(?:إلى\s+ال)?{AR_COMPASS}\s+(?:مدينة\s+)?$"
    # "قرب البصيرة في ريف دير الزور": the countryside, province or district the town lies in
    r"|^\s*[,،]?\s*في\s+(?:ال)?(?:ريف|محافظة|قضاء|ناحية)\s+$",
    re.IGNORECASE,
)


_REFERENCE_KM = 150.0  # a town said to lie near another is at most this far from it...
_DIRECTION_KM = 400.0  # ...and one said to lie east of it (no distance given) this far, in that direction
_DISTANCE = re.compile(r"(\d[\d.,]*)\s*(km|kilometres|kilometers|miles|mi)\b", re.IGNORECASE)


def _far_from_its_reference(text: str, place: PlaceRef, places: list[PlaceRef]) -> bool:
    """ "the town of al-Safsafah, located east of Tabqa" read as a namesake 250 km away: a town
    the text locates from another place ("east of", "near", "55 km west of") cannot be farther
    from it than :data:`_REFERENCE_KM` (or the distance given, with some slack)."""
    if int(place.precision) != int(LocationPrecision.exact) or place.lat is None or place.lon is None:
        return False
    later = [p for p in places if p.start >= place.end and p.start - place.end <= 60]
    if not later:
        return False
    reference = min(later, key=lambda p: p.start)
    gap = text[place.end : reference.start]
    if reference.lat is None or reference.lon is None or not (_DIRECTION_OF.match(gap) or NEAR_GAP.match(gap)):
        return False
    if int(reference.precision) > int(LocationPrecision.admin2):
        return False  # "north of Syria" says little
    distance = distance_km(place.lat, place.lon, reference.lat, reference.lon)
    if NEAR_GAP.match(gap):
        return distance > _REFERENCE_KM
    measured = _DISTANCE.search(gap)
    limit = _DIRECTION_KM
    if measured:
        value = float(measured.group(1).replace(",", ""))
        limit = max(limit, 1.5 * value * (1.609 if measured.group(2).lower().startswith("mi") else 1.0) + 50.0)
    if distance > limit:
        return True
    # "east of Tabqa" with no distance: a town beyond the near range must lie roughly east of it
    # (within 67.5 degrees). A close one stays whatever the bearing, and so does one at a stated
    # distance: reports get directions wrong ("Medellin, 250 km northeast of Bogota")
    wanted = _bearing_of(gap)
    if wanted is None or measured or distance <= _REFERENCE_KM:
        return False
    actual = _bearing(reference.lat, reference.lon, place.lat, place.lon)
    return abs((actual - wanted + 180.0) % 360.0 - 180.0) > 67.5


_BEARINGS = {"north": 0.0, "east": 90.0, "south": 180.0, "west": 270.0}
_ARABIC_BEARINGS = {"شمال": 0.0, "شرق": 90.0, "جنوب": 180.0, "غرب": 270.0}


def _bearing_of(gap: str) -> float | None:
    """The bearing a direction phrase names: "north-east of" -> 45, "west of" -> 270, "شرق" -> 90."""
    for word in _WORD.findall(gap):
        for stem, angle in _ARABIC_BEARINGS.items():
            if word.startswith(stem):
                return angle
    match = _COMPASS.search(gap)
    if match is None:
        return None
    first, second = match.group(1).lower(), (match.group(2) or "").lower()
    if not second:
        return _BEARINGS[first]
    return {("north", "east"): 45.0, ("south", "east"): 135.0, ("south", "west"): 225.0}.get((first, second), 315.0)


_COMPASS = re.compile(r"\b(north|south|east|west)(?:ern)?(?:[- ]?(east|west)(?:ern)?)?\b", re.IGNORECASE)


def _bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial compass bearing from the first point to the second, in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dlon = math.radians(lon2 - lon1)
    x = math.sin(dlon) * math.cos(phi2)
    y = math.cos(phi1) * math.sin(phi2) - math.sin(phi1) * math.cos(phi2) * math.cos(dlon)
    return math.degrees(math.atan2(x, y)) % 360.0


def _locates_previous(text: str, place: PlaceRef, places: list[PlaceRef]) -> bool:
    """ "Bayji, north of Baghdad", "in Hit, 150 km west of Baghdad", "Erbil, the capital of Iraqi
    Kurdistan", "في بيجي شمال بغداد", "قرب البصيرة في ريف دير الزور" (near al-Busayrah in the Deir ez-Zor
    countryside): the second place only says where the first is."""
    earlier = [p for p in places if p.end <= place.start]
    if not earlier:
        return False
    previous = max(earlier, key=lambda p: p.end)
    return (
        previous.geonames_id != place.geonames_id
        and place.start - previous.end <= 40
        and bool(_DIRECTION_OF.match(text[previous.end : place.start]))
        and not _town_locates_area(previous, place)
    )


LOCATING_GAP = 60  # characters of "about 40 kilometres southwest of the town of" between an area and its town


def _town_locates_area(area: PlaceRef, town: PlaceRef) -> bool:
    """A town that locates a wide area or a landform before it ("in the Hamrin mountains north-east of al-Alam",
    "في جبال حمرين شمال شرقي ناحية العلم"): the town pins the event down, near it, better than the area does."""
    return int(area.precision) >= int(LocationPrecision.part_of_country) and int(town.precision) <= int(
        LocationPrecision.near
    )


def _located_by_town(text: str, place: PlaceRef, places: list[PlaceRef]) -> bool:
    """The area is located by a town right after it (see :func:`_town_locates_area`)."""
    later = [p for p in places if p.start >= place.end and p.start - place.end <= LOCATING_GAP]
    if not later:
        return False
    town = min(later, key=lambda p: p.start)
    return _town_locates_area(place, town) and bool(_DIRECTION_OF.match(text[place.end : town.start]))


_PART_OF_TOWN = re.compile(
    r"^\s+(?:[a-z]+\s+)?(?:neighbou?rhoods?|districts?|quarters?|suburbs?|zone|area|camp|street|square|market)\b"
    r"|^\s+(?:and\s+[\w\'-]+\s+)(?:neighbou?rhoods|districts|quarters)\b",
    re.IGNORECASE,
)


# a building named after a city abroad: "the Cordoba mosque" of Sirte (but "the al-Hasakah prison",
# "a Mosul bridge" are in the city they are named after: only a foreign namesake is dropped)
_BUILDING = re.compile(
    r"^\s+(?:mosque|church|hotel|hospital|school|prison|bridge|roundabout|stadium|palace|cinema)\b", re.IGNORECASE
)

_QUARTER_KM = 100.0  # a quarter's namesake this far from every town of the paragraph is not it


def _foreign_part_of_town(text: str, place: PlaceRef, places: list[PlaceRef]) -> bool:
    """ "the Quds neighbourhood" of Mosul, "the Al-Giza military zone" of Sirte, "the Cordoba mosque" of
    Sirte: a quarter or a building named after a famous city abroad. A name followed by such a word,
    resolved to a country that no other place of its paragraph is in, or to a town more than
    :data:`_QUARTER_KM` from all the paragraph's other towns, is no event place."""
    building = bool(_BUILDING.match(text[place.end : place.end + 20]))
    if not building and not _PART_OF_TOWN.match(text[place.end : place.end + 40]) and not re.search(
        r"\b(?:neighbou?rhood|district|quarter)\s+of\s+(?:the\s+)?$", text[max(0, place.start - 30) : place.start]
    ):
        return False
    lo, hi = _paragraph(text, (place.start, place.end))
    others = {p.country_code for p in places if lo <= p.start < hi and p.start != place.start and p.country_code}
    if others and place.country_code not in others:
        return True
    if building:
        return False
    # a quarter of the city the paragraph is about, named after a town far away in the same country
    # ("the Al-Morour and Daraiya neighborhoods" of Raqqa are not Darayya near Damascus)
    towns = [
        p
        for p in places
        if lo <= p.start < hi
        and p.geonames_id != place.geonames_id
        and int(p.precision) <= int(LocationPrecision.near)
        and p.lat is not None
        and p.lon is not None
    ]
    if int(place.precision) == int(LocationPrecision.admin1) and towns:
        # "the al-Muthanna district" of Mosul read as the province of al-Muthanna: a province called
        # a district or quarter that none of the paragraph's towns lies in
        return all(p.admin1 != place.admin1 for p in towns)
    if int(place.precision) != int(LocationPrecision.exact) or place.lat is None or place.lon is None or not towns:
        return False
    return all(distance_km(place.lat, place.lon, p.lat, p.lon) > _QUARTER_KM for p in towns if p.lat and p.lon)


def _measured_from(text: str, place: PlaceRef, places: list[PlaceRef]) -> bool:
    """ "retake Tal Afar, one of the last cities held by the militants, 55 km west of Mosul": a town
    named earlier in the same sentence is where it happened, Mosul only where the distance is
    measured from. (A town named after it is not: "villages west of Tal Afar, to open the road to
    Raqqa" happened west of Tal Afar.)"""
    words = _words_before_name(text, place.start, 0, 3)
    if not (len(words) >= 2 and words[-1] == "of" and words[-2] in _DIRECTIONS):
        return False
    sentence = _sentence_start(text, place.start)
    return any(
        p.end <= place.start
        and p.start >= sentence
        and p.geonames_id != place.geonames_id
        and int(p.precision) == int(LocationPrecision.exact)
        and not _reference_point(text, p)
        for p in places
    )


_ROAD_AFTER = re.compile(r"^(?:[-–][\w'’. -]{1,30}?)?\s+(?:road|highway|motorway|route)\b", re.IGNORECASE)


def _road_end(text: str, place: PlaceRef) -> bool:
    """ "the Shadadi-Al-Hasakah road", "the Ithriya-Al-Thawrah road": an end of a road named after
    the towns it joins, not where something on the road happened."""
    if not _ROAD_AFTER.match(text[place.end : place.end + 45]):
        return False
    return text[place.end : place.end + 1] in ("-", "–") or text[max(0, place.start - 1) : place.start] in ("-", "–")


def _destination(text: str, place: PlaceRef, lower: int) -> bool:
    """ "the highway to Jordan", "الطريق إلى الأردن": where a road leads, not where it happened."""
    words = _words_before(text, place.start, lower, 4)
    return bool(words) and words[-1] in _TOWARDS and any(w in _ROAD_WORDS for w in words[:-1])


_GROUP_WORDS = frozenset(["group", "network", "brigade", "brigades", "battalion", "battalions"])
# after a capitalised word too: "the Manbij Military Council", "the Tal Abyad Revolutionary Front" (but
# "the Raqqa council" building and "the Ayn Issa front" are still places)
_NAMED_GROUP_WORDS = _GROUP_WORDS | {"council", "front", "forces"}


def _modifier(text: str, place: PlaceRef) -> bool:
    """ "US-led coalition", "Iraq-based cell", "U.S. Air Force", "Iraq's army": the name describes an
    actor, not where it happened (countries and provinces only: "Mosul police" is still in Mosul)."""
    if _MODIFIER.match(text[place.end : place.end + 2]):
        return True
    # "the Khorasan group", "the Haqqani network", "the Manbij Military Council"
    following = _WORD.findall(text[place.end : place.end + 30])[:2]
    if text[place.end : place.end + 1] == " " and following:
        if fold_key(following[0]) in _GROUP_WORDS:
            return True
        if len(following) == 2 and following[0][:1].isupper() and fold_key(following[1]) in _NAMED_GROUP_WORDS:
            return True
    if place.precision not in (LocationPrecision.country, LocationPrecision.admin1):
        return False
    after = tuple(fold_key(w) for w in _WORD.findall(text[place.end : place.end + 40])[:3])
    return any(after[: len(phrase)] == phrase for phrase in load_cues().actor_after)


def _is_locative(text: str, place: PlaceRef, lower: int) -> bool:
    words = _words_before_name(text, place.start, lower, 3)  # "in the Hamrin mountains"
    if words and words[-1] in _HEAD_AR:  # "في مدينة الرقة"
        words = words[:-1]
    if len(words) >= 2 and words[-1] in _PART_AR and words[-2] in _LOCATIVE_AR | _ON_AR:
        return True  # "عند مدخل برغال" (at the entrance of Bargaal), "على مشارف الموصل"
    if words and (words[-1] in _LOCATIVE_EN or words[-1] in _LOCATIVE_AR):
        return True
    if len(words) >= 2 and words[-1] == "of" and words[-2] in _OF_AFTER:
        return True
    if len(words) >= 2 and words[-1] == "to" and words[-2] in _TO_AFTER:  # "at the entrance to Sabha"
        return True
    if len(words) >= 2 and words[-1] == "من" and words[-2] in _NEAR_FROM_AR:  # "بالقرب من الموصل"
        return True
    head = text[max(0, place.start - 1) : place.start]
    return head in ("ب", "و") and place.start > 0 and not text[place.start - 1].isspace()


_LIST_GLUE = re.compile(r"^(?:\s|,|;|and\b|or\b|the\b|و)*$", re.IGNORECASE)


def _listed_with(
    text: str, place: PlaceRef, places: list[PlaceRef], lower: int, test: Callable[[str, PlaceRef, int], bool]
) -> bool:
    """Whether ``test`` holds for ``place`` or for a place before it in the same list (places after
    ``lower``): "in Iraq and Syria" are both after "in", "bases in Jordan and the United Arab
    Emirates" are both where jets are based."""
    current = place
    for _ in range(8):
        if test(text, current, lower):
            return True
        earlier = [p for p in places if p.end <= current.start and p.start >= lower]
        if not earlier:
            return False
        previous = max(earlier, key=lambda p: p.end)
        if not _LIST_GLUE.match(text[previous.end : current.start]):
            return False
        current = previous
    return False


def _country_as_place(text: str, place: PlaceRef, places: list[PlaceRef], lower: int) -> bool:
    """A country is where something happened only after a locative word ("in Iraq", "across Syria",
    "في العراق"), directly or through a list ("in Iraq and Syria"). A bare country name is an actor:
    "the US launched airstrikes", "a U.S. convoy", "The United States resumed its strikes"."""
    if int(place.precision) != int(LocationPrecision.country):
        return True
    return (
        _listed_with(text, place, places, lower, _is_locative)
        or _after_entry(text, place, lower)
        or _after_unknown_place(text, place, lower)
        or bool(_TERRITORY.match(text, place.end))  # "to Syrian territory", "on Iraqi soil"
    )


_TERRITORY = re.compile(r"\s+(?:territory|territories|soil|airspace|waters)\b", re.IGNORECASE)


_NAME_BEFORE_COMMA = re.compile(r"((?:[A-Z][\w'’‘-]*\s+){0,3}[A-Z][\w'’‘-]*),\s*$")


def _after_unknown_place(text: str, place: PlaceRef, lower: int) -> bool:
    """ "in the market area of Shahil, Syria": the country of a name after a locative word, which the
    gazetteer does not know, is where it happened."""
    window = max(lower, place.start - 80)
    name = _NAME_BEFORE_COMMA.search(text, window, place.start)
    if name is None:
        return False
    return _is_locative(text, place.model_copy(update={"start": name.start(1)}), lower)


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


_LIST_LINE = re.compile(r"[ \t]*(?:[*\-•–+]|\d{1,3}[.)])\s")


def _list_item(text: str, sentence: tuple[int, int]) -> tuple[int, int] | None:
    """The line of a bulleted or numbered list holding ``sentence`` ("* **22 November** – ..."), or
    None outside a list. Each item of a timeline is its own story: a place is borrowed from the item
    first, and from other items only at province level."""
    start = text.rfind("\n", 0, sentence[0]) + 1
    if not _LIST_LINE.match(text, start):
        return None
    end = text.find("\n", sentence[1])
    return start, len(text) if end < 0 else end


# "the city" is mostly the city a report is about; "the town" / "the village" mostly a place the same
# sentence names in words the gazetteer lacks ("At al-Suwar ... the town finally fell"), so only the
# first is resolved
_ANAPHOR_EN = re.compile(r"\b(?:the|this)\s+city\b(?!\s+of\b)", re.IGNORECASE)
_ANAPHOR_AR = re.compile(r"(?<!\w)[وف]?[بل]?(?:ال|ل)مدينة(?!\w)(?!\s+المنورة)")
_DIRECTIONS = frozenset(fold_key(w) for w in (
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
    "north-west", "south-east", "south-west", "km", "kilometres", "kilometers", "miles", "شمال", "جنوب",
    "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي",
))  # fmt: skip
# "outside / near / on the edge of / 10 km from / north of the city": near it
_NEAR_WORDS = _DIRECTIONS | frozenset(fold_key(w) for w in (
    "outside", "near", "outskirts", "around", "edge", "edges", "suburbs", "قرب", "بالقرب", "أطراف", "محيط",
    "ضواحي", "خارج",
))  # fmt: skip


_REFERENCE_BEFORE = frozenset(fold_key(w) for w in (
    "around", "near", "towards", "toward", "from", "to", "قرب", "بالقرب", "باتجاه", "نحو", "محيط",
))  # fmt: skip


_NAME_AFTER = re.compile(r"^\s+[A-Z][a-z]")


def _reference_point(text: str, place: PlaceRef) -> bool:
    """A place named only to locate another ("55 km west of Mosul", "villages around Tal Afar",
    "غربي الرقة") or as part of a longer name ("the Manbij Military Council"): not what "the city"
    later refers to."""
    if _NAME_AFTER.match(text[place.end : place.end + 3]) or _modifier(text, place):
        return True
    words = _words_before_name(text, place.start, 0, 3)
    if not words:
        return False
    if words[-1] in _REFERENCE_BEFORE or words[-1] in _DIRECTIONS:
        return True
    return len(words) >= 2 and words[-1] == "of" and words[-2] in _DIRECTIONS


def _antecedent(text: str, places: list[PlaceRef], sentence: tuple[int, int]) -> PlaceRef | None:
    """The town that "the city" / "المدينة" in ``sentence`` refers to.

    The latest town of the paragraph named for itself, not as a reference point ("retake Tal Afar,
    55 km west of Mosul. The city was captured" is Tal Afar); without one, the town the document has
    named most often so far (an article on the battle of Mosul that says "the eastern shores of the
    city"). None without such a phrase or such a town."""
    window = text[sentence[0] : sentence[1]]
    match = _ANAPHOR_EN.search(window) or _ANAPHOR_AR.search(window)
    if match is None:
        return None
    at = sentence[0] + match.start()
    towns = [
        p
        for p in places
        if p.end <= at and int(p.precision) == int(LocationPrecision.exact) and not _reference_point(text, p)
    ]
    lo, _ = _paragraph(text, sentence)
    in_paragraph = [p for p in towns if p.start >= lo]
    if in_paragraph:
        best = max(in_paragraph, key=lambda p: p.start)
    else:
        counts: dict[int | None, list[PlaceRef]] = {}
        for place in towns:
            counts.setdefault(place.geonames_id, []).append(place)
        if not counts:
            return None
        best = max(counts.values(), key=lambda same: (len(same), same[-1].start))[-1]
    before = _words_before(text, at, sentence[0], 3)
    near = any(w in _NEAR_WORDS for w in before)
    precision = LocationPrecision.near if near else LocationPrecision.exact
    return best.model_copy(update={"precision": precision})


# a sentence break inside an event's span (an event can span several sentences): a full stop before a
# capital letter or an Arabic word, or a line break ("5 U.S. special forces" does not break)
_BREAK = re.compile(r"[.!?؟]\s+(?=[A-Z\u0600-\u06FF\"“*])|\n")


def _within(
    text: str, best: PlaceRef, in_sentence: list[PlaceRef], sentence: tuple[int, int], trigger: tuple[int, int]
) -> PlaceRef:
    """A province or country that only frames a town or province named inside it in the trigger's
    own sentence gives way to that place: "clearing southern Nangarhar ... wounded fighting ISIL in Afghanistan" is
    Nangarhar, "ISIL attacked Haditha in Anbar province" is Haditha."""
    if int(best.precision) not in (int(LocationPrecision.admin1), int(LocationPrecision.country)):
        return best
    inside = [
        p
        for p in in_sentence
        if int(p.precision) < int(best.precision)
        and not _BREAK.search(text[min(p.start, trigger[0]) : max(p.end, trigger[1])])
        and p.country_code == best.country_code
        and (int(best.precision) != int(LocationPrecision.admin1) or p.admin1 == best.admin1)
        and not _reference_point(text, p)
        and not _road_end(text, p)
    ]
    if not inside:
        return best
    return max(inside, key=lambda p: (_score(text, p, sentence, trigger), -p.start))


# "the Manbij bombing", "the 2015 Paris attacks", "the Mosul offensive": a place naming another event
_EVENT_NOUNS = frozenset(fold_key(w) for w in (
    "bombing", "bombings", "attack", "attacks", "massacre", "massacres", "offensive", "battle", "siege",
    "airstrike", "airstrikes", "raid", "raids", "ambush", "explosion", "blast", "shooting", "uprising",
    "campaign", "operation", "crisis", "hostage",
))  # fmt: skip


_SUBJECT_MENTIONS = 2  # a name the report writes this often is part of what it is about


def _names_another_event(text: str, place: PlaceRef) -> bool:
    """The name is part of another event's name ("suspects of the Manbij bombing", "the Paris
    attacks") that the report writes only there (fewer than :data:`_SUBJECT_MENTIONS` times): a
    sentence that does not name the place itself did not happen there. "The Deir ez-Zor campaign" in
    a report that names Deir ez-Zor again is still the report's area."""
    return _event_noun_after(text, place) is not None and text.count(place.text) < _SUBJECT_MENTIONS


def _event_noun_after(text: str, place: PlaceRef) -> int | None:
    """Where the event noun right after the name starts ("Paris attacks", "Manbij-bombing"), if any."""
    following = _WORD.search(text, place.end, place.end + 25)
    if following is None or text[place.end : place.end + 1] not in (" ", "-"):
        return None
    return following.start() if fold_key(following.group()) in _EVENT_NOUNS else None


_SINCE = frozenset(["after", "following", "since", "before", "ahead", "amid", "despite"])


def _since_another_event(text: str, place: PlaceRef, trigger: tuple[int, int]) -> bool:
    """ "Following the November 2015 Paris attacks, Parliament debated airstrikes": a place in the
    name of an earlier event the sentence dates itself by, not where this event happened (unless that
    event is the trigger itself: "after the Paris attacks killed 130")."""
    noun_start = _event_noun_after(text, place)
    if noun_start is None or trigger[0] <= noun_start < trigger[1]:
        return False
    before = _words_before(text, place.start, _sentence_start(text, place.start), 5)
    return any(w in _SINCE for w in before)


def _paragraph_score(text: str, place: PlaceRef) -> float:
    """Specificity, and a place after a locative word ("caught near Marawi") before one that is not
    ("the 2016 Jakarta attacks")."""
    locative = _is_locative(text, place, _sentence_start(text, place.start))
    return _SPECIFICITY[int(place.precision)] + (1.0 if locative else 0.0)


def _lead_place(text: str, usable: list[PlaceRef], head_end: int) -> PlaceRef | None:
    """The place of a report's first sentence, which names what the report is about ("The siege of
    Marawi ... was a five-month-long armed conflict in Marawi, Philippines"): its most specific
    place, one after a locative word first. None when the lead spans countries ("... in Iraq and
    Syria") or names only a country, which says nothing about one event of the report."""
    lead_end = _SENTENCE_END.search(text, head_end)
    lead = [p for p in usable if p.end <= (lead_end.start() if lead_end else len(text))]
    if len({p.country_code for p in lead}) != 1 or all(p.precision > LocationPrecision.admin1 for p in lead):
        return None
    return max(lead, key=lambda p: (_SPECIFICITY[int(p.precision)], _is_locative(text, p, head_end), -p.start))


def event_place(
    text: str, places: list[PlaceRef], sentence: tuple[int, int], trigger: tuple[int, int]
) -> PlaceRef | None:
    """The place of the event whose trigger is ``trigger`` inside ``sentence`` (offsets into ``text``)."""
    # an image's alt text is a caption, not the story ("![Marawi crisis evacuees in Iligan](...)"),
    # unless the event is read from the caption itself
    resolved = [
        p
        for p in places
        if p.lat is not None and (sentence[0] <= p.start < sentence[1] or not in_image_caption(text, p.start))
    ]
    head_end = dateline_end(text)
    dateline = [p for p in resolved if p.end <= head_end]
    usable = [
        p
        for p in resolved
        if p.end > head_end
        and not is_statement_place(text, p)
        and not _modifier(text, p)
        and not _listed_with(text, p, resolved, _sentence_start(text, p.start), _travel_destination)
        and not _foreign_part_of_town(text, p, resolved)
        and not _far_from_its_reference(text, p, resolved)
        and not _since_another_event(text, p, trigger)
        # a continent, sea or world region places no event: its point is no place where anything happened
        # ("aircraft flying from the USS Harry S. Truman in the Mediterranean Sea began airstrikes on IS",
        # "planning attacks in Europe"); the paragraph or the dateline says more
        and p.country_code is not None
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
    # "at a crossroad between Sirte and Misrata", "on the road between Hajin and Abu Kamal": near either town
    usable = [
        p.model_copy(update={"precision": LocationPrecision.near})
        if int(p.precision) == int(LocationPrecision.exact)
        and _listed_with(text, p, resolved, _sentence_start(text, p.start), _after_between)
        else p
        for p in usable
    ]
    in_sentence = [p for p in usable if p.start >= sentence[0] and p.end <= sentence[1]]
    # "Bayji, north of Baghdad"; "retake Tal Afar, one of the last cities ..., 55 km west of Mosul"
    in_sentence = [
        p
        for p in in_sentence
        if not (
            _locates_previous(text, p, in_sentence)
            or _measured_from(text, p, in_sentence)
            or _located_by_town(text, p, in_sentence)
        )
    ] or in_sentence
    # "a leader planning attacks in Europe, killed in a drone strike near Idlib"; "using weapons captured
    # in Iraq, IS seized villages near Kobani": the place of a plan or of where arms came from
    # (kept only when the sentence names no other place)
    in_sentence = [p for p in in_sentence if not _listed_with(text, p, in_sentence, sentence[0], _aside)] or in_sentence
    # the town the wounded were taken to, when the event's sentences say where it happened ("near Mandali");
    # often it is the same town ("taken to Rosales hospital in San Salvador" after a bombing there)
    hospitals = [p for p in in_sentence if _hospital_destination(text, p, _sentence_start(text, p.start))]
    if hospitals and any(
        p not in hospitals and int(p.precision) <= int(LocationPrecision.near) and _is_locative(text, p, sentence[0])
        for p in in_sentence
    ):
        in_sentence = [p for p in in_sentence if p not in hospitals]
    if not any(int(p.precision) <= int(LocationPrecision.near) for p in in_sentence):
        antecedent = _antecedent(text, resolved, sentence)
        if antecedent is not None:
            return antecedent
    if in_sentence:
        best = max(in_sentence, key=lambda p: (_score(text, p, sentence, trigger), -p.start))
        return _within(text, best, in_sentence, sentence, trigger)
    item = _list_item(text, sentence)
    paragraph = _paragraph(text, sentence)
    for lo, hi in [item, paragraph] if item else [paragraph]:
        in_paragraph = [
            p for p in usable if p.start >= lo and p.end <= hi and not _names_another_event(text, p)
        ]
        if not in_paragraph:
            continue
        borrowed = max(in_paragraph, key=lambda p: (_paragraph_score(text, p), -abs(p.start - sentence[0])))
        # the event's own sentence does not say it happened in that town: near it, at best; and
        # from another item of a list ("* 22 November – ..."), only in the same province at best
        floor = LocationPrecision.admin1 if item and (lo, hi) != item else LocationPrecision.near
        return borrowed.model_copy(update={"precision": LocationPrecision(max(int(borrowed.precision), int(floor)))})
    # where the report is, not where the event is known to be: admin1 precision at best
    place = (
        max(dateline, key=lambda p: _SPECIFICITY[int(p.precision)]) if dateline else _lead_place(text, usable, head_end)
    )
    if place is None:
        return None
    lowered = max(int(place.precision), int(LocationPrecision.admin1))
    return place.model_copy(update={"precision": LocationPrecision(lowered)})
