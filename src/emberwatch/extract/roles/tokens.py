"""Fast word tokenisation and sentence splitting with character offsets.

The role filler works on lower-cased word tokens (MUC-4 training text is lower-cased, wire text is
upper-cased, news is mixed), so one regular expression gives every token and its offsets; casing is
kept only as a per-token flag for the mixed-case name rules.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import numpy as np

_TOKEN = re.compile(r"[^\W_]+(?:[-'’.&/][^\W_]+)*|\S", re.UNICODE)
# Sentence ends: ., ! or ? (optionally followed by a quote/bracket) then whitespace; or a blank line.
_SENT_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n\s*\n| {3,}")
_ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "st",
        "no",
        "nos",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "messrs",
        "rev",
        "fr",
        "sen",
        "rep",
        "gov",
        "pres",
        "vs",
        "etc",
        "inc",
        "corp",
        "co",
        "jr",
        "sr",
        "mt",
        "ft",
    }
)


@dataclass(frozen=True, slots=True)
class Tokens:
    """Tokens of one text: lower-cased strings, offsets, sentence index and a capitalisation flag."""

    text: str
    lower: list[str]
    starts: np.ndarray
    ends: np.ndarray
    sentence: np.ndarray
    capitalised: np.ndarray
    mixed_case: bool

    def __len__(self) -> int:
        return len(self.lower)

    def sentence_bounds(self) -> list[tuple[int, int]]:
        """Token index ranges ``[first, last)`` of each sentence."""
        if not len(self):
            return []
        cuts = np.flatnonzero(np.diff(self.sentence)) + 1
        edges = [0, *cuts.tolist(), len(self)]
        return list(itertools.pairwise(edges))


def sentence_starts(text: str) -> list[int]:
    """Character offsets where sentences start (the first is always 0)."""
    starts = [0]
    for match in _SENT_END.finditer(text):
        if match.group(0).startswith(".") and _is_abbreviation(text, match.start()):
            continue
        starts.append(match.end())
    return starts


def _is_abbreviation(text: str, dot: int) -> bool:
    begin = dot
    while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] == "."):
        begin -= 1
    word = text[begin:dot].lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or "." in word


def tokenize(text: str) -> Tokens:
    """Split ``text`` into tokens with offsets and sentence ids."""
    matches = list(_TOKEN.finditer(text))
    n = len(matches)
    offsets = np.fromiter(itertools.chain.from_iterable(m.span() for m in matches), dtype=np.int64, count=2 * n)
    starts, ends = offsets[0::2].copy(), offsets[1::2].copy()
    words = [m.group() for m in matches]
    sent_starts = np.asarray(sentence_starts(text), dtype=np.int64)
    sentence = np.searchsorted(sent_starts, starts, side="right") - 1
    sample = " ".join(words[:400])  # upper- or lower-case-only text skips the per-word checks
    has_lower = sample.upper() != sample and any(w.islower() for w in words[:400])
    has_upper = sample.lower() != sample and any(w[:1].isupper() for w in words[:400])
    mixed = has_lower and has_upper
    if mixed:
        capitalised = np.fromiter((w[:1].isupper() for w in words), dtype=bool, count=n)
    else:
        capitalised = np.zeros(n, dtype=bool)
    # tokens hold no whitespace, so one lower() over the joined words splits back token for token
    lower = " ".join(words).lower().split(" ") if n else []
    if len(lower) != n:  # defensive: a character whose lower case is a space (none known)
        lower = [w.lower() for w in words]
    return Tokens(
        text=text,
        lower=lower,
        starts=starts,
        ends=ends,
        sentence=sentence.astype(np.int64),
        capitalised=capitalised,
        mixed_case=mixed,
    )
