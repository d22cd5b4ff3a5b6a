"""Group mentions into incidents: blocking, a scored pair graph, constrained agglomeration.

1. **Blocking**: a mention is only compared with mentions sharing a block key: (country, month of
   its date window), its own document, its near-duplicate group, and for mentions without a
   usable place (perpetrator, month); inside a block only mentions whose date windows overlap are
   compared. This keeps the work near-linear in the number of mentions.
2. **Pair scores** from :func:`emberwatch.consolidate.rules.score_pair`; pairs scoring at least
   ``link_threshold`` are candidate links.
3. **Agglomeration** in descending score order (ties by id, so the result does not depend on input
   order): two clusters join only when *every* cross pair is allowed by the rules (complete link:
   no chaining of a vague mention into two distinct incidents), no cross pair is cannot-linked by
   an analyst, and the mean cross-pair score is at least ``mean_threshold``. Analyst must-links
   (merges) are applied first.
"""

from __future__ import annotations

import itertools
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from emberwatch.consolidate.rules import MentionPoint, Vocabulary, month_keys, score_pair

log = logging.getLogger(__name__)

Pair = tuple[str, str]


def pair(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


@dataclass
class Constraints:
    """Analyst decisions replayed on every run: must-link (merges) and cannot-link (splits) pairs."""

    must: set[Pair] = field(default_factory=set)
    cannot: set[Pair] = field(default_factory=set)

    def add_must(self, groups: Iterable[Iterable[str]]) -> None:
        members = sorted({m for g in groups for m in g})
        for a, b in itertools.combinations(members, 2):
            self.must.add((a, b))
            self.cannot.discard((a, b))

    def add_cannot(self, left: Iterable[str], right: Iterable[str]) -> None:
        for a in left:
            for b in right:
                if a != b:
                    p = pair(a, b)
                    self.cannot.add(p)
                    self.must.discard(p)


@dataclass(frozen=True)
class ClusterSettings:
    link_threshold: float = 0.6
    mean_threshold: float = 0.5
    large_block: int = 5000


def block_keys(points: list[MentionPoint], published: dict[str, date | None]) -> dict[tuple[str, ...], list[int]]:
    """Block key -> indexes of the mentions that share it."""
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    unplaced_keys: set[tuple[str, ...]] = set()
    months = [list(month_keys(p, published.get(p.document_id))) for p in points]
    for i, p in enumerate(points):
        blocks[("doc", p.document_id)].append(i)
        if p.source_group != p.document_id:
            blocks[("group", p.source_group)].append(i)
        placed = p.country is not None and p.location_precision < 7
        for month in months[i]:
            if placed:
                blocks[("place", p.country or "", month)].append(i)
            elif p.perpetrator:
                unplaced_keys.add(("actor", p.perpetrator, month))
    for i, p in enumerate(points):
        for month in months[i]:
            key = ("actor", p.perpetrator or "", month)
            if key in unplaced_keys:
                blocks[key].append(i)
    return blocks


def candidate_pairs(points: list[MentionPoint], idx: list[int]) -> Iterator[tuple[int, int]]:
    """Pairs of one block whose date windows overlap (a sweep over start dates), plus every pair
    with an undated mention, so a large block costs about n x (mentions per date window)."""
    dated = sorted((i for i in idx if points[i].lo is not None), key=lambda i: points[i].lo or 0)
    undated = [i for i in idx if points[i].lo is None]
    for pos, i in enumerate(dated):
        hi = points[i].hi or 0
        for j in dated[pos + 1 :]:
            if (points[j].lo or 0) > hi:
                break
            yield i, j
    for pos, i in enumerate(undated):
        for j in itertools.chain(dated, undated[pos + 1 :]):
            yield i, j


class _Clusters:
    """Disjoint clusters with member lists (small, explicit union)."""

    def __init__(self, ids: list[str]) -> None:
        self.of = {m: m for m in ids}
        self.members = {m: [m] for m in ids}

    def union(self, a: str, b: str) -> None:
        ra, rb = self.of[a], self.of[b]
        if ra == rb:
            return
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        for m in self.members[rb]:
            self.of[m] = ra
        self.members[ra].extend(self.members.pop(rb))


def cluster_mentions(
    points: list[MentionPoint],
    vocab: Vocabulary,
    published: dict[str, date | None] | None = None,
    constraints: Constraints | None = None,
    settings: ClusterSettings | None = None,
) -> list[list[str]]:
    """Incidents as lists of mention ids (each sorted; the list sorted by first member)."""
    settings = settings or ClusterSettings()
    constraints = constraints or Constraints()
    by_id = {p.id: p for p in points}
    cache: dict[Pair, float | None] = {}

    def scored(a: str, b: str) -> float | None:
        key = pair(a, b)
        if key not in cache:
            cache[key] = score_pair(by_id[key[0]], by_id[key[1]], vocab)
        return cache[key]

    edges: list[tuple[float, str, str]] = []
    for key, idx in block_keys(points, published or {}).items():
        if len(idx) > settings.large_block:
            log.info("block %s has %d mentions", key, len(idx))
        for i, j in candidate_pairs(points, idx):
            a, b = pair(points[i].id, points[j].id)
            if (a, b) in cache:
                continue
            s = scored(a, b)
            if s is not None and s >= settings.link_threshold:
                edges.append((s, a, b))
    clusters = _Clusters(list(by_id))
    for a, b in sorted(constraints.must):
        if a in by_id and b in by_id:
            clusters.union(a, b)
    for _, a, b in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        ra, rb = clusters.of[a], clusters.of[b]
        if ra != rb and _joinable(clusters.members[ra], clusters.members[rb], scored, constraints, settings):
            clusters.union(a, b)
    return sorted((sorted(m) for m in clusters.members.values()), key=lambda m: m[0])


def _joinable(
    left: list[str],
    right: list[str],
    scored: object,
    constraints: Constraints,
    settings: ClusterSettings,
) -> bool:
    total = 0.0
    for a in left:
        for b in right:
            key = pair(a, b)
            if key in constraints.cannot:
                return False
            if key in constraints.must:
                total += 1.0
                continue
            s = scored(a, b)  # type: ignore[operator]
            if s is None:
                return False
            total += s
    return total / (len(left) * len(right)) >= settings.mean_threshold
