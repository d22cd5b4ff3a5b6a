"""English implementation of :class:`~emberwatch.extract.language.LanguageRules`."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from emberwatch.codebook.schema import Codebook, Terms
from emberwatch.extract.en import dates, numbers, sentences
from emberwatch.extract.language import DateContext, NormalizedText
from emberwatch.extract.matching import TermMatcher
from emberwatch.extract.types import CountMention, ResolvedDate, Sentence, TermMatch, TextSpan
from emberwatch.models import Attribution, Language
from emberwatch.text.offsets import OffsetMap

# Abbreviations that are also ordinary English words: matched only with their exact case in
# mixed-case text, never in single-case (all upper / all lower) text.
AMBIGUOUS_ABBREVIATIONS = frozenset(
    {"is", "isi", "us", "aq", "oir", "adf", "iss", "ism", "cts", "sna", "fsa", "ana"}
)
# How far (characters) before a trigger a negation/hypothetical cue still applies.
CUE_WINDOW = 60
CLAIM_SECTIONS = ("claimed", "attributed", "suspected")


def plural_forms(term: str) -> list[str]:
    """The term and the English plural of its last word."""
    head, _, last = term.rpartition(" ")
    prefix = head + " " if head else ""
    if not last.isalpha() or len(last) < 3:
        return [term]
    if last.endswith(("s", "x", "ch", "sh", "z")):
        plural = last + "es"
    elif last.endswith("y") and last[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith("man"):
        plural = last[:-3] + "men"
    else:
        plural = last + "s"
    return [term, prefix + plural]


def _terms(entries: Iterator[tuple[Terms, str, str]], expand: bool) -> Iterator[tuple[str, str, str]]:
    for terms, section, key in entries:
        for term in terms.en:
            for form in plural_forms(term) if expand else [term]:
                yield form, section, key


def _codebook_terms(codebook: Codebook) -> Iterator[tuple[Terms, str, str]]:
    yield from codebook.term_lists()
    for actor in codebook.actors:
        yield Terms(en=[actor.name, *codebook.actor_names(actor, "en")]), "actors", actor.id


# Side cues that English applies with its own adjacent-word rules (extract.en.context, fed from the same
# codebook lists): matching "on", "at", "by", "killed" everywhere would only cost time.
NOT_MATCHED_CUES = frozenset({"object_marker", "agent_marker", "harm_before", "back_matter", "aircraft"})
# ("back_matter" titles are compared with whole heading lines, see extract.events.back_matter_sentences; "aircraft"
# words tell an Arabic air raid from a ground raid, extract.ar.rules)


def _cue_terms(codebook: Codebook) -> Iterator[tuple[Terms, str, str]]:
    for name in type(codebook.cues).model_fields:
        if name not in NOT_MATCHED_CUES:
            yield getattr(codebook.cues, name), "cues", name


class EnglishRules:
    """Codebook-driven English rules; build once per codebook (compiles the Aho-Corasick automata)."""

    language = Language.en

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        terms = list(_terms(_codebook_terms(codebook), expand=True)) + list(
            _terms(_cue_terms(codebook), False)
        )
        abbreviations = [(a, "actors", actor.id) for actor in codebook.actors for a in actor.abbreviations]
        # "a U.S. airstrike", "coalition drone strikes": exact case, mixed-case text only ("US" is no "us")
        attributive = [(a, "attributive", actor.id) for actor in codebook.actors for a in actor.attributive.en]
        self._mixed = TermMatcher(terms, str.lower, case_sensitive=abbreviations + attributive)
        single_case = [(a, s, k) for a, s, k in abbreviations if a.lower() not in AMBIGUOUS_ABBREVIATIONS]
        self._single = TermMatcher(terms + single_case, str.lower)
        self.perpetrator_words = frozenset(
            f.lower() for t in codebook.cues.perpetrator_killed.en for f in plural_forms(t)
        )

    def normalize(self, text: str) -> NormalizedText:
        # Turkish dotted capital I lower-cases to two characters; "i" keeps offsets and matches names
        lowered = text.replace("\u0130", "I").lower()
        if len(lowered) == len(text):
            return NormalizedText(lowered)
        return _normalize_expanding(text)

    def sentences(self, text: str) -> list[Sentence]:
        return sentences.split_sentences(text)

    def match_terms(self, text: str, normalized: NormalizedText | None = None) -> list[TermMatch]:
        normalized = normalized or self.normalize(text)
        matcher = self._single if _single_case(text) else self._mixed
        return [m for m in matcher.match(text, normalized) if not _participle_adjective(text, m)]

    def casualties(self, text: str, sentence: Sentence) -> list[CountMention]:
        return numbers.casualty_mentions(text, sentence, self.perpetrator_words)

    def has_number(self, text: str) -> bool:
        toks = numbers.tokenize(text)
        return any(numbers.parse_number(toks, i) is not None for i in range(len(toks)))

    def resolve_date(self, text: str, sentence: Sentence, context: DateContext) -> ResolvedDate | None:
        return dates.resolve_sentence_date(text, sentence, context)

    def date_headings(self, text: str) -> list[tuple[int, DateContext]]:
        return dates.date_headings(text)

    def is_negated(self, text: str, sentence: Sentence, trigger: TextSpan, cues: list[TermMatch]) -> bool:
        if _NO_BEFORE.search(text, max(sentence.start, trigger.start - 4), trigger.start):
            return True  # "No arrests were announced", "no arrests have been made"
        for cue in cues:
            if cue.key not in {"negation", "hypothetical"} or not sentence.start <= cue.start < sentence.end:
                continue
            if _month_may(text, cue):
                continue
            if cue.end <= trigger.start and trigger.start - cue.end <= CUE_WINDOW:
                between = text[cue.end : trigger.start]
                if ";" not in between and " but " not in between.lower():
                    return True
        return False

    def attribution(
        self, text: str, sentence: Sentence, actor: TextSpan, cues: list[TermMatch]
    ) -> Attribution:
        found = {c.key for c in cues if c.key in CLAIM_SECTIONS and sentence.start <= c.start < sentence.end}
        if "claimed" in found:
            return Attribution.claimed
        near = [c for c in cues if c.key == "suspected" and abs(c.start - actor.start) <= CUE_WINDOW]
        if near:
            return Attribution.suspected
        return Attribution.attributed


_NO_BEFORE = re.compile(r"\bno\s+$", re.IGNORECASE)
_DIGIT_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?\s*(?:of\s+)?$", re.IGNORECASE)
_DIGIT_AFTER = re.compile(r"\s*\d")


# "the attacked village", "the targeted building": a past participle between "the" and its noun describes a place
# the report has told of, it tells no event
_ATTACKS = frozenset({"attack", "armed_assault"})
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+(?!(?:was|were|is|are|had|has|have|and|or|in|on|at|by|of)\b)[a-z]+\b")


def _participle_adjective(text: str, match: TermMatch) -> bool:
    """A word of attack ending in -ed after "the" and before a noun ("the attacked village"); not a person's fate ("the
    assassinated candidate", "the kidnapped journalist"), which names an event of its own, nor ground or people taken
    ("the captured camp", "the captured jihadists"), which name the capture told before."""
    return (
        match.section == "event_types"
        and match.key in _ATTACKS
        and " " not in match.text
        and match.text.lower().endswith("ed")
        and _THE_BEFORE.search(text, max(0, match.start - 8), match.start) is not None
        and _NOUN_AFTER.match(text, match.end) is not None
    )


def _month_may(text: str, cue: TermMatch) -> bool:
    """The hypothetical cue "may" is the month ("On 5 May, airstrikes killed ...", "In May 2017"): capitalised
    in mixed-case text, or next to a day or a year in text of one case ("ON 5 MAY")."""
    if cue.text.lower() != "may":
        return False
    if not _single_case(text) and cue.text[0] == "M":
        return True
    return bool(_DIGIT_BEFORE.search(text, max(0, cue.start - 8), cue.start) or _DIGIT_AFTER.match(text, cue.end))


def _normalize_expanding(text: str) -> NormalizedText:
    """Lower-case text in which some characters expand when lower-cased, with an offset map."""
    starts: list[int] = []
    ends: list[int] = []
    pieces = []
    for i, ch in enumerate(text):
        low = ch.lower()
        pieces.append(low)
        starts.extend([i] * len(low))
        ends.extend([i + 1] * len(low))
    return NormalizedText("".join(pieces), OffsetMap(starts, ends, len(text)))


def _single_case(text: str) -> bool:
    """True when the text has letters of only one case (wire style / MUC-4)."""
    sample = text[:3000]
    return sample.upper() == sample or sample.lower() == sample


def sentence_index(sentences_: list[Sentence], offset: int) -> int:
    """Index of the sentence containing ``offset`` (or the one before it)."""
    starts = [s.start for s in sentences_]
    return max(0, bisect.bisect_right(starts, offset) - 1)
