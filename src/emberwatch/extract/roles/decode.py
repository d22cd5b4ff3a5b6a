"""From token probabilities to role fillers: spans, one mention per entity, disjointness, anchors.

Rules (documented in docs/roles.md):

* candidate spans are taken best first when their role probability passes the role's threshold and
  they overlap no span already taken (edge punctuation trimmed);
* mentions with the same lower-cased text are one entity; a mention whose tokens occur inside a
  longer mention of the same role, or that is the abbreviation in parentheses after one, joins it; the
  entity is written with its longest (most complete) mention;
* a string takes one role only: the role with the highest summed probability (so nobody is both
  perpetrator and victim);
* every mention goes to the anchor in its sentence (nearest trigger when several), otherwise to the
  nearest anchor in the text, preferring the one before it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from emberwatch.extract.en.dates import MONTHS, WEEKDAYS
from emberwatch.extract.roles.features import TRIGGER_BIT
from emberwatch.extract.roles.lexicon import ALL_CATEGORIES
from emberwatch.extract.roles.model import ROLE_FIELDS, ROLES
from emberwatch.extract.roles.tokens import Tokens
from emberwatch.extract.types import EventAnchor, RoleFillers
from emberwatch.models import Span


@dataclass(frozen=True, slots=True)
class Mention:
    """A candidate role filler found by the tagger."""

    role: str
    start: int
    end: int
    text: str
    key: str  # lower-cased tokens joined by spaces
    score: float


def select_spans(
    tokens: Tokens, spans: list[tuple[int, int]], probs: np.ndarray, thresholds: dict[str, float]
) -> list[Mention]:
    """The most probable spans, best first, skipping any that overlaps one already taken."""
    if not spans:
        return []
    roles = probs[:, 1:].argmax(axis=1)
    best = probs[np.arange(len(spans)), roles + 1]
    limits = np.array([thresholds[r] for r in ROLES])
    taken = np.zeros(len(tokens), dtype=bool)
    out: list[Mention] = []
    for index in np.argsort(-best, kind="stable"):
        if best[index] < limits[roles[index]]:
            continue
        i, j = spans[index]
        if taken[i:j].any():
            continue
        mention = _trimmed(tokens, i, j, ROLES[roles[index]], float(best[index]))
        if mention is not None:
            taken[i:j] = True
            out.append(mention)
    return sorted(out, key=lambda m: m.start)


# Lexicon category bit -> role, for phrases the tagger missed (see ``lexicon_mentions``).
_CATEGORY_ROLE = {
    1 << ALL_CATEGORIES.index("organization"): "PerpOrg",
    1 << ALL_CATEGORIES.index("perpetrator"): "PerpInd",
    1 << ALL_CATEGORIES.index("victim"): "Victim",
    1 << ALL_CATEGORIES.index("target"): "Target",
    1 << ALL_CATEGORIES.index("weapon"): "Weapon",
}
_RULE_SCORE = 0.5


def lexicon_mentions(
    tokens: Tokens, matches: list[tuple[int, int, int]], found: list[Mention], anchors: list[EventAnchor]
) -> list[Mention]:
    """Codebook/built-in phrases for roles the tagger left empty in an anchor's trigger sentence.

    A phrase counts when exactly one role category lists it, it sits in the sentence of an anchor's
    trigger, the tagger found no mention of that role in that sentence, and it overlaps no tagged
    mention; the longest phrase wins where several overlap.
    """
    taken = np.zeros(len(tokens), dtype=bool)
    for m in found:
        taken |= (tokens.starts < m.end) & (tokens.ends > m.start)
    trigger_tokens = np.searchsorted(tokens.starts, [a.trigger_start for a in anchors], "right") - 1
    trigger_sentences = {int(tokens.sentence[max(0, int(i))]) for i in trigger_tokens}
    mention_sentence = np.searchsorted(tokens.starts, [m.start for m in found], "right") - 1
    filled = {(int(tokens.sentence[i]), m.role) for i, m in zip(mention_sentence, found, strict=True)}
    out: list[Mention] = []
    for first, stop, bits in sorted(matches, key=lambda m: m[0] - m[1]):
        role = _CATEGORY_ROLE.get(bits & ~TRIGGER_BIT)
        sentence = int(tokens.sentence[first])
        if role is None or taken[first:stop].any() or sentence not in trigger_sentences:
            continue
        if (sentence, role) in filled:
            continue
        taken[first:stop] = True
        mention = _trimmed(tokens, first, stop, role, _RULE_SCORE)
        if mention is not None:
            out.append(mention)
    return out


# A place phrase, not a participant: "south of Sabha", "outskirts of the town".
_PLACE_HEADS = frozenset({"north", "south", "east", "west", "edge", "outskirts", "outside", "centre", "center"})
# Words after which a mention turns into a place description: "Haftar near Ghadwa" -> "Haftar".
_PLACE_BREAKS = frozenset({"near", "between"})
_NAMELESS_ROLES = frozenset({"PerpInd", "Victim", "Target"})
# A mention made only of these words, with a month, weekday or year among them, is a date ("April 2023",
# "16 October 2017", "early 2019"), never a participant: the tagger, trained on wire text whose dates
# sit in datelines, takes some dates that open a sentence of present-day news for victims.
_DATE_FILLERS = frozenset([
    "early", "late", "mid", "mid-", "the", "of", "on", "in", "and", "to", "last", "this", "next", "during",
    "since", "until", "by", "from", ",", ".", "-", "–",
])  # fmt: skip


def is_date(words: list[str]) -> bool:
    """Whether lower-cased tokens ``words`` spell a date and nothing else: a month or weekday name (the
    English date rules' tables) or a year, with day numbers and linking words (:data:`_DATE_FILLERS`)."""
    anchored = False
    for word in words:
        if word in MONTHS or word in WEEKDAYS or (len(word) == 4 and word.isdigit()):
            anchored = True
        elif not (word in _DATE_FILLERS or (word.isdigit() and len(word) <= 2) or word.rstrip("stndrh").isdigit()):
            return False
    return anchored


def _trimmed(tokens: Tokens, i: int, j: int, role: str, score: float) -> Mention | None:
    """The mention over tokens ``[i, j)`` after trimming edge punctuation and place phrases, or None."""
    cut = next((k for k in range(i + 1, j) if tokens.lower[k] in _PLACE_BREAKS), j)
    j = cut
    while i < j and not tokens.lower[i][0].isalnum():
        i += 1
    while j > i and not tokens.lower[j - 1][-1].isalnum():
        j -= 1
    if i >= j or (j - i > 1 and tokens.lower[i] in _PLACE_HEADS and tokens.lower[i + 1] == "of"):
        return None
    if is_date(tokens.lower[i:j]):
        return None
    start, end = int(tokens.starts[i]), int(tokens.ends[j - 1])
    text = tokens.text[start:end]
    if tokens.mixed_case and role in _NAMELESS_ROLES and len(text) > 4 and text.isupper():
        return None  # a dateline or heading in capitals inside mixed-case news
    return Mention(role, start, end, text, " ".join(tokens.lower[i:j]), score)


@dataclass
class Entity:
    """Mentions of one participant in one role; ``best`` is the most complete (longest) one."""

    role: str
    best: Mention
    mentions: list[Mention]


def _exclusive_roles(found: list[Mention]) -> list[Mention]:
    """Give each string only the role with the highest summed probability."""
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for m in found:
        totals[m.key][m.role] += m.score
    winner = {key: max(per_role, key=per_role.__getitem__) for key, per_role in totals.items()}
    return [m for m in found if winner[m.key] == m.role]


def _contains(long: str, short: str) -> bool:
    return f" {short} " in f" {long} "


def entities(found: list[Mention], text: str) -> list[Entity]:
    """Group mentions into entities per role (same string, contained string, or abbreviation)."""
    by_role: dict[str, list[Mention]] = defaultdict(list)
    for m in _exclusive_roles(found):
        by_role[m.role].append(m)
    out: list[Entity] = []
    for role, role_mentions in by_role.items():
        first_seen: dict[str, int] = {}
        for m in role_mentions:
            first_seen[m.key] = min(first_seen.get(m.key, m.start), m.start)
        # longest keys first; equal ones in text order, so the grouping never depends on set order
        keys = sorted(first_seen, key=lambda k: (-k.count(" "), -len(k), first_seen[k]))
        parent: dict[str, str] = {}
        for key in keys:
            parent[key] = next(
                (
                    k
                    for k in keys
                    if k != key
                    and k in parent
                    and parent[k] == k
                    and (_contains(k, key) or _abbreviates(k, key, role_mentions, text))
                ),
                key,
            )
        groups: dict[str, list[Mention]] = defaultdict(list)
        for m in role_mentions:
            groups[parent[m.key]].append(m)
        for key, members in groups.items():
            best = max((m for m in members if m.key == key), key=lambda m: m.score)
            out.append(Entity(role, best, members))
    return out


def _abbreviates(long: str, short: str, role_mentions: list[Mention], text: str) -> bool:
    """``short`` is written in parentheses right after a mention of ``long``."""
    if " " in short or len(short) > 8:
        return False
    for m in role_mentions:
        if m.key == long:
            tail = text[m.end : m.end + len(short) + 4].lower()
            if tail.lstrip().startswith(f"({short})"):
                return True
    return False


def assign(found: list[Mention], anchors: list[EventAnchor], text: str) -> list[RoleFillers]:
    """One RoleFillers per anchor: every entity with a mention near that anchor, written once."""
    result = [RoleFillers() for _ in anchors]
    if not anchors:
        return result
    for entity in entities(found, text):
        targets = sorted({_nearest_anchor(m, anchors) for m in entity.mentions})
        span = Span(text=entity.best.text, start=entity.best.start, end=entity.best.end)
        for index in targets:
            getattr(result[index], ROLE_FIELDS[entity.role]).append(span)
    for fillers in result:
        for field_name in ROLE_FIELDS.values():
            getattr(fillers, field_name).sort(key=lambda s: s.start)
    return result


def _nearest_anchor(m: Mention, anchors: list[EventAnchor]) -> int:
    def cost(item: tuple[int, EventAnchor]) -> tuple[int, int, int]:
        index, anchor = item
        if anchor.sentence_start <= m.start < anchor.sentence_end:
            return (0, abs(anchor.trigger_start - m.start), index)
        if anchor.sentence_end <= m.start:  # anchor before the mention: preferred
            return (1, m.start - anchor.sentence_end, index)
        return (1, 2 * (anchor.sentence_start - m.end) + 1, index)

    return min(enumerate(anchors), key=cost)[0]
