"""The geoparser used by the extractor: recognise, resolve and place events.

``Geoparser.load()`` opens (building on first use) the memory-mapped gazetteer index in
``settings.gazetteer_dir``; loading takes a few milliseconds plus one-off table set-up. A
``Geoparser`` pickles as its index folder and region of interest and re-opens the index in the
receiving process (cheap), so it can be sent to worker processes.
"""

from __future__ import annotations

import logging
import re
import threading
from bisect import bisect_left
from datetime import date
from pathlib import Path

import numpy as np

from emberwatch.errors import GazetteerError
from emberwatch.geo.build import ProgressCallback, build_gazetteer, data_signature
from emberwatch.geo.event_place import event_place as _event_place
from emberwatch.geo.folding import fold_key, folding_signature, is_arabic
from emberwatch.geo.gazetteer import FEATURE_CODES, FORMAT_VERSION, Gazetteer, PlaceKind
from emberwatch.geo.local_places import file_digest
from emberwatch.geo.recognise import (
    Mention,
    accusative_of_common,
    ends_with_romance_particle,
    link_parts_of_towns,
    load_cues,
    mark_lists,
    mention_for_span,
    prepare,
    recognise,
    unlink_lists,
)
from emberwatch.geo.resolve import Resolution, incoherent, precision_for, resolve
from emberwatch.geo.skeleton import (
    NOT_IN_A_LONGER_NAME,
    SKELETON_COUNTRIES,
    SkeletonIndex,
    appositive_name_spans,
    cued_latin_spans,
    cued_name_spans,
    is_head_noun,
    is_landform,
    locative_name_spans,
)
from emberwatch.models import HomeArea, Language, LocationPrecision, PlaceRef
from emberwatch.settings import Settings, get_settings
from emberwatch.text.arabic import arabic_ratio, clitic_variants
from emberwatch.text.arabic_ner import MODEL_PATH as ARABIC_NER_MODEL

log = logging.getLogger(__name__)
# how far from a town of its paragraph a settlement found under another romanisation may be
ROMANISED_KM = 150.0
ABROAD_KM = 500.0  # a settlement this far from every town of its paragraph, in another country, is a namesake
_BUILD_LOCK = threading.Lock()


def index_is_current(directory: Path, local_places: Path | None = None) -> bool:
    """True when ``directory`` holds an index this version can read with the current folding, built
    from the current shipped data files and the current contents of the ``local_places`` file (or
    without one when it is None)."""
    import json

    try:
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    built = (meta.get("local_places") or {}).get("sha256")
    wanted = file_digest(local_places) if local_places is not None else None
    return (
        meta.get("format") == FORMAT_VERSION
        and meta.get("folding") == folding_signature()
        and meta.get("data") == data_signature()
        and built == wanted
    )


def ensure_gazetteer(
    settings: Settings | None = None, progress: ProgressCallback | None = None, force: bool = False
) -> Path:
    """Build the index into ``settings.gazetteer_dir`` unless a current one is there; return the folder."""
    settings = settings or get_settings()
    directory = settings.gazetteer_dir
    if directory is None:
        raise GazetteerError("settings.gazetteer_dir is not set; set EMBERWATCH_GAZETTEER_DIR.")
    with _BUILD_LOCK:
        if force or not index_is_current(directory, settings.local_places):
            log.info("building the gazetteer index in %s", directory)
            build_gazetteer(directory, progress, settings.local_places)
    return directory


GEOPARSER_VERSION = "geo-76"  # bump when recognition, resolution or event-place rules change behaviour


class Geoparser:
    """Find, resolve and choose places in English and Arabic text.

    In Arabic text the places of the CRF mention model at ``arabic_ner``
    (:mod:`emberwatch.text.arabic_ner`) that the gazetteer matcher missed are added when the
    gazetteer resolves them; ``arabic_ner=None`` gives the gazetteer matcher alone.
    """

    def __init__(
        self,
        gazetteer: Gazetteer,
        region_of_interest: list[str] | tuple[str, ...] = (),
        arabic_ner: Path | None = ARABIC_NER_MODEL,
    ) -> None:
        self.gazetteer = gazetteer
        self.region_of_interest = frozenset(code.upper() for code in region_of_interest)
        # the Arabic mention model adds the place names the gazetteer matcher misses (None: off)
        self.arabic_ner = arabic_ner
        load_cues()

    @property
    def version(self) -> str:
        """Rules version + index build + region of interest: a different value means other results."""
        roi = ",".join(sorted(self.region_of_interest))
        return f"{GEOPARSER_VERSION}+{self.gazetteer.meta.get('built_at', '?')}" + (f"+roi={roi}" if roi else "")

    @classmethod
    def load(cls, settings: Settings | None = None, progress: ProgressCallback | None = None) -> Geoparser:
        """Open the gazetteer index (building it first if missing or stale)."""
        settings = settings or get_settings()
        directory = ensure_gazetteer(settings, progress)
        return cls(Gazetteer(directory), settings.region_of_interest)

    def __reduce__(self) -> tuple[object, tuple[Path, tuple[str, ...], Path | None]]:
        return (_reopen, (self.gazetteer.directory, tuple(sorted(self.region_of_interest)), self.arabic_ner))

    # ------------------------------------------------------------------ API

    def geoparse(
        self,
        text: str,
        language: Language | str = Language.en,
        published: date | None = None,
        home: HomeArea | None = None,
    ) -> list[PlaceRef]:
        """Every toponym in ``text`` resolved, offsets into the original text, in text order.

        English and Arabic names are both recognised whatever ``language`` says (reports mix
        scripts); ``language`` and ``published`` are part of the stage contract and recorded by
        callers, the resolver itself needs neither. ``home``: the province the report's source
        usually covers (:func:`emberwatch.geo.home.learn_home`), a tie-breaker for names the text
        itself does not settle.
        """
        del language, published
        mentions = recognise(self.gazetteer, text)
        homes = self._home_units(home)
        resolutions = resolve(self.gazetteer, mentions, self.region_of_interest, homes)
        dropped = incoherent(self.gazetteer, mentions, resolutions, text)
        places = [
            self._place_ref(m, r)
            for i, (m, r) in enumerate(zip(mentions, resolutions, strict=True))
            if not m.demonym and i not in dropped
        ]
        arabic = _mostly_arabic(text)
        countries = frozenset(p.country_code for p in places if p.country_code) | self.region_of_interest
        if arabic and self.arabic_ner is not None:
            head_spans = cued_name_spans(text)
            far = {(m.start, m.end) for i, m in enumerate(mentions) if i in dropped}  # (before the list changes)
            places, mentions = _without_foreign_prefixes(places, mentions, head_spans)
            countries = frozenset(p.country_code for p in places if p.country_code) | self.region_of_interest
            provinces = frozenset(p.admin1 for p in places if p.admin1)
            bracketed = _bracketed_countries(text, places)
            provinced = _provinced_names(text, places)
            extra = self._model_places(
                text, mentions, countries, provinces, homes, bracketed, head_spans, far, provinced
            )
            extra += self._names_in_found_provinces(text, [*places, *extra], provinced)
            extra, places = self._local_readings(text, places, countries, extra, head_spans)
            extra += self._repeated_readings(text, [*places, *extra], extra)
        elif not arabic and countries & SKELETON_COUNTRIES:
            cued = cued_latin_spans(text)
            extra = self._romanised_places(text, mentions, places, countries, cued)
            extra, places = self._local_readings(text, places, countries, extra, cued)
        else:
            extra = []
        found = sorted([*places, *extra], key=lambda p: p.start) if extra else places
        if extra:  # one place per span, when two readings found the same name ("بلدة إيل الساحلية في إقليم نوغال")
            spans: set[tuple[int, int]] = set()
            unique = []
            for p in found:
                if (p.start, p.end) not in spans:
                    spans.add((p.start, p.end))
                    unique.append(p)
            found = unique
        return [p for p in found if not _arabic_common_word(text, p)]

    def resolve_spans(
        self,
        text: str,
        spans: list[tuple[int, int]],
        language: Language | str = Language.en,
        home: HomeArea | None = None,
    ) -> list[PlaceRef]:
        """Resolve given toponym spans (e.g. gold annotations): one PlaceRef per span, in order.

        Countries and demonyms recognised elsewhere in the text are used as context; ``home`` as in
        :meth:`geoparse`.
        """
        del language
        prepared = prepare(text)
        given = [mention_for_span(self.gazetteer, text, s, e, features=True, prepared=prepared) for s, e in spans]
        context = [m for m in recognise(self.gazetteer, text) if m.demonym]
        for m in context:
            m.next_mention = None  # its "A, B" link indexes recognise()'s list, not this one
        mentions = given + context
        for k in range(len(given) - 1):
            between = text[given[k].end : given[k + 1].start]
            if between.strip() in (",", "،") or between in (" in ", " في "):
                given[k].next_mention = k + 1
        link_parts_of_towns(text, given)
        unlink_lists(self.gazetteer, text, given)
        mark_lists(text, given)
        resolutions = resolve(self.gazetteer, mentions, self.region_of_interest, self._home_units(home))
        return [self._place_ref(m, r) for m, r in zip(given, resolutions[: len(given)], strict=True)]

    def event_place(
        self, text: str, places: list[PlaceRef], sentence: tuple[int, int], trigger: tuple[int, int]
    ) -> PlaceRef | None:
        """The place where the event at ``trigger`` happened (see :mod:`emberwatch.geo.event_place`)."""
        return _event_place(text, places, sentence, trigger)

    def lookup(self, name: str) -> list[PlaceRef]:
        """Gazetteer entries for an exact name, most populous first (for `emberwatch gazetteer lookup`)."""
        out = []
        for place in self.gazetteer.lookup(name):
            mention = Mention(0, len(name), name, name, [], False)
            precision = precision_for(self.gazetteer, mention, place.index)
            out.append(self._place_ref(mention, Resolution(place.index, precision)))
        return out

    # ------------------------------------------------------------------ helpers

    def _model_places(
        self,
        text: str,
        mentions: list[Mention],
        countries: frozenset[str],
        provinces: frozenset[str],
        homes: frozenset[int] = frozenset(),
        bracketed: dict[int, str] | None = None,
        head_spans: list[tuple[int, int]] | None = None,
        dropped: set[tuple[int, int]] | None = None,
        provinced: dict[int, tuple[str, str]] | None = None,
    ) -> list[PlaceRef]:
        """Places of the Arabic CRF (:mod:`emberwatch.text.arabic_ner`) that the gazetteer matcher
        missed and the gazetteer can resolve (clitics stripped: ``ولبنان``), resolved with the
        matcher's mentions as context. The matcher's own places are left as they are. Words after a
        head noun (``قرية الشحيل``, ``مخيم الهول``) are proposed too when the gazetteer has no Arabic
        name for them.

        A proposed place without an Arabic name in the gazetteer is looked up by its letter skeleton
        among the Latin names of places (:mod:`emberwatch.geo.skeleton`: ``الهول`` = Al Hawl), keeping
        only places in a country the document's other places are in (``countries``), and of those the
        ones in a province the document names (``provinces``) when there are any. A name the text puts
        in a province (``provinced``: "في غوبيو بولاية بورنو") is read only in that province."""
        from emberwatch.geo.gazetteer import DEMONYM, VARIANT, Posting
        from emberwatch.text.arabic_ner import load_model

        assert self.arabic_ner is not None
        model = load_model(self.gazetteer, path=self.arabic_ner)
        taken = [(m.start, m.end) for m in mentions]
        added = []
        settled: dict[str, str] = {}  # name -> the country the text put it in
        proposed = [(span.start, span.end, False) for span in model.find(text, ("place",))]
        locative = set(locative_name_spans(text))
        head_spans = cued_name_spans(text) if head_spans is None else head_spans
        # (a word the text calls a town is read as one after a head noun, not only in a province the text names)
        appositive = [span for span in appositive_name_spans(text) if span not in locative and span not in head_spans]
        cued_spans = [*head_spans, *appositive, *sorted(locative, key=lambda span: (span[0], -span[1]))]
        provinced = provinced or {}
        before_country = _country_named_spans(text, bracketed or {})
        before_province = _country_named_spans(text, {end: cc for end, (cc, _) in provinced.items()})
        cued_spans += [*before_country, *(span for span in before_province if span not in before_country)]
        only_provinced = set(before_province) - set(before_country) - set(head_spans) - set(appositive) - locative
        only_provinced -= {(s, e) for s, e, _ in proposed}
        # a name after a head noun that holds a shorter span of the model is tried first ("بلدة بندر بيلا" before
        # the model's "بندر", Bender in Moldova); the model's span stands when the whole name is unknown
        wider = [
            (s, e, True)
            for s, e in head_spans
            if any(s <= ps and pe <= e and e - s > pe - ps for ps, pe, _ in proposed)
        ]
        wider_spans = {(s, e) for s, e, _ in wider}
        for start, end, cued in [*wider, *proposed, *((s, e, True) for s, e in cued_spans)]:
            # (a word of such a name the resolver dropped as a far namesake, "بيلا" read as Biyala in Egypt, does
            # not stand in the whole name's way)
            # (nor does the name itself after a head noun, when the resolver dropped it as a far namesake: "مدينة
            # الباويطي" in a report on Egypt stays for the letter skeleton to read)
            far = dropped or set()
            blocking = [
                span
                for span in taken
                if span not in far or ((start, end) not in wider_spans and not (cued and span == (start, end)))
            ]
            if any(start < e and s < end for s, e in blocking):
                continue
            if not cued and any(s < start and e == end and text[s:start] in "وفبل" for s, e in head_spans):
                continue  # the model read "الام" off "مدينة والام": the name after the head noun is the whole word
            if is_landform(text[start:end]):
                continue  # "وادي" (a valley) of "منطقة وادي حوران" is no place (El Oued) on its own
            mention = mention_for_span(self.gazetteer, text, start, end)
            head_noun = cued and (start, end) not in locative
            written = fold_key(text[start:end])
            if head_noun and mention.key != written and written[:1] in "وفبلك":
                mention.postings = []  # after a head noun no و/ب/ل is read off the name: "مدينة والام" is no Ilam
            # a country the text puts right after the name ("بنو (باكستان) -"): the name's only country, in its
            # other mentions too ("في مدينة بنو")
            own = (bracketed or {}).get(end) or settled.get(fold_key(text[start:end]))
            if own:
                settled[fold_key(text[start:end])] = own
            named = frozenset({own}) if own else countries
            local = [p for p in mention.postings if self.gazetteer.country_code(p.place) in named]
            if cued and local and self._common_word(text[start:end]):
                continue  # a known name the matcher turned down as a common word: its decision stands
            if not local and not head_noun and accusative_of_common(text[start:end]):
                continue  # "دمروا بئراً" (destroyed a well): not Beira (but "ببلدة باما" is the town of Bama)
            if not local and ends_with_romance_particle(text[max(0, start - 40) : start].split()):
                continue  # "موسيمبوا دا برايا" (Mocímboa da Praia) is not Praia
            # (a cued name of a country the document names: "قرب داماساك، في بورنو", near Damasak, in Borno)
            names = [p for p in (mention.postings if not cued else local) if not p.flags & DEMONYM]
            # an everyday word is read by its letters as no Latin name ("غربي", west of, is not al-Gharbiyah),
            # nor is a name the gazetteer knows as a country, province or city ("الصين" is China, not Sayyan)
            # (after a head noun a name carries no conjunction or preposition: "مدينة والام" is Ouallam, not و +
            # "الام", and pains)
            everyday = self._common_word(text[start:end], clitics=not head_noun)
            if not local and named and not everyday and not self._well_known(mention):
                # after a mere locative ("قرب غدوة"), only a place in a province the document names
                strict = (start, end) in locative and not any(s <= start and end <= e for s, e, _ in proposed)
                found = self._skeleton_candidates(text[start:end], named, provinces, strict)
                in_province = provinced.get(end)
                if in_province is not None and in_province[0] in named:
                    # in the province the text gives it; only there when nothing else cues the name as a place
                    # ("بوداي في البقاع" after "منطقة" stays Boudai, which GeoNames puts in Baalbek-Hermel)
                    there = self._readings_in_province(text[start:end], *in_province, found)
                    found = there if there or (start, end) in only_provinced else found
                if not found and _SETTLEMENT_BEFORE.search(text, max(0, start - 16), start):
                    # a short name the text calls a town ("قرب بلدة وانا"): its one reading of exact vowels in the
                    # document's countries, as a name the text puts in a province is read there
                    short = [
                        e
                        for e in self._skeletons().lookup_short(text[start:end])
                        if self.gazetteer.country_code(e) in named
                    ]
                    found = short if len(short) == 1 else []
                if _UNIT_BEFORE.search(text, max(0, start - 16), start):
                    # a unit's head noun before the name ("في مقاطعة روبيريزي", in Rubirizi district): the unit
                    units = [e for e in found if self.gazetteer.place(e).kind in _UNIT_KINDS]
                    found = units or found
                names = [Posting(e, VARIANT) for e in found] or names
            if not names:
                continue  # unknown to the gazetteer, or a nationality ("العراقيين")
            taken.append((start, end))
            mention.postings = names
            added.append(mention)
        return self._resolve_added(text, mentions, added, homes)

    def _repeated_readings(self, text: str, found: list[PlaceRef], readings: list[PlaceRef]) -> list[PlaceRef]:
        """A town read by its letters or by the mention model once (the dateline's "غاروي (الصومال) -") is that town
        wherever the text writes the name again as a word of its own, clitics allowed ("في غاروي، العاصمة
        الإدارية لإقليم بونتلاند", "مستشفى غاروي العام"), where nothing cued it."""
        from emberwatch.text.arabic import tokens

        towns: dict[str, int] = {}  # folded name -> gazetteer entry
        for p in readings:
            if (
                p.geonames_id is None
                or int(p.precision) > int(LocationPrecision.near)
                or " " in p.text.strip()
                or self._common_word(p.text)  # ("بلدة الكرامة" is a town, "الكرامة" elsewhere dignity)
            ):
                continue
            entries = np.flatnonzero(self.gazetteer.geonameid == p.geonames_id)
            if len(entries):
                towns.setdefault(fold_key(p.text), int(entries[0]))
        if not towns:
            return []
        taken = [(p.start, p.end) for p in found]
        out: list[PlaceRef] = []
        for tok in tokens(text):
            start, end = tok.start, tok.end
            word = fold_key(text[start:end])
            name = next((n for n in (word, word[1:], word[2:]) if n in towns and word.endswith(n)), None)
            if name is None or (name != word and word[: len(word) - len(name)] not in _NAME_CLITICS):
                continue
            prefix = word[: len(word) - len(name)]
            if prefix and fold_key(text[start : start + len(prefix)]) != prefix:
                continue  # (a diacritic on the clitic: the offsets would not hold)
            start += len(prefix)
            if any(start < e and s < end for s, e in taken):
                continue
            mention = mention_for_span(self.gazetteer, text, start, end)
            precision = precision_for(self.gazetteer, mention, towns[name])
            out.append(self._place_ref(mention, Resolution(towns[name], precision)))
            taken.append((start, end))
        return out

    def _names_in_found_provinces(
        self, text: str, found: list[PlaceRef], provinced: dict[int, tuple[str, str]]
    ) -> list[PlaceRef]:
        """Names before a province that only the mention model or the letter skeleton found ("في بول علم في ولاية
        لوغار": Lowgar has no Arabic name in GeoNames, so :func:`_provinced_names` did not see it before
        :meth:`_model_places`), read by their letters in that province only, as the first pass reads names
        before a province the matcher found."""
        from emberwatch.geo.gazetteer import VARIANT, Posting

        later = {end: where for end, where in _provinced_names(text, found).items() if end not in provinced}
        out: list[PlaceRef] = []
        taken = [(p.start, p.end) for p in found]
        for start, end in _country_named_spans(text, {end: cc for end, (cc, _) in later.items()}):
            if any(start < e and s < end for s, e in taken) or self._common_word(text[start:end]):
                continue
            there = self._readings_in_province(text[start:end], *later[end])
            if not there:
                continue
            mention = mention_for_span(self.gazetteer, text, start, end)
            mention.postings = [Posting(there[0], VARIANT)]
            precision = precision_for(self.gazetteer, mention, there[0])
            out.append(self._place_ref(mention, Resolution(there[0], precision)))
            taken.append((start, end))
        return out

    def _readings_in_province(
        self, name: str, country: str, province: str, found: list[int] | None = None
    ) -> list[int]:
        """Letter-skeleton readings of an Arabic ``name`` in ``province``: of ``found`` (its readings in the
        document's countries) or of all its readings, else a short name with exact vowels there
        (:meth:`SkeletonIndex.lookup_short`)."""
        skeletons = self._skeletons()

        def inside(entries: list[int]) -> list[int]:
            return [
                e for e in entries
                if self.gazetteer.country_code(e) == country and self.gazetteer.place(e).admin1 == province
            ]  # fmt: skip

        return inside(skeletons.lookup(name) if found is None else found) or inside(skeletons.lookup_short(name))

    def _romanised_places(
        self,
        text: str,
        mentions: list[Mention],
        places: list[PlaceRef],
        countries: frozenset[str],
        cued: list[tuple[int, int]] | None = None,
    ) -> list[PlaceRef]:
        """Settlements a Latin-script text introduces by a head noun ("the village of Al-Kubar", "the
        town of Jindires") that the matcher did not find, looked up as other romanisations of a
        gazetteer name (:meth:`SkeletonIndex.lookup_latin`: "Jindires" = Jindayris, "Tel Kayf" =
        Tallkayf) in the Arab world and its neighbours (:data:`SKELETON_COUNTRIES`), next to the
        places the text names (:meth:`_near_the_paragraph`). A name the gazetteer knows as written is
        left to the matcher's decision. A name found so is found again where the text repeats it
        without the head noun. Of several readings the one with the closest vowels is taken."""
        from emberwatch.geo.gazetteer import VARIANT, Posting

        located = [
            p for p in places if p.lat is not None and p.lon is not None and p.precision <= LocationPrecision.admin1
        ]
        taken = [(m.start, m.end) for m in mentions]
        added = []
        readings: dict[str, int] = {}  # name as written -> gazetteer entry
        prepared = None
        for start, end in cued_latin_spans(text) if cued is None else cued:
            if any(start < e and s < end for s, e in taken):
                continue
            found = self._near_the_paragraph(text, start, end, located, countries)
            if not found:
                continue
            prepared = prepared or prepare(text)
            mention = mention_for_span(self.gazetteer, text, start, end, prepared=prepared)
            if mention.postings:
                continue  # a known name the matcher turned down (a common word, a person): its decision stands
            taken.append((start, end))
            # the closest spelling, of the unit a cue names ("Deir Ezzor Governorate") if there is one
            units = [e for e in found if int(self.gazetteer.kind[e]) == mention.admin_hint]
            readings[text[start:end]] = (units or found)[0]
            added.append(mention)
        for name in readings:  # "Jindires" again, without its head noun (not in "Deir Ezzor Military Council")
            for again in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-]){NOT_IN_A_LONGER_NAME}", text):
                start, end = again.span()
                if not any(start < e and s < end for s, e in taken):
                    taken.append((start, end))
                    added.append(mention_for_span(self.gazetteer, text, start, end, prepared=prepared))
        # each reading is already narrowed to the paragraph's surroundings: no second resolution pass
        out = []
        for mention in added:
            entry = readings[mention.text]
            mention.postings = [Posting(entry, VARIANT)]
            out.append(self._place_ref(mention, Resolution(entry, precision_for(self.gazetteer, mention, entry))))
        return out

    def _local_readings(
        self,
        text: str,
        places: list[PlaceRef],
        countries: frozenset[str],
        extra: list[PlaceRef],
        cued: list[tuple[int, int]] | None = None,
    ) -> tuple[list[PlaceRef], list[PlaceRef]]:
        """A settlement the text introduces by a head noun ("the town of Mansoura", "بلدة بوسو") that
        the matcher resolved to a namesake far abroad (Mansoura in Egypt, in a paragraph on Raqqa;
        Bousso in southern Chad, under a Diffa dateline) is read as another romanisation of a place
        next to the paragraph's other places (Al Mansurah near Tabqa; Bosso in Niger, by its Arabic
        letters), when there is one: the namesake is in none of the paragraph's countries (the document's, when the
        paragraph names no other place), more than
        :data:`ABROAD_KM` from all its towns, and no national capital ("talks in the city of Cairo"
        stay in Cairo). Every mention of the name resolved to that namesake moves with it.
        Returns (extra, places) with the readings applied."""
        from emberwatch.geo.gazetteer import distance_km

        admin1 = LocationPrecision.admin1
        located = sorted(
            (p for p in [*places, *extra] if p.lat is not None and p.lon is not None and p.precision <= admin1),
            key=lambda p: p.start,
        )
        starts = [p.start for p in located]
        by_span = {(p.start, p.end): p for p in places}
        moved: dict[tuple[str, int | None], PlaceRef] = {}  # (name as written, namesake id) -> local reading
        for start, end in cued_latin_spans(text) if cued is None else cued:
            current = by_span.get((start, end))
            if current is None or current.lat is None or current.lon is None or current.country_code in (None, ""):
                continue
            if (current.text, current.geonames_id) in moved:
                continue
            first, last = text.rfind("\n", 0, start) + 1, text.find("\n", end)
            lo, hi = bisect_left(starts, first), (bisect_left(starts, last) if last >= 0 else len(located))
            # (a paragraph that names no other place is read with the document's: "the neighbouring town of Masiu"
            # in a report on Lanao del Sur is no Maceió)
            others = [p for p in located[lo:hi] if p.text != current.text] or [
                p for p in located if p.text != current.text
            ]
            if not others or current.country_code in {p.country_code for p in others}:
                continue
            towns = [p for p in others if p.precision <= LocationPrecision.admin2]
            if any(distance_km(current.lat, current.lon, t.lat, t.lon) <= ABROAD_KM for t in towns):  # type: ignore[arg-type]
                continue
            if self._capital(current.geonames_id):
                continue
            found = self._near_the_paragraph(text, start, end, others, countries - {current.country_code})
            if found:
                mention = mention_for_span(self.gazetteer, text, start, end)
                precision = precision_for(self.gazetteer, mention, found[0])
                moved[(current.text, current.geonames_id)] = self._place_ref(mention, Resolution(found[0], precision))
        if not moved:
            return extra, places
        out = []
        for p in places:
            local = moved.get((p.text, p.geonames_id))
            out.append(p if local is None else local.model_copy(update={"start": p.start, "end": p.end}))
        return extra, out

    def _capital(self, geonames_id: int | None) -> bool:
        if geonames_id is None:
            return False
        entries = np.flatnonzero(np.asarray(self.gazetteer.geonameid) == geonames_id)
        return any(FEATURE_CODES[int(self.gazetteer.feature[e])] == "PPLC" for e in entries)

    def _near_the_paragraph(
        self, text: str, start: int, end: int, located: list[PlaceRef], countries: frozenset[str]
    ) -> list[int]:
        """Other romanisations of ``text[start:end]`` that lie next to the places its paragraph
        names: within :data:`ROMANISED_KM` of one of its towns in the same country (a border is no
        place for a guess), or in a province the paragraph names or one of its towns is in; in a
        paragraph that names no place, in a province of the document's places. Romanisations
        collide far more often than names do ("Karama" is a Mosul neighbourhood and a village in
        Raqqa province)."""
        from emberwatch.geo.gazetteer import distance_km

        first, last = text.rfind("\n", 0, start) + 1, text.find("\n", end)
        local = [p for p in located if first <= p.start and (last < 0 or p.start < last)]
        towns = [p for p in local if p.precision <= LocationPrecision.admin2]
        provinces = {(p.country_code, p.admin1) for p in local or located}
        found = []
        name = text[start:end]
        for entry in self._skeletons().lookup(name) if is_arabic(name) else self._skeletons().lookup_latin(name):
            place = self.gazetteer.place(entry)
            province = place.name if place.kind == PlaceKind.admin1 else place.admin1
            if place.country_code in countries and (
                (place.country_code, province) in provinces
                or any(
                    town.country_code == place.country_code
                    and distance_km(place.lat, place.lon, town.lat, town.lon) <= ROMANISED_KM  # type: ignore[arg-type]
                    for town in towns
                )
            ):
                found.append(entry)
        return found

    def _resolve_added(
        self, text: str, mentions: list[Mention], added: list[Mention], homes: frozenset[int] = frozenset()
    ) -> list[PlaceRef]:
        """Resolve ``added`` mentions with the matcher's ``mentions`` as context (those keep their
        own resolution): the added ones that resolve and cohere, as PlaceRefs."""
        if not added:
            return []
        combined = sorted([*mentions, *added], key=lambda m: m.start)
        resolutions = resolve(self.gazetteer, combined, self.region_of_interest, homes)
        dropped = incoherent(self.gazetteer, combined, resolutions, text)
        new = {id(m) for m in added}
        return [
            self._place_ref(m, r)
            for i, (m, r) in enumerate(zip(combined, resolutions, strict=True))
            if id(m) in new and i not in dropped
        ]

    def _home_units(self, home: HomeArea | None) -> frozenset[int]:
        if home is None:
            return frozenset()
        unit = self.gazetteer.admin1_index(home.country_code, home.admin1)
        return frozenset() if unit is None else frozenset((unit,))

    def _well_known(self, mention: Mention) -> bool:
        """Some candidate is a country, province or world region, or a city of 100,000 or more."""
        large = (PlaceKind.country, PlaceKind.continent, PlaceKind.region, PlaceKind.admin1)
        return any(
            int(self.gazetteer.kind[p.place]) in large or int(self.gazetteer.population[p.place]) >= WELL_KNOWN_CITY
            for p in mention.postings
        )

    def _common_word(self, word: str, clitics: bool = True) -> bool:
        """An everyday Arabic word (any clitic reading; without ``clitics``, only as written or after the
        article)."""
        from emberwatch.text.arabic_common import COMMON_WORDS, is_common_word

        if " " in word.strip():
            return False
        if not clitics:
            return any(not split.prefix and split.stem in COMMON_WORDS for split in clitic_variants(word))
        return is_common_word(word) or self.gazetteer.is_common_arabic(fold_key(word))

    def _skeleton_candidates(
        self, name: str, countries: frozenset[str], provinces: frozenset[str], strict: bool = False
    ) -> list[int]:
        entries = [e for e in self._skeletons().lookup(name) if self.gazetteer.country_code(e) in countries]
        same_province = [e for e in entries if self.gazetteer.place(e).admin1 in provinces]
        return same_province if strict else same_province or entries

    def _skeletons(self) -> SkeletonIndex:
        """Skeleton index of this gazetteer's Latin names (built on first use, about a second)."""
        return _skeleton_index(self.gazetteer)

    def _place_ref(self, mention: Mention, resolution: Resolution) -> PlaceRef:
        ref = PlaceRef(text=mention.text, start=mention.start, end=mention.end, precision=resolution.precision)
        if resolution.place is None:
            return ref
        place = self.gazetteer.place(resolution.place)
        return ref.model_copy(
            update={
                "name": place.name,
                "country_code": place.country_code or None,
                "admin1": place.name if place.kind == PlaceKind.admin1 else place.admin1,
                "admin2": place.name if place.kind == PlaceKind.admin2 else place.admin2,
                "lat": round(place.lat, 5),
                "lon": round(place.lon, 5),
                "geonames_id": place.geonameid if place.geonameid > 0 else None,
            }
        )


# clitics written on a town's name ("وغاروي", "بغاروي", "لغاروي", "فغاروي", "وبغاروي")
_NAME_CLITICS = frozenset({"و", "ب", "ل", "ف", "وب", "ول", "فب"})

WELL_KNOWN_CITY = 100_000  # a city this large keeps its own Arabic name over a letter-skeleton reading


def _arabic_common_word(text: str, place: PlaceRef) -> bool:
    """A one-word Arabic place name that is an everyday word (:mod:`emberwatch.text.arabic_common`:
    "العاصمة" the capital, "البلاد" the country, "جزيرة" island, "بورصة" stock exchange, "بشار" a given
    name) and that no head noun introduces ("بلدة الكرامة" is the town of al-Karama): no place of its own,
    whatever the rules that accepted it."""
    from emberwatch.text.arabic import tokens
    from emberwatch.text.arabic_common import is_common_word

    if not is_arabic(place.text) or len(tokens(place.text)) != 1 or not is_common_word(place.text):
        return False
    before = tokens(text[max(0, place.start - 30) : place.start])
    return not (before and is_head_noun(before[-1].norm))


def _without_foreign_prefixes(
    places: list[PlaceRef], mentions: list[Mention], head_spans: list[tuple[int, int]]
) -> tuple[list[PlaceRef], list[Mention]]:
    """Drop a town read off one word of a longer name after a head noun, in a country no other place of the
    document is in: "بلدة بندر بيلا" (the town of Bandarbeyla) in a report on Somalia is not Biyala in Egypt;
    the whole name is then looked up as the model's places are."""
    drop = set()
    for p in places:
        if p.precision > LocationPrecision.near or not p.country_code:
            continue
        if not any(s <= p.start and p.end <= e and e - s > p.end - p.start for s, e in head_spans):
            continue
        others = {q.country_code for q in places if q is not p and q.country_code}
        if others and p.country_code not in others:
            drop.add((p.start, p.end))
    if not drop:
        return places, mentions
    return (
        [p for p in places if (p.start, p.end) not in drop],
        [m for m in mentions if (m.start, m.end) not in drop],
    )


def _bracketed_countries(text: str, places: list[PlaceRef]) -> dict[int, str]:
    """{end offset of a name: country code} for names followed by their country in brackets, after a comma
    or after a direction ("بنو (باكستان) -", "بولي خمري، أفغانستان", "في باني بانغو غربي النيجر"): the text
    says which country the name is in."""
    out: dict[int, str] = {}
    for p in places:
        if p.precision != LocationPrecision.country or not p.country_code:
            continue
        window = max(0, p.start - COUNTRY_GAP)
        gap = _BEFORE_COUNTRY.search(text, window, p.start)
        if gap is not None and gap.start() > 0:
            out[gap.start()] = p.country_code
    return out


def _provinced_names(text: str, places: list[PlaceRef]) -> dict[int, tuple[str, str]]:
    """{end offset of a name: (country code, province)} for names the text puts in a province or district
    right after them ("في غوبيو بولاية بورنو", "قرب ماينوك في ولاية بورنو", "أسكيرا، ولاية بورنو",
    "كوهات التابعة لإقليم خيبر بختونخوا"): a name the gazetteer may know only in Latin letters, read by its
    letters in that province only."""
    out: dict[int, tuple[str, str]] = {}
    for p in places:
        if p.precision not in (LocationPrecision.admin1, LocationPrecision.admin2) or not (p.country_code and p.admin1):
            continue
        gap = _BEFORE_PROVINCE.search(text, max(0, p.start - PROVINCE_GAP), p.start)
        if gap is not None and gap.start() > 0 and not text[gap.start() - 1].isspace():
            out.setdefault(gap.start(), (p.country_code, p.admin1))
    return out


PROVINCE_GAP = 24  # characters between a name and the province after it ("بولاية", "، في محافظة")
_UNIT = r"(?:ولاية|محافظة|إقليم|اقليم|منطقة|مقاطعة|مديرية|قضاء)"
# "خار، مركز منطقة باجور" (Khar, the centre of Bajaur district), "عاصمة ولاية بورنو" (the capital of Borno state),
# "كبرى بلدات منطقة باجور" (the largest town of Bajaur district), "إحدى قرى ولاية بورنو" (a village of Borno state)
_HUB = r"(?:(?:مركز|عاصمة|(?:كبرى|إحدى|أكبر)\s+(?:مدن|بلدات|قرى|مناطق))\s+)"
_BEFORE_PROVINCE = re.compile(
    rf"(?:\s*[(،,]\s*(?:(?:في\s+|ب)?(?:ال)?{_HUB}?{_UNIT}\s+)?"
    # (over an adjective of the town's: "بلدة إيل الساحلية في إقليم نوغال", the coastal town of Eyl in Nugaal)
    rf"|(?:\s+ال[^\s،,()]+ي[ةه])?\s+(?:في\s+|ب)(?:{_UNIT}\s+)?"
    rf"|\s+(?:ال)?(?:تابعة|واقعة)\s+(?:ل|في\s+)(?:ال)?(?:{_UNIT}\s+)?)$"
)
_UNIT_BEFORE = re.compile(rf"(?<![\u0621-\u064a])[وفب]?(?:ال)?{_UNIT}\s+$")
_UNIT_KINDS = frozenset({PlaceKind.admin1, PlaceKind.admin2})
# a settlement's head noun right before a name ("بلدة وانا", "في مدينة بيو")
_SETTLEMENT_BEFORE = re.compile(r"(?<![\u0621-\u064a])[وفب]?(?:ال)?(?:مدينة|بلدة|قرية)\s+$")
COUNTRY_GAP = 24  # characters between a name and the country after it ("بنو (باكستان)", "غربي النيجر")
_DIRECTION = r"(?:ب|في\s+)?(?:ال)?(?:شمال|جنوب|شرق|غرب|وسط)(?:ي|ها)?"
_BEFORE_COUNTRY = re.compile(rf"(?:\s*[(،,]\s*|\s+{_DIRECTION}(?:\s+(?:ال)?(?:شرق|غرب)(?:ي)?)?\s+)$")
_NAME_STOPS = frozenset(fold_key(w) for w in ("في", "من", "إلى", "على", "قرب", "عند", "بين", "مع", "عن"))


def _country_named_spans(text: str, bracketed: dict[int, str]) -> list[tuple[int, int]]:
    """Spans of the one to three words right before a country the text gives them ("غاروي (الصومال) -",
    "في باني بانغو غربي النيجر"), stopping at punctuation, a preposition, a head noun or a word with the
    article (after leading everyday words, the rest too): a name the gazetteer may know only in Latin
    letters, read by its letters in that country."""
    from emberwatch.geo.skeleton import is_head_noun
    from emberwatch.text.arabic import tokens
    from emberwatch.text.arabic_common import is_common_word

    toks = tokens(text)
    spans = []
    for end in bracketed:
        run = [t for t in toks if t.end <= end][-NAME_WORDS:]
        if not run or run[-1].end != end:
            continue
        first = len(run)
        for k in range(len(run) - 1, -1, -1):
            tok = run[k]
            stop = (
                fold_key(tok.text) in _NAME_STOPS
                or is_head_noun(tok.norm)
                or tok.norm.startswith("ال")
                or (k < len(run) - 1 and text[tok.end : run[k + 1].start].strip())
            )
            if stop:
                break
            first = k
        if first < len(run):
            spans.append((run[first].start, end))
        # after everyday words, the name alone ("سوق كوهات", a market in Kohat); not a word of a longer name
        # ("غلطة سراي (تركيا)", Galatasaray, is no Sarai)
        k = first
        while k < len(run) - 1 and is_common_word(run[k].norm):
            k += 1
            spans.append((run[k].start, end))
    return spans


NAME_WORDS = 3  # words of a name read before its country


def _mostly_arabic(text: str) -> bool:
    """At least a third of the letters are Arabic: an English article quoting a few Arabic names
    does not go through the Arabic mention model."""
    return is_arabic(text) and arabic_ratio(text) >= 1 / 3


_SKELETONS: dict[tuple[Path, str], SkeletonIndex] = {}


def _skeleton_index(gazetteer: Gazetteer) -> SkeletonIndex:
    """One skeleton index per gazetteer build in this process."""
    key = (gazetteer.directory, str(gazetteer.meta.get("built_at", "")))
    with _BUILD_LOCK:
        if key not in _SKELETONS:
            _SKELETONS[key] = SkeletonIndex.from_gazetteer(gazetteer)
        return _SKELETONS[key]


def _reopen(directory: Path, region_of_interest: tuple[str, ...], arabic_ner: Path | None) -> Geoparser:
    return Geoparser(Gazetteer(directory), region_of_interest, arabic_ner)
