"""Analyst review of consolidated events: actions with an audit trail, history, as-of, detail.

Library entry points (the CLI ``emberwatch review ...`` and the API call these):
``verify``, ``reject``, ``edit``, ``merge``, ``split``, ``history``, ``event_as_of``, ``event_detail``.
"""

from emberwatch.consolidate.records import (
    EDITABLE_FIELDS,
    EventDetail,
    EventRecord,
    EventSource,
    EvidenceSnippet,
    HistoryEntry,
)
from emberwatch.review.actions import coerce_field, edit, merge, reject, require_event, split, verify
from emberwatch.review.detail import event_as_of, event_detail, event_sources, history, history_entries

__all__ = [
    "EDITABLE_FIELDS",
    "EventDetail",
    "EventRecord",
    "EventSource",
    "EvidenceSnippet",
    "HistoryEntry",
    "coerce_field",
    "edit",
    "event_as_of",
    "event_detail",
    "event_sources",
    "history",
    "history_entries",
    "merge",
    "reject",
    "require_event",
    "split",
    "verify",
]
