"""Plain records shared by the extraction stage and its pluggable parts.

``EventAnchor`` is what the trigger detector hands to the role filler (helper module
``emberwatch.extract.roles``); ``RoleFillers`` is what comes back. Both carry character offsets into
the *original* document text, so every filler can be turned into a contract :class:`~emberwatch.models.Span`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from emberwatch.models import Count, DatePrecision, Language, Span


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A half-open character range ``[start, end)`` of the original text, with that text."""

    start: int
    end: int
    text: str

    def to_span(self) -> Span:
        return Span(text=self.text, start=self.start, end=self.end)

    @classmethod
    def of(cls, text: str, start: int, end: int) -> TextSpan:
        return cls(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class TermMatch:
    """A codebook term found in the text: which entry of which section, and where."""

    section: str  # "event_types", "actors", "descriptions", "weapons", "targets", "mechanisms"
    key: str  # entry id, e.g. "bombing/suicide_bombing", "isis-sahel", "vbied"
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EventAnchor:
    """One event trigger: the sentence it sits in and the trigger words (offsets into the text)."""

    sentence_start: int
    sentence_end: int
    trigger_start: int
    trigger_end: int
    event_type: str
    language: Language
    sub_type: str | None = None


@dataclass(slots=True)
class RoleFillers:
    """Role fillers of one event anchor; each participant once, with its most complete mention."""

    perpetrator_individuals: list[Span] = field(default_factory=list)
    perpetrator_organizations: list[Span] = field(default_factory=list)
    targets: list[Span] = field(default_factory=list)
    victims: list[Span] = field(default_factory=list)
    weapons: list[Span] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class CountMention:
    """A casualty figure with its evidence; ``perpetrator`` marks deaths of the attackers themselves."""

    kind: str  # "killed" or "wounded"
    count: Count
    evidence: TextSpan
    perpetrator: bool = False


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A date resolved against the publication date / dateline / heading, UCDP precision 1-5."""

    value: date
    precision: DatePrecision
    evidence: TextSpan | None
    end: date | None = None
    # only the date of a statement about the event ("officials said on Monday"): none other in its sentence
    reported: bool = False


class RoleFiller(Protocol):
    """What ``ExtractResources.role_filler`` must provide (see ``emberwatch.extract.roles``)."""

    def __call__(self, text: str, anchors: list[EventAnchor], resources: object) -> list[RoleFillers]: ...
