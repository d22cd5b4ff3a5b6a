"""Evidence passages behind events: mechanism passages and quotes, read from the sources' JSON.

The JSON is written by the extraction and consolidation stages (``event_mentions.record``: an
``ExtractedEvent``; ``event_sources.evidence``: ``{"fields": {field: [span, ...]}}``). It is read
defensively: a mechanism passage is any ``{"code": ..., "evidence": {"text", "start", "end"}}`` (or with
the span fields inline) found under a ``mechanisms`` key; a quote is the record's ``evidence`` span, or
the first span of ``fields.event``.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

import pandas as pd
from pydantic import BaseModel, ConfigDict

from emberwatch.store import Store
from emberwatch.store.analysis import event_sources

log = logging.getLogger(__name__)

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]")


class Passage(BaseModel):
    """A sentence or span in a source document that supports an event (and possibly a mechanism)."""

    model_config = ConfigDict(frozen=True)

    event_id: str
    document_id: str | None = None
    mechanism: str | None = None
    text: str
    start: int | None = None
    end: int | None = None
    language: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None

    @property
    def ref(self) -> str:
        """Short reference ``document:start-end`` (or the event id when the document is unknown)."""
        where = f":{self.start}-{self.end}" if self.start is not None and self.end is not None else ""
        return f"{self.document_id or self.event_id}{where}"

    @property
    def is_arabic(self) -> bool:
        return self.language == "ar" or bool(_ARABIC.search(self.text))


def _load(raw: object) -> Any:
    if raw is None or (isinstance(raw, float) and pd.isna(raw)):
        return None
    if isinstance(raw, str):
        try:
            return json.loads(raw)
        except json.JSONDecodeError:
            log.debug("evidence JSON is not valid JSON: %.80s", raw)
            return None
    return raw


def _span(value: Any) -> tuple[str, int | None, int | None] | None:
    if isinstance(value, dict) and isinstance(value.get("text"), str) and value["text"].strip():
        start, end = value.get("start"), value.get("end")
        return value["text"], start if isinstance(start, int) else None, end if isinstance(end, int) else None
    return None


def _mechanism_hits(node: Any) -> Iterator[tuple[str, tuple[str, int | None, int | None]]]:
    """(code, span) for every mechanism hit anywhere in a JSON tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "mechanisms" and isinstance(value, list):
                for hit in value:
                    if isinstance(hit, dict) and isinstance(hit.get("code"), str):
                        span = _span(hit.get("evidence")) or _span(hit)
                        if span:
                            yield hit["code"], span
            else:
                yield from _mechanism_hits(value)
    elif isinstance(node, list):
        for item in node:
            yield from _mechanism_hits(item)


def _quote(record: Any, evidence: Any) -> tuple[str, int | None, int | None] | None:
    """The trigger sentence: ``record.evidence`` or, in field evidence, ``fields.event[0]``."""
    for node in (record, evidence):
        if not isinstance(node, dict):
            continue
        span = _span(node.get("evidence")) or _span(node.get("trigger")) or _span(node.get("sentence"))
        fields = node.get("fields")
        if span is None and isinstance(fields, dict) and isinstance(fields.get("event"), list) and fields["event"]:
            span = _span(fields["event"][0])
        if span:
            return span
    return None


def _meta(row: Any, event_id: str) -> dict[str, Any]:
    published = row.published if isinstance(row.published, date) and not pd.isna(row.published) else None
    return {
        "event_id": event_id,
        "document_id": row.document_id if isinstance(row.document_id, str) else None,
        "language": row.language if isinstance(row.language, str) else None,
        "url": row.url if isinstance(row.url, str) else None,
        "title": row.title if isinstance(row.title, str) else None,
        "published": published,
    }


def mechanism_passages(
    store: Store, event_ids: Sequence[str], mechanisms: Sequence[str] | None = None
) -> list[Passage]:
    """Passages coded with a mechanism (one of ``mechanisms`` if given) behind the given events."""
    wanted = set(mechanisms or [])
    passages: dict[tuple[str, str | None, str, int | None], Passage] = {}
    for row in event_sources(store, list(event_ids)).itertuples(index=False):
        for node in (_load(row.record), _load(row.evidence)):
            for code, (text, start, end) in _mechanism_hits(node):
                if wanted and code not in wanted:
                    continue
                key = (row.event_id, row.document_id, code, start if start is not None else hash(text))
                passages.setdefault(
                    key, Passage(mechanism=code, text=text, start=start, end=end, **_meta(row, row.event_id))
                )
    return list(passages.values())


def event_quotes(store: Store, event_ids: Sequence[str], per_event: int = 2) -> dict[str, list[Passage]]:
    """Up to ``per_event`` evidence quotes (trigger sentences) per event, one per source document."""
    quotes: dict[str, list[Passage]] = {}
    for row in event_sources(store, list(event_ids)).itertuples(index=False):
        span = _quote(_load(row.record), _load(row.evidence))
        if span is None:
            continue
        found = quotes.setdefault(row.event_id, [])
        if len(found) < per_event and all(q.text != span[0] for q in found):
            found.append(Passage(text=span[0], start=span[1], end=span[2], **_meta(row, row.event_id)))
    return quotes
