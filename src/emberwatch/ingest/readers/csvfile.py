"""CSV exports with a header row, columns named by the column mapping."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator

from emberwatch.errors import InputError
from emberwatch.ingest.readers.base import Payload, ReadContext, ReaderItem, register
from emberwatch.ingest.readers.columns import record_from_row
from emberwatch.ingest.text import decode_text

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@register("csv", extensions=(".csv", ".tsv"), content_types=("text/csv", "text/tab-separated-values"))
def read_csv(payload: Payload, ctx: ReadContext) -> Iterator[ReaderItem]:
    """CSV (or TSV) with a header row; every other row is one document."""
    text = decode_text(payload.data, payload.name, ctx.options.encoding)
    delimiter = "\t" if payload.name.lower().endswith(".tsv") else ","
    rows = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = rows.fieldnames or []
    if ctx.options.fields.text not in header:
        columns = ", ".join(header) or "none"
        raise InputError(
            f"{payload.name}: no {ctx.options.fields.text!r} column (columns: {columns}); "
            "name the text column with --text-field."
        )
    try:
        for row in rows:
            values = {k: v for k, v in row.items() if k is not None}
            yield record_from_row(values, ctx.options.fields, f"line {rows.line_num}")
    except csv.Error as exc:
        raise InputError(f"{payload.name}: malformed CSV near line {rows.line_num} ({exc}).") from exc
