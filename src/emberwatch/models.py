"""Typed records passed between pipeline stages.

The extraction records (``Span``, ``PlaceRef``, ``ActorMention``, ``ExtractedEvent``,
``DocumentExtraction``) are also the stable JSON lines contract of ``emberwatch extract``:
``DocumentExtraction.model_dump(mode="json")`` is exactly one output line.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import IntEnum, StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Attribution(StrEnum):
    """How the perpetrator is known: the group claimed it, officials/reports attributed it, or it is suspected."""

    claimed = "claimed"
    attributed = "attributed"
    suspected = "suspected"
    unknown = "unknown"


class DatePrecision(IntEnum):
    """UCDP-style date precision."""

    day = 1
    range_6_days = 2
    week = 3
    month = 4
    year = 5


class LocationPrecision(IntEnum):
    """UCDP ``where_prec``-style location precision."""

    exact = 1
    near = 2
    admin2 = 3
    admin1 = 4
    part_of_country = 5
    country = 6
    unknown = 7


class ReviewStatus(StrEnum):
    """Analyst review state of an event."""

    unreviewed = "unreviewed"
    verified = "verified"
    edited = "edited"
    rejected = "rejected"


class ActorKind(StrEnum):
    organization = "organization"
    person = "person"
    group_description = "group_description"


class Language(StrEnum):
    en = "en"
    ar = "ar"
    other = "other"


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- documents


class Document(Record):
    """One ingested report."""

    id: str = Field(description="Stable id: hash of the normalised text.")
    source: str = Field(description="Where it came from: file path, feed URL, or dataset name.")
    url: str | None = None
    title: str | None = None
    published: date | None = None
    language: Language = Language.other
    text: str
    content_hash: str
    ingested_at: datetime | None = None
    metadata: dict[str, str] = Field(default_factory=dict)


# --------------------------------------------------------------------------- extraction contract


class Span(Record):
    """A piece of the document text: ``text == document[start:end]``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class PlaceRef(Record):
    """A toponym in the text and the gazetteer entry it resolved to (fields null when unresolved)."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    name: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: LocationPrecision = LocationPrecision.unknown


class Perpetrator(Record):
    actor_id: str | None = Field(description="Canonical codebook actor id, or null if not in the codebook.")
    name: str = Field(description="The mention as written.")
    attribution: Attribution = Attribution.unknown


class DateValue(Record):
    value: date | None = None
    precision: DatePrecision | None = None
    end: date | None = Field(default=None, exclude=False, description="Last day of the date range.")


class Count(Record):
    """A casualty figure: ``at least 14`` gives low=14, best=14, high=None."""

    low: int | None = None
    best: int | None = None
    high: int | None = None


class MechanismHit(Record):
    code: str
    evidence: Span


class ActorMention(Record):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    actor_id: str | None = None
    kind: ActorKind


class ExtractedEvent(Record):
    """One event mention found in one document."""

    event_type: str
    sub_type: str | None = None
    date: DateValue = Field(default_factory=DateValue)
    place: PlaceRef | None = None
    perpetrator: Perpetrator | None = None
    perpetrator_organizations: list[Span] = Field(default_factory=list)
    perpetrator_individuals: list[Span] = Field(default_factory=list)
    targets: list[Span] = Field(default_factory=list)
    victims: list[Span] = Field(default_factory=list)
    weapons: list[Span] = Field(default_factory=list)
    killed: Count = Field(default_factory=Count)
    wounded: Count = Field(default_factory=Count)
    mechanisms: list[MechanismHit] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: Span


class HomeArea(Record):
    """The province (admin1) a report's source usually covers: a tie-breaker for place names the
    text itself does not settle (a local paper's "Springfield"). Learnt by
    :func:`emberwatch.geo.home.learn_home`, or given."""

    country_code: str = Field(min_length=2, max_length=2, description="ISO code of the province's country.")
    admin1: str = Field(min_length=1, description="The province's gazetteer name, e.g. 'Louisiana', 'Nineveh'.")
    documents: int | None = Field(default=None, description="Reports of the source that name a place in it.")
    of_documents: int | None = Field(default=None, description="Reports of the source it was learnt from.")

    def __str__(self) -> str:
        learnt = f"; {self.documents} of {self.of_documents} reports" if self.documents is not None else ""
        return f"{self.admin1} ({self.country_code}{learnt})"


class DocumentExtraction(Record):
    """One line of ``emberwatch extract`` output."""

    id: str
    language: Language
    events: list[ExtractedEvent] = Field(default_factory=list)
    places: list[PlaceRef] = Field(default_factory=list)
    actors: list[ActorMention] = Field(default_factory=list)
    home: HomeArea | None = Field(
        default=None, description="The source's home province the geoparser leaned on for ambiguous names, if any."
    )


class ExtractInput(Record):
    """One line of ``emberwatch extract`` input."""

    model_config = ConfigDict(extra="ignore")

    id: str
    text: str
    published: date | None = None
    language: Language | None = None
    title: str | None = None
    source: str | None = Field(default=None, description="Outlet or feed the report came from.")
    url: str | None = None
    home: HomeArea | None = Field(
        default=None,
        description="Province the source usually covers; learnt from the outlet's other reports when "
        "not given (see docs/geo.md, 'Source home areas').",
    )
