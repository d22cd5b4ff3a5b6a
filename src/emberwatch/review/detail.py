"""Read one event in depth: its history, its state at a past moment, and its full detail."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from emberwatch.consolidate.overrides import effective_record, overrides_of
from emberwatch.consolidate.records import (
    MACHINE_EXCLUDE,
    EventDetail,
    EventRecord,
    EventSource,
    EvidenceSnippet,
    FieldEvidence,
    HistoryEntry,
)
from emberwatch.errors import NotFoundError
from emberwatch.models import Count, Span
from emberwatch.review.actions import require_event
from emberwatch.store import Store
from emberwatch.store.incidents import event_sources_frame, first_seen, version_at, versions_of
from emberwatch.store.reviews import load_reviews

MACHINE_AUTHOR = "emberwatch"
CONTEXT_CHARS = 120
HISTORY_COLUMNS = ["at", "action", "field", "old_value", "new_value", "author", "reason", "review_id"]


def _naive_utc(when: datetime) -> datetime:
    return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when


def _ts(value: Any) -> datetime:
    return pd.Timestamp(value).to_pydatetime()


def _machine_entries(store: Store, event_id: str) -> list[HistoryEntry]:
    versions = versions_of(store, event_id)
    entries: list[HistoryEntry] = []
    previous: dict[str, Any] | None = None
    for row in versions.itertuples(index=False):
        record = json.loads(row.record)
        author = f"{MACHINE_AUTHOR} ({row.cause})"
        if previous is None:
            entries.append(
                HistoryEntry(
                    at=_ts(row.valid_from), action="created", author=author, new_value=record.get("summary")
                )
            )
        else:
            for key in sorted(set(record) | set(previous)):
                if key not in MACHINE_EXCLUDE and record.get(key) != previous.get(key):
                    entries.append(
                        HistoryEntry(
                            at=_ts(row.valid_from),
                            action="machine_update",
                            field=key,
                            old_value=previous.get(key),
                            new_value=record.get(key),
                            author=author,
                        )
                    )
        previous = record
    if len(versions) and pd.notna(versions.iloc[-1]["valid_to"]):
        entries.append(
            HistoryEntry(at=_ts(versions.iloc[-1]["valid_to"]), action="removed", author=MACHINE_AUTHOR)
        )
    return entries


def history_entries(store: Store, event_id: str) -> list[HistoryEntry]:
    """Machine versions and analyst reviews of one event, oldest first."""
    entries = _machine_entries(store, event_id)
    entries += [
        HistoryEntry(
            at=r.created_at,
            action=r.action,
            field=r.field,
            old_value=r.old_value,
            new_value=r.new_value,
            author=r.author,
            reason=r.reason,
            review_id=r.id,
        )
        for r in load_reviews(store, event_ids=[event_id])
    ]
    if not entries:
        raise NotFoundError(f"No history for event '{event_id}'. List event ids with `emberwatch events`.")
    order = {"created": 0, "machine_update": 1, "removed": 3}
    return sorted(entries, key=lambda e: (e.at, order.get(e.action, 2)))


def history(store: Store, event_id: str) -> pd.DataFrame:
    """The audit trail of one event as a DataFrame (columns ``HISTORY_COLUMNS``)."""
    entries = history_entries(store, event_id)
    return pd.DataFrame([e.model_dump() for e in entries], columns=HISTORY_COLUMNS)


def event_as_of(store: Store, event_id: str, when: datetime) -> EventRecord:
    """The event as it stood at ``when``: the machine version valid then plus the reviews made by then."""
    when = _naive_utc(when)
    record = version_at(store, event_id, when)
    if record is None:
        raise NotFoundError(
            f"Event '{event_id}' did not exist at {when:%Y-%m-%d %H:%M:%S} UTC "
            f"(see `emberwatch review history {event_id}`)."
        )
    versions = versions_of(store, event_id)
    valid_from = versions[versions["record"] == record]["valid_from"].iloc[0]
    machine = EventRecord.model_validate_json(record).model_copy(
        update={"created_at": first_seen(store, event_id), "updated_at": _ts(valid_from)}
    )
    return effective_record(machine, load_reviews(store, event_ids=[event_id], until=when))


def _snippets(text: str | None, evidence: FieldEvidence) -> list[EvidenceSnippet]:
    out = []
    for field, spans in evidence.fields.items():
        for span in spans:
            out.append(_snippet(field, span, text))
    return out


def _snippet(field: str, span: Span, text: str | None) -> EvidenceSnippet:
    if not text or span.end > len(text):
        return EvidenceSnippet(
            field=field,
            text=span.text,
            start=span.start,
            end=span.end,
            context=span.text,
            context_start=span.start,
        )
    lo = max(0, span.start - CONTEXT_CHARS)
    hi = min(len(text), span.end + CONTEXT_CHARS)
    return EvidenceSnippet(
        field=field,
        text=span.text,
        start=span.start,
        end=span.end,
        context=text[lo:hi],
        context_start=lo,
    )


def _value(value: Any) -> Any:
    if value is None:
        return None
    try:
        return None if pd.isna(value) else value
    except (TypeError, ValueError):
        return value


def _count(row: Any, kind: str) -> Count:
    return Count(**{p: _value(getattr(row, f"{kind}_{p}")) for p in ("low", "best", "high")})


def event_sources(store: Store, event_id: str) -> list[EventSource]:
    """The sources of one event with document metadata and evidence snippets per field."""
    frame = event_sources_frame(store, [event_id])
    sources = []
    for row in frame.itertuples(index=False):
        evidence = (
            FieldEvidence.model_validate_json(row.evidence) if _value(row.evidence) else FieldEvidence()
        )
        published = _value(row.published)
        mention_date = _value(row.date)
        sources.append(
            EventSource(
                mention_id=row.mention_id,
                document_id=row.document_id,
                title=_value(row.title),
                url=_value(row.url),
                source=_value(row.source),
                published=pd.Timestamp(published).date() if published is not None else None,
                language=_value(row.language),
                near_duplicate_of=_value(row.near_duplicate_of),
                extractor_version=_value(row.extractor_version),
                event_type=_value(row.event_type),
                date=pd.Timestamp(mention_date).date() if mention_date is not None else None,
                date_precision=_value(row.date_precision),
                place_text=_value(row.place_text),
                perpetrator_mention=_value(row.perpetrator_mention),
                killed=_count(row, "killed"),
                wounded=_count(row, "wounded"),
                confidence=_value(row.confidence),
                evidence=_snippets(_value(row.text), evidence),
            )
        )
    return sources


def event_detail(store: Store, event_id: str) -> EventDetail:
    """Everything about one event: fields, machine values, analyst overrides, sources, history."""
    event = require_event(store, event_id)
    versions = versions_of(store, event_id)
    machine = None
    current = versions[versions["valid_to"].isna()]
    if not current.empty:
        machine = EventRecord.model_validate_json(current.iloc[-1]["record"])
    return EventDetail(
        event=event,
        machine=machine,
        overrides=overrides_of(load_reviews(store, event_ids=[event_id])),
        sources=event_sources(store, event_id),
        history=history_entries(store, event_id)
        if (len(versions) or event.review_status != "unreviewed")
        else [],
    )
