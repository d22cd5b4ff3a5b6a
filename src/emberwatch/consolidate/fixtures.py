"""Consolidation fixtures: hand-written reports with ready-made extractions and gold incident labels.

A fixture line (``examples/consolidation-fixtures/mentions.jsonl``) is a :class:`FixtureRecord`:
the document, its ``DocumentExtraction`` and, for each extracted event, the gold incident it
belongs to. ``load_fixtures`` stores documents and extractions exactly as ingest + extract would,
so consolidation can be scored independently of the extractor. ``reports.jsonl`` holds the same
documents as ``emberwatch extract`` input lines (with ``gold_incidents``) for the end-to-end variant.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from emberwatch.errors import InputError
from emberwatch.models import (
    Attribution,
    Count,
    DatePrecision,
    DateValue,
    Document,
    DocumentExtraction,
    ExtractedEvent,
    Language,
    LocationPrecision,
    Perpetrator,
    PlaceRef,
    Span,
)
from emberwatch.store import Store
from emberwatch.store.documents import insert_documents
from emberwatch.store.mentions import save_extractions

FIXTURE_VERSION = "fixtures-1"


class FixtureDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    source: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    language: Language
    text: str

    def to_document(self) -> Document:
        digest = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        return Document(
            id=self.id,
            source=self.source,
            url=self.url,
            title=self.title,
            published=self.published,
            language=self.language,
            text=self.text,
            content_hash=digest,
            ingested_at=datetime(2026, 1, 1, tzinfo=UTC).replace(tzinfo=None),
        )


class FixtureRecord(BaseModel):
    """One report: document, extraction, and the gold incident id of each extracted event."""

    model_config = ConfigDict(extra="forbid")

    document: FixtureDocument
    extraction: DocumentExtraction
    gold: list[str] = Field(description="Gold incident id per extracted event, in order.")

    @model_validator(mode="after")
    def _check(self) -> FixtureRecord:
        if len(self.gold) != len(self.extraction.events):
            raise ValueError(f"{len(self.gold)} gold labels for {len(self.extraction.events)} events")
        if self.extraction.id != self.document.id:
            raise ValueError("extraction.id must equal document.id")
        text = self.document.text
        for i, event in enumerate(self.extraction.events):
            spans = [event.evidence] + ([event.place] if event.place else [])
            for span in spans:
                if text[span.start : span.end] != span.text:
                    raise ValueError(f"event {i}: span {span.text!r} is not text[{span.start}:{span.end}]")
        return self


def read_fixtures(path: Path) -> list[FixtureRecord]:
    """Parse a fixtures JSONL file; errors name the file and line."""
    if path.is_dir():
        path = path / "mentions.jsonl"
    if not path.is_file():
        raise InputError(f"Consolidation fixtures not found at {path}; pass --fixtures PATH.")
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(FixtureRecord.model_validate_json(line))
        except ValidationError as exc:
            raise InputError(f"{path} line {number}: {exc.errors()[0]['msg']} at {exc.errors()[0]['loc']}") from exc
    return records


def load_fixtures(store: Store, records: list[FixtureRecord], extractor_version: str = FIXTURE_VERSION) -> int:
    """Store the fixture documents (new ones only) and their extractions; returns mentions written."""
    existing = {r[0] for r in store.execute("SELECT id FROM documents").fetchall()}
    insert_documents(store, [r.document.to_document() for r in records if r.document.id not in existing])
    return save_extractions(store, [(r.document.id, r.extraction) for r in records], extractor_version)


# --------------------------------------------------------------------------- builders


class FixturePlace(BaseModel):
    """A gazetteer entry for hand-built mentions."""

    name: str
    country_code: str
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: int = 1


def _find(text: str, needle: str) -> int:
    start = text.find(needle)
    if start < 0:
        raise InputError(f"{needle!r} does not occur in the fixture text {text[:60]!r}...")
    return start


def build_event(
    text: str,
    evidence: str,
    event_type: str,
    when: date | None = None,
    precision: int = 1,
    place_text: str | None = None,
    place: FixturePlace | None = None,
    actor_id: str | None = None,
    perpetrator: str | None = None,
    attribution: str = "unknown",
    killed: tuple[int | None, int | None, int | None] = (None, None, None),
    wounded: tuple[int | None, int | None, int | None] = (None, None, None),
    confidence: float = 0.8,
    sub_type: str | None = None,
    date_end: date | None = None,
    targets: tuple[str, ...] = (),
    victims: tuple[str, ...] = (),
) -> ExtractedEvent:
    """An ``ExtractedEvent`` whose spans are found in ``text`` (first occurrence of each string)."""
    start = _find(text, evidence)
    place_ref = None
    if place_text is not None:
        p = _find(text, place_text)
        info = place or FixturePlace(name=place_text, country_code="", precision=7)
        place_ref = PlaceRef(
            text=place_text,
            start=p,
            end=p + len(place_text),
            name=info.name,
            country_code=info.country_code or None,
            admin1=info.admin1,
            admin2=info.admin2,
            lat=info.lat,
            lon=info.lon,
            geonames_id=info.geonames_id,
            precision=LocationPrecision(info.precision),
        )
    perp = None
    orgs: list[Span] = []
    if perpetrator is not None:
        perp = Perpetrator(actor_id=actor_id, name=perpetrator, attribution=Attribution(attribution))
        if perpetrator in text:
            q = _find(text, perpetrator)
            orgs = [Span(text=perpetrator, start=q, end=q + len(perpetrator))]

    def spans(texts: tuple[str, ...]) -> list[Span]:
        return [Span(text=t, start=_find(text, t), end=_find(text, t) + len(t)) for t in texts]

    return ExtractedEvent(
        targets=spans(targets),
        victims=spans(victims),
        event_type=event_type,
        sub_type=sub_type,
        date=DateValue(value=when, precision=DatePrecision(precision) if when else None, end=date_end),
        place=place_ref,
        perpetrator=perp,
        perpetrator_organizations=orgs,
        killed=Count(low=killed[0], best=killed[1], high=killed[2]),
        wounded=Count(low=wounded[0], best=wounded[1], high=wounded[2]),
        confidence=confidence,
        evidence=Span(text=evidence, start=start, end=start + len(evidence)),
    )


def build_record(
    doc_id: str,
    text: str,
    events: list[tuple[str, ExtractedEvent]],
    published: date | None = None,
    language: str = "en",
    source: str = "fixture",
    title: str | None = None,
) -> FixtureRecord:
    """A fixture record from a text and (gold incident, event) pairs."""
    lang = Language(language)
    return FixtureRecord(
        document=FixtureDocument(id=doc_id, source=source, title=title, published=published, language=lang, text=text),
        extraction=DocumentExtraction(id=doc_id, language=lang, events=[e for _, e in events]),
        gold=[g for g, _ in events],
    )
