"""Toponym recognition: find gazetteer names in English and Arabic text.

The text is folded (see :mod:`emberwatch.geo.folding`) and split into word tokens; from every token
the longest gazetteer key is looked up in the sorted key table (Arabic tokens are also tried without
their proclitics: ``وبالموصل`` -> ``الموصل``). Each match is then judged:

- wire text in capitals, title-case lines and sentence-initial words carry no case evidence; there a
  name that is also a common word ("Hit", "Said", "Mobile") needs a place cue ("in Hit",
  "Hit district") and small places need a cue;
- in mixed-case text a match must be capitalised and not part of a longer proper name
  ("Raquel Henry", "Dublin Road");
- stop words never match; demonyms ("Syrian") are kept apart as country context.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from emberwatch.geo.folding import Folded, fold, fold_key, is_arabic
from emberwatch.geo.gazetteer import (
    ABBREVIATION,
    ALTERNATE,
    ARABIC,
    DEMONYM,
    DOTTED,
    FEATURE_CODES,
    PRIMARY,
    VARIANT,
    Gazetteer,
    PlaceKind,
    Posting,
)
from emberwatch.text.arabic_common import is_common_word

_TOKEN = re.compile(r"[^\W_]+(?:\.[^\W_]+)*", re.UNICODE)
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_UPPER_LETTER = re.compile(r"[A-Z]")
_SENTENCE_END = re.compile(r"[.!?؟]\s+|\n")
COMMON_ZIPF = 3.9  # Zipf frequency above which a name is also an everyday word
COMMON_ZIPF_AR = 5.0  # the same for Arabic, where place names are frequent words of the news
# Arabic-speaking countries (and neighbours with Arabic-named places): Arabic names of places there
# are trusted; elsewhere Arabic-script alternate names are exonyms that collide with common words.
# how a posting names a place (as opposed to the script bit ARABIC and the DEMONYM bit)
_NAME_BITS = PRIMARY | ALTERNATE | VARIANT | ABBREVIATION | DOTTED

ARAB_WORLD = frozenset(
    {"AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SY"}
    | {"TN", "YE", "EH", "DJ", "SO", "KM", "TD", "IL"}
)
COMMON_AR_POPULATION = 50_000  # a cued common Arabic word: smallest town accepted in a named country
BIG_PLACE = 1_000_000  # population that makes a capitalised common word a place without a cue
CAPITALISED_CITY = 250_000  # a capitalised frequent word mid-sentence is this city without a cue
MIN_UNCUED_POPULATION = 5_000  # smallest place accepted without any cue when case gives no evidence


@dataclass(frozen=True)
class Cues:
    """Folded cue phrases (tuples of tokens) from ``geo/data/cues.yaml``."""

    near_before: frozenset[tuple[str, ...]]
    place_before: frozenset[tuple[str, ...]]
    person_before: frozenset[str]
    person_after: frozenset[str]
    agency_before: frozenset[tuple[str, ...]]
    agency_after: frozenset[tuple[str, ...]]
    admin1_after: frozenset[str]
    admin2_after: frozenset[str]
    admin1_before: frozenset[tuple[str, ...]]
    admin2_before: frozenset[tuple[str, ...]]
    admin1_before_lowercase: frozenset[tuple[str, ...]]
    quarter_after: frozenset[str]
    town_after: frozenset[str]
    feature_before: frozenset[str]
    feature_after: frozenset[str]
    part_before: frozenset[str]
    statement_before: frozenset[tuple[str, ...]]
    actor_after: frozenset[tuple[str, ...]]
    institution_after: frozenset[str]
    generic: frozenset[str]
    ar_near_before: frozenset[tuple[str, ...]]
    ar_place_before: frozenset[str]
    ar_generic: frozenset[str]
    ar_admin1_before: frozenset[str]
    ar_admin2_before: frozenset[str]
    ar_quarter_before: frozenset[str]
    ar_part_after: frozenset[str]
    ar_statement_before: frozenset[tuple[str, ...]]
    ar_article_only: frozenset[str] = frozenset()


def _phrases(items: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(fold_key(item).split()) for item in items)


def _words(items: list[str]) -> frozenset[str]:
    return frozenset(fold_key(item) for item in items)


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    raw = yaml.safe_load(
        resources.files("emberwatch.geo").joinpath("data").joinpath("cues.yaml").read_text(encoding="utf-8")
    )
    en, ar = raw["en"], raw["ar"]
    return Cues(
        near_before=_phrases(en["near_before"]),
        place_before=_phrases(en["place_before"]),
        person_before=_words(en["person_before"]),
        person_after=_words(en["person_after"]),
        agency_before=_phrases(en.get("agency_before", [])),
        agency_after=_phrases(en.get("agency_after", [])),
        admin1_after=_words(en["admin1_after"]),
        admin2_after=_words(en["admin2_after"]),
        admin1_before=_phrases(en.get("admin1_before", [])),
        admin2_before=_phrases(en.get("admin2_before", [])),
        admin1_before_lowercase=_phrases(en.get("admin1_before_lowercase", [])),
        quarter_after=_words(en.get("quarter_after", [])),
        town_after=_words(en.get("town_after", [])),
        feature_before=_words(en.get("feature_before", [])),
        feature_after=_words(en.get("feature_after", [])),
        part_before=_words(en["part_before"]),
        statement_before=_phrases(en["statement_before"]),
        actor_after=_phrases(en.get("actor_after", [])),
        institution_after=_words(en.get("institution_after", [])),
        generic=_words(en.get("generic", [])),
        ar_near_before=_phrases(ar["near_before"]),
        ar_place_before=_words(ar["place_before"]),
        ar_generic=_words(ar["generic"]),
        ar_admin1_before=_words(ar["admin1_before"]) | _words(ar["admin1_after"]),
        ar_admin2_before=_words(ar["admin2_before"]),
        ar_quarter_before=_words(ar.get("quarter_before", [])),
        ar_part_after=_words(ar["part_after"]),
        ar_statement_before=_phrases(ar["statement_before"]),
        ar_article_only=_words(ar.get("article_only", [])),
    )


# Function words that are never toponyms and never glue two proper names together.
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "from",
        "by",
        "for",
        "with",
        "and",
        "or",
        "but",
        "as",
        "into",
        "near",
        "over",
        "after",
        "before",
        "during",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "our",
        "he",
        "she",
        "they",
        "we",
        "it",
        "i",
        "you",
        # sentence openers: "Then Raqqa fell", "Both Russia and Iran" (no part of a longer name)
        "then",
        "when",
        "while",
        "since",
        "once",
        "both",
        "until",
        "although",
        "though",
        "if",
        "because",
        "where",
        "whereas",
        "also",
        "later",
        "meanwhile",
        "now",
        "there",
        "thus",
        "yet",
        "so",
        "today",
        "yesterday",
        "despite",
        "unlike",
        "like",
        "within",
        "without",
        "throughout",
        "against",
        "under",
        "upon",
        "among",
        "amid",
        "along",
        "beyond",
    ]
)


@dataclass
class Mention:
    """A name in the text that the gazetteer knows, before resolution."""

    start: int  # offsets into the original text
    end: int
    text: str
    key: str
    postings: list[Posting]
    arabic: bool
    near: bool = False  # "near X", "20 km east of X"
    part: bool = False  # "eastern X"
    admin_hint: PlaceKind | None = None  # "X province" / "محافظة X"
    quarter: bool = False  # "the X neighbourhood" / "حي X": a part of a city
    cue: bool = False  # preceded by a locative word ("in", "في", the clitic ب)
    generic_cue: bool = False  # Arabic: preceded by a generic noun ("مدينة القائم", "بلدة X")
    settlement: bool = False  # introduced as a town: "the town of Murzuq", "مدينة مرزق", "بلدة X", "قرية X"
    demonym: bool = False
    stop_word: bool = False
    split: bool = False  # Arabic: found after removing proclitics ("وبالموصل")
    # a common word written like a place: accepted if the document names its country ("country")
    # or its province ("admin1"); None when it cannot be rescued
    needs_context: str | None = None
    zipf: float = 0.0  # how common the name is as an everyday word
    bare_article: bool = False  # "al-Omar" known only without its article: candidates narrowed to it
    # the name runs on into a longer proper name ("Lanao del Sur Electric Cooperative"): its words,
    # and the shorter names inside them ("Lanao"), are no place of their own
    continues: bool = False
    token_range: tuple[int, int] = (0, 0)
    next_mention: int | None = field(default=None, repr=False)  # "Mayadin, Deir ez-Zor": index of the second
    # "the Adhamiyah district of Baghdad", "Baghdad's Karrada district": index of the town it is part of
    part_of: int | None = field(default=None, repr=False)
    # "Washington, Pennsylvania and California", "Egypt and Niger": the start offset of the list of
    # coordinated names the mention belongs to (its peers share it); None outside such a list
    list_group: int | None = field(default=None, repr=False)

    @property
    def places(self) -> list[int]:
        return sorted({p.place for p in self.postings})


@dataclass
class _Doc:
    text: str
    folded: Folded
    tokens: list[tuple[int, int]]  # folded offsets
    upper_text: bool
    sentence_starts: set[int]  # original offsets where a sentence begins
    people: set[str] = field(default_factory=set)  # keys seen as part of a longer (person) name
    places: set[str] = field(default_factory=set)  # keys of large places accepted so far
    _starts: list[int] | None = field(default=None, repr=False)
    _sorted_sentence_starts: list[int] | None = field(default=None, repr=False)

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """Start of the sentence holding ``start`` and start of the first sentence after ``end``."""
        if self._sorted_sentence_starts is None:
            self._sorted_sentence_starts = sorted(self.sentence_starts)
        starts = self._sorted_sentence_starts
        k = bisect.bisect_right(starts, start)
        first = starts[k - 1] if k > 0 else 0
        k = bisect.bisect_right(starts, end)
        return first, starts[k] if k < len(starts) else len(self.text)

    def token_text(self, i: int) -> str:
        s, e = self.tokens[i]
        return self.folded.text[s:e]

    def original(self, i: int) -> tuple[int, int]:
        s, e = self.tokens[i]
        return self.folded.to_original(s, e)

    def original_starts(self) -> list[int]:
        """Original start offset of every token (computed once, for many given spans)."""
        if self._starts is None:
            self._starts = [self.original(i)[0] for i in range(len(self.tokens))]
        return self._starts


_URL = re.compile(r"(?:https?://|www\.)[^\s)\]>\"]+", re.IGNORECASE)


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` falls in one of the sorted, disjoint ``spans``."""
    k = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


def _prepare(text: str) -> _Doc:
    folded = fold(text)
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(folded.text)]
    # no names inside web addresses ("…/file/Operations_Center_151007.jpg")
    urls = [
        (int(folded.source.searchsorted(m.start())), int(folded.source.searchsorted(m.end())))
        for m in _URL.finditer(text)
    ]  # in folded offsets
    if urls:
        tokens = [(s, e) for s, e in tokens if not _inside(urls, s)]
    letters = len(_LATIN_LETTER.findall(text))
    capitals = len(_UPPER_LETTER.findall(text))
    # No case evidence: wire text in capitals, or text lower-cased by an upstream tool (MUC-4).
    upper = letters >= 20 and (capitals > 0.6 * letters or capitals < 0.005 * letters)
    starts = {0} | {m.end() for m in _SENTENCE_END.finditer(text)}
    return _Doc(text, folded, tokens, upper, starts)


def recognise(gazetteer: Gazetteer, text: str) -> list[Mention]:
    """Every accepted toponym (and demonym) mention in ``text``, in text order."""
    doc = _prepare(text)
    cues = load_cues()
    mentions: list[Mention] = []
    deferred: list[Mention] = []
    i = 0
    while i < len(doc.tokens):
        token = doc.token_text(i)
        if not gazetteer.may_start_name(token) and not is_arabic(token):  # Arabic: clitic readings too
            i += 1
            continue
        found = _longest_at(gazetteer, doc, i)
        accepted = None
        continuing = None  # end of a longer name that runs on into a proper name
        for mention in found:
            _annotate(doc, mention, cues)
            if mentions and _conjoined(doc, mentions[-1], mention):
                mention.cue = True  # "في العراق وسوريا": the locative of the list's first name
            if continuing is not None and _lower_case_after(doc, mention):
                continue  # "Lanao" of "Lanao del Sur Electric Cooperative" (but "Dublin" of "Dublin City Manager")
            if _accept(gazetteer, doc, mention, cues):
                accepted = mention
                break
            if mention.needs_context:
                deferred.append(mention)
            if mention.continues and continuing is None and _inner_lower_case(mention.text):
                continuing = mention.token_range[1]
        if accepted is None:
            i = continuing if continuing is not None else i + 1  # nor "Sur" after "Lanao del"
            continue
        if accepted.demonym:
            _territory_of(gazetteer, doc, accepted)
        mentions.append(accepted)
        if _max_population(gazetteer, accepted) >= _KNOWN_CITY:
            doc.places.add(accepted.key)
        i = accepted.token_range[1]
    mentions = _accept_in_context(gazetteer, mentions, deferred)
    _link_hierarchy(gazetteer, doc, mentions)
    return mentions


def _conjoined(doc: _Doc, previous: Mention, mention: Mention) -> bool:
    """An Arabic name joined by the proclitic و to the place named just before it ("العراق
    وسوريا", "حلب والرقة"): the second name of a list, which shares the first one's locative cue."""
    i = mention.token_range[0]
    return (
        mention.arabic
        and mention.split
        and previous.cue
        and not previous.demonym
        and previous.token_range[1] == i
        and doc.token_text(i).startswith("و")
    )


def _accept_in_context(gazetteer: Gazetteer, mentions: list[Mention], deferred: list[Mention]) -> list[Mention]:
    """Accept cued common-word names ("IN HIT") when the document names a country they are in."""
    if not deferred:
        return mentions
    countries: set[str] = set()
    units: set[int] = set()
    for mention in mentions:
        places = mention.places
        if places:
            top = max(places, key=lambda p: int(gazetteer.population[p]))
            countries.add(gazetteer.country_code(top))
            units.add(top if int(gazetteer.kind[top]) == PlaceKind.admin1 else int(gazetteer.admin1[top]))
    taken = [(m.token_range[0], m.token_range[1]) for m in mentions]
    for mention in deferred:
        a, b = mention.token_range
        if any(a < y and x < b for x, y in taken):
            continue
        if mention.needs_context == "admin1":
            found = any(int(gazetteer.admin1[p]) in units for p in mention.places)
        else:
            found = any(gazetteer.country_code(p) in countries for p in mention.places)
        if found:
            mentions.append(mention)
            taken.append((a, b))
    return sorted(mentions, key=lambda m: m.start)


def prepare(text: str) -> _Doc:
    """The folded, tokenised text that :func:`mention_for_span` works on, to reuse over many spans."""
    return _prepare(text)


def mention_for_span(
    gazetteer: Gazetteer, text: str, start: int, end: int, features: bool = False, prepared: _Doc | None = None
) -> Mention:
    """A mention for a given span (gold toponym), with candidates from its exact or fuzzy key.

    With ``features``, a river, lake, park, valley or fort the gazetteer does not know ("Kanawha
    River", "Lake Erie", "Salinas Valley") is resolved near the place it is named after (precision 2).
    ``prepared`` is :func:`prepare` of ``text``, when the caller has it."""
    doc = prepared if prepared is not None else _prepare(text)
    key = fold_key(text[start:end])
    postings: list[Posting] = []
    arabic = is_arabic(key)
    candidates = [key]
    if arabic:
        from emberwatch.text.arabic import clitic_variants

        for split in clitic_variants(key):
            candidates += ["ال" + split.stem if split.has_article else split.stem, split.stem]
    else:
        candidates += [key.removeprefix("the "), re.sub(r"['’]s$", "", key)]
        candidates += _demonym_stems(key)
    cues = load_cues()
    hint = None
    for candidate in candidates:
        index = gazetteer.key_index(candidate)
        if index is not None:
            postings = gazetteer.postings(index)
            key = candidate
            break
    else:  # "Nyanza Province": the name without its administrative word, which hints the level
        head, _, word = key.rpartition(" ")
        level = PlaceKind.admin1 if word in cues.admin1_after else None
        level = PlaceKind.admin2 if level is None and word in cues.admin2_after else level
        town = level is None and word.rstrip(".") in cues.town_after  # "Readington Township": the town
        index = gazetteer.key_index(head) if head and (level is not None or town) and not arabic else None
        if index is not None:
            postings, key, hint = gazetteer.postings(index), head, level
            if town:  # a township is a town-level unit: its towns, not the county or state of that name
                postings = [p for p in postings if int(gazetteer.kind[p.place]) == PlaceKind.city] or postings
    inner_part: tuple[bool, bool] | None = None
    if not postings and not arabic:  # "South Los Angeles", "W. Columbia", "Town of Groton", "Port of Los Angeles"
        inner, part, near = _inside_name(key, cues)
        index = gazetteer.key_index(inner) if inner else None
        if index is not None and inner is not None:
            postings, key, inner_part = gazetteer.postings(index), inner, (part, near)
    named_after = _feature_head(key, cues) if not postings and features and not arabic else None
    if named_after is not None:
        index = gazetteer.key_index(named_after)
        if index is not None:
            postings, key = [p for p in gazetteer.postings(index) if p.flags & _NAME_BITS], named_after
    dotted = [p for p in postings if p.flags & DOTTED]
    if dotted and text[start:end].endswith("."):
        postings = dotted
    first = bisect.bisect_left(doc.original_starts(), start)
    last = first
    while last < len(doc.tokens) and doc.original(last)[1] <= end:
        last += 1
    mention = Mention(start, end, text[start:end], key, postings, arabic, token_range=(first, last))
    _annotate(doc, mention, cues)
    if hint is not None:
        mention.admin_hint, mention.cue = hint, True
    if named_after is not None and postings:
        mention.near = True  # "Kanawha River": near the place it is named after
    if inner_part:
        mention.part, mention.near = mention.part or inner_part[0], mention.near or inner_part[1]
    return mention


_WRAPPER = re.compile(
    r"^(?:the )?(town|city|village|township|borough|county|municipality|port|harbor|harbour) of (.+)$"
)
_COMPASS = frozenset(["n", "s", "e", "w", "ne", "nw", "se", "sw"])


def _inside_name(key: str, cues: Cues) -> tuple[str | None, bool, bool]:
    """The known name inside a longer one: ("los angeles", part) for "south los angeles" or "south
    l.a."; ("columbia", part) for "w. columbia"; ("groton", -) for "town of groton"; ("los angeles",
    near) for "port of los angeles". (None, False, False) when ``key`` has no such shape."""
    wrapped = _WRAPPER.match(key)
    if wrapped:
        return wrapped.group(2), False, wrapped.group(1) in ("port", "harbor", "harbour")
    first, _, rest = key.partition(" ")
    if rest and (first in cues.part_before or first.rstrip(".") in _COMPASS):
        return rest, True, False
    return None, False, False


def _feature_head(key: str, cues: Cues) -> str | None:
    """The place a natural feature or landmark is named after: "kanawha river" -> "kanawha", "lake
    erie" -> "erie", "fort hood" -> "hood"; None when ``key`` has no feature word around a name."""
    words = key.split()
    if len(words) >= 2 and words[0].rstrip(".") in cues.feature_before:
        words = words[1:]
    elif len(words) >= 2 and words[-1] in cues.feature_after:
        words = words[:-1]
        while len(words) >= 2 and words[-1] in cues.feature_after:  # "zion national park"
            words = words[:-1]
    else:
        return None
    return " ".join(words)


# "South Ossetian" -> "South Ossetia", "Abkhaz" -> "Abkhazia": places named by an adjective or a
# residents' noun that the gazetteer's demonym list lacks (tried last, for given spans only)
# ("Ontarians" -> "Ontario", "New Londoners" -> "New London", "Richmondites" -> "Richmond": residents)
_DEMONYM_ENDINGS = (
    ("ian", "ia"), ("an", "a"), ("ean", "e"), ("an", ""), ("n", ""), ("i", ""), ("", "ia"),
    ("ian", "io"), ("er", ""), ("ite", ""),
)  # fmt: skip


def _demonym_stems(key: str) -> list[str]:
    """ "South Ossetians" -> "south ossetian", "south ossetia"; "Dagestani" -> "dagestan"."""
    out = []
    singulars = [key[:-1], key] if key.endswith("s") else [key]
    out += singulars[:-1]
    for singular in singulars:
        for ending, replacement in _DEMONYM_ENDINGS:
            if singular.endswith(ending) and len(singular) - len(ending) >= 4:
                out.append(singular[: len(singular) - len(ending)] + replacement)
    return out


# ---------------------------------------------------------------------- candidate generation


def _first_forms(gazetteer: Gazetteer, doc: _Doc, i: int) -> list[tuple[str, int, bool]]:
    """(form, folded start offset, clitic cue) readings of token ``i`` (the first is the whole token)."""
    token = doc.token_text(i)
    start = doc.tokens[i][0]
    forms = [(token, start, False)]
    # "وجيزة" (brief) is a word, not و + Giza; "وسوريا", "والعراق" and "ومصر" are frequent words
    # because the country is frequent in the news: the name of a country or province stays
    if is_arabic(token) and not is_common_word(token):
        from emberwatch.text.arabic import clitic_variants

        frequent = gazetteer.is_common_arabic(token)
        headed = i > 0 and _settlement_head(doc.token_text(i - 1))
        for split in clitic_variants(token):
            if not split.prefix and not split.has_article:
                continue
            cue = "ب" in split.prefix  # "bi-": in/at
            # the name must be known with its article: "الموصل", not "موصل"
            form = "ال" + split.stem if split.has_article else split.stem
            if frequent and not _names_an_area(gazetteer, form):
                continue
            forms.append((form, start + split.stem_offset, cue))
            # ... except after a head noun, where GeoNames may give the name without it: "بلدة الدبس"
            # (the town of al-Dibs) is "دبس" there
            if headed and split.has_article and len(split.stem) >= 3 and gazetteer.key_index(form) is None:
                forms.append((split.stem, start + split.stem_offset, cue))
    return forms


_SETTLEMENT_HEADS = frozenset(fold_key(w) for w in ("مدينة", "بلدة", "قرية", "قضاء", "ناحية", "مخيم", "واحة"))


def _settlement_head(word: str) -> bool:
    """A head noun naming a settlement or district, with or without proclitics ("لبلدة", "وقرية")."""
    return any(word[k:] in _SETTLEMENT_HEADS for k in range(0, 3) if len(word) - k >= 3)


def _names_an_area(gazetteer: Gazetteer, key: str, *kinds: PlaceKind) -> bool:
    """Whether ``key`` is a name (not a spelling variant) of a country, province or world region
    (or of a place of one of ``kinds``)."""
    index = gazetteer.key_index(key)
    if index is None:
        return False
    areas = kinds or (PlaceKind.country, PlaceKind.admin1, PlaceKind.region, PlaceKind.continent)
    return any(
        int(gazetteer.kind[p.place]) in areas and p.flags & (PRIMARY | ALTERNATE | ARABIC) and not p.flags & VARIANT
        for p in gazetteer.postings(index)
    )


def _longest_at(gazetteer: Gazetteer, doc: _Doc, i: int) -> list[Mention]:
    """Matches starting at token ``i``, longest first."""
    text = doc.folded.text
    out: list[Mention] = []
    for form, fstart, clitic_cue in _first_forms(gazetteer, doc, i):
        if len(form) < 2 or form.isdigit():
            continue
        query = form
        j = i
        while True:
            fend = doc.tokens[j][1]
            possessive = query.endswith("s") and _possessive(doc, j)
            index = gazetteer.key_index(query[:-1]) if possessive else None
            if index is not None:
                out.append(_make(gazetteer, doc, index, query[:-1], fstart, fend - 1, (i, j + 1), clitic_cue))
            elif (index := gazetteer.key_index(query)) is not None and not _plain_stop_word(
                gazetteer, doc, index, i, j
            ):
                fend += _abbreviation_dot(gazetteer, doc, index, query, fend)
                out.append(_make(gazetteer, doc, index, query, fstart, fend, (i, j + 1), clitic_cue))
            if j + 1 >= len(doc.tokens) or not gazetteer.has_longer(query):
                break
            gap = text[doc.tokens[j][1] : doc.tokens[j + 1][0]]
            if gap not in (" ", ". "):
                break
            j += 1
            query = query + gap + doc.token_text(j)
    out.sort(key=lambda m: (m.token_range[1] - m.token_range[0], m.end - m.start), reverse=True)
    if len(out) < 2 and not any(m.token_range[1] - m.token_range[0] >= 2 for m in out):
        return out  # one one-word reading: nothing to trim
    return out if doc.upper_text else _without_unit_words(gazetteer, doc, out)


_UNIT_OF = frozenset(["state", "province", "governorate", "region", "county", "district", "prefecture"])


@lru_cache(maxsize=1)
def _unit_words_after() -> frozenset[str]:
    cues = load_cues()
    return cues.admin1_after | cues.admin2_after


def _without_unit_words(gazetteer: Gazetteer, doc: _Doc, found: list[Mention]) -> list[Mention]:
    """Drop the readings that take in a lower-case unit word the gazetteer happens to list with the
    name ("Hubei province", "state of Uttar Pradesh" are alternate names): the name alone is the
    toponym, and the word stays a cue next to it. Capitalised, the word is part of the name
    ("Nyanza Province", "Henry County"); the shorter reading must be a name too."""
    units = _unit_words_after()
    out = []
    for mention in found:
        i, j = mention.token_range
        if j - i >= 2:
            last = doc.text[slice(*doc.original(j - 1))]
            if last.islower() and last in units and any(
                other.token_range == (i, j - 1) for other in found
            ):
                continue  # "Hubei" is listed too: keep that one
            first = doc.text[slice(*doc.original(i))]
            if (
                j - i >= 3
                and first in _UNIT_OF
                and doc.token_text(i + 1) == "of"
                and gazetteer.key_index(mention.key.split(" ", 2)[2]) is not None
            ):
                continue  # "state of Uttar Pradesh": "Uttar Pradesh" is found at its own first word
        out.append(mention)
    return out


def _plain_stop_word(gazetteer: Gazetteer, doc: _Doc, index: int, i: int, j: int) -> bool:
    """A one-word stop word not written in capitals ("us", not "US"): never worth a mention."""
    if i != j or not gazetteer.is_stop_word(index):
        return False
    return not doc.text[slice(*doc.original(i))].isupper()


def _abbreviation_dot(gazetteer: Gazetteer, doc: _Doc, index: int, key: str, fend: int) -> int:
    """1 when an abbreviation ("u.s", "d.c", "calif") is followed by its final dot in the text."""
    if doc.folded.text[fend : fend + 1] != ".":
        return 0
    return 1 if "." in key or any(p.flags & DOTTED for p in gazetteer.postings(index)) else 0


def _dotted_province(doc: _Doc, mention: Mention) -> bool | None:
    """A dotted province abbreviation ("Athens, Ga.", "W.Va."): True/False when the mention is one,
    None otherwise. It needs its dot, and a comma before it unless it has an inner dot."""
    if not any(p.flags & DOTTED for p in mention.postings):
        return None
    if not mention.text.endswith(".") or not mention.text[:1].isupper():
        return False
    if "." not in mention.text[:-1] and not doc.text[: mention.start].rstrip().endswith(","):
        return False
    mention.postings = [p for p in mention.postings if p.flags & DOTTED]
    return True


def _possessive(doc: _Doc, j: int) -> bool:
    """Token ``j`` is written with a possessive "'s" ("Iraq's": folded "iraqs")."""
    end = doc.original(j)[1]
    return doc.text[end - 2 : end] in ("'s", "’s")


def _make(
    gazetteer: Gazetteer,
    doc: _Doc,
    index: int,
    key: str,
    fstart: int,
    fend: int,
    token_range: tuple[int, int],
    cue: bool,
) -> Mention:
    start, end = doc.folded.to_original(fstart, fend)
    postings = gazetteer.postings(index)
    mention = Mention(start, end, doc.text[start:end], key, postings, is_arabic(key), token_range=token_range)
    mention.cue = cue
    mention.split = fstart != doc.tokens[token_range[0]][0]
    # "Canadian" is the demonym of Canada, not Canadian (Texas): a demonym names no place unless
    # it is also a country's name ("Djibouti")
    # (the ARABIC bit says only which script: "اسرائيلية" is ARABIC | DEMONYM, a demonym)
    mention.demonym = any(p.flags & DEMONYM for p in postings) and not any(
        int(gazetteer.kind[p.place]) == PlaceKind.country for p in postings if p.flags & _NAME_BITS
    )
    if mention.demonym:
        mention.postings = [p for p in postings if p.flags & DEMONYM]
    else:  # a name posting may carry the demonym flag too: "Djibouti" the country
        mention.postings = [p for p in postings if p.flags & _NAME_BITS]
    mention.zipf = gazetteer.zipf(index)
    mention.stop_word = gazetteer.is_stop_word(index)
    if mention.arabic:
        _admin_word_inside(gazetteer, mention)
    return mention


def _admin_word_inside(gazetteer: Gazetteer, mention: Mention) -> None:
    """ "قضاء الحويجة" known as a whole (a town's alternate name): the administrative word still
    asks for the unit of its level, which the name without it may give ("الحويجة": the district)."""
    cues = load_cues()
    head, _, rest = mention.key.partition(" ")
    if not rest:
        return
    if head in cues.ar_admin1_before:
        level = PlaceKind.admin1
    elif head in cues.ar_admin2_before:
        level = PlaceKind.admin2
    else:
        return
    index = gazetteer.key_index(rest)
    extra = gazetteer.postings(index) if index is not None else []
    units = [p for p in extra if int(gazetteer.kind[p.place]) == level and not p.flags & DEMONYM]
    if units:
        known = {p.place for p in mention.postings}
        mention.postings = mention.postings + [p for p in units if p.place not in known]
        mention.admin_hint, mention.cue = level, True


# ---------------------------------------------------------------------- context


def _before(doc: _Doc, i: int, n: int) -> tuple[str, ...]:
    return tuple(doc.token_text(k) for k in range(max(0, i - n), i))


def _ends_with(words: tuple[str, ...], phrases: frozenset[tuple[str, ...]]) -> bool:
    return any(words[len(words) - n :] in phrases for n in range(1, min(len(words), _MAX_CUE_WORDS) + 1))


_MAX_CUE_WORDS = 4
# a name followed by an appositive that calls it a town ("الدور، وهي بلدة", "، وهي مدينة صغيرة", "، البلدة الواقعة")
AR_APPOSITIVE_TOWN = re.compile(
    r"\s*[،,]\s*(?:وهي|وهو)\s+(?:بلدة|مدينة|قرية)\b|\s*[،,]\s*(?:البلدة|المدينة|القرية)\s+(?:الواقعة|التي)\b"
)
_EN_HEADS = frozenset(["town", "city", "village", "district", "province", "area", "villages", "towns"])
_AR_HEADS = frozenset(fold_key(w) for w in ("مدينة", "بلدة", "قرية", "قضاء", "ناحية", "منطقة", "محافظة"))
_EN_SETTLEMENT_HEADS = frozenset(["town", "city", "village"])
_AR_SETTLEMENT_HEADS = frozenset(fold_key(w) for w in ("مدينة", "بلدة", "قرية"))


def _annotate(doc: _Doc, mention: Mention, cues: Cues) -> None:
    i, j = mention.token_range
    # (six words: "north-east of the town of al-Alam" holds its near cue five words before the name)
    before = _before(doc, i, 6)
    after = doc.token_text(j) if j < len(doc.tokens) else ""
    if mention.arabic:
        # "وقرب الحويجة": cue words may carry the conjunction و/ف
        bare = tuple(w[1:] if w[:1] in ("و", "ف") and len(w) > 3 else w for w in before)
        # "قرب مدينة الرطبة", "قرب قضاء الرطبة": the near cue may sit before a head noun
        headless = bare[:-1] if bare and bare[-1] in _AR_HEADS else bare
        mention.near = (
            mention.near
            or _ends_with(before, cues.ar_near_before)
            or _ends_with(bare, cues.ar_near_before)
            or _ends_with(headless, cues.ar_near_before)
        )
        prevs = {before[-1], bare[-1]} if before else set()
        mention.cue = mention.cue or bool(prevs & (cues.ar_place_before | cues.ar_generic)) or mention.near
        # "لبلدة الكرامة", "وبمدينة القائم": the generic noun may carry proclitics too
        stems = {w[k:] for w in prevs for k in range(0, 3) if len(w) - k >= 2}
        mention.generic_cue = bool(stems & cues.ar_generic)
        mention.settlement = bool(stems & _AR_SETTLEMENT_HEADS)
        if AR_APPOSITIVE_TOWN.match(doc.text, mention.end):
            # "اجتاح الدور، وهي بلدة ذات غالبية سنية": the name a town, as after a head noun
            mention.cue = mention.generic_cue = mention.settlement = True
        if prevs & cues.ar_admin1_before:
            mention.admin_hint, mention.cue = PlaceKind.admin1, True
        elif prevs & cues.ar_admin2_before:
            mention.admin_hint, mention.cue = PlaceKind.admin2, True
        mention.part = after in cues.ar_part_after
        mention.quarter = bool(stems & cues.ar_quarter_before)
        return
    # "near the town of Rutbah": the near cue may sit before a head noun and "of"
    headed = len(before) >= 3 and before[-1] == "of" and before[-2] in _EN_HEADS and before[-3] == "the"
    mention.settlement = len(before) >= 2 and before[-1] == "of" and before[-2] in _EN_SETTLEMENT_HEADS
    mention.near = _ends_with(before, cues.near_before) or (headed and _ends_with(before[:-3], cues.near_before))
    prev = before[-1] if before else ""
    mention.part = prev in cues.part_before
    mention.cue = mention.cue or mention.near or _ends_with(before, cues.place_before) or mention.part
    after = _listed_unit_word(doc, mention, cues) or after
    if doc.text[mention.end : mention.end + 2] in ("'s", "’s"):
        after = ""  # "All 31 of China's provinces": the provinces are China's, China is none
    if after in cues.admin1_after or _ends_with(before, cues.admin1_before) or _lowercase_cue(doc, i, cues):
        mention.admin_hint, mention.cue = PlaceKind.admin1, True
    elif after in cues.admin2_after or _ends_with(before, cues.admin2_before):
        mention.admin_hint, mention.cue = PlaceKind.admin2, True
    mention.quarter = after in cues.quarter_after


def _lowercase_cue(doc: _Doc, i: int, cues: Cues) -> bool:
    """ "the state of Washington": a province cue that counts only in lower case, before the
    mention's first token ``i`` (not "the Islamic State of Iraq", "the State of Qatar")."""
    if doc.upper_text:
        return False
    for phrase in cues.admin1_before_lowercase:
        first = i - len(phrase)
        if first >= 0 and _before(doc, i, len(phrase)) == phrase:
            start, end = doc.original(first)
            if doc.text[start:end].islower():
                return True
    return False


def _listed_unit_word(doc: _Doc, mention: Mention, cues: Cues) -> str | None:
    """The plural province word after a list the mention starts or continues: "provinces" for Aleppo
    in "Aleppo and Raqqa provinces", "governorates" for Hama in "Hama, Homs and Idlib governorates".
    None when no list of capitalised names ending so follows. Not "districts": "the al-Quds and
    Karama districts" of Mosul are quarters, not two districts (one of them Jerusalem's)."""
    j = mention.token_range[1]
    if j >= len(doc.tokens):
        return None
    gap = doc.text[mention.end : doc.original(j)[0]]
    if gap.strip() != "," and doc.token_text(j) != "and":
        return None
    for k in range(j, min(j + 8, len(doc.tokens))):
        word, (start, _) = doc.token_text(k), doc.original(k)
        if word.endswith("s") and word in cues.admin1_after and k > j:
            return word
        if word != "and" and not doc.text[start : start + 1].isupper():
            return None
    return None


# ---------------------------------------------------------------------- acceptance


def _max_population(gazetteer: Gazetteer, mention: Mention, primary_only: bool = False) -> int:
    best = 0
    for p in mention.postings:
        if primary_only and not p.flags & PRIMARY:
            continue
        best = max(best, int(gazetteer.population[p.place]))
    return best


def _news_name(gazetteer: Gazetteer, mention: Mention) -> bool:
    """An Arabic name of a country, continent or world region, of a national capital or of a city of
    :data:`BIG_PLACE` people (not a spelling variant), that no word list calls an everyday word:
    `اسرائيل`, `لبنان`, `باريس` are frequent words of Arabic news only because they are in it, and
    need no locative cue (`المدينة`, `العاصمة`, `الجزيرة` and two-letter names such as `قم` do)."""
    bare = mention.key[2:] if mention.key.startswith("ال") else mention.key
    if len(bare) < 3 or is_common_word(mention.text):
        return False
    for p in mention.postings:
        if p.flags & VARIANT:
            continue
        kind = int(gazetteer.kind[p.place])
        if kind in (PlaceKind.country, PlaceKind.continent, PlaceKind.region):
            return True
        capital = FEATURE_CODES[int(gazetteer.feature[p.place])] == "PPLC"
        if kind == PlaceKind.city and (capital or int(gazetteer.population[p.place]) >= BIG_PLACE):
            return True
    return False


def _is_major(gazetteer: Gazetteer, mention: Mention) -> bool:
    """A primary name of a country or province, or of a very large city."""
    for p in mention.postings:
        kind = int(gazetteer.kind[p.place])
        if kind in (PlaceKind.country, PlaceKind.continent, PlaceKind.region) and not p.flags & VARIANT:
            return True
        if not p.flags & (PRIMARY | ABBREVIATION | ARABIC):
            continue
        if kind == PlaceKind.admin1 or int(gazetteer.population[p.place]) >= BIG_PLACE:
            return True
    return False


def _sentence_initial(doc: _Doc, start: int) -> bool:
    # (a start after ". " is deliberately not initial here: mid-paragraph sentences keep the
    # capitalised-word rules, which recognise better on LGL and GeoVirus)
    k = start
    while k > 0 and doc.text[k - 1] in " \t\"'“‘(«":
        k -= 1
    return k in doc.sentence_starts


def _title_case_context(doc: _Doc, mention: Mention) -> bool:
    """True when the words around the mention are nearly all capitalised (a headline)."""
    i, j = mention.token_range
    window = [k for k in range(max(0, i - 4), min(len(doc.tokens), j + 4)) if k < i or k >= j]
    words = [doc.text[slice(*doc.original(k))] for k in window]
    words = [w for w in words if w[:1].isalpha() and len(w) > 3]
    if len(words) < 3 or sum(w[0].isupper() for w in words) < 0.75 * len(words):
        return False
    # the whole sentence too: "Defense Minister Michael Fallon said on ..." is a sentence, not a headline
    start, end = doc.sentence_bounds(mention.start, mention.end)
    sentence = [
        w for w in _WORD.findall(doc.text[start : mention.start] + " " + doc.text[mention.end : end]) if len(w) > 3
    ]
    return sum(w[0].isupper() for w in sentence) >= 0.75 * len(sentence)


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _accept(gazetteer: Gazetteer, doc: _Doc, mention: Mention, cues: Cues) -> bool:
    if not mention.postings:
        return False
    dotted = _dotted_province(doc, mention)
    if dotted is not None:
        return dotted
    if any(p.flags & ABBREVIATION for p in mention.postings):
        if mention.text.isupper() and ("." in mention.key or not doc.upper_text):
            # "US" written as a code is the country, not the French village Us
            mention.postings = [p for p in mention.postings if p.flags & ABBREVIATION]
            return True
        if len(mention.postings) == 1:
            return False
    if mention.stop_word:
        return False
    zipf = mention.zipf
    if mention.arabic:
        if _after_romance_particle(gazetteer, doc, mention):
            return False  # "موسيمبوا دا برايا" (Mocímboa da Praia) is not Praia
        return _accept_arabic(gazetteer, mention, cues)
    if mention.key in cues.generic or mention.key in cues.part_before:
        return False  # "Wadi", "June", "western" alone
    first = mention.text[:1]
    if not first.isalpha():
        return False
    if mention.demonym:
        return first.isupper() or doc.upper_text
    if _news_agency(doc, mention, cues):
        return False  # "the news agency SANA" is no Sanaa, "the Fars news agency" no province
    if _acronym_mid_sentence(gazetteer, doc, mention):
        return False  # "according to a source citing SANA": an acronym, not Sanaa
    if _ARTICLE_BEFORE.search(doc.text[max(0, mention.start - 5) : mention.start]):
        if _NAME_BEFORE_ARTICLE.search(doc.text[max(0, mention.start - 40) : mention.start]):
            return False  # "Tarfah al-Sharqiyah", "Abu Bakr al-Baghdadi": the end of a longer name
        # "al-Omar": an Arabic name whose article the gazetteer does not list is no American town
        arabic_named = [p for p in mention.postings if gazetteer.country_code(p.place) in ARABIC_NAMES]
        if not arabic_named:
            return False
        mention.postings, mention.bare_article = arabic_named, True
    if _AFFILIATED.search(doc.text, max(0, mention.start - 40), mention.start) and not _is_major(gazetteer, mention):
        return False  # "the al-Qaeda-affiliated Khorasan", "the ISIS-linked Maute": a group named after a place
    surname = mention.key in doc.people and mention.key not in doc.places
    if surname and (_person_context(doc, mention, cues) or _subject_of_sentence(doc, mention)):
        return False  # "Mustafa Bali" ... "Bali said", "Bali expected": the person, even for a province
    if _after_comma_major(gazetteer, doc, mention, cues):
        return True
    if (doc.upper_text or first.isupper()) and _followed_by_container(gazetteer, doc, mention):
        return True
    if _NASAB.match(doc.text[mention.end : mention.end + 8]) and not _is_major(gazetteer, mention):
        return False  # "Hassan al-Karami": a person, whatever the case of the words around
    if not doc.upper_text and not _cased_initial(mention.text).isupper():
        # mixed-case text: a lower-case word ("early", "the village") is a place only if it is a
        # rare word naming a large place, even among capitalised words
        return zipf < 2.5 and len(mention.key) >= 5 and _max_population(gazetteer, mention) >= 100_000
    if doc.upper_text and _common_word_in_phrase(gazetteer, doc, mention):
        return False
    if doc.upper_text or _title_case_context(doc, mention):
        return _accept_uncased(gazetteer, mention, zipf)
    glued = _part_of_longer_name(doc, mention, cues, _is_major(gazetteer, mention))
    if glued is not None:
        if glued == "before" and mention.key not in doc.places and not in_image_caption(doc.text, mention.start):
            doc.people.add(mention.key)  # "Henry" after "Raquel": later "Henry"s are the person too
        mention.continues = glued == "after"
        return False
    person = mention.key in doc.people and mention.key not in doc.places
    if not _is_major(gazetteer, mention) and (person or _person_context(doc, mention, cues)):
        return False
    if _sentence_initial(doc, mention.start):
        if zipf < 5.0 and _is_major(gazetteer, mention) and not _written_lower(doc, mention):
            return True  # "Ohio recession:": a province's name never written as an everyday word here
        return _accept_uncased(gazetteer, mention, zipf, by_any_name=True)
    if zipf >= COMMON_ZIPF:
        if not _own_name(mention) and not _is_major(gazetteer, mention):
            return False  # "in June" is not Unieux, which lists "June" among its alternate names
        if mention.cue or _is_major(gazetteer, mention) or _comma_linked(doc, mention):
            return True
        if zipf < 5.0 and _max_population(gazetteer, mention, primary_only=True) >= CAPITALISED_CITY:
            return True  # "the FBI's Atlanta office": capitalised mid-sentence, a city's own name
        mention.needs_context = "admin1"  # capitalised "Hit": a place if the text names Anbar
        return False
    return True


# "al-Busayrah", "ad-Dawr", "ash-Shaddadi": a lower-case Arabic article before a capitalised name
_ARTICLE = re.compile(r"^(?:a[lrsdtnz]|ash|ath|adh|e[lrsdtnz]|esh)[-‐‑’' ](?=[A-Z])")


_ARTICLE_BEFORE = re.compile(
    r"(?i:(?:^|[^\w])(?:a[lrsdtnz]|ash|ath|adh|e[lrsdtnz]|esh)[-‐‑]$)|(?:^|[^\w])(?:al|el) $"
)  # "al-Omar", "ad-Dawr"; written without the hyphen only as lower-case "al " ("Al-Baydah al Sharqiyah")
# a capitalised word right before the article ("Tarfah al-", "Bakr al-"), not a sentence-initial
# function word ("In al-Mayadin", "The al-Hol camp")
_NAME_BEFORE_ARTICLE = re.compile(
    r"(?<![.!?]\s)(?<!^)\b(?!(?:In|At|On|From|Near|To|Of|And|Or|The|By|For|With|Outside|Inside|Into|Around|Across"
    r"|Between|West|East|North|South)\b)[A-Z][\w'’-]+ (?:(?:a[lrsdtnz]|ash|ath|adh|e[lrsdtnz]|esh)[-‐‑]|al |el )$"
)
# countries whose places carry Arabic names (and articles) in English text
ARABIC_NAMES = ARAB_WORLD | {"TR", "IR", "AF", "PK", "ER", "ML", "NE", "NG", "SN", "TZ", "KE", "ET"}


def _cased_initial(text: str) -> str:
    """The letter that carries the case of a name: the first one after a lower-case Arabic article."""
    match = _ARTICLE.match(text)
    return text[match.end() : match.end() + 1] if match else text[:1]


def _written_lower(doc: _Doc, mention: Mention) -> bool:
    """The document also writes the name in lower case ("china" plates, "turkey" dinner): a word."""
    word = mention.text.lower()
    return re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", doc.text) is not None


# Portuguese, Spanish and French particles inside place names written in Arabic letters ("da", "do",
# "de", "del", "dos", "das", "la"): a name after one is the end of a longer foreign name
ROMANCE_PARTICLES = frozenset(["دا", "دو", "دي", "ديل", "دوس", "داس", "دوش", "داش"])


def ends_with_romance_particle(words: list[str]) -> bool:
    """The last of ``words`` (those before a name) is such a particle, itself after a word."""
    return len(words) >= 2 and words[-1] in ROMANCE_PARTICLES


def _after_romance_particle(gazetteer: Gazetteer, doc: _Doc, mention: Mention) -> bool:
    """The mention ends a longer foreign name (:func:`ends_with_romance_particle`) and no candidate lies
    in the Arab world ("دير الزور" and other Arab names are never cut so)."""
    i = mention.token_range[0]
    if not ends_with_romance_particle([doc.token_text(k) for k in range(max(0, i - 2), i)]):
        return False
    return not any(gazetteer.country_code(p.place) in ARAB_WORLD for p in mention.postings)


_TERRITORY_AFTER = frozenset(["territory", "territories", "soil", "airspace", "waters"])


def _territory_of(gazetteer: Gazetteer, doc: _Doc, mention: Mention) -> None:
    """ "Syrian territory", "Iraqi airspace", "on Turkish soil": a demonym with a word for land, air or
    sea names the country, a place (precision 6), not only its people."""
    j = mention.token_range[1]
    if mention.arabic or j >= len(doc.tokens) or doc.token_text(j) not in _TERRITORY_AFTER:
        return
    countries = [p for p in mention.postings if int(gazetteer.kind[p.place]) == PlaceKind.country]
    if countries:
        mention.demonym, mention.postings = False, countries


def _accept_arabic(gazetteer: Gazetteer, mention: Mention, cues: Cues) -> bool:
    """Arabic has no case: generic nouns never match; place names are frequent words in Arabic
    news, so only very frequent words need a cue."""
    bare = mention.key[2:] if mention.key.startswith("ال") else mention.key
    if mention.key in cues.ar_generic or bare in cues.ar_generic or len(bare) < 3:
        return False
    if mention.key in cues.ar_article_only:
        return False  # "سيطرت على قريتين" (two villages): al-Qaryatayn only with its article
    if mention.demonym:
        return True
    arab_world = [p.place for p in mention.postings if gazetteer.country_code(p.place) in ARAB_WORLD]
    if mention.split and not arab_world and not _names_an_area(gazetteer, mention.key, PlaceKind.country):
        return False  # "فزان" is not "ف" + a Korean city (but "وتركيا" is Turkey)
    major = _is_major(gazetteer, mention)
    if _common_arabic(gazetteer, mention):
        # everyday words ("التحالف", "الخميس", "المدينة") name villages too; "الموصل" is frequent
        # too. A generic noun before the word ("مدينة القائم") makes it a name in the Arab world; a
        # locative cue ("في القائم") does for a sizeable town of a country the document names.
        if mention.generic_cue and arab_world:
            return True
        # without a cue, a dictionary word names only a place of the Arab world or a country or region:
        # "هوية" (identity) is not Hue ("لندن", frequent in the news, is no dictionary word)
        uncued = mention.zipf < COMMON_ZIPF_AR and (
            arab_world or _is_large_area(gazetteer, mention) or not is_common_word(mention.text)
        )
        if major and (mention.cue or uncued):
            return True
        if _news_name(gazetteer, mention):
            return True  # "ان اسرائيل لم تكن", "اكدت باريس": frequent because it is in the news
        population = max((int(gazetteer.population[p]) for p in arab_world), default=0)
        mention.needs_context = "country" if mention.cue and population >= COMMON_AR_POPULATION else None
        return False
    if major:
        return True
    population = max((int(gazetteer.population[p]) for p in arab_world), default=0)
    # (a head noun with proclitics is a cue too: "لبلدة الشدادي", "وبمدينة القائم")
    if population >= MIN_UNCUED_POPULATION or ((mention.cue or mention.generic_cue) and arab_world):
        return True
    # Arabic exonyms of places outside the Arabic-speaking world: only sizeable ones, and not an
    # everyday noun in the accusative ("دمروا بئراً" is a well, not Beira)
    return (
        _max_population(gazetteer, mention) >= 100_000
        and mention.zipf < 3.5
        and not accusative_of_common(mention.text)
    )


def _own_name(mention: Mention) -> bool:
    """Some candidate carries the name as its own (official name, code or spelling variant), not
    only as one of its alternate names."""
    return any(p.flags & (PRIMARY | ABBREVIATION | VARIANT) for p in mention.postings)


def _after_comma_major(gazetteer: Gazetteer, doc: _Doc, mention: Mention, cues: Cues) -> bool:
    """ "Borno State, Nigeria": a capitalised country or province name after a comma in mixed-case
    text is a place even in a title-case stretch (compass words excepted)."""
    return (
        not doc.upper_text
        and mention.text[:1].isupper()
        and mention.zipf < 5.0
        and mention.key not in cues.part_before
        and doc.text[: mention.start].endswith(", ")
        and _is_major(gazetteer, mention)
    )


def _followed_by_container(gazetteer: Gazetteer, doc: _Doc, mention: Mention) -> bool:
    """ "RAQQA, Syria -", "Hawija, Kirkuk": the name is followed by a comma and the country or
    province that contains one of its candidates."""
    j = mention.token_range[1]
    if j >= len(doc.tokens) or doc.text[mention.end : doc.original(j)[0]] not in (", ", "، "):
        return False
    countries: set[str] = set()
    units: set[int] = set()
    for container in _longest_at(gazetteer, doc, j)[:1]:
        if not container.text[:1].isupper() and not container.arabic:
            return False
        for p in container.postings:
            kind = int(gazetteer.kind[p.place])
            if kind == PlaceKind.country and not p.flags & VARIANT:
                countries.add(gazetteer.country_code(p.place))
            elif kind == PlaceKind.admin1 and p.flags & (PRIMARY | ARABIC | VARIANT):
                units.add(p.place)
    return any(
        gazetteer.country_code(p.place) in countries or int(gazetteer.admin1[p.place]) in units
        for p in mention.postings
    )


def _common_arabic(gazetteer: Gazetteer, mention: Mention) -> bool:
    """A one-word Arabic name that is also an everyday word (frequency lists of the gazetteer and
    :func:`emberwatch.text.arabic_common.is_common_word`)."""
    if mention.zipf >= COMMON_ZIPF_AR or gazetteer.is_common_arabic(mention.key):
        return True
    return " " not in mention.key and is_common_word(mention.text)


def accusative_of_common(word: str) -> bool:
    """ "بئراً" (a well, accusative): an everyday noun with the alef of the accusative ending."""
    from emberwatch.text.arabic import fold

    bare = fold(word)
    return len(bare) > 3 and bare.endswith("ا") and " " not in bare and is_common_word(bare[:-1])


def _is_large_area(gazetteer: Gazetteer, mention: Mention) -> bool:
    """Some candidate is a country, continent or world region."""
    return any(
        int(gazetteer.kind[p.place]) in (PlaceKind.country, PlaceKind.continent, PlaceKind.region)
        for p in mention.postings
    )


PHRASE_ZIPF = 3.0  # a following word at least this common in English continues a phrase...
FUNCTION_WORD_ZIPF = 5.5  # ...unless it is a function word ("was", "and", "said") this common
_NAME_OR_TIME_AFTER = frozenset([
    "yesterday", "today", "tonight", "tomorrow", "morning", "afternoon", "evening", "night", "overnight",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "earlier", "recently", "early", "late",
    # the rest of a longer name: "plan del picacho", "villa los naranjos", "corn island", "howard air base"
    "del", "de", "la", "las", "los", "el", "al", "island", "islands", "air", "base", "downtown",
])  # fmt: skip


@lru_cache(maxsize=4096)
def _english_zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def _common_word_in_phrase(gazetteer: Gazetteer, doc: _Doc, mention: Mention) -> bool:
    """In text without case ("three soldiers are in grave condition"), an everyday word that names
    only minor places, followed by another everyday word that is no place word, stop word or
    punctuation, is part of a phrase, not a place ("in berlin was raided" still is one)."""
    if mention.zipf < COMMON_ZIPF or mention.arabic or _is_major(gazetteer, mention):
        return False
    j = mention.token_range[1]
    if j >= len(doc.tokens) or doc.text[mention.end : doc.original(j)[0]].strip():
        return False  # punctuation or the end of the text follows
    following = doc.token_text(j)
    if following in _FEATURE_WORDS or following in _NAME_OR_TIME_AFTER or not following.isalpha():
        return False
    return PHRASE_ZIPF <= _english_zipf(following) < FUNCTION_WORD_ZIPF


def _accept_uncased(gazetteer: Gazetteer, mention: Mention, zipf: float, by_any_name: bool = False) -> bool:
    """Acceptance without case evidence: frequency, cues and population. ``by_any_name``: a name
    first in its sentence of mixed-case text may also be another name of a big city ("Raqqa fell";
    not in text of one case, where any word may be such a name)."""
    if mention.demonym:
        return zipf < 5.5
    if len(mention.key) < 3:
        return False
    major = _is_major(gazetteer, mention)
    if zipf >= COMMON_ZIPF:
        if not major and not _own_name(mention):
            return False
        if mention.cue and (major or zipf < 5.0):
            return True
        mention.needs_context = "country" if mention.cue else None
        return False
    if major or mention.cue:
        return True
    # a town by its own name, or a city of :data:`_KNOWN_CITY` people by another ("Raqqa" for Ar Raqqah)
    return _max_population(gazetteer, mention, primary_only=not mention.arabic) >= MIN_UNCUED_POPULATION or (
        by_any_name and _max_population(gazetteer, mention) >= _KNOWN_CITY
    )


_FEATURE_WORDS = frozenset(
    [
        "province",
        "governorate",
        "district",
        "county",
        "parish",
        "region",
        "state",
        "city",
        "town",
        "village",
        "valley",
        "desert",
        "mountains",
        "mountain",
        "river",
        "dam",
        "airport",
        "camp",
        "border",
        "crossing",
        "prison",
        "base",
    ]
)


_LINE_HEAD = re.compile(r"#+\s*")
# an aircraft or weapon designation right before a name ("C-130 Hercules", "MQ-9 Reaper")
_MODEL_CODE = re.compile(r"(?<![\w-])[A-Z]{1,3}-\d{1,4}[A-Z]?\s$")
# a city this large, once read as a place, stays one when a capitalised word later precedes it
# ("Raqqa" after "Entering"); smaller ones may be surnames ("Holroyd", "Fairfield")
_KNOWN_CITY = 100_000


def in_image_caption(text: str, start: int) -> bool:
    """Inside a Markdown image's alt text ("![Lt. Gen. Townsend Qayyarah September 2016](...)"), a
    title-cased caption whose word order says nothing about people."""
    line_start = text.rfind("\n", 0, start) + 1
    opening = text.rfind("![", line_start, start)
    return opening >= 0 and "]" not in text[opening:start]


_PARTICLES = r"(?:de|da|di|du|del|della|van|von|der|ter|ten)"
_PARTICLE_BEFORE = re.compile(rf"\b[A-Z][\w'’.-]*\*?\s+{_PARTICLES}\s+$")
_PARTICLE_AFTER = re.compile(rf"\s+{_PARTICLES}\s+[A-Z]")


def _part_of_longer_name(doc: _Doc, mention: Mention, cues: Cues, major: bool = False) -> str | None:
    """Mixed-case text: "before" when a capitalised word is glued before the name ("Raquel Henry"),
    "after" when one follows it ("Dublin Road"), else None. Admin units followed by an
    organisation ("Henderson County Sheriff's Office") are kept. ``major``: the name is a country's,
    a province's or a big city's (see :func:`_is_major`)."""
    i, j = mention.token_range
    if i > 0 and _initial(doc, i - 1, mention.start):
        return "before"  # "John R. Allen", "Harry S. Truman"
    if _MODEL_CODE.search(doc.text[max(0, mention.start - 12) : mention.start]):
        return "before"  # "C-130 Hercules", "MQ-9 Reaper", "F-16 Falcon": a model's name
    if i > 0 and doc.text[doc.original(i - 1)[1] : mention.start] == " ":
        prev = doc.text[slice(*doc.original(i - 1))]
        folded_prev = doc.token_text(i - 1)
        ignorable = _FUNCTION_WORDS | cues.part_before | {p[-1] for p in cues.place_before}
        possessive = prev.endswith(("'s", "’s"))  # "Iraq's Salahuddin province"
        # a Markdown heading is title-cased: "### Entering Raqqa" is no person
        prev_start = doc.original(i - 1)[0]
        line_start = _LINE_HEAD.fullmatch(doc.text[doc.text.rfind("\n", 0, prev_start) + 1 : prev_start])
        if prev[:1].isupper() and folded_prev not in ignorable and not possessive and not line_start:
            return "before"
    # "Leonardo da Vinci", "Charles de Gaulle", "Dennis van Engelsdorp": a particle between capitalised
    # words joins one name (not for a country or big place: "the Tour de France" names France)
    if not major and _PARTICLE_BEFORE.search(doc.text, max(0, mention.start - 30), mention.start):
        return "before"
    last = doc.token_text(j - 1)
    if last in cues.admin1_after or last in cues.admin2_after:
        return None
    if not major and _PARTICLE_AFTER.match(doc.text, mention.end):
        return "after"
    if j < len(doc.tokens) and doc.text[mention.end : doc.original(j)[0]] == " ":
        nxt = doc.text[slice(*doc.original(j))]
        if nxt[:1].isupper() and doc.token_text(j) not in _FEATURE_WORDS and not _institution_after(doc, j, cues):
            return "after"
    return None


def _institution_after(doc: _Doc, j: int, cues: Cues) -> bool:
    """One of the (up to three) capitalised words from token ``j`` names a local institution:
    "Richmond Police Department", "Kentucky Workforce Development Cabinet"."""
    for k in range(j, min(j + 3, len(doc.tokens))):
        word = doc.text[slice(*doc.original(k))]
        if not word[:1].isupper() or (k > j and doc.text[doc.original(k - 1)[1] : doc.original(k)[0]] != " "):
            return False
        if doc.token_text(k) in cues.institution_after:
            return True
    return False


def _initial(doc: _Doc, k: int, start: int) -> bool:
    """Token ``k`` is a middle initial right before ``start``: "R. ", "H.W. "."""
    s, e = doc.original(k)
    word = doc.text[s:e]
    return (
        doc.text[e:start] == ". "
        and word.replace(".", "").isupper()
        and len(word.replace(".", "")) <= 2
        and (k > 0 and doc.text[slice(*doc.original(k - 1))][:1].isupper())
    )


_AGE = re.compile(r"^, \d{1,3},")
_WHO = re.compile(r",? who\b")  # "Bali, who said": a person
_AFFILIATED = re.compile(r"[\w.]-(?:affiliated|linked|backed|aligned|allied|inspired|sponsored)\s+(?:the\s+)?$")


def _inner_lower_case(name: str) -> bool:
    """A name of several words with a lower-case word inside ("Lanao del Sur", "Rio de Janeiro")."""
    words = name.split()
    return len(words) > 2 and any(w[:1].islower() for w in words[1:-1])


def _lower_case_after(doc: _Doc, mention: Mention) -> bool:
    """The next word is written in lower case ("Lanao del Sur": "del" after "Lanao")."""
    j = mention.token_range[1]
    if j >= len(doc.tokens):
        return False
    start, end = doc.original(j)
    return doc.text[mention.end : start] == " " and doc.text[start:end][:1].islower()


def _subject_of_sentence(doc: _Doc, mention: Mention) -> bool:
    """The name is a person's way of starting a clause: "Bali, who said", or first in its sentence
    and followed by a lower-case word ("Bali expected a fierce battle"). Only asked of names the
    document has already used as a surname."""
    if _WHO.match(doc.text, mention.end):
        return True
    initial = mention.start in doc.sentence_starts or _sentence_initial(doc, mention.start)
    return initial and _lower_case_after(doc, mention)
# "Hassan al-Karami", "Omar bin Laden": a given name followed by a family name
_NASAB = re.compile(r"^ (?:al|el|bin|ibn|bint|abu)[- ][A-Z]")


_MINOR_WORDS = frozenset(["of", "the", "and", "de", "du", "des", "la", "le"])


def _acronym_mid_sentence(gazetteer: Gazetteer, doc: _Doc, mention: Mention) -> bool:
    """An all-capital word of three letters or more right after a lower-case word, in text of mixed
    case, that names no place as an abbreviation or by its initials ("NSW", "DRC" do): an acronym ("citing SANA", the
    Syrian news agency; "the UPI report"), not a place written in capitals as datelines are."""
    text = mention.text
    if doc.upper_text or not text.isupper() or len(text) < 3 or not text.isalpha() or mention.cue:
        return False  # ("spoke in ATLANTA": a locative word makes it a place)
    if any(p.flags & ABBREVIATION for p in mention.postings):
        return False
    for place in mention.places:  # "the DRC": the initials of a name (the Democratic Republic of the Congo)
        words = [w for w in re.findall(r"[^\W\d_]+", gazetteer.place(place).name) if w.lower() not in _MINOR_WORDS]
        if "".join(w[0] for w in words).upper() == text:
            return False
    previous = re.search(r"([^\W\d_]+) $", doc.text[max(0, mention.start - 30) : mention.start])
    return previous is not None and previous.group(1).islower()


def _news_agency(doc: _Doc, mention: Mention, cues: Cues) -> bool:
    """ "the state news agency SANA", "the Xinhua news agency": a news agency, named after a place
    or spelt like one (``agency_before`` / ``agency_after`` in ``cues.yaml``)."""
    i, j = mention.token_range
    adjacent = i > 0 and not doc.text[doc.original(i - 1)[1] : mention.start].strip()  # (not "agency, San Salvador")
    if adjacent and _ends_with(_before(doc, i, _MAX_CUE_WORDS), cues.agency_before):
        return True
    if j >= len(doc.tokens) or doc.text[mention.end : doc.original(j)[0]].strip():
        return False
    after = tuple(doc.token_text(k) for k in range(j, min(j + _MAX_CUE_WORDS, len(doc.tokens))))
    return any(after[: len(phrase)] == phrase for phrase in cues.agency_after)


def _person_context(doc: _Doc, mention: Mention, cues: Cues) -> bool:
    """ "Sheriff Sanford", "Meredith said", "Meredith, 45,": the name is a person's."""
    i, j = mention.token_range
    if i > 0 and doc.token_text(i - 1) in cues.person_before:
        return True
    if j < len(doc.tokens) and doc.token_text(j) in cues.person_after and not _locative_before(doc, mention, cues):
        return True  # "Meredith said", but not "forces in Raqqa said"
    tail = doc.text[mention.end : mention.end + 8]
    return bool(_AGE.match(tail) or _NASAB.match(tail))


def _locative_before(doc: _Doc, mention: Mention, cues: Cues) -> bool:
    """A locative preposition before the name ("in Raqqa", "from al-Busayrah") or a place noun with
    "of" ("a resident of Lubbock", "the governor of Anbar"): it wins over a speech verb after it."""
    i = mention.token_range[0]
    if i > 0 and _ARTICLE.match(doc.text[doc.original(i - 1)[0] : mention.start + 1]):
        i -= 1  # "from al-" + "Busayrah"
    before = _before(doc, i, _MAX_CUE_WORDS)
    return bool(before) and (
        before[-1] in _LOCATIVES
        or _ends_with(before, cues.near_before)
        or (before[-1] == "of" and _ends_with(before, cues.place_before))
    )


_LOCATIVES = frozenset(
    ["in", "at", "from", "near", "into", "outside", "inside", "around", "across", "toward", "towards"]
)


def _comma_linked(doc: _Doc, mention: Mention) -> bool:
    """ "Mobile, Alabama": a name followed by a comma and another capitalised word."""
    tail = doc.text[mention.end : mention.end + 3]
    return tail.startswith(", ") and tail[2:3].isupper()


def _link_hierarchy(gazetteer: Gazetteer, doc: _Doc, mentions: list[Mention]) -> None:
    """Mark "A, B" and "A in B" pairs, where B may contain A."""
    for k in range(len(mentions) - 1):
        a, b = mentions[k], mentions[k + 1]
        if a.demonym or b.demonym:
            continue  # "Aleppo, Syrian officials said": a demonym contains nothing
        between = doc.text[a.end : b.start]
        # (a dateline's country in brackets, "بنو (باكستان) -", "Bannu (Pakistan)", is its country too)
        if between in (", ", " , ", "، ", " in ", " في ", " ، ", " (", "(") or between.strip() in (",", "،"):
            a.next_mention = k + 1
    link_parts_of_towns(doc.text, mentions)
    unlink_lists(gazetteer, doc.text, mentions)
    mark_lists(doc.text, mentions)


_PART_WORDS = r"(?:neighbou?rhood|district|quarter|suburb|area)"
# "the Adhamiyah district of Baghdad", "the al-Jadida district of western Mosul", "حي الأعظمية في بغداد"
_PART_OF_GAP = re.compile(
    rf"^\s+{_PART_WORDS}\s+of\s+(?:the\s+)?(?:(?:north|south|east|west|central)[a-z-]*\s+)?"
    r"(?:(?:the\s+)?(?:city|town)\s+of\s+)?$",
    re.IGNORECASE,
)
_PART_AFTER = re.compile(rf"^\s+{_PART_WORDS}\b", re.IGNORECASE)  # "Baghdad's Karrada district"


def link_parts_of_towns(text: str, mentions: list[Mention]) -> None:
    """Mark the names the text calls part of the next or previous one: "the Adhamiyah district of
    Baghdad" and "Baghdad's Karrada district" (English), "حي الأعظمية في بغداد" (a quarter, Arabic).
    Each such pair is also an "A in B" link (``next_mention``) when the part comes first."""
    for k in range(len(mentions) - 1):
        a, b = mentions[k], mentions[k + 1]
        if a.demonym or b.demonym:
            continue
        between = text[a.end : b.start]
        if _PART_OF_GAP.match(between) or (a.quarter and a.arabic and between.strip() in ("في", "ب")):
            a.part_of = k + 1
            a.next_mention = k + 1
        elif between in ("'s ", "’s ") and _PART_AFTER.match(text[b.end : b.end + 20]):
            b.part_of = k


_LIST_END = re.compile(r"^,? (?:and|or|و) $")


def unlink_lists(gazetteer: Gazetteer, text: str, mentions: list[Mention]) -> None:
    """Undo the "A, B" links of a list of provinces or countries: in a comma chain of four or more
    names, or one that goes on with "and"/"or" ("Georgia, Oklahoma, Pennsylvania and Wisconsin"),
    a province or country name is a peer of the next name, not a town inside it. ("Mayadin, Deir
    ez-Zor, Syria" stays a hierarchy, and so do the pairs of "Louisville, Ky., New Haven, Conn.")"""
    k = 0
    while k < len(mentions):
        end = k
        while mentions[end].next_mention == end + 1 and _comma(text[mentions[end].end : mentions[end + 1].start]):
            end += 1
        if end > k:
            names = end - k + 1
            tail = end + 1 < len(mentions) and _LIST_END.match(text[mentions[end].end : mentions[end + 1].start])
            if names >= 4 or tail:
                for m in mentions[k:end]:
                    if any(
                        p.flags & PRIMARY and int(gazetteer.kind[p.place]) in (PlaceKind.admin1, PlaceKind.country)
                        for p in m.postings
                    ):
                        m.next_mention = None
        k = end + 1


_LIST_GAP = re.compile(r"^(?:\s*[,،]\s*|,? (?:and|or) |\s+و\s*)$", re.IGNORECASE)


def mark_lists(text: str, mentions: list[Mention]) -> None:
    """Give the names of each coordinated list the same :attr:`Mention.list_group`: a run of names
    joined by commas, "and" or "or" with nothing else between them, that either has an "and"/"or"
    ("Egypt and Niger", "Washington, Pennsylvania and California") or runs to four names or more.
    Three names and commas alone are a hierarchy ("Stroud, Ontario, Canada"), not a list; so is a
    run that a part-of-town link ties together. Demonyms are no peers ("Syrian and Iraqi forces")."""
    k = 0
    while k < len(mentions):
        end, joined = k, False
        while (
            end + 1 < len(mentions)
            and not mentions[end].demonym
            and not mentions[end + 1].demonym
            and mentions[end].part_of is None
            and mentions[end + 1].part_of is None
            and mentions[end].end <= mentions[end + 1].start
            and _LIST_GAP.match(text[mentions[end].end : mentions[end + 1].start])
        ):
            joined = joined or not _comma(text[mentions[end].end : mentions[end + 1].start])
            end += 1
        if end > k and (joined or end - k + 1 >= 4):
            for m in mentions[k : end + 1]:
                m.list_group = mentions[k].start
        k = end + 1


def _comma(between: str) -> bool:
    return between.strip() in (",", "،")
