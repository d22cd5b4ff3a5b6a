"""Pairwise rules: may two event mentions describe the same incident, and how strongly?

Each mention becomes a :class:`MentionPoint` (date window, place, type family, perpetrator family).
:func:`score_pair` returns ``None`` when a hard rule forbids the pair (incompatible type, dates that
cannot overlap, places too far apart, different perpetrators...) and otherwise a score in [0, 1].
The rules and thresholds are documented in docs/consolidation.md.
"""

from __future__ import annotations

import calendar
import logging
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, Field

from emberwatch.text.arabic import fold

log = logging.getLogger(__name__)

# Largest distance (km) at which two places can be the same incident site, by the coarser precision.
DISTANCE_KM = {1: 25.0, 2: 50.0, 3: 75.0, 4: 200.0, 5: 400.0}
# Date window half-widths in days by precision when the mention gives no end date.
DATE_SLACK_DAYS = {2: 6, 3: 7}


class CompatibilityTable(BaseModel):
    """``compatibility.yaml``: groups of event types that may describe one incident."""

    model_config = ConfigDict(extra="forbid")

    groups: dict[str, list[str]] = Field(default_factory=dict)
    generic: list[str] = Field(default_factory=list)
    violent: list[str] = Field(default_factory=list)


@lru_cache(maxsize=1)
def default_compatibility() -> CompatibilityTable:
    text = resources.files("emberwatch.consolidate").joinpath("compatibility.yaml").read_text("utf-8")
    return CompatibilityTable.model_validate(yaml.safe_load(text))


@dataclass
class Vocabulary:
    """Type families and actor families used by the rules (from the table, codebook and store)."""

    type_groups: dict[str, frozenset[str]] = field(default_factory=dict)
    generic: frozenset[str] = frozenset()
    violent: frozenset[str] = frozenset()
    actor_parent: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        table: CompatibilityTable | None = None,
        gtd_types: dict[str, str] | None = None,
        actor_parent: dict[str, str | None] | None = None,
    ) -> Vocabulary:
        table = table or default_compatibility()
        groups: dict[str, set[str]] = {}
        for name, types in table.groups.items():
            for t in types:
                groups.setdefault(t, set()).add(name)
        for type_id, gtd in (gtd_types or {}).items():
            if gtd and gtd.lower() != "unknown":
                groups.setdefault(type_id, set()).add(f"gtd:{gtd}")
        return cls(
            type_groups={k: frozenset(v) for k, v in groups.items()},
            generic=frozenset(table.generic),
            violent=frozenset(table.violent)
            | frozenset(t for t, g in (gtd_types or {}).items() if g and g.lower() != "unknown"),
            actor_parent=dict(actor_parent or {}),
        )

    def type_score(self, a: str, b: str) -> float | None:
        """1.0 same type, 0.7 same group, 0.5 generic vs violent, ``None`` incompatible."""
        if a == b:
            return 1.0
        if self.type_groups.get(a, frozenset()) & self.type_groups.get(b, frozenset()):
            return 0.7
        if (a in self.generic and (b in self.violent or b in self.generic)) or (
            b in self.generic and a in self.violent
        ):
            return 0.5
        return None

    def lineage(self, actor_id: str) -> tuple[str, ...]:
        """The actor and its ancestors (affiliate -> parent -> ...)."""
        chain = [actor_id]
        seen = {actor_id}
        parent = self.actor_parent.get(actor_id)
        while parent and parent not in seen:
            chain.append(parent)
            seen.add(parent)
            parent = self.actor_parent.get(parent)
        return tuple(chain)

    def actor_score(self, a: str | None, b: str | None) -> float | None:
        """1.0 same actor, 0.8 one is the other's parent/affiliate, 0.5 unknown, ``None`` different."""
        if not a or not b:
            return 0.5
        if a == b:
            return 1.0
        if a in self.lineage(b) or b in self.lineage(a):
            return 0.8
        return None

    def specificity(self, actor_id: str) -> int:
        return len(self.lineage(actor_id))


@dataclass(slots=True)
class MentionPoint:
    """What the rules need to know about one mention."""

    id: str
    document_id: str
    source_group: str
    event_type: str
    lo: int | None  # first possible day (ordinal) of the event
    hi: int | None  # last possible day (ordinal)
    date_precision: int | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    place_key: str | None
    location_precision: int
    perpetrator: str | None
    killed: int | None
    confidence: float
    targets: frozenset[str] = frozenset()

    @property
    def dated(self) -> bool:
        return self.lo is not None

    @property
    def has_coords(self) -> bool:
        return self.lat is not None and self.lon is not None


def date_window(
    value: date | None, end: date | None, precision: int | None, published: date | None = None
) -> tuple[int | None, int | None]:
    """(first day, last day) as ordinals the event may fall on; undated mentions get ``(None, None)``.

    Precision 1 day -> [day, day + 1] (two day-precise reports may differ by one day: "yesterday"
    resolved against different publication dates), 2 (<=6-day range) -> +-6 days, 3 week -> +-7 days,
    4 month -> the calendar month, 5 year -> the calendar year; a stated end date gives
    [date, end + 1].
    """
    if value is None:
        return None, None
    p = int(precision) if precision else 1
    if end is not None and end >= value:
        return value.toordinal(), end.toordinal() + 1
    if p == 1:
        return value.toordinal(), value.toordinal() + 1
    if p == 4:
        last = calendar.monthrange(value.year, value.month)[1]
        return value.replace(day=1).toordinal(), value.replace(day=last).toordinal()
    if p >= 5:
        return date(value.year, 1, 1).toordinal(), date(value.year, 12, 31).toordinal()
    slack = DATE_SLACK_DAYS.get(p, 1)
    return value.toordinal() - slack, value.toordinal() + slack


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi = p2 - p1
    dlmb = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


_PUNCT = re.compile(r"[^\w\s]+")
_PLACE_NOISE = re.compile(r"\b(city|town|village|province|governorate|district|department)\b")


def place_key(name: str | None) -> str | None:
    """A comparable form of a place name: folded, lower-case, without punctuation or 'province'."""
    if not name:
        return None
    key = _PLACE_NOISE.sub(" ", _PUNCT.sub(" ", fold(name).lower()))
    key = re.sub(r"^(al|el|ال)[\s-]?", "", " ".join(key.split()))
    return key or None


_STOP = frozenset(
    {"the", "and", "for", "with", "from", "into", "near", "their", "other", "some", "several", "two"}
    | {"three", "four", "five", "were", "was", "have", "has", "his", "her", "its", "who", "which", "local"}
)


def target_words(texts: Iterable[str]) -> frozenset[str]:
    """Content words of a mention's targets and victims (folded, lower-case, 3+ letters)."""
    words = set()
    for text in texts:
        for word in re.findall(r"\w+", fold(text).lower()):
            if len(word) >= 3 and word not in _STOP and not word.isdigit():
                words.add(word)
    return frozenset(words)


def target_agreement(a: MentionPoint, b: MentionPoint) -> int:
    """+1 targets/victims overlap, -1 both known and disjoint, 0 unknown on either side."""
    if not a.targets or not b.targets:
        return 0
    shared = len(a.targets & b.targets)
    if shared == 0:
        return -1
    return 1 if shared / len(a.targets | b.targets) >= 0.25 else 0


def date_score(a: MentionPoint, b: MentionPoint) -> float | None:
    if not a.dated or not b.dated:
        return 0.2
    assert a.lo is not None and a.hi is not None and b.lo is not None and b.hi is not None
    if a.hi < b.lo or b.hi < a.lo:
        return None
    width = max(a.hi - a.lo, b.hi - b.lo)
    if width <= 2:
        centre_gap = abs((a.lo + a.hi) - (b.lo + b.hi)) / 2
        return 1.0 if centre_gap == 0 else 0.85
    return 0.6 if width <= 14 else 0.35


def place_score(a: MentionPoint, b: MentionPoint) -> float | None:
    """Distance rule by the coarser location precision; names decide when coordinates are missing."""
    if a.country and b.country and a.country != b.country:
        return None
    coarse = max(a.location_precision, b.location_precision)
    if coarse >= 7 or (not a.country and not b.country and not a.place_key and not b.place_key):
        return 0.2  # unknown place on one side: neutral-weak, needs other evidence
    if a.has_coords and b.has_coords and coarse <= 5:
        assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)
        limit = DISTANCE_KM[coarse]
        if km > limit:
            return None
        return 1.0 - 0.5 * (km / limit) if coarse <= 2 else 0.6 - 0.2 * (km / limit)
    if a.place_key and b.place_key:
        if a.place_key == b.place_key:
            return 0.9 if coarse <= 3 else 0.6
        if a.place_key in b.place_key or b.place_key in a.place_key:
            return 0.6
        if coarse <= 3:
            return None
    if a.admin1 and b.admin1 and a.admin1 != b.admin1 and coarse <= 4:
        return None
    return 0.3  # same (or unknown) country, nothing finer to compare


@dataclass(frozen=True)
class PairWeights:
    type: float = 0.25
    date: float = 0.30
    place: float = 0.30
    actor: float = 0.15
    same_source_group: float = 0.25
    killed_agree: float = 0.05
    targets: float = 0.1


WEIGHTS = PairWeights()


def _strong(a: MentionPoint, b: MentionPoint, t: float, act: float) -> bool:
    """Strong agreement that lets an undated or unplaced mention join: same type and known actor."""
    return t == 1.0 and act == 1.0 and a.perpetrator is not None


def _same_document_match(a: MentionPoint, b: MentionPoint, t: float) -> bool:
    """Two mentions in one report are one incident only with the same type and no competing detail.

    A report naming two country-level places, or two different precise places, for events of the
    same type is usually a round-up of separate incidents; a mention without a place or date
    (a later paragraph about "the blast") joins the mention that has them.
    """
    if t < 1.0:
        return False
    precisions = (a.location_precision, b.location_precision)
    if 7 in precisions:
        return True
    return max(precisions) <= 3


def _precise_enough(a: MentionPoint, b: MentionPoint, t: float, d: float, act: float, targets: int) -> bool:
    """Country-level places (precision 5-6) only merge with the same type and day, no conflicting
    actor, and a matching detail: overlapping targets/victims, or the same known actor and death toll."""
    if max(a.location_precision, b.location_precision) not in (5, 6):
        return True
    same_toll = a.killed is not None and a.killed == b.killed
    detail = targets > 0 or (act >= 0.8 and a.perpetrator is not None and same_toll)
    return t == 1.0 and d >= 0.85 and detail


def score_pair(a: MentionPoint, b: MentionPoint, vocab: Vocabulary) -> float | None:
    """Score in [0, 1] that two mentions describe one incident, or ``None`` when a rule forbids it."""
    t = vocab.type_score(a.event_type, b.event_type)
    if t is None:
        return None
    act = vocab.actor_score(a.perpetrator, b.perpetrator)
    if act is None:
        return None
    d = date_score(a, b)
    if d is None:
        return None
    p = place_score(a, b)
    if p is None:
        return None
    same_doc = a.document_id == b.document_id
    same_group = a.source_group == b.source_group
    weak_date = not (a.dated and b.dated)
    weak_place = max(a.location_precision, b.location_precision) >= 7
    if (weak_date or weak_place) and not (same_doc or same_group or _strong(a, b, t, act)):
        return None
    if same_doc and a.killed is not None and b.killed is not None and a.killed != b.killed:
        return None  # one report listing two incidents (a round-up) gives each its own figure
    targets = target_agreement(a, b)
    if same_doc and (not _same_document_match(a, b, t) or targets < 0):
        return None
    if not (same_doc or same_group) and not _precise_enough(a, b, t, d, act, targets):
        return None
    w = WEIGHTS
    score = w.type * t + w.date * d + w.place * p + w.actor * act
    if same_group and not same_doc:
        score += w.same_source_group
    if a.killed is not None and b.killed is not None:
        score += w.killed_agree if a.killed == b.killed else -w.killed_agree
    score += w.targets * targets
    return max(0.0, min(1.0, score))


def month_keys(point: MentionPoint, published: date | None = None) -> Iterable[str]:
    """Calendar months (``YYYY-MM``) the mention's date window touches (its blocking keys)."""
    if point.lo is None or point.hi is None:
        if published is None:
            return []
        lo, hi = published.toordinal() - 7, published.toordinal()
    else:
        lo, hi = point.lo, point.hi
    first, last = date.fromordinal(lo), date.fromordinal(hi)
    keys: list[str] = []
    cursor = first.replace(day=1)
    while cursor <= last and len(keys) < 13:
        keys.append(f"{cursor.year:04d}-{cursor.month:02d}")
        cursor = (cursor + timedelta(days=32)).replace(day=1)
    return keys
