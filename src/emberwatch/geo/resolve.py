"""Toponym resolution: pick one gazetteer entry per mention.

Each candidate gets a score from its own weight (population, how the name was obtained, feature
kind) and from the document: countries named or implied (country names, demonyms, the likely
countries of the other toponyms), the admin hierarchy written next to it ("Mayadin, Deir ez-Zor"),
other places in the same province, nearby places, the "X province" cue, and the user's region of
interest. Two passes: the second uses the first pass's choices as context. Repeats of a name are
not evidence for that name; a town and its county named in one story pick each other ("Paris" and
"Henry County"); a list of provinces stays provinces; a capital gains when its country is named; a
small town never takes the name of a country or world region unless the text places it (or, in a
story mostly in its country, a neighbouring town does), nor that of a national capital or populous
province unless the story supports it ("Wales", "Brussels"); a town known by a name only as a former
or foreign name gives way to the places that carry it as their own.

:func:`incoherent` then drops stray namesakes: towns in a country the rest of the document does not
support, judged more strictly far from the country a document is anchored in, and neighbourhoods
read as places far from that country ("the Jizah neighbourhood" of Sirte).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from emberwatch.geo.folding import fold_key
from emberwatch.geo.gazetteer import (
    ABBREVIATION,
    ALTERNATE,
    ARABIC,
    FEATURE_CODES,
    PRIMARY,
    VARIANT,
    Gazetteer,
    PlaceKind,
    Posting,
    distance_km,
)
from emberwatch.geo.recognise import Mention, load_cues
from emberwatch.models import LocationPrecision

W_POPULATION = 0.55
W_PRIMARY = 2.0
W_ALTERNATE = 0.3
W_COUNTRY_CONTEXT = 3.0
W_ROI = 3.0
W_HIERARCHY = 5.0
W_SAME_ADMIN1 = 1.0
W_NEARBY = 1.5
W_ADMIN_HINT = 4.0
W_COUNTRY_VOTE = 0.5
W_CAPITAL = 1.0
W_METROPOLIS = 0.5
W_ADMIN_VOTE = 0.8
W_DISTRICT_PAIR = 1.5
W_SIBLING = 1.0
W_HOME = 1.5  # a candidate in the province the report's source usually covers (geo.home)
NEIGHBOUR_KM = 50.0  # a town this close to another place of the story is placed by it...
NEIGHBOUR_SHARE = 0.5  # ...when at least this share of the story's places lie in its country
W_CAPITAL_OF_NAMED = 2.0
# a candidate of the kind its list peers were all given: a country among countries ("Egypt and
# Niger"), a province among provinces of one country ("Washington, Pennsylvania and California")
W_LIST_PEER = 3.0
# a town-level candidate in a country the text names, after a locative word or as a part ("in northern
# Lebanon ... clashes in Tripoli"), within this many characters of the name
W_NEARBY_COUNTRY = 3.0
NEARBY_CHARS = 150
KIND_BONUS = {
    PlaceKind.country: 2.5,
    PlaceKind.admin1: 0.8,
    PlaceKind.admin2: -0.6,
    PlaceKind.city: 0.0,
    PlaceKind.region: 2.0,
    PlaceKind.continent: 1.0,
}


@dataclass(frozen=True, slots=True)
class Resolution:
    """The entry chosen for a mention and the precision code it gets."""

    place: int | None
    precision: LocationPrecision
    score: float = 0.0
    # a capital or populous province taken over a small namesake the context preferred ("Wales")
    well_known: bool = False


@dataclass
class _Votes:
    """Soft evidence from every candidate of every mention: each name spreads one vote over its
    candidates' countries and provinces in proportion to their prior (population, name kind), so
    "California" votes for the state, not for the Missouri village of that name."""

    countries: Counter[str]
    admin1: Counter[int]
    by_key: dict[str, tuple[dict[str, float], dict[int, float]]]

    @classmethod
    def collect(cls, gazetteer: Gazetteer, mentions: list[Mention]) -> _Votes:
        countries: Counter[str] = Counter()
        admin1: Counter[int] = Counter()
        by_key: dict[str, tuple[dict[str, float], dict[int, float]]] = {}
        for mention in mentions:
            if mention.key in by_key or not mention.postings:
                continue
            prior = _prior(gazetteer, mention)
            c_votes: dict[str, float] = {}
            a_votes: dict[int, float] = {}
            for place, weight in prior.items():
                code, unit = gazetteer.country_code(place), _unit(gazetteer, place)
                if code:
                    c_votes[code] = c_votes.get(code, 0.0) + weight
                if unit >= 0:
                    a_votes[unit] = a_votes.get(unit, 0.0) + weight
            by_key[mention.key] = (c_votes, a_votes)
            countries.update(c_votes)
            admin1.update(a_votes)
        return cls(countries, admin1, by_key)

    def country(self, mention: Mention, code: str) -> float:
        own = self.by_key.get(mention.key, ({}, {}))[0].get(code, 0.0)
        return self.countries[code] - own

    def unit(self, mention: Mention, unit: int) -> float:
        own = self.by_key.get(mention.key, ({}, {}))[1].get(unit, 0.0)
        return self.admin1[unit] - own


def _prior(gazetteer: Gazetteer, mention: Mention) -> dict[int, float]:
    """Softmax of the candidates' own scores (context-free probability of each place)."""
    scores: dict[int, float] = {}
    for posting in mention.postings:
        score = _own_score(gazetteer, mention, posting.place, posting.flags)
        scores[posting.place] = max(score, scores.get(posting.place, -math.inf))
    top = max(scores.values())
    weights = {place: math.exp(score - top) for place, score in scores.items()}
    total = sum(weights.values())
    return {place: w / total for place, w in weights.items()}


def _unit(gazetteer: Gazetteer, place: int) -> int:
    """The admin1 unit of a place (itself for an admin1)."""
    return place if int(gazetteer.kind[place]) == PlaceKind.admin1 else int(gazetteer.admin1[place])


@dataclass
class _Context:
    """What the other mentions say about the document. Every mention of the same name is left out of
    a mention's context: "Alexandria" repeated eight times is one piece of evidence, not eight."""

    countries: dict[str, float]
    admin1: Counter[int]
    points: list[tuple[int, float, float]]  # (mention index, lat, lon) of resolved cities
    roi: frozenset[str]
    own: dict[int, tuple[str, float, int]]  # mention index -> (country, weight, admin1) it contributed
    keys: list[str] = field(default_factory=list)  # the name (key) of every mention
    provinces: list[tuple[str, str]] = field(default_factory=list)  # (name, country) of mentions chosen as admin1
    named: frozenset[str] = frozenset()  # countries the document names (or names the people of)
    votes: _Votes | None = None
    containers: _Containers | None = None
    # (name, province, lat, lon) of the provinces and sizeable cities chosen in the previous pass
    strong: list[tuple[str, int, float, float]] = field(default_factory=list)
    well_known: set[int] = field(default_factory=set)  # mentions given a capital or big province over a town
    home: frozenset[int] = frozenset()  # provinces the report's source usually covers (see geo.home)
    nearby: dict[int, frozenset[str]] = field(default_factory=dict)  # mention -> countries named close to it
    peers: dict[int, list[int]] = field(default_factory=dict)  # mention -> the other names of its list
    chosen: dict[int, int] = field(default_factory=dict)  # mention -> place chosen in the previous pass
    _by_key: dict[str, tuple[dict[str, float], Counter[int]]] | None = field(default=None, repr=False)
    _arrays: tuple[np.ndarray, ...] | None = field(default=None, repr=False)

    def _same_name(self, index: int) -> tuple[dict[str, float], Counter[int]]:
        """Country weights and admin1 counts contributed by the mentions named like ``index``."""
        if self._by_key is None:
            self._by_key = {}
            for i, (code, weight, unit) in self.own.items():
                countries, units = self._by_key.setdefault(self._key(i), ({}, Counter()))
                countries[code] = countries.get(code, 0.0) + weight
                if unit >= 0:
                    units[unit] += 1
        return self._by_key.get(self._key(index), ({}, Counter()))

    def _key(self, index: int) -> str:
        return self.keys[index] if index < len(self.keys) else str(index)

    def country_share(self, index: int, code: str) -> float:
        """Share of the document's country evidence that points to ``code``, this name excluded."""
        own = self._same_name(index)[0]
        total = sum(self.countries.values()) - sum(own.values())
        count = self.countries.get(code, 0.0) - own.get(code, 0.0)
        return count / total if total > 1e-9 else 0.0

    def sibling_provinces(self, index: int, code: str) -> int:
        """How many other names were chosen as provinces of country ``code`` (a list of states)."""
        return len({name for name, country in self.provinces if country == code and name != self._key(index)})

    def supports(self, gazetteer: Gazetteer, index: int, place: int) -> bool:
        """Whether a province, a county written as such ("Waukesha County") or a town of
        :data:`SUPPORT_POPULATION` or more chosen for another name vouches for ``place``: it lies in
        the same province, or within :data:`SUPPORT_KM`. Two small namesakes near each other vouch
        for nothing ("Wales" and "Brussels" as Wisconsin villages in a story on NATO)."""
        unit, key = _unit(gazetteer, place), self._key(index)
        lat, lon = float(gazetteer.lat[place]), float(gazetteer.lon[place])
        for name, province, s_lat, s_lon in self.strong:
            if name == key:
                continue
            if province == unit or (math.isfinite(s_lat) and distance_km(lat, lon, s_lat, s_lon) <= SUPPORT_KM):
                return True
        return False

    def neighbour(self, gazetteer: Gazetteer, index: int, place: int) -> bool:
        """Whether a town chosen for another name lies within :data:`NEIGHBOUR_KM` of ``place``, in
        a story whose places mostly lie in the town's country ("Jordan" beside Shakopee is the
        Minnesota town; "Lebanon" in a list of countries is not an American town near another
        namesake)."""
        if not self.points or self.country_share(index, gazetteer.country_code(place)) < NEIGHBOUR_SHARE:
            return False
        return self.nearest_km(index, float(gazetteer.lat[place]), float(gazetteer.lon[place])) <= NEIGHBOUR_KM

    def admin1_count(self, index: int, admin1: int) -> int:
        return self.admin1[admin1] - self._same_name(index)[1][admin1]

    def nearest_km(self, index: int, lat: float, lon: float) -> float:
        """Distance to the nearest place chosen for a mention of another name (vectorised haversine)."""
        if self._arrays is None:
            names = np.asarray([self._key(i) for i, _, _ in self.points], dtype=object)
            lats = np.asarray([lat for _, lat, _ in self.points], dtype=float)
            lons = np.asarray([lon for _, _, lon in self.points], dtype=float)
            self._arrays = (names, lats, lons)
        names, lats, lons = self._arrays
        keep = names != self._key(index)
        if not keep.any():
            return math.inf
        p1, p2 = np.radians(lat), np.radians(lats[keep])
        dp, dl = p2 - p1, np.radians(lons[keep] - lon)
        a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
        return float((2 * 6371.0 * np.arcsin(np.sqrt(np.minimum(1.0, a)))).min())


def _own_score(gazetteer: Gazetteer, mention: Mention, place: int, flags: int) -> float:
    population = int(gazetteer.population[place])
    kind = PlaceKind(int(gazetteer.kind[place]))
    score = W_POPULATION * math.log10(population + 10) + KIND_BONUS[kind]
    if kind == PlaceKind.city:
        # world cities and capitals keep their name against small namesakes (Moscow, Idaho)
        if FEATURE_CODES[int(gazetteer.feature[place])] == "PPLC":
            score += W_CAPITAL
        if population >= 1_000_000:
            score += W_METROPOLIS
    if flags & (PRIMARY | ABBREVIATION):
        score += W_PRIMARY
    elif flags & (ALTERNATE | ARABIC):
        score += W_ALTERNATE
    if mention.admin_hint is not None:
        if kind == mention.admin_hint:
            score += W_ADMIN_HINT
        elif kind in (PlaceKind.admin1, PlaceKind.admin2) and not (mention.quarter and kind == PlaceKind.admin1):
            score += W_ADMIN_HINT / 2  # (a neighbourhood is no province)
        elif kind == PlaceKind.country:  # "the Palestine district of Mosul" is not the country
            score -= W_ADMIN_HINT
    return score


def _context_score(gazetteer: Gazetteer, mentions: list[Mention], index: int, place: int, ctx: _Context) -> float:
    code = gazetteer.country_code(place)
    score = W_COUNTRY_CONTEXT * ctx.country_share(index, code)
    if code in ctx.roi:
        score += W_ROI
    kind = int(gazetteer.kind[place])
    admin1 = _unit(gazetteer, place)
    if admin1 in ctx.home:
        score += W_HOME
    if admin1 >= 0:
        score += W_SAME_ADMIN1 * min(3, ctx.admin1_count(index, admin1))
    if kind == PlaceKind.admin1:  # "Idaho, Illinois, Indiana": states, not the towns named after them
        score += W_SIBLING * min(3, ctx.sibling_provinces(index, code))
    elif code in ctx.named and _capital(gazetteer, place):  # "Russia ... Moscow": its capital
        score += W_CAPITAL_OF_NAMED
    if kind != PlaceKind.country and code in ctx.nearby.get(index, ()):
        score += W_NEARBY_COUNTRY
    peer_kind = kind in (PlaceKind.country, PlaceKind.admin1)
    if index in ctx.peers and peer_kind and _like_its_peers(gazetteer, index, place, ctx):
        score += W_LIST_PEER
    if ctx.votes is not None:
        mention = mentions[index]
        score += W_COUNTRY_VOTE * min(3.0, ctx.votes.country(mention, code))
        if admin1 >= 0:
            score += W_ADMIN_VOTE * min(3.0, ctx.votes.unit(mention, admin1))
    if kind in (PlaceKind.city, PlaceKind.admin2) and ctx.points:
        lat, lon = float(gazetteer.lat[place]), float(gazetteer.lon[place])
        near = ctx.nearest_km(index, lat, lon)
        if near < 50:
            score += W_NEARBY * 1.5
        elif near < 250:
            score += W_NEARBY
    return score


def _like_its_peers(gazetteer: Gazetteer, index: int, place: int, ctx: _Context) -> bool:
    """Whether every list peer of mention ``index`` was given a place of ``place``'s kind (a
    country, or a province of ``place``'s country) in the previous pass."""
    kind, code = int(gazetteer.kind[place]), gazetteer.country_code(place)
    readings = [ctx.chosen[j] for j in ctx.peers[index] if j in ctx.chosen]
    if not readings:
        return False
    if kind == PlaceKind.country:
        return all(int(gazetteer.kind[p]) == PlaceKind.country for p in readings)
    return all(int(gazetteer.kind[p]) == PlaceKind.admin1 and gazetteer.country_code(p) == code for p in readings)


def _list_peers(mentions: list[Mention]) -> dict[int, list[int]]:
    """Mention index -> indexes of the differently named mentions of the same list."""
    groups: dict[int, list[int]] = {}
    for i, mention in enumerate(mentions):
        if mention.list_group is not None:
            groups.setdefault(mention.list_group, []).append(i)
    out: dict[int, list[int]] = {}
    for members in groups.values():
        for i in members:
            others = [j for j in members if mentions[j].key != mentions[i].key]
            if others:
                out[i] = others
    return out


def _hierarchy_score(gazetteer: Gazetteer, mentions: list[Mention], index: int, place: int) -> float:
    """Bonus when the next mention ("A, B") or the previous one ("B: A") contains this place."""
    linked = mentions[index].next_mention
    if linked is None:
        return 0.0
    containers = set(mentions[linked].places)
    admin1, admin2 = int(gazetteer.admin1[place]), int(gazetteer.admin2[place])
    if admin1 in containers or admin2 in containers:
        return W_HIERARCHY
    code = gazetteer.country_code(place)
    for other in containers:
        if int(gazetteer.kind[other]) == PlaceKind.country and gazetteer.country_code(other) == code:
            return W_HIERARCHY * 0.8
    return 0.0


@dataclass(frozen=True)
class _Containers:
    """For B in "A, B": the provinces/districts and countries that A's candidates lie in. And for
    the whole document: which districts some name's candidates lie in, and which places are
    candidates of some name, so that "Paris" and "Henry County" in one story pick the Paris that
    lies in a Henry County (Tennessee)."""

    units: dict[int, set[int]]
    countries: dict[int, set[str]]
    candidates: Counter[int] = field(default_factory=Counter)  # place -> names it is a candidate of
    districts: Counter[int] = field(default_factory=Counter)  # district -> names with a candidate in it
    by_key: dict[str, tuple[set[int], set[int]]] = field(default_factory=dict)
    own_first: dict[int, list[Posting]] = field(default_factory=dict)  # mention -> its candidates (see _choose)

    @classmethod
    def collect(cls, gazetteer: Gazetteer, mentions: list[Mention]) -> _Containers:
        units: dict[int, set[int]] = {}
        countries: dict[int, set[str]] = {}
        by_key: dict[str, tuple[set[int], set[int]]] = {}
        for mention in mentions:
            if not mention.demonym and mention.key not in by_key:
                places = set(mention.places)
                by_key[mention.key] = (places, {int(gazetteer.admin2[p]) for p in places} - {-1})
            target = mention.next_mention
            if target is None:
                continue
            for candidate in mention.places:
                units.setdefault(target, set()).update(
                    (int(gazetteer.admin1[candidate]), int(gazetteer.admin2[candidate]))
                )
                countries.setdefault(target, set()).add(gazetteer.country_code(candidate))
        candidates: Counter[int] = Counter()
        districts: Counter[int] = Counter()
        for places, inside in by_key.values():
            candidates.update(places)
            districts.update(inside)
        return cls(units, countries, candidates, districts, by_key)

    def score(self, gazetteer: Gazetteer, index: int, place: int) -> float:
        """Bonus for B in "A, B" when some candidate of A lies in B."""
        if place in self.units.get(index, ()):
            return W_HIERARCHY * 0.8
        if int(gazetteer.kind[place]) == PlaceKind.country and gazetteer.country_code(place) in self.countries.get(
            index, ()
        ):
            return W_HIERARCHY * 0.4
        return 0.0

    def pair_score(self, gazetteer: Gazetteer, mention: Mention, place: int) -> float:
        """Bonus when another name of the document can be this place's district, or can be a place
        in this district."""
        places, inside = self.by_key.get(mention.key, (set(), set()))
        kind = int(gazetteer.kind[place])
        if kind == PlaceKind.city:
            district = int(gazetteer.admin2[place])
            if district >= 0 and self.candidates[district] - (district in places) > 0:
                return W_DISTRICT_PAIR
        elif kind == PlaceKind.admin2 and place not in inside and self.districts[place] > 0:
            # (not when the name is also a town of this district: "Tel Afar" stays the town)
            return W_DISTRICT_PAIR
        return 0.0


def _initial_context(gazetteer: Gazetteer, mentions: list[Mention], roi: frozenset[str]) -> _Context:
    countries: dict[str, float] = {}
    own: dict[int, tuple[str, float, int]] = {}
    for i, mention in enumerate(mentions):
        places = mention.places
        codes = {gazetteer.country_code(p) for p in places}
        explicit = [p for p in places if int(gazetteer.kind[p]) == PlaceKind.country]
        if len(codes) == 1 or (explicit and len(places) <= 3):
            code = gazetteer.country_code(explicit[0] if explicit else places[0])
            weight = 1.5 if mention.demonym else 1.0
            countries[code] = countries.get(code, 0.0) + weight
            own[i] = (code, weight, -1)
    return _Context(countries, Counter(), [], roi, own, [m.key for m in mentions])


def _choose(gazetteer: Gazetteer, mentions: list[Mention], index: int, ctx: _Context) -> tuple[int | None, float]:
    best, best_score = None, -math.inf
    major, major_score = None, -math.inf  # the best country, continent or world region of that name
    known, known_score = None, -math.inf  # the best national capital or populous province of that name
    located = False  # the text places the best candidate ("Russia, Ohio"; a town and its county)
    if ctx.containers is not None:  # (computed once per resolution, not once per pass)
        postings = ctx.containers.own_first.setdefault(index, _own_names_first(gazetteer, mentions[index]))
    else:
        postings = _own_names_first(gazetteer, mentions[index])
    for posting in postings:
        score = _own_score(gazetteer, mentions[index], posting.place, posting.flags)
        score += _context_score(gazetteer, mentions, index, posting.place, ctx)
        textual = _hierarchy_score(gazetteer, mentions, index, posting.place)
        if ctx.containers is not None:
            textual += ctx.containers.score(gazetteer, index, posting.place)
            textual += ctx.containers.pair_score(gazetteer, mentions[index], posting.place)
        score += textual
        if score > best_score or (score == best_score and best is not None and posting.place < best):
            best, best_score, located = posting.place, score, textual > 0
        if _worldwide(gazetteer, posting.place) and score > major_score:
            major, major_score = posting.place, score
        if _well_known(gazetteer, posting.place) and score > known_score:
            known, known_score = posting.place, score
    hinted = mentions[index].admin_hint is not None  # "the Palestine district"
    # a town that carries the name as its own (not a translation: "Palestine" is no Iranian village)
    own_name = any(p.place == best and p.flags & (PRIMARY | VARIANT) for p in mentions[index].postings)
    if (
        best is not None
        and major is not None
        and not (located or hinted)
        and _small_town(gazetteer, best)
        and not (own_name and ctx.neighbour(gazetteer, index, best))
    ):
        best, best_score = major, major_score  # "Russia", "Levant": not a village of that name
    elif (
        best is not None
        and known is not None
        and not (located or hinted)
        and _small_town(gazetteer, best)
        and not ctx.supports(gazetteer, index, best)
    ):
        best, best_score = known, known_score  # "Wales", "Brussels": not two Wisconsin villages
        ctx.well_known.add(index)
    return _country_by_own_name(gazetteer, mentions[index], best), best_score


def _own_names_first(gazetteer: Gazetteer, mention: Mention) -> list[Posting]:
    """The mention's candidates without the towns that carry the name only as an alternate (a
    former or foreign name) when a town, district or province of their country carries it as its
    own: "Brandon" is one of the towns named Brandon, not Winder, Georgia, once called Brandon;
    "Wilkinson" is Wilkinson County, not Putnam, Connecticut. A town inside the unit named after
    it keeps its alternate name ("Tel Afar" is still the town of Tall 'Afar in Tel Afar District)."""
    holders: dict[str, set[int]] = {}
    for p in mention.postings:
        if p.flags & (PRIMARY | VARIANT | ABBREVIATION) and int(gazetteer.kind[p.place]) in (
            PlaceKind.city,
            PlaceKind.admin1,
            PlaceKind.admin2,
        ):
            holders.setdefault(gazetteer.country_code(p.place), set()).add(p.place)

    def keep(p: Posting) -> bool:
        if p.flags & (PRIMARY | VARIANT | ABBREVIATION | ARABIC) or int(gazetteer.kind[p.place]) != PlaceKind.city:
            return True  # (a country or province by an alternate name stays: "Vatican City" is the Holy See)
        own = holders.get(gazetteer.country_code(p.place), set())
        inside = {int(gazetteer.admin1[p.place]), int(gazetteer.admin2[p.place])}
        return not own or bool(own & inside) or _short_form(mention.key, gazetteer.name(p.place))

    return [p for p in mention.postings if keep(p)]


def _short_form(key: str, name: str) -> bool:
    """Whether the words of ``key`` occur in this order in the place's name ("Avondale" in "Avondale
    Estates", "Woodlands" in "The Woodlands")."""
    words, full = key.split(), fold_key(name).split()
    return any(full[i : i + len(words)] == words for i in range(len(full) - len(words) + 1))


def _worldwide(gazetteer: Gazetteer, place: int) -> bool:
    """A country, a continent, or a world region or sea (no country of its own)."""
    kind = int(gazetteer.kind[place])
    return kind in (PlaceKind.country, PlaceKind.continent) or (
        kind == PlaceKind.region and not gazetteer.country_code(place)
    )


SUPPORT_POPULATION = 20_000  # a town this size (or a named county or province) vouches for a small town
WELL_KNOWN_PROVINCE = 1_000_000  # a province of this many people is known by its name (Wales)


def _well_known(gazetteer: Gazetteer, place: int) -> bool:
    """A national capital, or a province of :data:`WELL_KNOWN_PROVINCE` people or more."""
    kind = int(gazetteer.kind[place])
    if kind == PlaceKind.admin1:
        return int(gazetteer.population[place]) >= WELL_KNOWN_PROVINCE
    return kind == PlaceKind.city and _capital(gazetteer, place)


def _small_town(gazetteer: Gazetteer, place: int) -> bool:
    kind = int(gazetteer.kind[place])
    return kind in (PlaceKind.city, PlaceKind.admin2) and int(gazetteer.population[place]) < INCOHERENT_POPULATION


def _country_by_own_name(gazetteer: Gazetteer, mention: Mention, best: int | None) -> int | None:
    """ "Mexico" is the country, not Mexico City reached through one of its alternate names: a
    country's own name beats a place that carries the name only as an alternate."""
    if best is None or mention.admin_hint is not None or int(gazetteer.kind[best]) == PlaceKind.country:
        return best
    flags = {p.place: p.flags for p in mention.postings}
    if flags.get(best, 0) & (PRIMARY | VARIANT | ABBREVIATION):
        return best
    for place, flag in flags.items():
        if flag & PRIMARY and int(gazetteer.kind[place]) == PlaceKind.country:
            return place
    return best


def _prefer_city_over_same_name_admin(gazetteer: Gazetteer, mention: Mention, place: int) -> int:
    """ "Raqqa" names both a city and its province: without a province cue, the city. So does "Galkayo", a
    city whose district GeoNames leaves blank and a district of the same province, and "the town of Murzuq",
    introduced as a town, though the town carries the name only as an alternate."""
    kind = int(gazetteer.kind[place])
    if mention.admin_hint is not None or kind not in (PlaceKind.admin1, PlaceKind.admin2):
        return place
    named_alike = {p.place for p in mention.postings if p.flags & (PRIMARY | VARIANT | ARABIC)}
    for other in mention.places:
        if int(gazetteer.kind[other]) != PlaceKind.city:
            continue
        # (by any of its names when the text says it is a town: "outside the town of Murzuq" is Murzuk, not the
        # Murzuq district it lies in)
        alike = other in named_alike or mention.settlement
        inside = alike and place in (int(gazetteer.admin1[other]), int(gazetteer.admin2[other]))
        same_province = (
            kind == PlaceKind.admin2
            and int(gazetteer.admin2[other]) < 0
            and int(gazetteer.admin1[other]) >= 0
            and int(gazetteer.admin1[other]) == int(gazetteer.admin1[place])
        )
        if inside or same_province:
            return other
    return place


def precision_for(gazetteer: Gazetteer, mention: Mention, place: int | None) -> LocationPrecision:
    """UCDP-style precision of a resolved mention."""
    if place is None:
        return LocationPrecision.unknown
    kind = PlaceKind(int(gazetteer.kind[place]))
    if kind == PlaceKind.country:
        return LocationPrecision.part_of_country if mention.part else LocationPrecision.country
    if kind == PlaceKind.region and gazetteer.country_code(place):
        return LocationPrecision.part_of_country
    if kind in (PlaceKind.continent, PlaceKind.region):  # a continent, sea or multi-country region
        return LocationPrecision.unknown
    if kind == PlaceKind.admin1:
        return LocationPrecision.admin1
    if kind == PlaceKind.admin2:
        return LocationPrecision.admin2
    return LocationPrecision.near if (mention.near or mention.part) else LocationPrecision.exact


def resolve(
    gazetteer: Gazetteer,
    mentions: list[Mention],
    roi: frozenset[str] = frozenset(),
    home: frozenset[int] = frozenset(),
) -> list[Resolution]:
    """One :class:`Resolution` per mention (demonyms resolve to their country). ``home``: entry
    indexes of the provinces the report's source usually covers (:mod:`emberwatch.geo.home`)."""
    votes = _Votes.collect(gazetteer, mentions)
    containers = _Containers.collect(gazetteer, mentions)
    ctx = _initial_context(gazetteer, mentions, roi)
    nearby = _nearby_countries(gazetteer, mentions)
    ctx.votes, ctx.containers, ctx.home, ctx.nearby = votes, containers, home, nearby
    peers = _list_peers(mentions)
    choices: list[tuple[int | None, float]] = [_choose(gazetteer, mentions, i, ctx) for i in range(len(mentions))]
    for _ in range(2):
        ctx = _context_from(gazetteer, mentions, choices, roi)
        ctx.votes, ctx.containers, ctx.home, ctx.nearby = votes, containers, home, nearby
        ctx.peers = peers
        ctx.chosen = {i: place for i, (place, _score) in enumerate(choices) if place is not None}
        choices = [_choose(gazetteer, mentions, i, ctx) for i in range(len(mentions))]
    linked = {m.next_mention for m in mentions if m.next_mention is not None}
    out = []
    for i, (mention, (place, score)) in enumerate(zip(mentions, choices, strict=True)):
        if place is not None and i not in linked:
            place = _prefer_city_over_same_name_admin(gazetteer, mention, place)
        out.append(Resolution(place, precision_for(gazetteer, mention, place), score, i in ctx.well_known))
    _place_parts_of_towns(gazetteer, mentions, out)
    _one_unit_per_name(gazetteer, mentions, out)
    return out


def _one_unit_per_name(gazetteer: Gazetteer, mentions: list[Mention], resolutions: list[Resolution]) -> None:
    """A name the text itself calls a province ("the province of Ontario", "Diyala province")
    names that province in its other, untyped mentions too, when they had been read as a small
    town or unit outside it ("in Ontario" as Ontario, New York, in a story on Toronto). A
    reading inside the unit stays ("Baghdad" beside "Baghdad province" is the city), and so does a
    city of :data:`INCOHERENT_POPULATION` or more. Only province words count: a district or
    neighbourhood word more often types a quarter the gazetteer lacks ("a San Salvador
    neighborhood")."""
    typed: dict[str, int] = {}
    for mention, resolution in zip(mentions, resolutions, strict=True):
        place = resolution.place
        hinted = mention.admin_hint == PlaceKind.admin1 and not mention.quarter
        if hinted and place is not None and int(gazetteer.kind[place]) == PlaceKind.admin1:
            typed.setdefault(mention.key, place)
    if not typed:
        return
    for i, mention in enumerate(mentions):
        unit = typed.get(mention.key)
        own = resolutions[i].place
        if unit is None or own is None or own == unit or mention.admin_hint is not None or mention.demonym:
            continue
        if mention.part_of is not None or mention.next_mention is not None or unit not in mention.places:
            continue
        if unit in (int(gazetteer.admin1[own]), int(gazetteer.admin2[own])):
            continue
        if int(gazetteer.kind[own]) == PlaceKind.city and int(gazetteer.population[own]) >= INCOHERENT_POPULATION:
            continue  # a sizeable city of that name is no slip ("San Salvador" beside a namesake district)
        resolutions[i] = Resolution(unit, precision_for(gazetteer, mention, unit), resolutions[i].score)


PART_OF_TOWN_KM = 50.0  # a quarter or district of a town lies this close to it


def _place_parts_of_towns(gazetteer: Gazetteer, mentions: list[Mention], resolutions: list[Resolution]) -> None:
    """A name the text calls part of a town ("the Adhamiyah district of Baghdad", "the al-Jadida
    district of western Mosul") whose reading lies more than :data:`PART_OF_TOWN_KM` from that
    town is a quarter the gazetteer lacks, not its namesake elsewhere (a district of Dahuk, a
    Moroccan province): it takes the town's place and precision, and so does the same name
    elsewhere in the document where it had the same reading ("... in Adhamiyah")."""
    moved: dict[tuple[str, int | None], Resolution] = {}  # (name, reading) -> the town's resolution
    for i, mention in enumerate(mentions):
        j = mention.part_of
        if j is None or j >= len(resolutions):
            continue
        town, own = resolutions[j].place, resolutions[i].place
        if town is None or int(gazetteer.kind[town]) != PlaceKind.city or own == town:
            continue
        if own is not None and distance_km(
            float(gazetteer.lat[own]), float(gazetteer.lon[own]), float(gazetteer.lat[town]), float(gazetteer.lon[town])
        ) <= PART_OF_TOWN_KM:
            continue
        resolutions[i] = Resolution(town, resolutions[j].precision, resolutions[i].score)
        moved.setdefault((mention.key, own), resolutions[i])
    for i, mention in enumerate(mentions):
        part = moved.get((mention.key, resolutions[i].place))
        if part is not None and mention.part_of is None and not mention.demonym:
            resolutions[i] = Resolution(part.place, part.precision, resolutions[i].score)


def _nearby_countries(gazetteer: Gazetteer, mentions: list[Mention]) -> dict[int, frozenset[str]]:
    """For each name that is not itself a country or world region, the countries named within
    :data:`NEARBY_CHARS` of it after a locative word or as a part ("in Lebanon", "northern Lebanon"):
    "clashes between Sunnis and Alawites in Tripoli" after "violence in northern Lebanon" is the
    Lebanese Tripoli. A country named otherwise ("the U.S. Transportation Department") or by its
    people ("Syrian") says less about where a town is and does not count."""
    named = [
        (m.start, gazetteer.country_code(country))
        for m in mentions
        # (not "the Palestine neighbourhood" or "the Palestine district" of Mosul)
        if not m.demonym and (m.cue or m.part) and not m.quarter and m.admin_hint is None
        for country in m.places
        if int(gazetteer.kind[country]) == PlaceKind.country
    ]
    out: dict[int, frozenset[str]] = {}
    if not named:
        return out
    for i, mention in enumerate(mentions):
        if mention.demonym or any(_worldwide(gazetteer, p) for p in mention.places):
            continue
        codes = frozenset(
            code for start, code in named if start != mention.start and abs(start - mention.start) <= NEARBY_CHARS
        )
        if codes:
            out[i] = codes
    return out


def _context_from(
    gazetteer: Gazetteer, mentions: list[Mention], choices: list[tuple[int | None, float]], roi: frozenset[str]
) -> _Context:
    countries: dict[str, float] = {}
    admin1: Counter[int] = Counter()
    points: list[tuple[int, float, float]] = []
    provinces: list[tuple[str, str]] = []
    named: set[str] = set()
    strong: list[tuple[str, int, float, float]] = []
    own: dict[int, tuple[str, float, int]] = {}
    for i, (mention, (place, _score)) in enumerate(zip(mentions, choices, strict=True)):
        if place is None:
            continue
        weight = 1.5 if mention.demonym else 1.0
        code = gazetteer.country_code(place)
        if not code:
            continue
        countries[code] = countries.get(code, 0.0) + weight
        kind = int(gazetteer.kind[place])
        unit = place if kind == PlaceKind.admin1 else int(gazetteer.admin1[place])
        if unit >= 0 and _vouches_for_province(gazetteer, mention, place):
            admin1[unit] += 1
        else:
            unit = -1
        own[i] = (code, weight, unit)
        if kind in (PlaceKind.city, PlaceKind.admin2):
            points.append((i, float(gazetteer.lat[place]), float(gazetteer.lon[place])))
            if (kind == PlaceKind.city and int(gazetteer.population[place]) >= SUPPORT_POPULATION) or (
                kind == PlaceKind.admin2 and _unit_word(mention)
            ):
                strong.append(
                    (mention.key, _unit(gazetteer, place), float(gazetteer.lat[place]), float(gazetteer.lon[place]))
                )
        elif kind == PlaceKind.admin1:
            provinces.append((mention.key, code))
            strong.append((mention.key, place, math.nan, math.nan))
        if kind == PlaceKind.country or mention.demonym:
            named.add(code)
    keys = [m.key for m in mentions]
    return _Context(countries, admin1, points, roi, own, keys, provinces, frozenset(named), strong=strong)


def _unit_word(mention: Mention) -> bool:
    """The text calls the place a unit: "Meigs County", "Anbar province"."""
    if mention.admin_hint is not None:
        return True
    cues, last = load_cues(), mention.key.rsplit(" ", 1)[-1]
    return last in cues.admin2_after or last in cues.admin1_after


def _vouches_for_province(gazetteer: Gazetteer, mention: Mention, place: int) -> bool:
    """Whether the choice made for ``mention`` is evidence for its province: a province, district
    or sizeable city, or a name whose candidates all lie in one province. A small town chosen among
    namesakes in several provinces is not: the choice may itself be wrong, and a few such choices
    would otherwise hold each other in the wrong province ("Washington", "Atlanta", "Petersburg" in
    Illinois)."""
    if int(gazetteer.kind[place]) != PlaceKind.city or int(gazetteer.population[place]) >= INCOHERENT_POPULATION:
        return True
    return len({_unit(gazetteer, p) for p in mention.places}) == 1


INCOHERENT_POPULATION = 100_000  # towns below this need a country the document's other places share
INCOHERENT_CONTEXT = 2  # ...when at least this many other places (or demonyms) point elsewhere
INCOHERENT_SHARE = 0.02  # ...and the town's country has fewer than this share of them
FOREIGN_POPULATION = 1_000_000  # a city below this, alone in its country, is a stray namesake too


def incoherent(
    gazetteer: Gazetteer, mentions: list[Mention], resolutions: list[Resolution], text: str = ""
) -> set[int]:
    """Indices of recognised mentions that are probably not places, or namesakes far from the story:
    a town (or district) in a country that no other place or demonym of the document supports,
    while several point elsewhere ("Hassan", "Shahada" in a report on Syria resolving to Indian
    villages; "al-Salam" and "Palestine" in a report on Mosul resolving to two American towns).
    See :func:`_support` for what counts as support. With the ``text``, also a foreign reading that
    contradicts a relation the text states with a place of the anchor country (see
    :func:`_contradicted`)."""
    codes = [gazetteer.country_code(r.place) if r.place is not None else "" for r in resolutions]
    counts = Counter(code for code in codes if code)
    anchor = _anchor(gazetteer, mentions, resolutions)
    placed = _placed_by_text(gazetteer, mentions, resolutions)
    out: set[int] = set()
    quarters = {m.key for m in mentions if m.quarter}
    abroad: set[int] = set()  # places ruled out as the reading of a neighbourhood
    for i, (mention, resolution) in enumerate(zip(mentions, resolutions, strict=True)):
        place = resolution.place
        if place is None or mention.demonym or i in placed:
            continue  # "Mayadin, Deir ez-Zor": the text says where
        if (
            mention.key in quarters
            and anchor not in ("", codes[i])
            and _far_from_story(gazetteer, mentions, resolutions, i, anchor)
        ):
            out.add(i)  # "the Jizah neighbourhood" of Sirte is not Giza in Egypt
            if int(gazetteer.kind[place]) != PlaceKind.country:  # (a country named as such stays)
                abroad.add(place)
            continue
        kind = int(gazetteer.kind[place])
        if resolution.well_known and anchor not in ("", codes[i]):
            # a capital or big province taken only for its fame, in a story anchored in another
            # country that never names its country: "Bali said" in a report on Syria
            if _support(gazetteer, mentions, resolutions, i, True) == 0:
                out.add(i)
            continue
        if kind not in (PlaceKind.city, PlaceKind.admin2):
            continue
        code = codes[i]
        others = sum(counts.values()) - counts[code]
        if others < INCOHERENT_CONTEXT:
            continue
        population = int(gazetteer.population[place])
        if population < INCOHERENT_POPULATION:
            # one stray namesake (two Indian villages in a report on Marawi) is no support; nor,
            # far from the country a document is anchored in, the mere name of the village's country
            at_home = anchor in ("", code) or _near_anchor(gazetteer, resolutions, anchor, place)
            support = _support(gazetteer, mentions, resolutions, i, at_home, unanchored=anchor == "")
            if support < max(1.0, INCOHERENT_SHARE * others):
                out.add(i)
        # a district (its population is its towns') or a sizeable town whose name other countries
        # share, in a country nothing else in the document points to: "al-Salam" in a report on
        # Mosul is not Saham in Oman
        elif (kind == PlaceKind.admin2 or _foreign_namesake(gazetteer, mention, place)) and (
            # a name written with an Arabic article the gazetteer lacks ("the town of al-Sabha" in a
            # report on Deir ez-Zor) needs support near it, not only its country's name
            _support(gazetteer, mentions, resolutions, i, anchor in ("", code) or not mention.bare_article) == 0
        ):
            out.add(i)
    out.update(_outside_its_country(gazetteer, mentions, resolutions, text))
    if text:
        abroad.update(_contradicted(gazetteer, text, mentions, resolutions, anchor))
    # another spelling of a place ruled out for a neighbourhood ("Al-Giza" beside "the Jizah
    # neighbourhood"), or of a reading a stated relation contradicts, goes with it
    out.update(i for i, r in enumerate(resolutions) if r.place in abroad and i not in placed)
    return out


# an Arabic compass word, alone or compound ("شمالي", "جنوب غربي", south-west of)
AR_COMPASS = r"(?:شمال|جنوب|شرق|غرب)(?:ي|ها)?(?:\s*[-\s]\s*(?:ال)?(?:شرق|غرب)(?:ي|ها)?)?"
_NEAR = r"^\s*,?\s*(?:(?:located|situated)\s+)?(?:near|outside|close\s+to)\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+)?$"
NEAR_GAP = re.compile(_NEAR, re.IGNORECASE)
"""The words between two places when the first lies near the second: "A, near B", "A, located outside B"."""
# "A, located to the west of B", "A, 30 km north of B", "A near B", "A شرقي B", "between A and B"
_RELATION_GAP = re.compile(
    r"^\s*[,،(]?\s*(?:(?:located|situated|lying)\s+)?(?:(?:about|some|around|nearly)\s+)?"
    r"(?:\d[\d.,]*\s*(?:km|kilometres|kilometers|miles|mi)\s+)?(?:to\s+the\s+)?"
    r"(?:north|south|east|west)[a-z-]*\s+of\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+)?$"
    rf"|{_NEAR}"
    rf"|^\s*[,،]?\s*(?:(?:إلى\s+ال)?{AR_COMPASS}|قرب|بالقرب\s+من)\s+(?:مدينة\s+|بلدة\s+)?$",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$|بين\s+$", re.IGNORECASE)
RELATION_KM = 500.0  # two places the text relates ("west of", "near", "between ... and") lie closer


def _contradicted(
    gazetteer: Gazetteer, text: str, mentions: list[Mention], resolutions: list[Resolution], anchor: str
) -> set[int]:
    """Places (gazetteer indices) read abroad for a name the text relates to a place of the
    ``anchor`` country more than :data:`RELATION_KM` away: "al-Qahtaniya, located to the west of
    al-Qairawan" and "the road between Shingal and Qairawan" in a report on Nineveh make
    al-Qairawan no Kairouan in Tunisia. The reading in the anchor country is kept; a name the
    gazetteer reads in the anchor country on both sides says nothing. In a document with no anchor
    country, a small town located from a larger place ("الكرمة شرقي الفلوجة", Garma east of Fallujah)
    is the one read abroad: the place it is measured from is the known one (not for "between A and B")."""
    out: set[int] = set()
    for k in range(len(mentions) - 1):
        a, b = mentions[k], mentions[k + 1]
        pa, pb = resolutions[k].place, resolutions[k + 1].place
        if pa is None or pb is None or a.demonym or b.demonym or b.start - a.end > 60:
            continue
        gap = text[a.end : b.start]
        between = gap.strip() in ("and", "و") and bool(_BETWEEN.search(text[max(0, a.start - 12) : a.start]))
        if not (between or _RELATION_GAP.match(gap)):
            continue
        kinds = (int(gazetteer.kind[pa]), int(gazetteer.kind[pb]))
        if any(kind not in (PlaceKind.city, PlaceKind.admin2) for kind in kinds):
            continue
        codes = (gazetteer.country_code(pa), gazetteer.country_code(pb))
        if not anchor and not between and codes[0] != codes[1]:
            # "A, east of B": B is where A is measured from, when B is the larger place and A a small town
            # (not "بورتسودان شرق البلاد", Port Sudan in the east of "the country", read as a Yemeni village)
            if int(gazetteer.population[pb]) < int(gazetteer.population[pa]) or not _small_town(gazetteer, pa):
                continue
            reference = codes[1]
        elif anchor and (codes[0] == anchor) != (codes[1] == anchor):
            reference = anchor
        else:
            continue
        distance = distance_km(
            float(gazetteer.lat[pa]), float(gazetteer.lon[pa]), float(gazetteer.lat[pb]), float(gazetteer.lon[pb])
        )
        foreign = pb if codes[0] == reference else pa
        if distance > RELATION_KM and not _capital(gazetteer, foreign):
            out.add(foreign)  # (a capital is more likely right than the local reading beside it)
    return out


def _far_from_story(
    gazetteer: Gazetteer, mentions: list[Mention], resolutions: list[Resolution], index: int, anchor: str
) -> bool:
    """Whether the place chosen for ``index`` lies farther than :data:`SUPPORT_KM` from every place
    below country level chosen for another name in the ``anchor`` country. A name the text calls a
    neighbourhood, in a document anchored in another country, is part of a city of the story, not a
    namesake province or city abroad ("the Jizah neighbourhood" of Sirte is not Giza, "the Quds
    neighbourhood" of Mosul is not Jerusalem)."""
    place = resolutions[index].place
    assert place is not None
    lat, lon = float(gazetteer.lat[place]), float(gazetteer.lon[place])
    return not any(
        distance_km(lat, lon, float(gazetteer.lat[other]), float(gazetteer.lon[other])) <= SUPPORT_KM
        for mention, resolution in zip(mentions, resolutions, strict=True)
        if (other := resolution.place) is not None
        and mention.key != mentions[index].key
        and other != place  # "Jizah neighbourhood" and "Al-Giza": one reading, no support
        and gazetteer.country_code(other) == anchor
        and int(gazetteer.kind[other]) in (PlaceKind.city, PlaceKind.admin2, PlaceKind.admin1)
    )


def _foreign_namesake(gazetteer: Gazetteer, mention: Mention, place: int) -> bool:
    """A town below :data:`FOREIGN_POPULATION`, not a capital, whose name also names places in
    other countries, or known only without the Arabic article the text gives it."""
    if int(gazetteer.population[place]) >= FOREIGN_POPULATION or _capital(gazetteer, place):
        return False
    # "al-Salam": a name the gazetteer knows only without its article is as doubtful
    return mention.bare_article or len({gazetteer.country_code(p) for p in mention.places}) > 1


def _placed_by_text(gazetteer: Gazetteer, mentions: list[Mention], resolutions: list[Resolution]) -> set[int]:
    """Both mentions of each "A, B" pair whose chosen places agree (A lies in B, or in B's
    country): "Mayadin, Deir ez-Zor". A list ("al-Salam, Palestine, Sumer") read as such a pair
    proves nothing when the places chosen for it do not nest."""
    out: set[int] = set()
    for i, mention in enumerate(mentions):
        j = mention.next_mention
        inner, outer = resolutions[i].place, resolutions[j].place if j is not None else None
        if j is None or inner is None or outer is None:
            continue
        if int(gazetteer.kind[outer]) == PlaceKind.country:
            nests = gazetteer.country_code(inner) == gazetteer.country_code(outer)
        else:
            nests = outer in (int(gazetteer.admin1[inner]), int(gazetteer.admin2[inner]))
        if nests:
            out.update((i, j))
    return out


def _outside_its_country(
    gazetteer: Gazetteer, mentions: list[Mention], resolutions: list[Resolution], text: str
) -> set[int]:
    """Towns and provinces whose "A, B" link names a country they are not in: "Shahil, Syria" is
    a Syrian town the gazetteer lacks, not Ash Shahil in Yemen. So are towns and districts linked
    to a province that none of their readings lies in: "Stroud, Ontario, Canada" is no English
    town. Lists are not such pairs: not "Iraq, Syria" (a country first), nor "Crockett, Palestine
    and Houston" (the list goes on)."""
    out: set[int] = set()
    for i, mention in enumerate(mentions):
        j = mention.next_mention
        if j is None:
            continue
        inner, outer = resolutions[i].place, resolutions[j].place
        if inner is None or outer is None:
            continue
        outer_kind, inner_kind = int(gazetteer.kind[outer]), int(gazetteer.kind[inner])
        if outer_kind not in (PlaceKind.country, PlaceKind.admin1):
            continue
        if _list_goes_on(gazetteer, mentions, resolutions, j, text):
            continue
        if outer_kind == PlaceKind.country:
            if inner_kind in (PlaceKind.city, PlaceKind.admin1, PlaceKind.admin2) and (
                gazetteer.country_code(inner) != gazetteer.country_code(outer)
            ):
                out.add(i)
        elif inner_kind in (PlaceKind.city, PlaceKind.admin2) and not any(
            int(gazetteer.admin1[p]) == outer for p in mention.places
        ):
            out.add(i)
    return out


def _list_goes_on(
    gazetteer: Gazetteer, mentions: list[Mention], resolutions: list[Resolution], j: int, text: str
) -> bool:
    """Whether another name follows mention ``j`` as in a list ("Crockett, Palestine and Houston"),
    not as its country ("Stroud, Ontario, Canada": the hierarchy goes on); "and" or "or" after it
    ends a list whatever follows ("in Guazapa, Chalatenango, and other towns")."""
    if _LIST_TAIL.match(text, mentions[j].end):
        return True
    if j + 1 >= len(mentions) or not _LIST_JOIN.fullmatch(text[mentions[j].end : mentions[j + 1].start]):
        return False
    outer, after = resolutions[j].place, resolutions[j + 1].place
    return not (
        mentions[j].next_mention == j + 1
        and outer is not None
        and after is not None
        and int(gazetteer.kind[after]) == PlaceKind.country
        and int(gazetteer.kind[outer]) != PlaceKind.country
        and gazetteer.country_code(after) == gazetteer.country_code(outer)
    )


_LIST_TAIL = re.compile(r"\s*,?\s*(?:and|or|و)\b", re.IGNORECASE)
_LIST_JOIN = re.compile(r"\s*(?:,|،|,?\s*(?:and|or)|و)\s*", re.IGNORECASE)
FAR_KM = 2_500.0  # farther than this from every place of the anchor country is "far foreign"


def _near_anchor(gazetteer: Gazetteer, resolutions: list[Resolution], anchor: str, place: int) -> bool:
    """Whether ``place`` lies within :data:`FAR_KM` of a place the document names in its anchor
    country (a neighbour's town in a report on Syria, not an American village)."""
    lat, lon = float(gazetteer.lat[place]), float(gazetteer.lon[place])
    for resolution in resolutions:
        other = resolution.place
        if other is None or gazetteer.country_code(other) != anchor:
            continue
        if int(gazetteer.kind[other]) in (PlaceKind.city, PlaceKind.admin2, PlaceKind.admin1) and (
            distance_km(lat, lon, float(gazetteer.lat[other]), float(gazetteer.lon[other])) <= FAR_KM
        ):
            return True
    return False


VILLAGE_POPULATION = 5_000  # below this, repeated mentions of the country count once (no anchor)
SUPPORT_KM = 300.0  # a small place supports another of the same country this close
ANCHOR_RATIO = 2.0  # a country with this many times the local places of any other anchors a document...
ANCHOR_MIN = 3  # ...when they are at least this many different names


def _anchor(gazetteer: Gazetteer, mentions: list[Mention], resolutions: list[Resolution]) -> str:
    """The country a document is about: the one holding most of its places below country level
    (different names), :data:`ANCHOR_RATIO` times as many as the next country; "" when none does."""
    local: dict[str, str] = {}
    for mention, resolution in zip(mentions, resolutions, strict=True):
        place = resolution.place
        if place is None or mention.demonym or int(gazetteer.kind[place]) in (PlaceKind.country, PlaceKind.continent):
            continue
        if not _anchor_evidence(gazetteer, mention, place):
            continue
        code = gazetteer.country_code(place)
        if code:
            local.setdefault(mention.key, code)
    ranked = [*Counter(local.values()).most_common(2), ("", 0), ("", 0)]
    (code, count), (_, runner_up) = ranked[0], ranked[1]
    return code if count >= ANCHOR_MIN and count >= ANCHOR_RATIO * runner_up else ""


ANCHOR_TOWN_POPULATION = 5_000  # a smaller town anchors a document only when the text marks it a place


def _anchor_evidence(gazetteer: Gazetteer, mention: Mention, place: int) -> bool:
    """Whether a mention's place may count towards the document's anchor country: a district,
    province or region, a town of :data:`ANCHOR_TOWN_POPULATION` people or more, or a smaller one the
    text introduces as a place ("in X", "the village of X"). A few person names that happen to be
    Mexican hamlets ("Rosales", "Milagros") do not anchor a report on El Salvador in Mexico."""
    if int(gazetteer.kind[place]) != PlaceKind.city or int(gazetteer.population[place]) >= ANCHOR_TOWN_POPULATION:
        return True
    return bool(mention.cue) or mention.next_mention is not None


def _support(
    gazetteer: Gazetteer,
    mentions: list[Mention],
    resolutions: list[Resolution],
    index: int,
    at_home: bool,
    unanchored: bool = False,
) -> int:
    """How many mentions of other names support the place chosen for ``index``: its own province,
    and cities of :data:`INCOHERENT_POPULATION` or more within :data:`SUPPORT_KM`; unless the
    document is anchored in another country (``at_home`` False), also its country's name or
    demonym, other provinces and regions of the country, other sizeable cities, and smaller places
    within :data:`SUPPORT_KM`. Two stray namesakes at opposite ends of a country do not vouch for
    each other, and a story about Mosul that names the United States as an actor (and matched a few
    American villages) is no support for another American village."""
    place = resolutions[index].place
    assert place is not None
    code, lat, lon = gazetteer.country_code(place), float(gazetteer.lat[place]), float(gazetteer.lon[place])
    province = _unit(gazetteer, place)
    count = 0
    # in a document about several countries (``unanchored``), the name (or demonym) of a village's
    # country is one piece of support however often it is repeated: "the U.S." thirty times in a
    # story on Iraq and Syria does not make "Omar" a town in West Virginia
    village = unanchored and int(gazetteer.population[place]) < VILLAGE_POPULATION
    named_country = False
    for mention, resolution in zip(mentions, resolutions, strict=True):
        other = resolution.place
        if other is None or mention.key == mentions[index].key or gazetteer.country_code(other) != code:
            continue
        kind = int(gazetteer.kind[other])
        sizeable = int(gazetteer.population[other]) >= INCOHERENT_POPULATION
        if mention.demonym or kind in (PlaceKind.country, PlaceKind.region):
            count += at_home and not named_country
            named_country = village and at_home
        elif kind == PlaceKind.admin1:
            count += at_home or other == province
        elif at_home and sizeable:
            count += 1
        elif at_home or sizeable:
            count += distance_km(lat, lon, float(gazetteer.lat[other]), float(gazetteer.lon[other])) <= SUPPORT_KM
    return count


def _capital(gazetteer: Gazetteer, place: int) -> bool:
    return FEATURE_CODES[int(gazetteer.feature[place])] == "PPLC"
