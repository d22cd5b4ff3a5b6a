"""Turn one JSONL object or CSV row into a raw record using the documented column mapping."""

from __future__ import annotations

from emberwatch.ingest.dates import parse_date
from emberwatch.ingest.language import parse_language
from emberwatch.ingest.models import FieldMapping, RawRecord, RecordProblem


def record_from_row(row: dict[str, object], fields: FieldMapping, location: str) -> RawRecord | RecordProblem:
    """Map ``row`` through ``fields``; a missing or empty text column is a problem for this row only."""
    text = row.get(fields.text)
    if not isinstance(text, str) or not text.strip():
        if fields.text not in row:
            keys = ", ".join(sorted(map(str, row))) or "none"
            reason = f"no {fields.text!r} field (fields here: {keys}); choose one with --text-field"
        else:
            reason = f"field {fields.text!r} is empty or not a string"
        return RecordProblem(location=location, reason=reason)
    warnings: list[str] = []
    raw_date = row.get(fields.date)
    published = parse_date(raw_date)
    if raw_date not in (None, "") and published is None:
        warnings.append(f"{location}: unreadable date {raw_date!r} in {fields.date!r}")
    mapped = {fields.text, fields.title, fields.date, fields.url, fields.language, fields.source, fields.id}
    metadata = {
        str(k): str(v) for k, v in row.items()
        if k not in mapped and isinstance(v, str | int | float | bool) and str(v) != ""
    }  # fmt: skip
    metadata["location"] = location
    if _text(row.get(fields.id)):
        metadata["external_id"] = _text(row.get(fields.id)) or ""
    return RawRecord(
        text=text,
        title=_text(row.get(fields.title)),
        published=published,
        url=_text(row.get(fields.url)),
        source=_text(row.get(fields.source)),
        language=parse_language(_text(row.get(fields.language))),
        location=location,
        metadata=metadata,
        warnings=warnings,
    )


def _text(value: object) -> str | None:
    if isinstance(value, str | int | float) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    return None
