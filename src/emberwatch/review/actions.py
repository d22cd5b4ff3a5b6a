"""Analyst actions on events: verify, reject, edit, merge, split (each one row in ``reviews``).

The machine's values are never overwritten: they live in ``event_versions``; the ``events`` row
shows them with the analyst's edits and status applied. Merges and splits also change which
mentions form the incident and are replayed as must-link / cannot-link constraints by every later
consolidation, so they survive re-extraction and re-consolidation.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import pandas as pd
from pydantic import TypeAdapter, ValidationError

from emberwatch.codebook import load_codebook
from emberwatch.consolidate.incidents import new_event_id
from emberwatch.consolidate.overrides import effective_record
from emberwatch.consolidate.pipeline import now_utc, rebuild_incidents
from emberwatch.consolidate.records import EDITABLE_FIELDS, EventRecord
from emberwatch.errors import InputError, NotFoundError
from emberwatch.models import Attribution, ReviewStatus
from emberwatch.settings import Settings, get_settings
from emberwatch.store import Store
from emberwatch.store.incidents import (
    add_versions,
    current_versions,
    event_mention_ids,
    event_origin,
    events_by_id,
    first_seen,
    known_event_ids,
    update_event_fields,
)
from emberwatch.store.reviews import ReviewRow, insert_reviews, load_reviews

LIST_FIELDS = {"targets", "victims", "weapons", "mechanisms"}
RANGES = {
    "date_precision": (1, 5),
    "location_precision": (1, 7),
    "lat": (-90, 90),
    "lon": (-180, 180),
    "confidence": (0, 1),
}
COUNT_FIELDS = {f"{k}_{p}" for k in ("killed", "wounded") for p in ("low", "best", "high")}


def _review(
    event_id: str, action: str, author: str, reason: str | None, now: datetime, **kw: Any
) -> ReviewRow:
    return ReviewRow(
        id="rv_" + uuid.uuid4().hex[:20],
        event_id=event_id,
        action=action,
        field=kw.get("field"),
        old_value=kw.get("old_value"),
        new_value=kw.get("new_value"),
        reason=reason,
        author=author,
        created_at=now,
        payload=kw.get("payload") or {},
    )


def _check_author(author: str) -> str:
    if not author or not author.strip():
        raise InputError("An author is required for every review action (--author, default $USER).")
    return author.strip()


def _check_reason(reason: str | None, action: str) -> str:
    if not reason or not reason.strip():
        raise InputError(
            f'A reason is required to {action} an event (--reason "..."): it goes in the audit trail.'
        )
    return reason.strip()


def require_event(store: Store, event_id: str) -> EventRecord:
    """The current event, or a :class:`NotFoundError` that says where a merged event went."""
    frame = events_by_id(store, [event_id])
    if not frame.empty:
        return _record_from_row(frame.iloc[0].to_dict())
    for review in reversed(load_reviews(store, event_ids=[event_id], actions=["merge"])):
        if "into" in review.payload:
            raise NotFoundError(
                f"Event '{event_id}' was merged into '{review.payload['into']}' on "
                f"{review.created_at:%Y-%m-%d %H:%M} by {review.author}; use that id."
            )
    raise NotFoundError(f"No event with id '{event_id}'. List event ids with `emberwatch events`.")


def _record_from_row(row: dict[str, Any]) -> EventRecord:
    clean: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, list | tuple) or hasattr(value, "tolist"):
            clean[key] = list(value.tolist() if hasattr(value, "tolist") else value)
        elif value is None or pd.isna(value):
            clean[key] = None
        elif isinstance(value, pd.Timestamp):
            clean[key] = value.date() if key in ("date", "date_end") else value.to_pydatetime()
        else:
            clean[key] = value
    for key in ("targets", "victims", "weapons", "mechanisms"):
        clean[key] = clean.get(key) or []
    if clean.get("n_sources") is None:
        clean["n_sources"] = 1
    return EventRecord.model_validate(clean)


def _machine(store: Store, event: EventRecord, now: datetime) -> tuple[EventRecord, dict[str, Any] | None]:
    """The machine record of an event; imported events get their first version snapshotted."""
    current = current_versions(store, [event.id])
    if not current.empty:
        row = current.iloc[0]
        record = EventRecord.model_validate_json(row["record"])
        created = first_seen(store, event.id) or pd.Timestamp(row["valid_from"]).to_pydatetime()
        return (
            record.model_copy(
                update={"created_at": created, "updated_at": pd.Timestamp(row["valid_from"]).to_pydatetime()}
            ),
            None,
        )
    snapshot = event.model_copy(update={"review_status": ReviewStatus.unreviewed})
    version = {
        "event_id": event.id,
        "version": 1,
        "valid_from": event.created_at or now,
        "valid_to": None,
        "record_hash": "import",
        "cause": "import",
        "record": snapshot.model_dump_json(exclude={"review_status", "created_at", "updated_at"}),
    }
    return snapshot, version


def _apply(store: Store, event: EventRecord, reviews: list[ReviewRow], now: datetime) -> EventRecord:
    """Write the review rows and the event's effective values, in one transaction."""
    machine, snapshot = _machine(store, event, now)
    all_reviews = load_reviews(store, event_ids=[event.id]) + reviews
    effective = effective_record(machine, all_reviews)
    _check_ranges(effective)
    values = effective.model_dump(mode="python", exclude={"id", "origin", "created_at"})
    with store.transaction() as tx:
        if snapshot is not None:
            add_versions(store, tx, [snapshot])
        insert_reviews(store, reviews, tx)
        update_event_fields(tx, event.id, values)
    return effective


def _check_ranges(record: EventRecord) -> None:
    for kind in ("killed", "wounded"):
        low, best, high = (getattr(record, f"{kind}_{p}") for p in ("low", "best", "high"))
        known = [v for v in (low, best, high) if v is not None]
        if known != sorted(known):
            raise InputError(
                f"{kind} must satisfy low <= best <= high, got low={low}, best={best}, high={high}; "
                f"edit the other {kind} fields first or give consistent values."
            )


def verify(store: Store, event_id: str, author: str, reason: str | None = None) -> EventRecord:
    """Mark an event as checked by an analyst (also undoes a rejection)."""
    event = require_event(store, event_id)
    now = now_utc()
    row = _review(
        event_id,
        "verify",
        _check_author(author),
        reason,
        now,
        old_value=event.review_status.value,
        new_value="verified",
    )
    return _apply(store, event, [row], now)


def reject(store: Store, event_id: str, author: str, reason: str) -> EventRecord:
    """Mark an event as not a real incident: hidden from listings unless asked for, never deleted."""
    event = require_event(store, event_id)
    now = now_utc()
    row = _review(
        event_id,
        "reject",
        _check_author(author),
        _check_reason(reason, "reject"),
        now,
        old_value=event.review_status.value,
        new_value="rejected",
    )
    return _apply(store, event, [row], now)


def coerce_field(field: str, value: Any, settings: Settings | None = None, store: Store | None = None) -> Any:
    """Validate and convert an edited value (strings from the CLI are parsed); raises InputError."""
    if field not in EDITABLE_FIELDS:
        raise InputError(f"Field '{field}' cannot be edited. Editable fields: {', '.join(EDITABLE_FIELDS)}.")
    if isinstance(value, str) and value.strip().lower() in {"", "null", "none"} and field != "event_type":
        return [] if field in LIST_FIELDS else None
    if field in LIST_FIELDS and isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    annotation: Any = EventRecord.model_fields[field].annotation
    try:
        coerced = TypeAdapter(annotation).validate_python(value, strict=False)
    except ValidationError as exc:
        expected = {"date": "an ISO date YYYY-MM-DD", "date_end": "an ISO date YYYY-MM-DD"}.get(
            field, str(annotation).replace("typing.", "")
        )
        raise InputError(f"Invalid value {value!r} for '{field}': expected {expected}.") from exc
    if isinstance(coerced, date) and field in ("date", "date_end") and isinstance(value, str):
        date.fromisoformat(value.strip())  # rejects non-ISO forms pydantic would accept
    _check_domain(field, coerced, settings, store)
    return coerced


def _check_domain(field: str, value: Any, settings: Settings | None, store: Store | None) -> None:
    if value is None:
        return
    if field in COUNT_FIELDS and value < 0:
        raise InputError(f"'{field}' must be 0 or more, got {value}.")
    if field in RANGES:
        lo, hi = RANGES[field]
        if not lo <= value <= hi:
            raise InputError(f"'{field}' must be between {lo} and {hi}, got {value}.")
    if field == "attribution" and value not in {a.value for a in Attribution}:
        raise InputError(f"Unknown attribution '{value}'. Known: {', '.join(a.value for a in Attribution)}.")
    if field == "country_code" and (len(value) != 2 or not value.isalpha()):
        raise InputError(f"country_code must be an ISO 3166 alpha-2 code such as IQ or SY, got '{value}'.")
    if field in ("event_type", "perpetrator_id", "mechanisms"):
        _check_codebook(field, value, settings or get_settings(), store)


def _check_codebook(field: str, value: Any, settings: Settings, store: Store | None) -> None:
    codebook = load_codebook(settings.codebook)
    where = "the codebook (`emberwatch codebook list`)"
    if field == "event_type":
        types = {t.id for t in codebook.event_types}
        if value not in types:
            raise InputError(f"Unknown event type '{value}' in {where}. Known: {', '.join(sorted(types))}.")
    elif field == "perpetrator_id":
        actors = {a.id for a in codebook.actors}
        if store is not None:
            actors |= {r[0] for r in store.execute("SELECT id FROM actors").fetchall()}
        if value not in actors:
            raise InputError(f"Unknown actor id '{value}' in {where}. Known: {', '.join(sorted(actors))}.")
    else:
        codes = {m.code for m in codebook.mechanisms}
        unknown = [v for v in value if v not in codes]
        if unknown:
            raise InputError(f"Unknown mechanism code(s) {unknown} in {where}. Known: {', '.join(sorted(codes))}.")


def edit(
    store: Store,
    event_id: str,
    field: str,
    value: Any,
    author: str,
    reason: str,
    settings: Settings | None = None,
) -> EventRecord:
    """Override one field of an event; the machine value stays in the event's versions."""
    event = require_event(store, event_id)
    coerced = coerce_field(field, value, settings, store)
    if field in ("date", "date_end") and coerced is not None:
        coerced = coerced.isoformat()
    now = now_utc()
    old = getattr(event, field)
    row = _review(
        event_id,
        "edit",
        _check_author(author),
        _check_reason(reason, "edit"),
        now,
        field=field,
        old_value=old.isoformat() if isinstance(old, date) else old,
        new_value=coerced,
    )
    return _apply(store, event, [row], now)


def _extracted(store: Store, event_id: str, action: str) -> EventRecord:
    event = require_event(store, event_id)
    if event_origin(store, event_id) != "extracted":
        raise InputError(
            f"Event '{event_id}' has origin '{event.origin}': only extracted events can be {action}d "
            "(imported events have no mentions to regroup)."
        )
    return event


def merge(
    store: Store, event_ids: Sequence[str], author: str, reason: str, settings: Settings | None = None
) -> str:
    """Merge several events into one; returns the kept id (the oldest event)."""
    ids = list(dict.fromkeys(event_ids))
    if len(ids) < 2:
        raise InputError("Give at least two different event ids to merge.")
    author, reason = _check_author(author), _check_reason(reason, "merge")
    events = [_extracted(store, eid, "merge") for eid in ids]
    kept = min(events, key=lambda e: (e.created_at or datetime.max, e.id)).id
    groups = {eid: event_mention_ids(store, eid) for eid in ids}
    others = [eid for eid in ids if eid != kept]
    now = now_utc()
    rows = [
        _review(
            kept,
            "merge",
            author,
            reason,
            now,
            old_value=ids,
            new_value=kept,
            payload={"merged_event_ids": others, "groups": groups},
        )
    ] + [
        _review(eid, "merge", author, reason, now, old_value=eid, new_value=kept, payload={"into": kept})
        for eid in others
    ]
    with store.transaction() as tx:
        insert_reviews(store, rows, tx)
        members = sorted({m for ms in groups.values() for m in ms})
        rebuild_incidents(store, tx, {kept: members}, others, "merge", now, settings)
    return kept


def split(
    store: Store,
    event_id: str,
    mention_ids: Sequence[str],
    author: str,
    reason: str,
    settings: Settings | None = None,
) -> str:
    """Move some mentions of an event into a new event; returns the new event's id."""
    _extracted(store, event_id, "split")
    author, reason = _check_author(author), _check_reason(reason, "split")
    current = event_mention_ids(store, event_id)
    chosen = sorted(dict.fromkeys(mention_ids))
    unknown = [m for m in chosen if m not in current]
    if unknown:
        raise InputError(
            f"Mention(s) {unknown} are not sources of event '{event_id}'. Its mentions: {', '.join(current)} "
            f"(see `emberwatch review show {event_id}`)."
        )
    remaining = [m for m in current if m not in chosen]
    if not chosen or not remaining:
        raise InputError("A split needs at least one mention to move and at least one to keep.")
    new_id = new_event_id(chosen, known_event_ids(store))
    now = now_utc()
    rows = [
        _review(
            event_id,
            "split",
            author,
            reason,
            now,
            old_value=current,
            new_value=remaining,
            payload={"mention_ids": chosen, "remaining": remaining, "new_event_id": new_id},
        ),
        _review(
            new_id,
            "split",
            author,
            reason,
            now,
            old_value=None,
            new_value=chosen,
            payload={"from": event_id, "mention_ids": chosen},
        ),
    ]
    with store.transaction() as tx:
        insert_reviews(store, rows, tx)
        rebuild_incidents(store, tx, {event_id: remaining, new_id: chosen}, [], "split", now, settings)
    return new_id
