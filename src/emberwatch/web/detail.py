"""One event for the API: the review stage's :class:`EventDetail` plus each source document's full text."""

from __future__ import annotations

from typing import Any

from emberwatch.consolidate.records import EventDetail, EventRecord, EventSource
from emberwatch.review import event_detail
from emberwatch.store import Store
from emberwatch.store.queries import DocumentFilter, query_documents
from emberwatch.web.schemas import (
    CountOut,
    EventDetailOut,
    EventOut,
    EvidenceSpanOut,
    HistoryOut,
    SourceOut,
    event_out,
)


def record_out(record: EventRecord) -> EventOut:
    return event_out(record.model_dump(mode="json", warnings=False))


def _aligned(field: str, span: str, start: int, end: int, text: str | None) -> EvidenceSpanOut | None:
    """The span with offsets that really point at its text in the document (re-found if they drifted)."""
    if text is not None and text[start:end] != span:
        found = text.find(span)
        if found < 0 or not span:
            return None
        start, end = found, found + len(span)
    return EvidenceSpanOut(field=field, text=span, start=start, end=end)


def _source_out(source: EventSource, texts: dict[str, str]) -> SourceOut:
    text = texts.get(source.document_id)
    spans = [span for e in source.evidence if (span := _aligned(e.field, e.text, e.start, e.end, text))]
    return SourceOut(
        mention_id=source.mention_id,
        document_id=source.document_id,
        title=source.title,
        url=source.url,
        source=source.source,
        published=source.published,
        language=source.language,
        near_duplicate_of=source.near_duplicate_of,
        event_type=source.event_type,
        date=source.date,
        place_text=source.place_text,
        perpetrator_mention=source.perpetrator_mention,
        killed=CountOut(**source.killed.model_dump()),
        wounded=CountOut(**source.wounded.model_dump()),
        confidence=source.confidence,
        text=text,
        evidence=spans,
    )


def detail_out(detail: EventDetail, texts: dict[str, str]) -> EventDetailOut:
    """Convert the review stage's record into the API schema (evidence spans checked against the text)."""
    history = [HistoryOut(**h.model_dump()) for h in detail.history]
    overrides: dict[str, Any] = dict(detail.overrides)
    return EventDetailOut(
        event=record_out(detail.event),
        machine=record_out(detail.machine) if detail.machine else None,
        overrides=overrides,
        sources=[_source_out(s, texts) for s in detail.sources],
        history=history,
    )


def load_event_detail(store: Store, event_id: str) -> EventDetailOut:
    """The event ``event_id`` with sources, full document texts, evidence spans and history."""
    detail = event_detail(store, event_id)
    ids = sorted({s.document_id for s in detail.sources})
    texts: dict[str, str] = {}
    if ids:
        frame = query_documents(store, DocumentFilter(ids=ids, with_text=True))
        texts = dict(zip(frame["id"], frame["text"], strict=True))
    return detail_out(detail, texts)
