"""Second stage: score whole candidate spans, so a filler gets its full extent ("the salvadoran air
force", not "air"), and pick the best non-overlapping spans.

Candidates are token runs of 1-7 tokens inside one sentence around tokens the tagger gives some role
probability. Each span is described by hashed features (first/last/second-last word, the words just
outside, length, the tagger's mean role probabilities inside and just outside the span, whether the
whole span is a lexicon phrase, the trigger-distance context) and classified by a multinomial logistic
regression (``O`` or a role) stored as one weight table.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from emberwatch.extract.roles.features import TRIGGER_BIT
from emberwatch.extract.roles.lexicon import ALL_CATEGORIES, Lexicon
from emberwatch.extract.roles.tokens import Tokens

MAX_LEN = 7
SEED_PROB = 0.25
N_BINS = 8
_PRIMES = (1000003, 999983, 998989, 997991, 996763)


def phrase_bits(lexicon: Lexicon) -> dict[str, int]:
    """Lexicon phrase -> bit set of its categories (for whole-span lookups)."""
    bits: dict[str, int] = {}
    for bit, category in enumerate(ALL_CATEGORIES):
        for phrase in lexicon.phrases.get(category, ()):
            bits[phrase] = bits.get(phrase, 0) | (1 << bit)
    return bits


def candidates(tokens: Tokens, probs: np.ndarray) -> list[tuple[int, int]]:
    """Token ranges ``[i, j)`` of 1-MAX_LEN tokens within a sentence, starting and ending on a word,
    crossing no punctuation but quotes, and touching a token with role probability >= SEED_PROB."""
    n = len(tokens)
    if not n:
        return []
    seed = probs[:, 1:].max(axis=1) >= SEED_PROB
    # a token of two or more characters starts with a letter or digit (see tokens._TOKEN); check the rest
    word = (tokens.ends - tokens.starts) > 1
    single = np.flatnonzero(~word)
    lower = tokens.lower
    word[single] = [lower[i].isalnum() for i in single.tolist()]
    blocked = ~word
    blocked[single] &= [lower[i] not in {"'", '"'} for i in single.tolist()]
    seeds = np.concatenate([[0], np.cumsum(seed)])
    blocks = np.concatenate([[0], np.cumsum(blocked)])
    out: list[tuple[int, int]] = []
    for length in range(1, min(MAX_LEN, n) + 1):
        i = np.arange(n - length + 1)
        j = i + length
        ok = word[i] & word[j - 1] & (tokens.sentence[i] == tokens.sentence[j - 1])
        ok &= (blocks[j] - blocks[i] == 0) & (seeds[j] - seeds[i] > 0)
        out.extend(zip(i[ok].tolist(), j[ok].tolist(), strict=True))
    out.sort()
    return out


def _bin(values: np.ndarray) -> np.ndarray:
    """Probability -> one of N_BINS buckets (finer near 0, where most values are)."""
    return np.minimum((np.sqrt(values) * N_BINS).astype(np.int64), N_BINS - 1)


@dataclass
class SpanEncoder:
    """Hashes span features into ``n_buckets`` columns (deterministic integer hashing)."""

    n_buckets: int = 1 << 17

    def encode(
        self,
        tokens: Tokens,
        ids: np.ndarray,
        probs: np.ndarray,
        codes: np.ndarray,
        context: np.ndarray,
        spans: list[tuple[int, int]],
        phrases: dict[str, int],
    ) -> np.ndarray:
        """Column indices, shape ``(len(spans), n_slots)``; ``ids`` are the tagger's word ids."""
        if not spans:
            return np.zeros((0, 0), dtype=np.int64)
        n = len(tokens)
        starts = np.array([s[0] for s in spans])
        ends = np.array([s[1] for s in spans])
        length = ends - starts
        cum = np.vstack([np.zeros((1, probs.shape[1])), np.cumsum(probs, axis=0)])
        mean = (cum[ends] - cum[starts]) / length[:, None]
        pad = np.vstack([probs, np.zeros((1, probs.shape[1]))])
        same_left = (starts > 0) & (tokens.sentence[np.maximum(starts - 1, 0)] == tokens.sentence[starts])
        same_right = (ends < n) & (tokens.sentence[np.minimum(ends, n - 1)] == tokens.sentence[starts])
        left = np.where(same_left, starts - 1, n)
        right = np.where(same_right, ends, n)
        ids_pad = np.append(ids, 1)
        codes_pad = np.append(codes & ~TRIGGER_BIT, 99)
        first, last = ids[starts], ids[ends - 1]
        second_last = np.where(length > 1, ids[np.maximum(ends - 2, 0)], 0)
        # whole-span lexicon lookup, only where every token is inside some lexicon phrase
        plain = np.concatenate([[0], np.cumsum((codes & ~TRIGGER_BIT) == 0)])
        covered = plain[ends] - plain[starts] == 0
        lex = np.zeros(len(spans), dtype=np.int64)
        for index in np.flatnonzero(covered).tolist():
            i, j = spans[index]
            lex[index] = phrases.get(" ".join(tokens.lower[i:j]), 0) & ~TRIGGER_BIT
        role = mean[:, 1:].argmax(axis=1)
        inner_min = np.ones(len(spans))
        for offset in range(MAX_LEN):
            inside = offset < length
            at = np.minimum(starts + offset, n - 1)
            inner_min = np.where(inside, np.minimum(inner_min, probs[at, role + 1]), inner_min)
        slots = [
            (1, first), (2, last), (3, second_last), (4, ids_pad[left]), (5, ids_pad[right]),
            (6, np.minimum(length, MAX_LEN)), (7, lex), (8, codes_pad[left]), (9, codes_pad[right]),
            (10, context[starts]), (11, first * 7919 + last), (12, last * 16 + length),
            (13, role * N_BINS + _bin(inner_min)), (14, ids_pad[left] * 7919 + last),
            (15, np.zeros(len(spans), dtype=np.int64)),
        ]  # fmt: skip
        for r in range(1, probs.shape[1]):
            slots.append((20 + r, _bin(mean[:, r])))
            slots.append((30 + r, _bin(pad[left, r]) * N_BINS + _bin(pad[right, r])))
            slots.append((40 + r, _bin(mean[:, r]) * 8 + np.minimum(length, 7)))
        columns = [self._hash(template, values) for template, values in slots]
        return np.stack(columns, axis=1)

    def _hash(self, template: int, values: np.ndarray) -> np.ndarray:
        mixed = (values.astype(np.int64) * _PRIMES[0] + template * _PRIMES[1]) % _PRIMES[2]
        return (mixed * _PRIMES[3] + template) % self.n_buckets
