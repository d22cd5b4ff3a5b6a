"""One Aho-Corasick pass over a whole document for every codebook term of a language.

Patterns are normalised with the same function as the text; a hit counts only on word boundaries
(the characters around it are not letters/digits). Within one section overlapping hits keep the
longest (then the earliest), so "suicide car bomb" wins over "car bomb" and "bomb".

A term with a gap, written with "…" ("set … on fire"), matches one to :data:`GAP_WORDS` words in
place of the "…" ("set the well on fire", "set several houses ablaze"); the hit is the part after the
gap ("on fire"), so the words in the gap (a target) stay free for other sections.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

import ahocorasick

from emberwatch.extract.language import NormalizedText
from emberwatch.extract.types import TermMatch


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


GAP = "…"
GAP_WORDS = 3  # words a gapped term's "…" stands for, at most


def _gapped(head: str, tails: Iterable[str]) -> re.Pattern[str]:
    """One pattern for the gapped terms that share their words before the gap: those words, 1-3 words
    without punctuation, then one of the ``tails`` (longest first). The pattern starts with the literal
    head, so the regular expression engine skips ahead to it."""
    words = r"(?:\s+[^\W_][\w'’-]*)" + "{1," + str(GAP_WORDS) + "}"
    not_particle = r"(?!\s+(?:up|out|off|about)\b)"  # "set up checkpoints on fire roads" is no arson
    alternatives = "|".join(re.escape(t) for t in sorted(set(tails), key=len, reverse=True))
    return re.compile(
        rf"{re.escape(head)}(?<!\w{re.escape(head)}){not_particle}{words}\s+(?P<tail>{alternatives})(?!\w)"
    )


class TermMatcher:
    """Built once per language and codebook; matching is a pure function of the text."""

    def __init__(
        self,
        patterns: Iterable[tuple[str, str, str]],
        normalize: Callable[[str], str],
        case_sensitive: Iterable[tuple[str, str, str]] = (),
    ) -> None:
        """``patterns``/``case_sensitive``: (term, section, key). Case-sensitive terms match the raw text."""
        patterns = list(patterns)
        self._automaton = self._build(((normalize(t).strip(), s, k) for t, s, k in patterns if GAP not in t))
        self._exact = self._build(((t.strip(), s, k) for t, s, k in case_sensitive))
        tails: dict[str, dict[str, list[tuple[str, str]]]] = {}  # head -> tail -> owners
        for term, section, key in patterns:
            if GAP in term:
                head, tail = (normalize(part).strip() for part in term.split(GAP, 1))
                owners = tails.setdefault(head, {}).setdefault(tail, [])
                if (section, key) not in owners:
                    owners.append((section, key))
        self._gaps = [(_gapped(head, by_tail), by_tail) for head, by_tail in tails.items()]

    @staticmethod
    def _build(entries: Iterable[tuple[str, str, str]]) -> ahocorasick.Automaton | None:
        automaton = ahocorasick.Automaton()
        table: dict[str, list[tuple[str, str]]] = {}
        for term, section, key in entries:
            if term:
                table.setdefault(term, [])
                if (section, key) not in table[term]:
                    table[term].append((section, key))
        if not table:
            return None
        for term, owners in table.items():
            automaton.add_word(term, (len(term), tuple(owners)))
        automaton.make_automaton()
        return automaton

    def match(self, text: str, normalized: NormalizedText) -> list[TermMatch]:
        hits = self._scan(self._automaton, normalized.text, normalized, text)
        hits += self._scan(self._exact, text, NormalizedText(text), text)
        for pattern, by_tail in self._gaps:
            for m in pattern.finditer(normalized.text):
                o_start, o_end = normalized.original_span(*m.span("tail"))
                hits += (TermMatch(s, k, o_start, o_end, text[o_start:o_end]) for s, k in by_tail[m["tail"]])
        return _longest_per_section(hits)

    @staticmethod
    def _scan(
        automaton: ahocorasick.Automaton | None, haystack: str, norm: NormalizedText, text: str
    ) -> list[TermMatch]:
        if automaton is None:
            return []
        hits: list[TermMatch] = []
        n = len(haystack)
        for end_index, (length, owners) in automaton.iter(haystack):
            start, end = end_index - length + 1, end_index + 1
            if start > 0 and _is_word_char(haystack[start - 1]) and _is_word_char(haystack[start]):
                continue
            if end < n and _is_word_char(haystack[end]) and _is_word_char(haystack[end - 1]):
                continue
            o_start, o_end = norm.original_span(start, end)
            surface = text[o_start:o_end]
            hits.extend(TermMatch(section, key, o_start, o_end, surface) for section, key in owners)
        return hits


def _longest_per_section(hits: list[TermMatch]) -> list[TermMatch]:
    kept: list[TermMatch] = []
    by_section: dict[str, list[TermMatch]] = {}
    for hit in hits:
        by_section.setdefault(hit.section, []).append(hit)
    for section_hits in by_section.values():
        kept.extend(_non_overlapping(section_hits))
    kept.sort(key=lambda m: (m.start, m.end, m.section, m.key))
    return kept


def _non_overlapping(hits: list[TermMatch]) -> list[TermMatch]:
    """Greedy longest-first selection; identical spans (several owners) are all kept."""
    starts: list[int] = []  # sorted starts of chosen spans
    ends: list[int] = []  # their ends, in the same order
    chosen: list[TermMatch] = []
    for hit in sorted(hits, key=lambda m: (-(m.end - m.start), m.start)):
        i = bisect.bisect_left(starts, hit.start)
        same = i < len(starts) and starts[i] == hit.start and ends[i] == hit.end
        before_ok = i == 0 or ends[i - 1] <= hit.start
        after_ok = i == len(starts) or hit.end <= starts[i]
        if same or (before_ok and after_ok):
            chosen.append(hit)
            if not same:
                starts.insert(i, hit.start)
                ends.insert(i, hit.end)
    return chosen
