"""Token features for the role tagger, encoded as column indices into one weight table.

Every feature template maps a token to one id in its own block of the weight table, so a token's
class scores are the sum of a few table rows (a gather and a sum in numpy: no per-feature string
building at prediction time). Templates: the word and its neighbours, a suffix, a shape, neighbour
bigrams, lexicon membership of the token and its neighbours, the distance to the nearest event
trigger in the sentence crossed with the sentence position, and bags of words further left/right.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from emberwatch.extract.roles.lexicon import ALL_CATEGORIES, TRIGGER
from emberwatch.extract.roles.tokens import Tokens

OOV, BOUNDARY = 0, 1
N_SHAPES = 10
N_LEX = 1 << len(ALL_CATEGORIES)
TRIGGER_BIT = 1 << ALL_CATEGORIES.index(TRIGGER)
N_DIST, N_SENT = 10, 6
BAG = (3, 4, 5, 6)


def _shape(word: str) -> int:
    if word.isalpha():
        return 2 if len(word) <= 2 else 3 if len(word) <= 4 else 4
    if word.isdigit():
        return 5
    if any(c.isdigit() for c in word):
        return 6
    if "-" in word:
        return 7
    if "." in word:
        return 8
    if len(word) == 1:
        return 1
    return 9


@dataclass
class FeatureSpace:
    """Vocabularies and the layout of the weight table (blocks in ``TEMPLATES`` order)."""

    words: dict[str, int]
    suffixes: dict[str, int]
    n_bigrams: int = 1 << 16
    blocks: dict[str, tuple[int, int]] = field(default_factory=dict)
    # word -> (word id, suffix id, shape) for the vocabulary; derived, rebuilt after unpickling
    _known: dict[str, tuple[int, int, int]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index_vocabulary()
        n_words, n_suffixes = len(self.words) + 2, len(self.suffixes) + 1
        sizes = {
            "w0": n_words, "wm1": n_words, "wm2": n_words, "wp1": n_words, "wp2": n_words,
            "suffix": n_suffixes, "shape": N_SHAPES, "bigram_left": self.n_bigrams,
            "bigram_right": self.n_bigrams, "lex": N_LEX, "lex_m1": N_LEX, "lex_p1": N_LEX,
            "context": N_DIST * N_SENT, "bag_left": n_words, "bag_right": n_words,
        }  # fmt: skip
        offset = 0
        for name, size in sizes.items():
            self.blocks[name] = (offset, size)
            offset += size

    def _index_vocabulary(self) -> None:
        self._known = {w: (i, self.suffixes.get(w[-3:], 0), _shape(w)) for w, i in self.words.items()}

    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k != "_known"}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._index_vocabulary()

    def lookup(self, lower: list[str]) -> np.ndarray:
        """``(n, 3)`` array of word id, suffix id and shape per token."""
        known, suffixes = self._known, self.suffixes
        miss = (OOV, 0, 0)
        rows = np.array([known.get(w, miss) for w in lower], dtype=np.int64).reshape(len(lower), 3)
        for i in np.flatnonzero(rows[:, 0] == OOV).tolist():  # out-of-vocabulary words (a few percent)
            w = lower[i]
            rows[i, 1], rows[i, 2] = suffixes.get(w[-3:], 0), _shape(w)
        return rows

    @property
    def size(self) -> int:
        return sum(size for _, size in self.blocks.values())

    @classmethod
    def build(cls, documents: Iterable[list[str]], min_count: int = 2) -> FeatureSpace:
        counts = Counter(word for doc in documents for word in doc)
        kept = sorted(w for w, c in counts.items() if c >= min_count)
        words = {w: i + 2 for i, w in enumerate(kept)}
        suffix_counts = Counter(w[-3:] for w in counts if len(w) > 4 and w.isalpha())
        suffixes = {s: i + 1 for i, s in enumerate(sorted(s for s, c in suffix_counts.items() if c >= 3))}
        return cls(words=words, suffixes=suffixes)

    def encode(
        self,
        tokens: Tokens,
        lex_codes: np.ndarray,
        triggers: np.ndarray,
        looked_up: np.ndarray | None = None,
        context: np.ndarray | None = None,
    ) -> np.ndarray:
        """Column indices, shape ``(n_tokens, n_slots)``; ``triggers`` marks event-trigger tokens.

        ``looked_up`` (:meth:`lookup`) and ``context`` (:func:`context_codes`) may be passed in when the
        caller needs them too.
        """
        n = len(tokens)
        looked_up = self.lookup(tokens.lower) if looked_up is None else looked_up
        context = context_codes(tokens, lex_codes, triggers) if context is None else context
        ids = looked_up[:, 0]
        sent = tokens.sentence
        columns = [
            self._at("w0", ids),
            self._at("wm1", _shift(ids, sent, -1)),
            self._at("wm2", _shift(ids, sent, -2)),
            self._at("wp1", _shift(ids, sent, 1)),
            self._at("wp2", _shift(ids, sent, 2)),
            self._at("suffix", looked_up[:, 1]),
            self._at("shape", looked_up[:, 2]),
            self._at("bigram_left", (_shift(ids, sent, -1) * 7919 + ids) % self.n_bigrams),
            self._at("bigram_right", (ids * 7919 + _shift(ids, sent, 1)) % self.n_bigrams),
            self._at("lex", lex_codes),
            self._at("lex_m1", _shift(lex_codes, sent, -1, fill=0)),
            self._at("lex_p1", _shift(lex_codes, sent, 1, fill=0)),
            self._at("context", context),
        ]
        columns += [self._at("bag_left", _shift(ids, sent, -k)) for k in BAG]
        columns += [self._at("bag_right", _shift(ids, sent, k)) for k in BAG]
        return np.stack(columns, axis=1) if n else np.zeros((0, len(columns)), dtype=np.int64)

    def _at(self, block: str, values: np.ndarray) -> np.ndarray:
        return values + self.blocks[block][0]


def context_codes(tokens: Tokens, lex_codes: np.ndarray, triggers: np.ndarray) -> np.ndarray:
    """Per token: trigger-distance bucket x sentence-position bucket (the ``context`` template)."""
    return _context(tokens.sentence, triggers | ((lex_codes & TRIGGER_BIT) > 0))


def _shift(values: np.ndarray, sentence: np.ndarray, k: int, fill: int = BOUNDARY) -> np.ndarray:
    """``values[i + k]`` where that token is in the same sentence, else ``fill``."""
    n = len(values)
    out = np.full(n, fill, dtype=np.int64)
    if abs(k) >= n:
        return out
    if k > 0:
        same = sentence[k:] == sentence[:-k]
        out[:-k] = np.where(same, values[k:], fill)
    else:
        same = sentence[:k] == sentence[-k:]
        out[-k:] = np.where(same, values[:k], fill)
    return out


def _distance_bucket(d: np.ndarray) -> np.ndarray:
    """Signed token distance to the nearest trigger (trigger minus token) -> bucket 1..9."""
    bins = np.array([-7, -3, -1, 0, 1, 2, 4, 8])  # trigger far left ... the token itself ... far right
    return np.searchsorted(bins, d, side="left") + 1


def _context(sentence: np.ndarray, triggers: np.ndarray) -> np.ndarray:
    n = len(sentence)
    sent_bucket = np.minimum(np.searchsorted(np.array([1, 2, 3, 5, 9]), sentence, side="right"), N_SENT - 1)
    if not triggers.any():
        return sent_bucket  # distance bucket 0: no trigger in the sentence
    positions = np.flatnonzero(triggers)
    index = np.arange(n)
    right = np.searchsorted(positions, index, side="left")
    left = right - 1
    best = np.full(n, 10**6, dtype=np.int64)
    for candidate in (left, right):
        valid = (candidate >= 0) & (candidate < len(positions))
        pos = positions[np.clip(candidate, 0, len(positions) - 1)]
        ok = valid & (sentence[pos] == sentence)
        dist = np.where(ok, pos - index, 10**6)
        best = np.where(np.abs(dist) < np.abs(best), dist, best)
    bucket = np.where(np.abs(best) < 10**6, _distance_bucket(best), 0)
    return bucket * N_SENT + sent_bucket
