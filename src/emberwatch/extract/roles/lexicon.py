"""Phrase lexicons for the role filler: which token runs are known organisations, perpetrator
descriptions, human targets, physical targets, weapons and event triggers.

Entries come from three places, merged into one :class:`Lexicon`: the phrases learned from MUC-4
gold fillers (stored with the model), the codebook (actor aliases, descriptions, weapons, targets,
event-type terms) and a short built-in list for present-day news (``builtin_lexicon.txt``). Matching
is on lower-cased tokens, so case does not matter.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING

import ahocorasick
import numpy as np

from emberwatch.errors import EmberwatchError
from emberwatch.extract.roles.tokens import Tokens, tokenize

if TYPE_CHECKING:
    from emberwatch.codebook import Codebook

log = logging.getLogger(__name__)

# Lexicon categories; a token's lexicon code is a bit set over these.
CATEGORIES = ("organization", "perpetrator", "victim", "target", "weapon")
TRIGGER = "trigger"
ALL_CATEGORIES = (*CATEGORIES, TRIGGER)


def normalise_phrase(phrase: str) -> str:
    """Lower-cased tokens joined by single spaces (the form lexicon entries are stored in)."""
    return " ".join(tokenize(phrase).lower)


@dataclass
class Lexicon:
    """Phrases per category with an Aho-Corasick matcher over space-joined lower-cased tokens."""

    phrases: dict[str, set[str]] = field(default_factory=lambda: {c: set() for c in ALL_CATEGORIES})
    _automaton: ahocorasick.Automaton | None = field(default=None, repr=False, compare=False)

    def add(self, category: str, items: Iterable[str]) -> None:
        bucket = self.phrases.setdefault(category, set())
        for item in items:
            norm = normalise_phrase(item)
            if norm:
                bucket.add(norm)
        self._automaton = None

    def merged(self, other: Lexicon) -> Lexicon:
        out = Lexicon()
        for source in (self, other):
            for category, items in source.phrases.items():
                out.phrases.setdefault(category, set()).update(items)
        return out

    def _build(self) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        entries: dict[str, int] = {}
        for bit, category in enumerate(ALL_CATEGORIES):
            for phrase in self.phrases.get(category, ()):
                entries[phrase] = entries.get(phrase, 0) | (1 << bit)
        for phrase, bits in entries.items():
            automaton.add_word(f" {phrase} ", (phrase.count(" ") + 1, bits))
        if entries:
            automaton.make_automaton()
        return automaton

    def matches(self, tokens: Tokens) -> list[tuple[int, int, int]]:
        """Every phrase occurrence as ``(first token, last token + 1, category bits)``."""
        if self._automaton is None:
            self._automaton = self._build()
        if not len(tokens) or self._automaton.kind != ahocorasick.AHOCORASICK:
            return []
        joined = " " + " ".join(tokens.lower) + " "
        lengths = np.fromiter(map(len, tokens.lower), dtype=np.int64, count=len(tokens)) + 1
        token_end = np.cumsum(lengths)  # offset in ``joined`` of the space after each token
        found = list(self._automaton.iter(joined))
        if not found:
            return []
        ends = np.fromiter((end for end, _ in found), dtype=np.int64, count=len(found))
        last = np.searchsorted(token_end, ends)
        return [
            (max(0, int(stop) - n_words + 1), int(stop) + 1, bits)
            for stop, (_, (n_words, bits)) in zip(last, found, strict=True)
        ]

    def codes(self, tokens: Tokens) -> np.ndarray:
        """Per token, the bit set of categories of every lexicon phrase covering it."""
        codes = np.zeros(len(tokens), dtype=np.int64)
        found = self.matches(tokens)
        if not found:
            return codes
        spans = np.array(found, dtype=np.int64)
        for offset in range(int((spans[:, 1] - spans[:, 0]).max())):
            inside = spans[:, 0] + offset < spans[:, 1]
            np.bitwise_or.at(codes, spans[inside, 0] + offset, spans[inside, 2])
        return codes

    def __getstate__(self) -> dict[str, object]:
        return {"phrases": self.phrases}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.phrases = state["phrases"]  # type: ignore[assignment]
        self._automaton = None


def builtin_lexicon() -> Lexicon:
    """The short built-in list of present-day terms (``category<TAB>phrase`` lines)."""
    lexicon = Lexicon()
    text = resources.files("emberwatch.extract.roles").joinpath("builtin_lexicon.txt").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        category, _, phrase = line.partition("\t")
        lexicon.add(category.strip(), [phrase.strip()])
    return lexicon


def codebook_lexicon(codebook: Codebook | None = None) -> Lexicon:
    """Phrases from ``codebook`` (default: the configured one; empty, with a warning, when it is invalid)."""
    lexicon = Lexicon()
    if codebook is None:
        from emberwatch.codebook import load_codebook
        from emberwatch.settings import get_settings

        try:
            codebook = load_codebook(get_settings().codebook)
        except EmberwatchError as exc:  # the role filler still works on its model and built-in terms
            log.warning("role filler: codebook not loaded (%s); using built-in lexicons only", exc)
            return lexicon
    for actor in codebook.actors:
        lexicon.add("organization", [actor.name, *actor.aliases.en, *actor.abbreviations])
    for description in codebook.descriptions:
        category = "organization" if description.role.value == "perpetrator_organization" else "perpetrator"
        lexicon.add(category, description.terms.en)
    for weapon in codebook.weapons:
        lexicon.add("weapon", weapon.terms.en)
    for target in codebook.targets:
        lexicon.add("victim" if target.human else "target", target.terms.en)
    for event_type in codebook.event_types:
        lexicon.add(TRIGGER, event_type.terms.en)
        for sub_type in event_type.sub_types:
            lexicon.add(TRIGGER, sub_type.terms.en)
    return lexicon
