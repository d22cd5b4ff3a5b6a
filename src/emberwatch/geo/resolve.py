"""Toponym resolution: pick one gazetteer entry per mention.

Each candidate gets a score from its own weight (population, how the name was obtained, feature
kind) and from the document: countries named or implied (country names, demonyms, the likely
countries of the other toponyms), the admin hierarchy written next to it ("Mayadin, Deir ez-Zor"),
other places in the same province, nearby places, the "X province" cue, and the user's region of
interest. Two passes: the second uses the first pass's choices as context.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from emberwatch.geo.gazetteer import (
    ABBREVIATION,
    ALTERNATE,
    ARABIC,
    FEATURE_CODES,
    PRIMARY,
    VARIANT,
    Gazetteer,
    PlaceKind,
)
from emberwatch.geo.recognise import Mention
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
    countries: dict[str, float]
    admin1: Counter[int]
    points: list[tuple[int, float, float]]  # (mention index, lat, lon) of resolved cities
    roi: frozenset[str]
    own: dict[int, tuple[str, float, int]]  # mention index -> (country, weight, admin1) it contributed
    votes: _Votes | None = None
    containers: _Containers | None = None
    _arrays: tuple[np.ndarray, ...] | None = field(default=None, repr=False)

    def country_share(self, index: int, code: str) -> float:
        """Share of the document's country evidence that points to ``code``, this mention excluded."""
        own_code, own_weight, _ = self.own.get(index, ("", 0.0, -1))
        total = sum(self.countries.values()) - own_weight
        count = self.countries.get(code, 0.0) - (own_weight if own_code == code else 0.0)
        return count / total if total > 0 else 0.0

    def admin1_count(self, index: int, admin1: int) -> int:
        own = self.own.get(index, ("", 0.0, -1))[2]
        return self.admin1[admin1] - (1 if own == admin1 else 0)

    def nearest_km(self, index: int, lat: float, lon: float) -> float:
        """Distance to the nearest place chosen for another mention (vectorised haversine)."""
        if self._arrays is None:
            self._arrays = tuple(np.asarray(column, dtype=float) for column in zip(*self.points, strict=True))
        mentions, lats, lons = self._arrays
        keep = mentions != index
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
        elif kind in (PlaceKind.admin1, PlaceKind.admin2):
            score += W_ADMIN_HINT / 2
    return score


def _context_score(gazetteer: Gazetteer, mentions: list[Mention], index: int, place: int, ctx: _Context) -> float:
    code = gazetteer.country_code(place)
    score = W_COUNTRY_CONTEXT * ctx.country_share(index, code)
    if code in ctx.roi:
        score += W_ROI
    kind = int(gazetteer.kind[place])
    admin1 = _unit(gazetteer, place)
    if admin1 >= 0:
        score += W_SAME_ADMIN1 * min(3, ctx.admin1_count(index, admin1))
    if ctx.votes is not None:
        mention = mentions[index]
        score += W_COUNTRY_VOTE * min(3.0, ctx.votes.country(mention, code))
        if admin1 >= 0:
            score += W_ADMIN_VOTE * min(3.0, ctx.votes.unit(mention, admin1))
    score += _hierarchy_score(gazetteer, mentions, index, place)
    if kind in (PlaceKind.city, PlaceKind.admin2) and ctx.points:
        lat, lon = float(gazetteer.lat[place]), float(gazetteer.lon[place])
        near = ctx.nearest_km(index, lat, lon)
        if near < 50:
            score += W_NEARBY * 1.5
        elif near < 250:
            score += W_NEARBY
    return score


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
    """For B in "A, B": the provinces/districts and countries that A's candidates lie in."""

    units: dict[int, set[int]]
    countries: dict[int, set[str]]

    @classmethod
    def collect(cls, gazetteer: Gazetteer, mentions: list[Mention]) -> _Containers:
        units: dict[int, set[int]] = {}
        countries: dict[int, set[str]] = {}
        for mention in mentions:
            target = mention.next_mention
            if target is None:
                continue
            for candidate in mention.places:
                units.setdefault(target, set()).update(
                    (int(gazetteer.admin1[candidate]), int(gazetteer.admin2[candidate]))
                )
                countries.setdefault(target, set()).add(gazetteer.country_code(candidate))
        return cls(units, countries)

    def score(self, gazetteer: Gazetteer, index: int, place: int) -> float:
        """Bonus for B in "A, B" when some candidate of A lies in B."""
        if place in self.units.get(index, ()):
            return W_HIERARCHY * 0.8
        if int(gazetteer.kind[place]) == PlaceKind.country and gazetteer.country_code(place) in self.countries.get(
            index, ()
        ):
            return W_HIERARCHY * 0.4
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
    return _Context(countries, Counter(), [], roi, own)


def _choose(gazetteer: Gazetteer, mentions: list[Mention], index: int, ctx: _Context) -> tuple[int | None, float]:
    best, best_score = None, -math.inf
    for posting in mentions[index].postings:
        score = _own_score(gazetteer, mentions[index], posting.place, posting.flags)
        score += _context_score(gazetteer, mentions, index, posting.place, ctx)
        if ctx.containers is not None:
            score += ctx.containers.score(gazetteer, index, posting.place)
        if score > best_score or (score == best_score and best is not None and posting.place < best):
            best, best_score = posting.place, score
    return _country_by_own_name(gazetteer, mentions[index], best), best_score


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
    """ "Raqqa" names both a city and its province: without a province cue, the city."""
    if mention.admin_hint is not None or int(gazetteer.kind[place]) not in (PlaceKind.admin1, PlaceKind.admin2):
        return place
    named_alike = {p.place for p in mention.postings if p.flags & (PRIMARY | VARIANT | ARABIC)}
    for other in mention.places:
        if (
            other in named_alike
            and int(gazetteer.kind[other]) == PlaceKind.city
            and place
            in (
                int(gazetteer.admin1[other]),
                int(gazetteer.admin2[other]),
            )
        ):
            return other
    return place


def precision_for(gazetteer: Gazetteer, mention: Mention, place: int | None) -> LocationPrecision:
    """UCDP-style precision of a resolved mention."""
    if place is None:
        return LocationPrecision.unknown
    kind = PlaceKind(int(gazetteer.kind[place]))
    if kind == PlaceKind.country:
        return LocationPrecision.part_of_country if mention.part else LocationPrecision.country
    if kind == PlaceKind.region:
        return LocationPrecision.part_of_country
    if kind == PlaceKind.continent:
        return LocationPrecision.unknown
    if kind == PlaceKind.admin1:
        return LocationPrecision.admin1
    if kind == PlaceKind.admin2:
        return LocationPrecision.admin2
    return LocationPrecision.near if (mention.near or mention.part) else LocationPrecision.exact


def resolve(gazetteer: Gazetteer, mentions: list[Mention], roi: frozenset[str] = frozenset()) -> list[Resolution]:
    """One :class:`Resolution` per mention (demonyms resolve to their country)."""
    votes = _Votes.collect(gazetteer, mentions)
    containers = _Containers.collect(gazetteer, mentions)
    ctx = _initial_context(gazetteer, mentions, roi)
    ctx.votes, ctx.containers = votes, containers
    choices: list[tuple[int | None, float]] = [_choose(gazetteer, mentions, i, ctx) for i in range(len(mentions))]
    for _ in range(2):
        ctx = _context_from(gazetteer, mentions, choices, roi)
        ctx.votes, ctx.containers = votes, containers
        choices = [_choose(gazetteer, mentions, i, ctx) for i in range(len(mentions))]
    linked = {m.next_mention for m in mentions if m.next_mention is not None}
    out = []
    for i, (mention, (place, score)) in enumerate(zip(mentions, choices, strict=True)):
        if place is not None and i not in linked:
            place = _prefer_city_over_same_name_admin(gazetteer, mention, place)
        out.append(Resolution(place, precision_for(gazetteer, mention, place), score))
    return out


def _context_from(
    gazetteer: Gazetteer, mentions: list[Mention], choices: list[tuple[int | None, float]], roi: frozenset[str]
) -> _Context:
    countries: dict[str, float] = {}
    admin1: Counter[int] = Counter()
    points: list[tuple[int, float, float]] = []
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
        if unit >= 0:
            admin1[unit] += 1
        own[i] = (code, weight, unit)
        if kind in (PlaceKind.city, PlaceKind.admin2):
            points.append((i, float(gazetteer.lat[place]), float(gazetteer.lon[place])))
    return _Context(countries, admin1, points, roi, own)


INCOHERENT_POPULATION = 100_000  # towns below this need a country the document's other places share
INCOHERENT_CONTEXT = 2  # ...when at least this many other places (or demonyms) point elsewhere
INCOHERENT_SHARE = 0.02  # ...and the town's country has fewer than this share of them


def incoherent(gazetteer: Gazetteer, mentions: list[Mention], resolutions: list[Resolution]) -> set[int]:
    """Indices of recognised mentions that are probably not places: a small town (or district) in a
    country that no other place or demonym of the document points to, while several point elsewhere
    ("Hassan", "Shahada" in a report on Syria resolving to Indian villages)."""
    codes = [gazetteer.country_code(r.place) if r.place is not None else "" for r in resolutions]
    counts = Counter(code for code in codes if code)
    by_key = Counter((code, m.key) for code, m in zip(codes, mentions, strict=True) if code)
    linked = {m.next_mention for m in mentions if m.next_mention is not None}
    out: set[int] = set()
    for i, (mention, resolution) in enumerate(zip(mentions, resolutions, strict=True)):
        place = resolution.place
        if place is None or mention.demonym or mention.next_mention is not None:
            continue
        if int(gazetteer.kind[place]) not in (PlaceKind.city, PlaceKind.admin2):
            continue
        if int(gazetteer.population[place]) >= INCOHERENT_POPULATION:
            continue
        if i in linked:  # "Mayadin, Deir ez-Zor": the text says where
            continue
        code = codes[i]
        same = counts[code] - by_key[(code, mention.key)]
        others = sum(counts.values()) - counts[code]
        # one stray namesake (two Indian villages in a report on Marawi) is no support
        if others >= INCOHERENT_CONTEXT and same < max(1.0, INCOHERENT_SHARE * others):
            out.add(i)
    return out
