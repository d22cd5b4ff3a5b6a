"""The per-language rules the extraction pipeline needs (English in ``extract.en``, Arabic in ``extract.ar``).

A language module exposes ``build_rules(codebook) -> LanguageRules``; the pipeline builds the rules of
every language once per :class:`~emberwatch.extract.pipeline.ExtractResources` and picks them by
``ExtractInput.language`` (or by script detection). Every offset a method returns points into the
*original* text passed in, so evidence spans round-trip (``text[start:end] == span.text``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Protocol, runtime_checkable

from emberwatch.extract.types import CountMention, ResolvedDate, Sentence, TermMatch, TextSpan
from emberwatch.models import Attribution, Language
from emberwatch.text.offsets import OffsetMap


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalised copy of a text for matching, and the map of its offsets back to the original.

    ``offsets`` is None when normalisation kept every character in place (English case folding of
    ordinary text): then offsets are the same in both strings.
    """

    text: str
    offsets: OffsetMap | None = None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` range of the normalised text back to the original text."""
        if self.offsets is None:
            return start, end
        return self.offsets.to_original(start, end)


@dataclass(frozen=True, slots=True)
class DateContext:
    """What relative dates are resolved against: the publication date, a dateline, a heading year."""

    published: date | None
    dateline: date | None = None
    heading_year: int | None = None
    heading_month: int | None = None

    @property
    def anchor(self) -> date | None:
        return self.dateline or self.published


@runtime_checkable
class LanguageRules(Protocol):
    """Everything language-specific in extraction (one implementation per language)."""

    language: Language

    def normalize(self, text: str) -> NormalizedText:
        """Case-fold / unify the text for matching, keeping an offset map to the original."""
        ...

    def sentences(self, text: str) -> list[Sentence]:
        """Sentence (and list-item / heading line) boundaries with original offsets."""
        ...

    def match_terms(self, text: str, normalized: NormalizedText | None = None) -> list[TermMatch]:
        """Every codebook term of this language in the text (one pass over the whole document).

        Sections: ``event_types`` (key ``type`` or ``type/sub_type``), ``actors``, ``descriptions``,
        ``weapons``, ``targets``, ``mechanisms`` (key ``code/indicator``) and ``cues`` (key
        ``claimed``, ``attributed``, ``suspected``, ``negation``, ``hypothetical``,
        ``perpetrator_killed``). Matches are case-insensitive and on word boundaries; overlapping
        matches of one section keep the longest.
        """
        ...

    def casualties(self, text: str, sentence: Sentence) -> list[CountMention]:
        """Killed/wounded figures in one sentence, perpetrator deaths flagged apart."""
        ...

    def has_number(self, text: str) -> bool:
        """``text`` (a few words) holds a figure: digits or number words ("three", "ثلاثة")."""
        ...

    def resolve_date(self, text: str, sentence: Sentence, context: DateContext) -> ResolvedDate | None:
        """The date an event in this sentence happened, resolved against the context."""
        ...

    def date_headings(self, text: str) -> list[tuple[int, DateContext]]:
        """Offsets where a heading/dateline/list label changes the date context (timelines)."""
        ...

    def is_negated(self, text: str, sentence: Sentence, trigger: TextSpan, cues: list[TermMatch]) -> bool:
        """True when the trigger is denied, hypothetical, threatened or in the future."""
        ...

    def attribution(
        self, text: str, sentence: Sentence, actor: TextSpan, cues: list[TermMatch]
    ) -> Attribution:
        """Claimed / attributed / suspected / unknown for an actor mention in an event sentence."""
        ...


class RulesFactory(Protocol):
    def __call__(self, codebook: object) -> LanguageRules: ...


# language -> "module:function" building its rules; resolved lazily by the pipeline.
RULES_FACTORIES: dict[Language, str] = {
    Language.en: "emberwatch.extract.en:build_rules",
    Language.ar: "emberwatch.extract.ar:build_rules",
}


_ARABIC_LETTERS = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN_LETTERS = re.compile(r"[A-Za-z]")


def detect_language(text: str, sample: int = 4000) -> Language:
    """English or Arabic by script ratio of the letters (Arabic when over 30% Arabic letters)."""
    head = text[:sample]
    arabic = len(_ARABIC_LETTERS.findall(head))
    latin = len(_LATIN_LETTERS.findall(head))
    if arabic + latin == 0:
        return Language.other
    return Language.ar if arabic / (arabic + latin) > 0.3 else Language.en
