"""JSON Lines exports: one JSON object per line, fields named by the column mapping."""

from __future__ import annotations

import json
from collections.abc import Iterator

from emberwatch.ingest.models import RecordProblem
from emberwatch.ingest.readers.base import Payload, ReadContext, ReaderItem, register
from emberwatch.ingest.readers.columns import record_from_row
from emberwatch.ingest.text import decode_text


@register(
    "jsonl", extensions=(".jsonl", ".ndjson"), content_types=("application/x-ndjson", "application/jsonl")
)
def read_jsonl(payload: Payload, ctx: ReadContext) -> Iterator[ReaderItem]:
    """One JSON object per line; a malformed line is reported with its number and the rest is read."""
    text = decode_text(payload.data, payload.name, ctx.options.encoding)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        location = f"line {number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RecordProblem(location=location, reason=f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(row, dict):
            yield RecordProblem(location=location, reason=f"expected a JSON object, got {type(row).__name__}")
            continue
        yield record_from_row(row, ctx.options.fields, location)
