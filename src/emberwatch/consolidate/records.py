"""Typed records of consolidated events, their sources and their review history.

``EventRecord`` is one row of the ``events`` table; ``EventDetail`` is what the API and dashboard
show for one incident: its fields, the machine's values, every source with evidence snippets, and
the history of machine and analyst changes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from emberwatch.models import Count, ReviewStatus, Span


class EventRecord(BaseModel):
    """One consolidated event (incident), as stored in ``events``."""

    model_config = ConfigDict(extra="ignore")

    id: str
    origin: str = "extracted"
    event_type: str
    sub_type: str | None = None
    date: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: int | None = None
    place_name: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    location_precision: int | None = None
    perpetrator_id: str | None = None
    perpetrator_mention: str | None = None
    attribution: str | None = None
    targets: list[str] = Field(default_factory=list)
    victims: list[str] = Field(default_factory=list)
    weapons: list[str] = Field(default_factory=list)
    killed_low: int | None = None
    killed_best: int | None = None
    killed_high: int | None = None
    wounded_low: int | None = None
    wounded_best: int | None = None
    wounded_high: int | None = None
    mechanisms: list[str] = Field(default_factory=list)
    confidence: float | None = None
    language: str | None = None
    n_sources: int = 1
    n_independent_sources: int | None = None
    review_status: ReviewStatus = ReviewStatus.unreviewed
    summary: str | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


# Fields an analyst may change with ``review edit`` (the rest are computed or bookkeeping).
NOT_EDITABLE = frozenset(
    {"id", "origin", "n_sources", "n_independent_sources", "review_status", "created_at", "updated_at"}
)
EDITABLE_FIELDS = tuple(f for f in EventRecord.model_fields if f not in NOT_EDITABLE)
MACHINE_EXCLUDE = frozenset({"review_status", "created_at", "updated_at"})


class EvidenceSnippet(BaseModel):
    """The text that supports one field in one source, with surrounding context for display."""

    field: str = Field(description="Event field this span supports (event, place, perpetrator...).")
    text: str
    start: int
    end: int
    context: str = Field(description="The span with up to ~120 characters of text around it.")
    context_start: int = Field(description="Offset of ``context`` in the document text.")


class EventSource(BaseModel):
    """One mention of the event in one document."""

    mention_id: str
    document_id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    language: str | None = None
    near_duplicate_of: str | None = Field(
        default=None, description="Canonical document when this one is a wire copy (counts once)."
    )
    extractor_version: str | None = None
    event_type: str | None = None
    date: dt.date | None = None
    date_precision: int | None = None
    place_text: str | None = None
    perpetrator_mention: str | None = None
    killed: Count = Field(default_factory=Count)
    wounded: Count = Field(default_factory=Count)
    confidence: float | None = None
    evidence: list[EvidenceSnippet] = Field(default_factory=list)


class HistoryEntry(BaseModel):
    """One change to an event: by the machine (consolidation runs) or by an analyst."""

    at: dt.datetime
    action: str = Field(description="created, machine_update, removed, verify, reject, edit, merge, split")
    field: str | None = None
    old_value: Any = None
    new_value: Any = None
    author: str
    reason: str | None = None
    review_id: str | None = None


class EventDetail(BaseModel):
    """Everything about one incident: effective fields, machine values, sources and history."""

    event: EventRecord
    machine: EventRecord | None = Field(default=None, description="The machine's values, before overrides.")
    overrides: dict[str, Any] = Field(default_factory=dict, description="Analyst edits in force.")
    sources: list[EventSource] = Field(default_factory=list)
    history: list[HistoryEntry] = Field(default_factory=list)


class FieldEvidence(BaseModel):
    """``event_sources.evidence``: the spans of one mention that support each event field."""

    fields: dict[str, list[Span]] = Field(default_factory=dict)
